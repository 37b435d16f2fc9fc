"""Metadata from every place a page keeps it, merged with a fixed precedence.

Each field takes the first source that has a usable value:

1. title: the ``<h1>`` that a structured title (JSON-LD headline, og:title, twitter:title,
   microdata headline, ``<title>``) equals or starts with; else the JSON-LD headline, then
   og:title / twitter:title / ``<title>`` without a site-name suffix, then the first h1.
2. authors: JSON-LD article ``author`` (strings, objects, lists, ``@id`` references), the
   visible byline, microdata ``author``, ``<meta name=author>`` and the parsely, sailthru
   and Dublin Core metas. Each is cleaned by ``authors.split_byline``; the site's own name
   is never an author. The visible byline goes first when it names more writers than
   JSON-LD or JSON-LD gives only a login ("KatieS"); a staff byline ("Aidoc Staff") goes
   last when the metadata names a person. Then a "Written by" or "Author:" line anywhere
   on the page outside comments, sidebars and related lists; last, a login the visible
   byline shows as its whole text ("by jsteinhardt"), unless it is the site's own.
3. byline: the visible byline as displayed when it names one of the authors; else the
   authors joined with commas.
4. published / modified: ``dating.article_dates`` (its docstring gives the order).
5. canonical_url: ``rel=canonical``, then ``og:url``, then the JSON-LD url; absolute.
6. publisher: JSON-LD publisher name (unless it is the ``generator``'s: "Blogger"), then
   og:site_name, then the web page's publisher, the WebSite's name, the pinned-site title
   metas, the site's name beside the headline in ``<title>``; a tagline beside the name is
   dropped when one part spells the host ("SFist - San Francisco News" gives "SFist");
   language: ``<html lang>``, then
   og:locale and JSON-LD ``inLanguage``; section: article:section, then articleSection, then
   parsely-section, then the JSON-LD BreadcrumbList's last item that is not the page, the
   site or its home (a CMS's "Uncategorized" is no section).
7. post_id: a WordPress shortlink ``?p=N``, a ``postid-N`` body class, the JSON-LD
   identifier.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any, cast

import lxml.html
from lxml import etree

from syndicate.parse import dating, jsonld, urls, visible
from syndicate.parse.authors import (
    Byline,
    clean_text,
    display_byline,
    is_staff_byline,
    shown_handle,
    split_byline,
    split_names,
    writer_names,
)
from syndicate.parse.titles import brand, fold, pick_title, site_in_title
from syndicate.parse.visible import run


@dataclass(frozen=True, slots=True)
class Metadata:
    """Everything the page says about the article, merged."""

    title: str | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    byline_orgs: tuple[str, ...] = ()
    """Organisations a byline names beside its authors ("By Ron Kampeas, JTA" -> "JTA")."""
    published: str | None = None
    modified: str | None = None
    publisher: str | None = None
    section: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    post_id: str | None = None
    jsonld: tuple[dict[str, Any], ...] = field(default=())
    """The article's own JSON-LD objects (flattened out of @graph and lists)."""
    site_name: str | None = None
    description: str | None = None
    image: str | None = None
    keywords: tuple[str, ...] = ()
    ld_objects: tuple[dict[str, Any], ...] = field(default=(), repr=False, compare=False)
    """Every JSON-LD object on the page, for readers that resolve ``@id`` references."""


# Through the attribute axis, so only elements carrying itemscope are tested.
_MICRO_SCOPE = etree.XPath(
    "descendant-or-self::*/@itemscope/parent::*"
    "[contains(@itemtype, 'Article') or contains(@itemtype, 'BlogPosting')]"
)
# The tags the metadata reader needs, gathered in one pass over the tree.
_SCAN_TAGS = ("meta", "link", "script", "h1", "title")
_SHORTLINK_ID = re.compile(r"[?&]p=(\d+)")
_POSTID_CLASS = re.compile(r"\bpostid-(\d+)\b")
# A host name (letters of any script, digits, hyphens, dots) or an IPv6 literal's inside.
_HOST_NAME = re.compile(r"[\w.-]+|[0-9a-f:.]+")
# Visible byline holders read, in order, for one that names a writer.
MAX_SHOWN = 3
# A title before a name, ignored when a byline and structured data are compared.
_HONORIFIC = re.compile(r"^(?:dr|prof|professor|mr|mrs|ms|mx|sir|rev)\.?\s+", re.IGNORECASE)
AUTHOR_METAS = (
    "author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl",
    "article:author", "og:article:author", "cxenseparse:author", "article:author_name",
    "citation_author",
)  # fmt: skip


