"""The ``syndicate`` command: the only module that prints, reads argv or exits.

Exit codes: 0 clean, 1 violations found, 2 could not judge (usage, config, unreadable source).
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import secrets
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from syndicate import __version__
from syndicate.api import read_article
from syndicate.emit import emit_snippet
from syndicate.errors import NotAnArticle, SyndicateError
from syndicate.models import Article, Snippet, Verdict
from syndicate.parse import urls
from syndicate.policy.profile import Profile
from syndicate.report import one_line
from syndicate.source import CONNECT_TIMEOUT, DEADLINE, MAX_BYTES, READ_TIMEOUT, Limits
from syndicate.source import is_url as source_is_url

EXIT_OK, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2
F = TypeVar("F", bound=Callable[..., Any])


class _State:
    debug = False
    limits: Limits | None = None


INTERNAL_HINT = "(run with --debug for the traceback)"
MAX_TIMEOUT = 86_400.0
"""The longest --timeout, a day: the fetch's watchdog timer cannot wait for ``inf``."""


def _a_number(value: float) -> float:
    if math.isnan(value):
        raise click.BadParameter("nan is not a number of seconds")
    return value


def _error(source: str | None, exc: BaseException) -> None:
    """One clear line on stderr; the traceback only with --debug.

    A ``SyndicateError`` is the input's fault: ``syndicate: error: SOURCE: cause``. Anything
    else is a bug in syndicate: ``syndicate: internal error: SOURCE: Type: cause (run with
    --debug for the traceback)``.
    """
    if _State.debug:
        traceback.print_exception(exc, file=sys.stderr)
    expected = isinstance(exc, SyndicateError)
    text = one_line(str(exc) or type(exc).__name__)
    message = text if expected else f"{type(exc).__name__}: {text}"
    shown = one_line(source or "")
    if shown and not message.startswith(shown):
        message = f"{shown}: {message}"
    if expected:
        click.echo(f"syndicate: error: {message}", err=True)
    else:
        hint = "" if _State.debug else f" {INTERNAL_HINT}"
        click.echo(f"syndicate: internal error: {message}{hint}", err=True)


def _articles(sources: Sequence[str]) -> Iterator[tuple[str, Article | None]]:
    """Read each SOURCE in turn; a bad one is reported and yields None, the rest go on.

    Not even a bug stops the batch: an unexpected exception is reported as an internal
    error for that SOURCE alone.
    """
    for source in sources:
        try:
            article = _story(source)
        except SyndicateError as exc:
            _error(source, exc)
            yield source, None
        except RecursionError:
            _error(source, SyndicateError(f"{source}: markup nested too deeply to read"))
            yield source, None
        except Exception as exc:  # a bug: reported as one, and the batch goes on
            _error(source, exc)
            yield source, None
        else:
            yield source, article


