"""Reading SOURCEs: files, standard input, and fetches against real servers on 127.0.0.1."""

from __future__ import annotations

import io
import socket
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from servers import (
    RawServer,
    closed_port_url,
    run_alone,
    silent,
    trickle_body,
    trickle_headers,
)
from werkzeug import Request, Response

from syndicate import __version__
from syndicate.errors import FetchError, HTTPStatusError, NotHTML, SourceError, TooLarge
from syndicate.parse import document, parse_article
from syndicate.source import Limits, fetch, is_url, read

PAGE = (
    "<!doctype html><html><head><title>Council votes</title></head><body><article>"
    "<h1>Council votes</h1><p>The council voted on Tuesday to widen the bridge.</p>"
    "</article></body></html>"
)
FAST = Limits(deadline=2.0, connect_timeout=1.0, read_timeout=1.0)


def test_fetch_returns_bytes_final_url_and_charset(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/story").respond_with_data(
        PAGE.encode("cp1252"), content_type="text/html; charset=windows-1252"
    )
    doc = fetch(httpserver.url_for("/story"), limits=FAST)
    assert doc.data == PAGE.encode("cp1252")
    assert doc.url == httpserver.url_for("/story")
    assert doc.encoding == "windows-1252"


def test_a_utf16_page_without_a_byte_order_mark_is_read_when_the_transport_says_utf16(
    httpserver: HTTPServer,
) -> None:
    body = PAGE.replace("bridge.", "bridge.\x00\ud800").encode("utf-16-le", "surrogatepass")
    httpserver.expect_request("/story").respond_with_data(
        body, content_type="text/html; charset=UTF-16LE"
    )
    doc = fetch(httpserver.url_for("/story"), limits=FAST)
    assert (doc.data, doc.encoding) == (body, "UTF-16LE")
    assert parse_article(doc.data, encoding=doc.encoding).title == "Council votes"
    text = document.load(doc.data, encoding=doc.encoding).text_content()
    assert "widen the bridge.\ufffd\ufffd" in text


def test_fetch_sends_a_user_agent_naming_syndicate_and_its_version(
    httpserver: HTTPServer,
) -> None:
    seen: list[str] = []

    def handler(request: Request) -> Response:
        seen.append(request.headers.get("User-Agent", ""))
        return Response(PAGE, content_type="text/html")

    httpserver.expect_request("/story").respond_with_handler(handler)
    fetch(httpserver.url_for("/story"), limits=FAST)
    assert seen[0].startswith(f"syndicate/{__version__} ")


@pytest.mark.parametrize(("status", "reason"), [(404, "NOT FOUND"), (500, "INTERNAL SERVER ERROR")])
def test_fetch_refuses_http_errors(httpserver: HTTPServer, status: int, reason: str) -> None:
    httpserver.expect_request("/story").respond_with_data("gone", status=status)
    url = httpserver.url_for("/story")
    with pytest.raises(HTTPStatusError) as info:
        fetch(url, limits=FAST)
    assert info.value.status == status
    assert str(info.value) == f"{url}: HTTP {status} {reason}"


def test_fetch_follows_five_redirects_to_the_final_url(httpserver: HTTPServer) -> None:
    for hop in range(5):
        httpserver.expect_request(f"/r{hop}").respond_with_data(
            "", status=302, headers={"Location": f"/r{hop + 1}"}
        )
    httpserver.expect_request("/r5").respond_with_data(PAGE, content_type="text/html")
    doc = fetch(httpserver.url_for("/r0"), limits=FAST)
    assert doc.url == httpserver.url_for("/r5")
    assert doc.source == httpserver.url_for("/r0")


def test_fetch_refuses_a_sixth_redirect(httpserver: HTTPServer) -> None:
    for hop in range(6):
        httpserver.expect_request(f"/r{hop}").respond_with_data(
            "", status=301, headers={"Location": f"/r{hop + 1}"}
        )
    httpserver.expect_request("/r6").respond_with_data(PAGE, content_type="text/html")
    url = httpserver.url_for("/r0")
    with pytest.raises(FetchError, match=r": more than 5 redirects$"):
        fetch(url, limits=FAST)


