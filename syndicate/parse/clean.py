"""Decide what the story's container leaves out; take images and embeds aside.

The tree is never changed. One walk over the container decides, per element, whether it goes
(scripts, forms, share bars, inserts, captions, bylines, hidden text) and collects what the
body keeps aside: images with their captions and credits, embedded posts, videos and iframes.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TypeAlias

import lxml.html
from lxml import etree

from syndicate.models import Embed, EmbedKind, Image
from syndicate.parse import patterns as pt
from syndicate.parse import urls
from syndicate.parse.container import class_words, inner_text, text_length
from syndicate.parse.container import comments_region as _comments

Element: TypeAlias = lxml.html.HtmlElement

_NOT_WORD = re.compile(r"[^a-z0-9]+")
# A figure holding a table, a quote or a listing is text (WordPress wp-block-table and
# wp-block-pullquote), not a picture.
_TEXT_FIGURE = etree.XPath(
    "boolean(descendant::table or descendant::blockquote or descendant::pre)"
)
# An embedded social post (a blockquote classed "twitter-tweet", "instagram-media" ...).
_SOCIAL_POST = etree.XPath(
    "boolean(descendant::blockquote["
    + " or ".join(
        f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"
        for name in pt.SOCIAL_BLOCKQUOTES
    )
    + "])"
)
# An e-mail or phone field: the form (or the bare field) of a sign-up box.
_EMAIL_FIELD = etree.XPath(
    "boolean(descendant-or-self::input[@type = 'email' or @type = 'tel' or contains(@name, 'email')"
    " or contains(@placeholder, 'mail') or contains(@placeholder, 'Mail')])"
)
_MEDIA_CLASS = re.compile(r"caption|figure|image|img|photo|media|picture|video|embed")


@dataclass
class Harvest:
    """What cleaning takes out of the body and keeps: images and embeds, in order."""

    url: str | None = None
    images: list[Image] = field(default_factory=list)
    embeds: list[Embed] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set)

    def absolute(self, link: str) -> str:
        link = link.strip()
        return urls.join(self.url, link) if self.url else link

    def add_embed(self, kind: EmbedKind, link: str) -> None:
        link = self.absolute(link)
        if link and "embed " + link not in self._seen:
            self._seen.add("embed " + link)
            self.embeds.append(Embed(kind=kind, url=link))

    def add_images(self, holder: Element) -> None:
        """Every image inside ``holder`` (or ``holder`` itself), with the caption around it."""
        imgs = [holder] if holder.tag == "img" else list(holder.iter("img"))
        if not imgs:
            return
        caption, credit = _caption(_caption_holder(holder) if holder.tag == "img" else holder)
        for img in imgs:
            src = _image_src(img)
            if not src:
                continue
            src = self.absolute(src)
            if "img " + src in self._seen:
                continue
            self._seen.add("img " + src)
            alt = _clean(img.get("alt") or "") or None
            self.images.append(Image(src=src, alt=alt, caption=caption, credit=credit))


def _clean(text: str) -> str:
    # ``split`` and ``\s`` take the same characters for whitespace: the regex's result, faster.
    return " ".join(text.split())


def _real_src(el: Element, attrs: tuple[str, ...]) -> str | None:
    """The first of ``attrs`` that holds an address, not a lazy loader's placeholder."""
    for attr in attrs:
        value = (el.get(attr) or "").strip()
        if value and not pt.PLACEHOLDER_SRC.search(value):
            return value
    return None


def _image_src(img: Element) -> str | None:
    found = _real_src(img, pt.IMAGE_SRC_ATTRS)
    if found:
        return found
    for attr in ("data-srcset", "data-lazy-srcset", "srcset"):
        value = (img.get(attr) or "").strip()
        if value:
            # Candidates are split at a comma before a space: an address may hold commas
            # (an image service's "w_568,h_320,c_fill").
            first = _SRCSET_SPLIT.split(value, maxsplit=1)[0].split()[0]
            if not pt.PLACEHOLDER_SRC.search(first):
                return first
    return None


_SRCSET_SPLIT = re.compile(r",\s+")


def _caption_holder(img: Element) -> Element:
    """The small block around a bare image that also holds its caption, else the image.

    ``<div class="photo"><img ...><span class="cutline">...</span></div>`` is a figure
    written without the tag.
    """
    for level, block in enumerate(img.iterancestors()):
        if level >= pt.CAPTION_LEVELS or text_length(block) > pt.MAX_CAPTION_CHARS:
            break
        for el in block.iter():
            if el.tag == "figcaption" or (
                isinstance(el.tag, str) and pt.CAPTION_CLASS.search(class_words(el))
            ):
                return block
    return img


