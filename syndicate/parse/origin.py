"""Signs on the page that the piece came from another publication, with their evidence.

Each reader looks in one place and quotes what it saw:

- byline: organisations the byline names beside or instead of its writers
  ("By Ron Kampeas, JTA"), as the metadata reader split them off, a known agency left
  joined to the writer ("Tom Krisher, AP Auto Writer"), or a wire roundup ("wire services");
- kicker: a label by the headline ("From Haaretz");
- dateline: an agency in the dateline that opens the body ("JERUSALEM (JTA) —", and for a
  known agency "Paris (AFP) -");
- note: a sentence at the top or the end of the body about where the piece ran first
  ("This article originally appeared on JTA.org.", "Reprinted with permission from …",
  "This essay is adapted from …", "Distributed by Tribune Content Agency"), also read from
  the page after the headline, and from elements marked as notes, since a body extractor
  may drop such a line as boilerplate; and a known agency's copyright closing the story;
- jsonld: the article's ``sourceOrganization``, ``isBasedOn`` and ``copyrightHolder``;
- canonical: a ``rel=canonical`` on another site; meta: a ``syndication-source`` meta.

Mentions, quotes and links in the running text, author bios, related-story lists and the
republish box are never read, and a sign that names the page's own site is dropped.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

import lxml.html
from lxml import etree

from syndicate.models import Origin
from syndicate.parse import jsonld, urls, visible
from syndicate.parse.body import Body
from syndicate.parse.container import inner_text
from syndicate.parse.metadata import Metadata
from syndicate.parse.origin_text import (
    AGENCY_NAMES,
    END_NOTE_BLOCKS,
    MAX_NOTE_CHARS,
    NAME,
    NOTE_HINT,
    NOTE_HINT_LOWER,
    ODD_CASE,
    TOP_NOTE_BLOCKS,
    clean,
    datelines,
    notes,
    quote,
    registered_domain,
)

# A known agency or outlet ending a byline after the writer's name, alone or with the job
# title it gives its staff ("Tom Krisher, AP Auto Writer", "Tom Davies Associated Press"):
# the bylines the metadata reader could not split into a writer and an organisation.
BYLINE_AGENCY = re.compile(
    rf"(?P<sep>\s*[,|/•·—–]\s*|\s+)(?<!former\s)(?<!ex-)(?P<name>{AGENCY_NAMES})"
    r"(?P<role>(?:\s+[a-z]+){0,3}?\s+(?:writer|correspondent|reporter|editor|columnist|"
    r"photographer|journalist)s?)?\W*$",
    re.IGNORECASE,
)
# A wire roundup's byline, naming no single agency ("Detroit News wire services", "From wire
# reports", "Staff and agencies").
BYLINE_WIRE = re.compile(
    r"\b(?P<name>wire\s+(?:services?|reports?)|news\s+(?:services|agencies)|and\s+agencies)\W*$",
    re.IGNORECASE,
)
# A kicker is a short label: longer text near the headline is a dek, not a kicker.
MAX_KICKER_CHARS = 60
# How many siblings after the headline may still hold a kicker-like label.
KICKER_AFTER_SIBLINGS = 2

# A kicker naming a source: "From Haaretz", "Via JTA", "Reprinted from Tablet".
KICKER = re.compile(
    rf"^(?i:from|via|originally\s+(?:published\s+)?(?:in|on|by)|"
    rf"reprinted\s+from|republished\s+from|in\s+partnership\s+with)\s+{NAME}$"
)
# Labels that look like "From X" but name no publication ("From the Archives").
KICKER_STOP = re.compile(
    r"^(?:the\s+|our\s+)?(?:archives?|editors?|editor's desk|desk|readers?|community|staff|"
    r"vault|magazine|print edition|newsroom|partners?|sponsors?|field|front lines?|"
    r"staff(?:\s+reports?)?|(?:around\s+)?the\s+web|publisher|author)$",
    re.IGNORECASE,
)
# JSON-LD keys on the article that say where it came from.
JSONLD_KEYS = ("sourceOrganization", "isBasedOn", "isBasedOnUrl", "copyrightHolder")
# Meta names of an original URL (Google's syndication-source and original-source).
SOURCE_META_NAMES = frozenset({"syndication-source", "original-source"})
# Class or id words a CMS gives a note on the story's source; such elements are read wherever
# they sit after the headline, since a body extractor may leave them out.
NOTE_MARK = re.compile(
    r"(?:^|[^a-z])(?:syndicat|original-source|source-note|origin-note|story-source|"
    r"article-source|reprint|republished-from)",
    re.IGNORECASE,
)
# Elements that may be a note of their own when they hold no paragraphs or divs, and the
# shortest text such a note has (a body extractor may drop "This article is republished
# from …" as boilerplate, so the page after the headline is read too).
NOTE_TAGS = frozenset({"p", "div", "em", "i", "small", "span"})
MIN_PAGE_NOTE_CHARS = 20
# The length of the shortest word NOTE_HINT looks for ("appear", "repost").
MIN_HINT_CHARS = 6
# Elements walked after the headline whose texts are scanned for note words at once: a
# normal page's in one go, a huge page's in runs (holding them all would cost memory).
NOTE_BATCH = 2000
# A copyright notice ("Copyright © 2025 WABC-TV. All Rights Reserved.") and a logo's alt
# text name the site that runs the page; a bare "© Reuters" is a photo credit.
COPYRIGHT = re.compile(
    r"(?:(?:©|\(c\)|\bcopyright\b)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?)?,?\s*"
    r"(?P<name>[^\s.,|©\d][^|©\n]{1,79}?)[.,]?\s*all\s+rights\s+reserved",
    re.IGNORECASE,
)
LOGO_ALT = re.compile(r"^(.{2,40}?)\s+logo$", re.IGNORECASE)
# Lines read at each end of the body's HTML (one block per line) for datelines and notes.
EDGE_LINES = 8
# Subtrees never read for notes: code, and markup that is never shown as it is.
_UNREAD = frozenset({"script", "style", "noscript", "template", "textarea", "svg"})
# Captions and credits near the headline (a lead image above it) are not kickers.
_CAPTION = etree.XPath(
    "boolean(ancestor-or-self::*[self::figure or self::figcaption"
    " or contains(@class, 'caption') or contains(@class, 'credit')])"
)


def find_origin(
    root: lxml.html.HtmlElement, *, meta: Metadata, body: Body, url: str | None = None
) -> tuple[Origin, ...]:
    """Every sign that the piece came from another publication, in a stable order."""
    objs = list(meta.ld_objects) if meta.ld_objects else jsonld.objects(root)
    ids = jsonld.index(objs)
    head = _Head(root)
    own = _OwnSite(head, meta, url, objs, ids)
    blocks = _body_blocks(body)
    headline = _headline(root, meta.title)
    found: dict[tuple[str, str], Origin] = {}
    readers = (
        _bylines(meta),
        _kickers(headline),
        datelines(blocks),
        notes(blocks),
        _page_notes(root, headline),
        _jsonld(meta, ids),
        _canonical(head, url) if own.known else (),
        _source_metas(head, url) if own.known else (),
    )
    for reader in readers:
        for sign in reader:
            if not own.names(sign.name, sign.url):
                found.setdefault((sign.name.casefold(), sign.kind), sign)
    if found and own.learn(_self_names(root, body)):
        found = {k: v for k, v in found.items() if not own.names(v.name, v.url)}
    return tuple(found.values())


def _self_names(root: lxml.html.HtmlElement, body: Body) -> list[str]:
    """Names the page gives itself outside the story: copyright holders, logos' alt text.

    Read only when a sign was found, to tell a station's own call sign in its datelines
    ("NEW JERSEY (WABC) --" on a page reading "Copyright © 2025 WABC-TV") from an agency. A
    copyright line inside the story ("© 2025 The Associated Press") speaks for the story.
    """
    names: list[str] = []
    for match in COPYRIGHT.finditer(inner_text(root)):
        if match.group(0) not in body.text:
            names.extend(part for part in match.group("name").split(",") if len(part) > 2)
    for img in root.iter("img"):
        logo = LOGO_ALT.match(clean(img.get("alt") or ""))
        if logo:
            names.append(logo.group(1))
    return names


class _Head:
    """The page's ``<link>`` and ``<meta>`` elements, from one pass over the tree."""

    def __init__(self, root: lxml.html.HtmlElement) -> None:
        self.canonical: list[lxml.html.HtmlElement] = []
        self.og_urls: list[str] = []
        self.sources: list[lxml.html.HtmlElement] = []
        for el in root.iter("link", "meta"):
            if el.tag == "link":
                if "canonical" in (el.get("rel") or "").lower().split():
                    self.canonical.append(el)
                continue
            name = el.get("property") or el.get("name") or ""
            if name == "og:url" and el.get("content"):
                self.og_urls.append(el.get("content") or "")
            elif name.lower() in SOURCE_META_NAMES:
                self.sources.append(el)


