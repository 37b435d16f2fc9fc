"""Whether the story's container is a listing of other stories rather than a story.

A section front, tag page, author archive, search results page or homepage is a grid or
river of teaser cards: each a wrapper holding one headline that links to another page of the
site, with at most a short dek, a byline, a date and a thumbnail. A headline is a heading,
or a lone link in a title-classed block, a ``<strong>`` or a list item; a card is the largest
wrapper around it that holds no other headline, or, for a headline with no wrapper of its
own, the headline and the siblings that follow it up to the next headline or heading. Only
the chosen container(s) are read, once, or the page's ``<body>`` when the container is a
small box on a page with no prose of its own.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from typing import TypeAlias, cast

import lxml.html
from lxml import etree

from syndicate.parse import jsonld, urls
from syndicate.parse import patterns as pt
from syndicate.parse.container import text_length, visible_chars

Element: TypeAlias = lxml.html.HtmlElement

__all__ = ["is_listing"]

# Links that stand alone as a block's text (a headline in a title-classed block, a list item
# or a bold line; not a link in a sentence), found in C, cheapest test first: long enough to
# be a headline, no run of the parent's own text beside them, and their parent's text at
# most a little longer.
_LONE_LINKS = etree.XPath(
    f"descendant::a[string-length(normalize-space()) >= {pt.CARD_LINK_MIN_CHARS}]"
    f"[not(../text()[string-length(normalize-space()) > {pt.CARD_LINK_SLACK}])]"
    f"[string-length(normalize-space(..)) <= string-length(normalize-space())"
    f" div {pt.HEADLINE_LINK_SHARE} or string-length(normalize-space(..))"
    f" - string-length(normalize-space()) <= {pt.CARD_LINK_SLACK}]"
)
# Containers of at least LISTING_SMALL_CONTAINER and fewer visible characters than this (a
# short story's) are read for headlines before the page's word on itself: their few links
# are the cheaper test; a longer story's are dearer than the page-wide one.
_HEADLINES_FIRST_CHARS = 8000
# The OpenGraph type that says a page is a story ("article", "article.opinion" ...).
_OG_STORY_TYPE = "article"
# A story's own publication metadata (OpenGraph's article:published_time), which no front has.
_PUBLISHED_META = "article:published_time"


def _headline_link(heading: Element) -> Element | None:
    """The link a heading is the text of: one inside it, or one wrapping it."""
    for above in heading.iterancestors("a"):
        return above
    chars = text_length(heading)
    if not chars:
        return None
    for link in heading.iter("a"):
        if text_length(link) >= pt.HEADLINE_LINK_SHARE * chars:
            return link
    return None


def _site(host: str) -> str:
    """The site a host belongs to: its last two labels, or three under a country's
    second-level domain ("news.example.co.uk" -> "example.co.uk")."""
    labels = host.split(":")[0].split(".")
    keep = 3 if len(labels) > 2 and len(labels[-1]) == 2 and len(labels[-2]) <= 3 else 2
    return ".".join(labels[-keep:])


def _headlines(
    containers: list[Element], page_host: str, page_path: str, *, addressed: bool
) -> list[tuple[Element, Element, str]]:
    """Each headline in ``containers`` with its link and the link's host, one per link: a
    heading the link is the text of, or else the link itself, standing alone in its block; a
    link to the page itself (a live blog's entry anchor) titles nothing."""
    found: dict[Element, Element] = {}  # link -> headline
    for container in containers:
        for link in cast(list[Element], _LONE_LINKS(container)):
            found[link] = link
        for heading in container.iter(*pt.CARD_HEADINGS):
            link = _headline_link(heading)
            if link is not None:
                found[link] = heading
    headlines: list[tuple[Element, Element, str]] = []
    if len(found) < pt.LISTING_MIN_CARDS:
        return headlines
    for link, heading in found.items():
        href = (link.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        host, path = urls.site_and_path(href)
        if addressed and (host or page_host) == page_host and path in ("", page_path):
            continue
        headlines.append((heading, link, host))
    return headlines


def is_listing(
    root: Element, containers: list[Element], *, total_chars: int, url: str | None = None
) -> bool:
    """True when ``containers`` (found on the page ``root``) are mostly teaser cards for
    other pages of the site.

    The page is a listing when there are several cards, they hold most of the text, their
    own text besides the headline is short (or is an excerpt that links back to its story
    on a page made as a listing), their headlines link to the page's own site, and no run of
    the page's own prose stands outside them (a story with a rail of "More stories" is a
    story). A page made as a listing (see ``_made_as_listing``) lowers the share the cards
    must hold and lets their headlines link to the site's other hosts; a page that says it is
    a story (``_made_as_story``) and not a listing is never one.
    """
    page_host, page_path = urls.site_and_path(url) if url else ("", "")
    # The page's word on itself rules most stories out. It is read first unless the
    # containers are a short story's, whose few headlines are the cheaper test.
    said: tuple[bool, bool] | None = None
    if not pt.LISTING_SMALL_CONTAINER <= total_chars < _HEADLINES_FIRST_CHARS:
        said = _said(root, page_path, addressed=bool(url))
        if said[0] and not said[1]:
            return False  # a roundup of the site's own stories, a story with a rail inside it
    if total_chars < pt.LISTING_SMALL_CONTAINER:
        # A front with no prose at all: the box chosen (a newsletter sign-up) is no story,
        # and the page is read whole.
        body = root if root.tag == "body" else root.find("body")
        if body is not None:
            containers, total_chars = [body], visible_chars(body) or 1
    headlines = _headlines(containers, page_host, page_path, addressed=bool(url))
    if len(headlines) < pt.LISTING_MIN_CARDS:
        return False
    if said is None:
        said = _said(root, page_path, addressed=bool(url))
        if said[0] and not said[1]:
            return False  # as above
    made = said[1]
    tops = set(containers)
    marked = {heading for heading, _link, _host in headlines}
    marked.update(link for _heading, link, _host in headlines)
    counts: dict[Element, int] = {}
    for heading, _link, _host in headlines:
        for above in heading.iterancestors():
            if above in tops:
                break
            counts[above] = counts.get(above, 0) + 1
    cards: list[list[Element]] = []  # each card's elements
    card_chars: list[int] = []
    deks: list[int] = []
    excerpts = 0
    for heading, link, _host in headlines:
        card = heading
        for above in heading.iterancestors():
            if above in tops or counts[above] > 1:
                break
            card = above
        parts = [card]
        chars = text_length(card)
        own = text_length(heading)
        if chars - own <= pt.CARD_LINK_SLACK:
            # A headline with no wrapper of its own: its dek and byline follow it.
            parts.extend(_dek_beside(card, counts, marked))
            chars += sum(text_length(part) for part in parts[1:])
        cards.append(parts)
        card_chars.append(chars)
        deks.append(chars - own)
        excerpts += any(_links_back(part, link) for part in parts)
    short = statistics.median(deks) <= pt.LISTING_MAX_DEK_CHARS
    # Among short cards, one with a story's length of text is a story around a lone link.
    kept = [n for n, dek in enumerate(deks) if not short or dek <= pt.LISTING_STORY_DEK_CHARS]
    share = sum(card_chars[n] for n in kept) / total_chars
    if share < pt.LISTING_CARD_SHARE_MADE:
        return False
    hosts = [host for _heading, _link, host in headlines]
    strict = _site_links(hosts, page_host, _host_of)
    if not strict and not _site_links(hosts, page_host, _site):
        return False
    inside = {part for n in kept for part in cards[n]}
    if _own_prose(containers, inside) >= pt.LISTING_MAX_OWN_PROSE:
        return False
    numbered = sum(
        bool(pt.RANKED_HEADLINE.match(_line_of(heading, link).text_content()))
        for heading, link, _host in headlines
    )
    if numbered >= pt.RANKED_SHARE * len(headlines):
        return False  # "1. ...", "2. ...": a ranked roundup, a story of its own
    if strict and short and share >= pt.LISTING_CARD_SHARE:
        return True
    # A page made as a listing may link its stories on its site's other hosts.
    return made and (short or excerpts >= pt.LISTING_EXCERPT_SHARE * len(card_chars))


def _said(root: Element, page_path: str, *, addressed: bool) -> tuple[bool, bool]:
    """Whether the page says it is a story (``_made_as_story``), and whether it says it is a
    listing (``_made_as_listing``)."""
    objs = jsonld.objects(root)
    story = _made_as_story(root, objs)
    return story, _made_as_listing(root, objs, page_path, addressed=addressed, story=story)


def _line_of(heading: Element, link: Element) -> Element:
    """The line a headline is read on: its heading, or a lone link's parent ("1. " and the
    link in a list item)."""
    parent = link.getparent()
    return parent if heading is link and parent is not None else heading


def _dek_beside(
    headline: Element, counts: dict[Element, int], marked: set[Element]
) -> list[Element]:
    """The siblings after a headline with no wrapper of its own that are its card: up to the
    next headline or heading, with one paragraph of prose at most (a second is the page's own
    text, as when "Read more" links sit between a story's paragraphs)."""
    dek: list[Element] = []
    prose = False
    for sibling in headline.itersiblings(etree.Element):
        if sibling in counts or sibling in marked or sibling.tag in pt.CARD_CLOSING_HEADINGS:
            break
        if _prose_chars(sibling) >= pt.PROSE_PARAGRAPH_CHARS:
            if prose:
                break
            prose = True
        dek.append(sibling)
    return dek


def _prose_chars(el: Element) -> int:
    """Characters of ``el``'s text outside its links."""
    return text_length(el) - sum(text_length(a) for a in el.iter("a"))


def _own_prose(containers: list[Element], cards: set[Element]) -> int:
    """Characters of the page's own prose: the unlinked text of the paragraphs outside every
    card that are long enough to be a story's."""
    total = 0
    for container in containers:
        for paragraph in container.iter("p"):
            if paragraph in cards or any(a in cards for a in paragraph.iterancestors()):
                continue
            chars = _prose_chars(paragraph)
            if chars >= pt.PROSE_PARAGRAPH_CHARS:
                total += chars
    return total


def _links_back(card: Element, link: Element) -> bool:
    """True when ``card`` holds, besides its headline's ``link``, another link to the same
    page (an excerpt's "Continue reading")."""
    target = (link.get("href") or "").split("#")[0].rstrip("/")
    if not target:
        return False
    return any(
        other is not link and (other.get("href") or "").split("#")[0].rstrip("/") == target
        for other in card.iter("a")
    )


def _made_as_listing(
    root: Element, objs: list[jsonld.Obj], page_path: str, *, addressed: bool, story: bool
) -> bool:
    """True when the page says it is a listing: its JSON-LD describes a collection and no
    article, or, on a page that does not say it is a story (``story``), its ``<body>`` is
    classed as a listing template or its address is a site's root or a listing's path (a
    story's CMS may set the canonical link to the homepage, or class every page "home").
    Support for the cards, never a sign alone. ``objs`` are the page's JSON-LD objects."""
    if any(jsonld.types(obj) & pt.LISTING_JSONLD_TYPES for obj in objs) and not any(
        jsonld.is_article(obj) for obj in objs
    ):
        return True
    if story:
        return False
    body = root if root.tag == "body" else root.find("body")
    classes = set((body.get("class") or "").lower().split()) if body is not None else set()
    return bool(classes & pt.LISTING_BODY_CLASSES) or (
        addressed and bool(pt.LISTING_PATH.match(page_path))
    )


def _made_as_story(root: Element, objs: list[jsonld.Obj]) -> bool:
    """True when the page says it is a story: an OpenGraph type of "article" (the first
    ``og:type`` the page gives), an ``article:published_time``, or an article in its JSON-LD
    objects ``objs``. Every ``<meta>`` of the document is read, in or out of its head."""
    og_type: str | None = None
    for meta in root.getroottree().getroot().iter("meta"):
        prop = meta.get("property")
        if prop == _PUBLISHED_META:
            return True
        if prop == "og:type" and og_type is None:
            og_type = meta.get("content") or ""
            if og_type.strip().lower().startswith(_OG_STORY_TYPE):
                return True
    return any(jsonld.is_article(obj) for obj in objs)


def _host_of(host: str) -> str:
    """A host as its own site (the strict reading: "news.example.org" only)."""
    return host


def _site_links(hosts: list[str], page_host: str, site_of: Callable[[str], str]) -> bool:
    """True when most headline links (by host, "" for relative) stay on the page's site, as
    ``site_of`` names a host's site."""
    sites = [site_of(host) if host else "" for host in hosts]
    relative = sites.count("")
    if page_host:
        site = relative + sites.count(site_of(page_host))
    else:
        # Without the page's address, the site is the one most headlines point to.
        named = [s for s in sites if s]
        site = relative + max((named.count(s) for s in set(named)), default=0)
    return site >= pt.LISTING_SITE_SHARE * len(hosts)
