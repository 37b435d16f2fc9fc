"""Find the republished story inside a partner's page by aligning its text with the original.

Every block of the copy is scored by how many of its three-word runs occur in the original's
body; the story's container is the deepest element holding nearly all the matching words, so
a partner's header, sidebar, logos, ads and footer never count as the story. Inside the
container, the story runs from its first to its last matching block; what the embed itself
adds (headline, byline, credit line, images note) is told apart and kept out of the text.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import lxml.html

from syndicate import bylines
from syndicate.lint.locate import Block, blocks, original_blocks, within
from syndicate.lint.text import RUN_WORDS, shingles, text_runs, url_key, word_line, words
from syndicate.models import Article
from syndicate.policy.profile import Profile

# A copy block is the story's when at least this share of its three-word runs is in the
# original: a paragraph with a word or two changed still matches; chrome never does.
MATCH_SHARE = 0.5
# The container is the deepest element holding at least this share of the matching words,
# so one stray match elsewhere (a teaser quoting the story) cannot widen it to the page.
CONTAINER_SHARE = 0.9
# A block is a known extra (headline, images note) when this similar to the expected text.
EXTRA_RATIO = 0.8
# A byline block is short: the author names plus this many words ("By", a date, a title).
BYLINE_SLACK = 12
# A byline's first word ("By", or the story's language's: "Von", "Par"), or a "byline" class:
# a short block so, above the story's first paragraph, is a byline even when it names someone
# else ("By Pat Partner, Staff"), not text added.
# Unmatched blocks this short, in an element that is not prose (a div or span label such as
# "Advertisement" over an ad slot), are the partner's chrome, not words added to the story.
LABEL_WORDS = 3
# What labels an ad slot, in whatever element (a <p class="ad-label"> too): chrome, never
# words added to the story, unless the original's text has those words itself. Compared by
# words, without case.
AD_LABELS = frozenset(
    (
        "advertisement", "advertisements", "advertising", "ad", "sponsored", "sponsored content",
        "story continues below advertisement", "article continues below advertisement",
        "story continues below", "article continues below", "continue reading below",
    )
)  # fmt: skip
PROSE_TAGS = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"))
# A heading that reads like the original's title is the headline, even when the story's
# text repeats its words ("Top 10 apps" over a body that speaks of "the top 10 apps").
HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
# Elements a partner page wraps a story in; the byline and credit are looked for up to there.
ARTICLE_TAGS = ("article", "main")

# A partner's pull quote: a <blockquote> repeating, word for word, a passage the copy also
# prints in the story's text, where the original has no such quote. It adds no words.
PULL_QUOTE_TAGS = frozenset(("blockquote",))

Kind = Literal["story", "headline", "byline", "credit", "note", "label", "pullquote", "other"]


@dataclass(slots=True)
class CopyBlock:
    block: Block
    kind: Kind


@dataclass(slots=True)
class Story:
    """The story found in a copy; ``container`` is None when no block matched."""

    container: lxml.html.HtmlElement | None
    scope: lxml.html.HtmlElement
    span: list[CopyBlock]
    all_words: set[tuple[str, ...]]
    scope_blocks: list[Block]

    @property
    def found(self) -> bool:
        return self.container is not None

    def text_blocks(self) -> list[Block]:
        """The blocks whose words are compared with the original's: story and additions."""
        return [c.block for c in self.span if c.kind in ("story", "other")]


