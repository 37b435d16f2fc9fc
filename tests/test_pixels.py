"""Republication pixels: every place a page keeps one, and what is not one."""

from __future__ import annotations

import html

import lxml.html
import pytest
from conftest import PAGES

from syndicate.parse import document
from syndicate.parse.pixels import find_pixels

PIXEL = "https://news.example.org/?republication-pixel=true&post=4821&ga4=G-ABC123"
PIXEL_IMG = (
    '<img id="republication-tracker-tool-source" '
    'src="https://news.example.org/?republication-pixel=true&amp;post=4821&amp;ga4=G-ABC123" '
    'style="width:1px;height:1px;">'
)
COPY = f"<h1>Headline</h1>\n<p>By Jane Doe, <a href='https://news.example.org/'>News</a></p>\n{PIXEL_IMG}"


def pixels(body: str, *, head: str = "", url: str | None = None) -> tuple[str, ...]:
    page = f"<!DOCTYPE html><html><head><title>t</title>{head}</head><body>{body}</body></html>"
    return find_pixels(document.load(page), url=url)


def test_live_img_by_tracker_id() -> None:
    assert pixels(f"<article><p>Story.</p>{PIXEL_IMG}</article>") == (PIXEL,)


def test_live_img_by_url_pattern_without_id() -> None:
    src = "https://news.example.org/wp-content/plugins/republication-tracker-tool/includes/pixel.php?post=7&amp;ga=UA-1"
    assert pixels(f'<p>Story.</p><img src="{src}" width="1" height="1">') == (
        "https://news.example.org/wp-content/plugins/republication-tracker-tool/includes/pixel.php?post=7&ga=UA-1",
    )


def test_tracker_plugin_assets_are_not_pixels() -> None:
    badge = "https://news.example.org/wp-content/plugins/republication-tracker-tool/assets/img/cc-by-nd-4.0.png"
    assert pixels(f'<div class="license"><img src="{badge}" alt="Creative Commons"></div>') == ()


def test_real_world_unevenly_escaped_copy() -> None:
    escaped = (
        "&amp;lt;img id=&amp;quot;republication-tracker-tool-source&amp;quot; src=&amp;quot;"
        "https://news.example.org/?republication-pixel=true&amp;amp;post=4821&amp;amp;amp;ga4="
        "G-ABC123&amp;quot; style=&amp;quot;width:1px;height:1px;&amp;quot;&amp;gt;"
    )
    assert pixels(f'<div class="republish-content" hidden>{escaped}</div>') == (PIXEL,)


def test_amp_img_pixel() -> None:
    src = "https://news.example.org/?republication-pixel=true&amp;post=9"
    assert pixels(f'<amp-img src="{src}" width="1" height="1"></amp-img>') == (
        "https://news.example.org/?republication-pixel=true&post=9",
    )


def test_textarea_with_escaped_copy() -> None:
    assert pixels(f"<textarea readonly>{html.escape(COPY)}</textarea>") == (PIXEL,)


def test_textarea_with_raw_markup() -> None:
    assert pixels(f"<textarea>{COPY}</textarea>") == (PIXEL,)


def test_template_content() -> None:
    assert pixels(f'<template id="republish">{COPY}</template>') == (PIXEL,)


@pytest.mark.parametrize("tag", ["IMG", "Img"])
def test_textarea_with_a_copy_in_capitals(tag: str) -> None:
    copy = COPY.replace("<img ", f"<{tag} ")
    assert pixels(f"<textarea>{copy}</textarea>") == (PIXEL,)
    assert pixels(f"<textarea readonly>{html.escape(copy)}</textarea>") == (PIXEL,)


def test_copy_after_a_megabyte_of_text_is_found() -> None:
    long_story = "<p>" + "The council met and voted on the bridge. " * 30_000 + "</p>"
    copy = COPY.replace("<img ", "<IMG ")
    assert pixels(f"{long_story}<textarea>{html.escape(copy)}</textarea>") == (PIXEL,)


def test_escaped_text_in_hidden_republish_dialog() -> None:
    body = (
        f'<div id="republish-modal" hidden><h2>Republish</h2><pre>{html.escape(COPY)}</pre></div>'
    )
    assert pixels(body) == (PIXEL,)


def test_double_escaped_text_is_decoded_to_the_exact_url() -> None:
    twice = html.escape(html.escape(COPY))
    assert "&amp;amp;amp;post" in twice
    assert pixels(f"<div class='republish' style='display:none'>{twice}</div>") == (PIXEL,)


def test_over_escaped_src_attribute_is_decoded() -> None:
    src = (
        "https://news.example.org/?republication-pixel=true&amp;amp;post=4821&amp;amp;ga4=G-ABC123"
    )
    assert pixels(f'<img id="republication-tracker-tool-source" src="{src}">') == (PIXEL,)


def test_numeric_entities_are_decoded() -> None:
    src = "https://news.example.org/?republication-pixel=true&#38;post=4821&#x26;ga4=G-ABC123"
    assert pixels(f'<img id="republication-tracker-tool-source" src="{src}">') == (PIXEL,)


