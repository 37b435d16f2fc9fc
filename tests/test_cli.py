from __future__ import annotations

import json
from pathlib import Path

from conftest import Result


def test_extract_reports_a_missing_file_and_goes_on(run, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    text = (
        "The city council voted on Tuesday to rebuild the old footbridge over the river, "
        "after two years of debate about its cost and the closure of the towpath beneath it."
    )
    page.write_text(
        f"<html><head><title>Bridge</title></head><body><article><p>{text}</p></article></body></html>"
    )
    result: Result = run("extract", "--format", "jsonl", tmp_path / "missing.html", page)
    assert result.code == 2
    assert result.err.strip().splitlines() == [
        f"syndicate: error: {tmp_path / 'missing.html'}: no such file"
    ]
    assert json.loads(result.out)["body_text"] == text
