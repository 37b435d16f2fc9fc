"""The story's lead image when it sits outside the body text.

Pages often put the lead ``<figure>`` in the article header, just before or after the h1, or
as a sibling before the body inside the same ``<article>``. The search looks only there: in
the story's scope (the container when it holds the headline, else the ``<article>`` around
it or the nearest ancestor holding the h1), before the story's first paragraph, never inside
links to other pages or regions named for related stories, authors, logos or ads. The tree
is only read.
"""

from __future__ import annotations

import re
from typing import TypeAlias

import lxml.html

from syndicate.parse import patterns as pt
from syndicate.parse.clean import Harvest
from syndicate.parse.container import class_words

Element: TypeAlias = lxml.html.HtmlElement

_IMAGE_LINK = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)", re.I)


def add_lead_image(containers: list[Element], harvest: Harvest) -> None:
    """Put the lead image found before the container first in ``harvest.images``."""
    if not containers:
        return
    first = containers[0]
    holds_head = first.tag == "article" or first.find(".//h1") is not None
    scope = first if holds_head else _scope(first)
    if scope is None:
        return
    found = None
    read = 0
    for el in scope.iter():
        if el is first and scope is not first:
            break
        if el.tag == "p":
            chars = len(el.text_content())
            read += chars
            if chars > pt.MIN_STORY_PARAGRAPH_CHARS or read > pt.MAX_LEAD_SEARCH_CHARS:
                break  # the story has started: its own images are the body's
        if el.tag == "img" and _lead_candidate(el, scope):
            found = el
            break
    if found is None:
        return
    holder = next((a for a in found.iterancestors("figure")), found)
    before = list(harvest.images)
    harvest.images.clear()
    harvest.add_images(holder)
    harvest.images.extend(i for i in before if i.src not in {j.src for j in harvest.images})


def _scope(container: Element) -> Element | None:
    """The <article> around the container, else the nearest ancestor that holds an h1."""
    for level, el in enumerate(container.iterancestors()):
        if el.tag in ("body", "html") or level >= pt.LEAD_SCOPE_LEVELS:
            break
        if el.tag == "article" or el.find(".//h1") is not None:
            return el
    return None


def _lead_candidate(img: Element, scope: Element) -> bool:
    for attr in ("width", "height"):
        value = (img.get(attr) or "").strip().removesuffix("px")
        if value.isdecimal() and int(value) < pt.MIN_LEAD_IMAGE_PX:
            return False
    words = f"{class_words(img)} {img.get('src') or ''} {img.get('alt') or ''}".lower()
    if pt.NOT_LEAD_IMAGE.search(words):
        return False
    for el in img.iterancestors():
        if el is scope:
            return True
        if el.tag in ("aside", "nav", "footer", "button") or (
            el.tag == "a" and not _IMAGE_LINK.search(el.get("href") or "")
        ):
            return False
        if pt.NOT_LEAD_IMAGE.search(class_words(el)):
            return False
    return False
