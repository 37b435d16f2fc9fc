"""Copy rules on the story's styles: its headings, lists, quotes and emphasis as the original
has them (``[copy] keep = ["paragraph-styles"]``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import lxml.html

from syndicate.lint.align import Alignment
from syndicate.lint.context import CopyContext
from syndicate.lint.locate import BLOCK_TAGS, Block
from syndicate.lint.text import EXCERPT_WORDS, words
from syndicate.policy.registry import Finding, rule
from syndicate.policy.rules.copy_text import MAX_CHANGES, capped

HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
# An inline style that sets text in italics or bold. Only the CSS properties themselves:
# Word's "mso-bidi-font-style" and "mso-bidi-font-weight" style right-to-left text alone.
_PROPERTY = r"(?<![\w-])"
_STYLED = re.compile(
    rf"{_PROPERTY}font-style\s*:\s*italic|{_PROPERTY}font-weight\s*:\s*(?:bold|[6-9]00)", re.I
)
# An inline style that sets bold or italic elements plain: Google Docs wraps what it copies
# in <b style="font-weight:normal">, which emphasises nothing.
_PLAIN_WEIGHT = re.compile(rf"{_PROPERTY}font-weight\s*:\s*(?:normal|lighter|[1-5]00)\b", re.I)
_PLAIN_STYLE = re.compile(rf"{_PROPERTY}font-style\s*:\s*normal", re.I)
_UNSTYLED = {"b": _PLAIN_WEIGHT, "strong": _PLAIN_WEIGHT, "em": _PLAIN_STYLE, "i": _PLAIN_STYLE}
# The ARIA roles that make any element a heading or a list item, as page builders write them.
HEADING_ROLE = "heading"
LIST_ITEM_ROLE = "listitem"
EMPHASIS = ("em", "i", "strong", "b")
# What each lost style is called in a message, and what the original wrote it with.
STYLES = {
    "heading": "a heading",
    "list": "a list item",
    "quote": "quoted (<blockquote>)",
}


@rule(
    "styles-removed",
    summary="A heading, list item, quote or emphasis of the original is plain text in the copy.",
    scope="copy",
)
def styles_removed(ctx: CopyContext) -> Iterator[Finding]:
    """A copy keeps the story's paragraph styles (``[copy] keep = ["paragraph-styles"]``):
    a heading of the original stays a heading (any level), a list item a list item, a quoted
    passage inside a ``<blockquote>``, and emphasised words (``<em>``, ``<i>``, ``<strong>``,
    ``<b>``, one for another, or a span styled italic or bold; a phrase emphasised in pieces
    too) emphasised. Words the copy changed are ``text-altered``'s.

    Fails: ``<p><strong>Where the money goes</strong></p>`` for the original's
    ``<h2>Where the money goes</h2>``; a list flattened into one paragraph.

    Passes: an ``<h3>`` for the original's ``<h2>``; ``<b>`` for ``<strong>``.
    """
    if "paragraph-styles" not in ctx.profile.copy_.keep or not ctx.story.found:
        return
    al = ctx.alignment
    stop = ctx.story.scope
    lost: list[tuple[str, Block]] = []
    # A text the story prints more than once (a product name in a list and in a heading) may
    # be matched to the other place: its style is not judged.
    seen = Counter(tuple(block.words) for block in al.original_blocks)
    start = 0
    for block in al.original_blocks:
        count = len(block.words)
        target = _copy_block(al, start, count)
        start += count
        if target is None or seen[tuple(block.words)] > 1:
            continue
        kept = _styles(target.element, stop)
        wanted = _styles(block.element, None) if not _loose(block.element) else set()
        for style in sorted(wanted - kept):
            text = al.quote(original=True, start=start - count, end=start)
            lost.append((f'"{text}" is {STYLES[style]} in the original, not in the copy', target))
        lost += [
            (f"{_quote(list(phrase))} is emphasised in the original, plain in the copy", target)
            for phrase in _plain(block, target, stop)
        ]
    shown: list[tuple[str, Block | None]] = [
        (f"style lost: {message}", target) for message, target in lost[:MAX_CHANGES]
    ]
    yield from capped(ctx, shown, total=len(lost), more="more styles lost")


def _copy_block(al: Alignment, start: int, count: int) -> Block | None:
    """The copy block holding most of an original block's words (its first or last)."""
    if not count:
        return None
    return al.copy_block_for(start) or al.copy_block_for(start + count - 1)


