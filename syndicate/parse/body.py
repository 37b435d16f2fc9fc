"""The article body: find the container, clean it, keep its structure.

    tree --container.find_container--> the story's element(s)
         --clean.clean------------------> what to leave out; images and embeds collected
         --blocks.write_blocks----------> one block element per line + text in paragraphs

The tree is only read, never changed or copied.

The tree is read with lxml's C-level iteration; per-node Python work is kept to the chosen
container. Nothing recurses on the tree's depth.
"""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html

from syndicate.models import Embed, Image
from syndicate.parse.blocks import cut_trailer, write_blocks
from syndicate.parse.clean import Harvest, clean
from syndicate.parse.container import find_container, jsonld_body, titled_story, visible_chars
from syndicate.parse.errorpage import is_error_page
from syndicate.parse.lead import add_lead_image
from syndicate.parse.listing import is_listing

__all__ = ["Body", "extract_body"]


@dataclass(frozen=True, slots=True)
class Body:
    """The story's body: clean HTML, plain text, and what was taken out of it."""

    html: str
    text: str
    images: tuple[Image, ...] = ()
    embeds: tuple[Embed, ...] = ()


def extract_body(
    root: lxml.html.HtmlElement, *, url: str | None = None, title: str | None = None
) -> Body:
    """Read the article body off a parsed page; an empty ``Body`` when there is no article.

    ``url`` resolves relative links and image sources; ``title`` is dropped from the body's
    start when the page repeats it there.
    """
    containers = titled_story(find_container(root), title)
    harvest = Harvest(url=url)
    html_lines: list[str] = []
    texts: list[str] = []
    sizes = [visible_chars(c) for c in containers]
    total = sum(sizes) or 1
    if containers and is_listing(root, containers, total_chars=total, url=url):
        containers = []  # cards for other stories, not a story
    if containers:
        # The heaviest element is the story's; the siblings that joined it are judged like
        # anything inside it.
        story = containers[sizes.index(max(sizes))]
        for element in containers:
            skip = clean(element, harvest, total_chars=total, judged=element is not story)
            if element in skip:
                continue
            lines, blocks = write_blocks(element, skip=skip, url=url, title=title)
            html_lines.extend(lines)
            texts.extend(blocks)
            del lines, blocks
        add_lead_image(containers, harvest)
        cut_trailer(html_lines, texts)
    # Each list is joined and let go before the next: on a page of many megabytes the lines
    # and the joined string are the largest things alive.
    html = "\n".join(html_lines)
    del html_lines
    text = "\n\n".join(texts)
    del texts
    fallback = jsonld_body(root)
    if fallback and len(fallback) > 2 * len(text) + 200:
        paragraphs = [" ".join(p.split()) for p in fallback.splitlines()]
        kept = [p for p in paragraphs if p]
        text = "\n\n".join(kept)
        html = "\n".join(f"<p>{_escape(p)}</p>" for p in kept)
    if is_error_page(text, title=title):
        return Body(html="", text="")  # "Page not found" served as a page
    return Body(
        html=html,
        text=text,
        images=tuple(harvest.images),
        embeds=tuple(harvest.embeds),
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