def find_story(root: lxml.html.HtmlElement, original: Article, profile: Profile) -> Story:
    """Locate the original's story in the copy ``root``."""
    body = root.find("body")
    page = body if body is not None else root
    page_blocks = blocks(page)
    original_runs = text_runs(original.body_text)
    all_runs: set[tuple[str, ...]] = set()
    weights: dict[lxml.html.HtmlElement, int] = {}
    matched: list[Block] = []
    shared: list[set[tuple[str, ...]]] = []
    for block in page_blocks:
        runs = shingles(block.words)
        all_runs |= runs
        common = runs & original_runs
        if runs and len(common) >= MATCH_SHARE * len(runs):
            matched.append(block)
            shared.append(common)
    if not matched:
        return Story(None, page, [], all_runs, page_blocks)
    total = 0
    for block, weight in zip(matched, _weights(shared), strict=True):
        total += weight
        # From the block's parent up: a story of one paragraph lives in what holds it,
        # with its headings, not in the paragraph alone.
        for element in block.element.iterancestors():
            weights[element] = weights.get(element, 0) + weight
    container = max(
        (e for e, w in weights.items() if w >= CONTAINER_SHARE * total),
        key=lambda e: sum(1 for _ in e.iterancestors()),
    )
    inside = within(page_blocks, container)
    story_ids = {id(b.element) for b in matched}
    raw = [_kind(block, id(block.element) in story_ids, original, profile) for block in inside]
    headline = _headline_at(raw, original)
    scope = _scope(container, page)
    in_scope = within(page_blocks, scope)
    # A byline above the story's container (a list holding most of the story): a block inside
    # that names the authors and matches the original's text is the story's own (a list of a
    # book's writers).
    byline_above = _byline_above(in_scope, inside, original)
    kinds: list[Kind] = []
    seen: set[Kind] = set()  # the kinds so far, so each test below is O(1)
    for index, (block, kind) in enumerate(zip(inside, raw, strict=True)):
        if kind == "headline" and index != headline:
            kind = "story" if id(block.element) in story_ids else "other"
        if kind == "byline" and byline_above and id(block.element) in story_ids:
            kind = "story"
        if kind == "other" and not {"story", "byline"} & seen and _byline_form(block, original):
            # The story's byline slot with other names in it: byline-missing says so.
            kind = "byline"
        if kind in ("headline", "byline") and kind in seen:
            # One headline and one byline: a later block like them is the story's own.
            kind = "story" if id(block.element) in story_ids else "other"
        kinds.append(kind)
        seen.add(kind)
    for index in _pull_quotes(inside, kinds, container, original):
        kinds[index] = "pullquote"
    marked = [i for i, k in enumerate(kinds) if k not in ("other", "label")]
    span = [CopyBlock(inside[i], kinds[i]) for i in range(marked[0], marked[-1] + 1)]
    span = _widen(span, page_blocks, story_ids, original, profile)
    return Story(container, scope, span, all_runs, in_scope)


def _pull_quotes(
    inside: list[Block], kinds: list[Kind], container: lxml.html.HtmlElement, original: Article
) -> list[int]:
    """The story's blocks that are a partner's pull quotes: quoted (``PULL_QUOTE_TAGS``),
    their words a passage the original prints once and the copy's other blocks print too."""
    in_quotes = {id(e) for q in container.iter(*PULL_QUOTE_TAGS) for e in q.iter()}
    if not in_quotes:
        return []
    quoted = [
        i for i, (b, k) in enumerate(zip(inside, kinds, strict=True))
        if k == "story" and id(b.element) in in_quotes
    ]  # fmt: skip
    if not quoted:
        return []
    rest = set(quoted)
    others = " ".join(
        w for i, b in enumerate(inside) if kinds[i] == "story" and i not in rest for w in b.words
    )
    others = f" {others} "
    found = []
    for i in quoted:
        phrase = f" {' '.join(inside[i].words)} "
        # Again in the copy, once in the original (twice would be its own pull quote).
        if phrase in others and _twice(_own_line(original.body_html), phrase) is False:
            found.append(i)
    return found


@lru_cache(maxsize=64)
def _own_line(body_html: str) -> str:
    """The words of the original's blocks in one spaced line (cached: many copies share one
    original)."""
    return f" {' '.join(w for b in original_blocks(body_html) for w in b.words)} "


def _twice(line: str, phrase: str) -> bool | None:
    """Whether ``phrase`` (spaced at both ends) is in ``line`` twice or more (None: never);
    two occurrences may share the space between them."""
    first = line.find(phrase)
    if first < 0:
        return None
    return line.find(phrase, first + 1) >= 0


def _byline_above(in_scope: list[Block], inside: list[Block], original: Article) -> bool:
    """True when a block before the container's first, in the story's scope, is a byline."""
    first = id(inside[0].element) if inside else None
    for block in in_scope:
        if id(block.element) == first:
            return False
        if is_byline(block, original):
            return True
    return False


def _headline_at(kinds: list[Kind], original: Article) -> int | None:
    """Which block is the headline: the first like the title, unless the original's text has
    as many such blocks itself (its own heading repeating the title), which the copy's are."""
    like = [i for i, kind in enumerate(kinds) if kind == "headline"]
    own = _own_titles(original.body_html, original.title or "")
    return like[0] if len(like) > own else None


