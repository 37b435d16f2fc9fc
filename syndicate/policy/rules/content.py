"""Content: is there a story on the page at all?"""

from __future__ import annotations

from collections.abc import Iterator

from syndicate.policy.engine import ArticleContext
from syndicate.policy.registry import Finding, rule

MIN_WORDS = 25
"""Fewer words than this in the body means the page is not a story: a section front, a
paywall stub, an error page or a video with a caption. The shortest news briefs run longer."""


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
    no story text at all before judging it (`not an article`, exit 2, like any unreadable
    source); this rule is what a page with a line or two, or an API caller's empty Article,
    meets.

    Fails: a tag page listing twenty headlines; a "Page not found" page.

    Passes: a news story of a few paragraphs.
    """
    words = len(ctx.article.body_text.split())
    if words < MIN_WORDS:
        yield Finding(
            f"no article body found ({words} words of text); expected a story of at least "
            f"{MIN_WORDS} words"
        )
