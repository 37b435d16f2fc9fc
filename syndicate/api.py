"""The typed Python front door: each function takes a SOURCE or an Article."""

from __future__ import annotations

from pathlib import Path

from syndicate import policy as _policy
from syndicate import source as _source
from syndicate.emit import emit_snippet
from syndicate.errors import Refused
from syndicate.lint import lint_copy
from syndicate.models import Article, Snippet, Verdict
from syndicate.parse import parse_article
from syndicate.parse.document import decode
from syndicate.policy.profile import Profile
from syndicate.source import Limits


def read_article(source: str, *, limits: Limits | None = None) -> Article:
    """Read and parse one SOURCE: a file path, an http(s) URL, or ``-`` for standard input."""
    doc = _source.read(source, limits=limits)
    return parse_article(doc.data, url=doc.url, encoding=doc.encoding)


def as_article(source_or_article: str | Article, *, limits: Limits | None = None) -> Article:
    """An Article as given, or read from a SOURCE."""
    if isinstance(source_or_article, Article):
        return source_or_article
    return read_article(source_or_article, limits=limits)


def load_profile(
    name: str | None = None, *, config: str | Path | None = None, cwd: str | Path | None = None
) -> Profile:
    """A publisher profile: from ``config`` (a TOML file), else the built-in ``name``
    (``"forward"``, ``"inn"``), else ``syndicate.toml`` / ``[tool.syndicate]`` found from
    ``cwd`` upwards, else the built-in Forward profile. Raises ``ConfigError``.

    >>> load_profile("inn").publisher.name
    'the newsroom'
    """
    return _policy.load_profile(name, config=config, cwd=cwd)


def check(
    source_or_article: str | Article,
    profile: Profile | str | None = None,
    *,
    limits: Limits | None = None,
) -> Verdict:
    """May this story be republished under ``profile``, and why.

    ``source_or_article`` is a SOURCE (file, URL, ``-``) or an Article already parsed;
    ``profile`` is a Profile, the name of a built-in one, or None to discover one as
    ``load_profile()`` does. Raises ``SourceError`` or ``ConfigError`` when it cannot judge.

    >>> verdict = check("fixtures/pages/forward/jta-byline.html")
    >>> verdict.republishable, verdict.violations[0].rule
    (False, 'origin-blocked')
    """
    if not isinstance(profile, Profile):
        profile = _policy.load_profile(profile)
    article = as_article(source_or_article, limits=limits)
    source = source_or_article if isinstance(source_or_article, str) else None
    return _policy.evaluate(article, profile, source=source)


def snippet(
    source_or_article: str | Article,
    profile: Profile | str | None = None,
    *,
    limits: Limits | None = None,
) -> Snippet:
    """The compliant embed of a story: ``.head`` for the partner's <head>, ``.body`` for the
    story, ``.html`` both.

    ``profile`` is taken as ``check`` takes it. Raises ``Refused`` (with its ``verdict``)
    when the policy does not allow the story to be republished, ``SourceError`` or
    ``ConfigError`` when it cannot judge.

    >>> snippet("fixtures/pages/forward/jta-byline.html")
    Traceback (most recent call last):
    syndicate.errors.Refused: ...
    """
    if not isinstance(profile, Profile):
        profile = _policy.load_profile(profile)
    article = as_article(source_or_article, limits=limits)
    source = source_or_article if isinstance(source_or_article, str) else None
    verdict = _policy.evaluate(article, profile, source=source)
    if not verdict.ok:
        reasons = "; ".join(v.message for v in verdict.violations if v.severity == "error")
        raise Refused(f"{source or article.url or 'story'}: refused: {reasons}", verdict=verdict)
    return emit_snippet(article, profile)


def lint(
    copy: str,
    original: str | Article | None = None,
    profile: Profile | str | None = None,
    *,
    partner: str | None = None,
    limits: Limits | None = None,
) -> Verdict:
    """Check a partner's copy (a SOURCE: file, URL or ``-``) against the original story.

    ``original`` is a SOURCE or an Article; None fetches the copy's own canonical link.
    ``profile`` is taken as ``check`` takes it; ``partner`` is the host whose
    ``[partners.HOST.rules]`` apply (by default the copy's ``og:url`` host). Violations are
    data in the Verdict; ``SourceError`` or ``ConfigError`` when it cannot judge.

    >>> verdict = lint("fixtures/copies/forward/askhamas-pixel-altered.html",
    ...                "fixtures/pages/forward/askhamas.html")
    >>> verdict.violations[0].message
    'pixel has post=203004, expected post=203040'
    """
    if not isinstance(profile, Profile):
        profile = _policy.load_profile(profile)
    doc = _source.read(copy, limits=limits)
    if isinstance(original, str):
        original = read_article(original, limits=limits)
    text = decode(doc.data, encoding=doc.encoding)
    return lint_copy(text, original, profile, name=copy, partner=partner, limits=limits)
