"""Origin: was the story first published by someone else, who may not want it passed on?"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from syndicate.models import Origin
from syndicate.policy.engine import ArticleContext
from syndicate.policy.outlets import links_to, names, normalize
from syndicate.policy.profile import Profile
from syndicate.policy.registry import Finding, rule

EVIDENCE_CHARS = 160
"""Quoted evidence is cut to this length in messages: a whole endnote would drown the verdict."""
KIND_WORDS = {
    "byline": "byline",
    "dateline": "dateline",
    "note": "note",
    "kicker": "kicker",
    "jsonld": "JSON-LD",
    "canonical": "canonical link",
    "meta": "meta tag",
}

Standing = Literal["blocked", "allowed", "own", "other"]


def classify(sign: Origin, profile: Profile) -> tuple[Standing, str]:
    """Whom the sign names under ``profile``, and that publication's name.

    A name is trusted before a link (a JTA byline may link to an author page on the
    publisher's own site), and blocked outlets are tried first: a wrong "may republish"
    is a copyright breach, a wrong "may not" only a lost republication.
    """
    policy, publisher = profile.origin, profile.publisher
    for test in (names, links_to):
        for outlet in policy.blocked:
            if test(outlet, sign):
                return "blocked", outlet.name
        for outlet in policy.allowed:
            if test(outlet, sign):
                return "allowed", outlet.name
        if test(publisher, sign):
            return "own", publisher.name
    return "other", sign.name


def quote(sign: Origin) -> str:
    """``byline 'By Ron Kampeas, JTA'``: the kind of sign and its evidence, quoted."""
    text = " ".join(sign.evidence.split())
    if len(text) > EVIDENCE_CHARS:
        text = text[: EVIDENCE_CHARS - 1].rstrip() + "…"
    return f"{KIND_WORDS.get(sign.kind, sign.kind)} {text!r}"


@rule(
    "origin-blocked",
    summary="The story originated with a publication whose stories may not be republished.",
    severity="error",
    scope="article",
)
def origin_blocked(ctx: ArticleContext) -> Iterator[Finding]:
    """Publishers carry stories they do not own: wire copy, partner pieces, reprints. Those
    are not theirs to offer again, so a story that says it came from a blocked outlet
    (``[[origin.blocked]]``, matched by name, alias or domain), or from any other
    publication when ``origin.block_other`` is true, may not be republished. Outlets in
    ``[[origin.allowed]]`` and the publisher itself never block.

    The signs are read off the page by the parser: an agency byline or dateline, an
    "originally appeared in" note, an agency's closing line ("The Associated Press
    contributed to this report", "Copyright 2025 NPR"), a "From Haaretz" kicker, JSON-LD
    ``sourceOrganization`` or ``isBasedOn``, a canonical link to another site. A story that
    merely mentions, quotes or links another outlet carries no sign.

    Fails (Forward profile): a byline ``By Ron Kampeas, JTA``; a closing note
    ``This story first appeared in Tablet Magazine.``

    Passes: a Forward staff byline; a paragraph saying ``as Haaretz reported``.
    """
    found: dict[str, tuple[str, list[Origin]]] = {}
    for sign in ctx.article.origin:
        standing, name = classify(sign, ctx.profile)
        if standing in ("blocked", "other"):
            if standing == "other" and not ctx.profile.origin.block_other:
                continue
            label = name if standing == "blocked" else f"{name}, another publication"
            found.setdefault(normalize(name), (label, []))[1].append(sign)
    for label, signs in found.values():
        reasons = "; ".join(dict.fromkeys(quote(s) for s in signs))
        yield Finding(f"originated with {label}: {reasons}", evidence=signs[0].evidence)
