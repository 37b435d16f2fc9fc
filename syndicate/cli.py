"""The ``syndicate`` command: the only module that prints, reads argv or exits.

Exit codes: 0 clean, 1 violations found, 2 could not judge (usage, config, unreadable source).
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar, cast

import click

from syndicate import __version__
from syndicate.api import read_article
from syndicate.errors import SyndicateError
from syndicate.models import Article

EXIT_OK, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2
F = TypeVar("F", bound=Callable[..., Any])


class _State:
    debug = False


def _error(source: str | None, exc: BaseException) -> None:
    """One clear line on stderr; the traceback only with --debug."""
    if _State.debug:
        traceback.print_exception(exc, file=sys.stderr)
    message = str(exc) or type(exc).__name__
    if source and not message.startswith(source):
        message = f"{source}: {message}"
    click.echo(f"syndicate: error: {message}", err=True)


def _articles(sources: Sequence[str]) -> Iterator[tuple[str, Article | None]]:
    """Read each SOURCE in turn; a bad one is reported and yields None, the rest go on."""
    for source in sources:
        try:
            yield source, read_article(source)
        except SyndicateError as exc:
            _error(source, exc)
            yield source, None
        except RecursionError as exc:
            _error(source, SyndicateError(f"{source}: markup nested too deeply to read"))
            del exc
            yield source, None


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="syndicate")
@click.option("--debug", is_flag=True, help="Show the traceback of any error.")
def cli(debug: bool) -> None:
    """Republish news articles by the publisher's rules.

    \b
      syndicate extract page.html          read an article off a page
      syndicate check URL                  may it be republished, and why
      syndicate snippet URL                the compliant embed HTML
      syndicate lint copy.html             check a partner's copy against the original
    """
    _State.debug = debug


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "html", "text"]),
    default="json",
    show_default=True,
    help="json: one object (a list for several sources); jsonl: one per line.",
)
@click.argument("sources", nargs=-1, required=True)
def extract(fmt: str, sources: tuple[str, ...]) -> None:
    """Read the article off each SOURCE (a file, an http(s) URL or -).

    \b
      syndicate extract fixtures/pages/forward/askhamas.html
      syndicate extract --format jsonl pages/*.html > articles.jsonl
    """
    failed = False
    collected: list[dict[str, Any]] = []
    for _source, article in _articles(sources):
        if article is None:
            failed = True
            continue
        if fmt == "json":
            collected.append(article.model_dump(mode="json"))
        elif fmt == "jsonl":
            click.echo(json.dumps(article.model_dump(mode="json"), ensure_ascii=False))
        elif fmt == "html":
            click.echo(article.body_html)
        else:
            click.echo(article.body_text)
    if fmt == "json" and collected:
        click.echo(_dump(collected[0] if len(sources) == 1 else collected))
    sys.exit(EXIT_ERROR if failed else EXIT_OK)


# --- check (policy) -------------------------------------------------------------------


def _color() -> bool | None:
    """False when NO_COLOR is set (https://no-color.org); else click decides (a TTY or not)."""
    return False if os.environ.get("NO_COLOR") else None


@cli.command()
@click.option("--profile", "profile", metavar="NAME", help="A built-in profile: forward, inn.")
@click.option("--config", metavar="FILE", help="A profile file (TOML).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: one object (a list for several sources).",
)
@click.argument("sources", nargs=-1, required=True)
def check(profile: str | None, config: str | None, fmt: str, sources: tuple[str, ...]) -> None:
    """May each SOURCE (a file, an http(s) URL or -) be republished, and why.

    Without --profile or --config, the profile is syndicate.toml or [tool.syndicate] in
    pyproject.toml, found from here upwards, else the Forward's. Exit 0 when every source
    may be republished, 1 when any may not, 2 when one could not be read or judged.

    \b
      syndicate check fixtures/pages/forward/jta-byline.html
      syndicate check --profile inn --format json https://example.org/story/
    """
    from syndicate.policy import evaluate, load_profile
    from syndicate.report.check import Checked, summary, to_json, to_text

    if profile is not None and config is not None:
        raise click.UsageError("--profile and --config cannot be used together")
    judged = load_profile(profile, config=config)
    results: list[Checked] = []
    failed = 0
    for source, article in _articles(sources):
        if article is None:
            failed += 1
            continue
        results.append(Checked(source, article, evaluate(article, judged, source=source)))
        if fmt == "text":
            click.echo(to_text(results[-1]), color=_color())
    if fmt == "json" and results:
        click.echo(to_json(results, many=len(sources) > 1))
    elif fmt == "text" and len(sources) > 1:
        click.echo(summary(results, failed=failed), color=_color())
    if failed:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_OK if all(c.verdict.republishable for c in results) else EXIT_VIOLATIONS)


# --- rules (policy) -------------------------------------------------------------------


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="markdown: the page docs/rules.md is generated from.",
)
@click.option("--scope", type=click.Choice(["article", "copy"]), help="Only this scope's rules.")
def rules(fmt: str, scope: str | None) -> None:
    """List every rule with its slug, scope, default severity and summary.

    \b
      syndicate rules
      syndicate rules --format markdown > docs/rules.md
    """
    from syndicate.policy import all_rules
    from syndicate.policy.docs import rules_json, rules_markdown, rules_text
    from syndicate.policy.registry import Scope

    found = all_rules(cast(Scope | None, scope))
    render = {"text": rules_text, "json": rules_json, "markdown": rules_markdown}[fmt]
    click.echo(render(found), nl=fmt != "markdown")


# --- snippet (emit) -------------------------------------------------------------------


@cli.command()
@click.argument("sources", nargs=-1, required=True)
def snippet(sources: tuple[str, ...]) -> None:
    """Print the compliant embed HTML for a SOURCE."""
    raise click.UsageError("snippet is not available yet")


# --- lint -----------------------------------------------------------------------------


@cli.command()
@click.argument("copies", nargs=-1, required=True)
def lint(copies: tuple[str, ...]) -> None:
    """Check a partner's copy against the original."""
    raise click.UsageError("lint is not available yet")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code instead of raising SystemExit."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="syndicate",
            standalone_mode=False,
        )
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_ERROR
    except click.exceptions.Abort:
        click.echo("syndicate: error: aborted", err=True)
        return EXIT_ERROR
    except click.ClickException as exc:
        exc.show()
        return EXIT_ERROR
    except SyndicateError as exc:
        _error(None, exc)
        return EXIT_ERROR
    return EXIT_OK
