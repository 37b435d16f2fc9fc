"""Body extraction on small but realistic pages: what stays, what goes, where it goes."""

from __future__ import annotations

import copy
import time

import lxml.html
import pytest

from syndicate.parse import document
from syndicate.parse.body import Body, extract_body
from syndicate.parse.container import unit_weight

URL = "https://news.example.org/2025/03/story/"

PARAS = [
    "The city council voted on Tuesday to expand the bus network, adding three routes that "
    "will connect the eastern neighbourhoods to the hospital, the university and downtown.",
    "Supporters said the change was overdue. Opponents, including two council members, "
    "argued that the money would be better spent on repairing roads, which they said were "
    "in the worst state in a generation.",
    "The new routes will start running in September, according to the transit agency, which "
    "plans to hire forty drivers over the summer and to buy twelve electric buses.",
    "Residents who spoke at the meeting were mostly in favour, though several asked for later "
    "evening service, a request the agency said it would study before the end of the year.",
]


def page(body: str, *, head: str = "") -> str:
    """A news page: header with nav, the article, a sidebar and a footer around ``body``."""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Council expands buses | Example News</title>
{head}</head>
<body class="single single-post">
<header class="site-header"><a href="/">Example News</a>
<nav class="main-nav"><ul><li><a href="/news/">News</a></li><li><a href="/sport/">Sport</a></li>
<li><a href="/opinion/">Opinion</a></li></ul></nav></header>
<main id="main">
<article class="post">
<h1 class="entry-title">Council expands bus network</h1>
<div class="byline">By Jane Reporter | March 4, 2025</div>
<div class="entry-content">
{body}
</div>
</article>
<aside class="sidebar"><h3>Most read</h3>
<p>A completely different story about the weather that readers clicked on a great deal.</p>
<ul><li><a href="/a">Storm hits coast</a></li><li><a href="/b">School results out</a></li></ul>
</aside>
</main>
<footer class="site-footer"><p>Copyright 2025 Example News. All rights reserved, everywhere.</p>
</footer></body></html>"""


def paras(items: list[str] = PARAS) -> str:
    return "\n".join(f"<p>{p}</p>" for p in items)


def extract(html: str, **kwargs: str) -> Body:
    return extract_body(document.load(html), url=kwargs.get("url", URL), title=kwargs.get("title"))


def test_keeps_every_paragraph_in_order_and_nothing_around_it() -> None:
    body = extract(page(paras()))
    assert body.text.split("\n\n") == PARAS
    assert "Most read" not in body.text
    assert "Copyright" not in body.text
    assert "Sport" not in body.text
    assert "Jane Reporter" not in body.text


def test_html_is_one_block_per_line_without_attributes() -> None:
    html = page('<p class="lead" style="color:red" id="x">' + PARAS[0] + "</p>" + paras(PARAS[1:]))
    body = extract(html)
    lines = body.html.splitlines()
    assert len(lines) == len(PARAS)
    assert all(line.startswith("<p>") and line.endswith("</p>") for line in lines)
    assert "class=" not in body.html
    assert "style=" not in body.html
    assert "id=" not in body.html


def test_share_bar_is_removed() -> None:
    share = (
        '<div class="share-tools"><a href="https://facebook.com/sharer?u=x">Share on Facebook</a>'
        '<a href="https://twitter.com/intent/tweet">Share on Twitter</a>'
        "<span>Email this story to a friend</span></div>"
    )
    body = extract(page(share + paras()))
    assert "Share on" not in body.text
    assert "Email this story" not in body.text
    assert body.text.startswith(PARAS[0])


def test_related_insert_and_read_more_are_removed() -> None:
    inserts = (
        "<p><strong>Related:</strong> "
        '<a href="/2025/02/other/">Council debates road repairs</a></p>'
        '<div class="related-posts"><h4>More on transit</h4><p>An earlier piece on the '
        "tram line that was cancelled in 2019 after a long dispute over costs.</p></div>"
        '<p>READ MORE: <a href="/x">Why buses matter</a></p>'
    )
    body = extract(page(paras(PARAS[:2]) + inserts + paras(PARAS[2:])))
    assert body.text.split("\n\n") == PARAS


@pytest.mark.parametrize(
    "line",
    [
        "Pin this for later!",
        "PIN IT HERE",
        "Stay connected with me!",
        "Join our mailing list! Get a newsletter when an episode is published.",
        "Follow me on Instagram for new recipes!",
        "Like what you see? Share with a friend",
        "Buy now from one of our trusted retail partners:",
        "Get the FREE eBook!",
        "Want more from Example News? Sign up for our newsletter, The Morning, and ride smarter.",
        "Get the latest updates right in your inbox. Subscribe to Example News newsletters.",
        "Tell us what YOU think...",
        "What do you think? How does your town plan its bus routes? Tell us below.",
        "[CTA_MODULE]",
        '[button link="https://news.example.org/submit/" type="big"] Send us your review',
        'Next article: <a href="/2025/03/trams/">Trams return</a> Previous article: '
        '<a href="/2025/02/roads/">Roads</a>',
        # Button labels alone, and "read also" inserts in the languages of the news read.
        "Share",
        "SAVE",
        "Teilen",
        "分享",
        "Drucken:",
        'Lesen Sie auch: <a href="/2025/03/trams/">Die Straßenbahn kehrt zurück</a>',
        'À lire aussi : <a href="/2025/03/trams/">Le retour du tramway</a>',
        'Читайте также: <a href="/2025/03/trams/">Трамвай возвращается</a>',
        '阅读下一篇：<a href="/2025/03/trams/">有轨电车回归</a>',
    ],
)
def test_prompts_and_post_navigation_are_removed(line: str) -> None:
    body = extract(page(paras(PARAS[:2]) + f"<p>{line}</p>" + paras(PARAS[2:])))
    assert body.text.split("\n\n") == PARAS


def test_a_sentence_about_the_writers_own_newsletters_stays() -> None:
    own = "<p>I also picked 28 newsletters, a small subset of the newsletters I subscribe to.</p>"
    body = extract(page(paras(PARAS[:2]) + own + paras(PARAS[2:])))
    assert "newsletters I subscribe to" in body.text


def test_newsletter_and_donation_boxes_are_removed() -> None:
    boxes = (
        '<div class="newsletter-signup"><p>Get the morning briefing in your inbox every day, '
        "free of charge.</p><form><input type=email><button>Sign up</button></form></div>"
        '<div class="donate-box"><p>Independent journalism needs your support: give what you '
        "can today and keep local reporting alive.</p></div>"
    )
    body = extract(page(paras(PARAS[:3]) + boxes + paras(PARAS[3:])))
    assert body.text.split("\n\n") == PARAS


def test_caption_goes_to_images_not_body() -> None:
    figure = (
        '<figure class="wp-block-image"><img src="/img/bus.jpg" alt="A blue bus">'
        "<figcaption>A new electric bus at the depot. "
        '<span class="credit">Photo: Sam Lens</span></figcaption></figure>'
    )
    body = extract(page(paras(PARAS[:1]) + figure + paras(PARAS[1:])))
    assert "electric bus at the depot" not in body.text
    assert "Sam Lens" not in body.text
    assert len(body.images) == 1
    image = body.images[0]
    assert image.src == "https://news.example.org/img/bus.jpg"
    assert image.alt == "A blue bus"
    assert image.caption == "A new electric bus at the depot."
    assert image.credit == "Photo: Sam Lens"


def test_tweet_kept_as_blockquote_with_link_and_no_script() -> None:
    tweet = (
        '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Big day for buses in our '
        "city! Three new routes approved tonight.</p>&mdash; Transit Fan (@transitfan) "
        '<a href="https://twitter.com/transitfan/status/1234567890">March 4, 2025</a>'
        '</blockquote><script async src="https://platform.twitter.com/widgets.js"></script>'
    )
    body = extract(page(paras(PARAS[:2]) + tweet + paras(PARAS[2:])))
    assert "<blockquote>" in body.html
    assert "</blockquote>" in body.html
    assert "Big day for buses" in body.text
    assert 'href="https://twitter.com/transitfan/status/1234567890"' in body.html
    assert "<script" not in body.html
    assert "widgets.js" not in body.html
    assert [(e.kind, e.url) for e in body.embeds] == [
        ("tweet", "https://twitter.com/transitfan/status/1234567890")
    ]


def test_tweet_inside_a_social_embed_wrapper_is_kept() -> None:
    tweet = (
        '<div class="social-media-embed"><blockquote class="twitter-tweet"><p>Three new bus '
        "routes approved tonight, after a long night of public comment.</p>&mdash; Transit Fan "
        '<a href="https://twitter.com/transitfan/status/1234567890">March 4, 2025</a>'
        "</blockquote></div>"
    )
    body = extract(page(paras(PARAS[:2]) + tweet + paras(PARAS[2:])))
    assert "Three new bus routes approved tonight" in body.text
    assert [e.kind for e in body.embeds] == ["tweet"]


def test_video_iframe_is_an_embed() -> None:
    frame = '<iframe src="https://www.youtube.com/embed/abc123" width="560"></iframe>'
    body = extract(page(paras(PARAS[:1]) + frame + paras(PARAS[1:])))
    assert [(e.kind, e.url) for e in body.embeds] == [
        ("video", "https://www.youtube.com/embed/abc123")
    ]
    assert "iframe" not in body.html


def test_links_are_absolute_and_emphasis_kept() -> None:
    para = (
        'The <a href="/reports/transit-2025.pdf">transit report</a> calls the plan '
        "<em>ambitious</em> but <strong>affordable</strong>, and its authors expect ridership "
        "to grow by a fifth within two years of the routes opening."
    )
    body = extract(page(f"<p>{para}</p>" + paras()))
    assert '<a href="https://news.example.org/reports/transit-2025.pdf">transit report</a>' in (
        body.html
    )
    assert "<em>ambitious</em>" in body.html
    assert "<strong>affordable</strong>" in body.html


@pytest.mark.parametrize(
    ("href", "written"),
    [
        ("https://other.example.com/a/b?c=1#d", "https://other.example.com/a/b?c=1#d"),
        ("http://other.example.com/a", "http://other.example.com/a"),
        ("https://other.example.com/a/../b", "https://other.example.com/a/../b"),
        ("https://other.example.com/a?", "https://other.example.com/a"),
        ("https://other.example.com/a;v=2", "https://other.example.com/a;v=2"),
        ("https:///reports/x", "https://news.example.org/reports/x"),
        ("../reports/x", "https://news.example.org/2025/reports/x"),
        ("//cdn.example.net/x", "https://cdn.example.net/x"),
    ],
)
def test_absolute_links_are_written_as_an_address_parser_reads_them(
    href: str, written: str
) -> None:
    para = (
        f'The <a href="{href}">transit report</a> calls the plan ambitious but affordable, '
        "and its authors expect ridership to grow by a fifth within two years."
    )
    body = extract(page(f"<p>{para}</p>" + paras()), url="https://news.example.org/2025/03/x")
    assert f'<a href="{written}">transit report</a>' in body.html


@pytest.mark.parametrize(
    ("src", "read"),
    [
        ("https://cdn.example.net/img/bus.jpg?w=800", "https://cdn.example.net/img/bus.jpg?w=800"),
        ("../../img/bus.jpg", "https://news.example.org/2025/img/bus.jpg"),
        ("//cdn.example.net/img/bus.jpg", "https://cdn.example.net/img/bus.jpg"),
        ("https://cdn.example.net/img/bus.jpg?", "https://cdn.example.net/img/bus.jpg"),
    ],
)
def test_image_sources_are_read_as_addresses(src: str, read: str) -> None:
    figure = f'<figure><img src="{src}" alt="A blue bus"></figure>'
    body = extract(page(paras(PARAS[:1]) + figure + paras(PARAS[1:])))
    assert [image.src for image in body.images] == [read]


def test_headings_lists_and_blockquotes_are_kept() -> None:
    extra = (
        "<h2>What changes</h2><ul><li>Route 12 to the hospital</li>"
        "<li>Route 14 to the university</li></ul>"
        "<blockquote><p>We have waited ten years for this, said one resident.</p></blockquote>"
    )
    body = extract(page(paras(PARAS[:2]) + extra + paras(PARAS[2:])))
    assert "<h2>What changes</h2>" in body.html
    assert (
        "<ul>\n<li>Route 12 to the hospital</li>\n<li>Route 14 to the university</li>\n</ul>"
        in (body.html)
    )
    assert "<blockquote>\n<p>We have waited ten years" in body.html
    assert "What changes\n\nRoute 12 to the hospital\n\nRoute 14 to the university" in body.text


def test_title_repeated_in_body_is_dropped() -> None:
    html = page("<h2>Council expands bus network</h2>" + paras())
    body = extract(html, title="Council expands bus network")
    assert body.text.split("\n\n") == PARAS


def test_hidden_elements_are_dropped() -> None:
    hidden = (
        '<p style="display:none">Hidden text that a reader never sees on the page at all.</p>'
        '<span class="screen-reader-text">Skip to the next section of this article now</span>'
    )
    body = extract(page(paras(PARAS[:1]) + hidden + paras(PARAS[1:])))
    assert body.text.split("\n\n") == PARAS


def test_the_callers_tree_is_not_changed() -> None:
    root = document.load(page(paras()))
    before = lxml.html.tostring(root)
    snapshot = copy.deepcopy(root)
    extract_body(root, url=URL)
    assert lxml.html.tostring(root) == before == lxml.html.tostring(snapshot)


@pytest.mark.parametrize(
    "html",
    [
        "<html><body></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav><p>Short.</p></body></html>",
        "<html><body><ul>"
        + "".join(f"<li><a href='/{i}'>Item {i}</a></li>" for i in range(50))
        + "</ul></body></html>",
    ],
)
def test_page_without_article_gives_empty_body(html: str) -> None:
    body = extract(html)
    assert body == Body(html="", text="")


def test_deep_nesting_does_not_raise() -> None:
    depth = 200_000
    html = "<html><body>" + "<div>" * depth + paras() + "</div>" * depth + "</body></html>"
    body = extract(html)
    assert isinstance(body.text, str)


def test_div_soup_with_br_separated_text_is_one_paragraph_per_blank_line() -> None:
    soup = "<div class='txt'>" + "<br><br>\n".join(PARAS) + "</div>"
    body = extract(page(soup))
    assert body.text.split("\n\n") == PARAS
    assert body.html.splitlines() == [f"<p>{para}</p>" for para in PARAS]


def test_a_single_line_break_stays_inside_its_paragraph() -> None:
    address = "The Old Mill<br>12 River Lane<br><br><br>"
    story = "<p>" + PARAS[0] + "</p><p>" + address + "</p><p><em>" + PARAS[1] + "<br><br></em></p>"
    body = extract(page(story + paras(PARAS[2:])))
    assert "<p>The Old Mill<br>12 River Lane</p>" in body.html
    assert f"<p><em>{PARAS[1]}</em></p>" in body.html


def test_div_soup_text_around_a_nested_text_block_stays_whole_and_in_order() -> None:
    # The story is the outer block's own text, before and after a nested block of text.
    soup = (
        "<div class='txt'>" + PARAS[0] + "<div><span>" + PARAS[1] + "</span></div>"
        + PARAS[2] + "<br><br>" + PARAS[3] + "</div>"
    )  # fmt: skip
    body = extract(page(soup))
    at = [body.text.find(para) for para in PARAS]
    assert -1 not in at
    assert at == sorted(at)


def test_div_soup_story_beside_long_inline_scripts_and_styles() -> None:
    script = "<script>var config = " + '{"key": "a long configuration value"}, ' * 20 + ";</script>"
    style = "<style>.story { font-family: Georgia, serif; margin: 0 auto; } " * 5 + "</style>"
    soup = script + style + "<div class='txt'>" + "<br><br>".join(PARAS) + "</div>" + script
    body = extract(page(soup))
    for para in PARAS:
        assert para in body.text
    assert "configuration" not in body.text
    assert "Georgia" not in body.text


def test_container_marked_as_article_body_is_taken() -> None:
    html = f"""<html><body><div class="layout">
    <div class="col" itemprop="articleBody">{paras()}</div>
    <div class="col"><p>{"A short note beside the story, with one sentence. " * 2}</p></div>
    </div></body></html>"""
    body = extract(html)
    assert body.text.split("\n\n") == PARAS


def test_paragraph_marked_as_article_body_is_taken() -> None:
    story = "<br><br>".join(PARAS)
    note = "A note from the editors on how this page was put together, with a sentence."
    html = f"""<html><body><div class="layout">
    <p itemprop="articleBody">{story}</p>
    <p>{note}</p>
    </div></body></html>"""
    body = extract(html)
    assert body.text.split("\n\n") == PARAS


def test_text_after_an_html_comment_is_kept() -> None:
    split = (
        "<p>Mr<!-- -->. Smith, the mayor, said the plan would <!-- react-text -->cost less than "
        "the road repairs<!-- /react-text --> and serve more people within two years.</p>"
    )
    body = extract(page(split + paras()))
    assert body.text.split("\n\n")[0] == (
        "Mr. Smith, the mayor, said the plan would cost less than the road repairs and serve "
        "more people within two years."
    )


def test_comment_thread_longer_than_the_story_is_left_out() -> None:
    comment = (
        '<li class="comment"><article class="comment-body"><footer class="comment-meta">'
        'Reader {i} says:</footer><div class="comment-content"><p>I have taken the number '
        "{i} bus for years and the new routes will change my commute, though I worry about "
        "the evening service and whether the drivers will be hired in time.</p></div>"
        "</article></li>"
    )
    thread = (
        '<div id="comments" class="comments-area"><ol class="commentlist">'
        + "".join(comment.format(i=i) for i in range(12))
        + "</ol></div>"
    )
    html = page(paras(PARAS[:2])).replace("</article>", "</article>" + thread)
    body = extract(html)
    assert body.text.split("\n\n") == PARAS[:2]


def test_figure_without_the_tag_gives_its_cutline_to_the_image() -> None:
    photo = (
        '<div class="photo"><img src="/img/depot.jpg" alt="The depot" width="600"><br>'
        '<span class="cutline">Drivers at the depot on Monday. — Herald photo by Sam Lens'
        "</span></div>"
    )
    body = extract(page(photo + paras()))
    assert body.text.split("\n\n") == PARAS
    assert [(i.src, i.caption, i.credit) for i in body.images] == [
        (
            "https://news.example.org/img/depot.jpg",
            "Drivers at the depot on Monday.",
            "Herald photo by Sam Lens",
        )
    ]


@pytest.mark.parametrize(
    ("caption", "text", "credit"),
    [
        ("The new bus. (Photo: AP)", "The new bus.", "Photo: AP"),
        ("The new bus. Credit: Getty Images", "The new bus.", "Credit: Getty Images"),
        ("The new bus | Photo by Sam Lens", "The new bus", "Photo by Sam Lens"),
        ("A photo by the river at dawn", "A photo by the river at dawn", None),
    ],
)
def test_credit_written_at_the_end_of_a_caption_is_split_off(
    caption: str, text: str, credit: str | None
) -> None:
    figure = f'<figure><img src="/img/bus.jpg"><figcaption>{caption}</figcaption></figure>'
    body = extract(page(figure + paras()))
    assert [(i.caption, i.credit) for i in body.images] == [(text, credit)]


def test_section_kicker_above_the_headline_is_not_body() -> None:
    story = (
        '<td class="main"><span class="section">Transport</span>'
        '<h1 class="headline">Council expands bus network</h1>' + paras() + "</td>"
    )
    html = f"<html><body><table><tr>{story}</tr></table></body></html>"
    body = extract(html, title="Council expands bus network")
    assert body.text.split("\n\n") == PARAS


def test_figure_wrapping_a_table_is_body_text() -> None:
    table = (
        '<figure class="wp-block-table"><table><thead><tr><th>Route</th><th>Riders a day</th>'
        "</tr></thead><tbody><tr><td>Route 12</td><td>4,200</td></tr></tbody></table>"
        "<figcaption>Source: transit agency</figcaption></figure>"
    )
    body = extract(page(paras(PARAS[:2]) + table + paras(PARAS[2:])))
    assert "Route\n\nRiders a day\n\nRoute 12\n\n4,200" in body.text
    assert "Source: transit agency" not in body.text
    assert body.images == ()


def test_mega_menu_inside_the_container_is_dropped_however_long() -> None:
    menu = (
        '<nav class="primary-bar"><ul>'
        + "".join(
            f'<li><a href="/s{i}">Section {i}</a><ul>'
            + "".join(f'<li><a href="/s{i}/{j}">Topic {i}.{j} guides</a></li>' for j in range(9))
            + "</ul></li>"
            for i in range(8)
        )
        + "</ul></nav>"
    )
    html = f"<html><body><div class='wrapper'>{menu}<div>{paras()}</div></div></body></html>"
    body = extract(html)
    assert body.text.split("\n\n") == PARAS


def test_five_megabyte_article_extracts_every_paragraph() -> None:
    line = (
        '<p>Item {i}: the council met on <a href="/x">Tuesday</a> and voted to <em>rebuild</em>'
        " the old footbridge after two years of debate about its cost.</p>\n"
    )
    count = 5_000_000 // len(line)
    side = '<aside class="related"><a href="/r">Storm closes the pier</a></aside>'
    html = page(
        "<article><h1>Council minutes</h1>"
        + "".join(line.format(i=i) for i in range(count))
        + side
        + "</article>"
    )
    body = extract(html, title="Council minutes")
    blocks = body.text.split("\n\n")
    assert len(blocks) == count
    assert blocks[0].startswith("Item 0: the council met on Tuesday")
    assert blocks[-1].startswith(f"Item {count - 1}: ")
    assert all(block.startswith(f"Item {i}: ") for i, block in enumerate(blocks))
    assert all(block.endswith("about its cost.") for block in blocks)
    assert body.html.count("<p>") == count
    assert "Storm closes the pier" not in body.text


def test_author_box_and_related_list_after_the_story_are_cut() -> None:
    trailer = (
        "<h3>About the Author</h3><p>Jane Reporter covers transport and city hall for the paper "
        "and has done so since 2015, after a decade at the wire services.</p>"
        "<h3>Related articles</h3><p>Why the bus network needs more drivers, explained by "
        "the people who drive the buses every single day.</p>"
    )
    body = extract(page(paras() + trailer))
    assert body.text.split("\n\n") == PARAS
    assert "About the Author" not in body.html


def test_related_heading_early_in_the_story_does_not_cut_it() -> None:
    html = page(f"<p>{PARAS[0]}</p><h2>Related</h2>" + paras(PARAS[1:]))
    assert extract(html).text.split("\n\n")[-1] == PARAS[-1]


@pytest.mark.parametrize(
    "line",
    [
        "By Dana Whitfield ⋅ Senior Transport Editor ⋅ Updated March 5, 2025",
        "By Dana Whitfield ⋅ Senior Transport Editor",
        "Words by Jo Lane — Photos by Kim Rose",
        "Medically reviewed by Kim Rose, RDN — Written by Jo Lane, MS, RD — Updated on May 7, 2025",
        "Posted on December 18, 2025 by John Smith | 12 Comments",
        "Jane Reporter | 5 min read",
        "Friday, November 14, 2025",
        "Last updated: April 21, 2025",
        "Table of Contents",
        "We may earn a commission from links on this page, but we only recommend what we use.",
    ],
)
def test_byline_date_and_disclosure_lines_above_the_story_are_not_body(line: str) -> None:
    body = extract(page(f"<p>{line}</p>" + paras()))
    assert body.text.split("\n\n") == PARAS


def test_story_lines_that_start_like_a_byline_are_kept() -> None:
    opening = [
        "By 2013, the network had shrunk to eleven routes, and ridership fell.",
        "Published in 1998, the plan promised a tram that never came.",
        "By then the network had shrunk to a handful of routes, and ridership fell.",
    ]
    body = extract(page(paras(opening + PARAS)))
    assert body.text.split("\n\n") == opening + PARAS


def test_a_date_line_deep_in_the_story_is_kept() -> None:
    diary = [*PARAS[:2], "March 5, 2025", *PARAS[2:]]
    body = extract(page(paras(diary)))
    assert body.text.split("\n\n") == diary


def test_author_bio_box_is_not_body_however_long() -> None:
    bio = (
        '<div class="author-box"><p>Jane Reporter has covered transport and city hall since '
        "2015. Before joining the paper she spent a decade at the wire services in London, "
        "Nairobi and Lima, and she teaches a data-reporting course at the state university. "
        "Her reporting on the bus network won a regional award in 2022, and she lives in the "
        "eastern neighbourhoods with her family, two bicycles and a bus pass. She can be "
        "reached by email, by phone at the newsroom, or at the council meetings she has not "
        "missed in nine years.</p></div>"
    )
    body = extract(page(paras() + bio))
    assert body.text.split("\n\n") == PARAS


def test_prose_wrapper_named_like_a_widget_is_kept() -> None:
    wrapped = f'<div class="field share-enabled">{paras(PARAS[2:])}</div>'
    body = extract(page(paras(PARAS[:2]) + wrapped))
    assert body.text.split("\n\n") == PARAS


def test_widget_class_with_a_taxonomy_prefix_is_read_as_a_widget() -> None:
    box = (
        '<div class="author-info"><p>Written by Jane Reporter, who covers transport.</p>'
        '<a href="/author/jane/">More from Jane</a></div>'
    )
    body = extract(page(paras() + box))
    assert body.text.split("\n\n") == PARAS


@pytest.mark.parametrize("classes", ["author-bio-box", "post-author-bio", "author-bio__card"])
def test_widget_word_after_a_taxonomy_prefix_is_read_as_a_widget(classes: str) -> None:
    box = (
        f'<div class="{classes}"><div class="author-bio-text"><p>Jane Reporter has covered '
        "transport and city hall since 2015, and teaches a data-reporting course.</p></div></div>"
    )
    body = extract(page(paras() + box))
    assert body.text.split("\n\n") == PARAS


def test_author_box_without_a_class_is_left_out() -> None:
    box = (
        '<div class="css-1x2y"><img src="/jane.jpg" alt="Headshot of Jane Reporter">'
        '<a href="/author/2429/jane-reporter/"><span>Jane Reporter</span></a>'
        "<div><p>Jane Reporter is a writer and editor who covers transport and city hall. "
        "Before joining the paper she spent a decade at the wire services.</p></div></div>"
    )
    body = extract(page(paras() + box))
    assert body.text.split("\n\n") == PARAS


def test_story_paragraph_naming_a_linked_reviewer_stays() -> None:
    named = (
        '<p><a href="/author/marisa-haber/">Marisa Haber</a> has ridden every one of the new '
        "routes during the trial, and she says the eastern loop is the one to watch.</p>"
    )
    body = extract(page(paras(PARAS[:1]) + named + paras(PARAS[1:]) + paras(PARAS[1:])))
    assert body.text.split("\n\n")[1].startswith("Marisa Haber has ridden")


def test_sign_up_box_around_an_email_field_is_left_out() -> None:
    box = (
        '<section class="my-12 p-8"><div>Awesome products and offers, hand-picked for you.</div>'
        "<div>Sign up now for the Deals newsletter.</div>"
        '<form><input type="email" placeholder="Enter Email"><button>Sign Me Up</button></form>'
        "<div>By clicking Sign Me Up, you confirm you are 16+ and agree to our Terms of Use and "
        "Privacy Policy.</div></section>"
    )
    body = extract(page(paras(PARAS[:2]) + box + paras(PARAS[2:])))
    assert body.text.split("\n\n") == PARAS


def test_story_around_an_email_field_stays() -> None:
    story = f'<div>{paras()}<input type="email" placeholder="Your e-mail"></div>'
    assert extract(page(story)).text.split("\n\n") == PARAS


def test_card_grid_beside_the_story_is_not_joined_to_it() -> None:
    cards = "".join(
        f'<div class="card"><a href="/deal/{n}">Deal number {n} of the week</a>'
        f"<div>Our top pick for commuters is sitting at its best-ever price, again.</div>"
        f"<span>11/2{n}/2025</span></div>"
        for n in range(6)
    )
    html = f"""<html><head><title>Buses</title></head><body>
