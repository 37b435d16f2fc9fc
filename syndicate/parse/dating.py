"""Dating the article: the dates its header shows, sorted by their labels, and the merge of
every source into ``published`` (the first publication) and ``modified`` (the last update).

Precedence for ``published``: a date the header labels as the first publication, then
JSON-LD, ``article:published_time`` and the other date metas, microdata, then the dates shown
in the article header, then the WebPage object and the other publish metas (earliest first),
then a date the header labels as an update, then dates anywhere on the page and in scripts,
then a ``/YYYY/MM/DD/`` URL path, then a date line of its own anywhere on the page (one
labelled as an update last), then a date holder in a foreign box after the headline (the
story's meta column styled as a sidebar). A date line in the header that is earlier than the
chosen date wins: a story is not first published after the day it shows (the structured
date is then a re-save, a migration or UTC). ``modified``: JSON-LD, the modified metas,
microdata, the header's "updated" holders, the WebPage object, then the header's first date
line labelled as an update ("Last updated: May 2, 2024"); none earlier than ``published``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from syndicate.parse import jsonld, urls, visible
from syndicate.parse.authors import clean_text
from syndicate.parse.dates import parse_date, written_out
from syndicate.parse.patterns import WORD
from syndicate.parse.visible import Element

# A date holder's value longer than this is a paragraph, not a date.
MAX_DATE_CHARS = 160
_URL_DAY = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$|-)")

# Date metas in the order CMSs are most often right about them.
PUBLISHED_METAS = (
    "article:published_time", "og:published_time", "article:published", "datepublished",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date",
    "dcterms.date", "dcterms.created", "dc.date.created", "citation_publication_date",
    "citation_date", "publish-date", "publish_date", "publishdate", "pubdate",
    "publication_date", "date", "article.published", "og:article:published_time",
    "bt:pubdate", "sort_date",
)  # fmt: skip
MODIFIED_METAS = (
    "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
    "dc.date.modified", "last-modified", "article:modified", "og:article:modified_time",
)  # fmt: skip


# Dates and times in script data that some CMSs expose only there.
SCRIPT_DATE = re.compile(
    r'"(?:datePublished|publishedDate|publishDate|published_at|publishedAt|'
    r'first_publication_date|publication_date|pubDate|date_published|createdAt)"\s*:\s*'
    r'"((?:19|20)\d{2}-\d{2}-\d{2}[^"]{0,30})"'
)

# Words before a date that make it the page's last update, not its publication.
UPDATED_LABEL = re.compile(
    r"\b(?:updated|modified|revised|reviewed|edited|refreshed|"
    # The same in the languages of continental news ("Aktualisiert am", "Mis à jour le",
    # "Actualizado", "Aggiornato", "Bijgewerkt", "Uppdaterad", "Stand:").
    r"aktualisiert|geändert|mis\s+[àa]\s+jour|modifié|actualizado|actualización|atualizado|"
    r"laatste\s+update|"
    r"atualização|aggiornat[oa]|aggiornamento|modificato|bijgewerkt|gewijzigd|uppdaterad|"
    r"uppdaterat|opdateret|oppdatert|zaktualizowano|aktualizacja|stand\s*:)",
    re.IGNORECASE,
)
# Words before a date that name it the story's first publication.
FIRST_PUBLISHED_LABEL = re.compile(
    r"\b(?:originally|first)\s+(?:published|posted|appeared|ran)\b|"
    r"\b(?:erstmals|ursprünglich)\s+(?:veröffentlicht|erschienen)|"
    r"\b(?:publié|publicado|pubblicato|gepubliceerd)\s+(?:initialement|originalmente|"
    r"originariamente|oorspronkelijk)|\b(?:initialement|originalmente|oorspronkelijk)\s+"
    r"(?:publié|publicado|pubblicato|gepubliceerd)",
    re.IGNORECASE,
)
# A header text with at most this many words is a date line ("Posted on March 4, 2024 |
# 5 min read"); a longer one is a sentence whose date may be an event's.
MAX_DATE_LINE_WORDS = 8
# Marks between the fields of a meta line ("By Jane Doe | May 2, 2024 | 5 min read").
FIELD_SEPARATORS = ("|", "•", "·", "–", "—")
# A text this short before a date may be its label ("Last updated:").
MAX_LABEL_WORDS = 4
# Tags that sit inside a line of text: a date in one is part of a sentence when its parent
# has words around it ("as of <span>December 31, 2025</span>").
INLINE_TAGS = frozenset(
    {"a", "span", "b", "i", "em", "strong", "small", "time", "font", "sup", "sub", "abbr",
     "cite", "u", "mark", "label", "q"}
)  # fmt: skip

# A label that says the date after it is the post's own.
_DATE_LABEL = re.compile(
    r"^\W*(?:posted|published|publish(?:ed)?\s+(?:date|on)|date\s+published|post\s+(?:date|time)|"
    r"written|first\s+published|"
    # "Published" and its preposition in the languages of continental news.
    r"veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|erstellt(?:\s+am)?|publié(?:e)?(?:\s+le)?|"
    r"publicad[oa](?:\s+(?:el|em|en))?|pubblicat[oa](?:\s+il)?|gepubliceerd(?:\s+op)?|"
    r"publicerad|publiceret|publisert|opublikowano)\b\s*(?:on\b)?\s*:?\s*(?:the\b)?\s*",
    re.IGNORECASE,
)

# Classes of elements that hold the article's date (WordPress's "status-publish" is the post's
# state on its whole container, not a date).
_DATE_CLASS = re.compile(
    r"(?<!status-)publish|post-date|entry-date|article-date|posted-on|dateline|byline|post-meta|"
    r"entry-meta|article-meta|meta-date|date"
)
_TIME_CLASS = re.compile(r"publish|posted|entry-date|post-date")
_MODIFIED_CLASS = re.compile(r"updated|modified")


@functools.lru_cache(maxsize=4096)
def _date_class(classes: str) -> bool:
    """Whether a class attribute names a date holder (pages repeat them: cached)."""
    return bool(classes) and _DATE_CLASS.search(classes.lower()) is not None


def _in_published(el: Element) -> bool:
    return any(a.get("itemprop") == "datePublished" for a in el.iterancestors())


# <time> and date holders, most specific first.
DATE_TESTS: tuple[Callable[[Element], bool], ...] = (
    lambda el: el.get("itemprop") == "datePublished",
    lambda el: (
        el.tag == "time"
        and (el.get("pubdate") is not None or bool(_TIME_CLASS.search(el.get("class", "").lower())))
    ),
    lambda el: _date_class(el.get("class", "")) and not _in_published(el),
    lambda el: el.tag == "time",
)
MODIFIED_TESTS: tuple[Callable[[Element], bool], ...] = (
    lambda el: (
        el.get("itemprop") == "dateModified"
        or (el.tag == "time" and bool(_MODIFIED_CLASS.search(el.get("class", "").lower())))
    ),
)


class Sources(Protocol):
    """What the page offers beyond its header, computed only when asked for."""

    @property
    def micro(self) -> dict[str, str]: ...

    @property
    def page(self) -> visible.Region: ...

    @property
    def root(self) -> Element: ...


def article_dates(
    *,
    article: dict[str, Any],
    page: dict[str, Any],
    metas: dict[str, list[str]],
    header: visible.Region,
    scripts: list[Element],
    urls: tuple[str | None, ...],
    lazy: Sources,
    month_first: bool,
) -> tuple[str | None, str | None]:
    """``(published, modified)`` as ISO 8601, from every source in the order above.

    ``article`` and ``page``: the JSON-LD article and WebPage objects; ``header``: the
    region around the headline; ``urls``: the canonical link and the page's own URL.
    """
    shown = shown_dates(header)
    written: list[str] = []

    def read(value: str | None) -> str | None:
        """``value``'s date; an ambiguous numeric day ("03/10/2023") in the reading that the
        page writes out elsewhere, when it writes out only that one."""
        found = parse_date(value, month_first=month_first)
        other = parse_date(value, month_first=not month_first) if found else None
        if not found or not other or other == found:
            return found
        if not written:
            written.append(_written_text(lazy.root, urls))
        if written_out(other, written[0]) and not written_out(found, written[0]):
            return other
        return found

    def published_values() -> Iterator[str | None]:
        yield from shown.first
        yield jsonld.text(article.get("datePublished"))
        yield from (v for key in PUBLISHED_METAS for v in metas.get(key, ()))
        yield lazy.micro.get("datePublished")
        yield from shown.plain
        yield jsonld.text(page.get("datePublished"))
        yield jsonld.text(article.get("dateCreated"))
        yield from _publish_metas(metas, month_first=month_first)
        yield from shown.updated
        yield from dates(lazy.page.elements)
        yield from labelled_dates(lazy.page.texts)
        yield from script_dates(scripts)
        for url in urls:
            yield _url_day(url)
        lines = date_lines(lazy.page.elements, month_first=month_first)
        yield from lines.plain
        yield from lines.updated
        yield from dates(header.foreign)

    def modified_values() -> Iterator[str | None]:
        yield jsonld.text(article.get("dateModified"))
        yield from (v for key in MODIFIED_METAS for v in metas.get(key, ()))
        yield lazy.micro.get("dateModified")
        yield from dates(header.elements, modified=True)
        yield jsonld.text(page.get("dateModified"))

    published = _published(_date(published_values(), read), _shown_line(shown.lines, read))
    modified = _date(modified_values(), read) or _shown_update(shown, read)
    if published and modified and modified[:10] < published[:10]:
        # Saved before it went out (a scheduled post), or a shown date that is no update.
        modified = None
    return published, modified


def _date(values: Iterable[str | None], read: Callable[[str | None], str | None]) -> str | None:
    for value in values:
        found = read(value)
        if found:
            return found
    return None


def _written_text(root: Element, urls: tuple[str | None, ...]) -> str:
    """Where a page writes its dates: its URLs, its ``<time datetime>`` values, its text."""
    stamps = (el.get("datetime") or "" for el in root.iter("time"))
    return " ".join([*(u or "" for u in urls), *stamps, root.text_content()])


def _published(found: str | None, shown: str | None) -> str | None:
    """The first publication: the page's own date line when it is earlier than ``found``.

    A story cannot be first published after the day its header shows, so a later structured
    date is a re-save, a migration or the same moment written in UTC.
    """
    if found and shown and shown[:10] < found[:10]:
        return shown
    return found


def _shown_line(
    lines: list[tuple[str, bool]], read: Callable[[str | None], str | None]
) -> str | None:
    """The header's first date, when it is a date line of its own.

    Even a date labelled as an update bounds the first publication: nothing is updated
    before it is published.
    """
    for value, usable in lines:
        found = read(value)
        if found:
            return found if usable else None
    return None


def _shown_update(shown: Shown, read: Callable[[str | None], str | None]) -> str | None:
    """The header's first date line labelled as an update ("Last updated: May 2, 2024"), for
    a page whose data gives no modified date."""
    updated = set(shown.updated)
    for value, line in shown.lines:
        if line and value in updated:
            found = read(value)
            if found:
                return found
    return None


def _publish_metas(metas: dict[str, list[str]], *, month_first: bool) -> list[str]:
    """Dates of any other meta whose name speaks of publishing (``w-published-date``), the
    earliest first: when two disagree, the later is a re-save or the time the page was served."""
    found = (
        parse_date(v, month_first=month_first)
        for key, values in metas.items()
        if "publish" in key
        for v in values
    )
    return sorted((f for f in found if f), key=lambda f: f[:10])


def _url_day(url: str | None) -> str | None:
    parts = urls.split(url) if url else None
    match = _URL_DAY.search(parts.path) if parts else None
    return "-".join(match.groups()) if match else None


# --- dates the page shows ------------------------------------------------------------------


def labelled_dates(texts: list[str]) -> list[str]:
    """Texts that label a date as the post's ("Posted on April 13, 2023", "Published: …")."""
    out = []
    for text in texts:
        cleaned = clean_text(text)
        if _DATE_LABEL.match(cleaned) and any(map(str.isdigit, cleaned)):
            out.append(_DATE_LABEL.sub("", cleaned, count=1))
    return out


