"""The Article model's JSON Schema is public API: docs/article.schema.json must match it."""

from __future__ import annotations

import json
import os

import pytest
from conftest import ROOT
from pydantic import ValidationError

from syndicate import Article, Origin

SCHEMA = ROOT / "docs" / "article.schema.json"


def test_committed_json_schema_matches_the_model() -> None:
    current = json.dumps(Article.model_json_schema(), indent=2, sort_keys=True) + "\n"
    if os.environ.get("SYNDICATE_REGEN"):
        SCHEMA.write_text(current, encoding="utf-8")
    assert SCHEMA.read_text(encoding="utf-8") == current, (
        "docs/article.schema.json is out of date: rerun with SYNDICATE_REGEN=1"
    )


def test_articles_are_frozen_and_reject_unknown_fields() -> None:
    article = Article(title="T", origin=(Origin(name="JTA", kind="byline", evidence="By X, JTA"),))
    with pytest.raises(ValidationError):
        article.title = "changed"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Article.model_validate({"title": "T", "headline": "H"})


def test_article_round_trips_through_json() -> None:
    article = Article(title="T", authors=("A", "B"), tracking_pixels=("https://x.org/p",))
    assert Article.model_validate_json(article.model_dump_json()) == article