@dataclass(slots=True)
class _Scan:
    """The page's metas, links, scripts, h1s and title, from one pass over the tree."""

    metas: dict[str, list[str]] = field(default_factory=dict)
    links: list[lxml.html.HtmlElement] = field(default_factory=list)
    scripts: list[lxml.html.HtmlElement] = field(default_factory=list)
    h1s: list[lxml.html.HtmlElement] = field(default_factory=list)
    title: str | None = None


def _scan(root: lxml.html.HtmlElement) -> _Scan:
    scan = _Scan()
    for el in root.iter(*_SCAN_TAGS):
        tag = el.tag
        if tag == "meta":
            value = clean_text(el.get("content") or "")
            if "&" in value:
                # Escaped twice in the page's source ("Python, SQL &#x26; AI").
                value = clean_text(html.unescape(value))
            if value:
                for attr in ("property", "name", "itemprop", "http-equiv"):
                    key = el.get(attr)
                    if key:
                        scan.metas.setdefault(key.strip().lower(), []).append(value)
        elif tag == "link":
            scan.links.append(el)
        elif tag == "script":
            scan.scripts.append(el)
        elif tag == "h1":
            scan.h1s.append(el)
        elif scan.title is None:
            scan.title = clean_text(el.text_content())
    return scan


class _Lazy:
    """Work done at most once, and only when a field has no better source."""

    def __init__(self, root: lxml.html.HtmlElement) -> None:
        self.root = root
        self._micro: dict[str, str] | None = None
        self._page: visible.Region | None = None

    @property
    def micro(self) -> dict[str, str]:
        if self._micro is None:
            self._micro = _microdata(self.root)
        return self._micro

    @property
    def page(self) -> visible.Region:
        if self._page is None:
            self._page = visible.page(self.root)
        return self._page


def extract_metadata(root: lxml.html.HtmlElement, *, url: str | None = None) -> Metadata:
    """Read the article's metadata off a parsed page (the tree is not modified)."""
    scan = _scan(root)
    lazy = _Lazy(root)
    metas = scan.metas
    objs = jsonld.objects_in(scan.scripts)
    jsonld.note_scripts(root, scan.scripts)
    canonical = _canonical(scan.links, metas, url)
    article = jsonld.main_article(objs, urls=(canonical, url)) or {}
    page = jsonld.main_page(objs) or {}
    ids = jsonld.index(objs)
    named = _platform_free(_named(_name(jsonld.resolve(article.get("publisher"), ids))), metas)
    site = _named(_first(metas, "og:site_name")) or named
    publisher = named or site
    language = _language(root, metas, article)
    month_first = (language or "en-us").lower() in ("en-us", "en")

    headline = jsonld.text(article.get("headline")) or jsonld.text(article.get("name"))
    h1_els = [h for h in scan.h1s[:8] if not visible.foreign(h)]
    h1s = [visible.text_of(h) for h in h1_els]
    og_title = _first(metas, "og:title")
    host = urls.host(canonical or url or "")
    title = pick_title(
        h1s=[h for h in h1s if h],
        structured=[headline, og_title, _first(metas, "twitter:title"),
                    None if headline or og_title else lazy.micro.get("headline"),
                    _first(metas, "parsely-title"), _first(metas, "sailthru.title"),
                    _first(metas, "dc.title")],
        page_title=scan.title or None,
        site=site or publisher,
        host=host,
    )  # fmt: skip
    head = next((h for h, t in zip(h1_els, h1s, strict=True) if t == title), None)
    head = head if head is not None else (h1_els[0] if h1_els else None)
    region = visible.header(head if head is not None else _title_holder(root, title))
    byline, found = _authors(
        metas,
        article,
        ids,
        lazy,
        region,
        site=_org_site(article, ids, site),
        host=host,
        whole_page=head is None,
        language=language,
    )

    published, modified = dating.article_dates(
        article=article,
        page=page,
        metas=metas,
        header=region,
        scripts=scan.scripts,
        urls=(canonical, url),
        lazy=lazy,
        month_first=month_first,
    )
    return Metadata(
        title=title,
        byline=_byline(byline, found.authors),
        authors=found.authors,
        byline_orgs=found.orgs,
        published=published,
        modified=modified,
        publisher=brand(
            publisher
            or _site_name(objs, page, ids, metas)
            or site_in_title(scan.title, headline=title, host=host),
            host=host,
        ),
        section=_section(
            _first(metas, "article:section")
            or jsonld.text(article.get("articleSection"))
            or _first(metas, "parsely-section")
            or _breadcrumb_section(objs, ids, title=title, site=site, pages=(canonical, url))
        ),
        language=language,
        canonical_url=canonical,
        post_id=_post_id(root, scan.links, article),
        jsonld=tuple(o for o in (article, page) if o),
        site_name=site,
        description=_first(metas, "og:description", "description", "twitter:description")
        or jsonld.text(article.get("description")),
        image=_first(metas, "og:image", "og:image:url", "twitter:image"),
        keywords=_keywords(metas, article),
        ld_objects=tuple(objs),
    )


