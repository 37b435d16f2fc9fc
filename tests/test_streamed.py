"""Streamed server rendering (React's Suspense boundaries) is read as the browser shows it."""

from __future__ import annotations

import time

import pytest

from syndicate.parse import parse_article

PARAGRAPHS = [
    "The city council voted on Tuesday to rebuild the footbridge over the river, closed since "
    "the spring floods undermined its eastern pier and left the crossing unsafe for walkers.",
    "Engineers told the council that the new bridge will stand on deeper piles, set below the "
    "level the river scoured in April, and that work can start as soon as the water drops.",
    "Residents of the east bank, who have driven the long way round for six months, packed the "
    "chamber and cheered when the vote passed by seven to two after an hour of debate.",
    "The two members who voted against said the cost had doubled since the first estimate and "
    "asked for a cheaper repair of the old bridge, which the engineers called a false economy.",
]


FIRST, SECOND, THIRD, FOURTH = (f"<p>{p}</p>" for p in PARAGRAPHS)


def _page(story: str, tail: str, *, runtime: str = "") -> str:
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Council votes to rebuild the footbridge | River Times</title></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>Council votes to rebuild the footbridge</h1>
<p class="byline">By Dana Whitfield</p>{story}</article></main>
<footer><p>River Times, 12 Quay Street</p></footer>{tail}{runtime}</body></html>"""


def _order(text: str) -> list[int]:
    """The story's paragraphs found in ``text``, in the order they come."""
    found = [(text.find(p[:40]), n) for n, p in enumerate(PARAGRAPHS) if p[:40] in text]
    return [n for _, n in sorted(found)]


def test_segments_completed_by_script_calls_take_their_boundaries_places() -> None:
    story = (
        f'{FIRST}<!--$?--><template id="B:0"></template><div class="skeleton">Loading…</div>'
        f'<!--/$-->{THIRD}<!--$?--><template id="B:1"></template><!--/$-->'
    )
    tail = (
        f'<div hidden id="S:1">{FOURTH}</div>'
        f'<script>$RC("B:1","S:1")</script>'
        f'<div hidden id="S:0">{SECOND}</div>'
        f'<script>$RC("B:0","S:0")</script>'
    )
    article = parse_article(_page(story, tail))
    assert _order(article.body_text) == [0, 1, 2, 3]
    assert "Loading" not in article.body_text


@pytest.mark.parametrize(
    ("story", "tail"),
    [
        pytest.param(
            f'{FIRST}<template id="P:2"></template>{FOURTH}',
            f'<div hidden id="S:2">{SECOND}{THIRD}</div><script>$RS("S:2","P:2")</script>',
            id="placeholder filled by $RS",
        ),
        pytest.param(
            f'{FIRST}<!--$?--><template id="B:3"></template><!--/$-->{THIRD}{FOURTH}',
            f'<div hidden id="S:3">{SECOND}</div>',
            id="saved without scripts: paired by number",
        ),
        pytest.param(
            f'{FIRST}<!--$?--><template id="B:4"></template><!--/$-->{FOURTH}',
            f'<template data-rsi="" data-sid="S:5" data-pid="P:5"></template>'
            f'<div hidden id="S:4">{SECOND}<template id="P:5"></template></div>'
            f'<div hidden id="S:5">{THIRD}</div>'
            f'<template data-rci="" data-bid="B:4" data-sid="S:4"></template>',
            id="external runtime, a segment inside a segment",
        ),
    ],
)
def test_segments_take_the_place_the_page_gives_them(story: str, tail: str) -> None:
    assert _order(parse_article(_page(story, tail)).body_text) == [0, 1, 2, 3]


def test_a_hidden_panel_that_is_no_segment_stays_where_it_is() -> None:
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    tail = '<div hidden id="S:9"><p>Subscribe to the River Times for one dollar a week.</p></div>'
    article = parse_article(_page(story, tail))
    assert _order(article.body_text) == [0, 1, 2, 3]
    assert "Subscribe" not in article.body_text


def test_twenty_thousand_segments_are_placed_in_linear_time() -> None:
    parts = 20_000
    story = "".join(
        f'<p>Paragraph {n} of the story.</p><!--$?--><template id="B:{n:x}"></template><!--/$-->'
        for n in range(parts)
    )
    tail = "".join(
        f'<div hidden id="S:{n:x}"><p>Late part {n} of the story.</p></div>'
        f'<script>$RC("B:{n:x}","S:{n:x}")</script>'
        for n in range(parts)
    )
    started = time.monotonic()
    article = parse_article(_page(story, tail))
    assert time.monotonic() - started < 10  # quadratic moves took minutes
    at = [article.body_text.index(f"{line} ") for line in ("Paragraph 19998", "Late part 19998")]
    assert at == sorted(at)
    assert article.body_text.index("Late part 19998 ") < article.body_text.index("Paragraph 19999 ")
