"""Where things are in a copy: elements to line and column, and the page's text blocks.

lxml gives each element the line on which its start tag *ends*; the column is found here by
scanning the source once for start tags (comments and the raw text of scripts, styles and
textareas blanked out first, so markup quoted there is not mistaken for a tag) and taking the
k-th start tag of that name ending on that line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import lxml.html
from lxml import etree

from syndicate.lint.text import words

# Source regions whose content is never markup: blanked (newlines kept) before scanning. One
# left open runs to the end, as a browser reads it (and each of many unclosed ones is not
# looked for to the end again).
RAW_REGIONS = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|textarea|title|xmp)\b[^>]*+(?:>|\Z).*?(?:</\1\s*>|\Z)",
    re.IGNORECASE | re.DOTALL,
)
# A start tag, quoted attribute values may hold ">". A quote never closed is a plain character
# and a tag never closed runs to the end, as a browser reads them: each tag is then read once,
# where a page of unclosed tags had each looked for up to the end of the page again.
START_TAG = re.compile(r"""<([a-zA-Z][^\s/>]*+)(?:[^>"']|"[^"]*"|'[^']*'|["'])*+(?:>|\Z)""")
# Elements whose text is a block of its own: a paragraph, a heading, an item, a quote ...
BLOCK_TAGS = frozenset(
    (
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "blockquote", "pre", "td",
        "th", "caption", "div", "section", "article", "header", "footer", "main", "ul", "ol",
        "dl", "table", "tbody", "thead", "tr", "address", "center", "details", "summary",
    )
)  # fmt: skip
# Subtrees that are never the story's text: code, hidden markup, widgets, forms, media,
# asides and navigation.
# Figures are skipped on both sides: captions travel with images, not with the text; but a
# figure holding a quote (an editor's quote or pull-quote block) is read, its caption aside.
SKIP_TAGS = frozenset(
    (
        "script", "style", "noscript", "template", "textarea", "head", "title", "svg", "math",
        "iframe", "object", "embed", "select", "option", "button", "form", "figure",
        "figcaption", "picture", "video", "audio", "canvas", "aside", "nav",
    )
)  # fmt: skip

# A table of contents: a list whose every link, and all its words, go to places on the same
# page ("#who-owes-what"); the box around it with no more words than this besides (its
# "Table of Contents" title) is navigation too, never the story's text.
CONTENTS_TITLE_WORDS = 4


@dataclass(frozen=True, slots=True)
class Position:
    line: int | None
    column: int | None


@dataclass(slots=True)
class Locator:
    """Line and column (1-based) of an element's start tag in ``text``."""

    text: str
    _tags: dict[tuple[str, int], list[int]] | None = None
    _line_starts: list[int] = field(default_factory=list)
    # Per tag name: each element's place among the elements of that name on its line, counted
    # in one pass the first time an element of that name is located.
    _nths: dict[str, dict[lxml.html.HtmlElement, int]] = field(default_factory=dict)

    def position(self, element: lxml.html.HtmlElement | None) -> Position:
        if element is None or not isinstance(element.tag, str):
            return Position(None, None)
        line = element.sourceline
        if line is None:
            return Position(None, None)
        tags = self._index()
        tag = element.tag.lower()
        offsets = tags.get((tag, line))
        nth = self._nth(element, tag)
        if not offsets or nth >= len(offsets):
            return Position(line, None)
        offset = offsets[nth]
        start_line = bisect.bisect_right(self._line_starts, offset)
        return Position(start_line, offset - self._line_starts[start_line - 1] + 1)

    def _nth(self, element: lxml.html.HtmlElement, tag: str) -> int:
        """How many elements named ``tag`` end their start tag on ``element``'s line before
        it (one walk per tag name, however many elements are located)."""
        places = self._nths.get(tag)
        if places is None:
            places = {}
            seen: dict[int | None, int] = {}
            for other in element.getroottree().getroot().iter(tag):
                places[other] = seen.get(other.sourceline, 0)
                seen[other.sourceline] = places[other] + 1
            self._nths[tag] = places
        found = places.get(element)
        return found if found is not None else _nth_on_line(element, tag, element.sourceline)

    def _index(self) -> dict[tuple[str, int], list[int]]:
        if self._tags is not None:
            return self._tags
        masked = RAW_REGIONS.sub(_blank, self.text)
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", masked)]
        tags: dict[tuple[str, int], list[int]] = {}
        for match in START_TAG.finditer(masked):
            end_line = bisect.bisect_right(self._line_starts, match.end() - 1)
            tags.setdefault((match.group(1).lower(), end_line), []).append(match.start())
        self._tags = tags
        return tags


