"""The lint report formats: text, JSON, GitHub workflow commands and SARIF 2.1.0."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable

import jsonschema
import pytest
from conftest import COPIES, PAGES, ROOT, Result

from syndicate.models import Verdict, Violation
from syndicate.policy import all_rules
from syndicate.report.lint import as_sarif, to_github, to_json, to_text

SARIF_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-2.1.0-core.json").read_text())
ALTERED = Verdict(
    source="site/story.html",
    violations=(
        Violation(
            rule="pixel-altered",
            severity="error",
            message="pixel has post=172839, expected post=172893",
            line=12,
            column=5,
        ),
        Violation(
            rule="text-altered", severity="warning", message='text added: "a, b"', line=30, column=1
        ),
    ),
)
CLEAN = Verdict(source="site/other.html")


def test_text_keeps_each_finding_on_one_line_and_escapes_controls() -> None:
    hostile = Verdict(
        source="copy\u202e.html\nforged: line",
        violations=(
            Violation(
                rule="text-altered",
                severity="error",
                message='text added: "evil\u202egnp.exe\x1b[2J\nfake: line"',
                line=3,
                column=1,
            ),
        ),
    )
    first = to_text([hostile]).splitlines()[0]
    assert first == (
        "copy\\u202e.html forged: line:3:1: text-altered "
        'text added: "evil\\u202egnp.exe\\x1b[2J fake: line"'
    )


def test_text_is_file_line_col_slug_message_grouped_with_a_summary() -> None:
    other = Verdict(
        source="b.html",
        violations=(Violation(rule="pixel-missing", severity="error", message="m", line=1),),
    )
    assert to_text([ALTERED, CLEAN, other]) == (
        "site/story.html:12:5: pixel-altered pixel has post=172839, expected post=172893\n"
        'site/story.html:30:1: text-altered text added: "a, b"\n'
        "\n"
        "b.html:1: pixel-missing m\n"
        "2 errors, 1 warning in 2 of 3 copies"
    )
    assert to_text([CLEAN]) == "1 copy checked, no problems"


def test_text_is_coloured_only_when_asked() -> None:
    assert "\x1b[" not in to_text([ALTERED])
    coloured = to_text([ALTERED], color=True)
    assert "\x1b[31m" in coloured  # the error's slug in red
    assert "\x1b[33m" in coloured  # the warning's in yellow


def test_json_lists_each_file_with_its_violations() -> None:
    assert json.loads(to_json([ALTERED, CLEAN])) == [
        {
            "file": "site/story.html",
            "violations": [
                {
                    "rule": "pixel-altered",
                    "severity": "error",
                    "message": "pixel has post=172839, expected post=172893",
                    "line": 12,
                    "column": 5,
                },
                {
                    "rule": "text-altered",
                    "severity": "warning",
                    "message": 'text added: "a, b"',
                    "line": 30,
                    "column": 1,
                },
            ],
        },
        {"file": "site/other.html", "violations": []},
    ]


def test_github_workflow_commands_escape_what_they_must() -> None:
    odd = Verdict(
        source="a,b:c.html",
        violations=(
            Violation(rule="credit-missing", severity="info", message="50%\nnext", line=2),
        ),
    )
    assert to_github([ALTERED, odd]).splitlines() == [
        "::error file=site/story.html,line=12,col=5,title=pixel-altered::"
        "pixel has post=172839, expected post=172893",
        '::warning file=site/story.html,line=30,col=1,title=text-altered::text added: "a, b"',
        "::notice file=a%2Cb%3Ac.html,line=2,title=credit-missing::50%25%0Anext",
    ]


def test_sarif_validates_and_names_every_copy_rule() -> None:
    rules = all_rules("copy")
    log = as_sarif([ALTERED, CLEAN], rules)
    jsonschema.validate(log, SARIF_SCHEMA)
    (run,) = log["runs"]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [r.slug for r in rules]
    first = run["results"][0]
    assert first["ruleId"] == "pixel-altered"
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "pixel-altered"
    assert first["level"] == "error"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "site/story.html"},
        "region": {"startLine": 12, "startColumn": 5},
    }
    assert run["results"][1]["level"] == "warning"


def test_sarif_schema_rejects_what_the_standard_rejects() -> None:
    log = as_sarif([ALTERED], all_rules("copy"))
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(jsonschema.ValidationError, match="less than the minimum of 1"):
        jsonschema.validate(log, SARIF_SCHEMA)


def test_sarif_uris_are_uri_references_whatever_the_copy_is_named() -> None:
    odd = Violation(rule="pixel-missing", severity="error", message="m", line=1)
    names = {
        "site/copy #1 [é].html": "site/copy%20%231%20%5B%C3%A9%5D.html",
        "https://partner.example/a b/story?id=1#top": "https://partner.example/a%20b/story?id=1#top",
        "https://partner.example/caf%C3%A9": "https://partner.example/caf%C3%A9",
        "-": "-",
    }
    log = as_sarif([Verdict(source=name, violations=(odd,)) for name in names], all_rules("copy"))
    jsonschema.validate(log, SARIF_SCHEMA)
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    ]
    assert uris == list(names.values())


def test_sarif_schema_rejects_a_raw_path_as_uri() -> None:
    log = as_sarif([ALTERED], all_rules("copy"))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    location["artifactLocation"]["uri"] = "site/copy #1.html"
    with pytest.raises(jsonschema.ValidationError, match="does not match"):
        jsonschema.validate(log, SARIF_SCHEMA)


def test_the_cli_sarif_of_the_fixture_copies_validates(run: Callable[..., Result]) -> None:
    copies = sorted((COPIES / "forward").glob("askhamas-*.html"))
    original = PAGES / "forward" / "askhamas.html"
    result = run("lint", "--format", "sarif", "--original", original, *copies)
    assert result.code == 1
    log = json.loads(result.out)
    jsonschema.validate(log, SARIF_SCHEMA)
    expected = tomllib.loads((COPIES / "expected.toml").read_text(encoding="utf-8"))
    raised = sum(len(expected[f"forward/{c.name}"]["rules"]) for c in copies)
    assert len(log["runs"][0]["results"]) == raised == 11  # one per finding


def test_no_color_keeps_the_text_plain(run: Callable[..., Result], monkeypatch: object) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setenv("NO_COLOR", "1")
    copy = COPIES / "forward" / "askhamas-pixel-altered.html"
    result = run("lint", "--original", PAGES / "forward" / "askhamas.html", copy)
    assert "\x1b[" not in result.out
    assert result.out.startswith(f"{copy}:35:7: pixel-altered pixel has post=203004")
