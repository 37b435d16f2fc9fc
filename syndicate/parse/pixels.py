"""Republication pixels, wherever the page keeps them.

A republication pixel is the 1x1 image a publisher asks partners to keep in a copy, so that
it can count where its story runs (the INN Republication Tracker's
``<img id="republication-tracker-tool-source" src="…?republication-pixel=true&post=N…">``).
Pages keep it in four places, read in page order:

1. live markup (``<img>``, ``<amp-img>``, also inside ``<noscript>`` and ``<template>``);
2. the copyable HTML of a "Republish" box: the text of a ``<textarea>`` or of a
   ``<script type="text/template">``;
3. HTML-escaped text anywhere else (a hidden dialog's ``&lt;img …&gt;``), also escaped twice;
4. inside those copies, any 1x1 image: what the publisher puts in the copy is its pixel.

Outside a copy only images that look like republication pixels count, so a site's own
analytics (a Facebook or Google ``<noscript>`` pixel, a hit counter) is not reported.
URLs come back with entities decoded, absolute, deduplicated, in page order.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import lxml.html
from lxml import etree

from syndicate.parse import urls

# The INN Republication Tracker's id for its pixel <img>.
PIXEL_IDS = frozenset({"republication-tracker-tool-source"})
# Pixel URLs of republication trackers: the INN plugin's query flag (current versions) and its
# pixel endpoint (older versions serve .../republication-tracker-tool/includes/pixel.php); the
# plugin's other assets, such as its Creative Commons badge, are not pixels.
PIXEL_URL_PATTERNS = (
    re.compile(r"[?&]republication-pixel=(?:true|1)\b", re.IGNORECASE),
    re.compile(r"/republication-tracker-tool/[^?#]*pixel[^/?#]*(?:[?#]|$)", re.IGNORECASE),
)
# Image-like elements whose src may be a pixel (AMP pages write <amp-img> and <amp-pixel>).
IMAGE_TAGS = frozenset({"img", "amp-img", "amp-pixel"})
# Elements whose text may hold escaped markup of a copy; script and style never do.
SKIP_TEXT_TAGS = frozenset({"script", "style", "title"})
# Script types that hold markup rather than code (client-side templates of a republish box).
TEMPLATE_SCRIPT_TYPES = frozenset({"text/template", "text/html", "text/x-template"})
# Inert markup that is never shown as is: a 1x1 image inside is part of a copy.
COPY_TAGS = frozenset({"template", "textarea"})
# Escaped markup carries an <img; one level of escaping is decoded by the parser, each further
# level (``&amp;lt;img``) is decoded here, up to this many times.
ESCAPED_IMG = re.compile(r"<img\b|&(?:amp;)*lt;img\b", re.IGNORECASE)
MAX_UNESCAPE = 3
# What a page's text holds when it carries markup: the cheap test before reading every text.
TEXT_MARKS = (b"<img", b"<IMG", b"<Img", b"lt;img", b"lt;IMG", b"lt;Img")
# The same marks in lower case, searched in the page's text lowered: a page holding none
# (most pages) holds none of TEXT_MARKS.
FOLDED_MARKS = (b"<img", b"lt;img")
# The longest text folded for that test: a lowered copy of a huge page's text would raise
# its peak memory (and the six searches cost little beside such a parse).
MAX_FOLDED = 1_000_000
# A copy's 1x1 image: width and height attributes of 1 or a style giving 1px for both.
ONE_PX_ATTR = re.compile(r"^\s*1(?:px)?\s*$")
ONE_PX_STYLE = re.compile(r"width\s*:\s*1px.*height\s*:\s*1px|height\s*:\s*1px.*width\s*:\s*1px")
# Image-looking things that are never pixels: data URIs and empty or fragment srcs.
NOT_A_URL = re.compile(r"^(?:data:|javascript:|#|$)", re.IGNORECASE)


def find_pixels(root: lxml.html.HtmlElement, *, url: str | None = None) -> tuple[str, ...]:
    """Every republication pixel on the page, as absolute URLs in page order."""
    found: dict[str, None] = {}
    for src in _scan(root, in_copy=False) if _holds_markup(root) else _live(root):
        found.setdefault(_absolute(src, url), None)
    return tuple(found)


def _holds_markup(root: lxml.html.HtmlElement) -> bool:
    """True when some text on the page holds an ``<img`` (a copy, escaped markup).

    One C-level pass over the page's text; pages without one are read by ``_live`` alone.
    """
    text = etree.tostring(root, method="text", encoding="utf-8")
    if len(text) <= MAX_FOLDED:
        folded = text.lower()  # two searches of the folded text rule out every mark's case
        if FOLDED_MARKS[0] not in folded and FOLDED_MARKS[1] not in folded:
            return False
    return any(text.find(mark) >= 0 for mark in TEXT_MARKS)


def _live(root: lxml.html.HtmlElement) -> Iterator[str]:
    """Pixels in live markup, for pages whose text holds no markup."""
    for img in root.iter(*IMAGE_TAGS):
        if _is_pixel(img, in_copy=False) or (
            _is_pixel(img, in_copy=True) and any(a.tag in COPY_TAGS for a in img.iterancestors())
        ):
            yield _decoded(img.get("src") or "")


def _scan(root: lxml.html.HtmlElement, *, in_copy: bool) -> Iterator[str]:
    """Walk the tree in document order; a <template>'s content is read as a copy."""
    stack: list[tuple[lxml.html.HtmlElement, bool]] = [(root, in_copy)]
    while stack:
        el, copy = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in IMAGE_TAGS and _is_pixel(el, in_copy=copy):
            yield _decoded(el.get("src") or "")
        readable = tag not in SKIP_TEXT_TAGS or _is_template_script(el)
        if tag and readable and el.text and ESCAPED_IMG.search(el.text):
            # A <noscript>'s text is the page's own fallback markup, not a copy to paste.
            yield from _scan_markup(el.text, in_copy=copy or tag != "noscript")
        if el.tail and ESCAPED_IMG.search(el.tail):
            yield from _scan_markup(el.tail, in_copy=True)
        if tag:
            children = [(c, copy or tag in COPY_TAGS) for c in el]
            stack.extend(reversed(children))