<main><article>{paras()}</article></main>
<div class="grid">{cards}</div>
<div class="grid">{cards}</div>
</body></html>"""
    body = extract(html)
    assert body.text.split("\n\n") == PARAS


def test_story_continued_in_a_sibling_block_is_joined() -> None:
    html = f"""<html><head><title>Buses</title></head><body>
<main><article>{paras(PARAS[:2])}</article></main>
<div class="ad-slot">Advertisement</div>
<div class="more">{paras(PARAS[2:])}</div>
</body></html>"""
    assert extract(html).text.split("\n\n") == PARAS


@pytest.mark.parametrize(
    "heading",
    [
        "You’ll Also Love...",
        "Latest posts by Jane Reporter (see all)",
        "Up Next",
        "Written by Jane Reporter",
        "Author",
        "Related blog posts",
        "What others are reading",
        "Other Posts You May Enjoy",
        "Related articles that may interest you",
        "Still have questions?",
        "NEED MORE HELP?",
        "Share With a Friend or Colleague",
        "Media Contact",
        "More Resources...",
        "More Helpful Articles by Example News:",
        "Reviewed by,",
        "Contributor",
    ],
)
def test_trailer_headings_cut_what_follows_the_story(heading: str) -> None:
    trailer = (
        f"<h3>{heading}</h3><p>Why the tram plan failed, told by the engineers who drew it "
        "and the council members who voted it down in 2019.</p>"
    )
    assert extract(page(paras() + trailer)).text.split("\n\n") == PARAS


@pytest.mark.parametrize(
    "line", ["Tags: Transit, City Council, Buses", "Filed under: Local news |", "Labels: buses"]
)
def test_label_line_after_the_story_is_cut(line: str) -> None:
    trailer = f"<p>{line}</p><p>More on the budget vote: what the council cut and why.</p>"
    assert extract(page(paras() + trailer)).text.split("\n\n") == PARAS


@pytest.mark.parametrize(
    "box",
    [
        '<div class="restricted-content-breaker"><p>This article is exclusive to subscribers. '
        "Unlock it, plus newsletters and events.</p></div>",
        '<div class="site-after-content"><p>A message from our publisher: support the '
        "newsroom that keeps you informed about your city.</p></div>",
    ],
)
def test_paywall_and_after_content_inserts_are_removed(box: str) -> None:
    assert extract(page(paras() + box)).text.split("\n\n") == PARAS


def test_glossary_and_hover_cards_inside_a_sentence_are_dropped_and_their_terms_kept() -> None:
    sentence = (
        '<p>The agency will measure <dfn>ridership<span class="term-tooltip"><span>'
        "<strong>Ridership</strong> The number of trips taken on public transport.</span>"
        '</span></dfn> on every route, and <a href="/glossary/headway" class="tooltip9" '
        'title="Minutes between buses">headways</a> will be published monthly by <a '
        'class="rollover-people-link" href="/people/ann-lee">Ann Lee</a><span '
        'class="rollover-people-block"><span><a href="/people/ann-lee">Ann Lee</a><a '
        'href="/2025/ann-lee-budget">Ann Lee on the transit budget</a></span></span>.</p>'
    )
    body = extract(page(sentence + paras()))
    assert body.text.split("\n\n")[0] == (
        "The agency will measure ridership on every route, and headways will be published "
        "monthly by Ann Lee."
    )


def test_teaser_card_wrapped_in_a_link_is_dropped() -> None:
    card = (
        '<a class="block" href="/2025/02/trams/"><h3>Why the tram never came</h3>'
        "<p>The story of the 2019 plan, told by the engineers who drew it.</p></a>"
    )
    body = extract(page(paras(PARAS[:2]) + card + paras(PARAS[2:])))
    assert body.text.split("\n\n") == PARAS


@pytest.mark.parametrize(
    "teaser",
    [
        '<p><a href="/2025/02/trams/">Why the tram never came</a> The story of the 2019 plan, '
        "told by the engineers who drew it and the residents who…</p>",
        "<p>The story of the 2019 tram plan, told by the engineers who drew it and the residents "
        'who waited... <a href="/2025/02/trams/">Read more</a></p>',
    ],
)
def test_excerpt_led_or_closed_by_its_link_is_a_teaser(teaser: str) -> None:
    body = extract(page(paras(PARAS[:2]) + teaser + paras(PARAS[2:])))
    assert body.text.split("\n\n") == PARAS


@pytest.mark.parametrize(
    "ending",
    [
        "...",
        "…",
        " […]",
        " [...]",
        " Read more",
        " READ MORE »",
        " Continue reading →",
        " CONTINUE READİNG",
    ],
)
def test_a_unit_ending_like_an_excerpt_weighs_a_fifth(ending: str) -> None:
    text = "The story of the 2019 tram plan, told by the engineers who drew it and the residents"
    plain = lxml.html.fragment_fromstring(f"<p>{text} who waited.</p>")
    excerpt = lxml.html.fragment_fromstring(f"<p>{text} who waited{ending}</p>")
    assert 0 < unit_weight(excerpt) < unit_weight(plain) / 3


@pytest.mark.parametrize(
    "paragraph",
    [
        # A link inside a sentence of a paragraph that trails off.
        '<p>I have wondered if improving the timetable could raise <a href="https://example.com'
        '/ridership">ridership</a>, so I have been testing a number of changes....</p>',
        # A product summary ending with a link to its review further down the same page.
        '<p><a href="https://shop.example.com/pass"><img src="/pass.png"></a><strong>Monthly '
        "pass</strong> – the best value for daily riders, with unlimited trips on every route "
        'and a discount on night buses. <a href="#monthly-pass">Full review…</a></p>',
    ],
)
def test_paragraph_ending_in_an_ellipsis_is_no_teaser(paragraph: str) -> None:
    body = extract(page(paras(PARAS[:2]) + paragraph + paras(PARAS[2:])))
    assert len(body.text.split("\n\n")) == 5


def test_sections_classed_with_their_publication_state_are_kept() -> None:
    section = '<div class="paragraph paragraph--type--text paragraph-published">{}</div>'
    html = page(
        '<div class="entry-date published">March 4, 2025</div>'
        + "".join(section.format(f"<h2>Part {n}</h2><p>{p}</p>") for n, p in enumerate(PARAS))
    )
    assert extract(html).text.split("\n\n") == [
        line for n, p in enumerate(PARAS) for line in (f"Part {n}", p)
    ]


def test_section_headings_wrapped_in_header_tags_are_kept() -> None:
    sections = "".join(
        f'<section><header><h2 class="section-title">{n}. Myth number {n}</h2></header>'
        f"<p>{p}</p></section>"
        for n, p in enumerate(PARAS, 1)
    )
    card = (
        '<header class="entry-header"><h3><a href="/2025/02/trams/">Why the tram never came</a>'
        "</h3></header>"
    )
    body = extract(page(sections + card))
    assert body.text.split("\n\n") == [
        line for n, p in enumerate(PARAS, 1) for line in (f"{n}. Myth number {n}", p)
    ]


def test_heading_wrapped_in_a_link_is_kept() -> None:
    heading = '<a href="https://shop.example.com/pass"><h3>Monthly bus pass</h3></a>'
    body = extract(page(paras(PARAS[:2]) + heading + paras(PARAS[2:])))
    assert "Monthly bus pass" in body.text.split("\n\n")


def test_copy_of_the_story_for_another_screen_size_is_left_out() -> None:
    html = page(
        f'<div class="layout-desktop hidden-mobile">{paras()}</div>'
        f'<div class="layout-mobile hidden-desktop">{paras()}</div>'
    )
    assert extract(html).text.split("\n\n") == PARAS


def test_repeated_blocks_without_layout_classes_are_kept() -> None:
    line = "Pack water, a charged phone and the timetable before every trip on a new route."
    html = page(paras(PARAS[:2]) + f'<div class="tip">{line}</div><div class="tip">{line}</div>')
    assert extract(html).text.split("\n\n") == [*PARAS[:2], line, line]


def test_template_placeholder_text_is_not_body() -> None:
    filler = (
        "<h3>Heading</h3><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do "
        "eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, "
        "quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo.</p>"
    )
    assert "Lorem" not in extract(page(paras() + filler)).text


def test_callout_box_inside_the_story_is_kept() -> None:
    callout = (
        '<div class="sc-block sc-block-callout"><h3 class="callout-heading">Warning</h3>'
        '<div class="callout-body"><p>Some of the plants on this list are toxic for pets; '
        "check before you buy.</p></div></div>"
    )
    body = extract(page(paras(PARAS[:2]) + callout + paras(PARAS[2:])))
    assert "Warning" in body.text
    assert "Some of the plants on this list are toxic for pets" in body.text


def test_list_of_links_to_other_sites_introduced_by_the_story_is_kept() -> None:
    shops = (
        "<p>Buying options:</p>"
        '<ul><li><a href="https://shop.example.com/drill">Cordless drill, 20V</a></li>'
        '<li><a href="https://tools.example.net/drill">Hammer drill kit</a></li></ul>'
    )
    body = extract(page(paras(PARAS[:2]) + shops + paras(PARAS[2:])))
    assert "Cordless drill, 20V" in body.text
    assert "Hammer drill kit" in body.text


def test_reading_list_of_the_sites_own_pages_is_left_out() -> None:
    reading = (
        "<p>Suggested reading:</p>"
        '<ul><li><a href="/2025/02/roads/">Roads in the worst state in a generation</a></li>'
        '<li><a href="/2025/01/trams/">Why the tram plan was dropped</a></li></ul>'
        "<p>Here is where the council went next:</p>"
        '<ul><li><a href="/2025/03/budget/">The budget vote, line by line</a></li>'
        '<li><a href="/2025/03/hearing/">The hearing on fares</a></li></ul>'
    )
    body = extract(page(paras(PARAS[:2]) + reading + paras(PARAS[2:])))
    assert "Why the tram plan was dropped" not in body.text
    assert "The budget vote, line by line" not in body.text


def test_collapsed_accordion_panels_and_streamed_segments_are_body() -> None:
    panels = (
        '<div class="accordion"><h3><button id="step-1-header">Week 1</button></h3>'
        '<div id="step-1" role="region" aria-labelledby="step-1-header" style="display:none">'
        "<p>Gather twelve months of electric bills so installers can size the system from "
        "your real usage.</p></div></div>"
        '<div class="faq"><h3>Who pays?</h3><div id="faq-content-0" aria-hidden="true">'
        "<p>The transit agency pays for the buses; the city pays for the new stops.</p>"
        "</div></div>"
        '<div hidden id="S:2"><p>The streamed part of the story arrives hidden and a script '
        "moves it into place.</p></div>"
    )
    body = extract(page(paras(PARAS[:2]) + panels + paras(PARAS[2:])))
    assert "Gather twelve months of electric bills" in body.text
    assert "The transit agency pays for the buses" in body.text
    assert "The streamed part of the story" in body.text


def test_loading_placeholder_of_a_hidden_tab_is_not_body() -> None:
    tab = (
        '<div role="tabpanel" hidden><div class="loader"><span>Loading specifications…'
        "</span></div></div>"
    )
    body = extract(page(paras(PARAS[:2]) + tab + paras(PARAS[2:])))
    assert body.text.split("\n\n") == PARAS


def test_list_introduced_with_a_colon_and_broken_links_does_not_raise() -> None:
    shops = (
        "<p>Buying options:</p>"
        '<ul><li><a href="http://[broken">Cordless drill, 20V</a></li>'
        '<li><a href="https://tools.example.net/drill">Hammer drill kit</a></li></ul>'
    )
    body = extract(page(paras(PARAS[:2]) + shops + paras(PARAS[2:])))
    assert body.text.startswith(PARAS[0])


STORIES = [
    (
        "/2025/03/bus-routes/",
        "Council approves three new bus routes",
        "Service starts in September.",
    ),
    (
        "/2025/03/school-start/",
        "School board delays vote on start times",
        "Parents asked for data.",
    ),
    ("/2025/03/library/", "Flatbush library reopens after renovation", "It now opens on Sundays."),
    ("/2025/03/pantries/", "Food pantries brace for a hard winter", "Donations fell by a third."),
    ("/2025/03/rent/", "Landlords sue over the new rent registry", "They cite owners' privacy."),
    ("/2025/03/strike/", "Hospital workers vote to authorize a strike", "Staffing is the issue."),
]


def listing_page(cards: str, *, body_class: str = "") -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Local news | Example News</title></head>
<body class="{body_class}">
<header class="site-header"><a href="/">Example News</a>
<nav class="main-nav"><ul><li><a href="/news/">News</a></li><li><a href="/sport/">Sport</a></li>
</ul></nav></header>
<main id="main"><h1 class="archive-title">Local news</h1>
<p class="archive-description">Our reporting on the city's neighbourhoods and schools.</p>
{cards}
<nav class="pagination"><a href="/local/page/2/">Older stories</a></nav>
</main>
<footer class="site-footer"><p>Copyright 2025 Example News. All rights reserved, everywhere.</p>
</footer></body></html>"""


