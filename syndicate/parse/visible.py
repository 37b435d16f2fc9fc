"""What the reader sees: the article's header, its byline, and the page's foreign boxes.

The header is the stretch of page around the headline: the elements and short texts just
after the ``<h1>`` and just before it, walked once in document order (``header``). Bylines
(here) and dates (``dating``) are looked for there; the whole page (``page``, one walk of the
tree) is read only when the header has none and the page has no better source. Anything
inside comments, related-story lists, sidebars, footers or author-bio boxes is skipped, so a
commenter, a related story's writer or a sidebar date never stands in for the article's
(the header keeps such elements after the headline apart, for a last look at the date).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TypeAlias, cast

import lxml.html
from lxml import etree

from syndicate.bylines import WORDS as BYLINE_WORDS
from syndicate.parse.authors import (
    LABEL_START,
    byline_like,
    clean_text,
    display_byline,
    has_date,
    has_foreign_label,
    looks_like_name,
    other_role_label,
    person_names,
    strip_prefix,
)
from syndicate.parse.patterns import HIDDEN_STYLE

Element: TypeAlias = lxml.html.HtmlElement


def run(xpath: etree.XPath, node: Any) -> list[Any]:
    """An XPath's node-set as a plain list (the stubs type every XPath result as a union)."""
    result = xpath(node)
    return result if isinstance(result, list) else []


# Containers whose bylines and dates belong to something other than this article. A class
# or id token is foreign when one of these words starts it (after an optional short prefix
# such as "c-" or "jp-") or ends it: "comment-list", "post-comments", "related-posts",
# "widget_recent", but not "sidebar-mode-single" or "newsletter-article".
_FOREIGN_WORDS = (
    r"comments?|commentlist|discussion|related(?:posts)?|sidebar|widgets|widget_\w+|widget-area|"
    r"footer|recommend\w*|"
    r"more-?stories|popular|trending|promo|teasers?|carousel|aside|breadcrumbs?|nav|navbar|"
    r"navigation|menu|bio|author-?box|about-?(?:the-?)?author|author-?(?:info|card|profile|bio)|"
    r"reviewers?|fact-?check(?:er|ed)?|repl(?:y|ies)|up-?next|read-?next|next-?post|"
    r"prev-?post|most-?\w+|you-?may\w*|taboola|outbrain|also-?\w*|expert|reviewed-?by"
)
# Author boxes: a bio at the end of a story, but by the headline they hold its byline and date.
_BIO_TOKEN = re.compile(r"bio|author-?box|about-?(?:the-?)?author|author-?(?:info|card|profile)")
# A token that states a layout or a state rather than naming a box: "cs-sidebar-enabled",
# "has-sidebar", "no-comments", "sidebar-layout" sit on wrappers around the whole article, and
# a position beside one ("under-menu", "after-header") or a layout's name
# ("story-template-sidebar") names no box either.
_STATE_TOKEN = re.compile(
    r"^(?:(?:has|with|without|no|is|show|hide|enable|disable|under|below|above|after|before)"
    r"[-_]\S+|"
    r"\S+[-_](?:enabled|disabled|active|inactive|open|opened|closed|collapsed|expanded|"
    r"visible|hidden|layout|template|mode|page|wrap(?:per)?)|"
    r"\S+[-_](?:layout|template|mode)[-_]\S+)$"
)
_FOREIGN_TOKEN = re.compile(
    rf"^(?:[a-z]{{1,4}}[-_]+)?(?:{_FOREIGN_WORDS})(?:[-_]|$)|[-_](?:{_FOREIGN_WORDS})$"
)
# How far up ``foreign`` looks for a foreign container, and how long a byline may be.
MAX_DEPTH = 10
MAX_BYLINE_CHARS = 160
_FOREIGN_TAGS = frozenset({"aside", "footer", "nav", "form", "noscript"})
# Foreign tags that inside an <article> are its own (its meta box, its byline footer).
_ARTICLE_OWN_TAGS = frozenset({"aside", "footer"})
# Containers that are the page or the article itself: a foreign mark above them does not
# reach inside (an <aside> inside the <article> holds the article's own meta). An <article>
# inside the article is a comment or a card, and stays foreign inside a foreign box.
_TOP_TAGS = frozenset({"body", "html", "main", "article"})
# Children are joined with a space; none stays before punctuation ("By <a>X</a>, JTA").
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)])")
_DROP = frozenset({"script", "style", "noscript", "svg", "button", "img", "template"})
# Elements whose text the reader never sees as text.
_SKIP = frozenset({"script", "style", "noscript", "template"})

