"""Copy rules on media: the original's images stay out when the profile drops them."""

from __future__ import annotations

from collections.abc import Iterator

from syndicate.lint.context import CopyContext
from syndicate.lint.locate import iter_live
from syndicate.lint.text import host_of, image_key
from syndicate.policy.registry import Finding, rule

# Where an image's URL may be written: src, lazy-loading attributes, and srcset candidates.
IMAGE_ATTRS = ("src", "data-src", "data-lazy-src", "data-original")
SRCSET_ATTRS = ("srcset", "data-srcset")
IMAGE_TAGS = ("img", "source", "amp-img")
# Tracking pixels are images by tag only; these query flags and sizes mark them.
PIXEL_SIZE = ("1", "1px", "0")


def _urls(element: object) -> list[str]:
    get = getattr(element, "get")  # noqa: B009 - lxml elements, typed loosely by the stubs
    found = [get(a, "").strip() for a in IMAGE_ATTRS if get(a, "").strip()]
    for attr in SRCSET_ATTRS:
        found += [c.split()[0] for c in get(attr, "").split(",") if c.strip()]
    return found


@rule(
    "image-present",
    summary="The copy re-inserts an image of the original that the profile drops.",
    scope="copy",
)
def image_present(ctx: CopyContext) -> Iterator[Finding]:
    """Photos are licensed apart from the text, so a profile that drops images
    (``[copy] drop = ["images"]``) forbids putting the original's back. An image counts as
    the original's when its URL (size suffix, query and scheme aside) is one of the
    original's images, or is served from the publisher's own domains. The partner's own
    images and 1x1 pixels are fine.

    Fails: ``<img src="https://forward.com/wp-content/uploads/2014/08/askhamas-twitter.jpg">``.

    Passes: the partner's ``<img src="https://partner.example/ads/banner.png">``.
    """
    if "images" not in ctx.profile.copy_.drop:
        return
    originals = {image_key(i.src) for i in ctx.original.images}
    domains = tuple(d.lower().removeprefix("www.") for d in ctx.profile.publisher.domains)
    matches = ctx.profile.pixel.match
    for tag in IMAGE_TAGS:
        for element in iter_live(ctx.root, tag):
            if element.get("width", "") in PIXEL_SIZE and element.get("height", "") in PIXEL_SIZE:
                continue
            for url in _urls(element):
                if any(m in url for m in matches):
                    continue
                host = host_of(url)
                ours = any(host == d or host.endswith("." + d) for d in domains)
                if image_key(url) in originals or ours:
                    where = ctx.position(element)
                    yield Finding(
                        f"image {url} is the original's; expected no images of the original "
                        "(they are licensed separately)",
                        evidence=url,
                        line=where.line,
                        column=where.column,
                    )
                    break
