"""Bytes to one lxml tree: charset detection and a single parser set-up.

The encoding is taken, in order, from a byte-order mark, the transport's charset,
the document's own ``<meta charset>`` / ``http-equiv``, and finally sniffed by
beautifulsoup4's ``UnicodeDammit``. A declared charset that is plainly wrong yields: valid
UTF-8 under a legacy label is read as UTF-8, and a page declared UTF-8 whose non-ASCII bytes
are mostly not UTF-8 is sniffed. Bytes that do not decode become U+FFFD. Text that a
wrong charset mangled before the page was saved ("Earthâ€™s") is read back
(``mojibake``), and the segments a streaming renderer sent after the footer are moved to
their places (``streamed``), so the tree is the page as a reader sees it.
"""

from __future__ import annotations

import codecs
import logging
import re
from typing import cast

import lxml.html
from lxml import etree

from syndicate.errors import ParseError
from syndicate.parse import markup, mojibake, streamed

# UnicodeDammit warns through its logger when it falls back to replacement characters; that
# fallback is this module's documented behaviour, and a CLI run must not print the warning.
logging.getLogger("bs4.dammit").addHandler(logging.NullHandler())

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
    "windows-874": "cp874",
    "tis-620": "cp874",  # the WHATWG standard reads Thai's TIS-620 as windows-874
    "tis620": "cp874",
    "iso-8859-11": "cp874",
    "x-mac-cyrillic": "mac-cyrillic",
}
# What a sniffed Mac encoding stands for on the web: detectors take windows-1251 Russian for
# MacCyrillic (the two share the lower-case letters), and no site is written in either Mac one.
_SNIFFED_INSTEAD = {"mac-cyrillic": "cp1251", "mac-roman": "cp1252"}
# The encodings a browser decodes (WHATWG encoding standard), by Python codec name. Any
# other label is ignored: Python also knows "utf-7" (which turns "+ADw-script+AD4-" into
# "<script>"), codecs that raise whatever the error handler ("undefined", "idna") and
# bytes-to-bytes codecs ("base64", "rot13") that are not text encodings at all.
_WEB_CODECS = frozenset(
    [
        "utf-8",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "cp866",
        "iso8859-2",
        "iso8859-3",
        "iso8859-4",
        "iso8859-5",
        "iso8859-6",
        "iso8859-7",
        "iso8859-8",
        "iso8859-10",
        "iso8859-13",
        "iso8859-14",
        "iso8859-15",
        "iso8859-16",
        "koi8-r",
        "koi8-u",
        "mac-roman",
        "mac-cyrillic",
        "cp874",
        "cp1250",
        "cp1251",
        "cp1252",
        "cp1253",
        "cp1254",
        "cp1255",
        "cp1256",
        "cp1257",
        "cp1258",
        "gbk",
        "gb2312",
        "gb18030",
        "big5",
        "big5hkscs",
        "euc_jp",
        "iso2022_jp",
        "shift_jis",
        "cp932",
        "euc_kr",
        "cp949",
    ]
)


def decode(data: bytes, *, encoding: str | None = None) -> str:
    """Decode a document's bytes to text the way a browser would, except where the declared
    charset is plainly wrong: bytes that are valid UTF-8 under a legacy label are UTF-8, and
    a page declared UTF-8 whose non-ASCII bytes are mostly not UTF-8 is sniffed instead."""
    return _decode(data, encoding)[0]


def _decode(data: bytes, encoding: str | None) -> tuple[str, bool]:
    """The text of ``data``, and whether ``data`` is exactly that text in UTF-8."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), False
    declared = _normalise(encoding)
    if not declared:
        declared = _normalise(_meta_charset(data[:4096]))
        # A page read as ASCII cannot truly be UTF-16 on the inside (WHATWG: use UTF-8).
        if declared and declared.startswith("utf-16"):
            declared = "utf-8"
    if declared is None or declared == "utf-8":
        try:
            return data.decode("utf-8"), True
        except UnicodeDecodeError:
            if declared:
                text = data.decode("utf-8", errors="replace")
                if not _mostly_broken(text):
                    return text, False
        return _sniffed(data), False
    if not declared.startswith("utf-16") and not data.isascii():
        try:
            return data.decode("utf-8"), True
        except UnicodeDecodeError:
            pass
    return data.decode(declared, errors="replace"), False


def _mostly_broken(text: str) -> bool:
    """True when most of the non-ASCII characters of ``text`` are U+FFFD: the bytes were not
    UTF-8 at all (a windows-1252 page labelled UTF-8), not a UTF-8 page with a few bad ones."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return text.count("\ufffd") * 2 > non_ascii