def test_fetch_names_a_redirect_loop(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    url = httpserver.url_for("/a")
    with pytest.raises(FetchError) as info:
        fetch(url, limits=FAST)
    assert str(info.value) == f"{url}: redirect loop at {url}"


def test_fetch_refuses_a_redirect_to_another_scheme(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data(
        "", status=302, headers={"Location": "file:///etc/passwd"}
    )
    url = httpserver.url_for("/a")
    with pytest.raises(FetchError, match="only http and https URLs are fetched, not file:"):
        fetch(url, limits=FAST)


def _redirect_to_broken(conn: socket.socket, server: RawServer) -> None:
    server.send(conn, b"HTTP/1.1 302 Found\r\nLocation: http://[broken/story\r\n"
                      b"Content-Length: 0\r\nConnection: close\r\n\r\n")  # fmt: skip


def test_fetch_refuses_a_redirect_to_an_unreadable_address() -> None:
    with (
        RawServer(_redirect_to_broken) as server,
        pytest.raises(FetchError, match=r": an unreadable address in the response \(Invalid"),
    ):
        fetch(server.url, limits=FAST)


def test_fetch_refuses_an_unreadable_url() -> None:
    with pytest.raises(FetchError, match=r"^http://\[broken/: not a readable URL$"):
        fetch("http://[broken/", limits=FAST)


def test_fetch_refuses_a_redirect_without_a_location(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data("", status=302)
    url = httpserver.url_for("/a")
    with pytest.raises(FetchError, match=r"redirect \(HTTP 302\) without a Location"):
        fetch(url, limits=FAST)


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("ftp://ftp.example.org/story.html", "ftp"),
        ("file:///etc/passwd", "file"),
        ("FILE:///etc/passwd", "file"),
        ("file:/etc/passwd", "file"),
        ("javascript:alert(1)", "javascript"),
        ("data:text/html,<p>hi</p>", "data"),
    ],
)
def test_read_refuses_schemes_other_than_http(url: str, scheme: str) -> None:
    with pytest.raises(FetchError) as info:
        read(url, limits=FAST)
    assert str(info.value) == f"{url}: only http and https URLs are fetched, not {scheme}:"


def test_is_url_keeps_plain_and_windows_paths_as_paths() -> None:
    assert is_url("https://forward.com/news/1/")
    assert is_url("HTTP://forward.com/")
    assert is_url("ftp://x/y")
    assert not is_url("pages/story.html")
    assert not is_url("C:\\pages\\story.html")
    assert not is_url("-")


def test_an_address_too_long_or_odd_for_a_file_name_is_a_url() -> None:
    # Looking for a file of that name raised "File name too long" (an internal error).
    assert is_url("https://forward.com/" + "a" * 10_000)
    assert is_url("https://forward.com/a\x00b")


def test_fetch_refuses_pdf_bytes_served_as_html(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/doc").respond_with_data(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", content_type="text/html"
    )
    url = httpserver.url_for("/doc")
    with pytest.raises(NotHTML) as info:
        fetch(url, limits=FAST)
    assert str(info.value) == f"{url}: not HTML (PDF data)"


def test_fetch_refuses_a_pdf_type_before_reading_its_body(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/doc").respond_with_data(
        b"<html>" + b"x" * 100, content_type="application/pdf"
    )
    url = httpserver.url_for("/doc")
    with pytest.raises(NotHTML) as info:
        fetch(url, limits=FAST)
    assert str(info.value) == f"{url}: not HTML (served as application/pdf)"


def test_fetch_refuses_a_declared_oversize_body(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big").respond_with_data(
        "<p>" + "x" * 5000 + "</p>", content_type="text/html"
    )
    with pytest.raises(TooLarge, match="declared, over the cap of 1,000"):
        fetch(httpserver.url_for("/big"), limits=Limits(max_bytes=1000, deadline=2.0))


def test_fetch_caps_a_streamed_body_without_a_length(httpserver: HTTPServer) -> None:
    def chunks() -> object:
        yield b"<html><body>"
        for _ in range(100):
            yield b"<p>" + b"x" * 1000 + b"</p>"

    httpserver.expect_request("/big").respond_with_handler(
        lambda request: Response(chunks(), content_type="text/html")
    )
    with pytest.raises(TooLarge, match="over the size cap of 10,000 bytes"):
        fetch(httpserver.url_for("/big"), limits=Limits(max_bytes=10_000, deadline=2.0))


_STREAM_PROBE = """
import json, sys, time, tracemalloc
from servers import RawServer, endless
import syndicate.web  # imported before tracing starts: the fetch is measured, not the import
from syndicate.errors import TooLarge
from syndicate.source import Limits, fetch

limits = Limits(max_bytes=2_000_000, deadline=5.0)
with RawServer(endless(200 * 1024 * 1024)) as server:
    tracemalloc.start()
    started = time.monotonic()
    try:
        fetch(server.url, limits=limits)
    except TooLarge as exc:
        refused = str(exc)
    else:
        refused = ""
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    elapsed = time.monotonic() - started
json.dump({"refused": refused, "peak": peak, "elapsed": elapsed, "sent": server.sent}, sys.stdout)
"""


def test_a_200_mb_stream_stops_at_the_cap_with_flat_memory() -> None:
    result = run_alone(_STREAM_PROBE)
    assert str(result["refused"]).endswith("over the size cap of 2,000,000 bytes")
    assert int(str(result["peak"])) < 4 * 2_000_000
    assert float(str(result["elapsed"])) < 3.0
    assert int(str(result["sent"])) < 50 * 1024 * 1024


def test_a_body_trickling_forever_fails_at_the_deadline() -> None:
    with RawServer(trickle_body) as server:
        started = time.monotonic()
        with pytest.raises(FetchError) as info:
            fetch(server.url, limits=Limits(deadline=1.0, read_timeout=5.0))
        elapsed = time.monotonic() - started
    assert str(info.value) == f"{server.url}: gave up after 1 s"
    assert elapsed < 2.0


def test_headers_trickling_forever_fail_at_the_deadline() -> None:
    with RawServer(trickle_headers) as server:
        started = time.monotonic()
        with pytest.raises(FetchError) as info:
            fetch(server.url, limits=Limits(deadline=1.0, read_timeout=5.0))
        elapsed = time.monotonic() - started
    assert str(info.value) == f"{server.url}: gave up after 1 s"
    assert elapsed < 2.0


def test_a_silent_server_times_out_on_read() -> None:
    with RawServer(silent) as server:
        started = time.monotonic()
        with pytest.raises(FetchError) as info:
            fetch(server.url, limits=Limits(deadline=5.0, read_timeout=0.5))
        elapsed = time.monotonic() - started
    assert str(info.value) == f"{server.url}: timed out (no answer within 0.5 s)"
    assert elapsed < 2.0


def test_a_closed_port_is_a_clear_fetch_error() -> None:
    url = closed_port_url()
    with pytest.raises(FetchError) as info:
        fetch(url, limits=FAST)
    assert str(info.value) == f"{url}: cannot connect (connection refused)"


def test_read_file_and_stdin(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(PAGE, encoding="utf-8")
    assert read(str(page)).data == PAGE.encode()
    assert read("-", stdin=io.BytesIO(PAGE.encode())).data == PAGE.encode()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty document"),
        (b"  \n\t ", "empty document"),
        (b"%PDF-1.4\n" + bytes(range(256)) * 4, "not HTML (PDF data)"),
        (bytes(range(256)) * 40, "not HTML (binary data)"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "not HTML (a PNG image)"),
        (
            b"\x1f\x8b\x08\x00" + b"\x00" * 100,
            "not HTML (gzip-compressed data: decompress it first)",
        ),
        (b'  {"title": "A story", "body": "<p>Its text.</p>"}', "not HTML (JSON data)"),
        (b'[{"id": 1}, {"id": 2}]', "not HTML (JSON data)"),
        (
            b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- generator -->\n<rss version="2.0">'
            b"<channel><title>News</title><item><title>A story</title></item></channel></rss>",
            "not HTML (an RSS feed)",
        ),
        (
            b'\xef\xbb\xbf<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
            b"<entry><title>A story</title></entry></feed>",
            "not HTML (an Atom feed)",
        ),
    ],
)
def test_read_refuses_what_is_not_a_page(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(content)
    with pytest.raises(NotHTML) as info:
        read(str(path))
    assert str(info.value) == f"{path}: {message}"


def test_a_page_that_opens_with_a_bracket_or_names_a_feed_in_its_text_is_read(
    tmp_path: Path,
) -> None:
    for content in (
        b"[Updated] <html><body><p>The council met.</p></body></html>",
        b"<html><body><p>Subscribe to our <rss> feed.</p></body></html>",
        b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><p>Text</p></html>',
    ):
        path = tmp_path / "page.html"
        path.write_bytes(content)
        assert read(str(path)).data == content


def test_json_nested_past_the_readers_stack_is_refused_and_a_page_opening_with_brackets_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "page.html"
    for deep in (b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 100_000 + b"1" + b"}" * 100_000):
        path.write_bytes(deep)
        with pytest.raises(NotHTML, match=r"not HTML \(JSON data\)$"):
            read(str(path))
    page = b"[" * 100_000 + b"<html><body><p>The council met.</p></body></html>"
    path.write_bytes(page)
    assert read(str(path)).data == page


def test_read_refuses_a_directory_and_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"is a directory, not a file$"):
        read(str(tmp_path))
    with pytest.raises(SourceError, match=r"no such file$"):
        read(str(tmp_path / "nope.html"))