class _OwnSite:
    """The page's own publication: its domains and names, never an origin."""

    def __init__(
        self,
        head: _Head,
        meta: Metadata,
        url: str | None,
        objs: list[dict[str, Any]],
        ids: dict[str, Any],
    ) -> None:
        hosts = [url, *head.og_urls]
        self.domains = {d for d in (registered_domain(h) for h in hosts if h) if d}
        names = [meta.publisher, meta.site_name]
        # The publisher's parent company (a common copyrightHolder) and every organisation
        # the page's JSON-LD places on its own domain are the site itself too.
        for article in meta.jsonld:
            publisher = jsonld.resolve(article.get("publisher"), ids)
            if isinstance(publisher, dict):
                names.append(_str(publisher.get("name")))
                parent = jsonld.resolve(publisher.get("parentOrganization"), ids)
                if isinstance(parent, dict):
                    names.append(_str(parent.get("name")))
        for obj in objs:
            link = _str(obj.get("url")) or _str(obj.get("@id")) or ""
            if "organization" in jsonld.types(obj) and registered_domain(link) in self.domains:
                names.append(_str(obj.get("name")))
        keys = {_key(n) for n in names if n}
        self.keys = {k for k in keys if k} | {d.split(".")[0] for d in self.domains}
        # A canonical or source URL is judged against the page's own domain (from its URL or
        # og:url) only: compared with a site name alone, own canonicals on sister hosts
        # ("Google Cloud" on cloud.google.com) look foreign.
        self.known = bool(self.domains)

    def learn(self, names: list[str]) -> bool:
        """Add more of the site's own names; True when one was new."""
        keys = {_key(n) for n in names} - self.keys - {""}
        self.keys |= keys
        return bool(keys)

    def names(self, name: str, url: str | None = None) -> bool:
        if url and registered_domain(url) in self.domains:
            return True
        key = _key(name)
        domain = registered_domain(name) if "." in name else None
        if not key:
            return True
        if key in self.keys or (domain and domain in self.domains):
            return True
        if len(key) >= 4 and any(key in k or k in key for k in self.keys if len(k) >= 4):
            return True
        # The name, or its initials, with a word brands add (AP's site is "AP News" on
        # apnews.com, where its bylines say "Associated Press").
        words = re.findall(r"\w+", re.sub(r"^the\s+", "", name.strip().casefold()))
        initials = "".join(w[0] for w in words) if len(words) > 1 else ""
        return any(
            k.startswith(short) and k[len(short) :] in _BRAND_WORDS
            for short in filter(None, (key, initials))
            for k in self.keys
        )


