"""Bytes to one lxml tree: charset detection and a single parser set-up.

The encoding is taken, in order, from a byte-order mark, the transport's charset,
the document's own ``<meta charset>`` / ``http-equiv``, and finally sniffed by
beautifulsoup4's ``UnicodeDammit``. Bytes that do not decode become U+FFFD.
"""

from __future__ import annotations

import codecs
import re

import lxml.html
from bs4.dammit import UnicodeDammit
from lxml import etree

from syndicate.errors import ParseError

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Browsers read these labels as windows-1252 (WHATWG encoding standard).
_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "utf8": "utf-8",
}


def decode(data: bytes, *, encoding: str | None = None) -> str:
    """Decode a document's bytes to text the way a browser would."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace")
    for candidate in (encoding, _meta_charset(data[:4096])):
        label = _normalise(candidate)
        if label:
            return data.decode(label, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    sniffed = _normalise(UnicodeDammit(data, is_html=True).original_encoding) or "cp1252"
    return data.decode(sniffed, errors="replace")


def _meta_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def _normalise(name: str | None) -> str | None:
    if not name:
        return None
    label = name.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


MAX_NESTING = 512
"""Deepest element nesting kept, as in browsers (Blink caps the DOM at 512 levels).

libxml2 stops parsing at 2,048 levels and silently drops the rest of the page (an end
note saying where the story first appeared, for one), and tree walkers that recurse hit
Python's recursion limit long before that. Deeper tags are dropped and their content kept
in order, as siblings at the deepest level."""
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*>")
# Elements that never nest in a parsed tree (void, or closed by their next sibling):
# they do not count towards the depth.
_FLAT_TAGS = frozenset(
    "area base br col embed hr img input link meta source track wbr p li dt dd option tr td th a"
    .split()
)


def _parser() -> lxml.html.HTMLParser:
    # A parser per document: its error log tells whether libxml2 gave up part way.
    return lxml.html.HTMLParser(remove_comments=False, remove_pis=True, huge_tree=True)


def load(data: bytes | str, *, encoding: str | None = None) -> lxml.html.HtmlElement:
    """Parse a document into an lxml HTML tree (the root ``<html>`` element).

    Markup nested deeper than ``MAX_NESTING`` levels is flattened first (see there).
    """
    text = data if isinstance(data, str) else decode(data, encoding=encoding)
    text = text.replace("\x00", "\ufffd")
    # lxml refuses str input that declares an encoding; the text is already decoded.
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text, count=1)
    if not text.strip():
        raise ParseError("empty document")
    text = flatten(text)
    parser = _parser()
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"cannot parse HTML ({exc})") from exc
    if root is None:
        raise ParseError("cannot parse HTML (no document element)")
    for entry in parser.error_log:
        if entry.level_name == "FATAL":
            raise ParseError(f"cannot parse HTML past line {entry.line} ({entry.message})")
    return root


def flatten(text: str, *, max_depth: int = MAX_NESTING) -> str:
    """Drop the start and end tags nested deeper than ``max_depth``, keeping their content.

    A fast scan over the tags, not a parse: it only has to bound the depth, and leaves
    every page nested less deeply exactly as it was.
    """
    depth = 0
    dropped: dict[str, int] = {}
    cuts: list[tuple[int, int]] = []
    for match in _TAG.finditer(text):
        closing, name = match.group(1), match.group(2).lower()
        if name in _FLAT_TAGS or match.group(0).endswith("/>"):
            continue
        if closing:
            if dropped.get(name):
                dropped[name] -= 1
                cuts.append(match.span())
            else:
                depth = max(depth - 1, 0)
        elif depth >= max_depth:
            dropped[name] = dropped.get(name, 0) + 1
            cuts.append(match.span())
        else:
            depth += 1
    if not cuts:
        return text
    pieces: list[str] = []
    last = 0
    for start, end in cuts:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
