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


_PARSER = lxml.html.HTMLParser(remove_comments=False, remove_pis=True, huge_tree=True)


def load(data: bytes | str, *, encoding: str | None = None) -> lxml.html.HtmlElement:
    """Parse a document into an lxml HTML tree (the root ``<html>`` element)."""
    text = data if isinstance(data, str) else decode(data, encoding=encoding)
    text = text.replace("\x00", "\ufffd")
    # lxml refuses str input that declares an encoding; the text is already decoded.
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text, count=1)
    if not text.strip():
        raise ParseError("empty document")
    try:
        root = lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"cannot parse HTML ({exc})") from exc
    if root is None:
        raise ParseError("cannot parse HTML (no document element)")
    return root
