"""Copy rules on attribution: the canonical link, the credit line and the byline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

import lxml.html

from syndicate import bylines
from syndicate.lint.context import CopyContext
from syndicate.lint.head import canonical_links, og_urls
from syndicate.lint.locate import Block
from syndicate.lint.story import (
    is_byline,
    is_credit,
    is_heading,
    is_headline,
    own_bylines,
    own_credits,
)
from syndicate.lint.text import url_key, word_line, words
from syndicate.policy.registry import Finding, rule

# The slugs for these two are "canonical-missing" and "byline-missing"; the article
# rules took those names first, so the copy rules carry a "copy-" prefix until one side yields.
CANONICAL_MISSING = "canonical-missing"
BYLINE_MISSING = "byline-missing"


def _original_url(ctx: CopyContext) -> str | None:
    return ctx.original.canonical_url or ctx.original.url


def _beyond_the_text(
    ctx: CopyContext, like: Callable[[Block], bool], own: tuple[tuple[str, ...], ...]
) -> bool:
    """Whether the copy's article has a block ``like`` a credit (or a byline) beyond ``own``,
    those of the original's own text: a paragraph of the story that names the publisher and
    links to its site, or an author's bio naming the authors, is not the credit or byline it
    lacks. Blocks are told apart by their words, each of the original's standing for one."""
    have = Counter(tuple(b.words) for b in ctx.story.scope_blocks if like(b))
    return bool(have - Counter(own))


@rule(
    CANONICAL_MISSING,
    summary="The copy has no rel=canonical or og:url link to the original.",
    scope="copy",
)
def canonical_missing(ctx: CopyContext) -> Iterator[Finding]:
    """Search engines credit the original only when the copy names it as canonical. The
    embed's head carries ``<link rel="canonical" href="…original…">``; without it the copy
    competes with the original in search.

    Fails: a copy whose head has neither ``rel=canonical`` nor ``og:url``.

    Passes: ``<link rel="canonical" href="https://forward.com/…/203040/…/">``.
    """
    expected = _original_url(ctx)
    if expected is None:
        return
    if canonical_links(ctx.root) or og_urls(ctx.root):
        return
    head = ctx.root.find("head")
    where = ctx.position(head if head is not None else ctx.root)
    yield Finding(
        f'no rel=canonical or og:url; expected <link rel="canonical" href="{expected}">',
        line=where.line,
        column=where.column,
    )


@rule(
    "canonical-in-body",
    summary="The copy's rel=canonical sits in <body>, where search engines ignore it.",
    severity="warning",
    scope="copy",
)
def canonical_in_body(ctx: CopyContext) -> Iterator[Finding]:
    """Search engines read ``rel=canonical`` in ``<head>`` only (it is not one of the link
    types allowed in the body), so an embed pasted whole into a CMS's content area keeps
    the link but not its effect. A warning: the copy did keep what it was given.

    Fails: ``<article><link rel="canonical" href="…original…"><h1>…`` and no
    ``rel=canonical`` in ``<head>``.

    Passes: the link in ``<head>``, as the embed's ``head`` part puts it.
    """
    links = canonical_links(ctx.root)
    head = ctx.root.find("head")
    if not links or any(_inside(link, head) for link, _ in links):
        return
    where = ctx.position(links[0][0])
    yield Finding(
        "rel=canonical is in <body>, where search engines ignore it; move it into <head>",
        evidence=links[0][1],
        line=where.line,
        column=where.column,
    )


def _inside(element: lxml.html.HtmlElement, head: lxml.html.HtmlElement | None) -> bool:
    return head is not None and any(a is head for a in element.iterancestors())


@rule(
    "canonical-mismatch",
    summary="The copy's canonical link points somewhere other than the original.",
    scope="copy",
)
def canonical_mismatch(ctx: CopyContext) -> Iterator[Finding]:
    """A ``rel=canonical`` must point at the original, its canonical URL or the address it
    was read from (scheme, ``www.``, trailing slash and query order aside). Without a
    ``rel=canonical``, an ``og:url`` must.

    Fails: ``<link rel="canonical" href="https://partner.example/news/askhamas/">``.

    Passes: ``rel=canonical`` on the original, ``og:url`` on the partner's own page.
    """
    expected = _original_url(ctx)
    if expected is None:
        return
    links = canonical_links(ctx.root) or og_urls(ctx.root)
    kind = "rel=canonical" if canonical_links(ctx.root) else "og:url"
    accepted = {url_key(u) for u in (ctx.original.canonical_url, ctx.original.url) if u}
    for element, href in links:
        if url_key(href) not in accepted:
            where = ctx.position(element)
            yield Finding(
                f"{kind} points at {href}, expected {expected}",
                evidence=href,
                line=where.line,
                column=where.column,
            )


