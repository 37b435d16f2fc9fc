"""Bad sources through the CLI: exit 2, one clear line each, and the good ones still printed."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import Result
from pytest_httpserver import HTTPServer
from servers import RawServer, closed_port_url, endless, run_alone, trickle_body

import syndicate.cli

Run = Callable[..., Result]
GOOD_TITLE = "Brooklyn food pantry doubles its shelves as winter need grows"
HOSTILE = Path(__file__).resolve().parent / "hostile"
GOOD = HOSTILE / "page.html"
LIMITS = ("--timeout", "2")
ONLY_HTTP = "only http and https URLs are fetched"
NOT_ARTICLE = "not an article (no story text on the page)"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Bad files, written once: one of them is 30 MB."""
    tmp_path = tmp_path_factory.mktemp("bad")
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "bom.html").write_bytes(b"\xef\xbb\xbf \r\n")
    (tmp_path / "garbage.html").write_bytes(bytes(range(256)) * 64)
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    (tmp_path / "huge.html").write_bytes(b"<html><body><p>" + b"x" * 30_000_000 + b"</p>")
    (tmp_path / "folder").mkdir()
    return tmp_path


@pytest.fixture
def bad(files: Path, httpserver: HTTPServer) -> Iterator[dict[str, tuple[str, str]]]:
    """Each bad SOURCE with the cause its error line must give."""
    tmp_path = files
    httpserver.expect_request("/404").respond_with_data("gone", status=404)
    httpserver.expect_request("/500").respond_with_data("oops", status=500)
    httpserver.expect_request("/loop").respond_with_data(
        "", status=302, headers={"Location": "/loop"}
    )
    httpserver.expect_request("/pdf").respond_with_data(
        b"%PDF-1.7\n", content_type="application/pdf"
    )
    closed = closed_port_url()
    with RawServer(trickle_body) as trickle, RawServer(endless(200 * 1024 * 1024)) as flood:
        yield {
            "missing": (str(tmp_path / "missing.html"), "no such file"),
            "directory": (str(tmp_path / "folder"), "is a directory, not a file"),
            "empty": (str(tmp_path / "empty.html"), "empty document"),
            "bom-only": (str(tmp_path / "bom.html"), "empty document"),
            "app-shell": (str(HOSTILE / "app-shell.html"), NOT_ARTICLE),
            "not-found": (str(HOSTILE / "not-found.html"), NOT_ARTICLE),
            "category-page": (str(HOSTILE / "category.html"), NOT_ARTICLE),
            "homepage": (str(HOSTILE / "homepage.html"), NOT_ARTICLE),
            "author-archive": (str(HOSTILE / "author.html"), NOT_ARTICLE),
            "search-results": (str(HOSTILE / "search.html"), NOT_ARTICLE),
            "front-of-headings": (str(HOSTILE / "front-headings.html"), NOT_ARTICLE),
            "front-of-lists": (str(HOSTILE / "front-lists.html"), NOT_ARTICLE),
            "section-front": (str(HOSTILE / "section-front.html"), NOT_ARTICLE),
            "soft-404": (str(HOSTILE / "soft-404.html"), NOT_ARTICLE),
            "garbage": (str(tmp_path / "garbage.html"), "not HTML (binary data)"),
            "pdf-file": (str(tmp_path / "report.pdf"), "not HTML (PDF data)"),
            "30-mb-file": (
                str(tmp_path / "huge.html"),
                f"{(tmp_path / 'huge.html').stat().st_size:,} bytes, over the cap of 10,485,760",
            ),
            "closed-port": (closed, "cannot connect (connection refused)"),
            "http-404": (httpserver.url_for("/404"), "HTTP 404 NOT FOUND"),
            "http-500": (httpserver.url_for("/500"), "HTTP 500 INTERNAL SERVER ERROR"),
            "redirect-loop": (
                httpserver.url_for("/loop"),
                f"redirect loop at {httpserver.url_for('/loop')}",
            ),
            "pdf-url": (httpserver.url_for("/pdf"), "not HTML (served as application/pdf)"),
            "trickle": (trickle.url, "gave up after 2 s"),
            "200-mb": (flood.url, "over the size cap of 10,485,760 bytes"),
            "ftp": (
                "ftp://ftp.example.org/story.html",
                "only http and https URLs are fetched, not ftp:",
            ),
            "file-url": ("file:///etc/passwd", "only http and https URLs are fetched, not file:"),
        }


CASES = [
    "missing",
    "directory",
    "empty",
    "bom-only",
    "app-shell",
    "not-found",
    "category-page",
    "homepage",
    "author-archive",
    "search-results",
    "front-of-headings",
    "front-of-lists",
    "section-front",
    "soft-404",
    "garbage",
    "pdf-file",
    "30-mb-file",
    "closed-port",
    "http-404",
    "http-500",
    "redirect-loop",
    "pdf-url",
    "trickle",
    "200-mb",
    "ftp",
    "file-url",
]


