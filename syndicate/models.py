"""The data syndicate works on: frozen pydantic models, no I/O.

``Article`` is what the parser reads off a page; ``Verdict`` is what the policy and
the linter say about it; ``Snippet`` is the embed the emitter builds.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]
OriginKind = Literal[
    "byline",  # "By Ron Kampeas, JTA" / an organisation byline of an agency
    "dateline",  # "JERUSALEM (JTA) —"
    "note",  # "This article originally appeared on ..." / "reprinted with permission"
    "kicker",  # "From Haaretz"
    "jsonld",  # sourceOrganization, isBasedOn, copyrightHolder
    "canonical",  # rel=canonical on another site
    "meta",  # other structured hints (e.g. a syndication source meta tag)
]
EmbedKind = Literal["tweet", "instagram", "facebook", "tiktok", "video", "audio", "iframe"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Origin(_Model):
    """One sign on the page that the piece came from another publication."""

    name: str = Field(description="The publication the sign names, e.g. 'JTA'.")
    kind: OriginKind = Field(description="Where on the page the sign was found.")
    evidence: str = Field(description="The markup or text that says so, quoted.")
    url: str | None = Field(default=None, description="A link the sign carries, if any.")


class Image(_Model):
    src: str
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None


class Embed(_Model):
    kind: EmbedKind
    url: str


class Article(_Model):
    """A news article as read off its page; every field comes from the page alone."""

    url: str | None = Field(default=None, description="Where the page was read from.")
    canonical_url: str | None = None
    title: str | None = None
    byline: str | None = Field(default=None, description="The byline as displayed.")
    authors: tuple[str, ...] = Field(
        default=(), description="Person names, or the organisation when it is the byline."
    )
    published: str | None = Field(default=None, description="ISO 8601.")
    modified: str | None = Field(default=None, description="ISO 8601.")
    publisher: str | None = None
    section: str | None = None
    language: str | None = None
    post_id: str | None = Field(default=None, description="The CMS's id for the story.")
    origin: tuple[Origin, ...] = Field(
        default=(), description="Signs that the piece came from another publication."
    )
    body_html: str = ""
    body_text: str = ""
    images: tuple[Image, ...] = ()
    tracking_pixels: tuple[str, ...] = ()
    embeds: tuple[Embed, ...] = ()


class Violation(_Model):
    """One finding of a rule: what was seen, what was expected, and where."""

    rule: str
    severity: Severity
    message: str
    evidence: str | None = None
    line: int | None = None
    column: int | None = None


class Verdict(_Model):
    """What the rules say about an article or a copy."""

    source: str | None = None
    violations: tuple[Violation, ...] = ()

    @property
    def ok(self) -> bool:
        """True when no violation is an error."""
        return not any(v.severity == "error" for v in self.violations)

    @property
    def republishable(self) -> bool:
        """For an article's verdict: True when it may be republished (the same as ``ok``)."""
        return self.ok


class Snippet(_Model):
    """The embed a partner pastes: ``head`` goes in <head>, ``body`` where the story goes."""

    head: str
    body: str

    @property
    def html(self) -> str:
        return self.head + "\n" + self.body