def _scan_markup(text: str, *, in_copy: bool) -> Iterator[str]:
    """Pixels in markup given as text (a textarea's value, escaped text)."""
    for _ in range(MAX_UNESCAPE):
        if re.search(r"<img\b", text, re.IGNORECASE):
            break
        text = html.unescape(text)
    else:
        return
    try:
        # Read as a whole document: lxml's fragment reader asserts (an AssertionError, not a
        # parse error) on text holding "</body><body>", which a page's raw text may quote.
        document = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return
    yield from _scan(document, in_copy=in_copy)


def _is_template_script(el: lxml.html.HtmlElement) -> bool:
    kind = (el.get("type") or "").strip().lower()
    return el.tag == "script" and kind in TEMPLATE_SCRIPT_TYPES


def _is_pixel(img: lxml.html.HtmlElement, *, in_copy: bool) -> bool:
    src = (img.get("src") or "").strip()
    if NOT_A_URL.match(src):
        return False
    if img.get("id") in PIXEL_IDS or any(p.search(src) for p in PIXEL_URL_PATTERNS):
        return True
    if not in_copy:
        return False
    width, height, style = img.get("width", ""), img.get("height", ""), img.get("style", "")
    sized = bool(ONE_PX_ATTR.match(width) and ONE_PX_ATTR.match(height))
    return sized or bool(ONE_PX_STYLE.search(style.lower()))


def _decoded(src: str) -> str:
    """The exact URL: entities left over from double escaping are decoded too."""
    src = src.strip()
    for _ in range(MAX_UNESCAPE):
        if not re.search(r"&(?:amp|#0*38|#x0*26);", src, re.IGNORECASE):
            break
        src = html.unescape(src)
    return src


def _absolute(src: str, base: str | None) -> str:
    if base:
        return urls.join(base, src)
    return "https:" + src if src.startswith("//") else src
