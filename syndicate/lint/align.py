"""The original's words against the copy's, word by word (difflib over word sequences).

The original's body is split into blocks like the copy's. Embedded posts (a blockquote that
links to one of the article's embeds) may be left out of a copy when the profile drops
embeds; when the copy does leave one out, its words are not expected.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

import lxml.html

from syndicate.lint.locate import Block, blocks, original_blocks
from syndicate.lint.story import MATCH_SHARE, Story
from syndicate.lint.text import EXCERPT_WORDS, shingles, url_key, word_spans
from syndicate.models import Article
from syndicate.policy.profile import Profile

Opcode = tuple[Literal["replace", "delete", "insert", "equal"], int, int, int, int]


@dataclass(slots=True)
class Alignment:
    """Both word sequences, which block each word is in, and difflib's opcodes between them."""

    original: list[str]
    original_blocks: list[Block]
    original_owner: list[int]  # index into original_blocks, per word
    copy: list[str]
    copy_blocks: list[Block]
    copy_owner: list[int]
    opcodes: list[Opcode]
    _word_starts: dict[str, list[int]] = field(default_factory=dict)

    def quote(self, *, original: bool, start: int, end: int) -> str:
        """The words ``start`` to ``end`` of one side as its text writes them (punctuation,
        apostrophes and case kept), cut after ``EXCERPT_WORDS`` words."""
        found, owner = (
            (self.original_blocks, self.original_owner)
            if original
            else (self.copy_blocks, self.copy_owner)
        )
        stop = min(end, start + EXCERPT_WORDS)
        starts = self._starts(original)
        pieces: list[str] = []
        at = start
        while at < stop:
            index = owner[at]
            first = starts[index]
            last = min(stop, starts[index + 1]) - 1
            text, spans = word_spans(found[index].text)
            pieces.append(text[spans[at - first][0] : spans[last - first][1]])
            at = last + 1
        shown = " ".join(pieces)
        return shown + " …" if end > stop else shown

    def _starts(self, original: bool) -> list[int]:
        key = "original" if original else "copy"
        if key not in self._word_starts:
            self._word_starts[key] = _starts(self.original_blocks if original else self.copy_blocks)
        return self._word_starts[key]

    def copy_block_for(self, original_index: int) -> Block | None:
        """The copy block holding the word matched to the original's word at that index."""
        for tag, i1, i2, j1, _ in self.opcodes:
            if tag == "equal" and i1 <= original_index < i2:
                return self.copy_blocks[self.copy_owner[j1 + original_index - i1]]
        return None


def expected_blocks(original: Article, profile: Profile, story: Story) -> list[Block]:
    """The original's blocks a compliant copy must carry."""
    found = list(original_blocks(original.body_html))
    if "embeds" not in profile.copy_.drop:
        return found
    embed_keys = {url_key(e.url) for e in original.embeds}
    if not embed_keys or not found:
        return found  # no embedded post to leave out (and no block's ancestors to read)
    kept = []
    embeds: dict[lxml.html.HtmlElement, bool] = {}
    for block in found:
        quote = _embed_quote(block.element, embed_keys, embeds)
        if quote is not None and not _present(quote, story):
            continue
        kept.append(block)
    return kept


def _embed_quote(
    element: lxml.html.HtmlElement,
    embed_keys: set[str],
    embeds: dict[lxml.html.HtmlElement, bool],
) -> lxml.html.HtmlElement | None:
    """The blockquote around ``element`` that links to an embed; ``embeds`` keeps each
    blockquote's answer, so one around thousands of blocks reads its links once."""
    for candidate in (element, *element.iterancestors()):
        if isinstance(candidate.tag, str) and candidate.tag.lower() == "blockquote":
            if candidate not in embeds:
                hrefs = {url_key(a.get("href", "")) for a in candidate.iter("a")}
                embeds[candidate] = bool(hrefs & embed_keys)
            if embeds[candidate]:
                return candidate
    return None