@rule(
    "credit-missing",
    summary="The copy does not credit the publisher with a link to the original or its site.",
    scope="copy",
)
def credit_missing(ctx: CopyContext) -> Iterator[Finding]:
    """The copy must say who published the story: the publisher's name (or an alias) next to
    a link to the original or to the publisher's site, in the story or its article.

    Fails: the story without its last line, or a credit naming the publisher with no link.

    Passes: ``This <a href="…original…">story</a> was originally published by
    <a href="https://forward.com/">the Forward</a>.``
    """
    if "credit" not in ctx.profile.copy_.keep:
        return
    story = ctx.story
    own = own_credits(ctx.original, ctx.profile)
    if _beyond_the_text(ctx, lambda b: is_credit(b, ctx.original, ctx.profile), own):
        return
    where = ctx.position(story.span[-1].block.element if story.span else None)
    expected = ctx.original.canonical_url or ctx.profile.publisher.url
    yield Finding(
        f"no credit to {ctx.profile.publisher.name}; expected its name with a link to {expected}",
        line=where.line,
        column=where.column,
    )


@rule(
    BYLINE_MISSING,
    summary="The copy does not name the original's authors.",
    scope="copy",
)
def byline_missing(ctx: CopyContext) -> Iterator[Finding]:
    """The story's authors travel with it: every author of the original must be named in a
    byline of the copy's story or its article header.

    Fails: the story with its ``By Lior Zaltzman`` line taken out.

    Passes: ``<p class="byline">By Lior Zaltzman</p>`` above the story.
    """
    if "byline" not in ctx.profile.copy_.keep or not ctx.original.authors:
        return
    story = ctx.story
    if _beyond_the_text(ctx, lambda b: is_byline(b, ctx.original), own_bylines(ctx.original)):
        return
    shown = " ".join(words(" ".join(b.text for b in story.scope_blocks))).casefold()
    missing = [a for a in ctx.original.authors if " ".join(words(a)).casefold() not in shown]
    expected = bylines.byline(ctx.original.authors, ctx.original.language)
    # At the byline that names others, else where the story starts.
    slots = [c.block.element for c in story.span if c.kind == "byline"] + [
        c.block.element for c in story.span[:1]
    ]
    where = ctx.position(slots[0] if slots else None)
    lacking = f"no byline naming {', '.join(missing)}" if missing else "no byline"
    yield Finding(f"{lacking}; expected {expected!r}", line=where.line, column=where.column)


@rule(
    "headline-altered",
    summary="The copy's headline is not the original's.",
    severity="warning",
    scope="copy",
)
def headline_altered(ctx: CopyContext) -> Iterator[Finding]:
    """The embed carries the headline as published (``[copy] keep = ["headline"]``). The
    Forward's guidelines name the pixel, the canonical link, the credit, the byline, the
    paragraph styles and the links as what a copy must keep, not the headline, so a new
    headline is a warning: reported, not failing. Only a heading above the story that stands
    where the headline would is judged; a copy without one (the headline in the partner's
    CMS field, outside what is linted) is not.

    Fails (warning): ``<h1>You won't believe this story</h1>`` over the story.

    Passes: the original's headline, with its words as published, in the story's article.
    """
    title = ctx.original.title
    story = ctx.story
    if "headline" not in ctx.profile.copy_.keep or not title or not story.found:
        return
    if any(c.kind == "headline" for c in story.span):
        return
    first = next((c.block for c in story.span if c.kind == "story"), None)
    body = word_line(ctx.original.body_text)
    headings = []
    for block in story.scope_blocks:
        if block is first:
            break
        # A section heading of the story's own (the headline left to the CMS) is no headline.
        if is_heading(block) and f" {' '.join(block.words)} " not in body:
            headings.append(block)
    if not headings or any(is_headline(b, ctx.original) for b in headings):
        return
    top = min(headings, key=lambda b: b.element.tag.lower())  # h1 before h2 ...
    where = ctx.position(top.element)
    yield Finding(
        f'headline is "{top.text}", expected "{title}"',
        evidence=top.text,
        line=where.line,
        column=where.column,
    )
