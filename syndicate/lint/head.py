"""The copy's own links to where the story lives: ``rel=canonical`` and ``og:url``."""

from __future__ import annotations

import lxml.html

from syndicate.lint.locate import iter_live


def canonical_links(root: lxml.html.HtmlElement) -> list[tuple[lxml.html.HtmlElement, str]]:
    """Every ``<link rel="canonical" href>``, in page order (``rel`` is a token list)."""
    return [
        (link, link.get("href", "").strip())
        for link in iter_live(root, "link")
        if "canonical" in link.get("rel", "").lower().split() and link.get("href", "").strip()
    ]


def og_urls(root: lxml.html.HtmlElement) -> list[tuple[lxml.html.HtmlElement, str]]:
    """Every ``<meta property="og:url" content>``, in page order."""
    return [
        (meta, meta.get("content", "").strip())
        for meta in iter_live(root, "meta")
        if (meta.get("property") or meta.get("name") or "").strip().lower() == "og:url"
        and meta.get("content", "").strip()
    ]