def _caption(holder: Element) -> tuple[str | None, str | None]:
    if holder.tag == "img":
        return None, None
    caption_el = None
    for el in holder.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "figcaption" or (
            el is not holder and pt.CAPTION_CLASS.search(class_words(el))
        ):
            caption_el = el
            break
    if caption_el is None:
        return None, None
    credit = None
    credit_text = ""
    for el in caption_el.iter():
        if (
            isinstance(el.tag, str)
            and el is not caption_el
            and pt.CREDIT_CLASS.search(class_words(el))
        ):
            credit_text = el.text_content()
            credit = _clean(credit_text) or None
            break
    full = caption_el.text_content()
    if credit_text:
        full = full.replace(credit_text, " ")
    elif found := pt.CREDIT_TEXT.search(full):
        credit = _clean(found.group("credit")) or None
        full = full[: found.start()]
    return _clean(full) or None, credit


def _hidden(el: Element) -> bool:
    style = el.get("style")
    if (
        el.get("hidden") is None
        and el.get("aria-hidden") != "true"
        and not (style and pt.HIDDEN_STYLE.search(style))
    ):
        return False
    return not _revealed(el)


def _revealed(el: Element) -> bool:
    """True for hidden content the page shows on demand or by script (a collapsed panel)."""
    if el.get("role") in pt.REVEALED_ROLES or pt.STREAMED_SEGMENT.fullmatch(el.get("id") or ""):
        return True
    return any(name != "style" and pt.COLLAPSED.search(value.lower()) for name, value in el.items())


@functools.lru_cache(maxsize=4096)
def _boilerplate_words(words: str) -> bool:
    """Whether class and id words name boilerplate (pages repeat them: cached)."""
    found = False
    # No pattern reaches across a space: each word is read apart, and cached apart (an id
    # unique to its element would make every set of words it is in new).
    for word in words.split():
        keep, boilerplate = _boilerplate_word(word)
        if keep:
            return False
        found = found or boilerplate
    return found


def _ungated(words: str) -> str:
    """A text block's class and id words without those marking it as paid-for text (a
    ``<p class="paywall">`` is a paragraph of the story behind the paywall)."""
    if not pt.GATED_WORD.search(words):
        return words
    return " ".join(word for word in words.split() if not pt.GATED_WORD.fullmatch(word))


@functools.lru_cache(maxsize=4096)
def _boilerplate_word(word: str) -> tuple[bool, bool]:
    """Whether one class or id word is a story class, and whether it names boilerplate."""
    if pt.KEEP_CLASS.search(word):
        return True, False
    return False, bool(
        pt.BOILERPLATE.search(word) or not pt.BOILERPLATE_PARTS.isdisjoint(_NOT_WORD.split(word))
    )


def _heading_words_of(heading: Element) -> str:
    """A section heading's class and id words, without an id that is the slug of its own text
    (``id="h-what-is-social-shopping"``): an anchor for links to the section, not a role."""
    words = class_words(heading)
    ident = (heading.get("id") or "").lower()
    if ident and words.endswith(ident) and _slug_of(ident, heading.text_content()):
        return words[: -len(ident)].rstrip()
    return words


def _slug_of(ident: str, text: str) -> bool:
    """True when ``ident`` is made of the words of ``text``; an id of SLUG_MIN_PARTS words or
    more may hold a few others (a "h-" prefix, counters, "youre" for "you're")."""
    parts = [p for p in _NOT_WORD.split(ident.lower()) if p]
    if not parts:
        return False
    words = set(_NOT_WORD.split(text.lower()))
    strangers = sum(1 for p in parts if p not in words)
    if len(parts) < pt.SLUG_MIN_PARTS:
        return strangers == 0
    return strangers <= max(1, int(pt.SLUG_STRANGER_SHARE * len(parts)))


@functools.lru_cache(maxsize=4096)
def _heading_words(words: str) -> bool:
    """Whether the only boilerplate in a heading's class and id words is a part word that
    names the heading itself ("header-anchor-post"): a section heading of the story."""
    if pt.BOILERPLATE.search(words):
        return False
    return pt.BOILERPLATE_PARTS.intersection(_NOT_WORD.split(words)) <= pt.HEADING_PARTS


