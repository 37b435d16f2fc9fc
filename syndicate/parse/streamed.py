"""Streamed server rendering put back in place: the page as a browser shows it.

React's streaming renderer (Next.js, Remix and the like) sends a part of the page that is not
ready yet as a fallback (a spinner, a skeleton, often nothing) between two markers,
``<!--$?--><template id="B:0"></template>...<!--/$-->``, and sends the part itself later,
at the end of the document, as ``<div hidden id="S:0">...</div>`` with a script call
``$RC("B:0","S:0")`` that swaps it in. A part of a part waits in ``<template id="P:1">``
for ``$RS("S:1","P:1")``. Read as sent, a story's paragraphs sit hidden after the footer,
out of order; read as shown, they are where the reader sees them.

The pairs come from the page's own calls (inline ``$RC``/``$RS`` scripts, or the
``data-rci``/``data-rsi`` templates of the external runtime). A page saved without its
scripts keeps the markers only: a boundary then takes the segment of the same number, the
pairing React uses for a boundary's first segment.
"""

from __future__ import annotations

import re
from typing import TypeAlias

import lxml.html
from lxml import etree

Element: TypeAlias = lxml.html.HtmlElement

# The instruction calls of the inline runtime: $RC(boundary, segment) completes a boundary,
# $RS(segment, placeholder) fills a placeholder.
_CALLS = re.compile(r"""\$R([CS])\(\s*["']([^"']+)["']\s*,\s*["']([^"']+)["']""")


def place_segments(root: Element) -> None:
    """Move each streamed segment to the place its boundary or placeholder holds."""
    templates = {
        ident: el
        for el in root.iter("template")
        if (ident := el.get("id") or "").startswith(("B:", "P:"))
    }
    if not templates:
        return
    segments = {
        ident: el
        for el in root.iter("div")
        if el.get("hidden") is not None and (ident := el.get("id") or "").startswith("S:")
    }
    if not segments:
        return
    for kind, target, segment_id in _pairs(root, templates, segments):
        segment = segments.pop(segment_id, None)
        template = templates.pop(target, None)
        if segment is None or template is None or _inside(template, segment):
            continue
        if kind == "C":
            _complete(template, segment)
        else:
            _fill(template, segment)


def _pairs(
    root: Element, templates: dict[str, Element], segments: dict[str, Element]
) -> list[tuple[str, str, str]]:
    """(kind, template id, segment id) in the order the page runs them."""
    pairs: list[tuple[str, str, str]] = []
    for script in root.iter("script"):
        for kind, first, second in _CALLS.findall(script.text or ""):
            pairs.append((kind, first, second) if kind == "C" else (kind, second, first))
    for el in root.iter("template"):
        if el.get("data-rci") is not None and el.get("data-bid") and el.get("data-sid"):
            pairs.append(("C", el.get("data-bid", ""), el.get("data-sid", "")))
        elif el.get("data-rsi") is not None and el.get("data-sid") and el.get("data-pid"):
            pairs.append(("S", el.get("data-pid", ""), el.get("data-sid", "")))
    if pairs:
        return pairs
    # Saved without scripts: each marker takes the segment of its own number.
    return [
        ("C" if ident.startswith("B:") else "S", ident, "S:" + ident[2:])
        for ident in templates
        if "S:" + ident[2:] in segments
    ]


def _inside(template: Element, segment: Element) -> bool:
    """True when the template sits inside the segment meant to replace it (a broken pair)."""
    return any(ancestor is segment for ancestor in template.iterancestors())


def _complete(template: Element, segment: Element) -> None:
    """$RC: drop the fallback, from the template to the boundary's ``<!--/$-->`` (nested
    boundaries counted), and put the segment's content before that end marker."""
    parent = template.getparent()
    if parent is None:
        return
    node: etree._Element | None = template
    depth = 0
    fallback: list[etree._Element] = []
    while node is not None:
        if isinstance(node, etree._Comment):
            data = (node.text or "").strip()
            if data == "/$":
                if depth == 0:
                    break
                depth -= 1
            elif data in ("$", "$?", "$!"):
                depth += 1
        fallback.append(node)
        node = node.getnext()
    for el in fallback:  # with their tails: the text between them is the fallback's too
        el.tail = None
        parent.remove(el)
    _move_content(segment, parent, node)


def _fill(template: Element, segment: Element) -> None:
    """$RS: put the segment's content in the placeholder's place."""
    parent = template.getparent()
    if parent is None:
        return
    _move_content(segment, parent, template)
    _remove(template)


def _move_content(segment: Element, parent: Element, before: etree._Element | None) -> None:
    """Move the segment's text and children into ``parent`` just before ``before`` (at the
    end when None), and remove the emptied segment. Moves are made next to a node, never by
    index: an index costs a walk of the siblings, and a page may hold thousands of parts."""
    previous = before.getprevious() if before is not None else (parent[-1] if len(parent) else None)
    if segment.text:
        _add_text_after(parent, previous, segment.text)
        segment.text = None
    for child in list(segment):
        if before is not None:
            before.addprevious(child)
        else:
            parent.append(child)
    _remove(segment)


def _add_text_after(parent: Element, previous: etree._Element | None, text: str) -> None:
    """Add ``text`` after ``previous`` (at the start of ``parent`` when None)."""
    if previous is None:
        parent.text = (parent.text or "") + text
    else:
        previous.tail = (previous.tail or "") + text


def _remove(el: Element) -> None:
    """Take ``el`` out of the tree, keeping the text that follows it (lxml's ``drop_tree``);
    one that went out with a boundary's fallback is out already."""
    if el.getparent() is not None:
        el.drop_tree()
