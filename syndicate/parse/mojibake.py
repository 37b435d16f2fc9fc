"""Text that was UTF-8, read once as latin-1 or windows-1252 and saved as UTF-8 again.

A CMS that copies text between systems with the wrong charset turns "Earth’s" into
"Earthâ\\x80\\x99s" or "Earthâ€™s" and serves the result as valid UTF-8, so no charset
label or sniffing can catch it: the page itself says the wrong thing. The repair reads
each such run back through the charset that mangled it, and keeps the run unless the
bytes it gives are strict UTF-8.

It only runs on a page that proves the damage with a sequence no real text holds: a C1
control character (U+0080-U+009F, the latin-1 reading of a UTF-8 continuation byte) or
"â€" followed by windows-1252 punctuation (the reading of U+2010-U+203F: dashes,
quotes, the ellipsis). On such a page every run that reads back is repaired ("Â®" too).
"""

from __future__ import annotations

import functools
import re

# What proves a page mangled, as bytes of the UTF-8 page: a C1 control character, or "â€"
# (two searches: one pattern with both alternatives runs ten times slower).
_C1_BYTES = re.compile(rb"\xc2[\x80-\x9f]")
_EURO_BYTES = re.compile(rb"\xc3\xa2\xe2\x82\xac")
# What windows-1252 reads 0x80-0x9F as (the euro sign, quotes, dashes, the ellipsis, ...).
_CP1252_HIGH = "".join(bytes([b]).decode("cp1252", errors="ignore") for b in range(0x80, 0xA0))
_CONTINUATION = f"[\u0080-\u00bf{_CP1252_HIGH}]"
# The same proof in text: one search each (a pattern with both alternatives is slower).
_EURO = re.compile(f"\u00e2\u20ac{_CONTINUATION}")
# A mangled character: the reading of a UTF-8 lead byte (U+00C2-U+00F4) then of the one to
# three continuation bytes it announces.
_MANGLED = re.compile(
    f"[\u00c2-\u00df]{_CONTINUATION}|[\u00e0-\u00ef]{_CONTINUATION}{{2}}"
    f"|[\u00f0-\u00f4]{_CONTINUATION}{{3}}"
)
_C1 = re.compile("[\u0080-\u009f]")


def mangled(data: bytes) -> bool:
    """Whether a UTF-8 page may hold mangled text (a cheap scan of the bytes)."""
    return _C1_BYTES.search(data) is not None or _EURO_BYTES.search(data) is not None


def repair(text: str) -> str:
    """``text`` with its mangled characters read back, when it proves the damage."""
    if text.isascii() or not (_C1.search(text) or _EURO.search(text)):  # isascii: a flag
        return text
    return _MANGLED.sub(_read_back, text)


def _read_back(match: re.Match[str]) -> str:
    return _reading(match.group(0))


@functools.lru_cache(maxsize=1024)
def _reading(seq: str) -> str:
    """The character a mangled sequence stands for, when that is beyond doubt: the sequence
    holds a C1 control character, or it reads back to latin-1 ("Ã©" for "é", "Â®" for "®")
    or to punctuation ("â€™" for "’", "â„¢" for "™"). Otherwise the text as it is
    ("ß«" is German)."""
    try:
        char = bytes(_byte(c) for c in seq).decode("utf-8")
    except (UnicodeError, ValueError):
        return seq
    code = ord(char)
    if _C1.search(seq) or code < 0x100 or 0x2000 <= code < 0x2070 or code in _SYMBOLS:
        return char
    return seq


# Symbols often mangled outside the punctuation block: the euro and trade mark signs.
_SYMBOLS = frozenset([0x20AC, 0x2122])


def _byte(char: str) -> int:
    """The byte that a latin-1 or windows-1252 reading turned into ``char``."""
    code = ord(char)
    return code if code < 0x100 else char.encode("cp1252")[0]