# Text around the headline where pages print the byline and date ("By X - Mar 27, 2024",
# "Last updated: Dec 12, 2025"): this many non-empty text nodes after the h1 and before it,
# and at most this many elements, for pages of empty wrappers.
AFTER_TEXTS = 40
BEFORE_TEXTS = 12
MAX_HEADER_ELEMENTS = 400
# The whole-page fallback reads this many elements at most: news pages hold a few thousand,
# and a byline or date shown further down than that is not the story's header.
MAX_PAGE_ELEMENTS = 10_000
# A header text node longer than this is a paragraph of the story, whose dates are not its own.
MAX_HEADER_TEXT = 120
# The short texts after the headline where an unmarked "By Jane Doe" line is looked for.
BYLINE_AFTER_TEXTS = 12
# How many texts after the headline (and before it) an unmarked line of names beside a date
# may be: the story's meta line sits right by the headline.
DATED_AFTER_TEXTS = 6
DATED_BEFORE_TEXTS = 3
# "By" on its own before a linked name, or a text that starts with it; also in the languages
# of continental news ("Autor:", "Texto:", "Geschrieben von").
_BY_LABEL = re.compile(
    r"^(?:by|written by|words by|posted by|(?:article|story|post) by|authors?|writer|"
    r"contributors?\s*:|(?:autor(?:in|es|a|e)?|auteurs?|text(?:e|o)?|testo|tekst)\s*:|"
    r"geschrieben von|écrit par|escrito por|scritto da)\s*:?$",
    re.IGNORECASE,
)
# The continental words for "by" on their own, also ordinary words: a label only before a
# text of nothing but names, by the headline.
_FOREIGN_BY_LABEL = re.compile(r"^(?:von|par|por|di|door|av|af|przez)\s*:?$", re.IGNORECASE)
# Which of those words each language writes before a byline: a page that declares another
# language or none ("Door County", "Di Fara" on an English page) has none of them by its
# headline. The same words the snippet writes (``syndicate.bylines``), but Polish pages write
# "przez" where the snippet writes "Autor:".
_BY_WORDS = {
    language: words.lead.casefold() for language, words in BYLINE_WORDS.items() if language != "en"
} | {"pl": "przez"}
# A cheap test for texts that may hold a byline label, before any cleaning (``_label_hint``
# looks for its words in an ASCII text first: keep the two in step).
_LABEL_HINT = re.compile(r"by\b|author|writer|contributor", re.IGNORECASE)
# The same for the continental labels, which open the text (anchored; tried only on texts
# whose first letter may start one, ``LABEL_START``).
_FOREIGN_HINT = re.compile(
    r"\s*(?:von|par|por|di|door|av|af|przez|aut|te[xsk]|re[dk]a|rédac|geschr|verf|[ée]crit|"
    r"escrit|scritt|skr[ei]v|napis|de\s|dal|van\s|fra\s|od\s|eine?\s|kommentar|analyse|"
    r"gastbeitrag|kolumne|reportage|interview|a\s+cura|propos|oprac)",
    re.IGNORECASE,
)