def _embed(el: Element, harvest: Harvest) -> None:
    tag = el.tag
    src = _real_src(el, pt.FRAME_SRC_ATTRS) or ""
    if tag in ("video", "audio") and not src:
        source = el.find(".//source")
        src = source.get("src", "") if source is not None else ""
    if not src or src.startswith(("about:", "javascript:")):
        return
    if tag == "video" or pt.VIDEO_HOSTS.search(src):
        harvest.add_embed("video", src)
    elif tag == "audio" or pt.AUDIO_HOSTS.search(src):
        harvest.add_embed("audio", src)
    elif "facebook.com" in src:
        harvest.add_embed("facebook", src)
    elif "instagram.com" in src:
        harvest.add_embed("instagram", src)
    elif "twitter.com" in src or "platform.x.com" in src:
        harvest.add_embed("tweet", src)
    elif tag == "iframe":
        harvest.add_embed("iframe", src)


def _social(el: Element, harvest: Harvest) -> bool:
    """Record an embedded social post; True when ``el`` is one (it stays as a blockquote)."""
    classes = (el.get("class") or "").split()
    kind = next((pt.SOCIAL_BLOCKQUOTES[c] for c in classes if c in pt.SOCIAL_BLOCKQUOTES), None)
    if kind is None:
        return False
    links = [a.get("href") or "" for a in el.iter("a")]
    cite = el.get("cite") or el.get("data-instgrm-permalink") or ""
    status = [h for h in links if pt.TWEET_URL.match(h)] if kind == "tweet" else []
    link = status[-1] if status else cite or (links[-1] if links else "")
    if link:
        harvest.add_embed(kind, link)  # type: ignore[arg-type]
    return True


def clean(
    container: Element, harvest: Harvest, *, total_chars: int, judged: bool = False
) -> set[Element]:
    """The elements of ``container`` to leave out (with their content, not their tails).

    ``judged`` puts ``container`` itself to the same tests as what it holds (a sibling that
    joined the story's element: a script, a form or a share bar between its parts); the
    story's own element is never left out. The tree is only read: the writer skips these
    subtrees, so nothing is copied.
    """
    doomed: set[Element] = set()
    walker = etree.iterwalk(container, events=("start",))
    for _event, el in walker:
        tag = el.tag
        if el is container and not judged:
            continue
        if not isinstance(tag, str):
            doomed.add(el)
            continue
        if tag == "blockquote" and _social(el, harvest):
            continue
        if tag in ("pre", "code"):
            # Code keeps every token: highlighters mark spans "comment", "tag", "meta".
            walker.skip_subtree()
            continue
        if tag in pt.DROP_TAGS:
            if tag in pt.STRUCTURAL_TAGS and _holds_story(el, total_chars) and _prose(el):
                continue
            if tag == "figure" and _TEXT_FIGURE(el):
                continue
            if tag in pt.PROSE_BOX_TAGS and _prose_region(el):
                continue
            if tag == "header" and _section_heading(el):
                continue
            if tag in ("figure", "img", "picture"):
                harvest.add_images(el)
                if tag == "figure":  # a figure of an embedded player ("wp-block-embed")
                    for frame in el.iter("iframe", "video", "audio", "embed", "object"):
                        _embed(frame, harvest)
            elif tag in ("iframe", "video", "audio", "embed", "object"):
                _embed(el, harvest)
            elif tag in ("form", "input") and _EMAIL_FIELD(el):
                doomed.add(_signup_box(el, container, total_chars))
            doomed.add(el)
            walker.skip_subtree()
            continue
        if not el.keys() and tag not in ("ul", "ol"):
            continue  # no class, id, style or hidden flag: nothing marks it for removal
        if _layout_copy(el):
            doomed.add(el)
            walker.skip_subtree()
            continue
        # Read once for the boilerplate and popup tests.
        words = _heading_words_of(el) if tag in pt.SECTION_HEADINGS else class_words(el)
        if words and tag in pt.TEXT_BLOCK_TAGS:
            words = _ungated(words)
        if (
            _hidden(el)
            or (
                words
                and _boilerplate_words(words)
                and not _in_running_text(el)
                and not (tag in pt.SECTION_HEADINGS and _heading_words(words))
            )
            or (words and _popup_words(words) and not (el.text or "").strip())
        ):
            if not _comments(el) and (
                _holds_story(el, total_chars)
                or (not _hidden(el) and (_prose_region(el) or _SOCIAL_POST(el)))
            ):
                continue  # a story, or the wrapper of an embedded post ("social-media-embed")
            if _MEDIA_CLASS.search(class_words(el)):
                harvest.add_images(el)
                for frame in el.iter("iframe", "video", "audio"):
                    _embed(frame, harvest)
            doomed.add(el)
            walker.skip_subtree()
            continue
        if tag == "a" and (box := _author_box(el, container, total_chars)) is not None:
            doomed.add(box)
            walker.skip_subtree()
            continue
        # A link wrapping a paragraph is a card pointing to another page (a teaser: headline
        # and excerpt). A link around a heading alone is often the story's own: a product
        # name, a section anchor.
        if (
            tag == "a"
            and next(el.iter("p"), None) is not None
            and not _holds_story(el, total_chars)
        ):
            doomed.add(el)
            walker.skip_subtree()
            continue
        if tag in ("ul", "ol") and _link_list(el) and not _introduced(el, harvest.url):
            doomed.add(el)
            walker.skip_subtree()
    return doomed


