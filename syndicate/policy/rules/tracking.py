"""Tracking: can a copy carry the publisher's pixel?"""

from __future__ import annotations

from collections.abc import Iterator

from syndicate.policy.engine import ArticleContext
from syndicate.policy.pixel import missing_fields, page_pixel, resolve_pixel
from syndicate.policy.registry import Finding, rule


@rule(
    "pixel-unavailable",
    summary="Neither the page nor the profile's template gives the publisher's tracking pixel.",
    severity="warning",
    scope="article",
)
def pixel_unavailable(ctx: ArticleContext) -> Iterator[Finding]:
    """Publishers count republications with a tracking pixel that every copy must keep
    (``pixel.required``). It is taken from the page (``pixel.source = "page"``: a URL that
    contains one of ``pixel.match``), built from ``pixel.template`` (``"template"``), or
    either (``"page-or-template"``). When neither works, no compliant copy can be made.
    It is a warning by default: the story's rights are not in question, only the copy.

    Fails (Forward profile): a page with no ``republication-pixel=true`` image and no post
    id for ``https://forward.com/?republication-pixel=true&post={post_id}``.

    Passes: ``<img src="https://forward.com/?republication-pixel=true&post=203040">`` in the
    republish box.
    """
    pixel, article = ctx.profile.pixel, ctx.article
    if (
        not pixel.required
        or resolve_pixel(article, pixel, domains=ctx.profile.publisher.domains) is not None
    ):
        return
    wanted = " or ".join(repr(m) for m in pixel.match)
    reasons = []
    if pixel.source != "template" and page_pixel(article, pixel) is None:
        reasons.append(f"no tracking pixel on the page (expected a URL with {wanted})")
    if pixel.source != "page":
        if pixel.template is None:
            reasons.append("the profile has no pixel template")
        else:
            fields = ", ".join(f"{{{f}}}" for f in missing_fields(pixel.template, article))
            reasons.append(f"the page gives no {fields} for the pixel template")
    yield Finding("; ".join(reasons), evidence=pixel.template)
