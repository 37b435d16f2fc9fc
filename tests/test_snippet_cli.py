"""``syndicate snippet``: the embed on stdout, refusals on stderr, and the batch mode."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PAGES, Result

ASKHAMAS = PAGES / "forward" / "askhamas.html"
JTA = PAGES / "forward" / "jta-byline.html"
OWN = PAGES / "forward" / "own-bio-related.html"
LEVY = PAGES / "amp" / "cedar-valley-library-levy.html"
Run = Callable[..., Result]


def test_html_prints_the_head_line_then_the_embed(run: Run) -> None:
    result = run("snippet", ASKHAMAS)
    assert (result.code, result.err) == (0, "")
    golden = (PAGES / "forward" / "askhamas.snippet.html").read_text(encoding="utf-8")
    assert result.out == golden
    assert result.out.splitlines()[0].startswith('<link rel="canonical" href="https://forward.com/')


def test_json_gives_head_body_and_the_article(run: Run) -> None:
    result = run("snippet", "--format", "json", ASKHAMAS)
    assert (result.code, result.err) == (0, "")
    data = json.loads(result.out)
    assert set(data) == {"head", "body", "article"}
    assert data["head"].startswith('<link rel="canonical"')
    assert data["body"].startswith("<h1>#AskHamas Is a Twitter Disaster")
    assert data["article"]["post_id"] == "203040"
    assert data["article"]["authors"] == ["Lior Zaltzman"]
    assert "body_html" not in data["article"]


def test_a_refused_story_prints_nothing_and_its_reasons_on_stderr(run: Run) -> None:
    result = run("snippet", JTA)
    assert result.code == 1
    assert result.out == ""
    assert "not republishable" in result.err
    assert "origin-blocked: originated with JTA" in result.err


def test_a_bad_source_is_one_line_and_exit_2(run: Run, tmp_path: Path) -> None:
    result = run("snippet", tmp_path / "missing.html")
    assert (result.code, result.out) == (2, "")
    assert result.err.count("\n") == 1
    assert result.err.startswith("syndicate: error: ")
    assert "no such file" in result.err


def test_standard_input(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(OWN.read_bytes())))
    result = run("snippet", "-")
    assert result.code == 0
    assert "<h1>Our synagogues need fewer committees and more kitchens</h1>" in result.out


def test_usage_errors(run: Run) -> None:
    both = run("snippet", "--profile", "forward", "--config", "x.toml", ASKHAMAS)
    assert both.code == 2
    assert "cannot be used together" in both.err
    several = run("snippet", ASKHAMAS, OWN)
    assert several.code == 2
    assert "--out DIR" in several.err
    unknown = run("snippet", "--profile", "fwd", ASKHAMAS)
    assert unknown.code == 2
    assert "unknown profile 'fwd'" in unknown.err


def test_a_config_file_moves_the_credit_to_the_top(run: Run, tmp_path: Path) -> None:
    config = tmp_path / "partner.toml"
    config.write_text('profile = "forward"\n[credit]\nposition = "top"\n', encoding="utf-8")
    result = run("snippet", "--config", config, OWN)
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[1].startswith("<h1>")
    assert lines[3].startswith('<p class="credit">')


# -- batch -------------------------------------------------------------------------------


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_batch_writes_one_file_per_story_named_by_post_id_or_slug(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "embeds"
    result = run("snippet", "--out", out, ASKHAMAS, OWN)
    assert (result.code, result.err) == (0, "")
    # Another newsroom's story, under the generic profile, into the same folder.
    result = run("snippet", "--profile", "inn", "--out", out, LEVY)
    assert (result.code, result.err) == (0, "")
    assert files(out) == ["203040.html", "556781.html", "library-levy-passes-after-recount.html"]
    golden = (PAGES / "forward" / "askhamas.snippet.html").read_text(encoding="utf-8")
    assert (out / "203040.html").read_text(encoding="utf-8") == golden


def test_batch_falls_back_to_the_file_stem_and_never_overwrites_within_a_run(
    run: Run, tmp_path: Path
) -> None:
    page = tmp_path / "my story.html"
    text = "The harbor board voted on Tuesday to repair the old pier before summer. " * 5
    page.write_text(
        f"<html><head><title>Pier</title></head><body><article><h1>Pier repairs</h1>"
        f"<p class='byline'>By Sam Lee</p><p>{text}</p></article></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run("snippet", "--out", out, page, ASKHAMAS, ASKHAMAS)
    assert result.code == 0, result.err
    assert files(out) == ["203040-2.html", "203040.html", "my-story.html"]


def test_batch_skips_and_reports_refused_stories_exit_1(run: Run, tmp_path: Path) -> None:
    result = run("snippet", "--out", tmp_path, JTA, OWN)
    assert result.code == 1
    assert files(tmp_path) == ["556781.html"]
    assert "jta-byline.html: not republishable" in result.err
    assert "556781.html" not in result.err


def test_batch_with_an_unreadable_source_exits_2_and_writes_the_rest(
    run: Run, tmp_path: Path
) -> None:
    result = run("snippet", "--out", tmp_path / "o", tmp_path / "gone.html", JTA, OWN)
    assert result.code == 2
    assert files(tmp_path / "o") == ["556781.html"]
    assert "gone.html: no such file" in result.err
    assert "[#" not in result.err
    assert "%" not in result.err


def test_batch_replaces_files_whole_and_leaves_no_temporary_files(run: Run, tmp_path: Path) -> None:
    (tmp_path / "556781.html").write_text("x" * 100_000, encoding="utf-8")
    result = run("snippet", "--format", "json", "--out", tmp_path, OWN)
    assert result.code == 0
    assert files(tmp_path) == ["556781.html", "556781.json"]
    data = json.loads((tmp_path / "556781.json").read_text(encoding="utf-8"))
    assert data["article"]["title"] == "Our synagogues need fewer committees and more kitchens"
    result = run("snippet", "--out", tmp_path, OWN)
    assert result.code == 0
    written = (tmp_path / "556781.html").read_text(encoding="utf-8")
    assert written.startswith('<link rel="canonical"')
    assert "x" * 100 not in written
    assert files(tmp_path) == ["556781.html", "556781.json"]