def test_a_listing_of_story_cards_has_no_body() -> None:
    cards = "".join(
        f'<article class="card"><a href="{href}"><img src="{href}thumb.jpg" alt=""></a>'
        f'<h2 class="card-title"><a href="{href}">{title}</a></h2><p class="dek">{dek}</p>'
        f'<p class="byline">By <a href="/author/jane/">Jane Reporter</a> · March 4, 2025</p>'
        "</article>"
        for href, title, dek in STORIES
    )
    assert extract(listing_page(cards)) == Body(html="", text="")


def test_a_river_of_linked_card_headlines_in_list_items_has_no_body() -> None:
    items = "".join(
        f'<li class="river-item"><a href="https://news.example.org{href}"><h3>{title}</h3></a>'
        f'<p>{dek}</p><time datetime="2025-03-04">2 hours ago</time></li>'
        for href, title, dek in STORIES
    )
    html = listing_page(f'<ul class="river">{items}</ul>', body_class="home")
    assert extract(html).text == ""


def excerpt_cards(*, more: bool = True) -> str:
    """A blog's posts as whole excerpts: two paragraphs each and a "Continue reading" link."""
    return "".join(
        f'<article class="post type-post hentry"><h2 class="entry-title">'
        f'<a href="https://news.example.org{href}" rel="bookmark">{title}</a></h2>'
        f'<div class="entry-meta"><time datetime="2025-03-04">March 4, 2025</time></div>'
        f'<div class="entry-content"><p>{dek} {PARAS[n % 4]}</p><p>{PARAS[(n + 1) % 4]}</p>'
        + (
            f'<p><a class="more-link" href="https://news.example.org{href}#more-{n}">'
            "Continue reading</a></p>"
            if more
            else ""
        )
        + "</div></article>"
        for n, (href, title, dek) in enumerate(STORIES)
    )


