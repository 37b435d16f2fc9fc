"""Text mangled by a wrong charset before the page was saved as UTF-8 is read back."""

from __future__ import annotations

import time

from syndicate.parse import parse_article


def _page(story: str, *, title: str = "A Guide to Soil") -> bytes:
    paragraphs = "".join(f"<p>{line}</p>" for line in story.split("\n"))
    return f"""<!doctype html>
<html lang="en-US"><head><meta charset="utf-8"><title>{title} | Garden Notes</title>
<link rel="canonical" href="https://garden.example/soil"></head>
<body><header><nav><a href="/">Home</a> <a href="/guides">Guides</a></nav></header>
<main><article><h1>{title}</h1><p class="byline">By Ana Ruiz</p>
<div class="entry-content">{paragraphs}</div></article></main>
<footer><p>&copy; 2025 Garden Notes</p></footer></body></html>""".encode()


LATIN1 = "\u00e2\u0080\u0099"  # U+2019 read as latin-1
CP1252 = "\u00e2\u20ac\u2122"  # U+2019 read as windows-1252
STORY = (
    "Earth{q}s soil holds more carbon than the air and every plant together, and the way we "
    "treat it decides how much of that carbon stays put for the next hundred years.\n"
    "A naïve gardener turns the soil every spring; a patient one leaves it to the worms, "
    "which do the work for free and keep the structure that holds water through a dry July.\n"
    "Compost, mulch and cover crops are the three tools: none of them costs much, and each "
    "of them feeds the life underground that feeds the plants above it in its turn."
)


def test_text_read_as_latin1_and_saved_again_is_read_back() -> None:
    article = parse_article(
        _page(STORY.format(q=LATIN1) + " JOHNSON\u00e2\u0080\u0099S\u00c2\u00ae")
    )
    assert "Earth\u2019s soil" in article.body_text
    assert "JOHNSON\u2019S\u00ae" in article.body_text
    assert "\u00e2" not in article.body_text


def test_text_read_as_windows_1252_and_saved_again_is_read_back() -> None:
    title = f"Why Earth{CP1252}s Soil Matters \u00e2\u20ac\u201d A Guide"
    article = parse_article(_page(STORY.format(q=CP1252), title=title))
    assert "Earth\u2019s soil" in article.body_text
    assert article.title == "Why Earth\u2019s Soil Matters \u2014 A Guide"


def test_a_page_without_proof_of_damage_is_left_as_it_is() -> None:
    story = STORY.format(q="'") + "\nThe sign read “cafÃ©” in a font nobody could name."
    article = parse_article(_page(story))
    assert "cafÃ©" in article.body_text


def test_characters_of_mangled_text_apart_on_the_page_are_no_proof() -> None:
    # "â" and "€" of real text, with plain text between them, are not "â€".
    story = STORY.format(q="'") + "\nThe gâteau costs 5 € and the sign read “cafÃ©” all week."
    article = parse_article(_page(story))
    assert "The gâteau costs 5 € and the sign read “cafÃ©” all week." in article.body_text


def test_real_text_beside_mangled_text_is_kept() -> None:
    story = STORY.format(q=LATIN1) + "\nDer Gärtner sagt »Fuß« und meint den Stamm."
    article = parse_article(_page(story))
    assert "Earth\u2019s" in article.body_text
    assert "»Fuß«" in article.body_text
    assert "naïve" in article.body_text


def test_mangled_text_escaped_as_entities_is_read_back_too() -> None:
    escaped = "isn&acirc;&euro;&trade;t"
    story = STORY.format(q="'") + f"\nThe season {escaped} over until the first frost arrives."
    article = parse_article(_page(story, title=f"Winter {escaped} Here Yet"))
    assert "The season isn\u2019t over" in article.body_text
    assert "isn\u2019t over" in article.body_html
    assert article.title == "Winter isn\u2019t Here Yet"


def test_a_page_full_of_mangled_text_is_read_back_in_bounded_time() -> None:
    flood = "Earth\u00e2\u0080\u0099s " + "caf\u00c3\u00a9 " * 500_000
    started = time.monotonic()
    article = parse_article(_page(STORY.format(q="'") + "\n" + flood))
    assert time.monotonic() - started < 10  # one reading per distinct sequence, cached
    assert article.body_text.count("café") == 500_000