def _signup_box(entry: Element, container: Element, total_chars: int) -> Element:
    """The box around a sign-up form's e-mail field: the largest block above it holding little
    else ("Sign up for our deals newsletter", "By signing up, you agree ..."), or the field."""
    box = entry
    entry_chars = text_length(entry)
    for level, block in enumerate(entry.iterancestors()):
        if level >= pt.SIGNUP_BOX_LEVELS or block is container or block.tag in pt.PAGE_TAGS:
            break
        chars = text_length(block)
        if chars - entry_chars > pt.MAX_SIGNUP_BOX_CHARS or _holds_story(block, total_chars):
            break
        box = block
    return box


def _author_box(link: Element, container: Element, total_chars: int) -> Element | None:
    """The block around a link to an author's page that also holds a sentence about them (a
    bio box without a class that names it) at the container's end, or None."""
    href = link.get("href")
    if not href or pt.AUTHOR_PAGE.search(href) is None:
        return None
    names = [name.lower() for name in _author_names(link, href)]
    if not names:
        return None
    box = None
    for level, block in enumerate(link.iterancestors()):
        if level >= pt.AUTHOR_BOX_LEVELS or block is container or block.tag in pt.PAGE_TAGS:
            break
        if text_length(block) > pt.MAX_AUTHOR_BOX_CHARS or _holds_story(block, total_chars):
            break
        if box is not None or _about(_clean(block.text_content()), names):
            box = block
    if box is None or _text_after(box, container) > pt.MAX_AFTER_AUTHOR_BOX_CHARS:
        return None  # a reviewer named inside the story: "Jane Doe has tested ..."
    return box


def _text_after(el: Element, container: Element) -> float:
    """Characters of text after ``el`` inside ``container`` (counted until past the limit)."""
    after = 0.0
    node: Element | None = el
    while node is not None and node is not container:
        for sibling in node.itersiblings():
            if isinstance(sibling.tag, str):
                after += text_length(sibling)
            if after > pt.MAX_AFTER_AUTHOR_BOX_CHARS:
                return after
        node = node.getparent()
    return after


def _about(text: str, names: list[str]) -> bool:
    """True when ``text`` holds a sentence about one of ``names`` (lower-cased first names):
    the name, then a verb of a bio ("Jane Doe is a writer", "Jane has written")."""
    low = text.lower()
    for name in names:
        at = low.find(name)
        while at >= 0:
            end = at + len(name)
            if (at == 0 or not low[at - 1].isalnum()) and pt.BIO_VERB.match(low, end):
                return True
            at = low.find(name, end)
    return False


def _author_names(link: Element, href: str) -> list[str]:
    """The first name an author link shows ("Jane Doe") and the one its address spells
    ("/author/jane-doe/"), as the bio sentence may write either."""
    names = []
    words = _clean(inner_text(link)).split()
    if words and words[0][:1].isupper() and len(words) <= 4:
        names.append(words[0])
    found = pt.AUTHOR_PAGE.search(href)
    if found is not None:
        slug = href[found.end() - 1 :].split("/")[0]
        first = _NOT_WORD.split(slug.lower())[0]
        if first.isalpha() and len(first) > 1:
            names.append(first)
    return names


def _layout_copy(el: Element) -> bool:
    """True for a copy of the previous sibling rendered for another screen size."""
    before = el.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    if before is None or before.tag != el.tag:
        return False
    if not (_responsive(el.get("class")) or _responsive(before.get("class"))):
        return False
    text = _clean(el.text_content())
    return len(text) >= pt.MIN_COPY_CHARS and text == _clean(before.text_content())


@functools.lru_cache(maxsize=4096)
def _responsive(classes: str | None) -> bool:
    """Whether a class names a layout for one screen size (pages repeat them: cached)."""
    return classes is not None and pt.RESPONSIVE.search(classes.lower()) is not None


@functools.lru_cache(maxsize=4096)
def _popup_words(words: str) -> bool:
    """Whether class and id words name a tooltip or hover card (pages repeat them: cached),
    wherever it sits (inside a sentence too). An element that starts with its own text is the
    term the card is attached to (``<a class="tooltip" title="...">clinical trials</a>``), not
    the card: ``clean`` asks this only of elements that do not."""
    return pt.POPUP.search(words) is not None


