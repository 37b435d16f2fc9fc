"""What the reader sees: the byline and the date in the article's header.

Candidates come from a few compiled XPaths; anything inside comments, related-story
lists, sidebars, footers or author-bio boxes is skipped, so a commenter, a related
story's writer or a sidebar date never stands in for the article's.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
from lxml import etree

from syndicate.parse.authors import clean_text, looks_like_name, strip_prefix

_LOWER = "translate({}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"


def run(xpath: etree.XPath, node: Any) -> list[Any]:
    """An XPath's node-set as a plain list (the stubs type every XPath result as a union)."""
    result = xpath(node)
    return result if isinstance(result, list) else []


def _has(attr: str, word: str) -> str:
    return f"contains({_LOWER.format(attr)}, '{word}')"


# Byline holders, strongest first: explicit byline classes, itemprop=author, rel=author,
# then anything whose class or id says "author".
BYLINE_XPATHS = (
    etree.XPath(f"//*[{_has('@class', 'byline')} or {_has('@id', 'byline')}]"),
    etree.XPath("//*[@itemprop='author' or @itemprop='creator']"),
    etree.XPath("//*[@rel='author']"),
    etree.XPath(
        f"//*[self::a or self::span or self::div or self::p or self::li][{_has('@class', 'author')}"
        f" or {_has('@id', 'author')}]"
    ),
    etree.XPath(
        f"//a[{_has('@href', '/author/')} or {_has('@href', '/authors/')}"
        f" or {_has('@href', '/author?')}]"
    ),
)
# Inside a byline holder: the elements that carry just a name.
_NAME_PARTS = etree.XPath(
    ".//*[@itemprop='name' or @rel='author' or (self::a and ("
    f"{_has('@href', '/author')} or {_has('@href', '/by/')} or {_has('@href', '/people/')}"
    f" or {_has('@href', '/staff/')} or {_has('@href', '/profile')} or {_has('@href', '/writer')}"
    f" or {_has('@href', '/contributor')} or {_has('@href', '/reporter')}))]"
)
# Containers whose bylines and dates belong to something other than this article. A class
# or id token is foreign when one of these words starts it (after an optional short prefix
# such as "c-" or "jp-") or ends it: "comment-list", "post-comments", "related-posts",
# "widget_recent", but not "sidebar-mode-single" or "newsletter-article".
_FOREIGN_WORDS = (
    r"comments?|commentlist|discussion|related(?:posts)?|sidebar|widget|footer|recommend\w*|"
    r"more-?stories|popular|trending|promo|teasers?|carousel|aside|breadcrumbs?|nav|navbar|"
    r"navigation|menu|bio|author-?box|about-?(?:the-?)?author|author-?(?:info|card|profile|bio)|"
    r"reviewers?|fact-?check(?:er|ed)?|repl(?:y|ies)|up-?next|read-?next|next-?post|"
    r"prev-?post|most-?\w+|you-?may\w*|taboola|outbrain|also-?\w*|expert|reviewed-?by"
)
_FOREIGN = re.compile(
    rf"(?:^|\s)(?:[a-z]{{1,4}}[-_]+)?(?:{_FOREIGN_WORDS})(?:[-_]|\s|$)|[-_](?:{_FOREIGN_WORDS})(?:\s|$)",
    re.IGNORECASE,
)
# How far up to look for a foreign container, and how long a byline may be.
MAX_DEPTH = 10
MAX_BYLINE_CHARS = 160
_FOREIGN_TAGS = frozenset({"aside", "footer", "nav", "form", "noscript"})
# An <aside> inside the <article> holds the article's own meta (date, byline).
_IN_ARTICLE = etree.XPath("boolean(ancestor::article)")
# Children are joined with a space; none stays before punctuation ("By <a>X</a>, JTA").
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)])")
_DROP = frozenset({"script", "style", "noscript", "svg", "button", "img", "template"})

# <time> and date holders, most specific first.
DATE_XPATHS = (
    etree.XPath("//*[@itemprop='datePublished']"),
    etree.XPath(
        f"//time[@pubdate or {_has('@class', 'publish')} or {_has('@class', 'posted')}"
        f" or {_has('@class', 'entry-date')} or {_has('@class', 'post-date')}]"
    ),
    etree.XPath(
        f"//*[{_has('@class', 'publish')} or {_has('@class', 'post-date')} or "
        f"{_has('@class', 'entry-date')} or {_has('@class', 'article-date')} or "
        f"{_has('@class', 'posted-on')} or {_has('@class', 'dateline')} or "
        f"{_has('@class', 'byline')} or {_has('@class', 'post-meta')} or "
        f"{_has('@class', 'entry-meta')} or {_has('@class', 'article-meta')} or "
        f"{_has('@class', 'meta-date')} or {_has('@class', 'date')}]"
        "[not(ancestor::*[@itemprop='datePublished'])]"
    ),
    etree.XPath("//time"),
)
MODIFIED_XPATH = etree.XPath(
    f"//*[@itemprop='dateModified'] | //time[{_has('@class', 'updated')}"
    f" or {_has('@class', 'modified')}]"
)