SNIFF_BYTES = 65_536
"""Bytes the charset detector reads: the statistical detectors UnicodeDammit calls (chardet
when installed) take time that grows faster than the input (18 s for a 330 KB page of mixed
bytes, 0.14 s for its first 64 KB), and a page's charset shows in any stretch of its text."""
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _sniffed(data: bytes) -> str:
    start = 0
    if data[:SNIFF_BYTES].isascii() and (first := _NON_ASCII.search(data)) is not None:
        start = max(first.start() - 1024, 0)  # the first non-ASCII text, with what leads to it
    sample = data[start : start + SNIFF_BYTES]
    # Imported here: most pages say their charset, and beautifulsoup4 takes a tenth of a
    # second to import (soupsieve with it), a fifth of the command line's start-up.
    from bs4.dammit import UnicodeDammit

    dammit = UnicodeDammit(sample, is_html=True, exclude_encodings=["utf-8"])
    sniffed = _normalise(dammit.original_encoding) or "cp1252"
    sniffed = "cp1252" if sniffed == "utf-8" else _SNIFFED_INSTEAD.get(sniffed, sniffed)
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
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    return codec if codec in _WEB_CODECS else None


MAX_DEPTH = 200
"""Deepest element nesting in a loaded tree; an element this deep keeps its text but loses
its children. Real articles stay under 60 levels (the deepest of 881 corpus pages: 56).

Below Python's recursion limit (1,000 frames), so tree walkers that recurse are safe, and
below libxml2's default limit of 256 levels, so HTML written from the tree (``body_html``)
re-parses whole with a default lxml parser instead of silently losing its end."""
MAX_ELEMENTS = 120_000
"""Elements any page may have; past this, a page may have one per ``BYTES_PER_ELEMENT``
bytes, and a page with more is refused. Extraction spends 5-25 µs per element, so a page of
a million empty elements would take seconds to refuse as no article. Real markup is far
sparser: a few thousand elements on the corpus pages (at most 4,975, one per 68 bytes or
more), a 5 MB article of 36,000 linked paragraphs has one per 46 bytes."""
BYTES_PER_ELEMENT = 40
MAX_COMMENT_RUN = 1000
"""Sibling comments kept in a row; the ones after lose their content but not their tails.

lxml's tree walker is quadratic in a run of comments with no element between them: 100,000
in a row take half a second to walk, and the extractor walks the story several times."""
# An XML declaration opening the document (its encoding is no longer true once decoded).
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters libxml2 trees cannot hold (controls, lone surrogates, U+FFFE): become U+FFFD."""
_UNSAFE_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\r")
"""The C0 controls _NOT_XML replaces, as UTF-8 bytes."""
_NONCHARACTERS = re.compile(b"\xef\xbf[\xbe\xbf]")
"""U+FFFE and U+FFFF in UTF-8."""
_PLAIN_BYTES = b"\t\n\r" + bytes(range(0x20, 0x80))
"""Printable ASCII, tabs and line ends: deleted from a page, they leave its rare bytes (the
controls and the non-ASCII text), a few hundred on most pages. Every sequence the checks for
controls, noncharacters and mangled text look for is rare bytes only, so it shows in them
as in the page; bytes brought together by the deletion can only add a false alarm."""
_UNSAFE_REFERENCE = (
    r"&#(?:0*(?:[1-8]|1[124-9]|2[0-9]|3[01]|6553[45])(?![0-9])"
    r"|[xX]0*(?:[1-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F]));?"
)
# A numeric reference to a character _NOT_XML replaces (&#8;, &#x1F;, &#xFFFE;): libxml2
# decodes it into the tree as the character itself, which lxml then refuses to write back.
_UNSAFE_REFERENCE_BYTES = re.compile(_UNSAFE_REFERENCE.encode("ascii"))
_UNSAFE_REFERENCE_TEXT = re.compile(_UNSAFE_REFERENCE)
_BREAKOUT_TAGS = frozenset(
    """b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr
    i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table
    tt u ul var""".split()  # noqa: SIM905
)
"""HTML start tags that end foreign content (the HTML standard, "in foreign content")."""
_INTEGRATION_POINTS = frozenset(
    ("foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml")
)
"""Elements of SVG and MathML whose content is HTML again: no breakout inside them."""
_SWALLOWING_VOIDS = ("embed", "source", "track", "wbr", "keygen", "bgsound", "image", "param")
"""Void elements of HTML that libxml2 parses as containers."""

# lxml.html's own lookup calls into Python for every element the readers touch, to hand
# <form>, <input> ... their form classes; nothing here uses those, so one element class for
# all, looked up in C (about a twentieth of the readers' time).
_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


def _parser() -> lxml.html.HTMLParser:
    # A parser per document: its error log tells whether libxml2 gave up part way. It reads
    # UTF-8 bytes (fewer conversions than a str), whatever charset the page declares. No
    # table of ids is built (nothing looks elements up by id through libxml2): a twentieth
    # of the parse.
    parser = lxml.html.HTMLParser(
        remove_comments=False,
        remove_pis=True,
        huge_tree=True,
        encoding="utf-8",
        collect_ids=False,
    )
    parser.set_element_class_lookup(_LOOKUP)
    return parser


def load(data: bytes | str, *, encoding: str | None = None) -> lxml.html.HtmlElement:
    """Parse a document into an lxml HTML tree (the root ``<html>`` element).

    Whatever the markup, the tree is at most ``MAX_DEPTH`` levels deep, and a document
    libxml2 could only read in part is a ``ParseError``, never a silently shortened page.
    """
    if isinstance(data, str):
        text, utf8 = data, None
    else:
        text, same = _decode(data, encoding)
        utf8 = data if same else None  # spares encoding the text again
    text, raw, rare = _xml_safe(text, utf8)
    declaration = _XML_DECLARATION.match(text)
    if declaration:
        text = text[declaration.end() :]
        raw = text.encode("utf-8")
    if not text.strip():
        raise ParseError("empty document")
    if mojibake.mangled(rare) and mojibake.mangled(raw):  # the rare bytes rule most pages out
        text = mojibake.repair(text)
        raw = text.encode("utf-8")
    del text, rare  # the page is held once, as the bytes the parser reads
    if markup.wide_tags(raw):
        raw = markup.drop_excess_attributes(raw)
    root, fatal = _parse(raw)
    if fatal is not None and "depth" in fatal.message.lower():
        # Nested past libxml2's limit: drop the deepest tags and read the page again.
        root, fatal = _parse(markup.flatten(raw.decode("utf-8")).encode("utf-8"))
    if fatal is not None:
        raise ParseError(f"cannot parse HTML past line {fatal.line} ({fatal.message})")
    _check_size(root, raw)
    streamed.place_segments(root)
    # One pass finds the repairs' nodes (moving a void's content keeps document order).
    voids: list[lxml.html.HtmlElement] = []
    foreign: list[lxml.html.HtmlElement] = []
    comments: list[lxml.html.HtmlElement] = []
    for el in root.iter(*_SWALLOWING_VOIDS, "svg", "math", etree.Comment):
        tag = el.tag
        if not isinstance(tag, str):
            comments.append(el)
        else:
            (foreign if tag in ("svg", "math") else voids).append(el)
    if len(comments) > MAX_COMMENT_RUN:
        _shorten_comment_runs(comments)
    _unnest_voids(voids)
    _break_out_of_foreign_content(foreign)
    _bound_depth(root)
    return root


def _check_size(root: lxml.html.HtmlElement, raw: bytes) -> None:
    """Refuse a tree of more elements than ``MAX_ELEMENTS`` or one per ``BYTES_PER_ELEMENT``
    bytes, whichever is more; only a page of that many "<" can hold one, so the others are
    spared the count."""
    cap = max(MAX_ELEMENTS, len(raw) // BYTES_PER_ELEMENT)
    if len(raw) > 3 * MAX_ELEMENTS and raw.count(b"<") > cap:
        count = int(cast("float", root.xpath("count(//*)")))
        if count > cap:
            raise ParseError(f"{count:,} elements, over the cap of {cap:,} for {len(raw):,} bytes")


def _shorten_comment_runs(comments: list[lxml.html.HtmlElement]) -> None:
    """Remove the comments after the first ``MAX_COMMENT_RUN`` of a run of sibling comments,
    keeping the text between them (their tails) in place: joined once onto the last comment
    kept, as adding each tail in turn copies the growing text again (quadratic in the run)."""
    run: list[lxml.html.HtmlElement] = []
    for comment in comments:
        if run and comment.getprevious() is not run[-1]:
            _drop_excess(run)
            run = []
        run.append(comment)
    _drop_excess(run)


def _drop_excess(run: list[lxml.html.HtmlElement]) -> None:
    """Drop a run's comments past ``MAX_COMMENT_RUN``, their tails joined to the last kept."""
    if len(run) <= MAX_COMMENT_RUN:
        return
    kept, excess = run[MAX_COMMENT_RUN - 1], run[MAX_COMMENT_RUN:]
    kept.tail = "".join([kept.tail or "", *(c.tail or "" for c in excess)]) or None
    parent = kept.getparent()
    for comment in excess:
        comment.tail = None
        if parent is not None:
            parent.remove(comment)