# Words a brand adds to a publication's name or initials ("AP News", "BBC Online", "AFP.com").
_BRAND_WORDS = frozenset(["", "news", "online", "media", "wire", "org", "com", "net", "digital"])


def _key(name: str) -> str:
    """A name folded for comparison: "The Forward" -> "forward", "JTA.org" -> "jtaorg"."""
    folded = re.sub(r"^the\s+", "", name.strip().casefold())
    return re.sub(r"\W+", "", folded)


# --- byline, kicker --------------------------------------------------------------------------


def _bylines(meta: Metadata) -> Iterator[Origin]:
    for org in meta.byline_orgs:
        yield Origin(name=org, kind="byline", evidence=quote(meta.byline or org))
    text = clean(meta.byline or "")
    if meta.byline_orgs or not text:
        return
    match = BYLINE_AGENCY.search(text)
    if match and match.start() > 0:
        name = match.group("name")
        name = name.upper() if len(name) <= 3 else name
        # Without a separator or a job title, a one-word name may be the writer's surname
        # ("Michael Bloomberg"); a short one must be printed as an acronym ("Jane Doe, AP").
        bare = not (match.group("role") or match.group("sep").strip())
        if not (bare and " " not in name) and (
            match.group("role") or len(name) > 3 or match.group("name").isupper()
        ):
            yield Origin(name=name, kind="byline", evidence=quote(text))
            return
    wire = BYLINE_WIRE.search(text)
    if wire:
        name = clean(wire.group("name")).removeprefix("and ")
        yield Origin(name=name, kind="byline", evidence=quote(text))


