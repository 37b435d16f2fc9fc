"""The publisher's tracking pixel for an article: found on the page or built from a template."""

from __future__ import annotations

import string
from urllib.parse import quote

from syndicate.models import Article
from syndicate.policy.outlets import host_of, on_domain
from syndicate.policy.profile import Pixel


def page_pixel(article: Article, pixel: Pixel, *, domains: tuple[str, ...] = ()) -> str | None:
    """The pixel on the page that the profile recognises as the publisher's.

    One served from the publisher's own ``domains`` wins over an earlier one from elsewhere
    (a page can carry a partner's or a wire service's republication pixel too).
    """
    matching = [u for u in article.tracking_pixels if any(m in u for m in pixel.match)]
    own = [u for u in matching if on_domain(host_of(u), domains)]
    return next(iter(own or matching), None)


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


def resolve_pixel(article: Article, pixel: Pixel, *, domains: tuple[str, ...] = ()) -> str | None:
    """The pixel a copy must carry, by the profile's ``pixel.source``; None if none can be had.

    ``domains`` are the publisher's own: a page pixel served from them is preferred.
    """
    if pixel.source == "page":
        return page_pixel(article, pixel, domains=domains)
    if pixel.source == "template":
        return template_pixel(article, pixel)
    return page_pixel(article, pixel, domains=domains) or template_pixel(article, pixel)