def _parse(raw: bytes) -> tuple[lxml.html.HtmlElement, etree._LogEntry | None]:
    """The tree of a UTF-8 document, and the fatal error that made libxml2 stop part way."""
    parser = _parser()
    try:
        root = lxml.html.document_fromstring(raw, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"cannot parse HTML ({exc})") from exc
    if root is None:
        raise ParseError("cannot parse HTML (no document element)")
    fatal = next((e for e in parser.error_log if e.level_name == "FATAL"), None)
    return root, fatal


def _xml_safe(text: str, raw: bytes | None = None) -> tuple[str, bytes, bytes]:
    """The text with what a libxml2 tree cannot hold, written as is or as a numeric
    reference, replaced by U+FFFD (form feeds: spaces), the same in UTF-8 (``raw``, when
    the caller has it already), and that UTF-8's rare bytes (``_PLAIN_BYTES``).

    Most pages have none: checks over the UTF-8 bytes (C speed), those for characters over
    their rare bytes only, spare them the regex, and those bytes are what the parser reads.
    """
    if raw is None:
        try:
            raw = text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates
            raw = b"\x00"
    rare = raw.translate(None, _PLAIN_BYTES)
    if (
        len(rare.translate(None, _UNSAFE_BYTES)) == len(rare)
        and _NONCHARACTERS.search(rare) is None
        and _UNSAFE_REFERENCE_BYTES.search(raw) is None
    ):
        return text, raw, rare
    text = _NOT_XML.sub("\ufffd", text.replace("\x0c", " "))
    text = _UNSAFE_REFERENCE_TEXT.sub("&#xFFFD;", text)
    raw = text.encode("utf-8")
    return text, raw, raw.translate(None, _PLAIN_BYTES)