def _weights(shared: list[set[tuple[str, ...]]]) -> list[int]:
    """Each matching block's weight: its runs of the original that no other matching block
    has. A sentence quoted again (a comment, a pull quote, a teaser) weighs nothing, so it
    cannot pull the container out to the page; when every run repeats (the story printed
    twice), each run counts wherever it is."""
    seen = Counter(run for runs in shared for run in runs)
    unique = [sum(1 for run in runs if seen[run] == 1) for runs in shared]
    return unique if any(unique) else [len(runs) for runs in shared]


def _widen(
    span: list[CopyBlock],
    page_blocks: list[Block],
    story_ids: set[int],
    original: Article,
    profile: Profile,
) -> list[CopyBlock]:
    """The span with the story's blocks that touch it from outside: an intro paragraph over
    a list that holds most of the story, or a block too short to match by runs ("Kia PV5",
    a list's first item) whose words the original has in a row."""
    position = {id(b.element): i for i, b in enumerate(page_blocks)}
    first = position[id(span[0].block.element)]
    last = position[id(span[-1].block.element)]

    def story_block(block: Block) -> bool:
        seq = block.words
        if id(block.element) in story_ids:
            return True
        return (
            0 < len(seq) < RUN_WORDS
            and f" {' '.join(seq)} " in word_line(original.body_text)
            and _kind(block, False, original, profile) in ("other", "label")
        )

    before: list[CopyBlock] = []
    while first > 0 and story_block(page_blocks[first - 1]):
        first -= 1
        before.insert(0, CopyBlock(page_blocks[first], "story"))
    after: list[CopyBlock] = []
    while last + 1 < len(page_blocks) and story_block(page_blocks[last + 1]):
        last += 1
        after.append(CopyBlock(page_blocks[last], "story"))
    return before + span + after