@pytest.mark.parametrize(
    ("body_class", "url"),
    [
        ("home blog", None),
        ("", "https://news.example.org/"),
        ("", "https://news.example.org/page/3/"),
    ],
)
def test_a_blogs_front_page_of_whole_excerpts_has_no_body(body_class: str, url: str | None) -> None:
    html = listing_page(excerpt_cards(), body_class=body_class)
    assert extract(html, **({"url": url} if url else {})).text == ""


@pytest.mark.parametrize(
    ("body_class", "more"), [("single single-post", True), ("home blog", False)]
)
def test_long_excerpts_on_a_story_page_or_without_a_reading_link_are_a_story(
    body_class: str, more: bool
) -> None:
    html = listing_page(excerpt_cards(more=more), body_class=body_class)
    body = extract(html, url="https://news.example.org/2025/03/newsletter/")
    assert "Landlords sue over the new rent registry" in body.text
    assert PARAS[1] in body.text


def test_a_link_roundup_pointing_to_other_sites_is_a_story() -> None:
    picks = [
        ("citylab.example.com", "Why buses beat trams", "A sharp case for the cheaper option."),
        ("transit.example.net", "The fare-free experiment", "Two years of data from Kansas City."),
        ("wonk.example.org", "Bus lanes, measured", "The speed gains are real, and large."),
        ("papers.example.edu", "Headways and ridership", "An old study that still holds up."),
        ("radio.example.com", "Drivers on the night shift", "Worth a listen on the way home."),
        ("maps.example.io", "Every route, drawn by hand", "A beautiful map of the old network."),
        ("weekly.example.com", "What riders want", "Door-to-door interviews in four boroughs."),
        ("data.example.org", "Where the buses are late", "Grim reading, block by block."),
    ]
    items = "".join(
        f'<div class="roundup-item"><h3><a href="https://{site}/story/">{title}</a></h3>'
        f"<p>{note}</p></div>"
        for site, title, note in picks
    )
    body = extract(page("<p>What we are reading this week.</p>" + items))
    assert "The fare-free experiment" in body.text
    assert "An old study that still holds up." in body.text


