"""Round trip over the corpora: every page's own embed must lint clean against the page.

For each page of ../shared/corpus (wcxb-dev and aeb-dev): parse it, judge it under a profile
(the generic INN one by default: these are not the Forward's pages), emit the snippet, put it
in a partner page (masthead, navigation, footer), lint that copy against the parsed original,
and count the error-severity violations by rule. A compliant copy the tool wrote itself is
the least a linter must pass, on pages nobody wrote a fixture for::

    .venv/bin/python bench/roundtrip.py [--profile inn] [--limit N] [--show 5]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from syndicate.emit import emit_snippet  # noqa: E402
from syndicate.lint import lint_copy  # noqa: E402
from syndicate.parse import parse_article  # noqa: E402
from syndicate.policy import evaluate, load_profile  # noqa: E402
from syndicate.policy.publisher import bind  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
PARTNER = (
    "<!doctype html><html><head><title>Partner</title>{head}</head><body>"
    '<header><a href="/">Partner Daily</a><nav><a href="/news/">News</a></nav></header>'
    "<main>{body}</main><footer><p>© Partner Daily</p></footer></body></html>"
)


def pages(limit: int | None) -> list[tuple[str, str, bytes]]:
    """(id, url, html) of every corpus page, wcxb-dev first."""
    found: list[tuple[str, str, bytes]] = []
    truth = json.loads((CORPUS / "wcxb-dev" / "ground-truth.json").read_text())
    for corpus in ("wcxb-dev", "aeb-dev"):
        for path in sorted((CORPUS / corpus / "html").glob("*.html.gz")):
            page_id = path.name.split(".")[0]
            url = truth.get(page_id, {}).get("url") or f"https://example.org/{page_id}"
            found.append((page_id, url, gzip.decompress(path.read_bytes())))
    return found[:limit] if limit else found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--profile", default="inn")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--show", type=int, default=5, help="examples per rule")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    profile = load_profile(args.profile)
    counts: Counter[str] = Counter()
    failing: set[str] = set()
    examples: defaultdict[str, list[str]] = defaultdict(list)
    started = time.perf_counter()
    for page_id, url, html in pages(args.limit):
        article = parse_article(html, url=url)
        if not evaluate(article, profile).ok:
            counts["refused by the profile"] += 1
            continue
        snippet = emit_snippet(article, bind(profile, article))
        copy = PARTNER.format(head=snippet.head, body=snippet.body)
        counts["linted"] += 1
        for violation in lint_copy(copy, article, profile, name=page_id).violations:
            if violation.severity == "error":
                counts[violation.rule] += 1
                failing.add(page_id)
                examples[violation.rule].append(f"{page_id}: {violation.message[:140]}")
    seconds = time.perf_counter() - started
    refused = counts["refused by the profile"]
    errors = len(failing)
    print(f"{counts['linted']} linted, {refused} refused, {errors} with errors ({seconds:.0f} s)")
    for rule, count in counts.most_common():
        if rule not in ("linted", "refused by the profile"):
            print(f"  {rule}: {count}")
            for line in examples[rule][: args.show]:
                print(f"    {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
