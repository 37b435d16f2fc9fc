"""`syndicate check`, `syndicate rules` and `syndicate.check()`: verdicts, formats, exit codes."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, PAGES, ROOT, Result
from pytest_httpserver import HTTPServer

import syndicate
from syndicate import ConfigError, Origin, SourceError, parse_article
from syndicate.api import read_article
from syndicate.policy import all_rules, evaluate
from syndicate.policy.docs import rules_markdown
from syndicate.policy.outlets import names
from syndicate.policy.profile import builtin

Run = Callable[..., Result]
JTA = PAGES / "forward" / "jta-byline.html"
OWN = PAGES / "forward" / "askhamas.html"
TABLET = PAGES / "forward" / "tablet-first-appeared.html"
JTA_REASON = "  error origin-blocked: originated with JTA: byline 'By Ron Kampeas, JTA'"
EXPECTED = PAGES / "expected.toml"


def test_a_refused_story_prints_its_verdict_and_reason_and_exits_1(run: Run) -> None:
    result = run("check", JTA)
    assert result.code == 1
    assert result.out.splitlines() == [f"{JTA}: not republishable", JTA_REASON]
    assert result.err == ""


def test_an_own_story_is_republishable_and_exits_0(run: Run) -> None:
    result = run("check", OWN)
    assert (result.code, result.out, result.err) == (0, f"{OWN}: republishable\n", "")


def test_several_sources_get_a_verdict_each_and_a_summary(run: Run) -> None:
    result = run("check", OWN, JTA)
    assert result.code == 1
    assert result.out.splitlines() == [
        f"{OWN}: republishable",
        f"{JTA}: not republishable",
        JTA_REASON,
        "2 sources: 1 republishable, 1 not",
    ]


def test_json_is_one_object_with_the_documented_fields(run: Run) -> None:
    result = run("check", "--format", "json", JTA)
    assert result.code == 1
    data = json.loads(result.out)
    assert data == {
        "source": str(JTA),
        "republishable": False,
        "violations": [
            {
                "rule": "origin-blocked",
                "severity": "error",
                "message": "originated with JTA: byline 'By Ron Kampeas, JTA'",
                "evidence": "By Ron Kampeas, JTA",
            }
        ],
        "article": {
            "title": "House panel advances bill to double security grants for synagogues",
            "canonical_url": "https://forward.com/news/545120/"
            "house-panel-advances-bill-to-double-security-grants-for-synagogues/",
            "authors": ["Ron Kampeas"],
            "origin": [
                {"name": "JTA", "kind": "byline", "evidence": "By Ron Kampeas, JTA", "url": None}
            ],
        },
    }


def test_json_for_several_sources_is_a_list(run: Run) -> None:
    result = run("check", "--format", "json", OWN, TABLET)
    assert result.code == 1
    data = json.loads(result.out)
    assert [(d["source"], d["republishable"]) for d in data] == [
        (str(OWN), True),
        (str(TABLET), False),
    ]
    assert "Tablet Magazine" in data[1]["violations"][0]["message"]


def test_an_unreadable_source_is_one_line_and_the_others_are_still_checked(
    run: Run, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.html"
    result = run("check", missing, OWN)
    assert result.code == 2
    assert result.err.splitlines() == [f"syndicate: error: {missing}: no such file"]
    assert result.out.splitlines() == [
        f"{OWN}: republishable",
        "2 sources: 1 republishable, 0 not, 1 unreadable",
    ]


def test_an_unreadable_source_beats_a_refusal_for_the_exit_code(run: Run, tmp_path: Path) -> None:
    result = run("check", "--format", "json", JTA, tmp_path / "missing.html")
    assert result.code == 2
    assert [d["source"] for d in json.loads(result.out)] == [str(JTA)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--config", "nowhere.toml"], "syndicate: error: nowhere.toml: no such file"),
        (
            ["--config", str(FIXTURES / "profiles" / "unknown-key.toml")],
            f"syndicate: error: {FIXTURES / 'profiles' / 'unknown-key.toml'}: "
            "origin.block_othr: unknown key (did you mean 'block_other'?)",
        ),
        (
            ["--profile", "forwrd"],
            "syndicate: error: unknown profile 'forwrd' (did you mean 'forward'?); "
            "built in: forward, inn",
        ),
    ],
)
def test_a_bad_config_is_one_line_and_exit_2(run: Run, args: list[str], message: str) -> None:
    result = run("check", *args, OWN)
    assert (result.code, result.out) == (2, "")
    assert result.err.splitlines() == [message]


def test_profile_and_config_together_are_a_usage_error(run: Run) -> None:
    result = run("check", "--profile", "inn", "--config", "x.toml", OWN)
    assert (result.code, result.out) == (2, "")
    assert "--profile and --config cannot be used together" in result.err


def test_another_profile_gives_another_verdict(run: Run) -> None:
    # The INN profile lets other publications' stories through; the Forward's does not.
    assert run("check", TABLET).code == 1
    result = run("check", "--profile", "inn", TABLET)
    assert (result.code, result.out) == (0, f"{TABLET}: republishable\n")
    # A newsroom's own profile does not cover the Forward's page at all.
    newsroom = FIXTURES / "profiles" / "newsroom.toml"
    result = run("check", "--config", newsroom, TABLET)
    assert result.code == 1
    assert "error publisher-mismatch: the page is on forward.com" in result.out


def test_check_discovers_syndicate_toml_from_the_working_directory(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "syndicate.toml").write_text('profile = "inn"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert run("check", TABLET).code == 0
    (tmp_path / "syndicate.toml").write_text("profile = [\n", encoding="utf-8")
    result = run("check", TABLET)
    assert result.code == 2
    assert result.err.startswith(f"syndicate: error: {tmp_path / 'syndicate.toml'}: invalid TOML")


def test_check_reads_standard_input(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(JTA.read_bytes())))
    result = run("check", "-")
    assert result.code == 1
    assert result.out.splitlines() == ["-: not republishable", JTA_REASON]


def test_check_fetches_a_url_from_a_real_server(run: Run, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/news/545120/").respond_with_data(
        JTA.read_bytes(), content_type="text/html; charset=utf-8"
    )
    httpserver.expect_request("/gone").respond_with_data("gone", status=404)
    url, gone = httpserver.url_for("/news/545120/"), httpserver.url_for("/gone")
    result = run("check", "--format", "json", url, gone)
    assert result.code == 2
    assert len(result.err.splitlines()) == 1
    assert result.err.startswith(f"syndicate: error: {gone}: ")
    assert "404" in result.err
    [data] = json.loads(result.out)
    assert data["source"] == url
    assert data["republishable"] is False
    assert data["violations"][0]["message"].startswith("originated with JTA")


def test_output_has_no_colour_when_not_a_terminal(run: Run) -> None:
    assert "\x1b[" not in run("check", JTA).out


def _on_a_terminal(*argv: str, env: dict[str, str]) -> bytes:
    """Run ``python -m syndicate`` with its stdout on a pseudo-terminal; return what it wrote."""
    leader, follower = pty.openpty()
    try:
        subprocess.run(
            [sys.executable, "-m", "syndicate", *argv],
            stdout=follower, stderr=subprocess.DEVNULL, env=env, cwd=ROOT, timeout=60, check=False,
        )  # fmt: skip
    finally:
        os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal is drained and closed
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    return out


def test_output_is_coloured_on_a_terminal_unless_no_color_is_set() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    coloured = _on_a_terminal("check", str(JTA), env=env)
    assert b"\x1b[31m\x1b[1mnot republishable\x1b[0m" in coloured
    plain = _on_a_terminal("check", str(JTA), env={**env, "NO_COLOR": "1"})
    assert b"\x1b[" not in plain
    assert b"not republishable" in plain


def test_rules_lists_every_rule(run: Run) -> None:
    result = run("rules")
    assert result.code == 0
    lines = result.out.splitlines()
    assert len(lines) == len(all_rules())
    origin = next(line for line in lines if line.startswith("origin-blocked "))
    assert origin.split(None, 3) == [
        "origin-blocked",
        "article",
        "error",
        "The story originated with a publication whose stories may not be republished.",
    ]


def test_rules_as_json_and_markdown(run: Run) -> None:
    data = json.loads(run("rules", "--format", "json", "--scope", "article").out)
    assert {d["slug"] for d in data} == {r.slug for r in all_rules("article")}
    assert set(data[0]) == {"slug", "scope", "severity", "summary", "doc"}
    assert run("rules", "--format", "markdown").out == rules_markdown(all_rules())


def test_the_python_api_takes_a_source_or_an_article_and_a_profile_in_any_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    verdict = syndicate.check(str(JTA))
    assert verdict.source == str(JTA)
    assert not verdict.republishable
    article = read_article(str(TABLET))
    assert not syndicate.check(article).republishable
    assert syndicate.check(article, "inn").republishable
    assert syndicate.check(article, syndicate.load_profile("inn")).republishable
    (tmp_path / "syndicate.toml").write_text('profile = "inn"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert syndicate.check(article).republishable
    with pytest.raises(ConfigError):
        syndicate.check(article, "nope")
    with pytest.raises(SourceError):
        syndicate.check(str(tmp_path / "missing.html"))


def _expected() -> dict[str, Any]:
    if not EXPECTED.is_file():
        return {}
    with EXPECTED.open("rb") as stream:
        return tomllib.load(stream)


@pytest.mark.parametrize(("page", "facts"), sorted(_expected().items()))
def test_every_fixture_page_gets_its_expected_verdict(page: str, facts: dict[str, Any]) -> None:
    path = PAGES / f"{page}.html"
    article = parse_article(path.read_bytes(), url=facts.get("url"))
    profile = builtin(facts.get("profile", "forward"))
    verdict = evaluate(article, profile)
    reasons = [f"{v.rule}: {v.message}" for v in verdict.violations]
    assert verdict.republishable == facts["republishable"], reasons
    if facts["republishable"]:
        return
    refusals = [v.message for v in verdict.violations if v.rule == "origin-blocked"]
    assert refusals, reasons
    for name in facts["origins"]:
        sign = Origin(name=name, kind="note", evidence=name)
        outlet = next((o.name for o in profile.origin.blocked if names(o, sign)), None)
        named = f"{outlet}:" if outlet else f"{name}, another publication:"
        assert any(m.startswith(f"originated with {named} ") for m in refusals), (named, refusals)


@pytest.mark.parametrize(
    ("page", "facts"),
    sorted((k, f) for k, f in _expected().items() if f.get("profile", "forward") != "forward"),
)
def test_the_forward_profile_refuses_other_newsrooms_pages(
    page: str, facts: dict[str, Any]
) -> None:
    article = parse_article((PAGES / f"{page}.html").read_bytes(), url=facts["url"])
    verdict = evaluate(article, builtin("forward"))
    mismatch = [v for v in verdict.violations if v.rule == "publisher-mismatch"]
    assert not verdict.republishable
    assert len(mismatch) == 1
    assert "not the Forward's (forward.com)" in mismatch[0].message


STORY = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shul fixes its roof</title>
<link rel="canonical" href="https://forward.com/news/560001/shul-fixes-its-roof/"></head>
<body><article><h1>Shul fixes its roof</h1>
<p>After three winters of buckets in the sanctuary, the congregation in Easton raised the money
to replace the roof of its 1923 building, the board announced on Sunday evening.</p>
<p>Volunteers held a bake sale every Friday for a year, and a local roofer matched the last
ten thousand dollars, according to the synagogue's president.</p>
<img src="https://forward.com/?republication-pixel=true&amp;post=560001" width="1" height="1">
</article></body></html>"""
SECTION_FRONT = """<!doctype html><html><head><title>News</title></head>
<body><nav><a href="/a">Politics</a> <a href="/b">Culture</a></nav></body></html>"""


def test_warnings_are_listed_but_do_not_refuse(run: Run, tmp_path: Path) -> None:
    page = tmp_path / "roof.html"
    page.write_text(STORY, encoding="utf-8")
    result = run("check", page)
    assert result.code == 0
    assert result.out.splitlines() == [
        f"{page}: republishable",
        "  warning byline-unknown: no byline or author found on the page; expected one to credit",
    ]
    strict = tmp_path / "strict.toml"
    strict.write_text('profile = "forward"\n[rules]\nbyline-unknown = "error"\n', encoding="utf-8")
    assert run("check", "--config", strict, page).code == 1


def test_a_page_without_story_text_is_not_an_article(run: Run, tmp_path: Path) -> None:
    page = tmp_path / "news.html"
    page.write_text(SECTION_FRONT, encoding="utf-8")
    result = run("check", "--format", "json", page)
    assert result.code == 2
    assert result.out == ""
    assert result.err == f"syndicate: error: {page}: not an article (no story text on the page)\n"
