"""Metadata benchmark: exact author set, publication day and exact headline on WCXB dev.

Runs syndicate and trafilatura side by side over ../shared/corpus/wcxb-dev (793 pages)::

    .venv/bin/python bench/metadata.py                 # the table
    .venv/bin/python bench/metadata.py --worst 20      # plus syndicate's misses per field
    .venv/bin/python bench/metadata.py --markdown      # the table for bench/README.md

Scoring (per page, then the share of pages):
- authors: the set of names equals the truth's ``authors`` (case-insensitive, whitespace
  normalised; trafilatura's author string is split on ";");
- date: the ``YYYY-MM-DD`` of the prediction equals the truth's ``date``;
- title: the whitespace-normalised headline equals the truth's ``title`` exactly.
An empty truth counts as right only when the prediction is empty too. "day, dated pages" is
the date score over the pages whose truth has a date (the share the corpus README's
trafilatura figures are comparable with): a page without a shown date but with a date in its
structured data is wrong in "publication day" whatever we report, and absent here.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from syndicate.parse import document  # noqa: E402
from syndicate.parse.metadata import extract_metadata  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "wcxb-dev"
FIELDS = ("authors", "date", "title")


@dataclass
class Guess:
    authors: tuple[str, ...]
    date: str
    title: str


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def syndicate_guess(html: bytes, url: str) -> Guess:
    meta = extract_metadata(document.load(html), url=url)
    return Guess(meta.authors, (meta.published or "")[:10], meta.title or "")


def trafilatura_guess(html: bytes, url: str) -> Guess:
    import trafilatura

    doc = trafilatura.bare_extraction(html.decode("utf-8", "replace"), url=url, with_metadata=True)
    if doc is None:
        return Guess((), "", "")
    authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
    return Guess(authors, (doc.date or "")[:10], doc.title or "")


def score(guess: Guess, truth: dict[str, object]) -> dict[str, bool]:
    true_authors = {_norm(str(a)).casefold() for a in truth.get("authors") or [] if _norm(str(a))}
    got_authors = {_norm(a).casefold() for a in guess.authors if _norm(a)}
    return {
        "authors": got_authors == true_authors,
        "date": guess.date == (truth.get("date") or ""),
        "title": _norm(guess.title) == _norm(str(truth.get("title") or "")),
    }


def run(
    systems: dict[str, Callable[[bytes, str], Guess]], limit: int | None
) -> tuple[dict[str, dict[str, list[bool]]], dict[str, float], list[tuple[str, dict[str, Guess]]]]:
    truth: dict[str, dict[str, object]] = json.loads((CORPUS / "ground-truth.json").read_text())
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    results: dict[str, dict[str, list[bool]]] = {
        s: {f: [] for f in (*FIELDS, "dated")} for s in systems
    }
    seconds = dict.fromkeys(systems, 0.0)
    guesses: list[tuple[str, dict[str, Guess]]] = []
    for page_id in ids:
        html = gzip.decompress((CORPUS / "html" / f"{page_id}.html.gz").read_bytes())
        url = str(truth[page_id]["url"])
        per: dict[str, Guess] = {}
        for name, guess_fn in systems.items():
            start = time.perf_counter()
            per[name] = guess_fn(html, url)
            seconds[name] += time.perf_counter() - start
            scores = score(per[name], truth[page_id])
            for field, ok in scores.items():
                results[name][field].append(ok)
            if truth[page_id].get("date"):
                results[name]["dated"].append(scores["date"])
        guesses.append((page_id, per))
    return results, seconds, guesses


def table(
    results: dict[str, dict[str, list[bool]]], seconds: dict[str, float], *, markdown: bool
) -> str:
    rows: list[tuple[str, ...]] = [
        (
            "system",
            "exact author set",
            "publication day",
            "day, dated pages",
            "exact headline",
            "ms/page",
        )
    ]
    for name, fields in results.items():
        n = len(fields["title"]) or 1
        dated = fields["dated"]
        rows.append(
            (
                name,
                *(f"{sum(fields[f]) / n:.3f}" for f in FIELDS[:2]),
                f"{sum(dated) / (len(dated) or 1):.3f}",
                f"{sum(fields['title']) / n:.3f}",
                f"{1000 * seconds[name] / n:.1f}",
            )
        )
    if markdown:
        lines = ["| " + " | ".join(r) + " |" for r in rows]
        lines.insert(1, "| " + " | ".join("---" for _ in rows[0]) + " |")
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worst", type=int, default=0, help="list N misses per field")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--only", choices=("syndicate", "trafilatura"), help="one system")
    args = parser.parse_args()
    systems: dict[str, Callable[[bytes, str], Guess]] = {
        "syndicate": syndicate_guess,
        "trafilatura 2.3.1": trafilatura_guess,
    }
    if args.only:
        systems = {k: v for k, v in systems.items() if k.startswith(args.only)}
    results, seconds, guesses = run(systems, args.limit)
    print(table(results, seconds, markdown=args.markdown))
    if args.worst:
        truth = json.loads((CORPUS / "ground-truth.json").read_text())
        name = next(iter(systems))
        for field in FIELDS:
            print(f"\n## {name} misses: {field}")
            shown = 0
            for (page_id, per), ok in zip(guesses, results[name][field], strict=True):
                if ok or shown >= args.worst:
                    continue
                shown += 1
                want = truth[page_id]["authors"] if field == "authors" else truth[page_id][field]
                got = getattr(per[name], field)
                print(f"{page_id} {truth[page_id]['url'][:80]}\n   want {want!r}\n   got  {got!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