def dates(elements: list[Element], *, modified: bool = False) -> list[str]:
    """Raw date strings of ``elements`` (``datetime``/``content`` or text), best first."""
    return [value for value, _ in _date_holders(elements, modified=modified)]


def _date_holders(elements: list[Element], *, modified: bool) -> list[tuple[str, Element]]:
    if not modified:
        # One look at each element for what every test needs (most elements pass none), so
        # that the tests, in turn, run over the few that may pass one.
        elements = [
            el
            for el in elements
            if el.tag == "time"
            or el.get("itemprop") == "datePublished"
            or ((classes := el.get("class")) and _date_class(classes))
        ]
    out: list[tuple[str, Element]] = []
    for test in MODIFIED_TESTS if modified else DATE_TESTS:
        for el in elements:
            if not test(el):
                continue
            value = el.get("datetime") or el.get("content") or ""
            if not value:
                inner = next((t for t in el.iter("time") if t.get("datetime")), None)
                value = inner.get("datetime", "") if inner is not None else visible.text_of(el)
            if value and len(value) < MAX_DATE_CHARS:
                out.append((value, el))
        if out:
            return out
    return out


@dataclass(slots=True)
class Shown:
    """Dates shown around the headline, each raw, nearest first, by what their label says."""

    first: list[str] = field(default_factory=list)
    """Labelled as the first publication ("Originally published on ...")."""
    plain: list[str] = field(default_factory=list)
    """Unlabelled or labelled as published ("March 4, 2024", "Posted on ...")."""
    updated: list[str] = field(default_factory=list)
    """Labelled as an update ("Updated on ...", "Last reviewed ...")."""
    lines: list[tuple[str, bool]] = field(default_factory=list)
    """All of them in order, each with whether it is a date line of its own (a date holder,
    or a short text that is mostly the date) rather than a date inside a sentence."""


