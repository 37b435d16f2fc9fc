"""The ``syndicate`` command: the only module that prints, reads argv or exits.

Exit codes: 0 clean, 1 violations found, 2 could not judge (usage, config, unreadable source).
"""

from __future__ import annotations

import json
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

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


@cli.command()
@click.argument("sources", nargs=-1, required=True)
def check(sources: tuple[str, ...]) -> None:
    """May each SOURCE be republished under the publisher's rules, and why."""
    raise click.UsageError("check is not available yet")


# --- rules (policy) -------------------------------------------------------------------


@cli.command()
def rules() -> None:
    """List every rule with its slug, severity and summary."""
    raise click.UsageError("rules is not available yet")


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