def _blank(match: re.Match[str]) -> str:
    """Keep a raw region's own start tag (it is an element) and its newlines; blank the rest."""
    whole = match.group()
    keep = 0 if whole.startswith("<!--") else whole.find(">") + 1 or len(whole)
    return whole[:keep] + re.sub(r"[^\r\n]", " ", whole[keep:])


def _nth_on_line(element: lxml.html.HtmlElement, tag: str, line: int) -> int:
    """How many elements named ``tag`` end their start tag on ``line`` before ``element``."""
    nth = 0
    for other in element.getroottree().getroot().iter(tag):
        if other is element:
            return nth
        if other.sourceline == line:
            nth += 1
    return nth


@dataclass(slots=True)
class Block:
    """A run of text that belongs to one block element (nested blocks are blocks of their own)."""

    element: lxml.html.HtmlElement
    text: str
    words: list[str]
    links: list[tuple[str, str]]  # (href, anchor text) of the links in this block's own text


def blocks(root: lxml.html.HtmlElement) -> list[Block]:
    """Every block with words under ``root``, in document order, skipping ``SKIP_TAGS``."""
    found: list[Block] = []
    _walk(root, found, _contents(root))
    return found


@lru_cache(maxsize=64)
def original_blocks(body_html: str) -> tuple[Block, ...]:
    """The blocks of an original's body (cached: many copies share one original)."""
    if not body_html.strip():
        return ()
    root = lxml.html.fragment_fromstring(body_html, create_parent="div")
    return tuple(blocks(root))


def within(found: list[Block], root: lxml.html.HtmlElement) -> list[Block]:
    """The blocks of ``found`` whose element is ``root`` or inside it."""
    inside = {id(e) for e in root.iter()}
    return [b for b in found if id(b.element) in inside]


def _contents(root: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """The tables of contents under ``root``: each box around a list of in-page links."""
    boxes: set[lxml.html.HtmlElement] = set()
    for listing in root.iter("ul", "ol"):
        size = _in_page_words(listing)
        if not size:
            continue
        box = listing
        for above in listing.iterancestors():
            if above is root or len(words(above.text_content())) > size + CONTENTS_TITLE_WORDS:
                break
            box = above
        boxes.add(box)
    return boxes


def _in_page_words(listing: lxml.html.HtmlElement) -> int:
    """The words of a list whose every link and word go to a place on the page, else 0."""
    linked = 0
    for link in listing.iter("a"):
        if not (link.get("href") or "").startswith("#"):
            return 0
        linked += len(words(link.text_content()))
    return linked if linked and linked == len(words(listing.text_content())) else 0


def _walk(
    element: lxml.html.HtmlElement, found: list[Block], skip: set[lxml.html.HtmlElement]
) -> None:
    parts: list[str] = []
    links: list[tuple[str, str]] = []
    if element.text:
        parts.append(element.text)
    for child in element:
        if not skip or child not in skip:
            _inline(child, parts, links, found, skip)
        elif child.tail:
            parts.append(child.tail)
    text = " ".join("".join(parts).split())
    seq = words(text)
    if seq:
        found.append(Block(element, text, seq, links))


def _inline(
    child: etree._Element,
    parts: list[str],
    links: list[tuple[str, str]],
    found: list[Block],
    skip: set[lxml.html.HtmlElement],
) -> None:
    tag = child.tag.lower() if isinstance(child.tag, str) else ""
    if tag and (tag not in SKIP_TAGS or _quote_figure(child, tag)):
        if tag in BLOCK_TAGS or tag == "figure":
            parts.append(" ")
            _walk(child, found, skip)
        else:
            start = len(parts)
            if tag == "br":
                parts.append(" ")
            if child.text:
                parts.append(child.text)
            for grandchild in child:
                if not skip or grandchild not in skip:
                    _inline(grandchild, parts, links, found, skip)
                elif grandchild.tail:
                    parts.append(grandchild.tail)
            if tag == "a" and child.get("href"):
                links.append((child.get("href", "").strip(), "".join(parts[start:]).strip()))
    if child.tail:
        parts.append(child.tail)


def _quote_figure(element: lxml.html.HtmlElement, tag: str) -> bool:
    """A figure whose content is a quote, not an image."""
    return tag == "figure" and next(element.iter("blockquote"), None) is not None


def iter_live(root: lxml.html.HtmlElement, tag: str) -> Iterator[lxml.html.HtmlElement]:
    """Elements named ``tag`` that a browser renders: not inside noscript, template, textarea."""
    for element in root.iter(tag):
        if not any(
            isinstance(a.tag, str) and a.tag.lower() in ("noscript", "template", "textarea")
            for a in element.iterancestors()
        ):
            yield element