def shown_dates(region: visible.Region) -> Shown:
    """The dates of ``region`` (its date holders, then its texts), sorted by their labels."""
    shown = Shown()
    for value, el in _date_holders(region.elements, modified=False):
        own, before = visible.text_of(el), _text_before(el)
        label = _label(own if any(map(str.isdigit, before)) else f"{before} {own}")
        if (
            not label
            and _MODIFIED_CLASS.search(visible.marks(el))
            and not _TIME_CLASS.search(visible.marks(el))
        ):
            label = "updated"
        _sort(shown, value, label, line=True)
    previous = ""
    for text in region.texts:
        if any(map(str.isdigit, text)):
            # A label may be a text of its own just before the date ("Updated" "May 2, 2024").
            label = f"{previous} {_label(text)}"
            _sort(shown, text, label, line=_date_line(text))
            previous = ""
        else:
            previous = text if len(text.split()) <= MAX_LABEL_WORDS else ""
    return shown


def _date_line(text: str) -> bool:
    """Whether ``text`` is a date line: short, or the date's own field of a meta line that
    separators split ("By Jane Doe | Updated May 2, 2024 at 1:00 PM EST | Fact-checked by")."""
    if len(text.split()) <= MAX_DATE_LINE_WORDS:
        return True
    first = next((i for i, c in enumerate(text) if c.isdigit()), 0)
    start = max((text.rfind(mark, 0, first) for mark in FIELD_SEPARATORS), default=-1)
    ends = [i for i in (text.find(mark, first) for mark in FIELD_SEPARATORS) if i >= 0]
    date_field = text[start + 1 : min(ends, default=len(text))]
    return start >= 0 and bool(ends) and len(date_field.split()) <= MAX_DATE_LINE_WORDS


