"""Every fixture page against its golden Article and the facts in expected.toml.

Goldens sit beside their pages (``forward/askhamas.html`` + ``forward/askhamas.article.json``).
Regenerate them after a deliberate change, then read the diff before committing:

    SYNDICATE_REGEN=1 .venv/bin/pytest tests/test_fixtures.py
"""

from __future__ import annotations

import difflib
import json
import os
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import PAGES

from syndicate import check, parse_article
from syndicate.models import Article

EXPECTED: dict[str, dict[str, Any]] = tomllib.loads(
    (PAGES / "expected.toml").read_text(encoding="utf-8")
)
# fixtures/pages/body/ holds the body extractor's own cases, with their own tests; files with
# two suffixes (askhamas.snippet.html) are goldens of other outputs, not pages.
PAGE_FILES = sorted(
    p
    for p in PAGES.rglob("*.html")
    if p.relative_to(PAGES).parts[0] != "body" and len(p.suffixes) == 1
)
NAMES = [p.relative_to(PAGES).with_suffix("").as_posix() for p in PAGE_FILES]


@cache
def article(name: str) -> Article:
    url = EXPECTED.get(name, {}).get("url")
    return parse_article((PAGES / f"{name}.html").read_bytes(), url=url)


def golden_text(art: Article) -> str:
    return json.dumps(art.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def test_every_page_has_expected_facts() -> None:
    assert len(NAMES) >= 15
    assert sorted(NAMES) == sorted(EXPECTED)


@pytest.mark.parametrize("name", NAMES)
def test_golden_article(name: str) -> None:
    golden = PAGES / f"{name}.article.json"
    actual = golden_text(article(name))
    if os.environ.get("SYNDICATE_REGEN"):
        golden.write_text(actual, encoding="utf-8")
    if not golden.exists():
        pytest.fail(f"no golden {golden.name}: run SYNDICATE_REGEN=1 pytest {Path(__file__).name}")
    wanted = golden.read_text(encoding="utf-8")
    if actual != wanted:
        diff = difflib.unified_diff(
            wanted.splitlines(), actual.splitlines(), "golden", "parsed", lineterm="", n=1
        )
        pytest.fail(f"{name} differs from its golden:\n" + "\n".join(diff), pytrace=False)


@pytest.mark.parametrize("name", NAMES)
def test_title(name: str) -> None:
    assert article(name).title == EXPECTED[name]["title"]


@pytest.mark.parametrize("name", NAMES)
def test_authors(name: str) -> None:
    assert list(article(name).authors) == EXPECTED[name]["authors"]


@pytest.mark.parametrize("name", NAMES)
def test_post_id(name: str) -> None:
    assert article(name).post_id == EXPECTED[name].get("post_id")


@pytest.mark.parametrize("name", NAMES)
def test_canonical_url(name: str) -> None:
    assert article(name).canonical_url == EXPECTED[name]["canonical_url"]


@pytest.mark.parametrize("name", NAMES)
def test_tracking_pixels(name: str) -> None:
    assert list(article(name).tracking_pixels) == EXPECTED[name]["pixels"]


@pytest.mark.parametrize("name", NAMES)
def test_origin(name: str) -> None:
    origin = article(name).origin
    assert sorted(o.name for o in origin) == sorted(EXPECTED[name]["origins"])
    assert sorted(o.kind for o in origin) == sorted(EXPECTED[name]["origin_kinds"])


@pytest.mark.parametrize("name", NAMES)
def test_republishable_under_its_profile(name: str) -> None:
    verdict = check(article(name), EXPECTED[name].get("profile", "forward"))
    assert verdict.republishable is EXPECTED[name]["republishable"], verdict.violations


@pytest.mark.parametrize("name", NAMES)
def test_body_contains(name: str) -> None:
    text = article(name).body_text
    missing = [s for s in EXPECTED[name]["must_contain"] if s not in text]
    assert missing == []


@pytest.mark.parametrize("name", NAMES)
def test_body_does_not_contain(name: str) -> None:
    text = article(name).body_text
    present = [s for s in EXPECTED[name]["must_not_contain"] if s in text]
    assert present == []