def _label_hint(text: str) -> bool:
    """Whether ``text`` may hold a byline label, in English or a continental language."""
    if text.isascii():
        # _LABEL_HINT without the pattern (most texts hold none of its words): in ASCII, a
        # lower-cased word is the pattern's; "by" must end a word.
        low = text.lower()
        english = (
            "author" in low
            or "writer" in low
            or "contributor" in low
            or ("by" in low and _LABEL_HINT.search(text) is not None)
        )
    else:
        english = _LABEL_HINT.search(text) is not None
    return english or (text.lstrip()[:1] in LABEL_START and _FOREIGN_HINT.match(text) is not None)


_BARE_BY = re.compile(r"^by\b", re.IGNORECASE)
# A text that starts with the label and goes on to the name ("By Jane Doe", "By: Jane Doe").
_BY_INLINE = re.compile(
    r"^(?:(?:by|written by|words by|posted by)\s*:?|authors?\s*:)\s*(?<=[\s:])\w", re.IGNORECASE
)

# Inside a byline holder: the elements that carry just a name.
_NAME_HREF = re.compile(
    r"/author|/by/|/people/|/staff/|/profile|/writer|/contributor|/reporter|/autor|/auteur|"
    r"/forfatter",
    re.IGNORECASE,
)
_AUTHOR_HREF = re.compile(
    r"/authors?/|/author\?|/autor(?:en|es|e|i)?/|/auteurs?/|/forfatter(?:e|a)?/", re.IGNORECASE
)
# Class or id words of byline holders in the languages of continental news ("autor",
# "autorenzeile", "auteur", "autore", "forfatter", "verfasser"), as whole words: not
# "autoresize" or "autorun". ("firma", a Spanish byline but a German company, is left out.)
_FOREIGN_HOLDER = re.compile(
    r"(?<![a-z])(?:autor(?:en|in|es|e|i|a)?(?:zeile)?|auteurs?|forfatter(?:e|a)?|verfasser)"
    r"(?![a-z])"
)
# Tags whose "author" class or id marks a byline holder: the usual wrappers, the inline tags
# that style a name, and <aside>/<address>, which themes use for the post's author line.
_BYLINE_TAGS = frozenset(
    {"a", "span", "div", "p", "li", "aside", "address", "small", "strong", "b", "em"}
)
# What may stand between two holders of one byline's names: ", ", " & ", " and ".
_NAME_JOINER = re.compile(r"^[\s,;&]*(?:(?:and|und|et|y|e|en|och|og|i|oraz)\s*)?$", re.IGNORECASE)
# A byline text that ends where the next writer's name follows ("Anna Müller und").
_JOINER_END = re.compile(r"(?:,|&|\b(?:and|und|et|y|e|en|och|og|i|oraz))\s*$", re.IGNORECASE)
# How many co-writers the header's following texts may add to an unmarked byline.
MAX_CO_WRITERS = 4
_NOT_BYLINE = frozenset({"meta", "link", "script", "body", "html", "article"})


def marks(el: Element) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}".lower()


# Byline holders, strongest first: explicit byline classes, itemprop=author, rel=author,
# then anything whose class or id says "author", then links to an author page (``_byline_rank``).
BYLINE_RANKS = 5


def _author_marks(found: str) -> bool:
    """Whether class and id words say "author", in English or a continental language."""
    return "author" in found or (
        ("aut" in found or "forf" in found or "verf" in found)
        and _FOREIGN_HOLDER.search(found) is not None
    )


def foreign_box(el: Element, *, in_article: bool, near_headline: bool = False) -> bool:
    """True when ``el`` itself is a foreign container (its tag, class, id or role).

    ``in_article``: whether ``el`` sits inside an ``<article>`` (whose asides and footers
    hold the article's own meta); ``near_headline``: whether ``el`` is in the headline's
    neighbourhood, where an author box holds the article's byline.
    """
    tag = el.tag
    if tag in _FOREIGN_TAGS and not (tag in _ARTICLE_OWN_TAGS and in_article):
        return True
    classes, ident, role = el.get("class"), el.get("id"), el.get("role")
    if not (classes or ident or role):  # most elements: nothing to read
        return False
    marks = f"{classes or ''} {ident or ''} {role or ''}"
    return bool(marks.strip()) and _foreign_marks(marks, near_headline)


