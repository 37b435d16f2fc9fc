"""Whether the story's container is a listing of other stories rather than a story.

A section front, tag page, author archive, search results page or homepage is a grid or
river of teaser cards: each a wrapper holding one headline that links to another page of the
site, with at most a short dek, a byline, a date and a thumbnail. Only the chosen
container(s) are read, once.
"""

from __future__ import annotations

import statistics
from typing import TypeAlias, cast

import lxml.html
from lxml import etree

from syndicate.parse import patterns as pt
from syndicate.parse import urls

Element: TypeAlias = lxml.html.HtmlElement

__all__ = ["is_listing"]

_TEXT_LENGTH = etree.XPath("string-length(normalize-space(.))")


def _chars(el: Element) -> int:
    return int(cast(float, _TEXT_LENGTH(el)))


def _headline_link(heading: Element) -> Element | None:
    """The link a heading is the text of: one inside it, or one wrapping it."""
    parent = heading.getparent()
    if parent is not None and parent.tag == "a":
        return parent
    chars = _chars(heading)
    if not chars:
        return None
    for link in heading.iter("a"):
        if _chars(link) >= pt.HEADLINE_LINK_SHARE * chars:
            return link
    return None


def _split(link: str) -> tuple[str, str]:
    """The host and path of an address ("", "" when it cannot be read)."""
    parts = urls.split(link.strip())
    if parts is None:
        return "", ""
    return parts.netloc.lower().removeprefix("www."), parts.path.rstrip("/")


def is_listing(
    root: Element, containers: list[Element], *, total_chars: int, url: str | None = None
) -> bool:
    """True when ``containers`` (found on the page ``root``) are mostly teaser cards for
    other pages of the site.

    A card is the largest element around a linked headline that holds no other one; the page
    is a listing when there are several cards, they hold most of the text, their own text
    besides the headline is short, and their headlines link to the page's own site. A link
    to the page itself (a live blog's entry anchor) titles no card. A ``<body>`` classed as
    an archive or a search lowers the share the cards must hold.
    """
    page_host, page_path = _split(url) if url else ("", "")
    headlines: list[tuple[Element, Element, str]] = []  # heading, its link, the link's host
    for container in containers:
        for heading in container.iter(*pt.CARD_HEADINGS):
            link = _headline_link(heading)
            if link is None:
                continue
            href = (link.get("href") or "").strip()
            if not href or href.startswith(("#", "javascript:", "mailto:")):
                continue
            host, path = _split(href)
            if url and (host or page_host) == page_host and path in ("", page_path):
                continue
            headlines.append((heading, link, host))
    if len(headlines) < pt.LISTING_MIN_CARDS:
        return False
    tops = set(containers)
    counts: dict[Element, int] = {}
    for heading, _link, _host in headlines:
        for above in heading.iterancestors():
            if above in tops:
                break
            counts[above] = counts.get(above, 0) + 1
    card_chars: list[int] = []
    deks: list[int] = []
    excerpts = 0
    for heading, link, _host in headlines:
        card = heading
        for above in heading.iterancestors():
            if above in tops or counts[above] > 1:
                break
            card = above
        # A bare heading (or a link around it) has its dek beside it, not in a card.
        if card is not heading and card.tag != "a":
            chars = _chars(card)
            card_chars.append(chars)
            deks.append(chars - _chars(heading))
            excerpts += _links_back(card, link)
    classed = _classed(root)
    return (
        len(card_chars) >= pt.LISTING_MIN_CARDS
        and sum(card_chars)
        >= (pt.LISTING_CARD_SHARE_CLASSED if classed else pt.LISTING_CARD_SHARE) * total_chars
        and (
            statistics.median(deks) <= pt.LISTING_MAX_DEK_CHARS
            or (
                excerpts >= pt.LISTING_EXCERPT_SHARE * len(card_chars)
                and (classed or bool(url and pt.LISTING_PATH.match(page_path)))
            )
        )
        and _site_links([host for _heading, _link, host in headlines], page_host)
    )


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


def _classed(root: Element) -> bool:
    """True when the page's ``<body>`` is classed as a listing template."""
    body = root if root.tag == "body" else root.find("body")
    classes = set((body.get("class") or "").lower().split()) if body is not None else set()
    return bool(classes & pt.LISTING_BODY_CLASSES)


def _site_links(hosts: list[str], page_host: str) -> bool:
    """True when most headline links (by host, "" for relative) stay on the page's site."""
    relative = hosts.count("")
    if page_host:
        site = relative + hosts.count(page_host)
    else:
        # Without the page's address, the site is the host most headlines point to.
        named = [host for host in hosts if host]
        site = relative + max((named.count(host) for host in set(named)), default=0)
    return site >= pt.LISTING_SITE_SHARE * len(hosts)
