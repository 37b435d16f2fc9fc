"""The rule registry as text, JSON and Markdown (``syndicate rules``; docs/rules.md).

docs/rules.md is ``syndicate rules --format markdown`` verbatim; a test keeps it in sync.
"""

from __future__ import annotations

import json

from syndicate.policy.registry import Rule

REGENERATE = "syndicate rules --format markdown > docs/rules.md"


def rules_text(rules: tuple[Rule, ...]) -> str:
    """One aligned line per rule: slug, scope, severity, summary."""
    if not rules:
        return ""
    width = max(len(r.slug) for r in rules)
    return "\n".join(
        f"{r.slug:<{width}}  {r.scope:<7}  {r.severity:<7}  {r.summary}" for r in rules
    )


def rules_json(rules: tuple[Rule, ...]) -> str:
    """A JSON list of ``{slug, scope, severity, summary, doc}``."""
    data = [
        {
            "slug": r.slug,
            "scope": r.scope,
            "severity": r.severity,
            "summary": r.summary,
            "doc": r.doc,
        }
        for r in rules
    ]
    return json.dumps(data, ensure_ascii=False, indent=2)


def rules_markdown(rules: tuple[Rule, ...]) -> str:
    """docs/rules.md: a table of every rule, then each rule's documentation."""
    lines = [
        "# Rules",
        "",
        f"Generated from the rule registry by `{REGENERATE}`; do not edit by hand.",
        "A profile changes a rule's severity, or switches it off, under `[rules]`",
        "(see [policy.md](policy.md)).",
        "",
        "| rule | scope | default severity | summary |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| [`{r.slug}`](#{r.slug}) | {r.scope} | {r.severity} | {r.summary} |" for r in rules
    ]
    for r in rules:
        lines += ["", f"## {r.slug}", "", f"*{r.scope} rule, {r.severity} by default.*", ""]
        lines += [r.summary, "", r.doc]
    return "\n".join(lines) + "\n"