@functools.lru_cache(maxsize=4096)
def _foreign_marks(marks: str, near_headline: bool) -> bool:
    """Whether class, id and role words name a foreign box (pages repeat them: cached)."""
    return any(
        _FOREIGN_TOKEN.search(token)
        and not _STATE_TOKEN.match(token)
        and not (near_headline and _BIO_TOKEN.search(token))
        for token in marks.lower().split()
    )


def foreign(el: Element) -> bool:
    """True when ``el`` sits in a comment, related list, sidebar, footer or bio box."""
    chain: list[Element] = []
    node: Element | None = el
    while node is not None and len(chain) < MAX_DEPTH:
        if not isinstance(node.tag, str) or node.tag in _TOP_TAGS:
            break
        chain.append(node)
        node = node.getparent()
    if not chain:
        return False
    in_article = any(a.tag == "article" for a in chain[-1].iterancestors())
    return any(foreign_box(n, in_article=in_article) for n in chain)


def _frames(root: Element) -> set[Element]:
    """Boxes foreign by their marks that are the page's frame: each holds the page's only
    ``<h1>`` and most of its paragraphs from outside any ``<main>`` or ``<article>`` (a site
    header or menu left open around the whole page); a sidebar inside the article that repeats
    its headline (a republishing box) stays foreign."""
    found = list(itertools.islice(root.iter("h1"), 2))
    if len(found) != 1:
        return set()
    boxes: list[Element] = []
    for box in found[0].iterancestors():
        if box.tag in _TOP_TAGS:
            if box.tag in ("main", "article"):
                boxes.clear()  # the boxes inside the article's own element are beside it
            continue
        if foreign_box(box, in_article=False):
            boxes.append(box)
    if not boxes:
        return set()
    paragraphs = _paragraphs(root)
    return {box for box in boxes if 2 * _paragraphs(box) > paragraphs}


_COUNT_PARAGRAPHS = etree.XPath("count(descendant-or-self::p)")


def _paragraphs(el: Element) -> int:
    """How many ``<p>`` ``el`` holds, counted in C (a frame may be a few hundred boxes deep)."""
    return int(cast("float", _COUNT_PARAGRAPHS(el)))


def text_of(el: Element) -> str:
    """The element's visible text, without scripts, styles, icons, buttons and what its
    style or ``hidden`` flag hides (a publication's name kept for machines)."""
    if not isinstance(el.tag, str) or el.tag in _DROP:
        return ""
    parts: list[str] = []
    if el.text:
        parts.append(el.text)
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _DROP and not _unshown(child):
            parts.append(" " + text_of(child) + " ")
        if child.tail:
            parts.append(child.tail)
    return clean_text("".join(parts))


def _unshown(el: Element) -> bool:
    style = el.get("style")
    return el.get("hidden") is not None or bool(style and HIDDEN_STYLE.search(style))


# --- walking the tree -------------------------------------------------------------------------

# One step of a walk: an element or a comment (text None) or a text node (element None), and
# whether it sits in a foreign container.
Step = tuple[Element | None, str | None, bool]


# Walk entries: an element to enter, or a text ready to yield, or an element's own turn.
_ENTER, _TEXT, _OWN = 0, 1, 2
_Entry = tuple[int, Element | None, str | None, bool, bool]


