"""Origin signs in the body's text: a dateline that opens it, a note at its top or end.

``find_origin`` in ``origin.py`` hands the body's blocks (top-level elements of its HTML) to
``datelines`` and ``notes``; the name pattern is shared with the kicker reader there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html

from syndicate.models import Origin
from syndicate.parse import urls
from syndicate.parse.authors import AGENCIES
from syndicate.parse.container import inner_text

# How many blocks at the top and at the end of the body may hold an origin note: a note sits
# before the story or after it, possibly followed by a correction or a contact line.
TOP_NOTE_BLOCKS = 2
END_NOTE_BLOCKS = 3
# How many blocks at the top of the body may open with a dateline (a top note may come first).
DATELINE_BLOCKS = 2
# Evidence is quoted up to this many characters.
MAX_EVIDENCE = 240
# A publication's name as printed: capitalised words joined by "of", "the", "for", "&" ...
# ("Tablet Magazine", "The Times of Israel", "JTA.org", "the Jewish Journal of Greater
# Los Angeles", "eJewishPhilanthropy"), or a bare domain ("jta.org"). Lower-case words other
# than those end it ("… on March 3" stops at "on"), and a dot ends it unless a letter follows
# ("JTA.org" stays whole, "Kveller. Used" stops).
_WORD = r"(?:[A-Z0-9]|[a-z]{1,3}(?=[A-Z]))(?:[\w&'’\-]|\.(?=\w))*"
_DOMAIN = r"[a-z0-9][\w\-]*(?:\.[a-z][\w\-]*)+"
NAME = (
    rf"(?P<name>(?:[Tt]he\s+)?(?:{_WORD}(?:\s+(?:(?:of|the|for|and|de|&)\s+)*{_WORD})*"
    rf"|{_DOMAIN}))"
)
# Languages a piece may have first appeared in ("originally published in Yiddish").
_LANGUAGES = (
    r"english|spanish|french|german|hebrew|yiddish|ladino|arabic|russian|ukrainian|polish|"
    r"portuguese|italian|dutch|greek|turkish|persian|farsi|hindi|urdu|chinese|mandarin|"
    r"japanese|korean|vietnamese|indonesian|swedish|norwegian|danish|finnish|czech|hungarian|"
    r"romanian"
)
# Captures that are dates, days, issues or languages, not publications ("Originally published
# in March 2022", "first published on Monday", "originally appeared in French"). Months are
# whole words or their abbreviations, so "Marketplace" or "Novara Media" stay names.
NOT_A_NAME = re.compile(
    r"^(?:the\s+)?(?:\d|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s|$)|"
    r"(?:spring|summer|fall|autumn|winter|print|issue|volume|vol)\b|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:['’]s)?$|"
    rf"(?:{_LANGUAGES})$)",
    re.IGNORECASE,
)
# A language before the publication ("originally published in Spanish by El País").
_IN_LANGUAGE = rf"(?:(?i:{_LANGUAGES})\s+(?i:by|in|on|at)\s+)?"
# What a note talks about: this piece ("This article", "A version of this story"); "the
# essay" or "it" could be any work the story talks about, so they are not enough.
_SUBJECT = (
    r"(?i:(?:this|an?\s+(?:\w+\s+)?version\s+of\s+this)\s+"
    r"(?:article|story|piece|essay|post|report|column|interview|op-ed|review|commentary|"
    r"feature|analysis|excerpt|letter|obituary|newsletter|investigation|profile))"
)
# What the subject may say it is about before its verb ("This story about tutoring was ..."),
# never a clause of its own ("This story about a poem that first appeared in …").
_ABOUT = r"(?:\s+(?i:about|on)\s+(?:(?!(?i:that|which|who|whose)\b)[^.;:!?]){1,80}?)?"
# A note is a short paragraph of its own; a long paragraph is the story talking.
MAX_NOTE_CHARS = 400
# Origin notes; each needs the piece as its subject or opens the block, so a sentence such as
# "the phrase first appeared in a 1948 pamphlet" in the running text is not a note.
NOTE_PATTERNS = (
    # "This article originally appeared on JTA.org." / "This story was first published in …"
    re.compile(
        rf"\b{_SUBJECT}{_ABOUT}\s+(?i:(?:was|is|has\s+been|had)\s+)?(?i:originally|first)\s+"
        rf"(?i:appeared|published|ran|posted|printed|aired|run)\s+(?i:on|in|at|by|with)\s+"
        rf"{_IN_LANGUAGE}{NAME}?"
    ),
    # "A version of this story appeared in The Atlantic."
    re.compile(
        rf"\b{_SUBJECT}\s+(?i:(?:was|has\s+been)\s+)?(?i:appeared|appears|ran|was\s+published)"
        rf"\s+(?i:on|in|at|by)\s+{_IN_LANGUAGE}{NAME}?"
    ),
    # "Originally published in Haaretz." opening the block
    re.compile(
        rf"^\W*(?i:originally|first)\s+(?i:appeared|published|ran|posted)\s+"
        rf"(?i:on|in|at|by)\s+{_IN_LANGUAGE}{NAME}?"
    ),
    # "Reprinted with permission from …" ("by permission of", "courtesy of") opening the block,
    # or "This essay is republished …"; the verb must say with permission or from whom
    # ("reprinted in anthologies" is not a note).
    re.compile(
        rf"(?:^\W*|\b{_SUBJECT}\s+(?i:is|was|has\s+been|appears\s+here)\s+(?:\w+\s+)?)"
        rf"(?i:reprinted|republished|re-published|reproduced|reposted|cross-posted)"
        rf"(?=(?i:\s+here)?\s+(?i:with\s+(?:the\s+)?(?:kind\s+)?permission|from\s|by\s|"
        rf"courtesy\s+of\s))"
        rf"(?i:\s+here)?(?i:\s+(?:with|by)\s+(?:the\s+)?(?:kind\s+)?permission|\s+courtesy)?"
        rf"(?:\s+(?i:from|of|by)\s+{NAME})?"
    ),
    # WordPress feed footers that aggregators keep: "The post X appeared first on Site."
    re.compile(rf"^(?i:the\s+post)\s+.{{1,300}}?\s+(?i:appeared\s+first\s+on)\s+{NAME}"),
    # "This story was produced by …" / "… co-published with …" / "… in partnership with …",
    # also after its writer ("This story about X was written by Jane Doe and produced by …")
    re.compile(
        rf"\b{_SUBJECT}{_ABOUT}\s+(?i:was|is)\s+(?i:written\s+by\s+[^.;:!?]{{1,60}}?\s+and\s+)?"
        rf"(?i:produced\s+by|co-?published\s+(?:with|by)|"
        rf"(?:published|produced|reported)\s+in\s+(?:partnership|collaboration)\s+with)\s+"
        rf"{NAME}?"
    ),
    # A syndicate's line under a column ("©2025 The Charlotte Observer. Distributed by
    # Tribune Content Agency, LLC."); only a syndicate's name, not a film's distributor.
    re.compile(
        r"(?:^\W*|(?<=[.!?]\s))(?i:distributed|syndicated)\s+(?i:by|through)\s+"
        rf"(?P<name>(?:[Tt]he\s+)?(?:{_WORD}\s+){{0,4}}(?:Agency|Syndicate|Syndication|Features|"
        r"Writers\s+Group|Media\s+Services|News\s+Service))\b"
    ),
    # News sites that print agency copy as it comes: "(This story has not been edited by
    # our staff and is auto-generated from a syndicated feed.)"
    re.compile(r"\b(?i:auto-generated|published)\s+from\s+an?\s+(?P<name>(?i:syndicated\s+feed))"),
    # "This essay is adapted from …" / "The above is an excerpt from …, reprinted with
    # permission": the piece is a part of another publication (a book, a magazine).
    re.compile(
        rf"(?:\b{_SUBJECT}|^\W*(?i:note:\s*)?(?i:this|the\s+above|the\s+following|what\s+follows))"
        rf"\s+(?i:is|was|has\s+been)\s+(?i:an?\s+(?:edited\s+|abridged\s+)?excerpt|excerpted|"
        rf"adapted)\s+(?i:from)\s+{NAME}?"
    ),
)
# For each of NOTE_PATTERNS, the words (lower case) of which a text must hold one for the
# pattern to match: its case-blind verbs. A block without them is not searched with it.
NOTE_NEEDS: tuple[tuple[str, ...], ...] = (
    ("originally", "first"),
    ("appeared", "appears", "ran", "published"),
    ("originally", "first"),
    ("reprinted", "republished", "re-published", "reproduced", "reposted", "cross-posted"),
    ("appeared",),
    ("produced", "published", "reported"),
    ("distributed", "syndicated"),
    ("syndicated",),
    ("excerpt", "adapted"),
)
# A cheap test before the patterns above: the verbs every note uses ("appear", "adapted",
# "publish", "produced", "partnership", "reprint", "reproduc", "repost", "cross-post",
# "collaboration", "excerpt", "distributed", "syndicated"), grouped by first letter, which
# the regex engine scans faster, and the short ones with their neighbours ("originally
# posted", "first aired", "ran in"), which alone are in every other text.
NOTE_HINT = re.compile(
    r"a(?:ppear|dapted)|p(?:ublish|roduced|artnership)|re(?:print|produc|post)|"
    r"c(?:ross-post|ollaboration)|excerpt|distribut|syndicat|originally|"
    r"first\s+(?:ran|run|posted|printed|aired)|\bran\s+(?:on|in|at|by)\b",
    re.IGNORECASE,
)
# The same words in lower case, for text lowered first: four times faster than the
# case-blind scan on a story's length of text.
NOTE_HINT_LOWER = re.compile(NOTE_HINT.pattern)
# The letters that a case-blind match takes for "i" or "s" but ``str.lower`` does not turn
# into them ("İ", "ı", "ſ"): text holding one is scanned case-blind instead.
ODD_CASE = re.compile("[\u0130\u0131\u017f]")
# The known agencies and outlets (longest first), for the readers that need a known name.
AGENCY_NAMES = "|".join(sorted((re.escape(a) for a in AGENCIES), key=len, reverse=True))
# A dateline opening the body: a capitalised place, the agency in parentheses, a dash.
# The place is in capitals ("JERUSALEM", "TEL AVIV, Israel", "KYIV, Ukraine, Jan. 5",
# "BERLIN, 3. März") or absent ("(JTA) —"); the agency is capitalised, or a known one
# ("(dpa)"); a title-case opening ("The Jewish Telegraphic Agency (JTA) —") is prose.
DATELINE = re.compile(
    r"^\W{0,3}(?:(?P<place>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*"
    r"(?:,\s*[A-Z0-9][\w.,'’\- ]{0,30}?)?)\s*)?"
    rf"\((?P<name>[A-Z][\w.&'’ \-]{{1,40}}|(?i:{AGENCY_NAMES}))\)\s*(?:—|–|--?|:|_\s)"
)
# A known agency's dateline with the place in title case, as AFP, CNN and the Indian
# agencies print it ("Paris (AFP) -", "Washington (CNN) —", "New Delhi, Dec 5 (PTI) The"),
# where the dash may be missing before the capital that starts the story. The place is one
# to three words, none of them an organisation's ("Jewish Telegraphic Agency (JTA) —").
KNOWN_DATELINE = re.compile(
    r"^\W{0,3}(?P<place>[A-Z][a-z.'’\-]+(?:\s+[A-Z][a-z.'’\-]+){0,2}"
    r"(?:,\s*[A-Z][\w.,'’\- ]{0,30}?)?)(?<!Agency)(?<!Press)(?<!News)(?<!Service)"
    rf"\s*\((?P<name>(?i:{AGENCY_NAMES}))\)(?:\s*(?:—|–|--?|:|_\s)|\s+(?=[A-Z\"“]))"
)
# An agency's copyright closing the story, as the papers that carry its copy print it
# ("Copyright 2025 The Associated Press. All rights reserved."). Only a known agency, and
# only with its rights notice: "© 2025 Jane Doe" is the writer's, a bare "© Reuters" a
# photo credit.
AGENCY_COPYRIGHT = re.compile(
    rf"^\W*(?:(?:©|\(c\)|copyright)\s*)+(?:\d{{4}}\s*,?\s*)?(?P<name>{AGENCY_NAMES})"
    r"(?=\s*(?:[.,;|]|all\s+rights))(?=.{0,80}?(?:rights\s+reserved|may\s+not\s+be\s+(?:published|reproduced|redistributed)|to\s+see\s+more,?\s+visit))",
    re.IGNORECASE,
)
# A known agency credited with part of the reporting, closing the story ("The Associated
# Press contributed to this report.", "Material from Reuters was used in this report."):
# its copy is in the story.
AGENCY_CONTRIBUTED = re.compile(
    rf"^\W*(?:(?:the\s+)?(?P<name>{AGENCY_NAMES})\s+contributed\s+(?:reporting\s+)?to\s+this\s+|"
    rf"(?:material|information|reporting)\s+from\s+(?:the\s+)?(?P<from>{AGENCY_NAMES})\s+"
    r"(?:was|is|were)\s+(?:used|included)\s+in\s+this\s+)(?:report|story|article)\b",
    re.IGNORECASE,
)
# A closing line naming a known agency as the story's source ("Source: Reuters").
AGENCY_SOURCE = re.compile(rf"^\W*(?:source|sources)\s*:\s*(?P<name>{AGENCY_NAMES})\W*$", re.I)
# Labels a local story opens with in parentheses that name no agency ("(UPDATE) —",
# "WASHINGTON (VIDEO) —", "(Editor's note) —").
NOT_AN_AGENCY = re.compile(
    r"^(?:updated?|update\s+\d+|corrected|correction|video|photos?|gallery|audio|watch|listen|"
    r"live|breaking|exclusive|opinion|analysis|commentary|review|sponsored|podcast|"
    r"editor['’]s\s+note)\b",
    re.IGNORECASE,
)
# Second-level labels under which a registered domain takes three labels (haaretz.co.il).
SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go"})
# Hosting services whose subdomains are separate sites (one blog, newsletter or project
# each): under them a registered domain takes one label more (jane.substack.com).
SHARED_HOSTS = frozenset(
    ["wordpress.com", "blogspot.com", "substack.com", "medium.com", "tumblr.com", "github.io",
     "gitlab.io", "ghost.io", "typepad.com", "wixsite.com", "squarespace.com", "weebly.com",
     "beehiiv.com", "netlify.app", "vercel.app", "pages.dev", "herokuapp.com", "neocities.org",
     "livejournal.com", "over-blog.com", "hashnode.dev", "dev.to"]
)  # fmt: skip


def registered_domain(url_or_host: str) -> str | None:
    """``https://www.haaretz.com/x`` -> ``haaretz.com``; ``www.ynet.co.il`` -> ``ynet.co.il``;
    ``https://jane.substack.com/p/x`` -> ``jane.substack.com``."""
    text = url_or_host.strip()
    host = urls.host(text if "//" in text else "//" + text) or ""
    labels = [part for part in host.lower().split(".") if part]
    if len(labels) < 2:
        return None
    size = 3 if len(labels) >= 3 and labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2 else 2
    if len(labels) > size and ".".join(labels[-size:]) in SHARED_HOSTS and labels[-3] != "www":
        size += 1
    return ".".join(labels[-size:])


