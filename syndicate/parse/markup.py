"""Guards on the raw markup, before libxml2 reads it: what would make its parse lose the
page or take minutes.

- Start tags nested deeper than ``MAX_TAG_NESTING`` (libxml2 stops at 2,048 levels and drops
  the rest of the page) are dropped, their content kept (``flatten``).
- A start tag's attributes past the ``MAX_ATTRIBUTES``th are dropped (libxml2 checks each
  attribute against all before it: quadratic), found by a scan that reads tags the way the
  HTML tokenizer does (``wide_tags``, ``drop_excess_attributes``).
"""

from __future__ import annotations

import re
from typing import cast

MAX_TAG_NESTING = 400
"""Start tags nested deeper than this in the source are dropped before parsing.

libxml2 stops at 2,048 levels and silently drops the rest of the page (an end note saying
where the story first appeared, for one). The scan counts only the tags that nest as
written; implied ones (tbody, a quirks-mode p around a table) can add up to four parsed
levels per counted one, hence 400, well below 2,048 / 4."""
# A start or end tag, or a whole raw-text element (script, style ...) whose "<" are not tags.
_TAG = re.compile(
    r"<(script|style|textarea|title|xmp)\b[^>]*>.*?</\1\s*>|<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*>",
    re.IGNORECASE | re.DOTALL,
)
# Elements that never nest as written (void, or closed by their next sibling): the scan
# does not count them, so that legacy pages full of unclosed <p> and <td> stay untouched.
_FLAT_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
        "p",
        "li",
        "dt",
        "dd",
        "option",
        "tr",
        "td",
        "th",
        "a",
    ]
)


MAX_ATTRIBUTES = 128
"""Attributes kept per start tag; the ones after them are dropped before parsing.

libxml2 checks each attribute of a tag against all those before it, so a tag of 20,000
distinct attributes takes half a second to parse and one of 200,000 over a minute; capped,
a 10 MB page of capped tags parses in about a second. Real tags carry a few dozen at most
(the most on 881 corpus pages: 32)."""
_SPACE = rb"\t\n\f\r "
# One attribute as the HTML tokenizer reads it (libxml2 follows the HTML standard): a name
# (which may begin with "="), then maybe "=" and a value; a ">" inside a quoted value does
# not end the tag, a quote inside a name or an unquoted value is a plain character.
_ATTRIBUTE = (
    rb"[" + _SPACE + rb"/]*+[^" + _SPACE + rb"/>][^" + _SPACE + rb"/=>]*+"
    rb"(?:["
    + _SPACE
    + rb"]*+=["
    + _SPACE
    + rb"]*+(?:\"[^\"]*+\"|'[^']*+'|[^"
    + _SPACE
    + rb">]*+))?+"
)
_TAG_NAME = rb"[A-Za-z][^" + _SPACE + rb"/>]*+"
_TAG_CLOSE = rb"[" + _SPACE + rb"/]*+(?:>|\Z)"
_OVER_CAP = rb"(?:" + _ATTRIBUTE + rb"){%d}" % MAX_ATTRIBUTES
_RAW_TEXT_TAGS = (
    b"script",
    b"style",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"textarea",
    b"title",
)
"""Elements whose content the tokenizer reads as text up to their end tag, not as markup."""
_NAME_END = rb"(?=[" + _SPACE + rb"/>]|\Z)"
_WITHIN_CAP = rb"(?:" + _ATTRIBUTE + rb"){0,%d}+" % MAX_ATTRIBUTES + _TAG_CLOSE
# Any "<" followed by more than MAX_ATTRIBUTES attributes: the cheap test every page gets.
# It does not know comments or scripts, so "i<n" in a minified script can match too; the
# exact scan of drop_excess_attributes then decides.
_WIDE_TAG_ANYWHERE = re.compile(rb"<" + _TAG_NAME + _OVER_CAP + _ATTRIBUTE)
# The content of each raw-text element, up to its end tag.
_RAW_TEXT_CONTENT = {
    name: re.compile(rb"(?:[^<]++|<(?!/" + name + _NAME_END + rb"))*+", re.IGNORECASE)
    for name in _RAW_TEXT_TAGS
}
# A run of text and markup holding no start tag over the cap: text, comments, doctypes and
# bogus comments, end tags, raw-text elements whole, and start tags within the cap. It
# stops at the "<" of the first start tag over the cap.
_MARKUP_RUN = re.compile(
    rb"(?:"
    + b"|".join(
        [
            rb"[^<]++",
            rb"<!--(?:-?>|(?:[^-]++|-(?!-!?>))*+(?:--!?>|\Z))",
            rb"<[!?][^>]*+(?:>|\Z)",
            rb"</" + _TAG_NAME + rb"(?:" + _ATTRIBUTE + rb")*+" + _TAG_CLOSE,
            rb"</(?![A-Za-z])[^>]*+(?:>|\Z)",
            rb"<plaintext" + _NAME_END + _WITHIN_CAP + rb".*",
            *(
                b"<" + name + _NAME_END + _WITHIN_CAP + _RAW_TEXT_CONTENT[name].pattern
                for name in _RAW_TEXT_TAGS
            ),
            rb"<" + _TAG_NAME + _WITHIN_CAP,
            rb"<(?![A-Za-z])",
        ]
    )
    + rb")*+",
    re.IGNORECASE | re.DOTALL,
)
# A start tag over the cap: its name, the attributes kept, the rest, and its close.
_WIDE_TAG = re.compile(
    rb"<(" + _TAG_NAME + rb")(" + _OVER_CAP + rb")(?:" + _ATTRIBUTE + rb")*+(" + _TAG_CLOSE + rb")"
)


def wide_tags(raw: bytes) -> bool:
    """Whether the page may hold a start tag over the cap (the test every page gets)."""
    return _WIDE_TAG_ANYWHERE.search(raw) is not None


def flatten(text: str, *, max_depth: int = MAX_TAG_NESTING) -> str:
    """Drop the start and end tags nested deeper than ``max_depth``, keeping their content.

    A fast scan over the tags, not a parse: it only has to bound the depth, and leaves
    every page nested less deeply exactly as it was.
    """
    depth = 0
    dropped: dict[str, int] = {}
    cuts: list[tuple[int, int]] = []
    for match in _TAG.finditer(text):
        if match.group(1):
            continue
        closing, name = match.group(2), match.group(3).lower()
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


def drop_excess_attributes(raw: bytes) -> bytes:
    """Drop the attributes after the first ``MAX_ATTRIBUTES`` of every start tag.

    An exact scan as the HTML tokenizer reads the page: tags inside comments, scripts,
    styles and other raw-text elements are text and stay as they are, and so does every
    tag within the cap, so a page with no tag over the cap comes back unchanged.
    """
    pieces: list[bytes] = []
    pos, end = 0, len(raw)
    while pos < end:
        stop = cast("re.Match[bytes]", _MARKUP_RUN.match(raw, pos)).end()
        pieces.append(raw[pos:stop])
        pos = stop
        wide = _WIDE_TAG.match(raw, pos) if pos < end else None
        if wide is None:
            pieces.append(raw[pos : pos + 1])
            pos += 1
            continue
        name, kept, close = wide.group(1, 2, 3)
        pieces.append(b"<" + name + kept + close)
        pos = wide.end()
        tag = name.lower()
        if tag == b"plaintext":
            pieces.append(raw[pos:])
            break
        content = _RAW_TEXT_CONTENT.get(tag)
        if content is not None:
            stop = cast("re.Match[bytes]", content.match(raw, pos)).end()
            pieces.append(raw[pos:stop])
            pos = stop
    return b"".join(pieces)
