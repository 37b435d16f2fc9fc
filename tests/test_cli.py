from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import Result

BRIDGE = (
    "The city council voted on Tuesday to rebuild the old footbridge over the river, "
    "after two years of debate about its cost and the closure of the towpath beneath it."
)


def _bridge_page(tmp_path: Path) -> Path:
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>Bridge</title></head><body><article><p>{BRIDGE}</p></article>"
        "</body></html>"
    )
    return page


def test_extract_reports_a_missing_file_and_goes_on(run, tmp_path: Path) -> None:
    page = _bridge_page(tmp_path)
    result: Result = run("extract", "--format", "jsonl", tmp_path / "missing.html", page)
    assert result.code == 2
    assert result.err.strip().splitlines() == [
        f"syndicate: error: {tmp_path / 'missing.html'}: no such file"
    ]
    assert json.loads(result.out)["body_text"] == BRIDGE


def test_a_source_named_with_newlines_or_terminal_escapes_is_still_one_line(run) -> None:
    result: Result = run("extract", "story\nFAKE.html", "red\x1b[31m.html", "rtl\u202efdp.html")
    assert result.code == 2
    assert result.err.splitlines() == [
        "syndicate: error: story FAKE.html: no such file",
        "syndicate: error: red\\x1b[31m.html: no such file",
        "syndicate: error: rtl\\u202efdp.html: no such file",
    ]


def test_reading_files_does_not_import_the_http_stack_or_the_charset_sniffer() -> None:
    # requests and beautifulsoup4 take about 0.2 s to import, half the start-up of a command
    # that reads one file; only a URL or a page of unknown charset needs them.
    probe = (
        "import sys; from syndicate.cli import main; "
        "code = main(['extract', '--format', 'text', sys.argv[1]]); "
        "print(code, 'requests' in sys.modules, 'bs4' in sys.modules, file=sys.stderr)"
    )
    page = Path(__file__).parent.parent / "fixtures" / "pages" / "forward" / "askhamas.html"
    done = subprocess.run(
        [sys.executable, "-c", probe, str(page)], capture_output=True, text=True, check=True
    )
    assert done.stderr.split() == ["0", "False", "False"]


def test_a_timeout_a_watchdog_cannot_wait_for_is_a_usage_error(run) -> None:
    for value in ("nan", "inf", "1e300"):
        result: Result = run("--timeout", value, "extract", "http://127.0.0.1:1/")
        assert result.code == 2
        assert "Invalid value for '--timeout'" in result.err
        assert "Traceback" not in result.err


def test_a_size_cap_past_any_memory_reads_a_file_whole(run, tmp_path: Path) -> None:
    page = _bridge_page(tmp_path)
    result: Result = run("--max-bytes", str(10**22), "extract", page)
    assert result.code == 0
    assert json.loads(result.out)["title"] == "Bridge"