def test_read_caps_a_file_and_stdin(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_bytes(b"<p>" + b"x" * 2000)
    with pytest.raises(TooLarge, match="over the cap of 1,000"):
        read(str(path), limits=Limits(max_bytes=1000))
    with pytest.raises(TooLarge, match="over the size cap of 1,000 bytes"):
        read("-", stdin=io.BytesIO(b"<p>" + b"x" * 2000), limits=Limits(max_bytes=1000))


def test_stdin_is_read_in_pieces_under_a_cap_of_any_size() -> None:
    page = b"<html><body><p>" + b"word " * 500_000 + b"</p></body></html>"
    assert read("-", stdin=io.BytesIO(page), limits=Limits(max_bytes=10**22)).data == page
    with pytest.raises(TooLarge, match=r"^-: over the size cap of 2,000,000 bytes$"):
        read("-", stdin=io.BytesIO(page), limits=Limits(max_bytes=2_000_000))


def test_a_content_length_of_non_ascii_digits_is_ignored_not_a_crash() -> None:
    # Headers are read as latin-1: "\xb2" is "²", which isdigit() takes for a digit.
    body = b"<html><body><p>The council met.</p></body></html>"

    def answer(conn: socket.socket, _server: RawServer) -> None:
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: \xb2\r\n"
            b"Connection: close\r\n\r\n" + body
        )

    with RawServer(answer) as server:
        assert fetch(server.url, limits=Limits(deadline=5.0)).data == body