def _scope(container: lxml.html.HtmlElement, page: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """Where the byline and credit may sit: the story's <article>/<main>, else one level up."""
    for element in (container, *container.iterancestors()):
        if isinstance(element.tag, str) and element.tag.lower() in ARTICLE_TAGS:
            return element
        if element is page:
            break
    parent = container.getparent()
    return parent if parent is not None and container is not page else container


def _kind(block: Block, matched: bool, original: Article, profile: Profile) -> Kind:
    seq = block.words
    tag = block.element.tag.lower() if isinstance(block.element.tag, str) else ""
    headline = is_headline(block, original)
    if headline and is_heading(block):
        return "headline"
    if is_byline(block, original):
        return "byline"
    if matched:
        return "story"
    if headline:
        return "headline"
    if is_credit(block, original, profile):
        return "credit"
    note = profile.embed.images_note
    if note and _similar(seq, _words(note)):
        return "note"
    if len(seq) <= LABEL_WORDS and tag not in PROSE_TAGS:
        return "label"
    if _ad_label(seq, original):
        return "label"
    return "other"


def is_headline(block: Block, original: Article) -> bool:
    """A block that reads like the original's title."""
    return bool(original.title) and _similar(block.words, _words(original.title or ""))


def is_heading(block: Block) -> bool:
    return isinstance(block.element.tag, str) and block.element.tag.lower() in HEADING_TAGS


def is_byline(block: Block, original: Article) -> bool:
    """A short block naming every author of the original."""
    return _names_all(block.words, _authors(original))


def own_bylines(original: Article) -> tuple[tuple[str, ...], ...]:
    """The words of the original's own blocks that read as its byline (an author's bio)."""
    return _own_bylines(original.body_html, _authors(original))


def own_credits(original: Article, profile: Profile) -> tuple[tuple[str, ...], ...]:
    """The words of the original's own blocks that read as a credit (a paragraph naming the
    publisher with a link to its site)."""
    targets = frozenset(credit_targets(original, profile))
    return _own_credits(original.body_html, targets, _publisher_names(profile))


def _authors(original: Article) -> tuple[str, ...]:
    return tuple(original.authors or filter(None, [original.byline]))


def _names_all(seq: list[str], authors: tuple[str, ...]) -> bool:
    names = [_words(a) for a in authors]
    if not names:
        return False
    text = " ".join(seq)
    needed = sum(len(n) for n in names)
    return len(seq) <= needed + BYLINE_SLACK and all(" ".join(n) in text for n in names)


@lru_cache(maxsize=64)
def _own_bylines(body_html: str, authors: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    found = original_blocks(body_html)
    return tuple(tuple(b.words) for b in found if _names_all(b.words, authors))


@lru_cache(maxsize=64)
def _own_credits(
    body_html: str, targets: frozenset[str], names: tuple[str, ...]
) -> tuple[tuple[str, ...], ...]:
    found = original_blocks(body_html)
    return tuple(tuple(b.words) for b in found if _credit(b, targets, names))


@lru_cache(maxsize=64)
def _own_titles(body_html: str, title: str) -> int:
    """How many of the original's blocks a copy would read as its headline: a heading like
    the title, or a block like it too short to match by runs."""
    expected = words(title)
    return sum(
        1
        for b in original_blocks(body_html)
        if _similar(b.words, expected) and (is_heading(b) or not shingles(b.words))
    )


def _ad_label(seq: list[str], original: Article) -> bool:
    """An ad label the original's text does not itself have (its own "Sponsored" heading)."""
    line = " ".join(seq)
    return line.casefold() in AD_LABELS and f" {line} " not in word_line(original.body_text)


def _byline_form(block: Block, original: Article) -> bool:
    """A short block that reads "By ..." (whoever it names), or that is marked as the byline
    (the snippet's ``<p class="byline">`` with other words in it: "Staff report")."""
    seq = block.words
    if not 0 < len(seq) <= BYLINE_SLACK:
        return False
    return (len(seq) > 1 and seq[0].casefold() in bylines.leads(original.language)) or (
        "byline" in (block.element.get("class") or "").casefold()
    )


def is_credit(block: Block, original: Article, profile: Profile) -> bool:
    """A block naming the publisher and linking to the original or the publisher's site."""
    if not block.links:
        return False
    return _credit(block, frozenset(credit_targets(original, profile)), _publisher_names(profile))


def _credit(block: Block, targets: frozenset[str], names: tuple[str, ...]) -> bool:
    linked = any(url_key(href) in targets for href, _ in block.links)
    return linked and _names_one(block.text, names)


def credit_targets(original: Article, profile: Profile) -> set[str]:
    urls = [original.canonical_url, original.url, profile.publisher.url]
    return {url_key(u) for u in urls if u}


def names_publisher(text: str, profile: Profile) -> bool:
    return _names_one(text, _publisher_names(profile))


def _publisher_names(profile: Profile) -> tuple[str, ...]:
    return (profile.publisher.name, *profile.publisher.aliases)


def _names_one(text: str, names: tuple[str, ...]) -> bool:
    seq = f" {' '.join(words(text)).casefold()} "
    return any(f" {' '.join(found).casefold()} " in seq for n in names if (found := _words(n)))


@lru_cache(maxsize=256)
def _words(text: str) -> list[str]:
    """The words of a title or a name, read once for all the blocks compared with it (the
    list is shared: never changed)."""
    return words(text)


def _similar(seq: list[str], expected: list[str]) -> bool:
    if not seq or not expected:
        return False
    if seq == expected:
        return True
    # The ratio is at most what the shorter allows: a block far shorter than a headline of
    # thousands of words is told apart without reading them, once per block of the copy.
    if 2 * min(len(seq), len(expected)) < EXTRA_RATIO * (len(seq) + len(expected)):
        return False
    # The ratio is at most what the words in common allow: most blocks are told apart by
    # that alone, at a tenth of the cost of aligning them.
    known = _vocabulary(tuple(expected))
    common = min(len(expected), sum(1 for w in seq if w in known))
    if 2 * common < EXTRA_RATIO * (len(seq) + len(expected)):
        return False
    # A headline or note of 200 words or more is no real one: difflib's popular-word heuristic
    # bounds the time of comparing it (a 12,000-word headline against itself took seconds).
    return difflib.SequenceMatcher(None, seq, expected).ratio() >= EXTRA_RATIO


@lru_cache(maxsize=64)
def _vocabulary(expected: tuple[str, ...]) -> frozenset[str]:
    return frozenset(expected)
