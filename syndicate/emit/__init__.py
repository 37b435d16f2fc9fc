"""The compliant embed: what a partner pastes to republish a story.

    Article + Profile --rebuild (allowlist)--> headline, byline, body, credit, pixel
                      --nh3 (profile's allowlist, last line of defence)--> Snippet(head, body)

The embed is written fresh from an allowlist, never by deleting from the page: a tag or
attribute reaches it only when both the emitter and the profile allow it. Its layout:

    <h1>headline</h1>
    <p class="byline">By A and B</p>
    <p class="credit">…</p>                 (credit.position = "top")
    <p class="images-note">…</p>            (when the original had images)
    …the body: one block element per line…
    <p class="credit">…</p>                 (credit.position = "bottom")
    <img id="republication-tracker-tool-source" src="…" style="width:1px;height:1px;" alt="">

``head`` is ``<link rel="canonical" href="…">`` for the partner's ``<head>``. The same article
and profile always give the same bytes. Whether the story may be republished at all is the
policy's call (``syndicate.snippet`` asks it first); this module only writes.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Callable

import nh3

from syndicate import bylines
from syndicate.emit.rebuild import Rebuilder, absolute_url, escape_attr, escape_text, has_text
from syndicate.errors import ConfigError
from syndicate.models import Article, Snippet
from syndicate.policy.pixel import resolve_pixel
from syndicate.policy.profile import CREDIT_FIELDS, Profile, check_template
from syndicate.policy.publisher import bind

__all__ = [
    "CREDIT_FIELDS",
    "OWN_CLASSES",
    "PIXEL_ID",
    "PIXEL_STYLE",
    "emit_snippet",
    "pixel_tag",
    "sanitize",
]

PIXEL_ID = "republication-tracker-tool-source"
"""The INN Republication Tracker's id for its pixel; publishers' analytics look for it."""
PIXEL_STYLE = "width:1px;height:1px;"
"""The pixel's only style: the one ``style`` value the embed may carry, on the pixel alone."""
OWN_CLASSES = frozenset({"byline", "credit", "images-note"})
"""Classes the emitter writes so a partner can style its lines; no class of the source passes."""
WEB = frozenset({"http", "https"})


def emit_snippet(article: Article, profile: Profile) -> Snippet:
    """The embed of ``article`` under ``profile``: ``head`` for <head>, ``body`` for the story."""
    profile = bind(profile, article)
    schemes = frozenset(s.lower() for s in profile.embed.url_schemes)
    tags = frozenset(profile.embed.tags)
    attributes = {tag: frozenset(attrs) for tag, attrs in profile.embed.attributes.items()}
    base = article.url or article.canonical_url
    rebuilder = Rebuilder(base=base, tags=tags, attributes=attributes, schemes=schemes)
    canonical = absolute_url(article.canonical_url or article.url, base=base, schemes=WEB)

    body = rebuilder.blocks(article.body_html)
    credit = _credit(article, profile, canonical, rebuilder)
    lines: list[str] = []
    if article.title and article.title.strip():
        lines.append(f"<h1>{_text(article.title)}</h1>")
    byline = _byline(article)
    if byline:
        lines.append(f'<p class="byline">{_text(byline)}</p>')
    if credit and profile.credit.position == "top":
        lines.append(credit)
    note = profile.embed.images_note
    if note and (article.images or rebuilder.dropped_media):
        lines.append(f'<p class="images-note">{_text(note)}</p>')
    lines.extend(body)
    if credit and profile.credit.position == "bottom":
        lines.append(credit)
    pixel = _pixel(article, profile)
    if pixel:
        lines.append(pixel_tag(pixel))
    markup = "\n".join(lines) + "\n"
    head = f'<link rel="canonical" href="{escape_attr(canonical)}">' if canonical else ""
    return Snippet(head=head, body=sanitize(_split_long_text(markup), profile, pixel=pixel))


_LONG_TEXT_REFERENCES = 1000
"""Character references in one text run past which the run is split for the sanitizer: nh3
is quadratic in the references of one text node (200,000 "&amp;" take 0.7 s, a million
fifteen seconds), linear over many nodes."""
_TEXT_RUN = re.compile(r">[^<]+")
_AMPERSAND = re.compile(r"&(?:[#A-Za-z0-9]+;)?")
"""An ampersand, with the character reference it starts if it starts one."""
_SPLIT_EVERY = 100
"""References in a row after which the sanitizer's text node is split."""


