"""Where the story is: score text units, sum their weight up the tree, pick the container.

Every paragraph-like unit gets a weight (its non-link text plus a bonus per punctuation mark);
units under navigation, sidebars, comments or "related" regions weigh nothing. The container
is the deepest element holding most of the page's weight, preferring what the page marks as
the body (``itemprop=articleBody``, ``<article>``); a body split across sibling containers is
taken as the run of those siblings. The tree is only read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any, TypeAlias, cast

import lxml.html
from lxml import etree

from syndicate.parse import jsonld
from syndicate.parse import patterns as pt
from syndicate.parse.titles import fold

Element: TypeAlias = lxml.html.HtmlElement

_SPACE = re.compile(r"\s+")
_TEXT_LENGTH = etree.XPath("string-length(normalize-space())")
# Through the attribute axis: only elements carrying itemprop are tested (a tenth of "//*").
_ARTICLE_BODY = etree.XPath(
    "descendant-or-self::*/@itemprop[. = 'articleBody' or . = 'articlebody']/parent::*"
)
_BODY_PROPS = frozenset(["articleBody", "articlebody"])


def select(xpath: etree.XPath, root: Element) -> list[Element]:
    """Run a compiled element-selecting XPath."""
    return cast("list[Element]", xpath(root))


def inner_text(el: Element) -> str:
    """The text of ``el``'s subtree without its tail, as ``text_content`` gives it, through
    lxml's text serialiser (C only; ``text_content`` runs an XPath per call)."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def class_words(el: Element) -> str:
    """The element's class and id, lower-cased, without taxonomy tokens (``tag-comments``) or
    publication states (``paragraph-published``)."""
    classes, ident = el.get("class"), el.get("id")
    if not (classes or ident):  # most elements: nothing to read
        return ""
    return _words(classes or "", ident or "")


@functools.lru_cache(maxsize=4096)
def _words(classes: str, ident: str) -> str:
    """``class_words`` of a class and id (pages repeat them: cached)."""
    raw = f"{classes} {ident}".lower()
    if not raw.strip():
        return ""
    return " ".join(t for t in raw.split() if _kept_word(t))


@functools.lru_cache(maxsize=4096)
def _kept_word(word: str) -> bool:
    """Whether a lower-cased class or id word is kept by ``class_words`` (cached apart from
    the whole class and id: an id unique to its element makes them new)."""
    return (
        not word.startswith(pt.TAXONOMY_PREFIXES) or pt.TAXONOMY_WIDGET.fullmatch(word) is not None
    ) and not pt.STATE_TOKEN.fullmatch(word)


_NOT_WORD = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=4096)
def _region_words(words: str) -> tuple[bool, bool, bool]:
    """What class and id words say of a region (pages repeat them: cached): a story class,
    an excluded region's name, an excluded part's word."""
    keep = region = part = False
    # No pattern reaches across a space: each word is read apart, and cached apart (an id
    # unique to its element would make every set of words it is in new).
    for word in words.split():
        word_keep, word_region, word_part = _region_word(word)
        keep, region, part = keep or word_keep, region or word_region, part or word_part
    return keep, region, part


@functools.lru_cache(maxsize=4096)
def _region_word(word: str) -> tuple[bool, bool, bool]:
    """``_region_words`` of one class or id word."""
    return (
        pt.KEEP_CLASS.search(word) is not None,
        pt.EXCLUDED_REGION.search(word) is not None,
        not pt.EXCLUDED_PARTS.isdisjoint(_NOT_WORD.split(word)),
    )


def _excluded(el: Element, weight: float) -> bool:
    """True for regions no story paragraph lives in; ``weight`` is the prose found inside."""
    tag = el.tag
    if tag in ("nav", "aside", "footer", "noscript", "template", "textarea", "select"):
        return True
    if tag in ("body", "html", "main", "article"):
        return False
    words = class_words(el)
    if not words:
        return False
    keep, region, part = _region_words(words)
    if keep:
        return False
    if region:
        return True
    if el.get("role") in ("navigation", "complementary", "contentinfo", "banner"):
        return True
    if not part:
        return False
    # A short word such as "nav" is weak evidence: a region that is mostly prose is kept.
    return weight < pt.PROSE_KEEP_CHARS or weight < pt.CLIMB_DENSITY * visible_chars(el)


