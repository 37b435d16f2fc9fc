"""What a copy-scope rule sees: the copy's tree and source, the story in it, the original."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import lxml.html

from syndicate.lint.align import Alignment, align, expected_blocks
from syndicate.lint.locate import Locator, Position
from syndicate.lint.story import Story, find_story
from syndicate.models import Article
from syndicate.policy.profile import Profile


@dataclass
class CopyContext:
    """A partner's copy next to the original it republishes, under the publisher's profile.

    ``root`` is the copy's tree: rules read it and never change it.
    """

    name: str
    text: str
    root: lxml.html.HtmlElement
    original: Article
    profile: Profile
    locator: Locator = field(init=False)

    def __post_init__(self) -> None:
        self.locator = Locator(self.text)

    @cached_property
    def story(self) -> Story:
        return find_story(self.root, self.original, self.profile)

    @cached_property
    def alignment(self) -> Alignment:
        expected = expected_blocks(self.original, self.profile, self.story)
        return align(expected, self.story.text_blocks())

    def position(self, element: lxml.html.HtmlElement | None) -> Position:
        """Line and column of ``element``; the story's, or the page's, when it has none."""
        for candidate in (element, self.story.container, self.story.scope):
            found = self.locator.position(candidate)
            if found.line is not None:
                return found
        return Position(1, 1)