def _forward(start: Element, parent: bool, in_article: bool, near: bool) -> Iterator[Step]:
    """``start``'s subtree in document order: each element, then its text, children, tail."""
    if not isinstance(start.tag, str):  # a comment: only its tail is text
        yield start, None, parent
        if start.tail and not start.tail.isspace():
            yield None, start.tail, parent
        return
    # The flag and in-article state of each open element, the start's parent's first: its
    # text is the element's own, a tail (also a comment's) is read with its parent's.
    opened: list[tuple[bool, bool]] = [(parent, in_article)]
    walker = etree.iterwalk(start, events=("start", "end", "comment", "pi"))
    for event, el in walker:
        if event == "start":
            up, art = opened[-1]
            tag = el.tag
            # Foreign when inside a foreign box or one itself; the page or the article itself
            # (outside an article) never is. Worked out here: a call per element costs.
            if tag in _TOP_TAGS and not art:
                flag = False
            else:
                flag = up or foreign_box(el, in_article=art, near_headline=near)
            yield el, None, flag
            opened.append((flag, art or tag == "article"))
            if tag in _SKIP:
                walker.skip_subtree()
                continue
            text = el.text
            if text and not text.isspace():
                yield None, text, flag
            continue
        if event == "end":
            opened.pop()
        else:  # a comment: a step of its own, so that the texts around it join
            yield el, None, opened[-1][0]
        tail = el.tail
        if tail and not tail.isspace():
            yield None, tail, opened[-1][0]


def _backward(start: Element, parent: bool, in_article: bool, near: bool) -> Iterator[Step]:
    """``start``'s subtree in reverse document order: tail, children, text, the element."""
    stack: list[_Entry] = [(_ENTER, start, None, parent, in_article)]
    while stack:
        kind, el, text, up, art = stack.pop()
        if kind == _TEXT:
            yield None, text, up
            continue
        if kind == _OWN:
            yield el, None, up
            continue
        assert el is not None
        tail = el.tail
        if tail and not tail.isspace():
            yield None, tail, up
        tag = el.tag
        if not isinstance(tag, str):
            yield el, None, up
            continue
        if tag in _TOP_TAGS and not art:  # as in ``_forward``
            flag = False
        else:
            flag = up or foreign_box(el, in_article=art, near_headline=near)
        stack.append((_OWN, el, None, flag, art))
        if tag in _SKIP:
            continue
        text = el.text
        if text and not text.isspace():
            stack.append((_TEXT, None, text, flag, art))
        inner = art or el.tag == "article"
        stack.extend((_ENTER, child, None, flag, inner) for child in el)


@dataclass(slots=True)
class Region:
    """Elements and short texts of one part of the page, nearest the headline first."""

    elements: list[Element] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    after: int = 0
    """How many of ``texts`` come after the headline (the rest are before it)."""
    foreign: list[Element] = field(default_factory=list)
    """The elements after the headline inside foreign containers, kept apart (the story's
    meta column styled as a sidebar)."""


def _in_text(comment: Element, known: dict[Element, bool]) -> bool:
    """Whether ``comment`` sits inside a run of text ("valid through<!-- --> <!-- -->01/23/2026",
    as script-rendered pages write it): words right before and after it, none of them inside
    another element. The comments passed over share the answer and go into ``known``, so a
    run of comments is read once, not once per comment (quadratic in the run)."""
    if comment in known:
        return known[comment]
    passed = [comment]
    before = comment.getprevious()
    while before is not None and not isinstance(before.tag, str) and _blank(before.tail):
        passed.append(before)
        before = before.getprevious()
    if before is None:
        parent = comment.getparent()
        words_before = parent is not None and not _blank(parent.text)
    else:
        words_before = not _blank(before.tail)
    after: Element | None = comment
    while after is not None and not isinstance(after.tag, str) and _blank(after.tail):
        passed.append(after)
        after = after.getnext()
    found = words_before and after is not None and not isinstance(after.tag, str)
    known.update(dict.fromkeys(passed, found))
    return found


def _blank(text: str | None) -> bool:
    return not text or text.isspace()


