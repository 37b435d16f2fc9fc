"""Dates as pages write them, to ISO 8601.

``parse_date`` keeps the time and the UTC offset when the text gives them
(``2024-03-04T10:00:00-05:00``) and returns a bare day (``2024-03-04``) when only a day is
known. Understood: ISO 8601 and its common variants (also dotted, ``2025.12.17``), RFC 2822
(``Mon, 04 Mar 2024 10:00:00 GMT``), English month names (``March 4, 2024``, ``Mar. 4, 2024
at 10:00 am EST``, ``4th March 2024``, ``19-Dec-2025``, ``2023 Jan 7``), day-first month names
of continental languages (``14. März 2025``, ``14 de marzo de 2025``, ``14 maart 2025``,
``14 marca 2025``, ``3 марта 2025``), Chinese, Japanese and Korean (``2025年3月3日``), and
numeric days
(``04/03/2024``: read as month first only when the page's language is US English or the
numbers force it; dotted ``04.03.2024`` is day first). ``written_out`` tells whether a text
writes a day in a form that cannot be misread, for pages that settle the order elsewhere.
"""

from __future__ import annotations

import functools
import re
from datetime import datetime, timedelta, timezone

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Abbreviations pages print after a time; ambiguous ones (ET, CT, IST) are left naive.
_ZONES = {
    "z": 0, "utc": 0, "gmt": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7,
    "mdt": -6, "pst": -8, "pdt": -7, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3,
    "aest": 10, "aedt": 11, "jst": 9,
}  # fmt: skip
_TIME = (
    r"(?:\s*(?:at|à|a las|alle|um|@|,|-|–|\||/)?\s*"
    r"(?P<H>\d{1,2})(?:[:h](?P<M>\d{2}))?(?::(?P<S>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?\s?m\b\.?)?\s*(?P<tz>[a-z]{1,4}\b|[+-]\d{2}:?\d{2})?)?"
)
# Year first, with dashes, slashes or dots between the parts; dotted only with two-digit
# month and day ("2025.12.17", not a version number such as "2019.10.3").
_ISO = re.compile(
    r"(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"(?:[T ]\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)
_COMPACT = re.compile(
    r"^(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?:T?(?P<H>\d{2})(?P<M>\d{2}))?"
)
_MDY = re.compile(
    r"\b" + _MONTH + r"\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s*(?P<y>(?:19|20)\d{2})\b" + _TIME,
    re.IGNORECASE,
)
# Day first, spaced or dashed ("4th March 2024", "19-Dec-2025").
_DMY = re.compile(
    r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\.?(?:\s+|-)(?:of\s+)?"
    + _MONTH
    + r"(?:,?\s+|-)(?P<y>(?:19|20)\d{2})\b"
    + _TIME,
    re.IGNORECASE,
)
# Year, month name, day: the PubMed citation form ("2023 Jan 7").
_YMD = re.compile(
    r"\b(?P<y>(?:19|20)\d{2})\s+" + _MONTH + r"\s+(?P<d>\d{1,2})\b(?![.:/-]?\d)", re.IGNORECASE
)
# Month names and abbreviations of the languages that write the day first (Spanish, French,
# German, Italian, Portuguese, Dutch, Swedish, Danish, Norwegian, Turkish; Polish, Russian,
# Ukrainian, Czech and Finnish in the genitive or partitive):
# "04-ago-2021", "12 de marzo de 2024", "3. März 2025", "14 maart 2025", "14 marca 2025".
_FOREIGN_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "enero ene janvier janv januar jänner gennaio gen janeiro januari stycznia января "
            "січня ocak ledna tammikuuta",
            "febrero février fevrier févr fevr februar febbraio fevereiro fev februari lutego "
            "февраля лютого şubat února helmikuuta",
            "marzo mars märz mär março marco maart mrt marts marca марта березня mart března "
            "maaliskuuta",
            "abril abr avril avr aprile kwietnia апреля квітня nisan dubna huhtikuuta",
            "mayo mai maggio mag maio mei maj maja мая травня mayıs května toukokuuta",
            "junio juin juni giugno giu junho czerwca июня червня haziran června kesäkuuta",
            "julio juillet juil juli luglio lug julho lipca июля липня temmuz července heinäkuuta",
            "agosto ago août aout augustus augusti sierpnia августа серпня ağustos srpna elokuuta",
            "septiembre setiembre set septembre settembre setembro września wrzesnia сентября "
            "вересня eylül září syyskuuta",
            "octubre octobre oktober okt ottobre ott outubro out października pazdziernika октября "
            "жовтня ekim října lokakuuta",
            "noviembre novembre novembro listopada ноября листопада kasım listopadu marraskuuta",
            "diciembre dic décembre decembre déc dezember dez dicembre dezembro desember grudnia "
            "декабря грудня aralık prosince joulukuuta",
        ),
        start=1,
    )
    for name in names.split()
}
_DMY_FOREIGN = re.compile(
    r"\b(?P<d>\d{1,2})(?:\.|º|er)?(?:\s+de\s+|\s+|-)"
    r"(?P<mon>" + "|".join(sorted(_FOREIGN_MONTHS, key=len, reverse=True)) + r")\.?"
    r"(?:\s+de\s+|,?\s+|-)(?P<y>(?:19|20)\d{2})\b" + _TIME,
    re.IGNORECASE,
)
# Chinese, Japanese and Korean: "2025年3月3日 14:05", "2025년 3월 3일".
_CJK = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]"
    r"(?:\s*(?P<H>\d{1,2})[:：时時시]\s*(?P<M>\d{2}))?"
)
_NUMERIC = re.compile(
    r"\b(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2}|\d{2})\b" + _TIME,
    re.IGNORECASE,
)

