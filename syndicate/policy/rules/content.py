"""Content: is there a story on the page at all?"""

from __future__ import annotations

import re
from collections.abc import Iterator

from syndicate.policy.engine import ArticleContext
from syndicate.policy.registry import Finding, rule

MIN_WORDS = 25
"""Fewer words than this in the body means the page is not a story: a section front, a
paywall stub, an error page or a video with a caption. The shortest news briefs run longer."""
# Scripts written without spaces between words, and about how many of their characters make
# a word: Chinese and Japanese (two), Thai, Lao, Khmer and Burmese (six).
_IDEOGRAPHS = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_UNSPACED = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
CHARS_PER_IDEOGRAPH_WORD = 2
CHARS_PER_UNSPACED_WORD = 6


def word_count(text: str) -> int:
    """Words in ``text``: spaced words, and the words of scripts written without spaces
    estimated from their characters (a Chinese story of 600 characters is some 300 words,
    not the dozen runs between its spaces)."""
    ideographs = len(_IDEOGRAPHS.findall(text))
    unspaced = len(_UNSPACED.findall(text))
    if not (ideographs or unspaced):
        return len(text.split())
    spaced = len([w for w in text.split() if not (_IDEOGRAPHS.search(w) or _UNSPACED.search(w))])
    return spaced + ideographs // CHARS_PER_IDEOGRAPH_WORD + unspaced // CHARS_PER_UNSPACED_WORD


@rule(
    "body-empty",
    summary="No article text was found on the page: it is not a story that can be republished.",
    severity="error",
    scope="article",
)
def body_empty(ctx: ArticleContext) -> Iterator[Finding]:
    """``check`` judges stories. A page where the parser finds no body (or only a line or two)
    is a section front, a paywall stub, an error page, or a page the parser cannot read;
    saying it "may be republished" would be saying it of nothing. The CLI refuses a page with
    no story text at all before judging it (``not an article``, exit 2, like any unreadable
    source); this rule is what a page with a line or two, or an API caller's empty Article,
    meets. Chinese, Japanese, Thai and the other scripts written without spaces are counted
    in words estimated from their characters.

    Fails: a paywall stub of two sentences; an empty Article judged through the API.

    Passes: a news story of a few paragraphs.
    """
    words = word_count(ctx.article.body_text)
    if words < MIN_WORDS:
        yield Finding(
            f"no article body found ({words} words of text); expected a story of at least "
            f"{MIN_WORDS} words"
        )