def _break_out_of_foreign_content(elements: list[lxml.html.HtmlElement]) -> None:
    """Move HTML that libxml2 left inside ``<svg>`` or ``<math>`` out after it.

    A browser closes an ``<svg>`` or ``<math>`` at the first ``<p>``, ``<div>``, ``<ul>``
    ... inside it (the HTML standard's rules for foreign content); libxml2 does not, so an
    unclosed ``<svg>`` would otherwise swallow the rest of the story.
    """
    for foreign in elements:
        if any(a.tag in ("svg", "math") for a in foreign.iterancestors()):
            continue
        breakout = _first_breakout(foreign)
        if breakout is None:
            continue
        moving: list[lxml.html.HtmlElement | str] = [breakout, *breakout.itersiblings()]
        node = breakout.getparent()
        while node is not None and node is not foreign:
            moving.extend([node.tail or "", *node.itersiblings()])
            node.tail = None
            node = node.getparent()
        moving.append(foreign.tail or "")
        foreign.tail = None
        anchor = foreign
        for item in moving:
            if isinstance(item, str):
                anchor.tail = (anchor.tail or "") + item or None
            else:
                anchor.addnext(item)
                anchor = item


def _first_breakout(foreign: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    stack = list(reversed(foreign))
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in _BREAKOUT_TAGS:
            return element
        if tag not in _INTEGRATION_POINTS:
            stack.extend(reversed(element))
    return None


def _unnest_voids(elements: list[lxml.html.HtmlElement]) -> None:
    """Move what libxml2 put inside a void element (``<wbr>``, ``<embed>`` ...) after it.

    libxml2 does not know these as void, so ``a<wbr>b</p><p>c`` nests the rest of the
    paragraph, and the paragraphs that follow, inside the ``<wbr>``; a browser does not.
    """
    for void in elements:
        parent = void.getparent()
        if parent is None or (void.text is None and not len(void)):
            continue
        tail, children = void.tail, list(void)
        void.tail, void.text = void.text, None
        at = parent.index(void)
        for offset, child in enumerate(children, start=1):
            parent.insert(at + offset, child)
        last = children[-1] if children else void
        last.tail = (last.tail or "") + (tail or "") or None


_AT_MAX_DEPTH = etree.XPath("/" + "/".join(["*"] * MAX_DEPTH) + "[*]")
"""Elements ``MAX_DEPTH`` levels down that still have children (libxml2 walks it level by level)."""


def _bound_depth(root: lxml.html.HtmlElement) -> None:
    """Collapse every element at ``MAX_DEPTH`` into its text, without recursion."""
    for element in cast("list[lxml.html.HtmlElement]", _AT_MAX_DEPTH(root)):
        text = "".join(element.itertext())
        for child in list(element):
            element.remove(child)
        element.text = text
