"""The embed allowlist as a test oracle: parse HTML back and list what is not allowed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import lxml.html
from bs4 import BeautifulSoup

from syndicate.policy.profile import Profile

PIXEL_ID = "republication-tracker-tool-source"
PIXEL_STYLE = "width:1px;height:1px;"
URL_ATTRIBUTES = frozenset(
    """href src cite action formaction poster background srcset xlink:href data codebase
    longdesc usemap lowsrc dynsrc values""".split()  # noqa: SIM905
)


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


def allowlist_problems(markup: str, profile: Profile, pixel: str | None = None) -> list[str]:
    """What in ``markup`` the profile's embed allowlist does not allow; empty when clean.

    The one image allowed is the publisher's pixel: ``pixel`` when given, else any http(s)
    URL that the profile's ``pixel.match`` recognises.
    """
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
        if tag == "img" and not is_pixel(attrs, profile, pixel):
            problems.append(f"an image that is not the publisher's pixel: {attrs}")
    return problems


def is_pixel(attrs: dict[str, str], profile: Profile, pixel: str | None) -> bool:
    src = attrs.get("src", "")
    if attrs.get("id") != PIXEL_ID or attrs.get("style") != PIXEL_STYLE:
        return False
    if pixel is not None:
        return src == pixel
    return scheme(src) in ("http", "https") and any(m in src for m in profile.pixel.match)
