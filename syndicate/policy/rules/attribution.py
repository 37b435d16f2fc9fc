"""Attribution: can a copy credit the author and point search engines at the original?"""

from __future__ import annotations

from collections.abc import Iterator

from syndicate.policy.engine import ArticleContext
from syndicate.policy.publisher import belongs, page_host
from syndicate.policy.registry import Finding, rule


@rule(
    "publisher-mismatch",
    summary="The page is not the profile's publisher's: its rules do not cover it.",
    scope="article",
)
def publisher_mismatch(ctx: ArticleContext) -> Iterator[Finding]:
    """A profile grants what its publisher may grant: its own stories. A page on another
    site (where it was read from, or its canonical link when read from a file) is judged
    by that site's rules, not these. Generic profiles (no ``publisher.domains``) take every
    page as the page's own site's and never raise this.

    Fails: a story on cedarvalleyvoice.org checked under the Forward's profile.

    Passes: a story on forward.com, or any page under the generic ``inn`` profile.
    """
    if belongs(ctx.article, ctx.profile) is not False:
        return
    publisher = ctx.profile.publisher
    yield Finding(
        f"the page is on {page_host(ctx.article)}, not {publisher.name}'s "
        f"({', '.join(publisher.domains)}); judge it by its own publisher's profile",
        evidence=ctx.article.url or ctx.article.canonical_url,
    )


@rule(
    "byline-unknown",
    summary="The page names no author, so a copy cannot keep the byline.",
    severity="warning",
    scope="article",
)
def byline_missing(ctx: ArticleContext) -> Iterator[Finding]:
    """Publishers ask partners to keep the author's byline (``copy.keep`` has ``byline``).
    When the parser finds neither a byline nor an author on the page, the embed goes out
    without one and the partner has to add it by hand.

    Fails: a page whose only credit is in an image caption.

    Passes: ``<div class="byline">By Rob Eshman</div>`` or JSON-LD ``"author"``.
    """
    if "byline" not in ctx.profile.copy_.keep:
        return
    article = ctx.article
    if not (article.byline or article.authors):
        yield Finding("no byline or author found on the page; expected one to credit")


@rule(
    "canonical-unknown",
    summary="The page has no canonical URL, so a copy cannot point search engines at it.",
    severity="warning",
    scope="article",
)
def canonical_missing(ctx: ArticleContext) -> Iterator[Finding]:
    """A republished copy must carry ``<link rel="canonical">`` to the original so that search
    engines credit the publisher (``copy.keep`` has ``canonical``). A page without its own
    canonical link leaves only the address it was read from, which may carry tracking
    parameters or be a mirror.

    Fails: a page with no ``<link rel="canonical">`` and no ``og:url``.

    Passes: ``<link rel="canonical" href="https://forward.com/news/545120/...">``.
    """
    if "canonical" not in ctx.profile.copy_.keep:
        return
    article = ctx.article
    if not article.canonical_url:
        fallback = f"; the copy would point at {article.url}" if article.url else ""
        yield Finding(f"no canonical URL on the page{fallback}")
