"""Hostile markup inside an article never reaches the embed; the story around it does.

Each vector of tests/hostile/vectors.toml goes into tests/hostile/page.html between two
legitimate paragraphs. The embed is parsed back by two HTML parsers (lxml's and the
standard library's, through BeautifulSoup), and every element and attribute must be on
the profile's allowlist.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

import pytest
from allowlist import allowlist_problems

import syndicate
from syndicate import load_profile
from syndicate.parse import parse_article
from syndicate.policy.profile import Profile

HOSTILE = Path(__file__).resolve().parent / "hostile"
PIXEL = "https://forward.com/?republication-pixel=true&post=561234"
PIXEL_ID = "republication-tracker-tool-source"
PIXEL_STYLE = "width:1px;height:1px;"
BEFORE = "LEGIT-BEFORE: Volunteers say the number of families"
AFTER = "LEGIT-AFTER: \u201cWe used to plan for three hundred families"


def vectors() -> list[dict[str, str]]:
    with (HOSTILE / "vectors.toml").open("rb") as stream:
        return list(tomllib.load(stream)["vector"])


def hostile_page(markup: str) -> bytes:
    page = (HOSTILE / "page.html").read_text(encoding="utf-8")
    assert "<!--VECTOR-->" in page
    return page.replace("<!--VECTOR-->", markup).encode("utf-8")


@cache
def forward() -> Profile:
    return load_profile("forward")


def test_the_corpus_has_at_least_40_distinct_vectors() -> None:
    names = [v["name"] for v in vectors()]
    assert len(names) >= 40
    assert len(set(names)) == len(names)


def test_the_checker_catches_what_it_must() -> None:
    dirty = (
        '<p onclick="x()">a</p><a href="jav&#x09;ascript:alert(1)">b</a><script>c</script>'
        '<img src="https://tracker.example/p.gif"><p style="color:red">d</p><!-- e -->'
        '<svg><a xlink:href="javascript:alert(1)">f</a></svg>'
    )
    problems = " | ".join(allowlist_problems(dirty, forward(), PIXEL))
    for expected in (
        "event handler onclick",
        "javascript: URL in href on <a>",
        "tag <script>",
        "not the publisher's pixel",
        "style 'color:red' on <p>",
        "comment",
        "tag <svg>",
    ):
        assert expected in problems
    assert allowlist_problems('<p>a <a href="https://x.org/">b</a></p>', forward()) == []


@pytest.mark.parametrize("vector", vectors(), ids=lambda v: v["name"])
def test_the_embed_carries_none_of_the_vector(vector: dict[str, str]) -> None:
    article = parse_article(hostile_page(vector["markup"]))
    embed = syndicate.snippet(article, profile=forward())
    assert allowlist_problems(embed.body, forward(), PIXEL) == []
    assert not re.search(
        r"<\s*/?\s*(script|iframe|object|embed|svg|math|style)\b", embed.body, re.I
    )
    assert BEFORE in embed.body
    assert AFTER in embed.body
    assert embed.body.count("<img") == 1
    assert embed.body.count('class="credit"') == 1
    assert embed.body.count('class="byline"') == 1
    assert embed.head == (
        '<link rel="canonical" '
        'href="https://forward.com/news/561234/brooklyn-food-pantry-doubles-its-shelves/">'
    )


@pytest.mark.parametrize("vector", vectors(), ids=lambda v: v["name"])
def test_the_embed_of_a_hostile_page_is_the_same_twice(vector: dict[str, str]) -> None:
    data = hostile_page(vector["markup"])
    first = syndicate.snippet(parse_article(data), profile=forward())
    second = syndicate.snippet(parse_article(data), profile=forward())
    assert first.html.encode() == second.html.encode()


@pytest.mark.parametrize(
    ("open_", "close"),
    [("<blockquote>", "</blockquote>"), ("<em>", "</em>"), ("<ul><li>", "</li></ul>")],
)
def test_markup_nested_300_deep_keeps_the_story_after_it(open_: str, close: str) -> None:
    deep = open_ * 300 + "<p>The deep paragraph.</p>" + close * 300
    embed = syndicate.snippet(parse_article(hostile_page(deep)), profile=forward())
    assert BEFORE in embed.body
    assert AFTER in embed.body
    assert "The deep paragraph." in embed.body