def test_noscript_analytics_pixel_is_not_a_republication_pixel() -> None:
    fb = '<noscript><img height="1" width="1" style="display:none" src="https://www.facebook.com/tr?id=1&amp;ev=PageView&amp;noscript=1"></noscript>'
    assert pixels("<p>Story.</p>", head=fb) == ()
    assert pixels(f"<p>Story.</p>{fb}") == ()


def test_noscript_republication_pixel_counts() -> None:
    assert pixels(f"<p>Story.</p><noscript>{PIXEL_IMG}</noscript>") == (PIXEL,)


def test_generic_one_pixel_image_outside_a_copy_is_not_reported() -> None:
    body = '<p>Story.</p><img src="https://stats.example.org/count.gif?p=1" width="1" height="1">'
    assert pixels(body) == ()


def test_generic_one_pixel_image_inside_a_copy_is_reported() -> None:
    copy = '<p>Story.</p><img src="https://pixel.example.org/pixel.gif?id=55" width="1" height="1">'
    assert pixels(f"<textarea>{html.escape(copy)}</textarea>") == (
        "https://pixel.example.org/pixel.gif?id=55",
    )


def test_ordinary_images_inside_a_copy_are_not_pixels() -> None:
    copy = '<p>Story.</p><img src="https://news.example.org/photo.jpg" width="800" height="600">'
    assert pixels(f"<textarea>{html.escape(copy)}</textarea>") == ()


def test_script_template_holding_the_copy() -> None:
    body = f'<script type="text/template" id="republish-tpl">{COPY}</script><p>Story.</p>'
    assert pixels(body) == (PIXEL,)


def test_commented_out_pixel_is_ignored() -> None:
    assert pixels(f"<p>Story.</p><!-- {PIXEL_IMG} -->") == ()


def test_pixel_markup_inside_a_script_is_ignored() -> None:
    assert pixels(f"<script>var copy = '{PIXEL_IMG}';</script><p>Story.</p>") == ()


def test_relative_url_is_made_absolute_against_the_page() -> None:
    img = '<img id="republication-tracker-tool-source" src="/?republication-pixel=true&amp;post=3">'
    assert pixels(img, url="https://news.example.org/2024/story/") == (
        "https://news.example.org/?republication-pixel=true&post=3",
    )


def test_protocol_relative_url_without_a_page_url_gets_https() -> None:
    src = "//news.example.org/?republication-pixel=true&amp;post=3"
    img = f'<img id="republication-tracker-tool-source" src="{src}">'
    assert pixels(img) == ("https://news.example.org/?republication-pixel=true&post=3",)


def test_deduplicated_in_page_order() -> None:
    other = PIXEL_IMG.replace("post=4821", "post=99")
    body = f"{PIXEL_IMG}<textarea>{html.escape(COPY)}</textarea><template>{other}</template>"
    assert pixels(body) == (PIXEL, PIXEL.replace("post=4821", "post=99"))


def test_page_without_pixels() -> None:
    assert pixels("<article><p>Just a story.</p><img src='/photo.jpg' alt=''></article>") == ()


def test_tree_is_not_modified() -> None:
    root = document.load(
        f"<html><body><textarea>{html.escape(COPY)}</textarea>{PIXEL_IMG}</body></html>"
    )
    before = lxml.html.tostring(root)
    find_pixels(root, url="https://news.example.org/")
    assert lxml.html.tostring(root) == before


@pytest.mark.parametrize(
    ("page", "url", "expected"),
    [
        (
            "forward/askhamas.html",
            "https://forward.com/schmooze/203040/askhamas-is-a-twitter-disaster-or-is-it/",
            ("https://forward.com/?republication-pixel=true&post=203040&ga4=G-7KQ2M9XHBT",),
        ),
        (
            "inn/water-district-audit.html",
            "https://ridgelinereport.org/2024/10/08/county-water-district-rate-hike-audit/",
            ("https://ridgelinereport.org/?republication-pixel=true&post=18734&ga4=G-R1DG3L1N3X",),
        ),
        (
            "opengraph/millbrook-orchard-frost.html",
            None,
            ("https://millbrooksentinel.com/pixel.gif?republication-pixel=true&post=2291",),
        ),
        ("encoding/cafe-moreau-cp1252.html", None, ()),
        ("microdata/lakeside-gazette-marina.html", None, ()),
    ],
)
def test_fixture_pages(page: str, url: str | None, expected: tuple[str, ...]) -> None:
    root = document.load((PAGES / page).read_bytes())
    assert find_pixels(root, url=url) == expected


def test_a_copy_that_quotes_body_tags_is_read_whole() -> None:
    # lxml's fragment reader asserts on "</body><body>" in the text it is given.
    src = "https://news.example.org/?republication-pixel=true&post=7"
    box = f'<textarea></body><body><img src="{src}" width="1" height="1"></textarea>'
    assert pixels(box) == (src,)
    assert pixels("<xmp></BODY><BODY><Img</xmp><p>Story text.</p>") == ()
