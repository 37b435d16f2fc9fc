"""Addresses read off a page: resolved and split without raising on a malformed one.

Pages carry addresses that ``urllib.parse`` refuses (``http://[broken`` raises
``ValueError``); one of them must not cost the page. Every reader of the parse goes through
here.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urljoin, urlsplit

# Characters no host name may hold (the URL standard's forbidden domain code points, "%"
# included since a percent-encoded space is still a space): "http://Toolkit, Inc.?utm=..."
# is no address a browser can follow.
_NOT_IN_HOST = re.compile(r"[\x00-\x20%#/<>?@\[\\\]^|\x7f]")


def join(base: str, link: str) -> str:
    """``link`` resolved against the page's address ``base`` (unchanged when it cannot be
    read)."""
    if _already_absolute(link):
        return link
    try:
        return urljoin(base, link)
    except ValueError:  # "http://[broken"
        return link


def _already_absolute(href: str) -> bool:
    """True for a plain ``http(s)://host/...`` address, which ``urljoin`` would hand back
    unchanged whatever the page's address (most links: spared the parse), and for a ``data:``
    address. Left to ``urljoin``: other schemes, no host, and what it would rewrite (an empty
    query, fragment or ``;`` parameters; tabs and newlines)."""
    if href.startswith("data:"):
        return True  # another scheme, never resolved (inline images run long: not parsed)
    if href.startswith("https://"):
        start = 8
    elif href.startswith("http://"):
        start = 7
    else:
        return False
    return (
        len(href) > start
        and href[start] not in "/?#"
        and ";" not in href
        and "?#" not in href
        and not href.endswith(("?", "#"))
        and href.isprintable()
    )


def split(link: str) -> SplitResult | None:
    """``link``'s parts, or None when it cannot be read as an address."""
    try:
        return urlsplit(link)
    except ValueError:  # "http://[broken"
        return None


_NOTHING = urlsplit("")


def parts(link: str) -> SplitResult:
    """``link``'s parts; empty parts when it cannot be read ("http://[broken")."""
    return split(link) or _NOTHING


def host(link: str) -> str | None:
    """``link``'s host name, lower-cased; None when it has none or cannot be read."""
    parts = split(link)
    return parts.hostname if parts else None


def site_and_path(link: str) -> tuple[str, str]:
    """``link``'s host (lower-cased, without "www.") and path (without a trailing slash);
    ("", "") when it cannot be read."""
    found = split(link.strip())
    if found is None:
        return "", ""
    return found.netloc.lower().removeprefix("www."), found.path.rstrip("/")


def followable(link: str) -> bool:
    """False for a web address no browser would follow: unreadable, or a host holding spaces,
    "%" or "<" ("http://Toolkit, Inc.?utm=..."); True for any other address, which this does
    not judge."""
    parts = split(link)
    if parts is None:
        return False
    if parts.scheme.lower() not in ("http", "https"):
        return True
    try:
        hostname = parts.hostname
    except ValueError:
        return False
    return hostname is not None and hostname != "" and _NOT_IN_HOST.search(hostname) is None


def plain_absolute(href: str) -> bool:
    """True for an address ``urljoin`` hands back unchanged against any base (a plain
    ``http(s)://host/...`` or a ``data:`` address): resolving it again is spared."""
    return _already_absolute(href)
