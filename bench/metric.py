"""The extraction metric defined in the shared corpus README (Zyte's article-extraction benchmark).

Tokens are runs of ``\\w+``; each page is scored on multisets of 4-token shingles, with tp, fp
and fn normalised so that a long page weighs no more than a short one. Precision and recall are
means over pages; F1 is computed from those means; accuracy is the share of pages whose token
lists are equal.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

TOKEN = re.compile(r"\w+")
SHINGLE = 4


def tokenise(text: str) -> list[str]:
    """The text's ``\\w+`` runs, in order."""
    return TOKEN.findall(text or "")


def shingles(tokens: list[str], n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of consecutive n-grams (a text shorter than n gives one short shingle)."""
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True, slots=True)
class PageScore:
    precision: float
    recall: float
    exact: bool

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def page_score(truth: str, predicted: str) -> PageScore:
    """Precision and recall of one page's prediction against its truth."""
    true_tokens, pred_tokens = tokenise(truth), tokenise(predicted)
    true_sh, pred_sh = shingles(true_tokens), shingles(pred_tokens)
    tp = sum((true_sh & pred_sh).values())
    fp = sum(pred_sh.values()) - tp
    fn = sum(true_sh.values()) - tp
    total = tp + fp + fn
    exact = true_tokens == pred_tokens
    if total == 0:
        return PageScore(1.0, 1.0, exact)
    tp_n, fp_n, fn_n = tp / total, fp / total, fn / total
    precision = tp_n / (tp_n + fp_n) if tp_n + fp_n else (1.0 if fn_n == 0 else 0.0)
    recall = tp_n / (tp_n + fn_n) if tp_n + fn_n else 1.0
    if fp_n == 0 and fn_n == 0:
        precision = recall = 1.0
    return PageScore(precision, recall, exact)


@dataclass(frozen=True, slots=True)
class CorpusScore:
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int


def corpus_score(scores: Iterable[PageScore]) -> CorpusScore:
    """Mean precision and recall over pages, F1 from those means, and accuracy."""
    items = list(scores)
    if not items:
        return CorpusScore(0.0, 0.0, 0.0, 0.0, 0)
    p = sum(s.precision for s in items) / len(items)
    r = sum(s.recall for s in items) / len(items)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    accuracy = sum(s.exact for s in items) / len(items)
    return CorpusScore(p, r, f1, accuracy, len(items))


def snippets_ok(text: str, with_: Iterable[str], without: Iterable[str]) -> bool:
    """True when every must-contain snippet is in the text and no must-not-contain one is."""
    norm = " ".join(text.split())
    return all(" ".join(s.split()) in norm for s in with_) and not any(
        " ".join(s.split()) in norm for s in without if s.strip()
    )
