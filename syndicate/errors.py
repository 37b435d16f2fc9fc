"""The errors syndicate raises.

Every failure that is the input's fault, not syndicate's, is a ``SyndicateError``;
the CLI turns each into one line on stderr and exit code 2.

    SyndicateError
    ├── ConfigError            a profile or config file is missing, malformed or invalid
    ├── SourceError            a SOURCE could not be read
    │   ├── FetchError         network failure: refused, DNS, timeout, redirect loop, bad scheme
    │   ├── HTTPStatusError    the server answered 4xx or 5xx
    │   ├── TooLarge           the document is over the size cap
    │   ├── NotHTML            empty, binary, or a non-HTML type such as a PDF
    │   └── NotAnArticle       HTML with no story text: a section front, an error page
    ├── ParseError             the document could not be turned into a tree
    └── Refused                the publisher's policy does not allow republishing the story
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from syndicate.models import Verdict


class SyndicateError(Exception):
    """Base of every error syndicate raises on purpose."""


class ConfigError(SyndicateError):
    """A profile or configuration file could not be loaded or is invalid."""


class SourceError(SyndicateError):
    """A SOURCE (file, URL or standard input) could not be read."""


class FetchError(SourceError):
    """A URL could not be fetched: connection, timeout, redirects or scheme."""


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status


class TooLarge(SourceError):
    """The document is larger than the configured cap."""


class NotHTML(SourceError):
    """The document is empty, binary, or of a type that is not HTML."""


class NotAnArticle(SourceError):
    """The page holds no story text (a section front, an error page, a page its scripts
    fill in): there is nothing to extract, judge or republish."""


class ParseError(SyndicateError):
    """The document could not be parsed into an HTML tree."""


class Refused(SyndicateError):
    """The publisher's policy refuses the story: no embed is made. ``verdict`` says why."""

    def __init__(self, message: str, *, verdict: Verdict) -> None:
        super().__init__(message)
        self.verdict = verdict
