"""The lead image outside the body container: taken with its caption, never a thumbnail."""

from __future__ import annotations

from pathlib import Path

from syndicate.parse import document, parse_article
from syndicate.parse.body import Body, extract_body

URL = "https://news.example.org/2025/03/story/"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"

STORY = "".join(
    f"<p>Paragraph {i} of the story: the council voted on Tuesday to expand the bus network, "
    f"adding routes that connect the eastern neighbourhoods to the hospital.</p>"
    for i in range(6)
)
LEAD = (
    '<figure class="lead-figure"><img src="/img/lead.jpg" alt="Buses at the depot" '
    'width="1200" height="800"><figcaption>Buses at the depot on Monday. '
    '<span class="credit">Photo: Sam Lens</span></figcaption></figure>'
)
AVATAR = (
    '<div class="byline"><img class="author-photo" src="/img/jane.jpg" width="48" '
    'height="48" alt="Jane Reporter">By Jane Reporter</div>'
)
LOGO = '<a class="site-logo" href="/"><img src="/img/logo.png" width="220" height="40"></a>'
THUMB = (
    '<div class="related-stories"><a href="/2025/02/other/"><img src="/img/other.jpg" '
    'width="300" height="200"></a><a href="/2025/02/other/">Council debates roads</a></div>'
)


def extract(html: str) -> Body:
    return extract_body(document.load(html), url=URL)


def test_lead_figure_in_the_article_header_comes_first_with_caption_and_credit() -> None:
    html = (
        f"<html><body>{LOGO}<article><header><h1>Council expands bus network</h1>{AVATAR}"
        f"{LEAD}</header><div class='entry-content'>{STORY}"
        '<figure><img src="/img/map.png" width="800"><figcaption>The new routes'
        "</figcaption></figure></div></article></body></html>"
    )
    body = extract(html)
    assert [(i.src, i.caption, i.credit) for i in body.images] == [
        (
            "https://news.example.org/img/lead.jpg",
            "Buses at the depot on Monday.",
            "Photo: Sam Lens",
        ),
        ("https://news.example.org/img/map.png", "The new routes", None),
    ]
    assert "Buses at the depot" not in body.text


def test_lead_figure_sibling_before_the_body_inside_the_article() -> None:
    html = (
        "<html><body><main><article><h1>Council expands bus network</h1>"
        f"{LEAD}<div class='story-body'>{STORY}</div></article></main></body></html>"
    )
    body = extract(html)
    assert [i.src for i in body.images] == ["https://news.example.org/img/lead.jpg"]


def test_lead_image_without_article_tag_found_under_the_heading() -> None:
    html = (
        f"<html><body>{LOGO}<div class='wrap'><div class='head'><h1>Council expands buses</h1>"
        f"</div>{LEAD}<div class='text'>{STORY}</div></div></body></html>"
    )
    body = extract(html)
    assert [i.src for i in body.images] == ["https://news.example.org/img/lead.jpg"]


def test_thumbnails_logos_and_avatars_are_never_the_lead_image() -> None:
    html = (
        f"<html><body>{LOGO}<article><h1>Council expands bus network</h1>{AVATAR}{THUMB}"
        f"<div class='entry-content'>{STORY}</div></article>"
        f"<aside>{LEAD}</aside></body></html>"
    )
    body = extract(html)
    assert body.images == ()


def test_page_without_images_has_none() -> None:
    html = f"<html><body><article><h1>Buses</h1><div>{STORY}</div></article></body></html>"
    assert extract(html).images == ()


def test_askhamas_lead_image_is_on_the_article() -> None:
    data = (FIXTURES / "forward" / "askhamas.html").read_bytes()
    article = parse_article(
        data, url="https://forward.com/schmooze/203040/askhamas-is-a-twitter-disaster-or-is-it/"
    )
    lead = article.images[0]
    assert lead.src == "https://forward.com/wp-content/uploads/2014/08/askhamas-twitter.jpg"
    assert lead.alt == "Screenshot of the #AskHamas hashtag on Twitter"
    assert lead.credit == "Twitter"
    assert all("related" not in i.src and "author" not in i.src for i in article.images)


def test_a_size_written_in_superscript_or_circled_digits_is_no_number_and_no_crash() -> None:
    # "²".isdigit() is true, but int("²") raises: the page failed whole.
    lead = LEAD.replace('width="1200" height="800"', 'width="²" height="①"')
    html = (
        "<html><body><article><h1>Council expands bus network</h1>"
        f"{lead}<div class='story-body'>{STORY}</div></article></body></html>"
    )
    assert [i.src for i in extract(html).images] == ["https://news.example.org/img/lead.jpg"]
