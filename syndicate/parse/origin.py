"""Signs on the page that the piece came from another publication, with their evidence.

(Placeholder: bylines, datelines, notes, kickers, JSON-LD and canonical are being built.)
"""

from __future__ import annotations

import lxml.html

from syndicate.models import Origin
from syndicate.parse.body import Body
from syndicate.parse.metadata import Metadata


def find_origin(
    root: lxml.html.HtmlElement, *, meta: Metadata, body: Body, url: str | None = None
) -> tuple[Origin, ...]:
    return tuple(
        Origin(name=org, kind="byline", evidence=meta.byline or org) for org in meta.byline_orgs
    )