def _first(metas: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        if metas.get(key):
            return metas[key][0]
    return None


def _all(metas: dict[str, list[str]], keys: tuple[str, ...]) -> list[str]:
    return [v for key in keys for v in metas.get(key, ())]


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return jsonld.text(value.get("name"))
    return jsonld.text(value)


# Where a page without an <h1> prints its headline: the outermost heading, paragraph or box
# whose whole text is the title (page builders style a <p> or <div> as the headline). Found
# from the text nodes up: an element's string value is its whole subtree's, and testing
# every element's would be quadratic on deep pages. Read from the page's own <html>: "//" would
# also read the <html> trees a page written out twenty times leaves beside it, whose node sets
# libxml2 merges in quadratic time (30 s for a 6 MB page).
_TITLE_TEXTS = etree.XPath("body//text()[normalize-space() = $title]")
_TITLE_TAGS = frozenset({"h2", "h3", "h4", "p", "div", "span"})


def _title_holder(root: lxml.html.HtmlElement, title: str | None) -> lxml.html.HtmlElement | None:
    """The element showing the headline on a page that has no <h1>, if one does."""
    if not title:
        return None
    for text in cast("list[Any]", _TITLE_TEXTS(root, title=title)):
        node = text.getparent() if not text.is_tail else None
        holder = None
        while node is not None and node.tag != "body" and _shows_only(node, title):
            if node.tag in _TITLE_TAGS:
                holder = node
            node = node.getparent()
        if holder is not None:
            return None if visible.foreign(holder) else cast("lxml.html.HtmlElement", holder)
    return None


def _shows_only(el: lxml.html.HtmlElement, title: str) -> bool:
    """Whether ``el``'s whole text is ``title``, read no further than the title's length."""
    parts: list[str] = []
    size = 0
    for part in el.itertext():
        parts.append(part)
        size += len(part.strip())
        if size > 2 * len(title):
            return False
    return " ".join("".join(parts).split()) == title


# A CMS's default category, which names no section.
_NO_SECTION = frozenset(["uncategorized", "uncategorised", "non classé", "sin categoría"])


def _section(name: str | None) -> str | None:
    return None if name is None or name.casefold() in _NO_SECTION else name


# Breadcrumb items that name the site's front, not a section.
_HOME = frozenset(["home", "homepage", "start", "startseite", "accueil", "inicio", "portada"])
# A breadcrumb item longer than this is the page's headline, not a section.
MAX_SECTION_CHARS = 40


def _breadcrumb_section(
    objs: list[dict[str, Any]],
    ids: dict[str, Any],
    *,
    title: str | None,
    site: str | None,
    pages: tuple[str | None, ...],
) -> str | None:
    """The section a JSON-LD BreadcrumbList puts the page in: its last item that is neither
    the page itself (its headline, its address, or a last item linking nowhere), nor the
    site or its home ("Home > News > Politics > Headline" gives "Politics")."""
    own = {fold(title or ""), fold(site or "")} - {""}
    here = {urls.site_and_path(p) for p in pages if p} - {("", "")}
    for obj in objs:
        if "breadcrumblist" not in jsonld.types(obj):
            continue
        items = obj.get("itemListElement")
        entries = [jsonld.resolve(i, ids) for i in (items if isinstance(items, list) else [])]
        crumbs = sorted(
            (_position(entry), name, link)
            for entry in entries
            if isinstance(entry, dict)
            for name, link in [_crumb(entry, ids)]
            if name
        )
        if len(crumbs) > 1 and not crumbs[-1][2]:
            crumbs.pop()  # the page itself, written without a link
        names = [
            name
            for _at, name, link in crumbs
            if len(name) <= MAX_SECTION_CHARS
            and fold(name) not in own
            and name.casefold() not in _HOME
            and urls.site_and_path(link) not in here
        ]
        if names:
            return names[-1]
    return None


def _crumb(entry: dict[str, Any], ids: dict[str, Any]) -> tuple[str | None, str]:
    """A breadcrumb item's name and the address it links to ("" for none)."""
    item = jsonld.resolve(entry.get("item"), ids)
    name = jsonld.text(entry.get("name"))
    if isinstance(item, dict):
        link = item.get("@id") or item.get("url") or ""
        name = name or jsonld.text(item.get("name"))
    else:
        link = item if isinstance(item, str) else ""
    return name, link if isinstance(link, str) else ""


def _position(entry: dict[str, Any]) -> float:
    value = entry.get("position")
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return 0.0
    try:
        return float(value)
    except ValueError:
        return 0.0


def _platform_free(name: str | None, metas: dict[str, list[str]]) -> str | None:
    """``name``, unless it is the publishing software the page names as its generator (a
    blog platform's template puts its own name as the publisher: "Blogger")."""
    generator = (_first(metas, "generator") or "").split()
    if name and generator and name.casefold() == generator[0].casefold():
        return None
    return name


def _named(name: str | None) -> str | None:
    """A name, or None for a placeholder without a letter or digit ("/", "-")."""
    return name if name and any(c.isalnum() for c in name) else None


def _rels(links: list[lxml.html.HtmlElement], rel: str) -> list[str]:
    """The hrefs of the links whose ``rel`` holds the word ``rel``."""
    return [
        link.get("href") or ""
        for link in links
        if rel in (link.get("rel") or "").lower().split() and link.get("href") is not None
    ]


def _canonical(
    links: list[lxml.html.HtmlElement], metas: dict[str, list[str]], url: str | None
) -> str | None:
    found: list[str] = []
    for href in [*_rels(links, "canonical"), _first(metas, "og:url")]:
        href = (href or "").strip()
        if href and not href.startswith(("javascript:", "#")):
            resolved = urls.join(url, href) if url else href
            if _sound_host(resolved):
                found.append(resolved)
    # Read without the page's address, a relative canonical ("8003098") gives way to an
    # absolute og:url.
    absolute = next((f for f in found if f.lower().startswith(("http://", "https://"))), None)
    return absolute or (found[0] if found else url)


def _sound_host(link: str) -> bool:
    """False for a web link whose host is no host name (an escaped path glued to it, as in
    ``https://example.org%2Fnews%2Fstory``)."""
    parts = urls.split(link)
    if parts is None:
        return False
    host = parts.hostname
    if parts.scheme.lower() not in ("http", "https"):
        return True
    return host is not None and _HOST_NAME.fullmatch(host) is not None


def _language(
    root: lxml.html.HtmlElement, metas: dict[str, list[str]], article: dict[str, Any]
) -> str | None:
    raw = (
        root.get("lang")
        or root.get("xml:lang")
        or _first(metas, "og:locale", "content-language", "language")
    )
    raw = raw or jsonld.text(article.get("inLanguage"))
    return raw.strip().replace("_", "-") if raw and raw.strip() else None


def _post_id(
    root: lxml.html.HtmlElement, links: list[lxml.html.HtmlElement], article: dict[str, Any]
) -> str | None:
    for link in links:
        if "shortlink" not in (link.get("rel") or ""):  # most links: no search of the href
            continue
        match = _SHORTLINK_ID.search(link.get("href") or "")
        if match:
            return match.group(1)
    body = root.find("body")
    match = _POSTID_CLASS.search(body.get("class") or "") if body is not None else None
    if match:
        return match.group(1)
    ident = article.get("identifier")
    if isinstance(ident, dict):
        ident = ident.get("value")
    return jsonld.text(ident)


def _keywords(metas: dict[str, list[str]], article: dict[str, Any]) -> tuple[str, ...]:
    raw = _all(metas, ("news_keywords", "keywords", "article:tag"))
    value = article.get("keywords")
    raw += value if isinstance(value, list) else [value] if isinstance(value, str) else []
    words = [clean_text(w) for item in raw if isinstance(item, str) for w in item.split(",")]
    return tuple(dict.fromkeys(w for w in words if w))


def _microdata(root: lxml.html.HtmlElement) -> dict[str, str]:
    """headline, author, datePublished, dateModified from an Article itemscope."""
    out: dict[str, str] = {}
    for scope in run(_MICRO_SCOPE, root)[:3]:
        for prop in ("headline", "datePublished", "dateModified"):
            for el in scope.xpath(f".//*[@itemprop='{prop}']"):
                value = el.get("content") or el.get("datetime") or visible.text_of(el)
                if value and prop not in out:
                    out[prop] = clean_text(value)
        for el in scope.xpath(".//*[@itemprop='author']"):
            names = el.xpath(".//*[@itemprop='name']")
            value = el.get("content") or visible.text_of(names[0] if names else el)
            if value and "author" not in out:
                out["author"] = value
        if out:
            break
    return out


def _site_name(
    objs: list[dict[str, Any]],
    page: dict[str, Any],
    ids: dict[str, Any],
    metas: dict[str, list[str]],
) -> str | None:
    """The site's name where neither the article nor og:site_name gives one: the web page's
    publisher, the WebSite object's name, then the name a browser shows for the site when it
    is pinned (``apple-mobile-web-app-title``, ``application-name``)."""
    publisher = jsonld.resolve(page.get("publisher"), ids)
    if (
        isinstance(publisher, dict)
        and "person" not in jsonld.types(publisher)
        and (named := _named(_name(publisher)))
    ):
        return named
    for obj in objs:
        if "website" in jsonld.types(obj) and (named := _named(_name(obj))):
            return named
    return _named(_first(metas, "apple-mobile-web-app-title", "application-name"))


def _org_site(article: dict[str, Any], ids: dict[str, Any], site: str | None) -> str | None:
    """The site's name as an organisation (a blogger's own name as publisher does not count)."""
    publisher = jsonld.resolve(article.get("publisher"), ids)
    if isinstance(publisher, dict) and "person" not in jsonld.types(publisher):
        return _name(publisher) or site
    return site


def _jsonld_authors(article: dict[str, Any], ids: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(person names, organisation names) from the article's ``author``."""
    raw = article.get("author") or article.get("creator")
    people: list[str] = []
    orgs: list[str] = []
    for item in raw if isinstance(raw, list) else [raw]:
        item = jsonld.resolve(item, ids)
        if isinstance(item, str):
            people.append(item)
        elif isinstance(item, dict):
            (orgs if "organization" in jsonld.types(item) else people).extend(_names(item))
    return people, orgs


def _names(item: dict[str, Any]) -> list[str]:
    """The names a JSON-LD person or organisation gives: every one of a list of names, or
    the given and family names when there is no ``name``."""
    value = item.get("name")
    names = [
        n for n in (jsonld.text(v) for v in (value if isinstance(value, list) else [value])) if n
    ]
    if names:
        return names
    parts = [jsonld.text(item.get(key)) for key in ("givenName", "familyName")]
    full = " ".join(part for part in parts if part)
    return [full] if full else []


def _authors(
    metas: dict[str, list[str]],
    article: dict[str, Any],
    ids: dict[str, Any],
    lazy: _Lazy,
    region: visible.Region,
    *,
    site: str | None,
    host: str | None,
    whole_page: bool,
    language: str | None = None,
) -> tuple[str | None, Byline]:
    """The byline as displayed and the authors, by the precedence in the module docstring."""
    people, orgs = _jsonld_authors(article, ids)
    metas_named = [v for v in _all(metas, AUTHOR_METAS) if "://" not in v] + _labelled(metas)
    shown = visible.bylines(region.elements, enough=MAX_SHOWN)
    if not shown and (whole_page or not (people or metas_named or lazy.micro.get("author"))):
        # No byline by the headline and no structured author: any byline on the page.
        shown = visible.bylines(lazy.page.elements, enough=MAX_SHOWN)
    head_byline = visible.header_byline(
        region.texts, after=region.after, language=language
    ) or visible.dated_byline(region.texts, after=region.after)
    byline, shown_split = _shown(shown, head_byline)
    from_ld = split_names(people, site=site)
    candidates = [from_ld, shown_split]
    if _name_keys(from_ld.authors) < _name_keys(shown_split.authors) or (
        _handles(from_ld.authors) and not _handles(shown_split.authors)
    ):
        candidates.reverse()
    staff = bool(shown_split.authors) and all(is_staff_byline(a) for a in shown_split.authors)
    if staff and not from_ld.authors:
        # "Aidoc Staff" shown while the page's metadata names the writer: the writer.
        people_named = [_person(v, site) for v in [lazy.micro.get("author"), *metas_named]]
        candidates = [*people_named, shown_split]
    for found in candidates:
        if found.authors:
            return byline, Byline(found.authors, _merge(shown_split.orgs, found.orgs))
    for value in [lazy.micro.get("author"), *metas_named]:
        found = split_byline(value, site=site)
        if found.authors:
            return byline, Byline(found.authors, _merge(shown_split.orgs, found.orgs))
    found = split_names(orgs, site=site)
    if found.authors:
        return byline, Byline(found.authors, _merge(shown_split.orgs, found.orgs))
    labelled = display_byline(visible.labelled_byline(lazy.page.texts) or "")
    found = split_byline(labelled, site=site)
    if found.authors:
        return byline or labelled, Byline(found.authors, _merge(shown_split.orgs, found.orgs))
    handle = shown_handle(byline, host=host) if byline and shown else None
    return byline, Byline((handle,) if handle else (), shown_split.orgs)


_WORD = re.compile(r"\w+")


def _byline(shown: str | None, authors: tuple[str, ...]) -> str | None:
    """The byline as displayed when it names one of ``authors`` (or none is known); else the
    authors joined with commas, so that a byline never credits someone the authors do not
    name (a quotation's source styled as an author, a photo credit)."""
    if not authors:
        return shown
    if shown:
        words = set(_WORD.findall(shown.casefold()))
        if any(set(_WORD.findall(a.casefold())) <= words for a in authors):
            return shown
    return ", ".join(authors)


def _shown(
    shown: list[tuple[str, list[str]]], head_byline: str | None
) -> tuple[str | None, Byline]:
    """The visible byline as displayed and its writers: the first holder that names one.

    A holder may print only a role ("Contributing Writer") before the one with the name; when
    no holder names one, an unmarked "By Jane Doe" line by the headline does.
    """
    first: tuple[str | None, Byline] | None = None
    tried = shown[:MAX_SHOWN] + ([(head_byline, [])] if head_byline else [])
    for text, names in tried or [("", [])]:
        byline = display_byline(text) or None
        found = split_byline(byline) if byline else Byline()
        marked = split_names(writer_names(text, names)).authors if names else ()
        found = Byline(marked or found.authors, found.orgs)
        if found.authors:
            return byline, found
        first = first or (byline, found)
    return first or (None, Byline())


def _person(value: str | None, site: str | None) -> Byline:
    """The writers a metadata value names, when they are people rather than a staff byline."""
    found = split_byline(value, site=site)
    return found if not any(is_staff_byline(a) for a in found.authors) else Byline()


def _handles(names: tuple[str, ...]) -> bool:
    """True when every name is one word: a login or a first name ("KatieS", "Brett")."""
    return bool(names) and all(" " not in name for name in names)


def _name_keys(names: tuple[str, ...]) -> set[str]:
    """Names compared without case or a leading title ("Dr Jane Doe" is "Jane Doe")."""
    return {_HONORIFIC.sub("", name).casefold() for name in names}


def _labelled(metas: dict[str, list[str]]) -> list[str]:
    """Slack's ``twitter:label1`` "Written by" with its ``twitter:data1``."""
    out: list[str] = []
    for n in ("1", "2"):
        label = (_first(metas, f"twitter:label{n}") or "").lower()
        value = _first(metas, f"twitter:data{n}")
        if value and label.startswith(("written by", "author", "by")):
            out.append(value)
    return out


def _merge(*groups: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for group in groups:
        for name in group:
            seen.setdefault(name.casefold(), name)
    return tuple(seen.values())
