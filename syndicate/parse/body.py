"""The article body: find the container, clean it, keep its structure.

(Placeholder: the scoring extractor is being built.)
"""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html

from syndicate.models import Embed, Image


@dataclass(frozen=True, slots=True)
class Body:
    html: str
    text: str
    images: tuple[Image, ...] = ()
    embeds: tuple[Embed, ...] = ()


def extract_body(
    root: lxml.html.HtmlElement, *, url: str | None = None, title: str | None = None
) -> Body:
    paragraphs = [p for p in root.iter("p") if p.text_content().strip()]
    text = "\n\n".join(" ".join(p.text_content().split()) for p in paragraphs)
    html = "\n".join(lxml.html.tostring(p, encoding="unicode").strip() for p in paragraphs)
    return Body(html=html, text=text)
