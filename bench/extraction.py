"""Body extraction, side by side: syndicate, trafilatura and readability-lxml on the shared corpora.

    .venv/bin/python bench/extraction.py --corpus all [--limit N] [--worst N] [--markdown]

For each corpus (``../shared/corpus/<name>/html/<id>.html.gz`` + ``ground-truth.json``) it
prints precision, recall, F1 and accuracy (bench/metric.py, the corpus README's definition),
the median milliseconds per page, and, where the ground truth has them, the share of pages
whose text holds every must-contain snippet and none of the must-not-contain ones. The raw
lxml parse is timed as the floor. The systems take turns going first on a page, so no
one system always pays for the page's first touch. Peers come from ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from metric import PageScore, corpus_score, page_score, snippets_ok

from syndicate.parse import document, parse_article
from syndicate.parse.body import extract_body
from syndicate.parse.metadata import extract_metadata

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CORPORA = ("aeb-dev", "wcxb-dev")

Extractor = Callable[[str, str], str]


def syndicate_body(html: str, url: str) -> str:
    """Parse, read metadata (for the title) and extract the body, as parse_article does."""
    root = document.load(html)
    meta = extract_metadata(root, url=url)
    return extract_body(root, url=url, title=meta.title).text


def syndicate_article(html: str, url: str) -> str:
    """The whole Article: also origin signs, pixels, images, embeds, which no peer reads."""
    return parse_article(html, url=url).body_text


def syndicate_body_only(html: str, url: str) -> str:
    root = document.load(html)
    return extract_body(root, url=url).text


def trafilatura_meta(html: str, url: str) -> str:
    import trafilatura

    document = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    return (getattr(document, "text", None) or "") if document is not None else ""


def trafilatura_plain(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def readability(html: str, url: str) -> str:
    from readability import Document

    summary = Document(html, url=url).summary()
    tree = lxml.html.fromstring(summary)
    return "\n\n".join(
        " ".join(el.text_content().split())
        for el in tree.iter("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "td")
    ) or " ".join(tree.text_content().split())


def lxml_parse(html: str, url: str) -> str:
    lxml.html.document_fromstring(html)
    return ""


SYSTEMS: dict[str, Extractor] = {
    "syndicate (with metadata)": syndicate_body,
    "syndicate (whole Article)": syndicate_article,
    "syndicate (body only)": syndicate_body_only,
    "trafilatura (with metadata)": trafilatura_meta,
    "trafilatura (body only)": trafilatura_plain,
    "readability-lxml": readability,
    "lxml parse (floor)": lxml_parse,
}
FLOOR = "lxml parse (floor)"


@dataclass
class Run:
    scores: list[PageScore] = field(default_factory=list)
    times: list[float] = field(default_factory=list)
    snippets: list[bool] = field(default_factory=list)
    pages: list[tuple[float, str, str]] = field(default_factory=list)


def load_corpus(name: str, limit: int | None) -> list[tuple[str, dict[str, object], str]]:
    folder = CORPUS / name
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    return [
        (i, truth[i], gzip.decompress((folder / "html" / f"{i}.html.gz").read_bytes()).decode())
        for i in ids
    ]


def bench(name: str, limit: int | None) -> dict[str, Run]:
    pages = load_corpus(name, limit)
    runs = {system: Run() for system in SYSTEMS}
    systems = list(SYSTEMS.items())
    for n, (page_id, truth, html) in enumerate(pages):
        url = str(truth.get("url") or "")
        # The first system to touch a page pays for bringing it into the CPU's caches
        # (about 0.7 ms on a median page), so each page starts with the next system in turn.
        turn = n % len(systems)
        for system, extract in systems[turn:] + systems[:turn]:
            start = time.perf_counter()
            try:
                text = extract(html, url)
            except Exception as exc:  # a peer failing on a page scores zero there
                print(f"{system} failed on {page_id}: {exc!r}", file=sys.stderr)
                text = ""
            elapsed = (time.perf_counter() - start) * 1000
            run = runs[system]
            run.times.append(elapsed)
            if system == FLOOR:
                continue
            score = page_score(str(truth["articleBody"]), text)
            run.scores.append(score)
            run.pages.append((score.f1, page_id, url))
            if "with" in truth:
                with_ = [str(s) for s in truth.get("with") or []]  # type: ignore[attr-defined]
                without = [str(s) for s in truth.get("without") or []]  # type: ignore[attr-defined]
                run.snippets.append(snippets_ok(text, with_, without))
    return runs


def table(results: dict[str, dict[str, Run]], markdown: bool) -> str:
    header = ["corpus", "system", "precision", "recall", "F1", "accuracy", "snippets", "ms/page"]
    rows = []
    for name, runs in results.items():
        for system, run in runs.items():
            ms = f"{statistics.median(run.times):.1f}" if run.times else "-"
            if not run.scores:
                rows.append([name, system, "-", "-", "-", "-", "-", ms])
                continue
            s = corpus_score(run.scores)
            snip = f"{sum(run.snippets) / len(run.snippets):.3f}" if run.snippets else "-"
            rows.append(
                [name, system, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                 f"{s.accuracy:.3f}", snip, ms]
            )  # fmt: skip
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in [header, *rows]
    )


def memory() -> None:
    """Time and peak memory of the whole parse on 30 MB pages (bench/bigpage.py)."""
    import bigpage

    bigpage.main(["--mb", "30"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", choices=[*CORPORA, "all"], default="all")
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each corpus")
    parser.add_argument("--worst", type=int, default=0, help="print syndicate's N worst pages")
    parser.add_argument("--markdown", action="store_true", help="print the table as markdown")
    parser.add_argument("--only-syndicate", action="store_true", help="skip the peers")
    parser.add_argument(
        "--memory", action="store_true", help="time 30 MB pages and measure their peak memory"
    )
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    if args.only_syndicate:
        for system in list(SYSTEMS):
            if not system.startswith(("syndicate", "lxml")):
                del SYSTEMS[system]
    warnings.simplefilter("ignore")
    if args.memory:
        memory()
    names = CORPORA if args.corpus == "all" else (args.corpus,)
    results = {name: bench(name, args.limit) for name in names}
    print(table(results, args.markdown))
    if args.worst:
        for name, runs in results.items():
            print(f"\nworst pages on {name} (syndicate):")
            for f1, page_id, url in sorted(runs["syndicate (with metadata)"].pages)[: args.worst]:
                print(f"  {f1:.3f}  {page_id[:16]}  {url}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