# Text around the headline where pages print the date ("By X - Mar 27, 2024", "Last
# updated: Dec 12, 2025"): this many text nodes after the h1 and before it.
_AFTER_H1 = etree.XPath(
    "following::text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"
    "[normalize-space()][position() <= 40]"
)
_BEFORE_H1 = etree.XPath(
    "preceding::text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"
    "[normalize-space()][position() <= 12]"
)
# A header text node longer than this is a paragraph of the story, whose dates are not its own.
MAX_HEADER_TEXT = 120
# Dates and times in script data that some CMSs expose only there.
SCRIPT_DATE = re.compile(
    r'"(?:datePublished|publishedDate|publishDate|published_at|publishedAt|'
    r'first_publication_date|publication_date|pubDate|date_published|createdAt)"\s*:\s*'
    r'"((?:19|20)\d{2}-\d{2}-\d{2}[^"]{0,30})"'
)
_SCRIPTS = etree.XPath("//script[not(@src)]/text()")


# "By" on its own before a linked name, or a text that starts with it.
_BY_LABEL = re.compile(
    r"^(?:by|written by|words by|posted by|authors?|writer)\s*:?$", re.IGNORECASE
)
_BY_INLINE = re.compile(r"^(?:by|written by|words by|posted by|authors?:)\s+\w", re.IGNORECASE)


def _window(h1: lxml.html.HtmlElement) -> list[str]:
    out: list[str] = []
    for nodes in (run(_AFTER_H1, h1), list(reversed(run(_BEFORE_H1, h1)))):
        for node in nodes:
            text = clean_text(str(node))
            parent = node.getparent()
            if len(text) <= MAX_HEADER_TEXT and parent is not None and not foreign(parent):
                out.append(text)
    return out


def header_byline(h1: lxml.html.HtmlElement | None) -> str | None:
    """A "By Jane Doe" line next to the headline, for pages that mark up no byline."""
    if h1 is None:
        return None
    texts = _window(h1)
    for index, text in enumerate(texts):
        if _BY_LABEL.match(text) and index + 1 < len(texts) and looks_like_name(texts[index + 1]):
            return f"{text} {texts[index + 1]}"
        if _BY_INLINE.match(text) and looks_like_name(strip_prefix(text)):
            return text
    return None


def header_dates(h1: lxml.html.HtmlElement | None) -> list[str]:
    """Short texts right after the headline, then right before it, nearest first."""
    if h1 is None:
        return []
    return [text for text in _window(h1) if any(c.isdigit() for c in text)]


def script_dates(root: lxml.html.HtmlElement) -> list[str]:
    """Publication dates from inline script data (``"publishedDate": "2024-03-04..."``)."""
    for text in run(_SCRIPTS, root):
        match = SCRIPT_DATE.search(text)
        if match:
            return [match.group(1)]
    return []


def foreign(el: lxml.html.HtmlElement) -> bool:
    """True when ``el`` sits in a comment, related list, sidebar, footer or bio box."""
    node: lxml.html.HtmlElement | None = el
    depth = 0
    while node is not None and depth < MAX_DEPTH:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("body", "html", "main", "article"):
            return False
        if tag in _FOREIGN_TAGS and not (tag == "aside" and bool(_IN_ARTICLE(node))):
            return True
        marks = f"{node.get('class', '')} {node.get('id', '')} {node.get('role', '')}"
        if marks.strip() and _FOREIGN.search(marks):
            return True
        node = node.getparent()
        depth += 1
    return False


def text_of(el: lxml.html.HtmlElement) -> str:
    """The element's visible text, without scripts, styles, icons and buttons."""
    if not isinstance(el.tag, str):
        return ""
    parts: list[str] = []
    if el.tag in _DROP:
        return ""
    if el.text:
        parts.append(el.text)
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _DROP:
            parts.append(" " + text_of(child) + " ")
        if child.tail:
            parts.append(child.tail)
    return clean_text("".join(parts))


def bylines(root: lxml.html.HtmlElement) -> list[tuple[str, list[str]]]:
    """Visible bylines in order of strength: (text as displayed, the names marked in it)."""
    found: list[tuple[str, list[str]]] = []
    seen: set[int] = set()
    for xpath in BYLINE_XPATHS:
        for el in run(xpath, root):
            if id(el) in seen or el.tag in ("meta", "link", "script", "body", "html", "article"):
                continue
            seen.add(id(el))
            if el.get("content") or foreign(el):
                continue
            text = _SPACE_BEFORE_PUNCT.sub(r"\1", text_of(el))
            if not text or len(text) > MAX_BYLINE_CHARS:
                names = [text_of(n) for n in run(_NAME_PARTS, el)]
                names = [n for n in names if n and len(n) < MAX_BYLINE_CHARS]
                if names:
                    found.append((", ".join(dict.fromkeys(names)), names))
                continue
            names = [text_of(n) for n in run(_NAME_PARTS, el)]
            found.append((text, [n for n in names if n]))
        if found:
            return found
    return found


def dates(root: lxml.html.HtmlElement, *, modified: bool = False) -> list[str]:
    """Raw date strings from the page's markup (``datetime``/``content`` or text), best first."""
    out: list[str] = []
    for xpath in (MODIFIED_XPATH,) if modified else DATE_XPATHS:
        for el in run(xpath, root):
            if foreign(el):
                continue
            value = el.get("datetime") or el.get("content") or ""
            if not value:
                inner = el.xpath(".//time[@datetime]")
                value = inner[0].get("datetime") if inner else text_of(el)
            if value and len(value) < MAX_BYLINE_CHARS:
                out.append(value)
        if out:
            return out
    return out
