"""JSON-LD: tolerant parsing of ``<script type="application/ld+json">`` and the main article.

Pages break JSON in many small ways; each repair below is tried only when strict parsing
fails, so valid JSON is never rewritten:

- HTML comments and CDATA wrappers around the script text;
- raw control characters inside strings (``json`` with ``strict=False``);
- trailing commas before ``}`` or ``]``;
- several top-level objects in one script, back to back.
"""

from __future__ import annotations

import html
import json
import re
import weakref
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import lxml.html

from syndicate.parse.authors import clean_text

Obj = dict[str, Any]

# Comment and CDATA wrappers that CMSs leave around the JSON (also the "//" JS-comment form).
_WRAPPERS = re.compile(r"<!--|-->|(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>")
# A comma right before a closing bracket: invalid JSON that browsers' authors write anyway.
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_DECODER = json.JSONDecoder(strict=False)
# What a script holds when it may be wrapped (comments, CDATA): only then the repairs run.
_WRAPPER_HINTS = ("<!", "-->", "]]>")
# Each document's scripts parsed as strict JSON, by their text, for as long as its tree lives:
# the metadata reader and the body's fallback read the same scripts, parsed once.
_PARSED: weakref.WeakKeyDictionary[lxml.html.HtmlElement, dict[str, Any]]
_PARSED = weakref.WeakKeyDictionary()
_INVALID = object()
# Each document's ``application/ld+json`` scripts in page order, noted by the metadata
# reader's scan for the body's fallback, for as long as its tree lives (readers never change
# the tree, so the list stays true): the body does not walk the tree for them again.
LD_TYPE = "application/ld+json"
_SCRIPTS: weakref.WeakKeyDictionary[lxml.html.HtmlElement, list[lxml.html.HtmlElement]]
_SCRIPTS = weakref.WeakKeyDictionary()

# schema.org types that are the article itself (any type ending in "Article" counts too).
ARTICLE_TYPES = frozenset(
    {
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "discussionforumposting",
        "posting",
        "report",
        "review",
        "criticreview",
        "recipe",
        "howto",
        "question",
        "creativework",
    }
)
# Types whose dates and names may stand in for the article's when no article object exists.
PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "collectionpage", "qapage", "faqpage"})


def parse_text(text: str) -> list[Any]:
    """Every JSON value in one script's text, repairing the common breakages."""
    text = _WRAPPERS.sub(" ", text).strip().lstrip(";").rstrip(";").strip()
    if not text:
        return []
    values = _decode_all(text)
    if values is None:
        values = _decode_all(_TRAILING_COMMA.sub(r"\1", text))
    return values or []


def _decode_all(text: str) -> list[Any] | None:
    values: list[Any] = []
    pos, end = 0, len(text)
    while pos < end:
        while pos < end and text[pos] in " \t\r\n;,":
            pos += 1
        if pos >= end:
            break
        try:
            value, pos = _DECODER.raw_decode(text, pos)
        except (json.JSONDecodeError, RecursionError):  # broken, or nested past the stack
            return values or None
        values.append(value)
    return values


def objects(root: lxml.html.HtmlElement) -> list[Obj]:
    """All JSON-LD objects on the page, flattened out of ``@graph`` and lists, in page order."""
    return objects_in(root.iter("script"))


MAX_OBJECTS = 1000
"""JSON-LD objects read from one page, in page order. Real pages carry a few dozen; a page of
300,000 would take seconds to weigh, object by object."""


def objects_in(scripts: Iterable[lxml.html.HtmlElement]) -> list[Obj]:
    """The JSON-LD objects held by those of ``scripts`` whose type is ``ld+json``: the first
    ``MAX_OBJECTS`` of them."""
    found: list[Obj] = []
    for script in scripts:
        if "ld+json" in (script.get("type") or "").lower():
            for value in _values(script):
                found.extend(islice(_flatten(value), MAX_OBJECTS - len(found)))
                if len(found) >= MAX_OBJECTS:
                    return found
    return found


def note_scripts(root: lxml.html.HtmlElement, scripts: Iterable[lxml.html.HtmlElement]) -> None:
    """Keep the ``ld+json`` ones of ``scripts`` (every script under ``root``, in page order)
    for ``scripts_of``."""
    _SCRIPTS[root] = [s for s in scripts if s.get("type") == LD_TYPE and s is not root]


