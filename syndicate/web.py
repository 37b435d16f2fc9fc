"""Fetch an http(s) URL for ``source.read``: capped in size, time and redirects.

The only module that imports requests (a twelfth of a second to import), so that reading
files and standard input does without it. Every failure is a ``SourceError``.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter

from syndicate.errors import FetchError, HTTPStatusError, NotHTML, SourceError, TooLarge
from syndicate.source import HTML_TYPES, USER_AGENT, Document, Limits, check_html

CHUNK = 16 * 1024
"""Read size: the cap is checked after each read, so it overshoots by at most this."""


def get(url: str, limits: Limits) -> Document:
    """GET an http(s) URL, following at most ``max_redirects`` redirects by hand.

    Redirects are followed here, not by requests, so that each hop's scheme is checked
    and the deadline covers the whole chain. A watchdog shuts the sockets down when the
    deadline passes, so a server that trickles headers or body cannot hold the fetch.
    """
    with _Watchdog(limits.deadline) as watchdog, requests.Session() as session:
        session.headers.update({"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
        session.trust_env = bool(os.environ.get("SYNDICATE_TRUST_ENV"))
        adapter = _adapter(watchdog)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        try:
            return _follow(session, url, limits, watchdog)
        except SourceError:
            if watchdog.expired:
                raise FetchError(f"{url}: gave up after {limits.deadline:g} s") from None
            raise


def _follow(session: requests.Session, url: str, limits: Limits, watchdog: _Watchdog) -> Document:
    seen: set[str] = set()
    current = url
    for _ in range(limits.max_redirects + 1):
        _check_scheme(current, url)
        if current in seen:
            raise FetchError(f"{url}: redirect loop at {current}")
        seen.add(current)
        with _get(session, current, url, limits, watchdog) as response:
            status = response.status_code
            if 300 <= status < 400:
                location = response.headers.get("location", "").strip()
                if not location:
                    raise FetchError(f"{url}: redirect (HTTP {status}) without a Location")
                current = urljoin(current, location)
                continue
            if status >= 400:
                reason = response.reason or "error"
                raise HTTPStatusError(f"{url}: HTTP {status} {reason}", status=status)
            header = response.headers.get("content-type", "")
            content_type = header.split(";")[0].strip().lower()
            if content_type and not content_type.startswith(HTML_TYPES):
                raise NotHTML(f"{url}: not HTML (served as {content_type})")
            data = _read_body(response, url, limits, watchdog)
            charset = _declared_charset(header)
            return Document(
                check_html(data, url, charset=charset), url, url=response.url, encoding=charset
            )
    raise FetchError(f"{url}: more than {limits.max_redirects} redirects")


def _check_scheme(current: str, original: str) -> None:
    try:
        scheme = urlsplit(current).scheme.lower()
    except ValueError:  # "http://[broken"
        raise FetchError(f"{original}: not a readable URL") from None
    if scheme not in ("http", "https"):
        raise FetchError(
            f"{original}: only http and https URLs are fetched, not {scheme or 'this'}:"
        )


def _get(
    session: requests.Session, current: str, original: str, limits: Limits, watchdog: _Watchdog
) -> requests.Response:
    remaining = watchdog.remaining()
    if remaining <= 0:
        raise FetchError(f"{original}: gave up after {limits.deadline:g} s")
    connect, read_ = min(limits.connect_timeout, remaining), min(limits.read_timeout, remaining)
    try:
        return session.get(current, stream=True, allow_redirects=False, timeout=(connect, read_))
    except requests.exceptions.ConnectTimeout as exc:
        raise FetchError(f"{original}: timed out connecting (after {connect:g} s)") from exc
    except requests.exceptions.ReadTimeout as exc:
        raise FetchError(f"{original}: timed out (no answer within {read_:g} s)") from exc
    except requests.exceptions.ConnectionError as exc:
        if _is_read_timeout(exc):
            raise FetchError(f"{original}: timed out (no answer within {read_:g} s)") from exc
        raise FetchError(f"{original}: cannot connect ({_reason(exc)})") from exc
    except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
        raise FetchError(f"{original}: {_reason(exc)}") from exc
    except ValueError as exc:  # requests reads a redirect's Location even when not following
        raise FetchError(f"{original}: an unreadable address in the response ({exc})") from exc


def _read_body(response: requests.Response, url: str, limits: Limits, watchdog: _Watchdog) -> bytes:
    """Read the body in small pieces, refusing it as soon as it passes the cap."""
    declared = response.headers.get("content-length", "").strip()
    if declared.isascii() and declared.isdigit() and int(declared) > limits.max_bytes:
        raise TooLarge(
            f"{url}: {int(declared):,} bytes declared, over the cap of {limits.max_bytes:,}"
        )
    body = bytearray()
    try:
        for chunk in response.iter_content(CHUNK):
            body += chunk
            if len(body) > limits.max_bytes:
                raise TooLarge(f"{url}: over the size cap of {limits.max_bytes:,} bytes")
            if watchdog.expired:
                break
    except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
        if watchdog.expired:
            raise FetchError(f"{url}: gave up after {limits.deadline:g} s") from exc
        if _is_read_timeout(exc):
            raise FetchError(
                f"{url}: timed out (nothing read for {limits.read_timeout:g} s)"
            ) from exc
        raise FetchError(f"{url}: connection broken while reading ({_reason(exc)})") from exc
    if watchdog.expired:
        raise FetchError(f"{url}: gave up after {limits.deadline:g} s")
    return bytes(body)


def _declared_charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value:
            return value.strip("\"' ") or None
    return None


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and everything it wraps: causes, contexts and urllib3 reasons."""
    seen: set[int] = set()
    stack = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        wrapped = (current.__cause__, current.__context__, getattr(current, "reason", None))
        stack.extend(e for e in (*wrapped, *current.args) if isinstance(e, BaseException))