def _story(source: str) -> Article:
    """The article of SOURCE; a page with no story text at all is not an article."""
    article = read_article(source, limits=_State.limits)
    if not article.body_text.strip():
        raise NotAnArticle(f"{source}: not an article (no story text on the page)")
    return article


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="syndicate")
@click.option("--debug", is_flag=True, help="Show the traceback of any error.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True, max=MAX_TIMEOUT),
    callback=lambda _ctx, _param, value: _a_number(value),
    default=DEADLINE,
    show_default=True,
    metavar="SECONDS",
    help="Total time allowed for fetching one URL, redirects included.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=MAX_BYTES,
    show_default=True,
    metavar="BYTES",
    help="Largest document read from a URL, a file or standard input.",
)
def cli(debug: bool, timeout: float, max_bytes: int) -> None:
    """Republish news articles by the publisher's rules.

    \b
      syndicate extract page.html          read an article off a page
      syndicate check URL                  may it be republished, and why
      syndicate snippet URL                the compliant embed HTML
      syndicate lint copy.html             check a partner's copy against the original
    """
    _State.debug = debug
    _State.limits = Limits(
        max_bytes=max_bytes,
        deadline=timeout,
        connect_timeout=min(CONNECT_TIMEOUT, timeout),
        read_timeout=min(READ_TIMEOUT, timeout),
    )


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
@click.option("--profile", "profile", metavar="NAME", help="A built-in profile: forward, inn.")
@click.option("--config", metavar="FILE", help="A profile file (TOML).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "json"]),
    default="html",
    show_default=True,
    help='json: {"head", "body", "article"} for CMS integrations.',
)
@click.option(
    "--out",
    metavar="DIR",
    type=click.Path(file_okay=False, writable=True),
    help="Write one file per story into DIR (batch mode; several SOURCEs allowed).",
)
@click.argument("sources", nargs=-1, required=True)
def snippet(
    profile: str | None, config: str | None, fmt: str, out: str | None, sources: tuple[str, ...]
) -> None:
    """Print the compliant embed for a SOURCE (a file, an http(s) URL or -).

    The first line is the <link rel="canonical"> for the partner's <head>; the rest is the
    story. A story the policy refuses gets no embed: its reasons go to stderr, exit 1.
    With --out, each SOURCE is written to DIR/NAME.html (NAME: the post id, else the URL's
    slug, else the file's stem); refused ones are skipped; exit 1 if any was refused, 2 if
    any could not be read.

    \b
      syndicate snippet fixtures/pages/forward/askhamas.html
      syndicate snippet --format json https://forward.com/news/123/some-story/
      syndicate snippet --out embeds/ archive/*.html
    """
    from syndicate.policy import evaluate, load_profile

    if profile is not None and config is not None:
        raise click.UsageError("--profile and --config cannot be used together")
    if out is None and len(sources) > 1:
        raise click.UsageError("several SOURCEs need --out DIR (one file per story)")
    chosen = load_profile(profile, config=config)
    if out is not None:
        sys.exit(_snippet_batch(sources, chosen, fmt, Path(out)))
    for source, article in _articles(sources):
        if article is None:
            sys.exit(EXIT_ERROR)
        verdict = evaluate(article, chosen, source=source)
        if not verdict.ok:
            _snippet_refused(source, article, verdict)
            sys.exit(EXIT_VIOLATIONS)
        click.echo(_snippet_text(emit_snippet(article, chosen), article, fmt), nl=False)
    sys.exit(EXIT_OK)


def _snippet_text(embed: Snippet, article: Article, fmt: str) -> str:
    """The embed as printed or written: HTML (head line, then body), or the JSON object."""
    if fmt == "html":
        return embed.html
    fields = article.model_dump(mode="json", exclude={"body_html", "body_text"})
    return _dump({"head": embed.head, "body": embed.body, "article": fields}) + "\n"


def _snippet_refused(source: str, article: Article, verdict: Verdict) -> None:
    from syndicate.report.check import Checked, to_text

    click.echo(to_text(Checked(source, article, verdict)), err=True, color=_color())


def _snippet_batch(sources: Sequence[str], profile: Profile, fmt: str, out: Path) -> int:
    """Write each republishable story's embed into ``out``; the exit code of the run."""
    from syndicate.policy import evaluate

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.UsageError(f"--out {out}: cannot create ({exc.strerror or exc})") from exc
    suffix = ".json" if fmt == "json" else ".html"
    taken: set[str] = set()
    refused = unreadable = 0
    stories = _articles(sources)
    with contextlib.ExitStack() as stack:
        if sys.stderr.isatty():
            bar = click.progressbar(stories, length=len(sources), file=sys.stderr)
            stories = stack.enter_context(bar)
        for source, article in stories:
            if article is None:
                unreadable += 1
                continue
            verdict = evaluate(article, profile, source=source)
            if not verdict.ok:
                refused += 1
                _snippet_refused(source, article, verdict)
                continue
            name = _snippet_name(article, source, taken)
            text = _snippet_text(emit_snippet(article, profile), article, fmt)
            _write_atomic(out / f"{name}{suffix}", text)
    if unreadable:
        return EXIT_ERROR
    return EXIT_VIOLATIONS if refused else EXIT_OK


