"""Metadata from every place a page keeps it: JSON-LD, microdata, OpenGraph, meta, markup.

(Placeholder: the full merge with precedence is being built.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import lxml.html


@dataclass(frozen=True, slots=True)
class Metadata:
    """Everything the page says about the article, merged."""

    title: str | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    byline_orgs: tuple[str, ...] = ()
    """Organisations a byline names beside its authors ("By Ron Kampeas, JTA" -> "JTA")."""
    published: str | None = None
    modified: str | None = None
    publisher: str | None = None
    section: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    post_id: str | None = None
    jsonld: tuple[dict[str, Any], ...] = field(default=())
    """The article's own JSON-LD objects (flattened out of @graph and lists)."""


def extract_metadata(root: lxml.html.HtmlElement, *, url: str | None = None) -> Metadata:
    def meta(prop: str) -> str | None:
        for el in root.xpath(f'//meta[@property="{prop}" or @name="{prop}"]'):
            value = (el.get("content") or "").strip()
            if value:
                return value
        return None

    title = meta("og:title") or (root.findtext(".//title") or "").strip() or None
    canonical = next(iter(root.xpath('//link[@rel="canonical"]/@href')), None)
    author = meta("author")
    return Metadata(
        title=title,
        byline=author,
        authors=(author,) if author else (),
        published=meta("article:published_time"),
        publisher=meta("og:site_name"),
        language=root.get("lang"),
        canonical_url=str(canonical) if canonical else url,
    )