@pytest.mark.parametrize("case", CASES)
def test_extract_reports_one_line_and_still_prints_the_good_source(
    run: Run, bad: dict[str, tuple[str, str]], case: str
) -> None:
    source, cause = bad[case]
    started = time.monotonic()
    result = run(*LIMITS, "extract", "--format", "jsonl", GOOD, source, GOOD)
    assert time.monotonic() - started < 5
    assert result.code == 2
    assert result.err.splitlines() == [f"syndicate: error: {source}: {cause}"]
    assert [json.loads(line)["title"] for line in result.out.splitlines()] == [GOOD_TITLE] * 2


def test_every_bad_source_in_one_run_gets_its_own_line(
    run: Run, bad: dict[str, tuple[str, str]]
) -> None:
    sources = [bad[case][0] for case in CASES]
    result = run(*LIMITS, "extract", "--format", "jsonl", *sources, GOOD)
    assert result.code == 2
    assert result.err.splitlines() == [
        f"syndicate: error: {bad[case][0]}: {bad[case][1]}" for case in CASES
    ]
    assert "Traceback" not in result.err
    assert json.loads(result.out)["title"] == GOOD_TITLE


SOME = [
    "missing",
    "garbage",
    "not-found",
    "soft-404",
    "front-of-lists",
    "http-404",
    "redirect-loop",
    "ftp",
]


@pytest.mark.parametrize(
    ("page", "says"),
    [
        ("roundup.html", "Soup dumplings at Little Shanghai"),
        ("story-rail.html", "Work is due to start in May"),
        ("story-root-canonical.html", "more than 4,000 students now cycle in each day"),
    ],
)
def test_a_story_around_links_to_other_stories_is_still_extracted(
    run: Run, page: str, says: str
) -> None:
    """A roundup of the site's own stories, a story with a rail of cards inside its body, and
    a story whose canonical link points at the homepage: stories, not listings."""
    result = run("extract", "--format", "json", HOSTILE / page)
    assert (result.code, result.err) == (0, "")
    assert says in json.loads(result.out)["body_text"]


@pytest.mark.parametrize("case", SOME)
def test_check_reports_bad_sources_the_same_way(
    run: Run, bad: dict[str, tuple[str, str]], case: str
) -> None:
    source, cause = bad[case]
    result = run(*LIMITS, "check", "--profile", "forward", GOOD, source)
    assert result.code == 2
    assert result.err.splitlines() == [f"syndicate: error: {source}: {cause}"]
    assert f"{GOOD}: republishable" in result.out


@pytest.mark.parametrize("case", SOME)
def test_snippet_reports_bad_sources_the_same_way(
    run: Run, bad: dict[str, tuple[str, str]], case: str, tmp_path: Path
) -> None:
    source, cause = bad[case]
    result = run(*LIMITS, "snippet", "--out", tmp_path / "out", GOOD, source)
    assert result.code == 2
    assert result.err.splitlines() == [f"syndicate: error: {source}: {cause}"]
    assert "doubles its shelves" in (tmp_path / "out" / "561234.html").read_text()
    alone = run(*LIMITS, "snippet", source)
    assert (alone.code, alone.out) == (2, "")
    assert alone.err.splitlines() == [f"syndicate: error: {source}: {cause}"]


_FLOOD_PROBE = """
import contextlib, io, json, sys, tracemalloc
from servers import RawServer, endless
import syndicate.web  # imported before tracing starts: the fetch is measured, not the import
from syndicate.cli import main

with RawServer(endless(200 * 1024 * 1024)) as flood:
    err = io.StringIO()
    tracemalloc.start()
    with contextlib.redirect_stderr(err):
        code = main(["--max-bytes", "2000000", "extract", flood.url])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
json.dump({"code": code, "err": err.getvalue(), "url": flood.url, "peak": peak}, sys.stdout)
"""


def test_a_200_mb_response_keeps_memory_flat() -> None:
    result = run_alone(_FLOOD_PROBE)
    cause = f"{result['url']}: over the size cap of 2,000,000 bytes"
    assert (result["code"], result["err"]) == (2, f"syndicate: error: {cause}\n")
    assert int(str(result["peak"])) < 8_000_000


def test_max_bytes_lets_a_larger_page_through(run: Run, tmp_path: Path) -> None:
    page = tmp_path / "long.html"
    page.write_bytes(GOOD.read_bytes().replace(b"</main>", b"<!--" + b"x" * 11_000_000 + b"-->"))
    assert run("extract", page).code == 2
    result = run("--max-bytes", "20000000", "extract", page)
    assert (result.code, result.err) == (0, "")
    assert json.loads(result.out)["title"] == GOOD_TITLE


