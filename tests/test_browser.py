"""A partner's page with the embed, in real headless Chromium: the pixel fires, nothing else runs.

The partner page and the pixel are served by two HTTP servers on 127.0.0.1; every request
the browser makes elsewhere is refused and recorded. Skipped when /usr/bin/chromium (Debian's
package, ``make browser``) is not installed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import PAGES

import syndicate
from syndicate import Article, Snippet
from syndicate.emit import emit_snippet
from syndicate.policy import Profile, load_profile
from syndicate.policy.profile import Pixel

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
GIF = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c000000000100010000020144003b"
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="/usr/bin/chromium is not installed (Debian's chromium package; `make browser`)",
    ),
]


@dataclass
class Server:
    """An HTTP server on 127.0.0.1 that serves ``pages`` and records every request path."""

    pages: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    seen: list[str] = field(default_factory=list)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture
def servers() -> Iterator[tuple[Server, Server]]:
    """The partner's web server and the publisher's pixel server."""
    made: list[tuple[Server, ThreadingHTTPServer]] = []
    for _ in range(2):
        state = Server()

        class Handler(BaseHTTPRequestHandler):
            owner = state

            def do_GET(self) -> None:
                self.owner.seen.append(self.path)
                path = self.path.split("?", 1)[0]
                found = self.owner.pages.get(path)
                if found is None and path.endswith(".gif"):
                    found = ("image/gif", GIF)
                if found is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", found[0])
                self.send_header("Content-Length", str(len(found[1])))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(found[1])

            do_POST = do_GET

            def log_message(self, format: str, *args: Any) -> None:
                return

        httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        state.port = httpd.server_address[1]
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        made.append((state, httpd))
    try:
        yield made[0][0], made[1][0]
    finally:
        for _, httpd in made:
            httpd.shutdown()
            httpd.server_close()


def local_pixel_profile(pixel_server: Server) -> Profile:
    """The Forward's profile, with its pixel template pointed at the local pixel server."""
    template = pixel_server.url("/pixel.gif?republication-pixel=true&post={post_id}")
    return load_profile("forward").model_copy(
        update={"pixel": Pixel(source="template", template=template)}
    )


def partner_page(snippet: Snippet) -> bytes:
    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>The Partner Gazette</title>\n{snippet.head}\n</head>\n<body>\n"
        "<header><p>The Partner Gazette</p></header>\n<main><article>\n"
        f"{snippet.body}</article></main>\n</body></html>\n"
    ).encode()


@dataclass
class Visit:
    console: list[str]
    errors: list[str]
    requests: list[str]
    refused: list[str]
    globals: dict[str, Any]
    pixel_box: dict[str, float] | None


def visit(url: str) -> Visit:
    from playwright.sync_api import sync_playwright

    console: list[str] = []
    errors: list[str] = []
    requests: list[str] = []
    refused: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(30_000)

            def gate(route: Any) -> None:
                target = route.request.url
                if target.startswith("http://127.0.0.1:"):
                    route.continue_()
                else:
                    refused.append(target)
                    route.abort()

            page.route("**/*", gate)
            page.on("console", lambda message: console.append(message.text))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("request", lambda request: requests.append(request.url))
            page.goto(url, wait_until="load")
            page.wait_for_timeout(500)
            found = page.evaluate(
                "() => ({pwned: typeof window.pwned, shown: document.title,"
                " links: Array.from(document.links, a => a.href)})"
            )
            box = page.evaluate(
                "() => { const img = document.getElementById('republication-tracker-tool-source');"
                " if (!img) return null; const r = img.getBoundingClientRect();"
                " return {width: r.width, height: r.height, loaded: img.complete"
                " && img.naturalWidth}; }"
            )
        finally:
            browser.close()
    return Visit(console, errors, requests, refused, found, box)