def comments_region(el: Element) -> bool:
    """True for a comment thread: never the story, however long it runs."""
    if el.tag in ("body", "html", "main", "article"):
        return False
    words = class_words(el)
    return bool(words) and pt.COMMENTS.search(words) is not None


def unit_weight(unit: Element) -> float:
    """A text unit's weight: non-link characters plus a bonus per punctuation mark, or 0."""
    if unit.tag in ("p", "pre"):
        text = inner_text(unit)
        if len(text) < pt.MIN_UNIT_CHARS:
            return 0.0  # short before its spaces are collapsed: empty and one-word paragraphs
        links = 0
        for a in unit.iter("a"):
            links += len(inner_text(a))
    else:
        pieces = [unit.text or ""]
        links = 0
        for child in unit:
            if isinstance(child.tag, str) and child.tag in pt.INLINE_TAGS:
                inner = inner_text(child)
                pieces.append(inner)
                if child.tag == "a":
                    links += len(inner)
            pieces.append(child.tail or "")
        text = "".join(pieces)
    text = " ".join(text.split())
    length = len(text)
    if length < pt.MIN_UNIT_CHARS or links > pt.MAX_UNIT_LINK_DENSITY * length:
        return 0.0
    weight: float = length - links + pt.PUNCTUATION_BONUS * len(pt.PUNCTUATION.findall(text))
    if _teaser_end(text):
        weight *= pt.TEASER_WEIGHT
    return weight


def _teaser_end(text: str) -> bool:
    """Whether ``text`` ends like an excerpt of another page (TEASER_END). The pattern is
    anchored at the end: its longest match fits in the last few characters.

    An ASCII end holding none of what the pattern needs (an ellipsis or its words, any case)
    is not read with it: most paragraphs. A non-ASCII end always is (its own ellipsis, and
    letters that a pattern ignoring case matches as ASCII ones).
    """
    start = max(0, len(text) - pt.TEASER_END_SPAN)
    end = text[start:]
    if end.isascii():
        low = end.lower()
        if "..." not in low and "read more" not in low and "continue reading" not in low:
            return False
    return pt.TEASER_END.search(text, start) is not None


def _other_units(root: Element) -> Iterator[Element]:
    """Blocks of long direct text that are not paragraphs, each once (inline ones climbed)."""
    seen: set[Element] = set()
    for unit in _long_text_holders(root):
        if unit.tag in pt.NOT_UNITS:
            continue
        while unit.tag in pt.INLINE_TAGS:
            parent = unit.getparent()
            if parent is None:
                break
            unit = parent
        # A paragraph reached by climbing is weighed as a paragraph already.
        if unit.tag not in ("p", "pre") and unit not in seen:
            seen.add(unit)
            yield unit


def _long_text_holders(root: Element) -> list[Element]:
    """Elements under ``root`` with a long direct text, in document order (``<head>`` read
    with the script and style test first)."""
    if root.tag != "html":
        return select(pt.LONG_TEXT_HOLDERS, root)
    found: list[Element] = []
    for child in root:
        if child.tag == "head":
            found.extend(select(pt.LONG_TEXT_HOLDERS_HEAD, child))
        elif isinstance(child.tag, str):
            found.extend(_owners(cast("list[Any]", pt.LONG_TEXTS(child))))
    return found


def _owners(texts: list[Any]) -> list[Element]:
    """The elements holding ``texts`` (lxml's text results, in document order) as direct
    text, each once, in document order.

    A text after a child element (the child's tail) comes after that child's own texts: its
    holder, when new, goes back before the holders found inside it since it started.
    """
    found: list[Element] = []
    seen: set[Element] = set()
    for text in texts:
        owner = text.getparent()
        tail = text.is_tail
        if tail:
            owner = owner.getparent()
        if owner is None or owner in seen:
            continue
        seen.add(owner)
        at = len(found)
        if tail:
            while at and any(a is owner for a in found[at - 1].iterancestors()):
                at -= 1
        found.insert(at, owner)
    return found


