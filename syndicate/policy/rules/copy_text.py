"""Copy rules on the text: the story's words and links as the original has them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from syndicate.lint.align import Alignment
from syndicate.lint.context import CopyContext
from syndicate.lint.locate import Block
from syndicate.lint.text import url_key, words
from syndicate.parse import urls
from syndicate.policy.registry import Finding, rule

# Past this many separate changes, the rest are summed up in one last finding.
MAX_CHANGES = 10
# Words of the original shown around a cut, so the reader can find the place.
CONTEXT_WORDS = 4


@rule(
    "text-altered",
    summary="The story's words were changed, cut or added to.",
    scope="copy",
)
def text_altered(ctx: CopyContext) -> Iterator[Finding]:
    """A copy republishes the story as written. Words are compared one by one; whitespace,
    character entities, quote and dash styles, ligatures and invisible characters are not
    changes. Embedded posts may be left out when the profile drops embeds; images and their
    captions are never compared.

    Fails: ``Hamas leaders will answer`` where the original says ``Hamas leaders will
    livetweet answers``.

    Passes: ``isn't`` for ``isn&#8217;t``, ``--`` for ``—``, a paragraph split in two.
    """
    story = ctx.story
    if not story.found:
        where = ctx.position(None)
        yield Finding(
            "the story was not found in the copy; expected the original's text",
            line=where.line,
            column=where.column,
        )
        return
    al = ctx.alignment
    changes = [op for op in al.opcodes if op[0] != "equal"]
    shown: list[tuple[str, Block | None]] = []
    for tag, i1, i2, j1, j2 in changes[:MAX_CHANGES]:
        seen = al.quote(original=False, start=j1, end=j2)
        wanted = al.quote(original=True, start=i1, end=i2)
        if tag == "replace":
            message = f'text changed: "{seen}" where the original has "{wanted}"'
        elif tag == "delete":
            before = al.quote(original=True, start=max(0, i1 - CONTEXT_WORDS), end=i1)
            after = f' after "{before}"' if before else " at the start"
            message = f'text cut: "{wanted}" is missing{after}'
        else:
            message = f'text added: "{seen}", not in the original'
        shown.append((message, _copy_block(al, j1, j2)))
    yield from capped(ctx, shown, total=len(changes), more="more changes to the text")


def capped(
    ctx: CopyContext, shown: list[tuple[str, Block | None]], *, total: int, more: str
) -> Iterator[Finding]:
    """The first ``MAX_CHANGES`` findings, each at its copy block, then one that counts the
    rest ("and 12 more changes to the text")."""
    for message, block in shown[:MAX_CHANGES]:
        where = ctx.position(block.element if block is not None else None)
        yield Finding(message, line=where.line, column=where.column)
    if total > MAX_CHANGES:
        where = ctx.position(None)
        yield Finding(f"and {total - MAX_CHANGES} {more}", line=where.line, column=where.column)


def _copy_block(al: Alignment, j1: int, j2: int) -> Block | None:
    """The copy block where a change sits (the next word's for a cut, else the last word's)."""
    if not al.copy:
        return None
    index = j1 if j1 < len(al.copy) else len(al.copy) - 1
    return al.copy_blocks[al.copy_owner[index]]


@rule(
    "links-removed",
    summary="A hyperlink of the original was unwrapped or dropped in the copy.",
    scope="copy",
)
def links_removed(ctx: CopyContext) -> Iterator[Finding]:
    """The story's links are part of it (``[copy] keep = ["links"]``): each link of the
    original's text must be in the copy with the same target (scheme, ``www.`` and trailing
    slash aside), as often as the original has it.

    Fails: ``#AskHamas has already been flooded`` with the ``#AskHamas`` link unwrapped.

    Also fails: the same words linking elsewhere (``link retargeted``).

    Passes: ``<a href="https://twitter.com/hashtag/AskHamas?src=hash">#AskHamas</a>``; an
    original's link without text (an emptied icon link) left out.
    """
    if "links" not in ctx.profile.copy_.keep or not ctx.story.found:
        return
    al = ctx.alignment
    wanted: list[tuple[str, str, int]] = []  # href, text, first word index in the original
    start = 0
    for block in al.original_blocks:
        # A link without text (an emptied icon link) is nothing a reader can follow.
        wanted += [(h, text, start) for h, text in block.links if _linkable(h) and text.strip()]
        start += len(block.words)
    have = Counter(url_key(h) for b in al.copy_blocks for h, _ in b.links)
    # Each copy block's line of words and links by their words, read once for all the links
    # it lacks (a block of thousands of links would be read again for each).
    read: dict[int, tuple[str, dict[tuple[str, ...], str]]] = {}
    for href, anchor, target in _missing(wanted, have, al):
        where = ctx.position(target.element if target is not None else None)
        moved = None
        shown = False
        if target is not None:
            if id(target) not in read:
                read[id(target)] = (" ".join(target.words), _targets(target.links))
            line, targets = read[id(target)]
            seq = words(anchor)
            shown = " ".join(seq) in line
            moved = targets.get(tuple(seq)) if seq else None
        if moved is not None:
            what = f'link retargeted: "{anchor}" links to {moved}'
        else:
            what = (
                f'link {"unwrapped" if shown else "dropped"}: "{anchor}" no longer links to {href}'
            )
        yield Finding(
            f'{what}; expected <a href="{href}">',
            evidence=href,
            line=where.line,
            column=where.column,
        )


def _targets(links: list[tuple[str, str]]) -> dict[tuple[str, ...], str]:
    """The target of the first link with each wording in a copy's block."""
    found: dict[tuple[str, ...], str] = {}
    for href, text in links:
        found.setdefault(tuple(words(text)), href)
    return found


def _linkable(href: str) -> bool:
    """A link the embed keeps: a web, mail or site-relative address a browser can follow."""
    return href.lower().startswith(("http:", "https:", "mailto:", "/")) and urls.followable(href)


def _missing(
    wanted: list[tuple[str, str, int]], have: Counter[str], al: Alignment
) -> Iterator[tuple[str, str, Block | None]]:
    """The original's links the copy lacks, each with the copy block where it belongs: where
    a target is short, those whose copy block lacks it (else the last ones)."""
    # Each target's links, and each copy block's targets, are read once: a page of thousands
    # of links would otherwise read them all again for each one missing.
    by_key: dict[str, list[tuple[str, str, int]]] = {}
    for h, t, i in wanted:
        by_key.setdefault(url_key(h), []).append((h, t, i))
    block_keys: dict[int, set[str]] = {}
    for key, links in by_key.items():
        short = len(links) - have.get(key, 0)
        if short <= 0:
            continue
        placed = [(h, t, al.copy_block_for(i)) for h, t, i in links]
        lacking = []
        for h, t, block in placed:
            if block is not None and id(block) not in block_keys:
                block_keys[id(block)] = {url_key(x) for x, _ in block.links}
            if block is None or key not in block_keys[id(block)]:
                lacking.append((h, t, block))
        yield from (lacking + placed[::-1])[:short]
