"""Whether a page is a "soft" error page: served as a page, saying there is no page.

A site that answers a missing address with a 200 page shows a short apology ("Page not
found", "Sorry, we couldn't find that page") amid its menus and a rail of popular stories:
the body read off it is that apology, not a story.
"""

from __future__ import annotations

from syndicate.parse import patterns as pt

__all__ = ["is_error_page"]


def is_error_page(text: str, *, title: str | None = None) -> bool:
    """True when the body ``text`` is short and it, or the page's ``title``, says that the
    page asked for is not there."""
    if len(text) > pt.ERROR_PAGE_MAX_CHARS:
        return False
    return bool(pt.ERROR_PAGE_TEXT.search(text) or (title and pt.ERROR_PAGE_TITLE.match(title)))