# Space before punctuation, which ``clean`` drops ("Kampeas , JTA"); compiled once, as
# ``clean`` runs on every text the origin readers look at.
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")


def clean(text: str) -> str:
    """Whitespace collapsed, and no space before punctuation ("Kampeas , JTA")."""
    text = " ".join(text.split())
    return _SPACE_BEFORE_PUNCT.sub(r"\1", text)


def quote(text: str) -> str:
    """Text fit to quote as evidence: cleaned and cut at ``MAX_EVIDENCE`` characters."""
    text = clean(text)
    return text if len(text) <= MAX_EVIDENCE else text[: MAX_EVIDENCE - 1].rstrip() + "…"


def name_of(raw: str | None) -> str | None:
    """A captured publication name without trailing punctuation; None for a date."""
    if not raw:
        return None
    name = clean(raw).rstrip(".,;:")
    return None if not name or NOT_A_NAME.match(name) else name


# --- datelines and notes ----------------------------------------------------------------------


def datelines(blocks: list[lxml.html.HtmlElement]) -> Iterator[Origin]:
    """The agency of a dateline opening one of the first blocks ("JERUSALEM (JTA) —")."""
    for block in blocks[:DATELINE_BLOCKS]:
        text = clean(inner_text(block))
        match = DATELINE.match(text) or KNOWN_DATELINE.match(text)
        if match and not NOT_AN_AGENCY.match(match.group("name")):
            yield Origin(name=match.group("name").strip(), kind="dateline",
                         evidence=match.group(0).strip())  # fmt: skip
            return


