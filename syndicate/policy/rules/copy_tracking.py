"""Copy rules on tracking: the publisher's pixel, kept as published."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qsl

import lxml.html

from syndicate.lint.context import CopyContext
from syndicate.lint.locate import iter_live
from syndicate.lint.text import host_of
from syndicate.parse import urls
from syndicate.policy.pixel import resolve_pixel
from syndicate.policy.registry import Finding, rule

# Image-like elements a pixel may be written as (AMP pages use amp-img and amp-pixel).
PIXEL_TAGS = ("img", "amp-img", "amp-pixel")
# Where a lazy-loading script (a CMS plugin) moves an image's URL, leaving a placeholder
# ("data:" URL) or nothing in src: the script loads it, so the pixel counts as loaded.
LAZY_SRC_ATTRS = ("data-src", "data-lazy-src", "data-original")


def _src(element: lxml.html.HtmlElement) -> str:
    """The URL a browser running scripts loads: src, else a lazy-loader's attribute."""
    src = str(element.get("src", "")).strip()
    if src and not src.lower().startswith("data:"):
        return src
    lazy = (str(element.get(a, "")).strip() for a in LAZY_SRC_ATTRS)
    return next((u for u in lazy if u), src)


def _pixels(ctx: CopyContext) -> tuple[list[tuple[lxml.html.HtmlElement, str]], bool]:
    """The copy's publisher pixels a browser loads, and whether one hides in <noscript>."""
    match = ctx.profile.pixel.match
    live: list[tuple[lxml.html.HtmlElement, str]] = []
    live_ids: set[int] = set()
    for tag in PIXEL_TAGS:
        for element in iter_live(ctx.root, tag):
            src = _src(element)
            if src and any(m in src for m in match):
                live.append((element, src))
                live_ids.add(id(element))
    hidden = any(
        any(m in e.get("src", "") for m in match) and id(e) not in live_ids
        for tag in PIXEL_TAGS
        for e in ctx.root.iter(tag)
    )
    return live, hidden


def _endpoint(url: str) -> str:
    parts = urls.parts(url)
    return host_of(url) + (parts.path.rstrip("/") or "/")


def _expected(ctx: CopyContext) -> str | None:
    found = resolve_pixel(ctx.original, ctx.profile.pixel, domains=ctx.profile.publisher.domains)
    return urls.join(ctx.original.url or "", found) if found else None


def _ours(src: str, expected: str) -> bool:
    """A pixel at the publisher's endpoint: the expected pixel's host and path."""
    return _endpoint(src) == _endpoint(expected)


@rule(
    "pixel-missing",
    summary="The copy does not load the publisher's tracking pixel.",
    scope="copy",
)
def pixel_missing(ctx: CopyContext) -> Iterator[Finding]:
    """Publishers count republications with a pixel every copy must keep (``pixel.required``).
    A pixel only inside ``<noscript>`` does not count: browsers running scripts never load it.
    A partner's own analytics pixels are not the publisher's and do not count either. When
    the original gives no pixel (``check`` warns ``pixel-unavailable``), no copy is held to one.

    Fails: a copy without ``<img src="https://forward.com/?republication-pixel=true&post=…">``.

    Passes: the embed's ``<img id="republication-tracker-tool-source" src="…">`` kept as is.
    """
    expected = _expected(ctx)
    if not ctx.profile.pixel.required or expected is None:
        return  # no pixel can be had from the original: ``check`` says so (pixel-unavailable)
    live, hidden = _pixels(ctx)
    if any(_ours(src, expected) for _, src in live):
        return
    where = ctx.position(None)
    seen = " (only inside <noscript>, which browsers running scripts skip)" if hidden else ""
    yield Finding(
        f'no tracking pixel of the publisher{seen}; expected <img src="{expected}">',
        line=where.line,
        column=where.column,
    )


@rule(
    "pixel-altered",
    summary="The publisher's pixel is there but with another post id or other parameters.",
    scope="copy",
)
def pixel_altered(ctx: CopyContext) -> Iterator[Finding]:
    """A pixel pointing at the publisher's endpoint must carry the original's parameters, or
    the publisher counts the copy against another story (or none).

    Fails: ``…?republication-pixel=true&post=172839`` on a copy of post 172893.

    Passes: the pixel URL exactly as the original gives it (parameter order may differ).
    """
    expected = _expected(ctx)
    if expected is None:
        return
    live, _ = _pixels(ctx)
    ours = [(e, src) for e, src in live if _ours(src, expected)]
    want = dict(parse_qsl(urls.parts(expected).query, keep_blank_values=True))
    if any(dict(parse_qsl(urls.parts(s).query, keep_blank_values=True)) == want for _, s in ours):
        return
    for element, src in ours:
        have = dict(parse_qsl(urls.parts(src).query, keep_blank_values=True))
        where = ctx.position(element)
        yield Finding(_difference(have, want), evidence=src, line=where.line, column=where.column)


def _difference(have: dict[str, str], want: dict[str, str]) -> str:
    changed = [k for k in want if k in have and have[k] != want[k]]
    missing = [k for k in want if k not in have]
    extra = [k for k in have if k not in want]
    parts = []
    if changed:
        seen = ", ".join(f"{k}={have[k]}" for k in changed)
        wanted = ", ".join(f"{k}={want[k]}" for k in changed)
        parts.append(f"pixel has {seen}, expected {wanted}")
    if missing:
        parts.append("pixel lacks " + ", ".join(f"{k}={want[k]}" for k in missing))
    if extra:
        parts.append("pixel adds " + ", ".join(f"{k}={have[k]}" for k in extra))
    return "; ".join(parts)
