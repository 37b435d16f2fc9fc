"""HTML to ``Article``: one parse, then small readers over the same tree.

bytes --document.load--> tree
      --metadata-->  title, byline, authors, dates, canonical, publisher ...
      --body------>  body_html, body_text, images, embeds
      --pixels---->  tracking pixels
      --origin---->  signs that the piece came from elsewhere
"""

from __future__ import annotations

from syndicate.models import Article
from syndicate.parse import document, mojibake
from syndicate.parse.body import extract_body
from syndicate.parse.metadata import extract_metadata
from syndicate.parse.origin import find_origin
from syndicate.parse.pixels import find_pixels

__all__ = ["parse_article"]


def parse_article(
    data: bytes | str, *, url: str | None = None, encoding: str | None = None
) -> Article:
    """Read an article off an HTML page.

    ``url`` is where the page lives (links are resolved against it when the page has no
    better base); ``encoding`` is the charset the transport declared, if any.
    """
    root = document.load(data, encoding=encoding)
    meta = extract_metadata(root, url=url)
    base = url or meta.canonical_url
    body = extract_body(root, url=base, title=meta.title)
    # Mangled text the page escaped as entities ("isn&acirc;&euro;&trade;t") is only seen
    # once parsed: the fields a reader sees are read back here too.
    repair = mojibake.repair
    return Article(
        url=url,
        canonical_url=meta.canonical_url,
        title=meta.title and repair(meta.title),
        byline=meta.byline and repair(meta.byline),
        authors=meta.authors,
        published=meta.published,
        modified=meta.modified,
        publisher=meta.publisher,
        section=meta.section,
        language=meta.language,
        post_id=meta.post_id,
        origin=find_origin(root, meta=meta, body=body, url=url),
        body_html=repair(body.html),
        body_text=repair(body.text),
        images=body.images,
        tracking_pixels=find_pixels(root, url=base),
        embeds=body.embeds,
    )