def notes(blocks: list[lxml.html.HtmlElement]) -> Iterator[Origin]:
    """Origin notes among the first and last blocks, one per block."""
    top = blocks[:TOP_NOTE_BLOCKS]
    end = blocks[TOP_NOTE_BLOCKS:][-END_NOTE_BLOCKS:]
    texts = {id(block): clean(inner_text(block)) for block in (*top, *end)}
    for block in (*top, *end):
        text = texts[id(block)]
        if len(text) > MAX_NOTE_CHARS:
            continue
        for pattern in _note_patterns(text):
            match = pattern.search(text)
            if match is None:
                continue
            sign = _note(block, text, match)
            if sign is not None:
                yield sign
                break
    for block in end:
        text = texts[id(block)]
        if len(text) > MAX_NOTE_CHARS:
            continue
        match = AGENCY_COPYRIGHT.match(text) or AGENCY_SOURCE.match(text)
        if match:
            yield Origin(name=match.group("name"), kind="note", evidence=quote(text))
        elif contributed := AGENCY_CONTRIBUTED.match(text):
            name = contributed.group("name") or contributed.group("from")
            yield Origin(name=name, kind="note", evidence=quote(text))


def _note_patterns(text: str) -> list[re.Pattern[str]]:
    """The note patterns that may match ``text``: those whose needed words it holds."""
    if ODD_CASE.search(text):  # letters a case-blind match reads as ASCII: try every one
        return list(NOTE_PATTERNS)
    folded = text.lower()
    return [
        pattern
        for pattern, needs in zip(NOTE_PATTERNS, NOTE_NEEDS, strict=True)
        if any(word in folded for word in needs)
    ]


def _note(block: lxml.html.HtmlElement, text: str, match: re.Match[str]) -> Origin | None:
    name = name_of(match.group("name"))
    links = [(clean(inner_text(a)), a.get("href")) for a in block.iter("a") if a.get("href")]
    url: str | None = None
    for label, href in links:
        if name and label and (label in name or name in label):
            url = href
            break
    if name is None and links:
        # "Reprinted with permission." with a link: the link's site names the publication
        # (its text is often "Read the original").
        url = links[0][1]
        name = registered_domain(url or "") or name_of(links[0][0])
    if not name:
        return None
    return Origin(name=name, kind="note", evidence=quote(_sentence(text, match.start())), url=url)


def _sentence(text: str, at: int) -> str:
    """The sentence of ``text`` around position ``at``."""
    start = max(text.rfind(". ", 0, at), text.rfind("! ", 0, at), text.rfind("? ", 0, at))
    start = start + 2 if start >= 0 else 0
    ends = [i for i in (text.find(". ", at), text.find("! ", at), text.find("? ", at)) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return text[start:end].strip()