def _weigh(
    root: Element,
) -> tuple[list[tuple[float, int, Element]], dict[Element, float], bool]:
    """Every unit's weight, the level its score starts at, and the element its chain of
    ancestors starts from.

    A plain paragraph (no class or id, so nothing can exclude it by name) adds its weight to
    its parent: a page of 200,000 paragraphs makes one chain per parent, not per paragraph.
    A paragraph scores from its parent up; other units score from themselves. Also returns
    the weight of plain paragraphs per parent, and whether a weighed paragraph is marked as
    the article's body.
    """
    chains: list[tuple[float, int, Element]] = []
    paragraph_marked = False
    by_parent: dict[Element, float] = {}
    for unit in root.iter("p", "pre"):
        weight = unit_weight(unit)
        if weight <= 0:
            continue
        if unit.get("itemprop") in _BODY_PROPS:
            paragraph_marked = True
        if unit.get("class") is None and unit.get("id") is None:
            parent = unit.getparent()
            if parent is not None:
                by_parent[parent] = by_parent.get(parent, 0.0) + weight
                continue
        chains.append((weight, 1, unit))
    for unit in _other_units(root):
        weight = unit_weight(unit)
        if weight > 0:
            chains.append((weight, 0, unit))
    for parent, weight in by_parent.items():
        chains.append((weight, 0, parent))
    return chains, by_parent, paragraph_marked


class _Chains:
    """The union of the chains' ancestors as one tree: each element's parent and depth.

    Chains share their upper ancestors, so each element is visited once, not once per chain:
    sums over the chains are made bottom-up, exclusions top-down.
    """

    def __init__(self, starts: list[Element]) -> None:
        self.up: dict[Element, Element | None] = {}
        depth: dict[Element, int] = {}
        for start in starts:
            path: list[Element] = []
            node: Element | None = start
            while node is not None and node not in depth:
                path.append(node)
                node = node.getparent()
            level = -1 if node is None else depth[node]
            for el in reversed(path):
                level += 1
                depth[el] = level
                self.up[el] = node
                node = el
        # Deepest first: every element comes before its parent.
        self.bottom_up = sorted(depth, key=depth.__getitem__, reverse=True)

    def sums(self, own: dict[Element, float]) -> dict[Element, float]:
        """Each element's total of ``own`` over its subtree (elements with none left out)."""
        total = dict.fromkeys(self.bottom_up, 0.0)
        for el, weight in own.items():
            total[el] += weight
        up = self.up
        for el in self.bottom_up:
            parent = up[el]
            if parent is not None:
                total[parent] += total[el]
        return {el: weight for el, weight in total.items() if weight > 0}


class _Mass:
    """The prose weight each element holds (after exclusions), plain paragraphs included."""

    def __init__(self, mass: dict[Element, float], grouped: dict[Element, float]) -> None:
        self.mass = mass
        self.grouped = grouped

    def of(self, el: Element, at_least: float = 0.0) -> float:
        """``el``'s weight; a plain paragraph's is only worked out when it may reach
        ``at_least`` (its parent's plain paragraphs weigh that much together)."""
        weight = self.mass.get(el)
        if weight is not None:
            return weight
        if el.tag in ("p", "pre"):
            parent = el.getparent()
            if parent in self.mass and self.grouped.get(parent, 0.0) >= at_least:
                return unit_weight(el)
        return 0.0


def find_container(root: Element) -> list[Element]:
    """The element(s) holding the story, in document order; empty when there is none."""
    chains, grouped, paragraph_marked = _weigh(root)
    tree = _Chains([start for _weight, _level, start in chains])
    own: dict[Element, float] = {}
    for weight, _level, start in chains:
        own[start] = own.get(start, 0.0) + weight
    raw = tree.sums(own)
    total_raw = raw.get(root, 0.0)
    if total_raw < pt.MIN_ARTICLE_CHARS:
        return []
    # An element is dropped with every chain through it when it or an ancestor is excluded.
    dropped: dict[Element, bool] = {}
    for el in reversed(tree.bottom_up):
        parent = tree.up[el]
        flag = parent is not None and dropped[parent]
        if not flag:
            weight = raw[el]
            # A "widget" that wraps most of the page's text is a wrapper, not a widget.
            flag = (weight < 0.5 * total_raw or comments_region(el)) and _excluded(el, weight)
        dropped[el] = flag
    mass = tree.sums({el: weight for el, weight in own.items() if not dropped[el]})
    score: dict[Element, float] = {}
    for weight, level, start in chains:
        if dropped[start]:
            continue
        node: Element | None = start if level == 0 else tree.up[start]
        for decay in pt.LEVEL_DECAY:
            if node is None:
                break
            score[node] = score.get(node, 0.0) + weight * decay
            node = tree.up[node]
    total = mass.get(root, 0.0)
    if total < pt.MIN_ARTICLE_CHARS:
        return []
    held = _Mass(mass, grouped)
    best = _climb(max(score, key=lambda el: score[el] * _bonus(el)), mass)
    if mass.get(best, 0.0) < pt.FRAGMENT_SHARE * total:
        covering = _descend(root, held, total)
        if covering.tag not in ("body", "html") and covering in set(best.iterancestors()):
            best = covering
    # Only an element holding weight can be marked as the body: when none carries the mark,
    # the whole tree's attributes are not searched.
    marked = (
        [el for el in select(_ARTICLE_BODY, root) if held.of(el) >= 0.5 * total]
        if _may_be_marked(mass, paragraph_marked)
        else []
    )
    if marked:
        best = marked[0]
    return _sibling_run(best, held)