def _collect(steps: Iterator[Step], region: Region, max_texts: int, *, after: bool) -> None:
    texts = elements = 0
    # The last text read (cleaned) and where it went in ``region.texts``; whether a comment
    # inside a run of text came after it, so that the next text continues it.
    last: str | None = None
    last_at: int | None = None
    joins = False
    in_text: dict[Element, bool] = {}
    for el, text, is_foreign in steps:
        if el is not None and not isinstance(el.tag, str):
            joins = last is not None and _in_text(el, in_text)
            continue
        if el is not None:
            last, joins = None, False
            elements += 1
            if not is_foreign:
                region.elements.append(el)
            elif after:
                region.foreign.append(el)
            if elements >= MAX_HEADER_ELEMENTS:
                return
            continue
        raw = text or ""
        if joins and last is not None and len(last) > MAX_HEADER_TEXT:
            # Already too long for a header text: the rest of the run joins it unread.
            joins = False
            continue
        if joins and last is not None:
            raw = f"{last} {raw}" if after else f"{raw} {last}"
            if last_at is not None:
                del region.texts[last_at]
            texts -= 1
        joins = False
        cleaned = clean_text(raw)
        if not cleaned:
            continue
        texts += 1
        last, last_at = cleaned, None
        if len(cleaned) <= MAX_HEADER_TEXT and not is_foreign:
            last_at = len(region.texts)
            region.texts.append(cleaned)
        if texts >= max_texts:
            return


def _after(h1: Element, ancestors: list[Element]) -> Iterator[Step]:
    node = h1
    for level, parent in enumerate(ancestors):
        if node.tail:
            yield None, node.tail, False
        in_article = any(a.tag == "article" for a in ancestors[level:])
        for sibling in node.itersiblings():
            yield from _forward(sibling, False, in_article, True)
        node = parent


def _before(h1: Element, ancestors: list[Element]) -> Iterator[Step]:
    node = h1
    for level, parent in enumerate(ancestors):
        in_article = any(a.tag == "article" for a in ancestors[level:])
        for sibling in node.itersiblings(preceding=True):
            yield from _backward(sibling, False, in_article, True)
        if parent.text:
            yield None, parent.text, False
        node = parent


def header(h1: Element | None) -> Region:
    """The elements and texts right after the headline, then right before it, nearest first."""
    region = Region()
    if h1 is None:
        return region
    ancestors = list(h1.iterancestors())
    _collect(_after(h1, ancestors), region, AFTER_TEXTS, after=True)
    region.after = len(region.texts)
    _collect(_before(h1, ancestors), region, BEFORE_TEXTS, after=False)
    return region


def page(root: Element) -> Region:
    """Every element and short text of the page outside foreign containers, in order."""
    region = Region()
    frames = _frames(root)
    walker = etree.iterwalk(root, events=("start",))
    # Looked up once: the loop runs per element of the page.
    elements, texts, longest = region.elements, region.texts, 2 * MAX_HEADER_TEXT
    for _event, el in walker:
        tag = el.tag
        if tag in _SKIP:
            walker.skip_subtree()
            continue
        # ``foreign_box`` worked out here, each attribute read once (the loop runs per element
        # of the page). An article's own <footer> or <aside> holds its meta: foreign only by
        # its marks (the ancestors are asked only of those tags).
        if tag not in _TOP_TAGS:
            if tag in _FOREIGN_TAGS and not (
                tag in _ARTICLE_OWN_TAGS and any(a.tag == "article" for a in el.iterancestors())
            ):
                foreign = True
            else:
                classes, ident, role = el.get("class"), el.get("id"), el.get("role")
                foreign = bool(classes or ident or role) and _foreign_marks(
                    f"{classes or ''} {ident or ''} {role or ''}", False
                )
            if foreign and el not in frames:
                walker.skip_subtree()
                continue
        elements.append(el)
        text = el.text
        if text and len(text) <= longest:
            texts.append(text)
        text = el.tail
        if text and len(text) <= longest:
            texts.append(text)
        if len(elements) >= MAX_PAGE_ELEMENTS:
            break
    return region


# --- bylines -------------------------------------------------------------------------------------


