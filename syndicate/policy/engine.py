"""Run the rules: stamp each finding with its rule's slug and the severity the profile gives it.

Rules stay pure (they yield ``Finding``s); the engine owns severities, so a profile can
soften, harden or switch off any rule without the rule knowing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from syndicate.models import Article, Severity, Verdict, Violation
from syndicate.policy.profile import Profile
from syndicate.policy.publisher import bind
from syndicate.policy.registry import Rule, all_rules

SEVERITY_ORDER: dict[Severity, int] = {"error": 0, "warning": 1, "info": 2}
"""Violations are listed errors first, then warnings, then notes."""


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What an article-scope rule sees: the parsed article and the publisher's profile."""

    article: Article
    profile: Profile


def effective_severity(
    rule: Rule, profile: Profile, *, partner: str | None = None
) -> Severity | None:
    """The severity ``profile`` gives ``rule`` (None when switched off).

    A partner's ``[partners.HOST.rules]`` beats the profile's ``[rules]``, which beats the
    rule's default.
    """
    setting = profile.rules.get(rule.slug)
    if partner is not None:
        setting = profile.partners.get(partner, {}).get("rules", {}).get(rule.slug, setting)
    severity = rule.severity if setting is None else setting.severity
    return None if severity == "off" else severity


def evaluate(article: Article, profile: Profile, *, source: str | None = None) -> Verdict:
    """Judge ``article`` by every article-scope rule under ``profile``.

    The verdict's ``republishable`` is False when any violation is an error.
    """
    profile = bind(profile, article)
    context = ArticleContext(article, profile)
    found = run_rules(all_rules("article"), context, profile)
    violations = tuple(sorted(found, key=lambda v: (SEVERITY_ORDER[v.severity], v.rule)))
    return Verdict(source=source or article.url, violations=violations)


def run_rules(
    rules: Iterable[Rule], context: object, profile: Profile, *, partner: str | None = None
) -> list[Violation]:
    """Every finding of ``rules`` on ``context``, at the severity ``profile`` gives each rule
    (for ``partner``, when given); rules switched off are not run."""
    found: list[Violation] = []
    for rule in rules:
        severity = effective_severity(rule, profile, partner=partner)
        if severity is None:
            continue
        found.extend(
            Violation(
                rule=rule.slug,
                severity=severity,
                message=finding.message,
                evidence=finding.evidence,
                line=finding.line,
                column=finding.column,
            )
            for finding in rule.check(context)
        )
    return found