def _split_long_text(markup: str) -> str:
    """The emitter's markup with an empty comment after every hundredth character reference
    of a long text run: the sanitizer strips the comments and writes the same text, in
    linear time. Only for the emitter's own markup, whose attribute values hold no ">"."""
    if markup.count("&") < _LONG_TEXT_REFERENCES:
        return markup
    return _TEXT_RUN.sub(_split_run, markup)


def _split_run(match: re.Match[str]) -> str:
    run = match.group(0)
    if run.count("&") < _LONG_TEXT_REFERENCES:
        return run
    # One pass over the ampersands: a pattern for "a hundred references" retried at every
    # position of a long tail with fewer left would be quadratic in the tail's length.
    pieces: list[str] = []
    start = count = 0
    for ref in _AMPERSAND.finditer(run):
        if len(ref.group(0)) == 1:  # a bare "&" starts the count again
            count = 0
            continue
        count += 1
        if count == _SPLIT_EVERY:
            pieces += (run[start : ref.end()], "<!---->")
            start, count = ref.end(), 0
    pieces.append(run[start:])
    return "".join(pieces)


def pixel_tag(url: str) -> str:
    """The pixel as the INN Republication Tracker writes it, with an empty ``alt``."""
    return f'<img id="{PIXEL_ID}" src="{escape_attr(url)}" style="{PIXEL_STYLE}" alt="">'


def sanitize(markup: str, profile: Profile, *, pixel: str | None = None) -> str:
    """Run ``markup`` through nh3 with the profile's allowlist.

    On top of the allowlist: a ``style`` passes only as the pixel's own style on an <img>, an
    <img> keeps only the pixel's id and ``src`` (so no foreign pixel), and only the
    emitter's own classes pass. Markup the emitter wrote comes out unchanged.
    """
    try:
        return nh3.clean(
            markup,
            tags=set(profile.embed.tags),
            attributes={tag: set(attrs) for tag, attrs in profile.embed.attributes.items()},
            attribute_filter=_attribute_filter(pixel),
            url_schemes=set(profile.embed.url_schemes),
            link_rel=None,
            strip_comments=True,
        )
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # nh3 reports settings it cannot apply as a Rust panic
        raise ConfigError(f"[embed]: the sanitizer cannot apply this allowlist ({exc})") from exc


def _attribute_filter(pixel: str | None) -> Callable[[str, str, str], str | None]:
    def keep(tag: str, attr: str, value: str) -> str | None:
        if attr == "style":
            return value if tag == "img" and value == PIXEL_STYLE else None
        if attr == "class":
            return value if value in OWN_CLASSES else None
        if tag == "img":
            allowed = {"src": pixel, "id": PIXEL_ID, "alt": ""}
            return value if attr in allowed and value == allowed[attr] else None
        if attr == "id":
            return None
        return value

    return keep


def _text(text: str) -> str:
    return escape_text(" ".join(text.split()))


def _byline(article: Article) -> str | None:
    """ "By A", "By A and B", "By A, B and C", in the story's language ("Von A und B"); the
    page's byline when no author is named."""
    authors = [a for a in (" ".join(a.split()) for a in article.authors) if a]
    if authors:
        return bylines.byline(authors, article.language)
    byline = " ".join((article.byline or "").split())
    if not byline:
        return None
    if bylines.has_lead(byline, article.language):
        return byline
    return f"{bylines.words_for(article.language).lead} {byline}"


def _credit(
    article: Article, profile: Profile, canonical: str | None, rebuilder: Rebuilder
) -> str | None:
    """The profile's credit line with its fields filled in (values HTML-escaped)."""
    values = {
        "canonical_url": canonical or profile.publisher.url,
        "publisher": profile.publisher.name,
        "publisher_url": profile.publisher.url,
        "title": " ".join((article.title or "").split()),
    }
    try:
        template = check_template(profile.credit.html, CREDIT_FIELDS)
    except ValueError as exc:
        raise ConfigError(f"credit.html: {exc}") from None
    out: list[str] = []
    for literal, name, _, _ in string.Formatter().parse(template):
        out.append(literal)
        if name is not None:
            out.append(html.escape(values[name], quote=True))
    inline = rebuilder.inline("".join(out))
    return f'<p class="credit">{inline}</p>' if has_text(inline) else None


def _pixel(article: Article, profile: Profile) -> str | None:
    """The publisher's pixel URL, from the page or the template; only an http(s) URL."""
    return absolute_url(
        resolve_pixel(article, profile.pixel, domains=profile.publisher.domains),
        base=None,
        schemes=WEB,
    )