def _kickers(headline: lxml.html.HtmlElement | None) -> Iterator[Origin]:
    if headline is None:
        return
    for el in _near_headline(headline):
        raw = inner_text(el)
        if len(raw) > 4 * MAX_KICKER_CHARS:
            continue
        text = clean(raw)
        if not text or len(text) > MAX_KICKER_CHARS:
            continue
        match = KICKER.match(text)
        if match is None or KICKER_STOP.match(match.group("name")):
            continue
        if visible.foreign(el) or _CAPTION(el):
            continue
        links = el.xpath(".//a/@href") if el.tag != "a" else [el.get("href")]
        link = str(links[0]) if links and links[0] else None
        yield Origin(name=match.group("name"), kind="kicker", evidence=text, url=link)
        return


def _headline(root: lxml.html.HtmlElement, title: str | None) -> lxml.html.HtmlElement | None:
    """The story's <h1>: the one showing the title (outside sidebars first), else the first."""
    h1s = list(root.iter("h1"))
    own = [h for h in h1s if not visible.foreign(h)]
    for candidates in (own, h1s):
        for h1 in candidates:
            if title and clean(inner_text(h1)) == title:
                return h1
    return own[0] if own else None


def _near_headline(h1: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """Short elements just above the headline (in its parent and grandparent), then below."""
    node: lxml.html.HtmlElement | None = h1
    for _ in range(2):
        if node is None:
            break
        for sibling in node.itersiblings(preceding=True):
            if isinstance(sibling.tag, str):
                yield from (el for el in sibling.iter() if isinstance(el.tag, str))
        node = node.getparent()
    for count, sibling in enumerate(h1.itersiblings()):
        if count >= KICKER_AFTER_SIBLINGS:
            break
        if isinstance(sibling.tag, str):
            yield from (el for el in sibling.iter() if isinstance(el.tag, str))


# --- body: datelines and notes ---------------------------------------------------------------


def _body_blocks(body: Body) -> list[lxml.html.HtmlElement]:
    """The body's first and last blocks, the only ones datelines and notes are read from.

    The body's HTML holds one block per line, so only the lines at its two ends are parsed.
    """
    lines = body.html.split("\n")
    if len(lines) > 2 * EDGE_LINES:
        top = _blocks("\n".join(lines[:EDGE_LINES]))
        end = _blocks("\n".join(lines[-EDGE_LINES:]))
        if len(top) >= TOP_NOTE_BLOCKS and len(end) >= END_NOTE_BLOCKS:
            return top[:TOP_NOTE_BLOCKS] + end[-END_NOTE_BLOCKS:]
    return _blocks(body.html)


def _blocks(html: str) -> list[lxml.html.HtmlElement]:
    if not html.strip():
        return []
    try:
        fragments = lxml.html.fragments_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    return [
        f
        for f in fragments
        if isinstance(f, lxml.html.HtmlElement) and isinstance(f.tag, str) and clean(inner_text(f))
    ]


def _page_notes(
    root: lxml.html.HtmlElement, headline: lxml.html.HtmlElement | None
) -> Iterator[Origin]:
    """Notes after the headline (the whole body without one) that the body may have left out.

    Read: elements marked as notes (``<div class="syndication-note">``), and short elements
    without paragraphs inside that speak of publishing; never in sidebars, related lists,
    footers or hidden boxes (a republish dialog's copy).
    """
    body = root.find("body")
    if headline is not None:
        # Keyed by id, holding the elements so that no id is reused while this runs.
        above = {id(a): a for a in headline.iterancestors()}
        starts = _following(headline)
    elif body is not None:
        above, starts = {}, [(body, False)]
    else:
        return
    seen: dict[int, lxml.html.HtmlElement] = {}
    batch: list[tuple[lxml.html.HtmlElement, bool]] = []
    for step in _walk(starts):
        batch.append(step)
        if len(batch) >= NOTE_BATCH:
            yield from _batch_notes(batch, above, seen)
            batch = []
    yield from _batch_notes(batch, above, seen)


def _batch_notes(
    walked: list[tuple[lxml.html.HtmlElement, bool]],
    above: dict[int, lxml.html.HtmlElement],
    seen: dict[int, lxml.html.HtmlElement],
) -> Iterator[Origin]:
    """The notes of a run of walked elements, in order: marked ones, and the holders of
    texts that use a note's words."""
    hinted = _hinted(walked)
    for at, (el, marked) in enumerate(walked):
        if marked and id(el) not in seen:
            seen[id(el)] = el
            yield from notes([el])
        for value, is_tail in ((el.text, False), (el.tail, True)):
            if not value or (at, is_tail) not in hinted:
                continue
            owner = el.getparent() if is_tail else el
            if owner is not None:
                for candidate in _note_holders(owner, above):
                    if id(candidate) not in seen:
                        seen[id(candidate)] = candidate
                        yield from notes([candidate])


def _hinted(walked: list[tuple[lxml.html.HtmlElement, bool]]) -> set[tuple[int, bool]]:
    """(place in ``walked``, is tail) of the texts that hold a word every note uses.

    Text shorter than the shortest hint word, or only the spacing between tags, holds none:
    most texts are. The others are scanned as one lowered string, not one by one.
    """
    keys: list[tuple[int, bool]] = []
    values: list[str] = []
    for at, (el, _marked) in enumerate(walked):
        for value, is_tail in ((el.text, False), (el.tail, True)):
            if value and len(value) >= MIN_HINT_CHARS and not value.isspace():
                keys.append((at, is_tail))
                values.append(value)
    joined = "\x00".join(values)  # no hint word holds a NUL, so none spans two texts
    if ODD_CASE.search(joined):
        return {key for key, value in zip(keys, values, strict=True) if NOTE_HINT.search(value)}
    starts: list[int] = []
    offset = 0
    for value in values:
        starts.append(offset)
        offset += len(value) + 1
    # Lowering keeps every offset: only "İ" lowers to two characters.
    return {
        keys[bisect_right(starts, match.start()) - 1]
        for match in NOTE_HINT_LOWER.finditer(joined.lower())
    }


def _following(headline: lxml.html.HtmlElement) -> list[tuple[lxml.html.HtmlElement, bool]]:
    """The subtrees after the headline, each with whether it sits inside an ``<article>``."""
    out: list[tuple[lxml.html.HtmlElement, bool]] = []
    node: lxml.html.HtmlElement | None = headline
    ancestors = list(headline.iterancestors())
    for level in range(len(ancestors)):
        assert node is not None
        in_article = any(a.tag == "article" for a in ancestors[level:])
        out.extend((sibling, in_article) for sibling in node.itersiblings())
        node = ancestors[level]
    return out


def _walk(
    starts: list[tuple[lxml.html.HtmlElement, bool]],
) -> Iterator[tuple[lxml.html.HtmlElement, bool]]:
    """Elements of the subtrees in document order, each with whether it is marked as a note;
    foreign and hidden boxes are not entered (lxml's walker skips them without visiting
    their insides)."""
    # (tag, class, id, role) -> (a box not to enter, marked as a note)
    kinds: dict[tuple[str, str, str, str], tuple[bool, bool]] = {}
    for start, in_article in starts:
        if not isinstance(start.tag, str):
            continue
        walker = etree.iterwalk(start, events=("start",))
        for _event, el in walker:
            tag = el.tag
            attrs = el.attrib
            key = (tag, attrs.get("class", ""), attrs.get("id", ""), attrs.get("role", ""))
            kind = kinds.get(key)
            if kind is None or tag in ("aside", "footer"):
                kind = _kind(el, key, in_article)
                kinds[key] = kind
            if kind[0] or (len(attrs) and _hidden(el)):
                walker.skip_subtree()
                continue
            yield el, kind[1]


def _kind(
    el: lxml.html.HtmlElement, key: tuple[str, str, str, str], in_article: bool
) -> tuple[bool, bool]:
    tag, cls, ident, _ = key
    if tag in _UNREAD:
        return True, False
    inner = in_article or (
        tag in ("aside", "footer") and any(a.tag == "article" for a in el.iterancestors())
    )
    skip = tag not in ("article", "main") and visible.foreign_box(el, in_article=inner)
    return skip, bool((cls or ident) and NOTE_MARK.search(f"{cls} {ident}"))


def _hidden(el: lxml.html.HtmlElement) -> bool:
    """Markup that is never shown (a republish dialog's copy): never a note."""
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style) and "display:none" in (style or "").replace(" ", "").lower()


