"""Lint speed: 1,000 partner copies in one process, against one original read once.

The copies are the fixture copies in fixtures/copies (every kind: compliant, heavy partner
chrome, bare embed, one per rule), cycled to the count asked for; each is linted from its
bytes, as ``syndicate lint`` does. Prints copies per second and milliseconds per copy.

    .venv/bin/python bench/lint.py [--copies 1000]
"""

from __future__ import annotations

import argparse
import time
import tomllib
from pathlib import Path

from syndicate import parse_article
from syndicate.lint import lint_copy
from syndicate.policy import load_profile

ROOT = Path(__file__).resolve().parent.parent
COPIES = ROOT / "fixtures" / "copies"
PAGES = ROOT / "fixtures" / "pages"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1000, help="how many copies to lint")
    args = parser.parse_args()
    cases = tomllib.loads((COPIES / "expected.toml").read_text(encoding="utf-8"))
    facts = tomllib.loads((PAGES / "expected.toml").read_text(encoding="utf-8"))
    originals = {}
    for case in cases.values():
        key = case["original"]
        if key not in originals:
            data = (PAGES / f"{key}.html").read_bytes()
            originals[key] = parse_article(data, url=facts[key]["url"])
    profiles = {name: load_profile(name) for name in {c["profile"] for c in cases.values()}}
    work = [
        ((COPIES / name).read_bytes(), originals[c["original"]], profiles[c["profile"]], name)
        for name, c in sorted(cases.items())
    ]
    size = sum(len(data) for data, *_ in work) / len(work)
    found = 0
    started = time.perf_counter()
    for i in range(args.copies):
        data, original, profile, name = work[i % len(work)]
        found += len(lint_copy(data, original, profile, name=name).violations)
    elapsed = time.perf_counter() - started
    print(f"{args.copies} copies ({len(work)} distinct, {size / 1024:.1f} KiB on average)")
    print(
        f"{elapsed:.2f} s: {args.copies / elapsed:.0f} copies/s, "
        f"{elapsed * 1000 / args.copies:.2f} ms per copy"
    )
    print(f"{found} violations")


if __name__ == "__main__":
    main()