def _in_running_text(el: Element) -> bool:
    """True for an inline element inside a sentence (a link classed "recommendation-link").

    Its class names what it points to, not what it is: the sentence around it is the story.
    """
    if el.tag not in pt.INLINE_TAGS:
        return False
    tail = el.tail or ""
    parent = el.getparent()
    before = el.getprevious()
    lead = (before.tail if before is not None else parent.text if parent is not None else "") or ""
    return bool(pt.WORD.search(tail) or pt.WORD.search(lead))


def _holds_story(el: Element, total_chars: int) -> bool:
    return len(inner_text(el)) > pt.MAX_REMOVED_SHARE * total_chars


def _section_heading(header: Element) -> bool:
    """True for a ``<header>`` around one of the story's section headings (``<header><h2>2.
    Myth: ...</h2></header>``): nearly all its text is in h2-h6 headings, none a link alone (a
    card's headline), and it holds no h1 (the page's or the story's own header)."""
    text = len(_clean(inner_text(header)))
    if not text or next(header.iter("h1"), None) is not None:
        return False
    headings = list(header.iter(*pt.SECTION_HEADINGS))
    if not headings:
        return False
    heading_chars = 0
    for heading in headings:
        chars = len(_clean(inner_text(heading)))
        links = sum(len(_clean(inner_text(a))) for a in heading.iter("a"))
        if chars and links >= pt.LINK_BLOCK_DENSITY * chars:
            return False
        heading_chars += chars
    return heading_chars >= pt.SECTION_HEADER_SHARE * text


def _prose_region(el: Element) -> bool:
    """True for a region of running text not named for what is never the story."""
    return not pt.NEVER_STORY.search((el.get("class") or "").lower()) and _prose(el)


def _prose(el: Element) -> bool:
    """True when ``el`` holds paragraphs of running text, not links."""
    chars = 0
    for p in el.iter("p"):
        text = len(inner_text(p))
        links = sum(len(inner_text(a)) for a in p.iter("a"))
        if links < 0.2 * text:
            chars += text - links
    return chars >= pt.PROSE_KEEP_CHARS


def _introduced(el: Element, url: str | None) -> bool:
    """True for a list of links to other sites that the paragraph or heading before it
    introduces ("Buying options:"); links to the page's own site are a reading list."""
    before = _block_before(el)
    if before is None or before.tag not in pt.LIST_INTRO_TAGS:
        return False
    text = _clean(before.text_content())
    return (
        len(text) <= pt.MAX_LIST_INTRO_CHARS
        and pt.LIST_INTRO.search(text) is not None
        and pt.READING_INTRO.search(text) is None
        and pt.INSERT_TEXT.match(text) is None
        and _mostly_elsewhere(el, url)
    )


def _block_before(el: Element) -> Element | None:
    """The block just before ``el``, seen through the one-block wrappers that page generators
    put around every paragraph and list (``<div class="paragraph"><p>...:</p></div>
    <div class="ulist"><ul>``)."""
    node: Element | None = el
    before = None
    for _ in range(pt.BLOCK_WRAPPER_DEPTH + 1):
        if node is None:
            return None
        before = node.getprevious()
        while before is not None and not isinstance(before.tag, str):
            before = before.getprevious()
        if before is not None or _element_children(node.getparent()) != 1:
            break
        node = node.getparent()
    for _ in range(pt.BLOCK_WRAPPER_DEPTH):
        if before is None or before.tag != "div" or _element_children(before) != 1:
            break
        before = next(c for c in before if isinstance(c.tag, str))
    return before


def _element_children(el: Element | None) -> int:
    return 0 if el is None else sum(1 for c in el if isinstance(c.tag, str))


def _host(link: str) -> str:
    parts = urls.split(link.strip())
    return parts.netloc.lower().removeprefix("www.") if parts else ""


def _mostly_elsewhere(el: Element, url: str | None) -> bool:
    """True when most of ``el``'s links go to sites other than the page's (``url``)."""
    own = _host(url) if url else ""
    hosts = [_host(a.get("href") or "") for a in el.iter("a")]
    elsewhere = sum(1 for h in hosts if h and h != own)
    return 2 * elsewhere > len(hosts)


def _link_list(el: Element) -> bool:
    items = el.findall("li")
    if len(items) < 2:
        return False
    text = len(_clean(inner_text(el)))
    links = sum(len(_clean(inner_text(a))) for a in el.iter("a"))
    return text > 0 and links >= pt.LINK_LIST_DENSITY * text