def _name_parts(el: Element) -> list[str]:
    """The names marked inside a byline holder (itemprop=name, rel=author, author links)."""
    names: list[str] = []
    for part in el.iterdescendants():
        if not isinstance(part.tag, str):
            continue
        if (
            part.get("itemprop") == "name"
            or part.get("rel") == "author"
            or (part.tag == "a" and _NAME_HREF.search(part.get("href") or ""))
        ):
            text = text_of(part)
            if text:
                names.append(text)
    if any(" " in name for name in names):
        # Beside a full name, one word marked like a name is a link's label ("Biography").
        names = [name for name in names if " " in name]
    return names


def bylines(elements: list[Element], *, enough: int = 3) -> list[tuple[str, list[str]]]:
    """Bylines among ``elements``, by strength: (text as displayed, the names marked in it).

    The strongest kind of holder is read whole; weaker kinds follow (for when the strongest
    name nobody: "Sign In") until ``enough`` bylines are found.
    """
    found: list[tuple[str, list[str]]] = []
    ranked: list[list[Element]] = [[] for _ in range(BYLINE_RANKS)]
    for el in elements:
        if el.tag in _NOT_BYLINE:
            continue
        rank = _byline_rank(el)
        if rank is not None:
            ranked[rank].append(el)
    for group in ranked:
        previous: Element | None = None
        weaker = bool(found)
        for el in group:
            if weaker and len(found) >= enough:
                return found
            if el.get("content"):
                continue
            text = _SPACE_BEFORE_PUNCT.sub(r"\1", text_of(el))
            names = _name_parts(el)
            if not text or len(text) > MAX_BYLINE_CHARS:
                names = [n for n in names if len(n) < MAX_BYLINE_CHARS]
                if names:
                    found.append((", ".join(dict.fromkeys(names)), names))
                    previous = None
                continue
            if previous is not None and _next_sibling_of(previous, el):
                # Co-authors printed as sibling holders, one name each: one byline.
                last_text, last_names = found[-1]
                found[-1] = (f"{last_text}, {text}", last_names + names)
            else:
                found.append((text, names))
            previous = el
    return found


def _byline_rank(el: Element) -> int | None:
    """Which kind of byline holder ``el`` is (its rank, strongest first), or None (most
    elements), each attribute read once."""
    tag = el.tag
    itemprop, rel = el.get("itemprop"), el.get("rel")
    if tag != "a" and itemprop is None and rel is None:
        classes, ident = el.get("class"), el.get("id")
        if not (classes or ident):  # most elements: nothing to read
            return None
        found = f"{classes or ''} {ident or ''}".lower()
        if "byline" in found:
            return 0
        return 3 if tag in _BYLINE_TAGS and _author_marks(found) else None
    found = marks(el)
    if "byline" in found:
        return 0
    if itemprop in ("author", "creator"):
        return 1
    if rel == "author":
        return 2
    if tag in _BYLINE_TAGS and _author_marks(found):
        return 3
    if tag == "a" and _AUTHOR_HREF.search(el.get("href") or ""):
        return 4
    return None


def _next_sibling_of(previous: Element, el: Element) -> bool:
    """True when ``el`` follows ``previous`` under the same parent with only a comma, "and"
    or "&" between them (not "Fact-checked by" or a date)."""
    parts = [previous.tail or ""]
    for sibling in previous.itersiblings():
        if sibling is el:
            return bool(_NAME_JOINER.match(" ".join(parts)))
        parts.append(text_of(sibling))
        parts.append(sibling.tail or "")
    return False