def _styles(element: lxml.html.HtmlElement, stop: lxml.html.HtmlElement | None) -> set[str]:
    """The paragraph styles of a block: heading, list item, quote (up to ``stop``); an ARIA
    role says so as well as a tag (``<div role="heading" aria-level="2">``)."""
    heading = element.tag in HEADINGS or element.get("role") == HEADING_ROLE
    found = {"heading"} if heading else set()
    for el in (element, *element.iterancestors()):
        if el is stop:
            break
        if (el.tag == "li" and _in_list(el)) or el.get("role") == LIST_ITEM_ROLE:
            found.add("list")
        elif el.tag == "blockquote":
            found.add("quote")
    return found


def _in_list(item: lxml.html.HtmlElement) -> bool:
    """An item of a list (a stray ``<li>`` outside one is a paragraph to a browser)."""
    parent = item.getparent()
    return parent is not None and parent.tag in ("ul", "ol", "menu")


def _loose(element: lxml.html.HtmlElement) -> bool:
    """A block straight inside a list that is no list item (a heading the page put in an
    item with its paragraphs): the embed writes it as an item of its own."""
    parent = element.getparent()
    return element.tag != "li" and parent is not None and parent.tag in ("ul", "ol")


def _plain(block: Block, target: Block, stop: lxml.html.HtmlElement) -> list[tuple[str, ...]]:
    """The original block's emphasised phrases that the copy block has, but unemphasised
    (a phrase emphasised in pieces, one element a word, keeps its emphasis)."""
    wanted = _emphasised(block.element)
    if not wanted:
        return []
    line = f" {' '.join(target.words)} "
    present = [p for p in wanted if f" {' '.join(p)} " in line]
    if not present:
        return []
    pieces: list[tuple[str, bool]] = []
    _pieces(target.element, _emphasis_over(target.element, stop), pieces)
    runs = [f" {' '.join(words(run))} " for run in _runs(pieces)]
    return [p for p in present if not any(f" {' '.join(p)} " in run for run in runs)]


def _pieces(element: lxml.html.HtmlElement, on: bool, found: list[tuple[str, bool]]) -> None:
    """The text of a block in order, piece by piece, each with whether it is emphasised."""
    if element.text:
        found.append((element.text, on))
    for child in element:
        if isinstance(child.tag, str):
            if child.tag == "br" or child.tag in BLOCK_TAGS:
                found.append((" ", False))
            _pieces(child, on or _emphasis(child), found)
        if child.tail:
            found.append((child.tail, on))


def _runs(pieces: list[tuple[str, bool]]) -> list[str]:
    """The emphasised stretches of a block's text: emphasised pieces joined, across pieces
    without words between them (``<em>Riverside</em> <em>Plan</em>`` is one stretch)."""
    runs: list[str] = []
    current: list[str] = []
    for text, on in pieces:
        if on or not words(text):
            current.append(text)
        elif current:
            runs.append("".join(current))
            current = []
    if current:
        runs.append("".join(current))
    return runs


def _emphasis(el: lxml.html.HtmlElement) -> bool:
    """An emphasis element not styled plain, or any element styled italic or bold."""
    style = el.get("style") or ""
    if _STYLED.search(style):
        return True
    plain = _UNSTYLED.get(el.tag)
    return el.tag in EMPHASIS and not (plain is not None and plain.search(style))


def _emphasis_over(element: lxml.html.HtmlElement, stop: lxml.html.HtmlElement) -> bool:
    """Whether a block is emphasised as a whole: itself, or an element around it below
    ``stop`` (``<p style="font-style: italic">``, ``<em><p>…</p></em>``)."""
    for el in (element, *element.iterancestors()):
        if el is stop:
            return False
        if isinstance(el.tag, str) and _emphasis(el):
            return True
    return False


def _emphasised(element: lxml.html.HtmlElement) -> list[tuple[str, ...]]:
    """The word runs of the emphasis elements in a block (outermost ones only); a span styled
    italic or bold counts (text pasted from a word processor)."""
    found: list[tuple[str, ...]] = []
    for el in element.iter(*EMPHASIS, "span"):
        if not _emphasis(el) or _inside_emphasis(el, element):
            continue
        phrase = tuple(words(el.text_content()))
        if phrase and phrase not in found:
            found.append(phrase)
    return found


def _inside_emphasis(el: lxml.html.HtmlElement, block: lxml.html.HtmlElement) -> bool:
    for above in el.iterancestors():
        if above is block:
            return False
        if _emphasis(above):
            return True
    return False


def _quote(seq: list[str]) -> str:
    shown = " ".join(seq[:EXCERPT_WORDS])
    return f'"{shown} …"' if len(seq) > EXCERPT_WORDS else f'"{shown}"'
