"""The publisher's tracking pixel for an article: found on the page or built from a template."""

from __future__ import annotations

import string
from urllib.parse import quote

from syndicate.models import Article
from syndicate.policy.profile import Pixel


def page_pixel(article: Article, pixel: Pixel) -> str | None:
    """The first pixel on the page that the profile recognises as the publisher's."""
    return next(
        (url for url in article.tracking_pixels if any(m in url for m in pixel.match)), None
    )


def template_fields(article: Article) -> dict[str, str | None]:
    """What a pixel template may use: ``{post_id}``, ``{canonical_url}``, ``{url}``."""
    return {
        "post_id": article.post_id,
        "canonical_url": article.canonical_url or article.url,
        "url": article.url or article.canonical_url,
    }


def missing_fields(template: str, article: Article) -> tuple[str, ...]:
    """The template's fields that this article cannot fill."""
    values = template_fields(article)
    used = [field for _, field, _, _ in string.Formatter().parse(template) if field]
    return tuple(dict.fromkeys(f for f in used if not values.get(f)))


def template_pixel(article: Article, pixel: Pixel) -> str | None:
    """The pixel built from the profile's template, or None when a field is missing."""
    if pixel.template is None or missing_fields(pixel.template, article):
        return None
    values = {k: quote(v, safe="") for k, v in template_fields(article).items() if v}
    return pixel.template.format_map(values)


def resolve_pixel(article: Article, pixel: Pixel) -> str | None:
    """The pixel a copy must carry, by the profile's ``pixel.source``; None if none can be had."""
    if pixel.source == "page":
        return page_pixel(article, pixel)
    if pixel.source == "template":
        return template_pixel(article, pixel)
    return page_pixel(article, pixel) or template_pixel(article, pixel)