def header_byline(texts: list[str], *, after: int = 0, language: str | None = None) -> str | None:
    """A "By Jane Doe" line among the header's texts, for pages that mark up no byline.

    ``after``: how many of ``texts`` follow the headline; past the first
    ``BYLINE_AFTER_TEXTS`` of those, a bare "by" belongs to the story (a book's writer in a
    list, a quotation's source) and only a "Written by" or "Author" label counts. A "by"
    after "Medically reviewed" is a reviewer's. The continental words for "by" ("Von",
    "Par", "Di") count only there too, only before a text of nothing but names, and only
    the one of the page's declared ``language`` (a page that declares none is read as English).
    """
    by_word = _BY_WORDS.get((language or "").replace("_", "-").split("-")[0].lower())
    for index, text in enumerate(texts):
        if not _label_hint(text):
            continue
        near = not BYLINE_AFTER_TEXTS <= index < after
        bare = near and by_word == (text.split(maxsplit=1) or [""])[0].lower().rstrip(":")
        if _BARE_BY.match(text) and not near:
            continue
        found = None
        following = texts[index + 1] if index + 1 < len(texts) else ""
        if _BY_LABEL.match(text) and following and looks_like_name(following):
            found = f"{text} {following}"
        elif _BY_INLINE.match(text) and looks_like_name(display_byline(strip_prefix(text))):
            found = text
        elif bare and _FOREIGN_BY_LABEL.match(text) and following and byline_like(following):
            found = _with_co_writers(f"{text} {following}", texts, index + 2)
        elif _foreign_inline(text, near=bare):
            found = _with_co_writers(text, texts, index + 1)
        if found and not (index and other_role_label(texts[index - 1])):
            return found
    return None


def _with_co_writers(found: str, texts: list[str], start: int) -> str:
    """A continental byline ``found`` with the co-writers the header's next texts add ("Von"
    "Anna Müller" "und" "Jörg Schmidt"): a line of names after a joiner, a few at most."""
    at = start
    for _ in range(MAX_CO_WRITERS):
        if at < len(texts) and _JOINER_END.search(found) and byline_like(texts[at]):
            found, at = f"{found} {texts[at]}", at + 1
        elif (
            at + 1 < len(texts)
            and texts[at].strip()
            and _NAME_JOINER.match(texts[at])
            and byline_like(texts[at + 1])
        ):
            found, at = f"{found} {texts[at]} {texts[at + 1]}", at + 2
        elif at < len(texts) and texts[at].startswith(",") and byline_like(texts[at][1:]):
            found, at = f"{found}{texts[at]}", at + 1  # ", AFP"
        else:
            break
    return _SPACE_BEFORE_PUNCT.sub(r"\1", found)


def _foreign_inline(text: str, *, near: bool) -> bool:
    """Whether ``text`` is a continental byline: "Autor: Jan Nowak" anywhere in the header,
    "Von Anna Müller" (a word that also starts sentences) only ``near`` the headline."""
    if not has_foreign_label(text, bare=near):
        return False
    rest = _JOINER_END.sub("", strip_prefix(text))  # "Von Anna Müller und" <a>Jörg ...</a>
    if has_foreign_label(text, bare=False):
        return looks_like_name(display_byline(rest))
    return byline_like(rest)


def dated_byline(texts: list[str], *, after: int = 0) -> str | None:
    """An unmarked line of writers' names and the story's date in one text, by the headline:
    "Jane Doe | Senior Writer | July 2, 2025", "Dec 17, 2025 · Jane Doe"."""
    near = list(range(min(after, DATED_AFTER_TEXTS))) + list(
        range(after, min(len(texts), after + DATED_BEFORE_TEXTS))
    )
    for index in near:
        text = texts[index]
        shown = display_byline(text)
        if shown and shown != text and has_date(text) and person_names(shown):
            return shown
    return None


def labelled_byline(texts: list[str]) -> str | None:
    """A "Written by Jane Doe" or "Author: Jane Doe" line anywhere in ``texts`` (a bare "by"
    does not count here), for small blogs that print the byline under the story."""
    for index, raw in enumerate(texts):
        if not _label_hint(raw):
            continue
        text = clean_text(raw)
        if not text or _BARE_BY.match(text):
            continue
        if _BY_INLINE.match(text) and looks_like_name(display_byline(strip_prefix(text))):
            return text
        if _foreign_inline(text, near=False):
            return text
        if _BY_LABEL.match(text):
            following = (clean_text(t) for t in texts[index + 1 : index + 4])
            name = next((t for t in following if t), "")
            if name and looks_like_name(name):
                return f"{text} {name}"
    return None