CANONICAL = b'<link rel="canonical" href="https://forward.com/news/561234/'
MALFORMED = {
    "canonical": (CANONICAL, b'<link rel="canonical" href="http://[broken/news/561234/'),
    "og-url": (b"</head>", b'<meta property="og:url" content="http://[broken/x"></head>'),
    "pixel": (
        b"</main>",
        b'<img id="republication-tracker-tool-source" src="http://[broken/?post=1"></main>',
    ),
    "source-meta": (b"</head>", b'<meta name="syndication-source" content="http://[x"></head>'),
}


@pytest.mark.parametrize("place", MALFORMED)
@pytest.mark.parametrize("address", ["file", "url", "malformed-url"])
def test_a_malformed_address_on_the_page_costs_nothing_but_itself(
    tmp_path: Path, place: str, address: str
) -> None:
    old, new = MALFORMED[place]
    data = GOOD.read_bytes().replace(old, new, 1)
    url = {"url": "https://forward.com/news/561234/", "malformed-url": "http://[x/y"}.get(address)
    article = syndicate.parse_article(data, url=url)
    assert (article.title, article.authors) == (GOOD_TITLE, ("Miriam Adler",))
    assert "[broken" not in (article.canonical_url or "")


DEEP_JSON = {
    "lists": "[" * 100_000 + "]" * 100_000,
    "objects": '{"@type": "NewsArticle", "about": ' + '{"a": ' * 100_000 + "1" + "}" * 100_001,
    "lists-just-parsable": "[" * 900 + "]" * 900,
}


@pytest.mark.parametrize("shape", DEEP_JSON)
def test_json_ld_nested_past_the_stack_is_skipped_and_the_page_extracts(
    run: Run, tmp_path: Path, shape: str
) -> None:
    script = f'<script type="application/ld+json">{DEEP_JSON[shape]}</script></head>'
    page = tmp_path / "deep-json.html"
    page.write_bytes(GOOD.read_bytes().replace(b"</head>", script.encode(), 1))
    result = run("extract", page)
    assert (result.code, result.err) == (0, "")
    article = json.loads(result.out)
    assert (article["title"], article["authors"]) == (GOOD_TITLE, ["Miriam Adler"])


def test_markup_nested_200000_levels_deep_extracts(run: Run, tmp_path: Path) -> None:
    deep = "<div>" * 200_000 + "<p>The deep paragraph, read in the end.</p>" + "</div>" * 200_000
    page = tmp_path / "deep.html"
    page.write_bytes(GOOD.read_bytes().replace(b"<!--VECTOR-->", deep.encode()))
    started = time.monotonic()
    result = run("extract", "--format", "text", page)
    assert time.monotonic() - started < 10
    assert (result.code, result.err) == (0, "")
    assert "LEGIT-AFTER" in result.out


def test_invalid_utf8_in_a_utf8_page_extracts_with_replacement_characters(
    run: Run, tmp_path: Path
) -> None:
    page = tmp_path / "broken.html"
    broken = "Señor Müller’s “naïve” façade —".encode() + b" LEGIT-BEFORE \xff\xfe\xc3(:"
    page.write_bytes(GOOD.read_bytes().replace(b"LEGIT-BEFORE:", broken))
    result = run("extract", "--format", "text", page)
    assert (result.code, result.err) == (0, "")
    assert "Señor Müller’s “naïve” façade — LEGIT-BEFORE \ufffd\ufffd\ufffd(:" in result.out