HOME = "https://news.example.org/"


def front_page(main: str, *, head: str = "") -> str:
    """A page with no story of its own: ``main`` between the site's header and footer."""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Example News</title>{head}</head>
<body>
<header class="site-header"><a href="/">Example News</a>
<nav class="main-nav"><ul><li><a href="/news/">News</a></li><li><a href="/sport/">Sport</a></li>
</ul></nav></header>
<main id="main">{main}</main>
<footer class="site-footer"><p>Copyright 2025 Example News. All rights reserved, everywhere.</p>
</footer></body></html>"""


def test_a_front_of_bare_linked_headings_has_no_body() -> None:
    heads = "".join(
        f'<div class="hed-container"><a href="{href}"><h2>{title}</h2></a></div>'
        for href, title, _dek in STORIES
    )
    main = (
        f'<h2><a href="/most-recent/">Most recent</a></h2>{heads}'
        f"<h2>Today's picks</h2>{heads.replace('/2025/03/', '/2025/02/')}"
        "<h2>Get the newsletter</h2>"
        "<p>Our biggest stories, delivered to your inbox every weekday morning.</p>"
    )
    assert extract(front_page(main), url=HOME) == Body(html="", text="")


def test_cards_whose_headline_is_a_lone_link_in_a_title_block_have_no_body() -> None:
    cards = "".join(
        f'<div class="item"><a href="{href}"><img src="{href}photo.jpg" alt=""></a>'
        f'<div class="item__title"><a href="{href}">{title}</a></div>'
        f'<p class="item__dek">{dek} {PARAS[n % 4][:150]}</p><time>March 4, 2025</time></div>'
        for n, (href, title, dek) in enumerate(STORIES)
    )
    assert extract(front_page(cards), url="https://news.example.org/local/").text == ""


def river(host: str = "news.example.org") -> str:
    """Headlines as lone links in list items, each followed by its dek and its source."""
    items = (
        f'<li><a href="https://{host}{href}">{title}</a></li>'
        f"<li>{dek} {PARAS[n % 4][:150]}</li><li>Example News</li>"
        for n, (href, title, dek) in enumerate(STORIES)
    )
    return "<ul>" + "".join(items) + "</ul>"


@pytest.mark.parametrize(
    "river_html",
    [
        river(),
        "".join(
            f'<p><strong><a href="{href}">{title}</a></strong><br>March 4, 2025</p>'
            f"<p>{dek} {PARAS[n % 4][:150]}</p>"
            for n, (href, title, dek) in enumerate(STORIES)
        ),
    ],
)
def test_a_river_of_lone_linked_headlines_has_no_body(river_html: str) -> None:
    assert extract(front_page(river_html), url=HOME).text == ""


def test_headlines_on_the_sites_other_hosts_are_its_own_on_a_page_made_as_a_listing() -> None:
    cards = "".join(
        f'<div class="card"><h3><a href="https://local.example.org{href}">{title}</a></h3>'
        f"<p>{dek} {PARAS[n % 4][:150]}</p></div>"
        for n, (href, title, dek) in enumerate(STORIES)
    )
    html = front_page(cards)
    assert extract(html, url=HOME).text == ""
    assert "Flatbush library reopens after renovation" in extract(html, url=URL).text


def rail(n: int = len(STORIES)) -> str:
    return "".join(
        f'<div class="grid-item"><h3><a href="{href}">{title}</a></h3><p>{dek}</p></div>'
        for href, title, dek in STORIES[:n]
    )


def test_a_story_with_read_next_cards_inside_its_body_is_a_story() -> None:
    body = extract(page(paras() + "<h2>Read next</h2>" + rail()))
    assert body.text.startswith(PARAS[0])
    assert PARAS[3] in body.text


def test_read_more_headings_between_a_storys_paragraphs_leave_it_a_story() -> None:
    parts = "".join(
        f"<p>{PARAS[n % 4]}</p><p>{PARAS[(n + 1) % 4]}</p><h3><a href='{href}'>{title}</a></h3>"
        for n, (href, title, _dek) in enumerate(STORIES[:6])
    )
    body = extract(page(parts))
    assert body.text.startswith(PARAS[0])
    assert body.text.count(PARAS[2]) == 3


def ranked(number: bool) -> str:
    """A listicle's items: linked headings of the site's own stories, a short blurb each."""
    return "".join(
        f"<h2>{f'{n + 1}. ' if number else ''}<a href='{href}'>{title}</a></h2>"
        f"<p>{dek} {PARAS[n % 4][:150]}</p>"
        for n, (href, title, dek) in enumerate(STORIES)
    )


@pytest.mark.parametrize(
    ("number", "head"),
    [(True, ""), (False, '<meta property="article:published_time" content="2025-03-08">')],
)
def test_a_roundup_of_the_sites_stories_with_short_blurbs_is_a_story(
    number: bool, head: str
) -> None:
    """Numbered items, or a page that says it was published as a story, keep a roundup of
    linked headings with one short paragraph each a story."""
    html = page(f"<p>{PARAS[2]}</p>" + ranked(number), head=head)
    assert "Flatbush library reopens after renovation" in extract(html).text


@pytest.mark.parametrize("count", [8, 40])
@pytest.mark.parametrize(
    ("head", "kept"),
    [('<meta property="article:published_time" content="2025-03-08">', True), ("", False)],
)
def test_a_page_of_linked_headings_is_a_story_when_it_says_so_at_any_length(
    count: int, head: str, kept: bool
) -> None:
    """A short roundup and a long one: cards for the site's stories are its front unless the
    page says it was published as a story."""
    cards = "".join(
        f"<h2><a href='/2025/03/story-{n}/'>{STORIES[n % len(STORIES)][1]} {n}</a></h2>"
        f"<p>{STORIES[n % len(STORIES)][2]} {PARAS[n % 4][:150]}</p>"
        for n in range(count)
    )
    text = extract(front_page(cards, head=head), url=HOME).text
    assert ("Council approves three new bus routes 0" in text) is kept


@pytest.mark.parametrize(
    ("og_type", "kept"),
    [
        ('<meta property="og:type" content="article">', True),
        # A stray element in the head starts the body early: the metas after it are read there.
        ('<span>Skip</span><meta property="og:type" content="article">', True),
        (
            '<meta property="og:type" content="website">'
            '<meta property="og:type" content="article">',
            False,
        ),
        ("", False),
    ],
)
def test_a_short_story_with_its_canonical_at_the_homepage_is_kept_when_it_says_it_is_one(
    og_type: str, kept: bool
) -> None:
    html = front_page(
        f"<article><h1>Bus lanes approved</h1>{paras(PARAS[:1])}{rail()}</article>", head=og_type
    )
    assert (PARAS[0] in extract(html, url=HOME).text) is kept


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Page not found",
            "<p>Try the search box above, or go back to the homepage, where you will find "
            "the latest news, sport and opinion from across the region.</p>",
        ),
        (
            "Example News",
            "<h1>Sorry, we couldn't find that page</h1><p>The page you were looking for may "
            "have been moved or deleted, or it may never have existed. Check the address for "
            "typos, or head back to our homepage for the latest news from the region.</p>",
        ),
        (
            "404",
            "<h2>This page doesn&rsquo;t exist</h2><p>Check the address for typos, or "
            "search our archive of more than a hundred years of reporting on the city, its "
            "schools, its courts and its neighbourhoods.</p>",
        ),
    ],
)
def test_a_page_that_says_it_is_not_there_has_no_body(title: str, text: str) -> None:
    html = front_page(
        f'<div class="error-page">{text}</div>'
        + "<h2>Most read</h2><ul>"
        + "".join(f'<li><a href="{href}">{t}</a></li>' for href, t, _dek in STORIES[:3])
        + "</ul>"
    )
    assert extract(html, url=HOME + "no-such-story/", title=title) == Body(html="", text="")


def test_a_short_story_about_a_page_not_found_is_a_story() -> None:
    story = (
        "<p>Thousands of residents trying to pay their water bills on Monday saw an error "
        "message instead: the page was not found, the city's website said, for most of the "
        "morning.</p><p>Officials blamed a failed update and said no payments were lost.</p>"
    )
    body = extract(page(story), title="City payment site down for hours")
    assert "no payments were lost" in body.text


@pytest.mark.parametrize("wrapped", [False, True])
def test_a_product_guide_with_linked_headings_is_a_story(wrapped: bool) -> None:
    items = []
    for n, name in enumerate(
        ["Trek FX 2", "Cannondale Quick 4", "Giant Escape 3", "Marin Fairfax"]
    ):
        item = (
            f'<h3><a href="/reviews/bikes/{n}/">{name}</a></h3>'
            f"<p>{PARAS[n % 4]}</p><p>{PARAS[(n + 1) % 4]}</p>"
        )
        items.append(f'<div class="product-card">{item}</div>' if wrapped else item)
    body = extract(page(paras(PARAS[:1]) + "".join(items)))
    assert all(name in body.text for name in ["Trek FX 2", "Cannondale Quick 4", "Marin Fairfax"])
    assert body.text.count(PARAS[2]) == 2


def test_a_live_blog_whose_entries_link_to_themselves_is_a_story() -> None:
    entries = "".join(
        f'<article class="live-entry" id="entry-{n}"><time datetime="2025-03-04T1{n}:00">'
        f'1{n}:00</time><h2><a href="{URL}#entry-{n}">{title}</a></h2>'
        f"<p>{dek} {PARAS[n % 4]}</p></article>"
        for n, (_href, title, dek) in enumerate(STORIES)
    )
    body = extract(page(entries))
    assert "Hospital workers vote to authorize a strike" in body.text
    assert "Donations fell by a third." in body.text


@pytest.mark.parametrize("key", ["articleBody", "article\\u0042ody"])
def test_page_built_by_scripts_takes_its_body_from_jsonld(key: str) -> None:
    story = "\\n".join(PARAS)
    html = f"""<html><head><title>Council expands buses</title>
    <script type="application/ld+json">{{"@type": "WebSite", "name": "Example News"}}</script>
    <script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Council",
      "{key}": "{story}"}}</script></head>
    <body><div id="app"><p>Loading the story, please wait.</p></div></body></html>"""
    body = extract_body(document.load(html), url=URL)
    assert body.text == "\n\n".join(PARAS)
    assert body.html.startswith("<p>The city council voted")


@pytest.mark.parametrize(
    "classes", ["header-anchor-post", "et_pb_module_header", "article-text--header"]
)
def test_section_heading_classed_as_a_header_is_kept(classes: str) -> None:
    story = (
        paras(PARAS[:2])
        + f'<h2 class="{classes}">What happens next</h2>'
        + paras(PARAS[2:])
        + '<h3 class="sidebar-header">Most shared this week</h3>'
    )
    body = extract(page(story))
    assert body.text.split("\n\n") == [*PARAS[:2], "What happens next", *PARAS[2:]]


def test_a_note_boxed_in_an_aside_inside_the_story_is_kept() -> None:
    note = (
        "The agency also looked at extending night service on the two busiest lines, but the "
        "drivers' union said it could not staff the late shifts before next spring, and the "
        "hospital asked that any change wait until its new wing opens. A second study, paid "
        "for by the university, will count riders on the existing routes through the autumn "
        "so that the council can compare the new lines against a full year of figures."
    )
    story = (
        paras(PARAS[:2])
        + f'<aside class="post-aside"><h4>A note on night service</h4><p>{note}</p></aside>'
        + paras(PARAS[2:])
        + f'<aside class="related-aside"><h4>Related</h4><p>{note}</p></aside>'
    )
    body = extract(page(story))
    assert body.text.split("\n\n") == [*PARAS[:2], "A note on night service", note, *PARAS[2:]]


def test_every_section_of_a_document_cut_into_like_wrappers_is_kept() -> None:
    def wrapped(items: list[str]) -> str:
        return "".join(f'<div class="paragraph"><p>{p}</p></div>' for p in items)

    links = "".join(
        f'<li><a href="https://tracker.example.com/pulls/{n}">Patch {n}: fix the build of '
        f"the scheduler module on older compilers</a></li>"
        for n in range(12)
    )
    sections = (
        '<div class="sect1"><h2>What is the project?</h2><p>A scheduler for the city buses, '
        "written in the open by volunteers.</p></div>"
        f'<div class="sect1"><h2>Patches</h2><p>Twelve patches were merged.</p><ul>{links}</ul>'
        "</div>"
        f'<div class="sect1"><h2>Progress</h2>{wrapped(PARAS)}</div>'
        f'<div class="sect1"><h2>What comes next</h2>{wrapped(PARAS[2:])}</div>'
    )
    html = (
        f"<html><body><nav><a href='/'>Home</a></nav><div id='post'><h1>Progress report</h1>"
        f'<div class="content">{sections}</div></div></body></html>'
    )
    body = extract(html)
    assert body.text.startswith("What is the project?\n\nA scheduler for the city buses")
    assert "Patches\n\nTwelve patches were merged." in body.text
    assert body.text.endswith(PARAS[-1])


def test_a_list_introduced_by_a_wrapped_paragraph_is_the_storys() -> None:
    links = "".join(
        f'<li><p><a href="https://tracker.example.com/pulls/{n}">Patch {n}: fix the build of '
        f"the scheduler module</a></p></li>"
        for n in range(4)
    )
    story = (
        paras(PARAS[:2])
        + '<div class="paragraph"><p>Several patches were sent for review:</p></div>'
        + f'<div class="ulist"><ul>{links}</ul></div>'
        + paras(PARAS[2:])
    )
    body = extract(page(story))
    assert "Patch 3: fix the build of the scheduler module" in body.text


@pytest.mark.parametrize(
    ("ident", "heading"),
    [
        ("h-who-pays-for-the-social-fare", "Who pays for the social fare?"),
        ("who-pays-for-the-social-fare", "Who pays for the social fare?"),
        ("2-time-tables", "2. Time tables"),
        (
            "23-81-where-to-wait-if-youre-late-for-the-share-taxi",
            "8.1 Where to wait if you're late for the share taxi",
        ),
    ],
)
def test_section_heading_anchored_by_a_slug_of_its_text_is_kept(ident: str, heading: str) -> None:
    story = (
        paras(PARAS[:2])
        + f'<h2 id="{ident}" class="wp-block-heading">{heading}</h2>'
        + paras(PARAS[2:])
        + '<h3 id="share-tools">Pass it on to a friend</h3>'
    )
    body = extract(page(story))
    assert body.text.split("\n\n") == [*PARAS[:2], heading, *PARAS[2:]]


def test_thousands_of_headings_in_the_story_are_read_in_bounded_time() -> None:
    # Each <h1> asked whether the lines above it were a kicker by adding up every line so far.
    headings = "".join(f"<h1>Heading {i}</h1>" for i in range(30_000))
    started = time.monotonic()
    body = extract(page(paras() + headings + paras()))
    assert time.monotonic() - started < 3
    assert body.text.count("Heading") == 30_000
    assert body.text.startswith(PARAS[0])


def test_whitespace_in_a_block_collapses_to_single_spaces_and_keeps_a_space_before_a_tag() -> None:
    block = (
        '<p>\n   <em>Lead</em> words with\u00a0 spaces\n and <a href="/x">a link </a>\tcontinues '
        "here for the reader.  </p>"
    )
    body = extract(page(paras(PARAS[:2]) + "\n" + block + "\n" + paras(PARAS[2:])))
    assert (
        '<p><em>Lead</em> words with spaces and <a href="https://news.example.org/x">a link </a>'
        " continues here for the reader.</p>"
    ) in body.html.splitlines()


def test_class_words_are_read_one_by_one_with_unique_ids() -> None:
    # A boilerplate class goes whatever its id; a story class among the words keeps the box.
    html = page(
        paras(PARAS[:2])
        + '<div class="related-links" id="block-8f3a2c"><p>Another story about the roads and '
        "the council budget for this year.</p></div>"
        + '<div class="article-body sharing" id="u-77x"><p>The sharing wrapper holds the story: '
        "this paragraph stays in the body of the article.</p></div>" + paras(PARAS[2:])
    )
    body = extract(html)
    assert "council budget" not in body.text
    assert "sharing wrapper" in body.text


def test_a_script_form_or_figure_between_the_storys_parts_stays_out() -> None:
    # The story's text sits in two sibling boxes; a page layout of link lists around them
    # stops the container at the boxes, so the run between them joins the story.
    config = ", ".join(f"'slot{i}': {{size: [300, 250], lazy: true}}" for i in range(40))
    more = " ".join(
        f'<a href="/more/{i}">Another headline about local matters number {i}</a>'
        for i in range(25)
    )
    html = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Council expands buses</title></head>
<body><header class="site-header"><a href="/">Example News</a></header>
<div class="layout">
<h1>Council expands bus network</h1>
<div class="text-part-one"><p>{PARAS[0]}</p><p>{PARAS[1]}</p></div>
<script>window.widgetConfig = {{{config}}};</script>
<form class="tools" action="/save"><button type="submit">Save this article for later</button>
<select><option>Small</option><option>Large</option></select></form>
<figure class="photo"><img src="/img/bus.jpg" alt="An electric bus">
<figcaption>One of the new electric buses, photographed at the depot in March.</figcaption>
</figure>
<div class="text-part-two"><p>{PARAS[2]}</p><p>{PARAS[3]}</p></div>
<div class="menu">{more}</div>
</div></body></html>"""
    body = extract(html)
    assert body.text.split("\n\n") == PARAS
    assert "widgetConfig" not in body.html
    assert [image.caption for image in body.images] == [
        "One of the new electric buses, photographed at the depot in March."
    ]


