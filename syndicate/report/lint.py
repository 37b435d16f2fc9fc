"""What ``syndicate lint`` says about copies: text, JSON, GitHub annotations, SARIF 2.1.0.

Every formatter takes the verdicts of the copies in the order they were linted and returns
a string; nothing is printed here. Text carries ANSI colour only when asked (``color=True``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

import click

from syndicate import __version__
from syndicate.models import Severity, Verdict, Violation
from syndicate.parse import urls
from syndicate.policy.registry import Rule
from syndicate.report import one_line

SEVERITY_COLOURS: dict[Severity, str] = {"error": "red", "warning": "yellow", "info": "blue"}
GITHUB_COMMANDS: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "notice"}
SARIF_LEVELS: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/syndicate-news/syndicate"
FORMATS = ("text", "json", "github", "sarif")
# What a URL copy keeps unescaped in its SARIF ``artifactLocation.uri``: RFC 3986's reserved
# characters and ``%`` (the URL's own escapes); spaces, non-ASCII and the like are escaped.
URL_SAFE = "!#$&'()*+,/:;=?@[]~%"


def _where(verdict: Verdict, v: Violation) -> str:
    place = one_line(verdict.source or "<copy>")
    if v.line is not None:
        place += f":{v.line}"
        if v.column is not None:
            place += f":{v.column}"
    return place


def to_text(verdicts: Sequence[Verdict], *, color: bool = False) -> str:
    """``file:line:col: slug message``, grouped by file, then a one-line summary."""
    lines: list[str] = []
    counts: dict[Severity, int] = {"error": 0, "warning": 0, "info": 0}
    dirty = 0
    for verdict in verdicts:
        if not verdict.violations:
            continue
        dirty += 1
        if lines:
            lines.append("")
        for v in verdict.violations:
            counts[v.severity] += 1
            where = _where(verdict, v)
            slug = v.rule
            if color:
                where = click.style(where, bold=True)
                slug = click.style(slug, fg=SEVERITY_COLOURS[v.severity], bold=True)
            lines.append(f"{where}: {slug} {one_line(v.message)}")
    lines.append(_summary(counts, dirty, len(verdicts)))
    return "\n".join(lines)


def _summary(counts: dict[Severity, int], dirty: int, total: int) -> str:
    files = f"{total} cop{'y' if total == 1 else 'ies'}"
    if not dirty:
        return f"{files} checked, no problems"
    parts = [
        f"{n} {name}{'' if n == 1 else 's'}"
        for name, n in (("error", counts["error"]), ("warning", counts["warning"]))
        if n
    ]
    if counts["info"]:
        parts.append(f"{counts['info']} note{'' if counts['info'] == 1 else 's'}")
    return f"{', '.join(parts)} in {dirty} of {files}"


def as_data(verdicts: Sequence[Verdict]) -> list[dict[str, Any]]:
    """``[{"file", "violations": [{"rule", "severity", "message", "line", "column"}]}]``."""
    return [
        {
            "file": verdict.source,
            "violations": [
                {
                    "rule": v.rule,
                    "severity": v.severity,
                    "message": v.message,
                    "line": v.line,
                    "column": v.column,
                }
                for v in verdict.violations
            ],
        }
        for verdict in verdicts
    ]


def to_json(verdicts: Sequence[Verdict]) -> str:
    return json.dumps(as_data(verdicts), ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(verdicts: Sequence[Verdict]) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=slug::message``."""
    lines = []
    for verdict in verdicts:
        for v in verdict.violations:
            props = [f"file={_escape_property(verdict.source or '<copy>')}"]
            if v.line is not None:
                props.append(f"line={v.line}")
            if v.column is not None:
                props.append(f"col={v.column}")
            props.append(f"title={_escape_property(v.rule)}")
            command = GITHUB_COMMANDS[v.severity]
            lines.append(f"::{command} {','.join(props)}::{_escape_data(v.message)}")
    return "\n".join(lines)


def _artifact_uri(source: str | None) -> str:
    """SOURCE as the URI reference SARIF requires: an http(s) URL as given (escaped only
    where it must be), a path percent-encoded (``a b#1.html`` -> ``a%20b%231.html``)."""
    if not source:
        return "copy"
    if urls.parts(source).scheme in ("http", "https"):
        return quote(source, safe=URL_SAFE)
    return quote(source, safe="/")


def as_sarif(verdicts: Sequence[Verdict], rules: Sequence[Rule]) -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run: the copy rules as the driver's rules, one result each."""
    index = {r.slug: i for i, r in enumerate(rules)}
    results = []
    for verdict in verdicts:
        for v in verdict.violations:
            region: dict[str, int] = {}
            if v.line is not None:
                region["startLine"] = v.line
                if v.column is not None:
                    region["startColumn"] = v.column
            physical: dict[str, Any] = {"artifactLocation": {"uri": _artifact_uri(verdict.source)}}
            if region:
                physical["region"] = region
            result: dict[str, Any] = {
                "ruleId": v.rule,
                "level": SARIF_LEVELS[v.severity],
                "message": {"text": v.message},
                "locations": [{"physicalLocation": physical}],
            }
            if v.rule in index:
                result["ruleIndex"] = index[v.rule]
            results.append(result)
    driver = {
        "name": "syndicate",
        "version": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [
            {
                "id": r.slug,
                "name": r.slug,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.doc},
                "defaultConfiguration": {"level": SARIF_LEVELS[r.severity]},
                "helpUri": f"{INFORMATION_URI}/blob/main/docs/rules.md#{r.slug}",
            }
            for r in rules
        ],
    }
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }


def to_sarif(verdicts: Sequence[Verdict], rules: Sequence[Rule]) -> str:
    return json.dumps(as_sarif(verdicts, rules), ensure_ascii=False, indent=2)


def render(fmt: str, verdicts: Sequence[Verdict], rules: Sequence[Rule], *, color: bool) -> str:
    """The report in ``fmt`` (one of ``FORMATS``)."""
    if fmt == "json":
        return to_json(verdicts)
    if fmt == "github":
        return to_github(verdicts)
    if fmt == "sarif":
        return to_sarif(verdicts, rules)
    return to_text(verdicts, color=color)