def _note_holders(
    el: lxml.html.HtmlElement, above: dict[int, lxml.html.HtmlElement]
) -> Iterator[lxml.html.HtmlElement]:
    """``el`` and its ancestors that may be a note: short, with no paragraph or div inside."""
    node: lxml.html.HtmlElement | None = el
    while node is not None and id(node) not in above:
        if next(node.iterdescendants("p", "div"), None) is not None:
            return
        if node.tag in NOTE_TAGS:
            text = inner_text(node)
            if len(text) > 2 * MAX_NOTE_CHARS:
                return
            if len(clean(text)) > MIN_PAGE_NOTE_CHARS:
                yield node
        node = node.getparent()


# --- structured data -------------------------------------------------------------------------


def _jsonld(meta: Metadata, ids: dict[str, Any]) -> Iterator[Origin]:
    articles = [o for o in meta.jsonld if jsonld.is_article(o)] or list(meta.jsonld[:1])
    for article in articles:
        for key in JSONLD_KEYS:
            raw = article.get(key)
            for value in raw if isinstance(raw, list) else [raw]:
                sign = _jsonld_sign(key, value, jsonld.resolve(value, ids), ids)
                if sign is not None:
                    yield sign


def _jsonld_sign(key: str, raw: Any, value: Any, ids: dict[str, Any]) -> Origin | None:
    evidence = quote(f'"{key}": {json.dumps(raw, ensure_ascii=False)}')
    if isinstance(value, str):
        text = value.strip()
        if text.startswith(("http://", "https://")):
            domain = registered_domain(text)
            return (
                Origin(name=domain, kind="jsonld", evidence=evidence, url=text) if domain else None
            )
        return Origin(name=text, kind="jsonld", evidence=evidence) if text else None
    if not isinstance(value, dict):
        return None
    link = _str(value.get("url")) or _str(value.get("@id"))
    link = link if link and link.startswith(("http://", "https://")) else None
    name = _str(value.get("name")) if not jsonld.is_article(value) else None
    for holder in ("publisher", "sourceOrganization", "author"):
        if name:
            break
        owner = jsonld.resolve(value.get(holder), ids)
        owner = owner[0] if isinstance(owner, list) and owner else owner
        if isinstance(owner, dict):
            name = _str(owner.get("name"))
    name = name or (registered_domain(link) if link else None)
    return Origin(name=name, kind="jsonld", evidence=evidence, url=link) if name else None


def _str(value: Any) -> str | None:
    return (clean(value) or None) if isinstance(value, str) else None


def _canonical(head: _Head, url: str | None) -> Iterator[Origin]:
    for link in head.canonical[:1]:
        href = (link.get("href") or "").strip()
        absolute = urls.join(url, href) if url else href
        domain = registered_domain(absolute) if absolute.startswith("http") else None
        if domain:
            evidence = f'<link rel="canonical" href="{href}">'
            yield Origin(name=domain, kind="canonical", evidence=evidence, url=absolute)


def _source_metas(head: _Head, url: str | None) -> Iterator[Origin]:
    for el in head.sources:
        content = (el.get("content") or "").strip()
        absolute = urls.join(url, content) if url else content
        domain = registered_domain(absolute) if absolute.startswith("http") else None
        if domain:
            attr = "name" if el.get("name") else "property"
            evidence = f'<meta {attr}="{el.get(attr)}" content="{content}">'
            yield Origin(name=domain, kind="meta", evidence=evidence, url=absolute)