def _text_before(el: Element) -> str:
    """The text just before ``el`` in its parent, where a separate label sits ("Updated");
    comments between them are invisible ("last updated<!-- --> <time>")."""
    tails: list[str] = []
    previous = el.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        tails.append(previous.tail or "")
        previous = previous.getprevious()
    if previous is not None:
        start = f"{visible.text_of(previous)} {previous.tail or ''}"
    else:
        parent = el.getparent()
        start = (parent.text or "") if parent is not None else ""
    return "".join([start, *reversed(tails)])[-MAX_DATE_CHARS:]


def _label(text: str) -> str:
    """The words before the first digit of ``text``: where pages write a date's label."""
    cut = next((i for i, c in enumerate(text) if c.isdigit()), None)
    return text[:cut] if cut is not None else ""


def _sort(shown: Shown, value: str, label: str, *, line: bool) -> None:
    if FIRST_PUBLISHED_LABEL.search(label):
        shown.first.append(value)
        shown.lines.append((value, True))
    elif UPDATED_LABEL.search(label):
        shown.updated.append(value)
        shown.lines.append((value, line))
    else:
        shown.plain.append(value)
        shown.lines.append((value, line))


def date_lines(elements: list[Element], *, month_first: bool) -> Shown:
    """The page's texts that are a date line of their own ("20 December 2025", "Blog |
    February 01, 2022", "Last updated: November 13, 2025"), sorted by their labels; a date
    inside a sentence ("as of <span>December 31, 2025</span>") is none."""
    shown = Shown()
    previous = ""
    worded: dict[Element, bool] = {}  # per parent: words around its children (read once)
    for el in elements:
        for text, is_tail in ((el.text, False), (el.tail, True)):
            if not text or text.isspace():
                continue
            text = clean_text(text)
            if not any(map(str.isdigit, text)):
                previous = text if len(text.split()) <= MAX_LABEL_WORDS else ""
                continue
            if (
                len(text.split()) <= MAX_DATE_LINE_WORDS
                and parse_date(text, month_first=month_first)
                and (_bounded_tail(el) if is_tail else not _in_sentence(el, worded))
            ):
                _sort(shown, text, f"{previous} {_label(text)}", line=True)
            previous = ""
    return shown