# A file name is made of these characters only; anything else becomes "-".
_SNIPPET_NAME_JUNK = re.compile(r"[^A-Za-z0-9._-]+")
# A page extension at the end of a URL's slug ("story.html") is not part of the name.
_SNIPPET_PAGE_EXT = re.compile(r"\.(?:s?html?|php|aspx?|jsp)$", re.IGNORECASE)
_SNIPPET_NAME_MAX = 100


def _snippet_name(article: Article, source: str, taken: set[str]) -> str:
    """The post id, else the last segment of the (canonical) URL, else the file's stem."""
    link = article.canonical_url or article.url or ""
    slug = urls.parts(link).path.rstrip("/").rpartition("/")[2] if link else ""
    slug = _SNIPPET_PAGE_EXT.sub("", slug)
    stem = "" if source == "-" or source_is_url(source) else Path(source).stem
    for candidate in (article.post_id, slug, stem, "snippet"):
        name = _SNIPPET_NAME_JUNK.sub("-", candidate or "").strip(".-")[:_SNIPPET_NAME_MAX]
        if name:
            break
    unique, n = name, 1
    while unique in taken:
        n += 1
        unique = f"{name}-{n}"
    taken.add(unique)
    return unique


def _write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, then rename: never a partial file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with tmp.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


# --- lint -----------------------------------------------------------------------------


@cli.command()
@click.option("--profile", "profile", metavar="NAME", help="A built-in profile: forward, inn.")
@click.option("--config", metavar="FILE", help="A profile file (TOML).")
@click.option(
    "--original",
    metavar="SOURCE",
    help="The original story (file or URL); by default the copy's canonical link is fetched.",
)
@click.option("--partner", metavar="HOST", help="Apply [partners.HOST.rules] of the profile.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github", "sarif"]),
    default="text",
    show_default=True,
    help="github: workflow-command annotations; sarif: SARIF 2.1.0 for code scanning.",
)
@click.argument("copies", nargs=-1, required=True)
def lint(
    profile: str | None,
    config: str | None,
    original: str | None,
    partner: str | None,
    fmt: str,
    copies: tuple[str, ...],
) -> None:
    """Check each partner COPY (a page or a bare embed: file, URL or -) against the original.

    Exit 0 when clean, 1 when any violation is an error, 2 when a copy, the original or the
    profile could not be read.

    \b
      syndicate lint --original https://forward.com/schmooze/203040/... copy.html
      syndicate lint --format github --partner partner.example site/**/*.html
    """
    from syndicate.lint import lint_copy
    from syndicate.policy import all_rules, load_profile
    from syndicate.report.lint import render

    if profile is not None and config is not None:
        raise click.UsageError("--profile and --config cannot be used together")
    judged = load_profile(profile, config=config)
    story = _story(original) if original is not None else None
    fetched: dict[str, Article] = {}
    verdicts, failed = [], False
    for copy in copies:
        try:
            doc = _lint_source(copy)
            verdicts.append(
                lint_copy(
                    doc,
                    story,
                    judged,
                    name=copy,
                    partner=partner,
                    originals=fetched,
                    limits=_State.limits,
                )
            )
        except SyndicateError as exc:
            _error(copy, exc)
            failed = True
        except RecursionError:
            _error(copy, SyndicateError(f"{copy}: markup nested too deeply to read"))
            failed = True
        except Exception as exc:  # a bug: reported as one, and the other copies go on
            _error(copy, exc)
            failed = True
    color = fmt == "text" and _lint_color()
    click.echo(render(fmt, verdicts, all_rules("copy"), color=color), color=color)
    if failed:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_OK if all(v.ok for v in verdicts) else EXIT_VIOLATIONS)


def _lint_source(copy: str) -> str:
    from syndicate.parse.document import decode
    from syndicate.source import read

    doc = read(copy, limits=_State.limits)
    return decode(doc.data, encoding=doc.encoding)


def _lint_color() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code instead of raising SystemExit.

    Whatever happens, the user sees one line on stderr, never a traceback (unless --debug).
    """
    _State.debug, _State.limits = False, None
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
    except BrokenPipeError:
        # The reader went away (``syndicate extract ... | head``): stop quietly.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as exc:  # a bug: one line and the hint, exit 2
        _error(None, exc)
        return EXIT_ERROR
    return EXIT_OK