# Four digits anywhere: the fewest any date above is written with ("3/4/25"); a text with
# fewer (a byline, a label, "Updated") holds none, and skips every pattern.
_FOUR_DIGITS = re.compile(r"\d(?:\D*\d){3}")


def parse_date(text: str | None, *, month_first: bool = True) -> str | None:
    """The first date in ``text`` as ISO 8601, or None.

    ``month_first`` says how to read an ambiguous slashed day such as ``04/03/2024``.
    """
    if not text:
        return None
    text = text.strip()[:200]
    if not _FOUR_DIGITS.search(text):
        return None
    for pattern in (_ISO, _MDY, _DMY, _YMD, _DMY_FOREIGN, _CJK):
        for found_at in pattern.finditer(text):
            parts = found_at.groupdict()
            if parts.get("sep") == "." and len(parts["m"] + parts["d"]) != 4:
                continue
            month = parts.get("m") or str(_month_number(parts["mon"]))
            found = _build(parts["y"], month, parts["d"], parts)
            if found:
                return found
            break
    match = _COMPACT.match(text)
    if match:
        return _build(match["y"], match["m"], match["d"], match.groupdict())
    match = _NUMERIC.search(text)
    if match:
        return _numeric(match, month_first=month_first)
    return None


def _month_number(name: str) -> int:
    name = name.lower()
    return _FOREIGN_MONTHS.get(name) or _MONTHS[name[:3]]


def _numeric(match: re.Match[str], *, month_first: bool) -> str | None:
    a, b, year = int(match["a"]), int(match["b"]), match["y"]
    if len(year) == 2:
        year = "20" + year
    if a > 12 or match["sep"] == ".":
        month_first = False
    elif b > 12:
        month_first = True
    month, day = (a, b) if month_first else (b, a)
    return _build(year, str(month), str(day), match.groupdict())


def _build(year: str, month: str, day: str, parts: dict[str, str | None]) -> str | None:
    try:
        date = datetime(int(year), int(month), int(day))
    except ValueError:
        return None
    hour, minute, second = parts.get("H"), parts.get("M"), parts.get("S")
    ampm = (parts.get("ampm") or "").replace(".", "").replace(" ", "").lower()
    if hour is None or (minute is None and not ampm):
        return date.date().isoformat()
    h = int(hour)
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    try:
        stamp = date.replace(hour=h, minute=int(minute or 0), second=int(second or 0))
    except ValueError:
        return date.date().isoformat()
    offset = _offset(parts.get("tz"))
    if offset is not None:
        stamp = stamp.replace(tzinfo=offset)
    return stamp.isoformat()


def _offset(raw: str | None) -> timezone | None:
    if not raw:
        return None
    raw = raw.strip()
    if raw[0] in "+-":
        digits = raw[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
        if hours > 14 or minutes > 59:
            return None
        delta = timedelta(hours=hours, minutes=minutes)
        return timezone(-delta if raw[0] == "-" else delta)
    hours_off = _ZONES.get(raw.lower())
    return None if hours_off is None else timezone(timedelta(hours=hours_off))


def written_out(day: str, text: str) -> bool:
    """Whether ``text`` writes the day ``YYYY-MM-DD`` in a form nobody can misread: ISO 8601
    or with the month's name ("December 2, 2025", "2 Dec 2025", "2023/october/03")."""
    return _written_forms(day[:10]).search(text) is not None


@functools.lru_cache(maxsize=256)
def _written_forms(day: str) -> re.Pattern[str]:
    """The forms of one day ``written_out`` accepts, compiled once per day (a page asks about
    the same few days again and again)."""
    year, month, date = day[:4], int(day[5:7]), int(day[8:10])
    name = next(k for k, v in _MONTHS.items() if v == month)
    return re.compile(
        rf"{day}|\b{name}[a-z]*\.?\s+0?{date}(?:st|nd|rd|th)?,?\s+{year}"
        rf"|\b0?{date}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?{name}[a-z]*\.?,?\s+{year}"
        rf"|{year}\W{{1,3}}{name}[a-z]*\W{{1,3}}0?{date}\b",
        re.IGNORECASE,
    )


def day(iso: str | None) -> str | None:
    """The ``YYYY-MM-DD`` part of an ISO 8601 string."""
    return iso[:10] if iso else None
