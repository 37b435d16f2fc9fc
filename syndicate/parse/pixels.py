"""Tracking pixels, wherever the page keeps them.

(Placeholder: textarea, template and escaped-markup pixels are being built.)
"""

from __future__ import annotations

import lxml.html


def find_pixels(root: lxml.html.HtmlElement, *, url: str | None = None) -> tuple[str, ...]:
    found = root.xpath('//img[@id="republication-tracker-tool-source"]/@src')
    return tuple(dict.fromkeys(str(src) for src in found))
