"""Read a SOURCE (a file path, an http(s) URL or '-') into bytes.

The only module that touches the network or reads documents off the disk.
Fetches are capped in size, time and redirects; every failure is a ``SourceError``.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urljoin, urlsplit

import requests

from syndicate import __version__
from syndicate.errors import FetchError, HTTPStatusError, NotHTML, SourceError, TooLarge

MAX_BYTES = 10 * 1024 * 1024
"""Default size cap for one document, enforced while reading."""
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 10.0
DEADLINE = 30.0
"""Default total time for one fetch, redirects included: a trickling server cannot hold us."""
MAX_REDIRECTS = 5
USER_AGENT = f"syndicate/{__version__} (+https://github.com/syndicate-news/syndicate)"
_CHUNK = 64 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
_BINARY_MAGIC = (
    b"%PDF-",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
)


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


def is_url(source: str) -> bool:
    return "://" in source[:16] or source.lower().startswith(("http:", "https:"))


def read(source: str, *, limits: Limits | None = None, stdin: BinaryIO | None = None) -> Document:
    """Read one SOURCE: ``-`` is standard input, a URL is fetched, anything else is a path."""
    limits = limits or Limits()
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = _read_capped(stream, limits.max_bytes, source)
        return Document(_check_html(data, source), source)
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
    return Document(_check_html(data, source), source, url=None)


def _read_capped(stream: BinaryIO, cap: int, source: str) -> bytes:
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise TooLarge(f"{source}: over the size cap of {cap:,} bytes")
    return data


def _check_html(data: bytes, source: str, content_type: str | None = None) -> bytes:
    """Refuse what cannot be a web page: nothing, a known binary format, or NUL-laden bytes."""
    if not data.strip():
        raise NotHTML(f"{source}: empty document")
    head = data[:1024].lstrip()
    if head.startswith(_BINARY_MAGIC):
        kind = "PDF" if head.startswith(b"%PDF-") else "binary"
        raise NotHTML(f"{source}: not HTML ({kind} data)")
    sample = data[:4096]
    utf16 = sample.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and sample.count(b"\x00") > len(sample) // 100:
        raise NotHTML(f"{source}: not HTML (binary data)")
    if content_type and not content_type.startswith(_HTML_TYPES):
        raise NotHTML(f"{source}: not HTML (served as {content_type})")
    return data


def fetch(url: str, *, limits: Limits | None = None) -> Document:
    """GET an http(s) URL, following at most ``max_redirects`` redirects by hand.

    Redirects are followed here, not by requests, so that each hop's scheme is checked
    and the deadline covers the whole chain.
    """
    limits = limits or Limits()
    started = time.monotonic()
    seen: set[str] = set()
    current = url
    with requests.Session() as session:
        session.headers.update({"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
        session.trust_env = bool(os.environ.get("SYNDICATE_TRUST_ENV"))
        for _ in range(limits.max_redirects + 1):
            _check_scheme(current, url)
            if current in seen:
                raise FetchError(f"{url}: redirect loop at {current}")
            seen.add(current)
            response = _get(session, current, url, limits, started)
            with response:
                if response.is_redirect:
                    location = response.headers.get("location", "")
                    current = urljoin(current, location)
                    continue
                if response.status_code >= 400:
                    reason = response.reason or "error"
                    raise HTTPStatusError(
                        f"{url}: HTTP {response.status_code} {reason}", status=response.status_code
                    )
                content_type = (
                    response.headers.get("content-type", "").split(";")[0].strip().lower()
                )
                data = _read_body(response, url, limits, started)
                encoding = _declared_charset(response.headers.get("content-type", ""))
                return Document(
                    _check_html(data, url, content_type or None),
                    url,
                    url=response.url,
                    encoding=encoding,
                )
    raise FetchError(f"{url}: more than {limits.max_redirects} redirects")


def _check_scheme(current: str, original: str) -> None:
    scheme = urlsplit(current).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(
            f"{original}: only http and https URLs are fetched, not {scheme or 'this'}:"
        )


def _get(
    session: requests.Session, current: str, original: str, limits: Limits, started: float
) -> requests.Response:
    remaining = limits.deadline - (time.monotonic() - started)
    if remaining <= 0:
        raise FetchError(f"{original}: gave up after {limits.deadline:g} s")
    try:
        return session.get(
            current,
            stream=True,
            allow_redirects=False,
            timeout=(min(limits.connect_timeout, remaining), min(limits.read_timeout, remaining)),
        )
    except requests.exceptions.Timeout as exc:
        raise FetchError(f"{original}: timed out") from exc
    except requests.exceptions.ConnectionError as exc:
        raise FetchError(f"{original}: cannot connect ({_reason(exc)})") from exc
    except requests.exceptions.RequestException as exc:
        raise FetchError(f"{original}: {_reason(exc)}") from exc


def _read_body(response: requests.Response, url: str, limits: Limits, started: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise TooLarge(
            f"{url}: {int(declared):,} bytes declared, over the cap of {limits.max_bytes:,}"
        )
    chunks: list[bytes] = []
    total = 0
    try:
        for chunk in response.iter_content(_CHUNK):
            total += len(chunk)
            if total > limits.max_bytes:
                raise TooLarge(f"{url}: over the size cap of {limits.max_bytes:,} bytes")
            if time.monotonic() - started > limits.deadline:
                raise FetchError(f"{url}: gave up after {limits.deadline:g} s")
            chunks.append(chunk)
    except requests.exceptions.RequestException as exc:
        raise FetchError(f"{url}: {_reason(exc)}") from exc
    return b"".join(chunks)


def _declared_charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ") or None
    return None


def _reason(exc: Exception) -> str:
    text = str(exc.__context__ or exc) or type(exc).__name__
    return text.splitlines()[0][:200]
