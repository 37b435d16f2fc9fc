"""The rule registry: every rule syndicate knows, by its stable slug.

A rule is a small pure function that yields ``Finding``s; the engine stamps the slug and
the severity (the profile may change or switch off either), so rules stay simple.
Rules of scope ``article`` judge a parsed Article (``syndicate check``); rules of scope
``copy`` judge a partner's copy against the original (``syndicate lint``).
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from syndicate.errors import ConfigError
from syndicate.models import Severity

Scope = Literal["article", "copy"]


class Finding(NamedTuple):
    """What a rule saw: a message, the evidence quoted, and where in the copy (1-based)."""

    message: str
    evidence: str | None = None
    line: int | None = None
    column: int | None = None


Check = Callable[[Any], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    slug: str
    summary: str
    severity: Severity
    scope: Scope
    check: Check

    @property
    def doc(self) -> str:
        """The rule's documentation: its function's docstring."""
        return inspect.cleandoc(self.check.__doc__ or self.summary)


_RULES: dict[str, Rule] = {}


def rule(
    slug: str, *, summary: str, severity: Severity = "error", scope: Scope
) -> Callable[[Check], Check]:
    """Register a rule function under ``slug``."""

    def register(check: Check) -> Check:
        if slug in _RULES:
            raise ValueError(f"rule {slug!r} registered twice")
        _RULES[slug] = Rule(slug, summary, severity, scope, check)
        return check

    return register


def all_rules(scope: Scope | None = None) -> tuple[Rule, ...]:
    """Every registered rule, sorted by slug; only one scope's when given."""
    _load()
    return tuple(r for _, r in sorted(_RULES.items()) if scope is None or r.scope == scope)


def get_rule(slug: str) -> Rule:
    _load()
    try:
        return _RULES[slug]
    except KeyError:
        close = difflib.get_close_matches(slug, list(_RULES), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ConfigError(f"unknown rule {slug!r}{hint}") from None


def _load() -> None:
    # Importing the rules package registers every rule it lists.
    import syndicate.policy.rules  # noqa: F401