_FIRST_HEADING = etree.XPath("(descendant::h1 | descendant::h2)[1]")
TITLED_SHARE = 0.5
"""The titled article holds at least this share of the text of the largest other story
beside it; less, and it is a headline box whose story is kept elsewhere."""
TITLED_MIN_CHARS = 500
"""... and at least this many characters: a headline box with a byline and a dek has fewer."""


def titled_story(containers: list[Element], title: str | None) -> list[Element]:
    """``containers``, or the one ``<article>`` in them whose headline is the page's title
    when they hold other whole stories beside it (an endless page's next story, loaded in
    full under the first)."""
    key = fold(title or "")
    if not key or not containers:
        return containers
    titled: list[Element] = []
    others: dict[Element, int] = {}  # headed articles of some length, and their length
    for container in containers:
        for article in (container, *container.iterdescendants("article")):
            if article.tag != "article":
                continue
            heading = select(_FIRST_HEADING, article)
            if not heading:
                continue
            if fold(inner_text(heading[0])) == key:
                titled.append(article)
            elif (chars := visible_chars(article)) >= pt.MIN_ARTICLE_CHARS:
                others[article] = chars
    if len(titled) != 1:
        return containers
    story = titled[0]
    around = set(story.iterancestors())
    apart = [n for el, n in others.items() if el not in around and story not in el.iterancestors()]
    # The titled article must be a story itself, not a header box over a body kept outside it.
    if not apart or visible_chars(story) < max(TITLED_MIN_CHARS, TITLED_SHARE * max(apart)):
        return containers
    return [story]


def _may_be_marked(mass: dict[Element, float], paragraph_marked: bool) -> bool:
    """Whether an element that holds weight, or a weighed paragraph, is marked as the body."""
    return paragraph_marked or any(el.get("itemprop") in _BODY_PROPS for el in mass)


def _bonus(el: Element) -> float:
    bonus = pt.SEMANTIC_TAG_BONUS.get(el.tag, 1.0)
    words = class_words(el)
    if words and pt.POSITIVE_CLASS.search(words):
        bonus *= pt.POSITIVE_CLASS_BONUS
    return bonus


def text_length(el: Element) -> int:
    """Characters of text in ``el``, whitespace collapsed (scripts and styles included)."""
    return int(cast(float, _TEXT_LENGTH(el)))


def visible_chars(el: Element) -> int:
    """Characters of text in ``el``, whitespace collapsed, scripts and styles left out."""
    return int(cast(float, _TEXT_LENGTH(el)) - _hidden_chars(el))


def _hidden_chars(el: Element) -> float:
    """Characters of the scripts and styles in ``el`` (each measured apart: they add up)."""
    return sum(cast(float, _TEXT_LENGTH(s)) for s in el.iter("script", "style"))


def _link_chars(el: Element) -> int:
    return sum(int(cast(float, _TEXT_LENGTH(a))) for a in el.iter("a"))


