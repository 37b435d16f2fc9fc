"""Lint a partner's copy against the original: ``lint_copy(copy, original, profile)``.

copy bytes --document.load--> tree --find_story--> the story in the partner's page
           --copy-scope rules (pixel, canonical, credit, byline, images, text, links)-->
           Verdict, each violation with its line and column in the copy.
"""

from __future__ import annotations

import lxml.html

from syndicate.errors import SourceError
from syndicate.lint.context import CopyContext
from syndicate.lint.head import canonical_links, og_urls
from syndicate.lint.text import forget_url_keys, host_of
from syndicate.models import Article, Verdict
from syndicate.parse import document, urls
from syndicate.policy.engine import run_rules
from syndicate.policy.profile import Profile, load_profile
from syndicate.policy.publisher import bind
from syndicate.policy.registry import all_rules
from syndicate.source import Limits

__all__ = ["CopyContext", "canonical_of", "lint_copy", "partner_of"]


def lint_copy(
    copy: bytes | str,
    original: Article | str | None = None,
    profile: Profile | None = None,
    *,
    name: str = "<copy>",
    partner: str | None = None,
    limits: Limits | None = None,
    originals: dict[str, Article] | None = None,
) -> Verdict:
    """Check a partner's ``copy`` (a whole page or a bare embed) against the ``original``.

    ``original`` is an Article, a SOURCE to read it from, or None to fetch the copy's own
    canonical link. ``partner`` is the partner's host for ``[partners.HOST.rules]``; by
    default it is read off the copy's ``og:url``. ``originals`` caches the originals read
    by SOURCE across calls (many copies of one story). Violations come sorted by position.
    """
    profile = profile if profile is not None else load_profile()
    text = copy if isinstance(copy, str) else document.decode(copy)
    root = document.load(text)
    article = _original(original, root, name, limits, {} if originals is None else originals)
    profile = bind(profile, article)
    ctx = CopyContext(name, text, root, article, profile)
    key = _partner_key(partner or partner_of(root, profile), profile)
    try:
        found = run_rules(all_rules("copy"), ctx, profile, partner=key)
    finally:
        forget_url_keys()
    found.sort(key=lambda v: (v.line or 0, v.column or 0, v.rule, v.message))
    return Verdict(source=name, violations=tuple(found))


def _original(
    original: Article | str | None,
    root: lxml.html.HtmlElement,
    name: str,
    limits: Limits | None,
    cache: dict[str, Article],
) -> Article:
    if isinstance(original, Article):
        return original
    from syndicate.api import read_article  # the api module imports this one

    if original is None:
        original = canonical_of(root)
        if original is None:
            raise SourceError(
                f"{name}: no canonical link to find the original by; give it with --original"
            )
        parts = urls.parts(original)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            # A copy names no file to read: "/etc/passwd" or "//host/x" is not fetched.
            raise SourceError(
                f"{name}: canonical link {original} is not an http(s) address; "
                "give the original with --original"
            )
    if original not in cache:
        cache[original] = read_article(original, limits=limits)
    return cache[original]


def canonical_of(root: lxml.html.HtmlElement) -> str | None:
    """The copy's ``rel=canonical`` link, else its ``og:url``."""
    links = canonical_links(root)
    return links[0][1] if links else None


def partner_of(root: lxml.html.HtmlElement, profile: Profile) -> str | None:
    """The partner's host, from the copy's ``og:url`` when it is not the publisher's."""
    own = {d.lower().removeprefix("www.") for d in profile.publisher.domains}
    for _, url in og_urls(root):
        host = host_of(url)
        if host and host not in own and not any(host.endswith("." + d) for d in own):
            return host
    return None


def _partner_key(host: str | None, profile: Profile) -> str | None:
    """The key of ``[partners.HOST]`` that names ``host`` (with or without ``www.``)."""
    if host is None:
        return None
    wanted = host.lower().removeprefix("www.")
    for key in profile.partners:
        if key.lower().removeprefix("www.") == wanted:
            return key
    return host
