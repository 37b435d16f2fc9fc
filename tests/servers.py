"""Misbehaving HTTP servers on 127.0.0.1, built on the standard library.

pytest-httpserver answers politely; these do not: they trickle bytes forever, stream
without end, or are not there at all. Each runs in daemon threads and stops on exit.
"""

from __future__ import annotations

import json
import os
import socket
import socketserver
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

HEADERS = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n\r\n"
PAGE_START = b"<!doctype html><html><head><title>Endless</title></head><body><article>"
TRICKLE_FOR = 8.0
"""Trickling stops after this long, so a client without a deadline fails its test, not hangs."""
FILLER = b"<p>" + b"All the news that fits, and then some more of it. " * 40 + b"</p>\n"


class RawServer:
    """Run ``handler(connection, server)`` for every connection; count the bytes it sends."""

    def __init__(self, handler: Callable[[socket.socket, RawServer], None]) -> None:
        self.handler = handler
        self.stop = threading.Event()
        self.sent = 0
        self.requests: list[bytes] = []
        owner = self

        class _Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                conn: socket.socket = self.request
                conn.settimeout(5)
                try:
                    owner.requests.append(conn.recv(65536))
                    owner.handler(conn, owner)
                except OSError:
                    pass

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/story"

    def send(self, conn: socket.socket, data: bytes) -> None:
        conn.sendall(data)
        self.sent += len(data)

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop.set()
        self._server.shutdown()
        self._server.server_close()


def trickle_body(conn: socket.socket, server: RawServer) -> None:
    """Answer 200 at once, then one byte every 50 ms, for ever (TRICKLE_FOR seconds)."""
    server.send(conn, HEADERS + PAGE_START)
    until = time.monotonic() + TRICKLE_FOR
    while not server.stop.is_set() and time.monotonic() < until:
        server.send(conn, b" ")
        time.sleep(0.05)


def trickle_headers(conn: socket.socket, server: RawServer) -> None:
    """Send the status line, then one byte of an endless header every 50 ms."""
    server.send(conn, b"HTTP/1.1 200 OK\r\nX-Slow: ")
    until = time.monotonic() + TRICKLE_FOR
    while not server.stop.is_set() and time.monotonic() < until:
        server.send(conn, b"a")
        time.sleep(0.05)


def endless(total: int) -> Callable[[socket.socket, RawServer], None]:
    """Stream ``total`` bytes of a page, without a Content-Length, as fast as it is read."""

    def handler(conn: socket.socket, server: RawServer) -> None:
        server.send(conn, HEADERS + PAGE_START)
        while server.sent < total and not server.stop.is_set():
            server.send(conn, FILLER)

    return handler


def silent(conn: socket.socket, server: RawServer) -> None:
    """Accept, read the request, and never answer."""
    server.stop.wait(TRICKLE_FOR)


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/story"


def run_alone(script: str) -> dict[str, object]:
    """Run ``script`` in a fresh interpreter and return the JSON object it prints.

    For memory probes: tracemalloc counts every thread's allocations, so the servers
    of earlier tests in the pytest process would inflate a peak measured there.
    """
    tests = Path(__file__).parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tests), str(tests.parent)])}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result
