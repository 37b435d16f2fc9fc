"""Bylines to person names: strip "By" and roles, split, and set agencies apart.

``split_byline("By Ron Kampeas, JTA")`` gives ``Byline(authors=("Ron Kampeas",),
orgs=("JTA",))``; ``split_byline("By JTA Staff")`` gives ``authors=("JTA Staff",)`` and
``orgs=("JTA",)``, since an organisation that is the whole byline is its author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Outlets that appear beside or instead of a writer's name; matched whole, case-insensitively.
AGENCIES = frozenset(
    {
        "jta", "jewish telegraphic agency", "ap", "associated press", "the associated press",
        "reuters", "afp", "agence france-presse", "agence france presse", "haaretz", "bloomberg",
        "bloomberg news", "cnn", "npr", "upi", "dpa", "efe", "ansa", "xinhua", "tass", "kyodo",
        "kyodo news", "pa", "press association", "pa media", "ians", "pti", "ani", "yonhap",
        "times of israel", "the times of israel", "jns", "jns.org", "tablet", "kff health news",
        "the conversation", "propublica", "calmatters", "the 19th", "stateline", "axios",
        "new york times", "the new york times", "washington post", "the washington post",
        "the guardian", "bbc", "bbc news", "nbc news", "cbs news", "abc news", "fox news",
        # European agencies that sign stories in their own languages.
        "deutsche presse-agentur", "agencia efe", "agenzia ansa", "anp", "tt", "tt nyhetsbyrån",
        "ntb", "ritzau", "ritzaus bureau", "pap", "polska agencja prasowa", "lusa",
        "agência lusa", "belga", "apa", "keystone-sda", "sda", "ats", "keystone-ats",
        "europa press", "kna", "epd",
    }
)  # fmt: skip
# Job titles and labels that follow or stand in for a name ("Jane Doe, Staff Writer").
_ROLE_WORDS = (
    r"staff|senior|junior|chief|deputy|managing|executive|contributing|associate|assistant|"
    r"political|national|foreign|washington|investigative|sports|business|science|health|"
    r"tech(?:nology)?|culture|opinion|news|digital|breaking|freelance|guest|special|"
    r"correspondent|editor(?:ial)?|editors|writer|writers|reporter|reporters|contributor|"
    r"columnist|journalist|producer|author|intern|fellow|photographer|analyst|"
    r"in|at|large|chief|the|for|team|desk|board|member|wire|reports?|services?|"
    # Words that open a job title but no name ("Former McKinsey Consultant", "Technical
    # Writer", "Social Media Manager").
    r"former|technical|social|media"
)
_ROLE = re.compile(rf"^(?:(?:{_ROLE_WORDS})\b[\s-]*)+$", re.IGNORECASE)
# Words no name contains: a byline part holding one is a job title ("Sr. Director of
# Operations", "Trial Attorney at Morgan & Morgan").
_TITLE_WORD = re.compile(
    r"\b(?:director|attorney|lawyer|manager|officer|president|founder|co-founder|ceo|cto|cfo|"
    r"coo|vp|head|lead|specialist|expert|consultant|dietitian|nutritionist|coach|strategist|"
    r"editor|writer|reporter|correspondent|contributor|columnist|journalist|producer|"
    r"professor|researcher|scientist|engineer|developer|designer|marketer|marketing|"
    r"representative|committee|department|university|institute|company|inc|llc|ltd|"
    r"staff|team|desk|newsroom|contributing|freelance|intern|partner|owner|chef|"
    r"physician|therapist|nurse|pharmacist|advisor|adviser|analyst|associate|educator|"
    r"instructor|librarian|coordinator|content|verified|"
    # The same job titles in the languages of continental news ("Anna Müller, Redakteurin").
    r"redakteur(?:in|innen|e)?|korrespondent(?:in|en)?|journalist(?:in|e|a|en)?|"
    r"rédacteur|rédactrice|redacteur|correspondant(?:e)?|journaliste|envoyée?|"
    r"redactor(?:a)?|corresponsal|periodista|redattore|redattrice|corrispondente|"
    r"giornalista|inviat[oa]|verslaggever|redaktör|reporter|skribent|medarbejder|"
    r"dziennikar(?:z|ka)|korespondent(?:ka)?|redaktor(?:ka)?)s?\b",
    re.IGNORECASE,
)
# Job titles written as acronyms ("Joe Kindness, Founder & CEO"): roles, never organisations.
ROLE_ACRONYMS = frozenset(
    {"CEO", "CTO", "CFO", "COO", "CMO", "CIO", "CPO", "CRO", "CSO", "CISO", "VP", "SVP", "EVP",
     "AVP", "GM", "HR", "PR", "SEO"}
)  # fmt: skip
# An all-capital word after a name written in mixed case is a credential ("Slotnick CPP").
_CAPS_WORD = re.compile(r"^[A-Z]{2,6}$")
# Degrees and credentials printed after names; dropped, never taken for organisations.
CREDENTIALS = frozenset(
    {
        "md", "m.d.", "phd", "ph.d.", "ph.d", "rd", "rdn", "ld", "ms", "m.s.", "mS", "ma", "mba",
        "mph", "cpa", "rn", "bsn", "np", "pa-c", "do", "dds", "jd", "j.d.", "esq", "esq.", "cfp",
        "cfa", "lcsw", "lpc", "facs", "facp", "faan", "cdces", "cscs", "nasm-cpt", "cpt", "mfa",
        "bs", "ba", "b.a.", "jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "msc", "bsc", "pharmd",
        "dvm", "od", "dpt", "frcp", "mbbs", "fand", "cns", "ibclc", "ccc-slp",
    }
)  # fmt: skip
_PREFIX = re.compile(
    r"^\s*(?:(?:this|the)\s+(?:post|article|story|piece|guide|review)\s+(?:was|is)\s+)?"
    r"(?:(?:written|posted|reported|words|story|text|published|article|insights|thoughts|notes|"
    r"(?:medically\s+)?"
    r"reviewed|authored|created|compiled)\s+)?(?:by|from)\b[:\s]*"
    r"|^\s*(?:author|authors|byline|writer|written by|contributor)s?\s*[:|]\s*"
    r"|^\s*author\s+(?=[A-Z])",
    re.IGNORECASE,
)
# The byline labels of continental news that no sentence starts with: a name word followed
# by a colon ("Autor:", "Auteur :", "Texto:", "Redactie:"), or "written by" ("Geschrieben von",
# "Écrit par", "Scritto da", "Skrevet af").
_FOREIGN_LABEL = (
    r"(?:autor(?:in|en|innen|es|a|as|e|i)?|auteurs?|autrice|text(?:e|o)?|testo|tekst|"
    r"redactie|redaktion|redacción|redazione|rédaction|redakcja)"
    r"(?:\s*(?:/|&|\+|und|et|y|e|en|och|og|i)\s*(?:fotos?|photos?|bild(?:er)?|foto's))?\s*[:|]"
    r"|(?:geschrieben|verfasst|écrit|ecrit|escrito|escrita|scritto|scritta|geschreven|"
    r"skrevet|skriven|skrivet|napisane|napisał|napisała)\s+(?:von|par|por|da|door|av|af|przez)"
    r"\b[:\s]*"
    # "From our correspondent" before the name ("Von unserem Korrespondenten Max Muster", "De
    # notre envoyée spéciale Claire Dubois", "Dal nostro inviato Marco Rossi").
    r"|(?:von\s+unsere[mr]|de\s+notre|door\s+onze|dal(?:la)?\s+nostr[oa]|de\s+nuestr[oa]|van\s+onze|"
    r"fra\s+vår|od\s+naszego)\s+(?:\w+\s+)?(?:korrespondent\w*|redakteur\w*|mitarbeiter\w*|"
    r"correspondant\w*|envoyée?(?:\s+spéciale?)?|inviat[oa](?:\s+special[ei])?|"
    r"corrispondente|corresponsal|enviad[oa](?:\s+especial)?|correspondent|verslaggever|"
    r"redacteur|reporter\w*|korespondenta)\b[:\s]*"
    # A kind of piece and its "by" ("Ein Kommentar von", "A cura di", "Propos recueillis par",
    # "oprac.").
    r"|(?:eine?\s+)?(?:kommentar|analyse|gastbeitrag|kolumne|reportage|interview)\s+von\b\s*"
    r"|a\s+cura\s+di\b\s*|propos\s+recueillis\s+par\b\s*|oprac(?:\.|owanie\s*:)\s*"
)
_FOREIGN_PREFIX = re.compile(rf"^\s*(?:{_FOREIGN_LABEL})\s*", re.IGNORECASE)
# Words for "by" before a byline's name ("Von", "Par", "Por", "Di", "Door", "Av", "Af",
# "Przez"): also ordinary words, so one counts only before a capitalised name of two words or
# more, or an agency ("Par AFP"), never before "Di Maio" or "Von Miller" alone.
_FOREIGN_BY = re.compile(r"^\s*(?:von|par|por|di|door|av|af|przez)\s*:?\s+(?=\S)", re.IGNORECASE)
# A cheap test before either of them: the letters a continental label may start with.
LABEL_START = frozenset("vVpPdDaAtTrRgGeEéÉsSnNfFoOkKiI")
# A calendar date: "Dec 26, 2025", "24th Apr 2000", "12/17/2025", "2025-12-17".
_DATE_BODY = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r",?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}"
)
# Text after which a byline stops naming writers: dates, "Updated", reviewers, read times.
_CUT = re.compile(
    r"\s(?:[|•·]|—|–\s|-\s)|\b(?:(?:last\s+)?updated|published|posted|last\s+modified|reviewed\s+by|"
    # "Published" and "Updated" in the languages of continental news.
    r"veröffentlicht|aktualisiert|publié|mis\s+à\s+jour|publicado|actualizado|atualizado|"
    r"pubblicato|aggiornato|gepubliceerd|bijgewerkt|publicerad|uppdaterad|publiceret|"
    r"opdateret|publisert|oppdatert|opublikowano|zaktualizowano|"
    r"medically\s+reviewed|fact[-\s]checked|edited\s+by|photos?\s+by|illustrations?\s+by|"
    r"on\s+behalf\s+of|read\s+time|\d+\s+min(?:ute)?s?\s+read|\bon\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|"
    r"\b(?:mon|tues?|wed|thu|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?,\s|on\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
    r"nov|dec)[a-z]*\.?\s+\d|"
    rf"{_DATE_BODY})",
    re.IGNORECASE,
)
# An agency of two words or more straight after a name, ending the byline ("By JANE DOE
# Associated Press"); a one-word agency there may be the writer's surname ("Michael
# Bloomberg").
_BARE_AGENCY = re.compile(
    r"(?<=\w)(?<!\bthe)\s+(?P<name>"
    + "|".join(sorted((re.escape(a) for a in AGENCIES if " " in a), key=len, reverse=True))
    + r")\s*$",
    re.IGNORECASE,
)
# A separator between parts of a byline, as a comma would be.
_BAR = re.compile(r"\s+(?:[|•·]|—|–|-)(?=\s)")
# A date printed before the byline, set apart from it ("Dec. 19, 2025 · Jane Doe") or
# straight before a capitalised name ("Dec 17, 2025 Julian K. Arni").
# A capitalised "By" (or "Written By") that starts a name after other words: the byline
# proper begins there ("Print National Desk By National Desk": a button label and an avatar's
# name before it; "Apr 12 Written By Tina Huffman": a date).
_LATE_BY = re.compile(
    r"(?:^|\s)((?i:(?:written|posted|authored|reported|story|words|text)\s+)?(?-i:By)\s+(?=[A-ZÀ-Þ]))"
)
_LEADING_DATE = re.compile(
    r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r",?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})(?:\s*[|•·—–-]\s*|\s+(?-i:(?=[A-ZÀ-Þ])))",
    re.IGNORECASE,
)
_DATE = rf"(?:{_DATE_BODY})\b"
_DATE_ANYWHERE = re.compile(rf"\b{_DATE}", re.IGNORECASE)
# A "Written by" later in the text: what precedes it is a date or a label ("Dec 23 Written By").
_INNER_BY = re.compile(r"\b(?:written|posted|authored|words|story)\s+by\b[:\s]*", re.IGNORECASE)
# Labels of people who did not write the piece: reviewers, fact-checkers, testers, editors.
_OTHER_ROLE_BY = (
    r"(?:medically\s+|expert\s+)?reviewed|fact[-\s]?checked|edited|tested|photo(?:graph)?s?|"
    r"illustrat(?:ed|ions?)|produced|narrated|translated|verified"
)
# A text that ends with such a role, its "by" in the next text ("Medically reviewed" / "by").
_OTHER_ROLE_END = re.compile(rf"\b(?:{_OTHER_ROLE_BY})\s*(?:by\s*)?:?$", re.IGNORECASE)
# Every "by" in a byline, with the non-writer role before it when there is one.
_ANY_BY = re.compile(rf"\b(?:({_OTHER_ROLE_BY})\s+)?by\b", re.IGNORECASE)
# Job titles that a following "and" continues ("Head of Marketing and Community Development").
_ROLE_OF = re.compile(r"\b(?:of|for)\b", re.IGNORECASE)
# Accounts a CMS prints instead of a person ("NOC Admin", "Site Administrator").
_ACCOUNT = re.compile(r"\b(?:admin|administrator|webmaster|moderator)\b", re.IGNORECASE)
# Footnote marks after a name in author lists ("Jane Doe 1", "Jane Doe*", "Jane Doe†").
_FOOTNOTE = re.compile(r"(?<=[^\W\d])[\s\d*†‡§¶]+$")
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\+|\s/\s)\s*", re.IGNORECASE)
_SPLIT_KEEP = re.compile(r"\s*(,|;|\band\b|&|\+|\s/\s)\s*", re.IGNORECASE)
# "And" in the languages of continental news, written in lower case between two names ("Anna
# Müller und Jörg Schmidt"). Some are also particles inside one name ("José Ortega y Gasset",
# "Maria da Silva e Souza"): one splits only between two names of two words or more.
_FOREIGN_AND = re.compile(r"\s(und|et|y|e|en|och|og|i|oraz)\s")
_AND_WORDS = frozenset({"und", "et", "y", "e", "en", "och", "og", "i", "oraz"})
# A line of names and agencies after a continental "by" has at most this many words.
MAX_BYLINE_WORDS = 14
# An agency joined to a name by a slash ("Anna Svensson/TT", "Anna Müller/dpa").
_SLASHED = re.compile(r"\s*/\s*([^\s,;/()]+)")
# An address starts where its word does (tried at every letter of a long word, "\S+@" read
# the rest of the word each time).
_URL_OR_MAIL = re.compile(r"(?<!\S)\S+@\S+\.\w+|https?://\S+|www\.\S+|@\w+")
_PAREN = re.compile(r"\(([^)]*)\)")
# "JTA" or "(JTA)": an all-capital acronym of 2 to 6 letters stands for an organisation.
_ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,5}$")
# The end of an organisation byline: "Forward Staff", "JTA Staff", "The Currency editors".
_ORG_SUFFIX = re.compile(
    r"\s+(?:staff|team|editors|editorial(?:\s+(?:staff|team|board))?|desk|newsroom|"
    r"wire(?:\s+(?:staff|reports?|services?))?|reports?)$",
    re.IGNORECASE,
)
# A domain name printed as a byline ("TopGear.com"): the site, not a writer's login.
_DOMAIN = re.compile(r"\.(?:com|org|net|co|io|us|uk|de|info|biz|gov|edu)$")
# A login rather than a name: one token, all lower case or joined by dots, dashes, underscores.
_USERNAME = re.compile(r"^(?:[a-z][a-z0-9]*|\w+[._-]\w+(?:[._-]\w+)*)$")
# Interface text that byline markup sometimes holds instead of a name.
_UI_WORDS = re.compile(
    r"\b(?:view|profile|sign|login|log in|subscribe|follow|share|this article|reviewed|"
    r"read more|see more|(?:posts?|articles?|stories) by|more from|authors of|corresponding)\b",
    re.IGNORECASE,
)
# A credit or a label rather than a name: a "by" after a word or a trademark sign
# ("Government Websites by CivicPlus®", "Researched by", "Theme by Acme™").
_CREDIT = re.compile(r"\sby\b|[®™©]", re.IGNORECASE)
# Lower-case words that names may carry ("Marna van der Merwe", "Ana de la Cruz", "João dos
# Santos", "Josep Puig i Cadafalch").
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "del", "della", "la", "le", "di",
                        "du", "bin", "al", "el", "y", "e", "and", "&", "i", "dos", "das", "do",
                        "zu", "ter", "ten"})  # fmt: skip
# Small words inside organisation names ("Center for Drug Evaluation", "Ask the Doctors").
_CONNECTORS = frozenset({"for", "of", "the", "with", "on", "at", "in", "to", "a", "an", "by"})
# A word of a person's name: capitalised, then lower case or an initial ("Liza", "A.").
_NAME_WORD = re.compile(r"^[A-Z](?:[a-z'’-]|\.$)")
# A name read off the front of "Liza Burke Marketing Director" has at most this many words.
MAX_TITLED_NAME_WORDS = 4
# Names are short: more words than this is a sentence picked up by mistake.
MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 60
# Words that are never names on their own: placeholders CMSs print instead of a writer.
JUNK = frozenset(
    {"staff", "admin", "administrator", "editor", "editors", "guest", "anonymous", "unknown",
     "author", "team", "share", "comments", "comment", "reply", "more", "none", "null", "user",
     "webmaster", "contributor", "contributors", "follow", "email", "print", "x", "twitter",
     "facebook", "linkedin", "instagram", "home", "view all posts", "see all", "about",
     "undefined", "nan", "n/a", "na", "default", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "read more",
     "posts", "articles", "wordpress", "blog", "news", "by", "view full profile", "sign in",
     "log in", "login", "full bio", "bio", "profile", "view profile", "learn more", "name",
     # The newsroom signing as itself in continental news.
     "redaktion", "rédaction", "la rédaction", "redacción", "redazione", "redactie", "redakcja",
     "redaktionen", "redaksjonen", "redação", "da redação", "de la redacción"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Byline:
    """A byline read apart: the writers, and organisations named beside them."""

    authors: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()


def clean_text(text: str) -> str:
    """Whitespace collapsed (no-break spaces too: ``split`` takes them for spaces), zero-width
    characters removed."""
    return " ".join(text.replace("\u200b", " ").split())


def strip_prefix(text: str) -> str:
    """The byline without a leading "By", "Written by" or "Author:"."""
    text = clean_text(text)
    while True:
        stripped = _PREFIX.sub("", text, count=1).strip()
        if stripped == text and text[:1] in LABEL_START:
            stripped = _strip_foreign(text)
        if stripped == text:
            return text
        text = stripped


def _strip_foreign(text: str) -> str:
    """``text`` without a continental byline label ("Von", "Par", "Autor:"), when it has one."""
    label = _FOREIGN_PREFIX.match(text)
    if label:
        return text[label.end() :].strip()
    label = _FOREIGN_BY.match(text)
    if not label:
        return text
    rest = text[label.end() :].strip()
    first = rest.split(maxsplit=1)[0]
    name = first[:1].isupper() and len(display_byline(rest).split()) >= 2
    bare = first.strip(",;.")
    return rest if name or is_agency(bare) or bare.lower() in JUNK else text


def has_foreign_label(text: str, *, bare: bool = True) -> bool:
    """True when ``text`` starts with a continental byline label ("Autor: Jan Nowak", "Von
    Anna Müller", "Par AFP"), one that is stripped before a name; ``bare=False`` leaves out
    the words for "by" alone ("Von", "Par"), which are also ordinary words."""
    if text[:1] not in LABEL_START:
        return False
    if _FOREIGN_PREFIX.match(text):
        return True
    return bare and _strip_foreign(text) != text


def byline_like(text: str) -> bool:
    """True for a short text of nothing but writers' names and agencies ("Anna Müller und
    Jörg Schmidt, dpa"), each word capitalised or a particle; not a sentence ("Maio: nuova
    legge")."""
    words = [w for w in re.split(r"[\s,;&]+", display_byline(text)) if w]
    if not words or len(words) > MAX_BYLINE_WORDS:
        return False
    for word in words:
        if not (word[:1].isupper() or word in _PARTICLES or word in _AND_WORDS or is_agency(word)):
            return False
    return bool(split_byline(text).authors)


def display_byline(text: str) -> str:
    """The byline as shown, once, without the dates, "Updated" notes and read times around
    it, or the button labels and avatar names before its "By"."""
    text = _LEADING_DATE.sub("", clean_text(text), count=1)
    words = text.split()
    half = len(words) // 2
    if half and words[:half] == words[half:]:
        text = " ".join(words[:half])  # printed twice (a desktop and a mobile copy)
    late = _LATE_BY.search(text)
    if late:
        text = text[late.start(1) :]
    cut = _cut(text)
    if cut and cut.start() > 0:
        text = text[: cut.start()]
    return text.strip(" |•·—–-,")


def _cut(text: str) -> re.Match[str] | None:
    """Where a byline stops naming writers (``_CUT``), past a separator that sets off an
    agency ("By Jane Doe | Reuters": the agency is the byline's)."""
    for cut in _CUT.finditer(text):
        if cut.group()[:1].isspace():
            after = _CUT.search(text, cut.end())
            if is_agency(text[cut.end() : after.start() if after else len(text)].strip(" .")):
                continue
        return cut
    return None


def is_agency(name: str) -> bool:
    """True for a known news agency or outlet, or an all-capital acronym such as "JTA"."""
    bare = name.strip(" ()[]").strip()
    return bare.lower() in AGENCIES or (
        bool(_ACRONYM.match(bare)) and bare.lower() not in CREDENTIALS
    )


def split_byline(text: str | None, *, site: str | None = None) -> Byline:
    """Writers and organisations named in a byline as displayed."""
    if not text:
        return Byline()
    # After a continental label, one word after a comma is the writer's city ("Von Anna
    # Müller, Berlin"), unless it is an agency.
    places = has_foreign_label(clean_text(text))
    text = _URL_OR_MAIL.sub(" ", strip_prefix(text))
    if "/" in text:
        text = _SLASHED.sub(_slashed_agency, text)
    inner = _INNER_BY.search(text)
    if inner and inner.start() > 0:
        text = text[inner.end() :]
    cut = _cut(text)
    if cut and cut.start() == 0 and cut.group()[:1].isalnum():
        # A date line ("Updated on November 20, 2025") rather than a byline.
        return Byline()
    if cut and cut.start() > 0:
        text = text[: cut.start()]
    text = _BAR.sub(",", text)  # "Jane Doe | Reuters": the agency as after a comma
    text = _BARE_AGENCY.sub(r", \g<name>", text)  # "JANE DOE Associated Press" likewise
    orgs: list[str] = [m.strip() for m in _PAREN.findall(text) if is_agency(m)]
    text = _PAREN.sub(" ", text)
    authors: list[str] = []
    whole = _org_byline(text, site=site)
    if whole and site and whole.casefold() == clean_text(site).casefold():
        return Byline(orgs=_dedupe(orgs))
    if whole:
        return Byline(authors=(whole,), orgs=_dedupe([*orgs, *_org_names(whole)]))
    credentials = False
    # After a job title or credential, comma parts are its affiliation ("Senior Director,
    # Content & Marketing, MECLABS Institute") until an "and" or ";" starts the next writer.
    in_role = False
    pieces = _SPLIT_KEEP.split(_join_foreign_and(text))
    for index in range(0, len(pieces), 2):
        separator = pieces[index - 1].strip().lower() if index else ""
        if separator == ";" or (
            separator == "and" and not (in_role and _ROLE_OF.search(pieces[index - 2]))
        ):
            in_role = False
        part = strip_prefix(pieces[index])
        if part != clean_text(pieces[index]):
            in_role = False  # "By" starts the next writer ("Contributing Writer, by Jane Doe").
        part = part.strip(" .:-–—|")
        if not part:
            continue
        if part.lower().rstrip(".") in CREDENTIALS or part.lower() in CREDENTIALS:
            credentials = in_role = True
            continue
        if part.upper() in ROLE_ACRONYMS:
            in_role = True
            continue
        if is_agency(part):
            if not (credentials or in_role) or part.strip(" ()").lower() in AGENCIES:
                orgs.append(part)
            # After credentials or a job title, an acronym is one more credential ("CPP,
            # PSP") or the title's own ("Travel Editor, SMT"); a known agency still counts.
            continue
        if in_role or (places and authors and separator == "," and " " not in part):
            continue
        part, suffixed = _strip_credentials(part)
        credentials = credentials or suffixed
        # "Zackery Cuevas Writer, Hardware", "Jack Beresford Senior Life and Trends Reporter":
        # the name, then its title (and desk) in the holder's next element.
        titled = _strip_title(part)
        name = clean_name(titled, site=site) if titled != part else None
        in_role = bool(name)
        name = name or clean_name(part, site=site)
        if name:
            authors.append(name)
        elif _TITLE_WORD.search(part) or _ROLE.match(part):
            in_role = True
    return Byline(authors=_dedupe(authors), orgs=_dedupe(orgs))


def _slashed_agency(match: re.Match[str]) -> str:
    """ ", TT" for "/TT" when what follows the slash is an agency; else the text unchanged."""
    return f", {match.group(1)}" if is_agency(match.group(1)) else match.group(0)


def _join_foreign_and(text: str) -> str:
    """``text`` with each continental "and" between two names of two words or more written
    as "and", so that it splits there; one beside a single word is a particle of the name
    ("José Ortega y Gasset") or joins first names ("Anna und Jörg Schmidt") and stays."""
    if not _FOREIGN_AND.search(text):
        return text
    pieces = _FOREIGN_AND.split(text)
    out = [pieces[0]]
    for index in range(1, len(pieces), 2):
        left = _SPLIT.split(out[-1])[-1]
        right = _SPLIT.split(pieces[index + 1])[0]
        if (len(left.split()) >= 2 and len(right.split()) >= 2) or is_agency(right):
            out.append(pieces[index + 1])
        else:
            out[-1] = f"{out[-1]} {pieces[index]} {pieces[index + 1]}"
    return " and ".join(out)


def _strip_title(part: str) -> str:
    """A name without the job title printed after it with no comma ("Liza Burke Marketing
    Director", "Keith Barry Senior Autos Reporter"); the name keeps at least two words."""
    words = part.split()
    for cut in range(2, min(len(words), MAX_TITLED_NAME_WORDS + 1)):
        if not all(_NAME_WORD.match(w) for w in words[:cut]) or _ROLE.match(words[cut - 1]):
            # Not a name, or the title starts inside it ("Print Managing Editor").
            break
        if _TITLE_WORD.fullmatch(words[cut]) or _ROLE.match(words[cut]):
            return " ".join(words[:cut])
    return part


def _strip_credentials(part: str) -> tuple[str, bool]:
    """A name without the credentials printed after it ("Jeffrey A. Slotnick CPP")."""
    words = part.split()
    cut = len(words)
    while cut > 2 and (
        words[cut - 1].lower().strip(",.") in CREDENTIALS or _CAPS_WORD.match(words[cut - 1])
    ):
        cut -= 1
    if cut == len(words) or not any(c.islower() for w in words[:cut] for c in w):
        return part, False
    return " ".join(words[:cut]), True


def _org_byline(text: str, *, site: str | None) -> str | None:
    """The byline itself when it is an organisation: "JTA Staff", "Forward Staff"."""
    text = clean_text(text).strip(" .,")
    if is_agency(text) and len(text) > 1:
        return text
    match = _ORG_SUFFIX.search(text)
    if not match or _SPLIT.search(text):
        return None
    head = text[: match.start()].strip()
    if not head or _ROLE.match(head):
        return None
    if len(head.split()) <= 4:
        return text
    return None


def is_staff_byline(name: str) -> bool:
    """True for an organisation's byline such as "Aidoc Staff" or "The Currency editors"."""
    return bool(_ORG_SUFFIX.search(clean_text(name)))


def _org_names(byline: str) -> tuple[str, ...]:
    head = _ORG_SUFFIX.sub("", byline).strip()
    return (head,) if is_agency(head) else ()


def clean_name(text: str, *, site: str | None = None) -> str | None:
    """A person's name from one byline part, or None when it is not a name."""
    text = _URL_OR_MAIL.sub(" ", text)
    text = clean_text(_PAREN.sub(" ", text)).strip(" .,:;-–—|/\"'“”")
    text = _FOOTNOTE.sub("", text)
    if not text or _ROLE.match(text) or _ACCOUNT.search(text) or _lower_tail(text):
        return None
    low = text.lower()
    if low in JUNK or (site and low == site.strip().lower()):
        return None
    words = text.split()
    if len(words) > MAX_NAME_WORDS or len(text) > MAX_NAME_CHARS:
        return None
    if any(ch.isdigit() for ch in text) or not any(ch.isalpha() for ch in text):
        return None
    if _USERNAME.match(text) or _TITLE_WORD.search(text) or _UI_WORDS.search(text):
        return None
    if _CREDIT.search(text):
        return None
    return text


def shown_handle(byline: str, *, host: str | None = None) -> str | None:
    """The login a byline shows as its whole text ("by jsteinhardt"), or None.

    Not a name, so ``split_byline`` drops it; a page that prints nothing else as its byline
    credits the writer by it. Placeholders and accounts ("admin", "editor"), domain names and
    the site's own account (a label of ``host``: "uclahealth" on www.uclahealth.org) are not.
    """
    text = strip_prefix(display_byline(byline)).strip(" .,:;|")
    if not _USERNAME.match(text) or _ACCOUNT.search(text) or text[:1].isdigit():
        return None
    low = text.lower()
    if low in JUNK or _ROLE.match(low) or _DOMAIN.search(low):
        return None
    return None if host and low.replace("-", "") in host.replace("-", "").split(".") else text


def has_date(text: str) -> bool:
    """True for a text that holds a calendar date ("Jane Doe | July 2, 2025")."""
    return bool(_DATE_ANYWHERE.search(text))


def person_names(text: str) -> tuple[str, ...]:
    """The names of a text that holds nothing but people's names, each of two to four
    capitalised words ("Naftali Tishby, Fernando C. Pereira"); else ()."""
    found = split_byline(text)
    for name in found.authors:
        words = name.split()
        if not 2 <= len(words) <= MAX_TITLED_NAME_WORDS or not all(
            _NAME_WORD.match(w) or w in _PARTICLES for w in words
        ):
            return ()
    return () if found.orgs else found.authors


def _lower_tail(text: str) -> bool:
    """True for a phrase rather than a name: "Personal finance", "Articles by Juliette"."""
    first, *rest = text.split()
    return (
        first[:1].isupper()
        and first[1:2].islower()
        and any(
            w[:1].islower() and w.lower() not in _PARTICLES and w.lower() not in _CONNECTORS
            for w in rest
        )
    )


def writer_names(text: str, names: list[str]) -> list[str]:
    """The ``names`` marked in a byline ``text`` that its reviewers, editors and testers are not.

    A name counts as a writer's unless the last "by" before it in ``text`` is a non-writer's
    ("Fact-checked by", "Reviewed by", "Tested by").
    """
    labels = [(m.start(), bool(m.group(1))) for m in _ANY_BY.finditer(text)]
    if not any(other for _, other in labels):
        return names
    folded = text.casefold()
    kept = []
    for name in names:
        at = folded.find(clean_text(name).casefold())
        before = [other for start, other in labels if start < at]
        if at < 0 or not (before and before[-1]):
            kept.append(name)
    return kept


def other_role_label(text: str) -> bool:
    """True for a label that ends with a non-writer's role: "Medically reviewed", "Tested"."""
    return bool(_OTHER_ROLE_END.search(text))


def looks_like_name(text: str) -> bool:
    """True when ``text`` starts like a name: its first two words capitalised or particles."""
    words = re.split(r"[\s,]+", clean_text(text))[:2]
    return (
        bool(words)
        and bool(words[0])
        and all(w[:1].isupper() or w.lower() in _PARTICLES for w in words if w)
        and words[0].lower() not in JUNK
    )


def split_names(values: list[str], *, site: str | None = None) -> Byline:
    """Writers from several name strings (JSON-LD or meta values), split and cleaned."""
    authors: list[str] = []
    orgs: list[str] = []
    for value in values:
        found = split_byline(value, site=site)
        authors.extend(found.authors)
        orgs.extend(found.orgs)
    return Byline(authors=_dedupe(authors), orgs=_dedupe(orgs))


def _dedupe(names: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(clean_text(name).casefold(), clean_text(name))
    return tuple(seen.values())
