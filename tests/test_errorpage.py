"""A "soft 404": an error page served as a page, read as no story."""

from __future__ import annotations

import pytest

from syndicate.parse.errorpage import is_error_page

APOLOGY = "The page you were looking for may have been moved, deleted, or never existed."


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (APOLOGY, "The Daily Ledger"),
        ("Oops! That page can’t be found. Maybe try a search?", None),
        ("Sorry, we couldn't find that page. Go back to the homepage.", None),
        ("This page doesn't exist. Check the address for typos.", None),
        ("It looks like nothing was found at this location.", None),
        ("Try the search box above.", "404"),
        ("Try the search box above.", "Error 404 - The Daily Ledger"),
        ("Try the search box above.", "404 | The Daily Ledger"),
        ("Try the search box above.", "Page Not Found | The Daily Ledger"),
        ("Try the search box above.", "Not Found - The Daily Ledger"),
        ("Try the search box above.", "Not found"),
        ("Die Seite wurde nicht gefunden. Zur Startseite", None),
        ("Oups ! Cette page est introuvable.", "Page introuvable - Le Journal"),
        ("Lo sentimos.", "Página no encontrada | El Diario"),
    ],
)
def test_a_short_text_that_says_the_page_is_missing_is_an_error_page(
    text: str, title: str | None
) -> None:
    assert is_error_page(text, title=title)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The hiker was not found until Tuesday morning, rescuers said.", "Hiker found safe"),
        ("Route 404 will close for repairs from Monday.", "Road closures this week"),
        ("Developers marked the day with talks and a hackathon.", "404 Day: a party for errors"),
        ("Sorry, we are closed on Sundays.", "Bakery changes its hours"),
        ("The jury deliberated for two days before the verdict.", "Not found guilty: jury clears"),
    ],
)
def test_a_short_story_is_no_error_page(text: str, title: str) -> None:
    assert not is_error_page(text, title=title)


def test_a_long_story_that_quotes_an_error_message_is_no_error_page() -> None:
    story = " ".join([APOLOGY] + ["Residents could not pay their water bills online."] * 20)
    assert not is_error_page(story, title="Page not found: city payment site down for hours")