@pytest.mark.parametrize(
    "box",
    [
        '<div class="article__report"><strong>Found a mistake?</strong> Select the text and '
        "press Ctrl+Enter to send the passage to the editor.</div>",
        '<div class="qrcode"><span>Scan to read this on your phone</span></div>',
        '<div class="nextpage clearfix"><div class="nextpage-tit">Next:</div>'
        '<a href="/2025/03/trams/">Trams return to the city centre</a></div>',
    ],
)
def test_report_a_mistake_qr_code_and_next_page_boxes_are_removed(box: str) -> None:
    body = extract(page(paras(PARAS[:2]) + box + paras(PARAS[2:])))
    assert body.text.split("\n\n") == PARAS


def test_paragraphs_classed_for_paying_readers_are_the_story_but_a_paywall_box_is_not() -> None:
    gated = "".join(f'<p class="paywall">{para}</p>' for para in PARAS[2:])
    prompt = (
        '<div class="paywall" role="region" aria-label="Paywall"><h4>Keep reading with a '
        "subscription</h4><p>Subscribe to Example News to keep reading this post.</p></div>"
    )
    body = extract(page(paras(PARAS[:2]) + gated + prompt))
    assert body.text.split("\n\n") == PARAS


def test_players_embedded_in_figures_and_loaded_lazily_are_embeds() -> None:
    figure = (
        '<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">'
        '<iframe data-lazyloaded="1" src="about:blank" data-litespeed-src='
        '"https://www.youtube.com/embed/Uka84OqMfac" width="640" height="360"></iframe>'
        "</div></figure>"
    )
    body = extract(page(paras(PARAS[:2]) + figure + paras(PARAS[2:])))
    assert body.text.split("\n\n") == PARAS
    assert [(e.kind, e.url) for e in body.embeds] == [
        ("video", "https://www.youtube.com/embed/Uka84OqMfac")
    ]


