"""What ``syndicate check`` says: a verdict per source as text or JSON. No printing here.

Text carries ANSI colour through ``click.style``; the caller's ``click.echo(color=...)``
strips it when the output is not a terminal or ``NO_COLOR`` is set.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import click

from syndicate.models import Article, Severity, Verdict
from syndicate.report import one_line

SEVERITY_COLOURS: dict[Severity, str] = {"error": "red", "warning": "yellow", "info": "blue"}


@dataclass(frozen=True, slots=True)
class Checked:
    """One source judged: where it came from, the article read off it, and the verdict."""

    source: str
    article: Article
    verdict: Verdict


def article_summary(article: Article) -> dict[str, Any]:
    """The fields a reader of a verdict needs to know which story it is about."""
    return {
        "title": article.title,
        "canonical_url": article.canonical_url,
        "authors": list(article.authors),
        "origin": [sign.model_dump(mode="json") for sign in article.origin],
    }


def as_dict(checked: Checked) -> dict[str, Any]:
    """One source's verdict as the JSON object ``check --format json`` prints."""
    return {
        "source": checked.source,
        "republishable": checked.verdict.republishable,
        "violations": [
            {"rule": v.rule, "severity": v.severity, "message": v.message, "evidence": v.evidence}
            for v in checked.verdict.violations
        ],
        "article": article_summary(checked.article),
    }


def to_json(results: list[Checked], *, many: bool) -> str:
    """One object, or a list of them when several sources were asked for."""
    data: Any = [as_dict(c) for c in results] if many else as_dict(results[0])
    return json.dumps(data, ensure_ascii=False, indent=2)


def to_text(checked: Checked) -> str:
    """A verdict line, then one indented line per reason."""
    verdict = checked.verdict
    if verdict.republishable:
        head = click.style("republishable", fg="green", bold=True)
    else:
        head = click.style("not republishable", fg="red", bold=True)
    lines = [f"{one_line(checked.source)}: {head}"]
    for v in verdict.violations:
        label = click.style(v.severity, fg=SEVERITY_COLOURS[v.severity])
        lines.append(f"  {label} {v.rule}: {one_line(v.message)}")
    return "\n".join(lines)


def summary(results: list[Checked], *, failed: int = 0) -> str:
    """``3 sources: 2 republishable, 1 not, 1 unreadable`` for runs over several sources."""
    ok = sum(c.verdict.republishable for c in results)
    parts = [f"{ok} republishable", f"{len(results) - ok} not"]
    if failed:
        parts.append(f"{failed} unreadable")
    return f"{len(results) + failed} sources: {', '.join(parts)}"
