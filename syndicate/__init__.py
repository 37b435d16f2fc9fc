"""syndicate: republish news articles by the publisher's rules.

>>> import syndicate
>>> article = syndicate.parse_article(html_bytes, url="https://forward.com/...")
"""

from __future__ import annotations

__version__ = "0.1.0"

from syndicate.api import check, lint, load_profile, read_article, snippet
from syndicate.errors import (
    ConfigError,
    FetchError,
    HTTPStatusError,
    NotHTML,
    ParseError,
    Refused,
    SourceError,
    SyndicateError,
    TooLarge,
)
from syndicate.models import Article, Embed, Image, Origin, Snippet, Verdict, Violation
from syndicate.parse import parse_article
from syndicate.policy.profile import Profile

__all__ = [
    "Article",
    "ConfigError",
    "Embed",
    "FetchError",
    "HTTPStatusError",
    "Image",
    "NotHTML",
    "Origin",
    "ParseError",
    "Profile",
    "Refused",
    "Snippet",
    "SourceError",
    "SyndicateError",
    "TooLarge",
    "Verdict",
    "Violation",
    "__version__",
    "check",
    "lint",
    "load_profile",
    "parse_article",
    "read_article",
    "snippet",
]