def test_bytes_no_single_byte_charset_reads_extract_quietly(tmp_path: Path) -> None:
    page = tmp_path / "undecodable.html"
    # No charset declared, not UTF-8, and 0x81 and 0x8d are not windows-1252 either: the
    # decoder falls back to replacement characters, and says nothing about it on stderr.
    story = b"Caf\xe9 \x81\x8d na\xefve: " + b"the pantry line grows longer every week. " * 6
    page.write_bytes(
        b"<html><head><title>Pantry</title></head><body><article><h1>Pantry line grows</h1>"
        b"<p>" + story + b"</p></article></body></html>"
    )
    # A separate process: in this one the test runner's log capture would hide a warning.
    result = subprocess.run(
        [sys.executable, "-m", "syndicate", "extract", "--format", "text", str(page)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("Caf\u00e9 \ufffd\ufffd na\u00efve: the pantry line")


def test_debug_shows_the_traceback(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    result = run("--debug", "extract", missing)
    assert result.code == 2
    assert result.err.startswith("Traceback (most recent call last):")
    assert "FileNotFoundError" in result.err
    assert result.err.splitlines()[-1] == f"syndicate: error: {missing}: no such file"


def boom(source: str, **_: object) -> object:
    if source.endswith("bug.html"):
        raise KeyError("body")
    return real_read_article(source)


real_read_article = syndicate.cli.read_article


def test_a_bug_is_one_line_with_a_hint_and_the_batch_goes_on(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(syndicate.cli, "read_article", boom)
    bug = tmp_path / "bug.html"
    result = run("extract", "--format", "jsonl", bug, GOOD)
    assert result.code == 2
    assert result.err.splitlines() == [
        f"syndicate: internal error: {bug}: KeyError: 'body' (run with --debug for the traceback)"
    ]
    assert json.loads(result.out)["title"] == GOOD_TITLE
    debug = run("--debug", "extract", bug)
    assert "Traceback (most recent call last):" in debug.err
    assert debug.err.splitlines()[-1] == f"syndicate: internal error: {bug}: KeyError: 'body'"


class Unprintable:
    """An article whose output step fails: a bug outside the reading of any source."""

    body_text = "A story of a few words."

    def model_dump(self, **_: object) -> object:
        raise ValueError("cannot dump")


def test_a_bug_outside_any_source_is_one_line_with_a_hint(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(syndicate.cli, "read_article", lambda *_, **__: Unprintable())
    result = run("extract", GOOD)
    assert result.code == 2
    assert result.err == (
        "syndicate: internal error: ValueError: cannot dump (run with --debug for the traceback)\n"
    )


def _names(count: int, sep: bytes = b" ") -> bytes:
    return sep.join(b"data-a%d" % i for i in range(count))


HOSTILE_PAGES: dict[str, Callable[[], bytes]] = {
    "attribute-flood": lambda: b"<p " + _names(200_000) + b">x</p>",
    "attribute-flood-split-by-quotes": lambda: b"<p " + _names(200_000, b'=">" ') + b">x</p>",
    "one-5-mb-attribute": lambda: b'<p title="' + b"x" * 5_000_000 + b'">x</p>',
    "a-million-comments": lambda: b"<!---->" * 1_000_000,
    "a-million-empty-elements": lambda: b"<b></b>" * 1_000_000,
    "500k-unclosed-paragraphs": lambda: b"<p>x" * 500_000,
    "200k-links": lambda: b'<a href="https://example.org/x">x</a> ' * 200_000,
    "9-mb-word": lambda: b"<p>" + b"x" * 9_000_000 + b"</p>",
    "9-mb-json-ld": lambda: (
        b'<script type="application/ld+json">{"articleBody": "' + b"x" * 9_000_000 + b'"}</script>'
    ),
}
TOO_MANY = re.compile(r"[\d,]+ elements, over the cap of [\d,]+ for [\d,]+ bytes$")
REFUSED = {"a-million-empty-elements", "500k-unclosed-paragraphs", "200k-links"}


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The story page with each hostile markup in the middle of its text."""
    folder = tmp_path_factory.mktemp("hostile")
    story = GOOD.read_bytes()
    paths = {}
    for name, markup in HOSTILE_PAGES.items():
        paths[name] = folder / f"{name}.html"
        paths[name].write_bytes(story.replace(b"<!--VECTOR-->", markup()))
    return paths


@pytest.mark.parametrize("case", list(HOSTILE_PAGES))
def test_hostile_markup_is_read_or_refused_in_bounded_time(
    run: Run, hostile_pages: dict[str, Path], case: str
) -> None:
    source = hostile_pages[case]
    started = time.monotonic()
    result = run("extract", "--format", "jsonl", source, GOOD)
    assert time.monotonic() - started < 5
    titles = [json.loads(line)["title"] for line in result.out.splitlines()]
    if case in REFUSED:
        assert result.code == 2
        (line,) = result.err.splitlines()
        assert line.startswith(f"syndicate: error: {source}: ")
        assert TOO_MANY.search(line)
        assert titles == [GOOD_TITLE]
    else:
        assert (result.code, result.err) == (0, "")
        assert titles == [GOOD_TITLE] * 2


@pytest.mark.parametrize("case", ["attribute-flood", "a-million-empty-elements"])
def test_check_and_snippet_read_or_refuse_hostile_markup_alike(
    run: Run, hostile_pages: dict[str, Path], case: str, tmp_path: Path
) -> None:
    source = hostile_pages[case]
    refused = case in REFUSED
    started = time.monotonic()
    checked = run("check", "--profile", "forward", source)
    snipped = run("snippet", "--out", tmp_path / "out", source)
    assert time.monotonic() - started < 10
    for result in (checked, snipped):
        assert result.code == (2 if refused else 0)
        assert ("Traceback" in result.err, bool(result.err)) == (False, refused)
    written = list((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else []
    assert len(written) == (0 if refused else 1)