@pytest.mark.parametrize(
    ("img", "src"),
    [
        # A lazy loader's spinner in src, the image in a lazy srcset.
        (
            '<img src="/images/icons/preload.gif" alt="Buses at the depot" data-lazy-srcset='
            '"/img/buses-1001x1024.jpg 1001w, /img/buses-293x300.jpg 293w">',
            "https://news.example.org/img/buses-1001x1024.jpg",
        ),
        # An image service's address holds commas.
        (
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Buses at the depot" '
            'srcset="https://img.example.net/w_568,h_320,c_fill/buses.jpg 568w, '
            'https://img.example.net/w_1136,h_640,c_fill/buses.jpg 1136w">',
            "https://img.example.net/w_568,h_320,c_fill/buses.jpg",
        ),
        # "1x1" inside a size or an id is no tracking image.
        (
            '<img src="/img/OW0P1X1VQS/buses-1001x1024.jpg" alt="Buses at the depot">',
            "https://news.example.org/img/OW0P1X1VQS/buses-1001x1024.jpg",
        ),
    ],
)
def test_image_sources_behind_placeholders_are_found(img: str, src: str) -> None:
    figure = f"<figure>{img}<figcaption>Buses at the depot.</figcaption></figure>"
    body = extract(page(paras(PARAS[:2]) + figure + paras(PARAS[2:])))
    assert [image.src for image in body.images] == [src]


