"""Words and URLs as the linter compares them: tolerant of what a copy may change.

A copy may differ from the original in whitespace, character entities, quote and dash styles,
ligatures, invisible characters and text a wrong charset mangled ("isnâ€™t" for "isn’t");
none of these is an alteration. Words are compared, not
punctuation, so ``—`` against ``--`` or ``“`` against ``"`` never counts.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import parse_qsl, unquote

from syndicate.parse import mojibake, urls

# A word: letters, digits and underscores. Punctuation (quotes, dashes, ellipses) is not
# compared, which is what makes quote-style and dash-style differences harmless.
WORD = re.compile(r"\w+")
# Invisible characters a CMS inserts or strips at will: soft hyphen, zero-width space and
# joiners, the byte-order mark, word joiner.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
# Query parameters a partner's CMS or newsletter tool adds to every outbound link to count
# clicks (Google's utm_*, Facebook's, Google Ads', Mailchimp's): the link still goes to
# the same page, so they are not compared.
TRACKING_PARAMS = frozenset(("fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid"))
TRACKING_PREFIX = "utm_"
# Image names WordPress and other CMSs derive from one upload: "photo-768x512.jpg".
SIZE_SUFFIX = re.compile(r"-\d{2,5}x\d{2,5}(?=\.\w+$)")


def words(text: str) -> list[str]:
    """The words of ``text``, NFKC-normalised, invisible characters removed, mangled text
    read back (one side may have been repaired when read and the other, escaped as
    entities, not)."""
    return WORD.findall(_readable(text))


def _readable(text: str) -> str:
    return unicodedata.normalize("NFKC", mojibake.repair(text.translate(INVISIBLE)))


@lru_cache(maxsize=256)
def word_spans(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``text`` as ``words`` reads it, and where each of its words is in that (cached: a
    message quotes a few blocks, each maybe several times)."""
    readable = _readable(text)
    return readable, tuple(match.span() for match in WORD.finditer(readable))


# Words in a run: blocks are matched to the original by their runs of this many words.
RUN_WORDS = 3


@lru_cache(maxsize=64)
def text_runs(text: str) -> frozenset[tuple[str, ...]]:
    """The three-word runs of ``text`` (cached: many copies share one original)."""
    return frozenset(shingles(words(text)))


@lru_cache(maxsize=64)
def word_line(text: str) -> str:
    """The words of ``text`` joined by single spaces, with a space at each end (cached)."""
    return f" {' '.join(words(text))} "


def shingles(seq: list[str], size: int = RUN_WORDS) -> set[tuple[str, ...]]:
    """The runs of ``size`` consecutive words in ``seq``."""
    return {tuple(seq[i : i + size]) for i in range(len(seq) - size + 1)}


EXCERPT_WORDS = 12
"""Words of a text quoted in a message; the rest is cut with "…"."""


URL_KEYS_KEPT = 1 << 17
"""URL keys remembered: every link of a copy and its original is keyed in several rules, and
a story of 80,000 links overflowed a smaller cache on each pass (lint took twice as long)."""
MAX_KEPT_URL = 256
"""Longer URLs are keyed afresh each time, so what is remembered stays under about 100 MB
whatever the copy (about 10 MB for 80,000 ordinary links), and lint forgets it after each
copy (``forget_url_keys``)."""


def url_key(url: str) -> str:
    """A URL as compared: no scheme, no ``www.``, no fragment, no trailing slash, sorted query
    without click-tracking parameters, percent-escapes decoded."""
    return _kept_url_key(url) if len(url) <= MAX_KEPT_URL else _url_key(url)


def forget_url_keys() -> None:
    """Drop the remembered URL keys: a long run of copies holds no more than one copy's."""
    _kept_url_key.cache_clear()


def remembered_url_keys() -> int:
    """How many URL keys are remembered now."""
    return _kept_url_key.cache_info().currsize


def _url_key(url: str) -> str:
    parts = urls.parts(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = unquote(parts.path).rstrip("/")
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = "&".join(f"{k}={v}" for k, v in sorted(pairs) if not _tracking(k))
    return f"{host}{path}" + (f"?{query}" if query else "")


_kept_url_key = lru_cache(maxsize=URL_KEYS_KEPT)(_url_key)


def _tracking(name: str) -> bool:
    key = name.lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIX)


def image_key(url: str) -> str:
    """An image URL as compared: ``url_key`` without the query and the CMS's size suffix."""
    parts = urls.parts(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    return host + SIZE_SUFFIX.sub("", parts.path)


def host_of(url: str) -> str:
    return (urls.parts(url.strip()).hostname or "").lower().removeprefix("www.")
