"""Bylines written in the story's own language: "By A and B", "Von A und B", "Par A et B".

The emitter writes the snippet's byline with these words, and lint expects them in a copy, so
a German story republished from its snippet reads "Von Anna Müller und Jörg Schmidt", not an
English line in the middle of German text. A language not listed here gets English.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple


class Words(NamedTuple):
    """How one language opens a byline and joins its last two names."""

    lead: str  # before one name
    leads: str  # before several names
    and_: str


ENGLISH = Words("By", "By", "and")
WORDS: dict[str, Words] = {
    "en": ENGLISH,
    "de": Words("Von", "Von", "und"),
    "fr": Words("Par", "Par", "et"),
    "es": Words("Por", "Por", "y"),
    "pt": Words("Por", "Por", "e"),
    "gl": Words("Por", "Por", "e"),
    "it": Words("Di", "Di", "e"),
    "nl": Words("Door", "Door", "en"),
    "sv": Words("Av", "Av", "och"),
    "no": Words("Av", "Av", "og"),
    "nb": Words("Av", "Av", "og"),
    "nn": Words("Av", "Av", "og"),
    "da": Words("Af", "Af", "og"),
    "pl": Words("Autor:", "Autorzy:", "i"),
}
"""Byline words by primary language subtag (the ``de`` of ``de-AT``)."""


def words_for(language: str | None) -> Words:
    """The byline words of a language tag ("de", "de-AT", "pt_BR"); English when unknown."""
    primary = (language or "").strip().replace("_", "-").split("-")[0].casefold()
    return WORDS.get(primary, ENGLISH)


def byline(names: list[str] | tuple[str, ...], language: str | None = None) -> str:
    """ "By A", "By A and B", "By A, B and C", in ``language``'s words."""
    words = words_for(language)
    if not names:
        return ""
    joined = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {words.and_} {names[-1]}"
    return f"{words.lead if len(names) == 1 else words.leads} {joined}"


def has_lead(text: str, language: str | None = None) -> bool:
    """True when ``text`` opens with a byline's first word, English or ``language``'s, with
    or without a colon ("By: Jane Doe", "Autor: Jan Nowak")."""
    first = text.split(maxsplit=1)[0].casefold().rstrip(":") if text.strip() else ""
    return first in leads(language)


@lru_cache(maxsize=32)
def leads(language: str | None) -> frozenset[str]:
    """A byline's possible first words, lower case and without a colon: English's and
    ``language``'s ("by", "von")."""
    words = words_for(language)
    return frozenset(w.casefold().rstrip(":") for w in (ENGLISH.lead, words.lead, words.leads))