HOSTILE = """
<p>The council met on Tuesday.<script>window.pwned = 1; fetch("{evil}/script")</script></p>
<p><img src="{evil}/img.gif" onerror="window.pwned = 2" width="1" height="1">Second.</p>
<p><a href="javascript:window.pwned=3">a link</a>, <a href=" jav&#x09;ascript:alert(1)">1</a></p>
<svg onload="window.pwned = 4"><image href="{evil}/svg.png"/></svg>
<style>@import url("{evil}/import.css"); p {{ background: url("{evil}/bg.png") }}</style>
<link rel="stylesheet" href="{evil}/link.css">
<meta http-equiv="refresh" content="0; url={evil}/refresh">
<base href="{evil}/base/">
<iframe src="{evil}/iframe" onload="window.pwned = 5"></iframe>
<object data="{evil}/object"></object><embed src="{evil}/embed">
<p style="background-image: url('{evil}/style.png')" onmouseover="window.pwned = 6">Third.</p>
<form action="{evil}/form"><input autofocus onfocus="window.pwned = 7"></form>
<details open ontoggle="window.pwned = 8"><summary>More</summary>Details text.</details>
<video src="{evil}/video.mp4" autoplay></video>
<blockquote class="twitter-tweet"><p>A tweet</p><a href="https://twitter.com/x/status/1">May 1</a>
</blockquote><script async src="{evil}/widgets.js"></script>
<p><a href="/news/relative/">a relative link</a></p>
"""


def test_the_pixel_fires_with_the_post_id_and_no_script_from_the_snippet_runs(
    servers: tuple[Server, Server],
) -> None:
    partner, pixels = servers
    evil = pixels.url("/evil")
    story = Article(
        url="https://forward.com/news/555001/council-story/",
        canonical_url="https://forward.com/news/555001/council-story/",
        title="Council story <script>window.pwned = 9</script>",
        authors=('Ana "><img src=x onerror=window.pwned=10>',),
        post_id="555001",
        body_html=HOSTILE.format(evil=evil),
        tracking_pixels=(pixels.url("/evil/foreign-pixel.gif"),),
    )
    snippet = emit_snippet(story, local_pixel_profile(pixels))
    partner.pages["/story/"] = ("text/html; charset=utf-8", partner_page(snippet))

    seen = visit(partner.url("/story/"))

    assert seen.globals["pwned"] == "undefined"
    assert seen.console == []
    assert seen.errors == []
    assert seen.refused == []
    assert pixels.seen == ["/pixel.gif?republication-pixel=true&post=555001"]
    assert [r for r in seen.requests if not r.endswith("/favicon.ico")] == [
        partner.url("/story/"),
        pixels.url("/pixel.gif?republication-pixel=true&post=555001"),
    ]
    assert seen.pixel_box is not None
    assert (seen.pixel_box["width"], seen.pixel_box["height"]) == (1, 1)
    assert seen.pixel_box["loaded"] == 1
    assert seen.globals["links"] == [
        "https://twitter.com/x/status/1",
        "https://forward.com/news/relative/",
        "https://forward.com/news/555001/council-story/",
        "https://forward.com/",
    ]


def test_the_demo_story_embedded_on_a_partner_page(servers: tuple[Server, Server]) -> None:
    partner, pixels = servers
    article = syndicate.parse_article(
        (PAGES / "forward" / "askhamas.html").read_bytes(),
        url="https://forward.com/schmooze/203040/askhamas-is-a-twitter-disaster-or-is-it/",
    )
    snippet = emit_snippet(article, local_pixel_profile(pixels))
    partner.pages["/askhamas/"] = ("text/html; charset=utf-8", partner_page(snippet))

    seen = visit(partner.url("/askhamas/"))

    assert pixels.seen == ["/pixel.gif?republication-pixel=true&post=203040"]
    assert seen.refused == []
    assert seen.console == []
    assert seen.globals["shown"] == "The Partner Gazette"
    assert "https://twitter.com/danfeldman_nyc/status/496754312008802304" in seen.globals["links"]
