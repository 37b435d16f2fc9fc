"""The typed Python front door: each function takes a SOURCE or an Article."""

from __future__ import annotations

from syndicate import source as _source
from syndicate.models import Article
from syndicate.parse import parse_article
from syndicate.source import Limits


def read_article(source: str, *, limits: Limits | None = None) -> Article:
    """Read and parse one SOURCE: a file path, an http(s) URL, or ``-`` for standard input."""
    doc = _source.read(source, limits=limits)
    return parse_article(doc.data, url=doc.url, encoding=doc.encoding)


def as_article(source_or_article: str | Article, *, limits: Limits | None = None) -> Article:
    """An Article as given, or read from a SOURCE."""
    if isinstance(source_or_article, Article):
        return source_or_article
    return read_article(source_or_article, limits=limits)