def _story(headline: str, paragraphs: list[str]) -> str:
    return (
        f'<article class="post"><h1>{headline}</h1><p class="byline">By Jane Doe</p>'
        + paras(paragraphs)
        + "</article>"
    )


NEXT = [
    f"The mayor's budget plan, paragraph {n}, sets aside money for parks, libraries and the "
    "repair of the old bridge across the river, which has been closed since the spring floods."
    for n in range(6)
]


@pytest.mark.parametrize("wrap", ["{}{}", '{}<div class="next-story">{}</div>'])
def test_an_endless_pages_next_story_is_not_part_of_the_first(wrap: str) -> None:
    title = "Council expands bus network"
    html = (
        f"<!doctype html><html><head><title>{title} | Example News</title></head><body><main>"
        + wrap.format(_story(title, PARAS), _story("Mayor unveils budget plan", NEXT))
        + "</main></body></html>"
    )
    body = extract(html, title=title)
    assert body.text.split("\n\n") == PARAS


@pytest.mark.parametrize("length", [40, 200])
def test_a_headline_box_over_a_story_kept_outside_it_keeps_the_story(length: int) -> None:
    title = "Council expands bus network"
    teasers = "".join(
        f'<article class="card"><h2>Other story {n}</h2><p>{NEXT[n][:length]}</p></article>'
        for n in range(3)
    )
    html = (
        f"<!doctype html><html><head><title>{title}</title></head><body><main>"
        f'<article class="headline-box"><h1>{title}</h1><p class="dek">Three new routes will '
        "link the eastern neighbourhoods to the hospital, the university and downtown from "
        "September, after a vote that split the council.</p></article>"
        f'<div class="story-body">{paras()}</div>{teasers}</main></body></html>'
    )
    text = extract(html, title=title).text
    assert "\n\n".join(PARAS) in text
