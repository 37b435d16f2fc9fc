"""Hostile markup inside an article never reaches the embed; the story around it does.

Each vector of tests/hostile/vectors.toml goes into tests/hostile/page.html between two
legitimate paragraphs. The embed is parsed back by two HTML parsers (lxml's and the
standard library's, through BeautifulSoup), and every element and attribute must be on
the profile's allowlist.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from bs4 import BeautifulSoup

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
URL_ATTRIBUTES = frozenset(
    """href src cite action formaction poster background srcset xlink:href data codebase
    longdesc usemap lowsrc dynsrc values""".split()  # noqa: SIM905
)


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


def elements(markup: str) -> Iterator[tuple[str, dict[str, str]]]:
    """Every element of ``markup`` as (tag, attributes), as two different parsers see it."""
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    for element in root.iterdescendants():
        tag = element.tag if isinstance(element.tag, str) else "<!-- comment or PI -->"
        yield tag.lower(), {k.lower(): v for k, v in element.attrib.items()}
    for node in BeautifulSoup(markup, "html.parser").find_all(True):
        attrs: dict[str, Any] = node.attrs
        yield (
            node.name.lower(),
            {k.lower(): " ".join(v) if isinstance(v, list) else v for k, v in attrs.items()},
        )


def scheme(url: str) -> str | None:
    squeezed = re.sub(r"[\x00-\x20\x7f]+", "", url).lower()
    match = re.match(r"^([a-z][a-z0-9+.-]*):", squeezed)
    return match.group(1) if match else None


def allowlist_problems(markup: str, profile: Profile) -> list[str]:
    """What in ``markup`` the profile's embed allowlist does not allow; empty when clean."""
    problems: list[str] = []
    allowed = profile.embed.attributes
    if re.search(r"<!--|<!\[CDATA\[|<\?", markup):
        problems.append("a comment, CDATA section or processing instruction")
    for tag, attrs in elements(markup):
        if tag not in profile.embed.tags:
            problems.append(f"tag <{tag}>")
        for name, value in attrs.items():
            if name not in allowed.get(tag, ()) and name not in allowed.get("*", ()):
                problems.append(f"attribute {name} on <{tag}>")
            if name.startswith("on"):
                problems.append(f"event handler {name} on <{tag}>")
            if name in URL_ATTRIBUTES or "script:" in value.lower():
                found = scheme(value)
                if found is not None and found not in profile.embed.url_schemes:
                    problems.append(f"{found}: URL in {name} on <{tag}>")
            if name == "style" and (tag, value) != ("img", PIXEL_STYLE):
                problems.append(f"style {value!r} on <{tag}>")
        if tag == "img" and (attrs.get("src"), attrs.get("id")) != (PIXEL, PIXEL_ID):
            problems.append(f"an image that is not the publisher's pixel: {attrs}")
    return problems


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
    problems = " | ".join(allowlist_problems(dirty, forward()))
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
    assert allowlist_problems(embed.body, forward()) == []
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