def _in_sentence(el: Element, worded: dict[Element, bool]) -> bool:
    """Whether ``el``'s own text runs on into an inline child ("On May 3, 2022 <a>the
    council</a> met"), or the inline ``el`` has words of its parent's text around it; neither
    counts in an element no longer than a date line. ``worded`` keeps the answer for each
    parent, read once for all its children (a parent of 100,000 dated spans)."""
    if len(el) and el[0].tag in INLINE_TAGS and not _short(el):
        return True
    parent = el.getparent()
    if el.tag not in INLINE_TAGS or parent is None:
        return False
    if parent not in worded:
        around = [parent.text or "", *(child.tail or "" for child in parent)]
        worded[parent] = any(WORD.search(part) for part in around) and not _short(parent)
    return worded[parent]


def _bounded_tail(el: Element) -> bool:
    """Whether the text after ``el`` stands between two block boundaries (``<br>``, a block)
    or is most of a parent no longer than a date line ("<span>Blog |</span> May 3, 2022")."""
    following = el.getnext()
    if el.tag not in INLINE_TAGS and (following is None or following.tag not in INLINE_TAGS):
        return True
    parent = el.getparent()
    return parent is not None and _short(parent)


def _short(el: Element) -> bool:
    """Whether ``el``'s whole text is no longer than a date line (read no further)."""
    words = 0
    for part in el.itertext():
        words += len(part.split())
        if words > MAX_DATE_LINE_WORDS:
            return False
    return True


def script_dates(scripts: list[Element]) -> list[str]:
    """Publication dates from inline script data (``"publishedDate": "2024-03-04..."``)."""
    for script in scripts:
        if script.get("src") is None and script.text:
            match = SCRIPT_DATE.search(script.text)
            if match:
                return [match.group(1)]
    return []
