"""The original's words against the copy's, word by word (difflib over word sequences).

The original's body is split into blocks like the copy's. Embedded posts (a blockquote that
links to one of the article's embeds) may be left out of a copy when the profile drops
embeds; when the copy does leave one out, its words are not expected.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

import lxml.html

from syndicate.lint.locate import Block, blocks, original_blocks
from syndicate.lint.story import MATCH_SHARE, Story
from syndicate.lint.text import shingles, url_key
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
    kept = []
    for block in found:
        quote = _embed_quote(block.element, embed_keys)
        if quote is not None and not _present(quote, story):
            continue
        kept.append(block)
    return kept


def _embed_quote(
    element: lxml.html.HtmlElement, embed_keys: set[str]
) -> lxml.html.HtmlElement | None:
    for candidate in (element, *element.iterancestors()):
        if isinstance(candidate.tag, str) and candidate.tag.lower() == "blockquote":
            hrefs = {url_key(a.get("href", "")) for a in candidate.iter("a")}
            if hrefs & embed_keys:
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
    matcher = difflib.SequenceMatcher(None, original, copy, autojunk=False)
    return Alignment(
        original,
        expected,
        original_owner,
        copy,
        copy_blocks,
        copy_owner,
        matcher.get_opcodes(),
    )
