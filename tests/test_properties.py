"""Properties over arbitrary markup: the parser fails only with syndicate's own errors, and
the embed is always allowlisted and always the same bytes."""

from __future__ import annotations

from functools import cache

import lxml.html
from allowlist import allowlist_problems, scheme
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from syndicate import load_profile
from syndicate.emit import emit_snippet
from syndicate.errors import SyndicateError
from syndicate.models import Article
from syndicate.parse import markup, parse_article
from syndicate.policy.profile import Profile

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TAGS = [
    "p",
    "div",
    "span",
    "a",
    "b",
    "i",
    "em",
    "strong",
    "h1",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "blockquote",
    "table",
    "tr",
    "td",
    "img",
    "br",
    "hr",
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "template",
    "noscript",
    "form",
    "input",
    "textarea",
    "title",
    "meta",
    "base",
    "link",
    "body",
    "html",
    "head",
    "article",
    "section",
    "figure",
    "figcaption",
    "wbr",
    "xmp",
]
ATTRIBUTES = [
    "href",
    "src",
    "style",
    "class",
    "id",
    "onclick",
    "onerror",
    "title",
    "alt",
    "srcset",
    "action",
    "xlink:href",
]
URLS = st.one_of(
    st.sampled_from(
        [
            "https://forward.com/news/1/",
            "/relative/path",
            "javascript:alert(1)",
            "JaVa\tScript:alert(1)",
            "&#106;avascript:alert(1)",
            "vbscript:x",
            "data:text/html,<script>",
            "https://forward.com/?republication-pixel=true&post=1",
            "mailto:desk@forward.com",
            "",
        ]
    ),
    st.text(max_size=20),
)
# Text with odd characters: controls, NUL, lone surrogates, RTL marks, astral symbols.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["<", ">", "&", '"', "'", "\x00", "\ufeff", "\u202e", "\ud800", "🙂"]),
    ),
    max_size=40,
)


@st.composite
def attribute(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(ATTRIBUTES))
    value = draw(URLS if name in ("href", "src", "action", "xlink:href", "srcset") else TEXT)
    quote = draw(st.sampled_from(['"', "'", ""]))
    return f" {name}={quote}{value}{quote}"


def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    @st.composite
    def build(draw: st.DrawFn) -> str:
        tag = draw(st.sampled_from(TAGS))
        attrs = "".join(draw(st.lists(attribute(), max_size=3)))
        inner = "".join(draw(st.lists(children, max_size=4)))
        close = draw(st.sampled_from([f"</{tag}>", "", f"</{tag.upper()}>"]))
        return f"<{tag}{attrs}>{inner}{close}"

    return build()


MARKUP = st.recursive(TEXT, element, max_leaves=25)


@st.composite
def pages(draw: st.DrawFn) -> str:
    body = "".join(draw(st.lists(MARKUP, max_size=6)))
    head = draw(st.sampled_from(["", "<title>A story</title>", '<meta charset="utf-7">']))
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


@cache
def forward() -> Profile:
    return load_profile("forward")


def article_or_none(page: str | bytes) -> Article | None:
    try:
        return parse_article(page, url="https://forward.com/news/1/story/")
    except SyndicateError:
        return None


@SETTINGS
@given(pages())
def test_any_markup_parses_or_fails_with_a_syndicate_error(page: str) -> None:
    article_or_none(page)
    article_or_none(page.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_parse_or_fail_with_a_syndicate_error(data: bytes) -> None:
    article_or_none(data)


@SETTINGS
@given(pages())
def test_the_embed_reparses_to_an_allowlisted_tree(page: str) -> None:
    article = article_or_none(page)
    if article is None:
        return
    embed = emit_snippet(article, forward())
    assert allowlist_problems(embed.body, forward()) == []
    assert head_problems(embed.head) == []


def head_problems(head: str) -> list[str]:
    """The head is nothing, or one canonical link to an http(s) URL."""
    if not head:
        return []
    links = lxml.html.fragments_fromstring(head)
    if len(links) != 1 or links[0].tag != "link":
        return [f"not one <link>: {head!r}"]
    attrs = dict(links[0].attrib)
    if set(attrs) != {"rel", "href"} or attrs["rel"] != "canonical":
        return [f"attributes {attrs}"]
    if scheme(attrs["href"]) not in ("http", "https"):
        return [f"canonical URL {attrs['href']!r}"]
    return []


@SETTINGS
@given(pages())
def test_emitting_twice_gives_the_same_bytes(page: str) -> None:
    article = article_or_none(page)
    if article is None:
        return
    first = emit_snippet(article, forward()).html.encode()
    again = emit_snippet(article_or_none(page) or article, forward()).html.encode()
    assert first == again


@SETTINGS
@given(st.text(alphabet="<>/divpa ", max_size=400))
def test_flatten_never_grows_a_document(text: str) -> None:
    flat = markup.flatten(text, max_depth=3)
    assert len(flat) <= len(text)
    assert flat.replace("<", "").replace(">", "") in text.replace("<", "").replace(">", "") or (
        len(flat) < len(text)
    )