def _climb(best: Element, mass: dict[Element, float]) -> Element:
    """Go up while what a parent adds around ``best`` reads as more of the story."""
    # Scripts and styles are measured one by one, so a parent's are its child's plus those
    # of what it adds: each is measured once, however far the climb goes.
    hidden = _hidden_chars(best)
    node, chars = best, int(cast(float, _TEXT_LENGTH(best)) - hidden)
    # ``links`` is the link text of ``node``; ``counted`` that of the last step that added
    # more than the slack (small additions do not reset the reference).
    links = counted = _link_chars(best)
    for parent in best.iterancestors():
        if parent.tag in ("body", "html"):
            break
        hidden += sum(_hidden_chars(c) for c in parent if c is not node)
        parent_chars = int(cast(float, _TEXT_LENGTH(parent)) - hidden)
        added_chars = parent_chars - chars
        # Only what the parent adds is read again: the story's own links are known.
        parent_links = (
            _link_chars(parent)
            if parent.tag == "a"
            else links + sum(_link_chars(c) for c in parent if c is not node)
        )
        if added_chars > pt.CLIMB_SLACK_CHARS:
            added_mass = mass.get(parent, 0.0) - mass.get(node, 0.0)
            if (
                added_mass < pt.CLIMB_DENSITY * added_chars
                or parent_links - counted > pt.CLIMB_LINK_DENSITY * added_chars
            ):
                break
            counted = parent_links
        node, chars, links = parent, parent_chars, parent_links
    return node


def _descend(root: Element, held: _Mass, total: float) -> Element:
    """The deepest element holding COVERAGE of the weight (semantic containers count more)."""
    node = root
    while True:
        step = None
        for child in node:
            weight = held.of(child, pt.COVERAGE * total)
            if not weight:
                continue
            bonus = pt.SEMANTIC_TAG_BONUS.get(child.tag, 1.0)
            if weight * bonus >= pt.COVERAGE * total:
                step = child
                break
        if step is None:
            return node
        node = step


def _sibling_run(best: Element, held: _Mass) -> list[Element]:
    """``best`` and the siblings around it that carry a share of the story's weight."""
    parent = best.getparent()
    if parent is None or best.tag in ("body", "html"):
        return [best]
    own = held.of(best)
    share = pt.SIBLING_SHARE * own
    siblings = list(parent)
    index = siblings.index(best)
    heavy = [i for i, el in enumerate(siblings) if held.of(el, share) >= share]
    if heavy == [index]:
        return [best]
    first, last = min(heavy), max(heavy)
    # What follows the story joins it only when it holds paragraphs: card grids, price boxes
    # and link labels after the story weigh enough in text units alone. (Before it, a
    # standfirst in a bare div is the story's.)
    while last > index and not _has_paragraph(siblings[last]):
        last -= 1
    # A story cut into like wrappers ("sect1", "section"): a light one at either end of the
    # run (a short introduction, a list of links) is still one of its sections.
    if not any(_same_section(el, best) for el in siblings[first : last + 1] if el is not best):
        return [el for el in siblings[first : last + 1] if isinstance(el.tag, str)]
    while first > 0 and _same_section(siblings[first - 1], best):
        first -= 1
    while last < len(siblings) - 1 and _same_section(siblings[last + 1], best):
        last += 1
    return [el for el in siblings[first : last + 1] if isinstance(el.tag, str)]


def _same_section(el: Element, best: Element) -> bool:
    """True for a sibling wrapped like ``best`` (same tag and class) that holds a paragraph."""
    classes = best.get("class")
    return (
        bool(classes) and el.tag == best.tag and el.get("class") == classes and _has_paragraph(el)
    )


def _has_paragraph(el: Element) -> bool:
    return any(unit_weight(p) > 0 for p in el.iter("p"))


# What a script's text holds when one of its objects has an "articleBody" or "text" key (a
# key may also be written with \u escapes).
_BODY_KEYS = ('"articleBody"', '"text"', "\\u")


def jsonld_body(root: Element) -> str | None:
    """The ``articleBody`` a page's JSON-LD carries, if any (for pages built by scripts)."""
    for script in jsonld.scripts_of(root):
        text = script.text or ""
        if len(text) <= pt.MIN_ARTICLE_CHARS or not any(key in text for key in _BODY_KEYS):
            continue  # no value long enough, or no key that names a body: not parsed
        try:
            data = jsonld.loads(script, text)
        except ValueError:
            continue
        for item in _walk_json(data):
            body = item.get("articleBody") or item.get("text")
            if isinstance(body, str) and len(body) > pt.MIN_ARTICLE_CHARS:
                return body
    return None


def _walk_json(data: Any) -> Iterator[dict[str, Any]]:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
