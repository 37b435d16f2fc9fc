"""Publisher policies: profiles as data, rules in a registry, verdicts with reasons."""

from __future__ import annotations

from syndicate.policy.engine import ArticleContext, effective_severity, evaluate
from syndicate.policy.profile import Profile, load_profile
from syndicate.policy.registry import Finding, Rule, all_rules, get_rule, rule

__all__ = [
    "ArticleContext",
    "Finding",
    "Profile",
    "Rule",
    "all_rules",
    "effective_severity",
    "evaluate",
    "get_rule",
    "load_profile",
    "rule",
]