def scripts_of(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The ``<script type="application/ld+json">`` elements under ``root``, in page order."""
    found = _SCRIPTS.get(root)
    if found is None:
        found = [s for s in root.iterdescendants("script") if s.get("type") == LD_TYPE]
    return found


def _values(script: lxml.html.HtmlElement) -> list[Any]:
    """``parse_text`` of the script's text; strict JSON without wrappers is parsed once per
    document (``loads``), and is what ``parse_text`` would make of it."""
    text = script.text or ""
    if not any(hint in text for hint in _WRAPPER_HINTS):
        try:
            return [loads(script, text)]
        except ValueError:
            pass
    return parse_text(text)


def loads(script: lxml.html.HtmlElement, text: str | None = None) -> Any:
    """``json.loads`` of the script's text (``text``, when the caller has read it already),
    parsed once per document: readers of the same tree share the values, and must not
    change them. Raises ``ValueError`` for text that is not strict JSON."""
    if text is None:
        text = script.text or ""
    parsed = _PARSED.setdefault(script.getroottree().getroot(), {})
    if text not in parsed:
        try:
            parsed[text] = json.loads(text)
        except (ValueError, RecursionError):  # not JSON, or nested past the stack
            parsed[text] = _INVALID
    value = parsed[text]
    if value is _INVALID:
        raise ValueError("not strict JSON")
    return value


def _flatten(value: Any) -> Iterator[Obj]:
    """The objects of a JSON-LD value, out of lists and ``@graph``, in order; a stack, not
    recursion, so that lists nested hundreds deep cannot exhaust Python's."""
    stack: list[tuple[Any, bool]] = [(value, False)]
    while stack:
        item, done = stack.pop()
        if done:  # a graph's own object, after its members
            yield item
        elif isinstance(item, list):
            stack.extend((member, False) for member in reversed(item))
        elif isinstance(item, dict):
            graph = item.get("@graph")
            if isinstance(graph, (list, dict)):
                rest = {k: v for k, v in item.items() if k not in ("@graph", "@context")}
                if "@type" in rest:
                    stack.append((rest, True))
                stack.append((graph, False))
            else:
                yield item


def types(obj: Obj) -> set[str]:
    """The object's ``@type`` values, lower-cased, without a schema.org prefix."""
    raw = obj.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {str(t).rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for t in values if t}


def is_article(obj: Obj) -> bool:
    """True for NewsArticle, BlogPosting, ReportageNewsArticle and their kin."""
    return any(t.endswith("article") or t in ARTICLE_TYPES for t in types(obj))


def index(objs: list[Obj]) -> dict[str, Obj]:
    """Objects by ``@id``, to resolve references such as ``"author": {"@id": "#person"}``."""
    return {str(o["@id"]): o for o in objs if isinstance(o.get("@id"), str)}


def resolve(value: Any, ids: dict[str, Obj]) -> Any:
    """Follow a bare ``{"@id": ...}`` reference into the page's objects, once."""
    if isinstance(value, dict) and "@id" in value and len(value) <= 2:
        target = ids.get(str(value["@id"]))
        if target is not None:
            return target
    return value


def _nested_articles(objs: list[Obj], ids: dict[str, Obj]) -> Iterator[Obj]:
    """Articles held as a page's ``mainEntity`` rather than at the top level."""
    for obj in objs:
        for key in ("mainEntity", "mainEntityOfPage"):
            inner = resolve(obj.get(key), ids)
            for item in inner if isinstance(inner, list) else [inner]:
                if isinstance(item, dict) and is_article(item):
                    yield item


def _urls(obj: Obj) -> set[str]:
    out: set[str] = set()
    for key in ("url", "@id", "mainEntityOfPage"):
        value = obj.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str):
            out.add(_bare(value))
    return out


def _bare(url: str) -> str:
    return url.split("#", 1)[0].split("?", 1)[0].rstrip("/").lower().split("://", 1)[-1]


def main_article(objs: list[Obj], *, urls: tuple[str | None, ...] = ()) -> Obj | None:
    """The object that describes this page's article, not a breadcrumb or the publisher.

    Among article-typed objects (top-level, in ``@graph`` or a page's ``mainEntity``), the
    one whose url, ``@id`` or ``mainEntityOfPage`` is this page wins; then the one with a
    headline and the most of the fields a reader needs; then the first.
    """
    ids = index(objs)
    candidates = [o for o in objs if is_article(o)]
    candidates += [o for o in _nested_articles(objs, ids) if o not in candidates]
    if not candidates:
        return None
    wanted = {_bare(u) for u in urls if u}

    def score(pair: tuple[int, Obj]) -> tuple[int, int, int]:
        pos, obj = pair
        here = 1 if wanted & _urls(obj) else 0
        fields = sum(
            1 for k in ("headline", "author", "datePublished", "articleBody") if obj.get(k)
        )
        generic = 0 if types(obj) & {"creativework", "question"} else 1
        return here, generic * 10 + fields, -pos

    return max(enumerate(candidates), key=score)[1]


def main_page(objs: list[Obj]) -> Obj | None:
    """The page's WebPage object, if any (a fallback source of dates and names)."""
    return next((o for o in objs if types(o) & PAGE_TYPES), None)


def text(value: Any) -> str | None:
    """A JSON-LD value as clean text: a list's first item; strings and numbers only, with
    entities escaped twice in the page's source decoded."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        found = clean_text(str(value))
        if "&" in found:
            found = clean_text(html.unescape(found))
        return found or None
    return None