def _present(quote: lxml.html.HtmlElement, story: Story) -> bool:
    runs: set[tuple[str, ...]] = set()
    for block in blocks(quote):
        runs |= shingles(block.words)
    return bool(runs) and len(runs & story.all_words) >= MATCH_SHARE * len(runs)


def align(expected: list[Block], copy_blocks: list[Block]) -> Alignment:
    original: list[str] = []
    original_owner: list[int] = []
    for index, block in enumerate(expected):
        original.extend(block.words)
        original_owner.extend([index] * len(block.words))
    copy: list[str] = []
    copy_owner: list[int] = []
    for index, block in enumerate(copy_blocks):
        copy.extend(block.words)
        copy_owner.extend([index] * len(block.words))
    return Alignment(
        original,
        expected,
        original_owner,
        copy,
        copy_blocks,
        copy_owner,
        _opcodes(expected, copy_blocks, original, copy),
    )


LARGE_REGION_WORDS = 20_000
"""A stretch of changed blocks longer than this (in either text) is cut into pieces before
difflib aligns them (see ``_stretch``): difflib's time grows with a stretch's length times
each word's count, and a 100,000-word copy changed throughout took minutes."""


MAX_WORD_PAIRS = 1_000_000
"""A stretch whose words could be matched in more pairs than this (each word of one text with
each of its repeats in the other) is cut into pieces like a large one: 14,000 words of 55
distinct ones took difflib 14 s. A stretch of 9,000 words of English text has about this many."""
LARGE_REGION_BLOCKS = 2_000
"""A copy of more blocks than this is anchored with difflib's popular-word heuristic on,
blocks found in over 1% of places (a trailer heading repeated 20,000 times) anchoring
nothing: without it, each such block was matched against each of its repeats, and a copy
of 20,000 took 20 s. A real story has a few hundred blocks."""
ANCHOR_WORDS = 2
"""Words in a row that cut a large stretch where they are found once in each text: a pair,
as single words of a long story repeat ("Paragraph 5 … bridge 5")."""


def _opcodes(
    expected: list[Block], copy_blocks: list[Block], original: list[str], copy: list[str]
) -> list[Opcode]:
    """difflib's opcodes between the two word sequences, found in two steps: blocks whose
    words are equal anchor the alignment, and only the stretches between them are aligned
    word by word. A copy that keeps most blocks whole costs little however long it is."""
    keys_a = [tuple(b.words) for b in expected]
    keys_b = [tuple(b.words) for b in copy_blocks]
    starts_a = _starts(expected)
    starts_b = _starts(copy_blocks)
    found: list[Opcode] = []
    many = len(keys_b) > LARGE_REGION_BLOCKS
    blockwise = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=many)
    for tag, b1, b2, c1, c2 in blockwise.get_opcodes():
        i1, i2, j1, j2 = starts_a[b1], starts_a[b2], starts_b[c1], starts_b[c2]
        if tag == "equal":
            found.append(("equal", i1, i2, j1, j2))
            continue
        found += [
            (op, a1 + i1, a2 + i1, d1 + j1, d2 + j1)
            for op, a1, a2, d1, d2 in _stretch(original[i1:i2], copy[j1:j2])
        ]
    return _merged([op for op in found if op[1] != op[2] or op[3] != op[4]])


