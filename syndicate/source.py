"""Read a SOURCE (a file path, an http(s) URL or '-') into bytes.

The only module that reads documents off the disk, and the door to the network
(``syndicate.web`` fetches, imported only for a URL). Fetches are capped in size, time and
redirects; every failure is a ``SourceError``.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from syndicate import __version__
from syndicate.errors import NotHTML, SourceError, TooLarge

MAX_BYTES = 10 * 1024 * 1024
"""Default size cap for one document, enforced while reading."""
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 10.0
DEADLINE = 30.0
"""Default total time for one fetch, redirects included: a trickling server cannot hold us."""
MAX_REDIRECTS = 5
_READ_CHUNK = 1 << 20
"""Files and standard input are read a MiB at a time up to the size cap."""
USER_AGENT = f"syndicate/{__version__} (+https://github.com/syndicate-news/syndicate)"
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20)])
"""C0 controls other than tab, newlines and form feed: text pages hardly ever carry them."""
_MAX_CONTROL_SHARE = 0.01
"""Over 1% control bytes in the first 4 KB means binary data (a UTF-16 BOM excepted)."""
# A feed's root element after an optional BOM, XML declaration and comments: a feed of
# stories (RSS, Atom, RDF), not a page holding one.
_FEED = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<\?xml-stylesheet[^>]*>\s*)?"
    rb"(?:<!--.*?-->\s*)*<(rss|feed|rdf:rdf)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_CLOSING = {b"{": b"}", b"[": b"]"}
"""The bracket that ends a JSON document opening with each."""
_FEED_KINDS = {b"rss": "RSS", b"feed": "Atom", b"rdf:rdf": "RSS"}
_BINARY_MAGIC = {
    b"%PDF-": "PDF data",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive",
    b"\x1f\x8b": "gzip-compressed data: decompress it first",
    b"\x7fELF": "a program",
}
"""The first bytes of formats a page is never in, and what to call each."""


@dataclass(frozen=True, slots=True)
class Document:
    """The raw bytes of a SOURCE, where they came from, and the charset the transport named."""

    data: bytes
    source: str
    url: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class Limits:
    """How much a fetch may take. Every field has a safe default."""

    max_bytes: int = MAX_BYTES
    connect_timeout: float = CONNECT_TIMEOUT
    read_timeout: float = READ_TIMEOUT
    deadline: float = DEADLINE
    max_redirects: int = MAX_REDIRECTS


# A URL scheme: two characters at least, so that a Windows drive ("C:") stays a path.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")


def is_url(source: str) -> bool:
    """True when SOURCE names a URL of any scheme (only http and https are then fetched)."""
    return bool(_SCHEME.match(source)) and not _is_path(source)


def _is_path(source: str) -> bool:
    """True when a file or folder of that name exists; a name no file system can hold (too
    long, a NUL byte) names none."""
    try:
        return Path(source).exists()
    except (OSError, ValueError):
        return False


def read(source: str, *, limits: Limits | None = None, stdin: BinaryIO | None = None) -> Document:
    """Read one SOURCE: ``-`` is standard input, a URL is fetched, anything else is a path."""
    limits = limits or Limits()
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = _read_capped(stream, limits.max_bytes, source)
        return Document(check_html(data, source), source)
    if is_url(source):
        return fetch(source, limits=limits)
    return _read_file(source, limits)


def _read_file(source: str, limits: Limits) -> Document:
    path = Path(source)
    try:
        if path.is_dir():
            raise SourceError(f"{source}: is a directory, not a file")
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise TooLarge(f"{source}: {size:,} bytes, over the cap of {limits.max_bytes:,}")
        with path.open("rb") as stream:
            data = _read_capped(stream, limits.max_bytes, source)
    except FileNotFoundError as exc:
        raise SourceError(f"{source}: no such file") from exc
    except PermissionError as exc:
        raise SourceError(f"{source}: permission denied") from exc
    except OSError as exc:
        raise SourceError(f"{source}: cannot read ({exc.strerror or exc})") from exc
    return Document(check_html(data, source), source, url=None)


def _read_capped(stream: BinaryIO, cap: int, source: str) -> bytes:
    # In pieces: one read of cap + 1 bytes would ask for all of a huge --max-bytes at once.
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(min(_READ_CHUNK, cap + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > cap:
            raise TooLarge(f"{source}: over the size cap of {cap:,} bytes")
    return b"".join(chunks)


def check_html(data: bytes, source: str, *, charset: str | None = None) -> bytes:
    """Refuse what cannot be a web page: nothing, a known binary format, or NUL-laden bytes
    (unless a byte-order mark or the transport's ``charset`` says UTF-16)."""
    if not data.removeprefix(b"\xef\xbb\xbf").strip():
        raise NotHTML(f"{source}: empty document")
    head = data[:1024].lstrip()
    kind = next((name for magic, name in _BINARY_MAGIC.items() if head.startswith(magic)), None)
    if kind is not None:
        raise NotHTML(f"{source}: not HTML ({kind})")
    if head.startswith((b"{", b"[")) and _is_json(data):
        raise NotHTML(f"{source}: not HTML (JSON data)")
    feed = _FEED.match(head)
    if feed:
        raise NotHTML(f"{source}: not HTML (an {_FEED_KINDS[feed.group(1).lower()]} feed)")
    sample = data[:4096]
    utf16 = sample.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        charset is not None and charset.strip().lower().startswith("utf-16")
    )
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if not utf16 and controls > len(sample) * _MAX_CONTROL_SHARE:
        raise NotHTML(f"{source}: not HTML (binary data)")
    return data


def _is_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except ValueError:  # a page that merely starts with a bracket ("[Updated] ...")
        return False
    except RecursionError:
        # Brackets nested past the JSON reader's stack: JSON when its last bracket closes
        # the first (a page that opens with a run of "[" ends with its markup).
        return data.rstrip().endswith(_CLOSING[data.lstrip()[:1]])
    return True


def fetch(url: str, *, limits: Limits | None = None) -> Document:
    """GET an http(s) URL, following at most ``max_redirects`` redirects by hand, within the
    size cap and the total deadline (``syndicate.web``)."""
    from syndicate import web  # requests is imported only when a URL is read

    return web.get(url, limits or Limits())
