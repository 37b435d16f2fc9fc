"""Write a cleaned container as blocks: one block element per line, and the same as text.

Kept: p, h2-h6 (an h1 becomes h2, or goes when it comes first: it is the title), ul/ol/li,
blockquote, pre; inside them a (href made absolute), em, strong, i, b and br. Everything
else gives up its text to the block it sits in. Short inserts ("Related: ...",
"Advertisement") and link-only blocks are left out; so is the title when the body repeats it.
"""

from __future__ import annotations

import re
from html import escape
from typing import TypeAlias

import lxml.html
from lxml import etree

from syndicate.parse import patterns as pt
from syndicate.parse.urls import join

Element: TypeAlias = lxml.html.HtmlElement

_EMPTY_INLINE = re.compile(r"<(a|em|strong|i|b)\b[^>]*>\s*</\1>")
# Line breaks at a block's edges, inside the inline tags that open or close it too.
_EDGE_BR = re.compile(
    r"^((?:<(?:a|em|strong|i|b)\b[^>]*>)*)(?:\s*<br>\s*)+"
    r"|(?:\s*<br>\s*)+((?:</(?:a|em|strong|i|b)>)*)$"
)
# Any digit (as the date patterns read one).
_DIGIT = re.compile(r"\d")
_HEADINGS = {"h1": "h1", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h5", "h6": "h6"}
# Blocks whose content stays in the enclosing list item / heading / pre.
_LEAF_KINDS = ("li", "pre", "h1", "h2", "h3", "h4", "h5", "h6")
_WRAPPERS = ("ul", "ol", "blockquote")
_WRAPPER_LINES = frozenset(f"<{s}{t}>" for t in _WRAPPERS for s in ("", "/"))


class _Writer:
    def __init__(self, url: str | None, title: str | None) -> None:
        self.url = url
        self.title = _key(title) if title else ""
        self.lines: list[str] = []
        self.texts: list[str] = []
        self.html: list[str] = []
        self.text: list[str] = []
        self.link_chars = 0
        self.inline: list[tuple[str, str]] = []
        self.kinds: list[str] = ["p"]
        self.in_link = 0

    def open_inline(self, el: Element) -> None:
        tag = el.tag
        if tag == "br":
            if self.kinds[-1] == "p" and self._after_br():
                # A blank line ("<br><br>"): pages without <p> mark paragraphs so.
                self.flush()
                return
            self.html.append("<br>")
            self.text.append(" ")
            return
        if tag == "a":
            href = (el.get("href") or "").strip()
            self.in_link += 1
            if not href or href.startswith(("javascript:", "#")):
                self.inline.append(("a", ""))
                return
            if self.url:
                href = join(self.url, href)
            opening = f'<a href="{escape(href, quote=True)}">'
        else:
            opening = f"<{tag}>"
        self.inline.append((tag, opening))
        self.html.append(opening)

    def _after_br(self) -> bool:
        """True when the last thing written, whitespace aside, is a line break."""
        for piece in reversed(self.html):
            if piece == "<br>":
                return True
            if not piece.isspace():
                return False
        return False

    def close_inline(self, el: Element) -> None:
        if el.tag == "br" or not self.inline:
            return
        tag, opening = self.inline.pop()
        if tag == "a":
            self.in_link = max(0, self.in_link - 1)
        if opening:
            self.html.append(f"</{tag}>")

    def flush(self) -> None:
        if not self.text and not self.html:
            return
        raw = "".join(self.text)
        if not raw or raw.isspace():
            self._reset()
            return
        text = " ".join(raw.split())
        closing = "".join(f"</{t}>" for t, o in reversed(self.inline) if o) if self.inline else ""
        body = "".join(self.html)
        if "  " in body or not body.isprintable():  # newlines, tabs, no-break spaces
            # Each run of whitespace as one space, the edges' too (a space before a closing
            # tag stays): ``split`` is faster than a regex.
            collapsed = " ".join(body.split())
            if body[0].isspace():
                collapsed = " " + collapsed
            if body[-1].isspace():
                collapsed += " "
            body = collapsed
        body += closing
        link_chars = self.link_chars
        self._reset()
        if not text or self._boilerplate(text, link_chars, body):
            return
        kind = "h2" if self.kinds[-1] == "h1" else self.kinds[-1]
        body = body.strip()
        if "></" in body:
            body = _EMPTY_INLINE.sub("", body)
        if "<br>" in body:
            body = _EDGE_BR.sub(r"\1\2", body)
        self.lines.append(f"<{kind}>{body}</{kind}>")
        self.texts.append(text)

    def _reset(self) -> None:
        """Start the next block's pieces (the lists are emptied in place: the writer's loop
        holds them), reopening the inline elements still open."""
        self.text.clear()
        self.html.clear()
        if self.inline:
            self.html.extend(o for _t, o in self.inline if o)
        self.link_chars = 0

    def _boilerplate(self, text: str, link_chars: int, body: str) -> bool:
        if self.title and len(self.texts) < 3 and _key(text) == self.title:
            self._drop_kicker()
            return True
        if self.kinds[-1] == "h1" and self._drop_kicker():
            return True
        # Past the first few blocks nothing is head metadata: not asked (most blocks).
        if len(self.texts) <= pt.MAX_HEAD_BLOCKS and self._head_metadata(text):
            return True
        short = len(text) <= pt.MAX_INSERT_CHARS
        if (short and pt.INSERT_TEXT.match(text)) or pt.PLACEHOLDER_TEXT.match(text):
            return True
        if len(text) <= pt.MAX_UI_LABEL_CHARS and pt.UI_LABEL.fullmatch(text):
            return True
        if len(text) <= pt.MAX_PITCH_CHARS and _pitch(text):
            return True
        length = len(text)
        if (
            link_chars
            and length <= pt.MAX_TEASER_CHARS
            and pt.TEASER_END.search(text, max(0, length - pt.TEASER_END_SPAN))
            and pt.TEASER_LINK_EDGE.search(_EMPTY_INLINE.sub("", body)) is not None
        ):
            return True
        return (
            self.kinds[-1] == "p"
            and len(text) <= pt.MAX_LINK_BLOCK_CHARS
            and link_chars >= pt.LINK_BLOCK_DENSITY * len(text)
        )

    def _head_metadata(self, text: str) -> bool:
        """True for a byline, date, reading-time or disclosure line above the story."""
        if (
            len(self.texts) > pt.MAX_HEAD_BLOCKS
            or sum(map(len, self.texts)) > pt.MAX_HEAD_CHARS
            or sum(len(t) > pt.MIN_STORY_PARAGRAPH_CHARS for t in self.texts)
            >= pt.MAX_HEAD_PARAGRAPHS
        ):
            return False
        length = len(text)
        if length <= pt.MAX_META_LINE_CHARS and (
            pt.META_LABEL.fullmatch(text) or _meta_names_line(text)
        ):
            return True
        return length <= pt.MAX_DISCLOSURE_CHARS and pt.DISCLOSURE.search(text) is not None

    def _drop_kicker(self) -> bool:
        """Forget the short lines above the title (section kickers, breadcrumbs, labels)."""
        # Every text has a character: past MAX_KICKER_CHARS texts the sum is over without
        # adding them up (a page of thousands of <h1> would add them all up at each one).
        if (
            len(self.texts) > pt.MAX_KICKER_CHARS
            or sum(map(len, self.texts)) > pt.MAX_KICKER_CHARS
            or not all(line.startswith(("<p>", "<h")) for line in self.lines)
        ):
            return False
        self.lines.clear()
        self.texts.clear()
        return True

    def start_block(self, tag: str) -> None:
        if self.text or self.html:
            self.flush()
        parent = self.kinds[-1]
        if tag in _WRAPPERS:
            self.lines.append(f"<{tag}>")
            kind = "p"
        elif tag in _HEADINGS:
            kind = _HEADINGS[tag]
        elif tag == "li":
            kind = "li"
        elif tag == "pre":
            kind = "pre"
        else:
            kind = parent if parent in _LEAF_KINDS else "p"
        self.kinds.append(kind)

    def end_block(self, tag: str) -> None:
        if self.text or self.html:
            self.flush()
        if len(self.kinds) > 1:
            self.kinds.pop()
        if tag in _WRAPPERS:
            if self.lines and self.lines[-1] == f"<{tag}>":
                self.lines.pop()
            else:
                self.lines.append(f"</{tag}>")


def _meta_names_line(text: str) -> bool:
    """Whether ``text`` holds a metadata line's word or a date, and nothing but names besides
    the parts of one. The patterns that need a digit are only tried on a text that has one."""
    if _DIGIT.search(text) is None:
        return pt.META_ANCHOR_WORDS.search(text) is not None and bool(
            pt.META_NAMES.fullmatch(pt.META_WORD_PARTS.sub(" ", text))
        )
    return (
        pt.META_ANCHOR_WORDS.search(text) is not None or pt.META_DATE.search(text) is not None
    ) and bool(pt.META_NAMES.fullmatch(pt.META_PARTS.sub(" ", text)))


def _pitch(text: str) -> bool:
    """True for a newsletter pitch (the words it needs are looked for first: cheaper)."""
    low = text.lower()
    if not ("sign" in low or "subscribe" in low or "join our" in low):
        return False
    return pt.SIGNUP_PITCH.search(text) is not None


_WORD = re.compile(r"\w+")


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def write_blocks(
    container: Element,
    *,
    skip: set[Element] | None = None,
    url: str | None = None,
    title: str | None = None,
) -> tuple[list[str], list[str]]:
    """The container as (html lines, text blocks), leaving out the ``skip`` subtrees."""
    writer = _Writer(url, title)
    skip = skip or set()
    # Comments and processing instructions come as their own event: their tails are text
    # ("Mr<!-- -->. Smith" in pages rendered by React).
    walker = etree.iterwalk(container, events=("start", "end", "comment", "pi"))
    # Looked up once: the loop runs per element of the container, twice. Text is added here
    # rather than through ``writer.add`` (the same steps, without a call per text node); the
    # writer empties its two lists in place, so they stay the ones held here.
    texts, html, blocks, inline = writer.text, writer.html, pt.BLOCK_TAGS, pt.KEPT_INLINE
    for event, el in walker:
        if event == "start":
            tag = el.tag
            if not isinstance(tag, str) or el in skip:
                walker.skip_subtree()
                continue
            if tag in blocks:
                writer.start_block(tag)
            elif tag in inline:
                writer.open_inline(el)
            text = el.text
        elif event == "end":
            tag = el.tag
            # A comment's or an entity's tag is a function: in neither set.
            if (tag in blocks or tag in inline) and el not in skip:
                if tag in blocks:
                    writer.end_block(tag)
                else:
                    writer.close_inline(el)
            if el is container:
                continue
            text = el.tail
        else:
            text = el.tail
        # Whitespace with nothing before it in the block would only be flushed away.
        if text and (texts or html or not text.isspace()):
            texts.append(text)
            html.append(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
            if writer.in_link:
                writer.link_chars += len(text.strip())
    writer.flush()
    return writer.lines, writer.texts


def cut_trailer(lines: list[str], texts: list[str]) -> None:
    """Drop the trailer after the story: from a heading such as "About the author", "Related
    articles" or "Leave a reply", or a line such as "Tags: ...", to the end, when it comes in
    the body's second half.

    ``lines`` and ``texts`` are what ``write_blocks`` returns (for every container), cut in place.
    """
    total = sum(map(len, texts))
    depth = 0
    seen = 0
    index = 0
    for number, line in enumerate(lines):
        if line in _WRAPPER_LINES:
            depth += 1 if line[1] != "/" else -1
            continue
        text = texts[index]
        if (
            depth == 0
            and 2 * seen >= total - len(text)
            and line.startswith(("<h", "<p>"))
            and (
                (len(text) <= pt.MAX_TRAILER_HEADING_CHARS and pt.TRAILER_HEADING.fullmatch(text))
                or (len(text) <= pt.MAX_TRAILER_LABEL_CHARS and pt.TRAILER_LABEL.fullmatch(text))
            )
        ):
            del lines[number:], texts[index:]
            return
        seen += len(text)
        index += 1
