"""Rebuild an HTML fragment from an allowlist: nothing is deleted, only what is allowed is copied.

The source fragment is parsed into a private tree and walked; the output is written fresh,
one block element per line, with only the tags and attributes both the emitter and the
profile allow, links made absolute and limited to the profile's URL schemes. Text is always
escaped, so whatever the source held, only markup written here reaches the output.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TypeAlias
from urllib.parse import urljoin, urlsplit

import lxml.html

from syndicate.parse import document, urls

Element: TypeAlias = lxml.html.HtmlElement

# Blocks the embed keeps (when the profile allows them): one per line in the output.
TEXT_BLOCKS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "pre"})
LISTS = frozenset({"ul", "ol"})
TABLE_PARTS = frozenset({"thead", "tbody", "tfoot"})
CELLS = frozenset({"th", "td"})
# Inline markup the embed keeps: emphasis, links and the small phrase elements of prose.
INLINE = frozenset(
    {"a", "em", "strong", "i", "b", "u", "s", "sub", "sup", "br", "cite", "q", "code", "small"}
    | {"abbr", "time", "mark"}
)
# Old or second-rank spellings written as their kept equivalent: the page's one <h1> is the
# headline the emitter writes, so a body <h1> becomes a section heading.
RENAME = {"h1": "h2", "strike": "s", "del": "s", "tt": "code", "var": "em", "dfn": "em"}
# Elements whose content never travels: code, media (licensed separately), forms, page
# furniture and anything a browser would not show as text.
DROP = frozenset(
    {"script", "style", "noscript", "template", "textarea", "iframe", "frame", "frameset"}
    | {"object", "embed", "applet", "param", "video", "audio", "source", "track", "canvas"}
    | {"img", "picture", "figure", "figcaption", "svg", "math", "map", "area", "amp-img"}
    | {"form", "button", "input", "select", "option", "optgroup", "label", "fieldset", "output"}
    | {"head", "title", "meta", "link", "base", "dialog", "menu", "slot", "portal"}
)
# Void elements libxml2 parses as containers: what it nests in them is really their siblings.
VOID_CONTAINERS = frozenset({"embed", "source", "track", "wbr", "keygen"})
# Media among DROP: when one is dropped the embed says images are not included.
MEDIA = frozenset({"img", "picture", "figure", "amp-img", "svg"})
# Containers that are not kept but separate blocks: their text becomes paragraphs.
BLOCK_WRAPPERS = frozenset(
    {"div", "section", "article", "header", "footer", "main", "aside", "nav", "address"}
    | {"center", "details", "summary", "dl", "dt", "dd", "hgroup", "body", "html", "li"}
    | {"blockquote", "table", "tr", "caption", "colgroup", "col"}
    | TEXT_BLOCKS
    | LISTS
    | TABLE_PARTS
    | CELLS
    | {"h1", "hr"}
)
# Attributes copied from the source, per tag, in output order (also needing the profile's
# allowlist). Everything else (class, id, style, on*, data-*) stays behind.
SOURCE_ATTRS: Mapping[str, tuple[str, ...]] = {
    "a": ("href", "title"),
    "blockquote": ("cite",),
    "q": ("cite",),
    "abbr": ("title",),
    "time": ("datetime",),
}
URL_ATTRS = frozenset({"href", "cite"})
# Nesting deeper than this is flattened to its text: real articles never come near it.
MAX_DEPTH = 64
# Whitespace HTML collapses (not U+00A0, which is meant).
SPACE = re.compile(r"[ \t\n\r\f]+")
# What browsers trim from a URL's ends (C0 controls and space) and remove from anywhere in
# it (tab and newlines: "java\tscript:") before reading the scheme.
URL_TRIM = "".join(map(chr, range(0x21)))
URL_TAB_NEWLINE = re.compile(r"[\t\n\r]")
# Controls and spaces left inside: percent-encoded, as a browser sends them.
URL_UNSAFE = re.compile(r"[\x00-\x20\x7f]")
TAG = re.compile(r"<[^>]*>")


def escape_text(text: str) -> str:
    """Text as html5ever writes it (so the sanitizer's pass leaves it unchanged)."""
    return (
        text.replace("&", "&amp;")
        .replace("\xa0", "&nbsp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )


def escape_attr(value: str) -> str:
    """An attribute value for double quotes, as html5ever writes it."""
    return escape_text(value).replace('"', "&quot;")


def absolute_url(link: str | None, *, base: str | None, schemes: frozenset[str]) -> str | None:
    """``link`` made absolute against ``base``; None unless its scheme is one of ``schemes``."""
    if not link:
        return None
    link = URL_TAB_NEWLINE.sub("", link.strip(URL_TRIM))
    link = URL_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", link)
    if not link:
        return None
    try:
        # A link the parse already resolved is not parsed again (a page of 80,000 links).
        resolved = urljoin(base, link) if base and not urls.plain_absolute(link) else link
        parts = urlsplit(resolved)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        return None
    if scheme in ("http", "https") and not urls.followable(resolved):
        return None
    return resolved


def has_text(html: str) -> bool:
    """Whether rebuilt markup shows any text (a spacer ``&nbsp;`` does not count)."""
    return bool(TAG.sub("", html).replace("&nbsp;", "").strip())


@dataclass
class Rebuilder:
    """Writes allowed markup from a fragment; one per snippet (it notes dropped media)."""

    base: str | None
    tags: frozenset[str]
    attributes: Mapping[str, frozenset[str]]
    schemes: frozenset[str]
    dropped_media: bool = field(default=False, init=False)

    def blocks(self, html: str) -> list[str]:
        """The fragment as block lines."""
        root = _fragment(html)
        return [] if root is None else self._blocks(root, 0)

    def inline(self, html: str) -> str:
        """The fragment as inline markup (blocks flattened), whitespace collapsed."""
        root = _fragment(html)
        return "" if root is None else _tidy(self._inline(root, 0))

    # -- blocks --------------------------------------------------------------------------

    def _blocks(self, parent: Element, depth: int) -> list[str]:
        """The content of ``parent`` as lines; loose inline content becomes paragraphs."""
        lines: list[str] = []
        run: list[str] = []

        def flush() -> None:
            text = _tidy("".join(run))
            run.clear()
            if has_text(text):
                lines.append(f"<p>{text}</p>" if self._allowed("p") else text)

        for item in _children(parent):
            if isinstance(item, str):
                run.append(escape_text(item))
                continue
            tag = _tag(item)
            if tag in VOID_CONTAINERS:
                flush()
                lines.extend(self._blocks(item, depth + 1))
            elif tag in DROP:
                self.dropped_media |= tag in MEDIA or _has_media(item)
            elif depth >= MAX_DEPTH:
                run.append(escape_text(item.text_content()))
            elif tag in BLOCK_WRAPPERS:
                flush()
                lines.extend(self._block(item, tag, depth + 1))
            else:
                run.append(self._element_inline(item, tag, depth + 1))
        flush()
        return lines

    def _block(self, element: Element, tag: str, depth: int) -> list[str]:
        name = RENAME.get(tag, tag)
        if not self._allowed(name):
            return self._blocks(element, depth)
        if name in TEXT_BLOCKS:
            keep_space = name == "pre"
            inner = self._inline(element, depth, keep_space=keep_space)
            inner = inner if keep_space else _tidy(inner)
            return [f"<{name}>{inner}</{name}>"] if has_text(inner) else []
        if name == "hr":
            return ["<hr>"]
        if name in LISTS:
            items = [line for li in self._items(element, depth) for line in li]
            return [f"<{name}>", *items, f"</{name}>"] if items else []
        if name == "blockquote":
            inner_lines = self._blocks(element, depth)
            if not inner_lines:
                return []
            return [f"<blockquote{self._attrs(element, name)}>", *inner_lines, "</blockquote>"]
        if name == "table":
            return self._table(element, depth)
        return self._blocks(element, depth)

    def _items(self, element: Element, depth: int) -> Iterator[list[str]]:
        """Each list item; stray content in a list becomes an item of its own."""
        for item in _children(element):
            if isinstance(item, str):
                text = _tidy(escape_text(item))
                if has_text(text):
                    yield [f"<li>{text}</li>"]
                continue
            tag = _tag(item)
            if tag in VOID_CONTAINERS:
                yield from self._items(item, depth + 1)
                continue
            if tag in DROP:
                self.dropped_media |= tag in MEDIA or _has_media(item)
                continue
            if tag in LISTS:
                yield self._block(item, tag, depth + 1)
                continue
            if any(_tag(c) in BLOCK_WRAPPERS for c in item.iterchildren()):
                inner_lines = self._blocks(item, depth + 1)
                if inner_lines:
                    yield ["<li>", *inner_lines, "</li>"]
                continue
            text = _tidy(self._inline(item, depth + 1))
            if has_text(text):
                yield [f"<li>{text}</li>"]

    def _table(self, table: Element, depth: int) -> list[str]:
        """Rows of cells with their inline content; captions and column groups go."""
        rows: list[str] = []
        for row in table.iter("tr"):
            cells = []
            for cell in row.iterchildren():
                name = _tag(cell)
                if name in CELLS and self._allowed(name):
                    cells.append(f"<{name}>{_tidy(self._inline(cell, depth + 1))}</{name}>")
            if cells and self._allowed("tr"):
                rows.append("<tr>" + "".join(cells) + "</tr>")
        if not rows:
            return []
        if self._allowed("tbody"):
            rows = ["<tbody>", *rows, "</tbody>"]
        return ["<table>", *rows, "</table>"]

    # -- inline --------------------------------------------------------------------------

    def _inline(self, parent: Element, depth: int, *, keep_space: bool = False) -> str:
        out: list[str] = []
        for item in _children(parent):
            if isinstance(item, str):
                out.append(escape_text(item if keep_space else SPACE.sub(" ", item)))
                continue
            tag = _tag(item)
            if tag in VOID_CONTAINERS:
                out.append(self._inline(item, depth + 1, keep_space=keep_space))
            elif tag in DROP:
                self.dropped_media |= tag in MEDIA or _has_media(item)
            elif depth >= MAX_DEPTH:
                out.append(escape_text(SPACE.sub(" ", item.text_content())))
            elif tag in BLOCK_WRAPPERS:
                out.append(" " + self._inline(item, depth + 1, keep_space=keep_space) + " ")
            else:
                out.append(self._element_inline(item, tag, depth + 1, keep_space=keep_space))
        return "".join(out)

    def _element_inline(
        self, element: Element, tag: str, depth: int, *, keep_space: bool = False
    ) -> str:
        name = RENAME.get(tag, tag)
        if name == "br":
            return "<br>" if self._allowed("br") else " "
        inner = self._inline(element, depth, keep_space=keep_space)
        if name not in INLINE or not self._allowed(name):
            return inner
        href = self._link(element) if name == "a" else None
        if name == "a" and not href:
            return inner
        if not has_text(inner):
            return inner
        return f"<{name}{self._attrs(element, name, href=href)}>{inner}</{name}>"

    def _link(self, element: Element) -> str | None:
        if not self._allowed_attr("a", "href"):
            return None
        return absolute_url(element.get("href"), base=self.base, schemes=self.schemes)

    def _attrs(self, element: Element, name: str, *, href: str | None = None) -> str:
        """The element's allowed attributes; ``href``, when given, is its link already
        resolved (each address is resolved once: a page of many links spends its time there)."""
        out = []
        for attr in SOURCE_ATTRS.get(name, ()):
            if not self._allowed_attr(name, attr):
                continue
            value = element.get(attr)
            if attr == "href" and href is not None:
                value = href
            elif attr in URL_ATTRS:
                value = absolute_url(value, base=self.base, schemes=self.schemes)
            elif value is not None:
                value = SPACE.sub(" ", value).strip()
            if value:
                out.append(f' {attr}="{escape_attr(value)}"')
        return "".join(out)

    def _allowed(self, tag: str) -> bool:
        return tag in self.tags

    def _allowed_attr(self, tag: str, attr: str) -> bool:
        return attr in self.attributes.get(tag, ()) or attr in self.attributes.get("*", ())


def _fragment(html: str) -> Element | None:
    """A private tree of ``html`` (its <body>); None when there is nothing to read.

    Loaded like any page, so the same limits hold: no depth past which libxml2 would
    silently stop, no characters a tree cannot hold.
    """
    if not html.strip():
        return None
    body: Element = document.load(f"<!doctype html><html><body>{html}</body></html>").body
    return body


def _children(parent: Element) -> Iterator[Element | str]:
    """``parent``'s text, then each child followed by its tail, in document order."""
    if parent.text:
        yield parent.text
    for child in parent.iterchildren():
        yield child
        if child.tail:
            yield child.tail


def _tag(element: Element) -> str:
    """The lower-case tag; comments and processing instructions are dropped as ``script``."""
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else "script"


def _has_media(element: Element) -> bool:
    return any(_tag(e) in MEDIA for e in element.iter())


def _tidy(html: str) -> str:
    return SPACE.sub(" ", html).strip(" ")
