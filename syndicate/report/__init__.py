"""Formatters: verdicts to text, JSON, GitHub annotations and SARIF. No printing here."""

from __future__ import annotations

import re

# Controls and bidirectional overrides left in a name, an address or a quoted text after its
# whitespace is collapsed: written as escapes, so a report line stays one line and cannot
# drive the terminal or reorder what the reader sees.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """``text`` on one line, its whitespace collapsed and its control characters escaped."""
    return _UNPRINTABLE.sub(lambda m: ascii(m.group())[1:-1], " ".join(text.split()))
