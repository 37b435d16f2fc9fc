"""The exact headline: the visible ``<h1>`` when the page's structured titles agree with it.

``<title>`` and og:title often carry the site's name (``Headline | The Forward``,
``Site - Headline``); that part is removed only when it is the site's name or host.
"""

from __future__ import annotations

import re

from syndicate.parse.authors import clean_text

# Separators between a headline and a site name in <title> and og:title.
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/|:)\s+")
# An h1 shorter than this is a logo or a label ("Menu", "News"), not a headline.
MIN_H1_CHARS = 8


def fold(text: str) -> str:
    """``text`` folded for comparison: lower case, without spaces or punctuation."""
    return re.sub(r"\W+", "", text.casefold())


def is_site_name(part: str, *, site: str | None, host: str | None) -> bool:
    """True when ``part`` names the site: its og:site_name / publisher, or its host name."""
    key = fold(part)
    if not key:
        return False
    if site and (key == fold(site) or key == fold(re.sub(r"^the\s+", "", site, flags=re.I))):
        return True
    if host:
        bare = fold(host.removeprefix("www."))
        stem = fold(host.removeprefix("www.").rsplit(".", 1)[0])
        short = re.sub(r"^the", "", key)
        return key in (bare, stem) or (len(short) >= 4 and short in bare)
    return False


def brand(name: str | None, *, host: str | None) -> str | None:
    """A site's name without the tagline written beside it ("LinkNaija | Nigeria's popular
    news platform", "SFist - San Francisco News, Restaurants, Events, & Sports"): the one part
    that spells the host's name, or ``name`` whole when no part, or more than one, does."""
    if not name or not host:
        return name
    parts = _SEPARATORS.split(name)
    if len(parts) < 2:
        return name
    bare = host.removeprefix("www.")
    keys = (fold(bare), fold(bare.rsplit(".", 1)[0]), fold(bare.split(".", 1)[0]))
    named = [part for part in parts if fold(re.sub(r"^the\s+", "", part, flags=re.I)) in keys]
    return named[0] if len(named) == 1 else name


def strip_site(title: str, *, site: str | None, host: str | None) -> str:
    """``title`` without a leading or trailing site name."""
    title = clean_text(title)
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    seps = _SEPARATORS.findall(title)
    while len(parts) > 1 and is_site_name(parts[-1], site=site, host=host):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and is_site_name(parts[0], site=site, host=host):
        parts.pop(0)
        seps.pop(0)
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        out += sep + part
    return out


def pick_title(
    *,
    h1s: list[str],
    structured: list[str | None],
    page_title: str | None,
    site: str | None,
    host: str | None,
) -> str | None:
    """The headline, by the precedence in ``metadata``'s docstring."""
    named = [clean_text(s) for s in [*structured, page_title] if s and clean_text(s)]
    heads = [h for h in h1s if len(h) >= MIN_H1_CHARS] or h1s
    for text in named:
        key = fold(text)
        for h1 in heads:
            h_key = fold(h1)
            if h_key and key == h_key and h1.isupper() and not text.isupper():
                # An all-capitals h1 is the page's typography (often CSS text-transform).
                return text
            if h_key and (key == h_key or (key.startswith(h_key) and _suffix_ok(text, h1))):
                return h1
    real = list(dict.fromkeys(h for h in heads if not is_site_name(h, site=site, host=host)))
    if len(real) == 1 and len(real[0]) >= MIN_H1_CHARS:
        return real[0]
    for text in named:
        stripped = strip_site(text, site=site, host=host)
        if stripped and not is_site_name(stripped, site=site, host=host):
            return stripped
    return heads[0] if heads else None


def _suffix_ok(text: str, h1: str) -> bool:
    """True when ``text`` is ``h1`` followed by a separator (a site name, a section)."""
    rest = text[len(h1) :] if text.casefold().startswith(h1.casefold()) else ""
    return bool(rest) and bool(_SEPARATORS.match(rest))


# The longest <title> read for a site name; real ones stay under 200 characters.
MAX_TITLE_CHARS = 500
# The most words a site name written beside the headline has ("Yosemite National Park (U.S.
# National Park Service)"); a longer part is a tagline or a second headline.
MAX_SITE_WORDS = 8
# Parts that name a kind of page or a section, not the site ("Headline | Blog").
_NOT_SITE = frozenset(
    ["blog", "news", "home", "homepage", "article", "articles", "post", "posts", "opinion",
     "story", "stories", "insights", "resources", "page", "magazine", "podcast", "video"]
)  # fmt: skip
# A part holding these is a tagline, a sentence or a byline ("Online Courses, Learning
# Paths, and Certifications", "Realize your potential.", "by Jane Doe"), not a name.
_TAGLINE = re.compile(r"[,?!…]|\.\.\.|\.$|^by\s", re.IGNORECASE)


def site_in_title(page_title: str | None, *, headline: str | None, host: str | None) -> str | None:
    """The site's name as ``<title>`` writes it beside the headline ("Headline | Tarkett",
    "Psychiatry.org - Headline"): the outermost part on the other side of a separator.

    Only when the title holds the headline whole at one end, and the part is short and reads
    as a name: not a tagline, not a bare section word ("Blog"), unless it is the host's name.
    """
    if not page_title or not headline or len(page_title) > MAX_TITLE_CHARS:
        return None  # a <title> left open runs over the whole page
    text, key = clean_text(page_title), fold(headline)
    parts = _SEPARATORS.split(text)
    if len(parts) < 2 or not key:
        return None
    ends = range(1, len(parts))
    if any(fold(" ".join(parts[:i])) == key for i in ends):
        part = parts[-1]
    elif any(fold(" ".join(parts[i:])) == key for i in ends):
        part = parts[0]
    else:
        return None
    if is_site_name(part, site=None, host=host):
        return part
    if (
        len(part.split()) > MAX_SITE_WORDS
        or _TAGLINE.search(part)
        or fold(part) in _NOT_SITE
        or not any(c.isalpha() for c in part)
    ):
        return None
    return part