def _stretch(a: list[str], b: list[str]) -> list[Opcode]:
    """difflib's opcodes between a stretch of changed blocks of each text. A large stretch
    loses the words both texts open and close with, then is cut at the word pairs found once
    in each text, in the same order in both (the longest such run): difflib's time on one
    stretch grows with its length times the matches it finds (a copy damaged in every
    paragraph took minutes), and the pieces between these anchors are short."""
    if _small(a, b):
        return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    head = 0
    shorter = min(len(a), len(b))
    while head < shorter and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < shorter - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    found: list[Opcode] = [("equal", 0, head, 0, head)] if head else []
    i0 = j0 = head
    a_end, b_end = len(a) - tail, len(b) - tail
    for i, j in [*_anchors(a[head:a_end], b[head:b_end], head), (a_end, b_end)]:
        if i < i0 or j < j0:
            continue  # overlaps the anchor before
        found += [
            (op, a1 + i0, a2 + i0, d1 + j0, d2 + j0)
            for op, a1, a2, d1, d2 in _words(a[i0:i], b[j0:j])
        ]
        if i < a_end:
            found.append(("equal", i, i + ANCHOR_WORDS, j, j + ANCHOR_WORDS))
        i0, j0 = i + ANCHOR_WORDS, j + ANCHOR_WORDS
    if tail:
        found.append(("equal", a_end, len(a), b_end, len(b)))
    return found


def _words(a: list[str], b: list[str]) -> list[Opcode]:
    """difflib's opcodes between two short runs of words; two long runs with no word pair
    found once in each (the same few words over and over, or two different texts) are one
    change, as difflib would take seconds to minutes to find the little they share."""
    if _small(a, b):
        return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    if not a:
        return [("insert", 0, 0, 0, len(b))]
    return [("replace", 0, len(a), 0, len(b)) if b else ("delete", 0, len(a), 0, 0)]


def _small(a: list[str], b: list[str]) -> bool:
    """Whether difflib aligns ``a`` and ``b`` quickly: at most ``LARGE_REGION_WORDS`` words
    each and at most ``MAX_WORD_PAIRS`` pairs of equal words between them."""
    if max(len(a), len(b)) > LARGE_REGION_WORDS:
        return False
    if len(a) * len(b) <= MAX_WORD_PAIRS:
        return True
    counts = Counter(b)
    return sum(counts[word] for word in a) <= MAX_WORD_PAIRS


def _anchors(a: list[str], b: list[str], offset: int) -> list[tuple[int, int]]:
    """Positions (in ``a``, in ``b``, plus ``offset``) of word pairs found exactly once in
    each, the longest run of them in the same order in both (patience sorting)."""
    once_a = _once(a)
    once_b = _once(b)
    pairs = [(i + offset, once_b[w] + offset) for w, i in once_a.items() if w in once_b]
    pairs.sort()
    tails: list[int] = []  # b position ending the best run of each length
    ends: list[int] = []  # index in pairs of that run's last pair
    before = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        n = bisect.bisect_left(tails, j)
        if n == len(tails):
            tails.append(j)
            ends.append(k)
        else:
            tails[n] = j
            ends[n] = k
        before[k] = ends[n - 1] if n else -1
    run: list[tuple[int, int]] = []
    k = ends[-1] if ends else -1
    while k >= 0:
        run.append(pairs[k])
        k = before[k]
    return run[::-1]


def _once(words: list[str]) -> dict[tuple[str, ...], int]:
    """Each run of ``ANCHOR_WORDS`` words found exactly once in ``words``, with its position."""
    seen: dict[tuple[str, ...], int] = {}
    twice: set[tuple[str, ...]] = set()
    pairs = zip(*(words[k:] for k in range(ANCHOR_WORDS)), strict=False)
    for index, word in enumerate(pairs):
        if word in seen:
            twice.add(word)
        else:
            seen[word] = index
    return {w: i for w, i in seen.items() if w not in twice}


def _starts(found: list[Block]) -> list[int]:
    """The index of each block's first word, and the total word count last."""
    starts = [0]
    for block in found:
        starts.append(starts[-1] + len(block.words))
    return starts


def _merged(found: list[Opcode]) -> list[Opcode]:
    """Adjacent opcodes of one kind joined, as difflib would report them."""
    out: list[Opcode] = []
    for op in found:
        if out and out[-1][0] == op[0] == "equal":
            tag, i1, _, j1, _ = out[-1]
            out[-1] = (tag, i1, op[2], j1, op[4])
        else:
            out.append(op)
    return out