def _is_read_timeout(exc: BaseException) -> bool:
    return any(
        isinstance(e, urllib3.exceptions.ReadTimeoutError | socket.timeout) for e in _chain(exc)
    )


def _reason(exc: BaseException) -> str:
    """The root cause in a few words: 'connection refused', not urllib3's pool repr."""
    for inner in _chain(exc):
        wrapper = isinstance(inner, urllib3.exceptions.HTTPError)
        if isinstance(inner, OSError) and not wrapper and inner.strerror:
            return inner.strerror.lower()
    innermost = list(_chain(exc))[-1]
    text = str(innermost) or type(innermost).__name__
    return text.splitlines()[0][:200]


class _Watchdog:
    """Shut down every socket of one fetch when its total deadline passes."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.expired = False
        self._started = time.monotonic()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(deadline, self._fire)
        self._timer.daemon = True

    def remaining(self) -> float:
        return self.deadline - (time.monotonic() - self._started)

    def watch(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shutdown(sock)

    def _fire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shutdown(sock)

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()


def _shutdown(sock: socket.socket) -> None:
    # socket.socket.shutdown, not SSLSocket.shutdown: the latter unwraps the TLS object
    # under the feet of the thread that is reading; a plain shutdown just wakes it with EOF.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _adapter(watchdog: _Watchdog) -> HTTPAdapter:
    """A transport adapter whose connections register their sockets with ``watchdog``."""

    class Connection(urllib3.connection.HTTPConnection):
        def connect(self) -> None:
            super().connect()
            watchdog.watch(self.sock)

    class SecureConnection(urllib3.connection.HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            watchdog.watch(self.sock)

    class Pool(urllib3.connectionpool.HTTPConnectionPool):
        ConnectionCls = Connection

    class SecurePool(urllib3.connectionpool.HTTPSConnectionPool):
        ConnectionCls = SecureConnection

    adapter = HTTPAdapter(max_retries=0)
    adapter.poolmanager.pool_classes_by_scheme = {"http": Pool, "https": SecurePool}
    return adapter
