"""Metadata: one test per source, the merge's precedence, dates and titles."""

from __future__ import annotations

import time

import pytest

from syndicate.parse import document, jsonld
from syndicate.parse.dates import parse_date
from syndicate.parse.metadata import Metadata, extract_metadata
from syndicate.parse.titles import strip_site

URL = "https://forward.com/news/123/a-story/"


def meta(html: str, url: str | None = URL) -> Metadata:
    return extract_metadata(document.load(html), url=url)


def page(head: str = "", body: str = "", *, lang: str = "en", body_attrs: str = "") -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>'
        f"<body {body_attrs}>{body}<p>{'Story text. ' * 30}</p></body></html>"
    )


GRAPH = """<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "Organization", "@id": "https://forward.com/#org", "name": "The Forward"},
  {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "name": "News"}]},
  {"@type": "WebPage", "@id": "https://forward.com/news/123/a-story/", "name": "Page",
   "datePublished": "2020-01-01T00:00:00Z"},
  {"@type": "Person", "@id": "https://forward.com/#/person/1", "name": "Ron Kampeas"},
  {"@type": "NewsArticle", "headline": "Graph headline",
   "mainEntityOfPage": {"@id": "https://forward.com/news/123/a-story/"},
   "author": {"@id": "https://forward.com/#/person/1"},
   "publisher": {"@id": "https://forward.com/#org"},
   "datePublished": "2024-03-04T10:00:00-05:00", "dateModified": "2024-03-05T08:30:00-05:00",
   "articleSection": ["News"], "identifier": "123"}
]}
</script>"""


def test_jsonld_in_graph_with_id_references() -> None:
    found = meta(page(GRAPH))
    assert found.title == "Graph headline"
    assert found.authors == ("Ron Kampeas",)
    assert found.published == "2024-03-04T10:00:00-05:00"
    assert found.modified == "2024-03-05T08:30:00-05:00"
    assert found.publisher == "The Forward"
    assert found.section == "News"
    assert found.jsonld[0]["@type"] == "NewsArticle"


def test_jsonld_in_a_list_picks_the_article_not_the_breadcrumb() -> None:
    script = """<script type="application/ld+json">[
      {"@type": "BreadcrumbList", "name": "Crumbs", "datePublished": "2001-01-01"},
      {"@type": ["ReportageNewsArticle"], "headline": "List headline",
       "author": [{"@type": "Person", "name": "Jane Doe"}, "John Roe"],
       "datePublished": "2024-03-04"}
    ]</script>"""
    found = meta(page(script))
    assert found.title == "List headline"
    assert found.authors == ("Jane Doe", "John Roe")
    assert found.published == "2024-03-04"


@pytest.mark.parametrize(
    ("author", "authors"),
    [
        ('{"@type": "Person", "name": ["Jane Doe", "John Roe"]}', ("Jane Doe", "John Roe")),
        ('{"@type": "Person", "givenName": "Jane", "familyName": "Doe"}', ("Jane Doe",)),
    ],
)
def test_jsonld_authors_named_in_a_list_or_in_parts(author: str, authors: tuple[str, ...]) -> None:
    script = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A story", '
        f'"author": {author}}}</script>'
    )
    assert meta(page(script)).authors == authors


def test_jsonld_repairs_comments_trailing_commas_and_back_to_back_objects() -> None:
    text = '<!-- {"@type": "Person", "name": "A",} {"@type": "BlogPosting", "headline": "B\tC"} -->'
    values = jsonld.parse_text(text)
    assert [v["@type"] for v in values] == ["Person", "BlogPosting"]
    assert values[1]["headline"] == "B\tC"


def test_jsonld_script_is_parsed_once_per_document_and_shared() -> None:
    root = document.load(
        '<html><head><script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "Shared", "articleBody": "Text"}'
        '</script><script type="application/ld+json">{"broken": </script></head>'
        "<body><p>x</p></body></html>"
    )
    good, broken = root.iter("script")
    objs = jsonld.objects(root)
    assert [o["headline"] for o in objs] == ["Shared"]
    assert jsonld.loads(good) is objs[0]  # the metadata reader's parse, not a second one
    with pytest.raises(ValueError, match="not strict JSON"):
        jsonld.loads(broken)


def test_jsonld_scripts_found_by_the_metadata_scan_are_the_bodys_too() -> None:
    root = document.load(
        '<html><head><script type="application/ld+json">{"@type": "WebSite"}</script>'
        '<script type="application/json">{"a": 1}</script></head><body><p>x</p>'
        '<script type="application/ld+json">{"@type": "NewsArticle"}</script></body></html>'
    )
    website, _data, article = root.iter("script")
    assert jsonld.scripts_of(root) == [website, article]  # found by walking the tree
    extract_metadata(root, url=URL)
    assert jsonld.scripts_of(root) == [website, article]  # as the metadata scan noted them


def test_main_article_prefers_the_object_for_this_page() -> None:
    objs = [
        {"@type": "NewsArticle", "headline": "Related", "url": "https://forward.com/other/"},
        {"@type": "NewsArticle", "headline": "Mine", "url": URL},
    ]
    assert jsonld.main_article(objs, urls=(URL,)) == objs[1]


def test_microdata_only() -> None:
    body = """<article itemscope itemtype="https://schema.org/NewsArticle">
      <h1 itemprop="headline">Microdata headline</h1>
      <span itemprop="author" itemscope itemtype="https://schema.org/Person">
        By <span itemprop="name">Jane Doe</span></span>
      <meta itemprop="datePublished" content="2023-11-02T09:15:00+00:00">
    </article>"""
    found = meta(page(body=body))
    assert found.title == "Microdata headline"
    assert found.authors == ("Jane Doe",)
    assert found.published == "2023-11-02T09:15:00+00:00"


def test_microdata_scope_on_the_root_element() -> None:
    html = f"""<!doctype html><html itemscope itemtype="https://schema.org/BlogPosting">
    <body><h1 itemprop="headline">Scoped at the root</h1>
    <meta itemprop="datePublished" content="2023-11-02T09:15:00+00:00">
    <p>{"Story text. " * 30}</p></body></html>"""
    found = meta(html)
    assert found.title == "Scoped at the root"
    assert found.published == "2023-11-02T09:15:00+00:00"


@pytest.mark.parametrize(
    "holder",
    [
        '<span itemprop="creator">Jane Doe</span>',
        '<a rel="author" href="/people/jane">Jane Doe</a>',
        '<span class="post-author-name">Jane Doe</span>',
        '<a href="/authors/jane-doe/">Jane Doe</a>',
    ],
)
def test_byline_holders_without_a_byline_class_are_read(holder: str) -> None:
    body = f"<h1>A headline for the story</h1><div class='meta'>{holder}</div>"
    assert meta(page(body=body)).authors == ("Jane Doe",)


def test_byline_in_bare_wrappers_is_read_and_one_in_a_sidebar_is_not() -> None:
    bare = "<div><div><span class='byline'>By Jane Doe</span></div></div>"
    aside = "<div id='sidebar'><span class='byline'>By Sam Roe</span></div>"
    found = meta(page(body=f"<h1>A headline for the story</h1>{aside}{bare}"))
    assert found.authors == ("Jane Doe",)


def test_opengraph_only() -> None:
    head = """<meta property="og:title" content="OG headline | The Forward">
      <meta property="og:site_name" content="The Forward">
      <meta property="og:url" content="https://forward.com/news/9/og/">
      <meta property="article:published_time" content="2024-02-01T12:00:00Z">
      <meta property="article:modified_time" content="2024-02-02T12:00:00Z">
      <meta property="article:section" content="Culture">
      <meta property="og:locale" content="en_US">"""
    found = meta(page(head, lang=""), url=None)
    assert found.title == "OG headline"
    assert found.canonical_url == "https://forward.com/news/9/og/"
    assert found.published == "2024-02-01T12:00:00+00:00"
    assert found.modified == "2024-02-02T12:00:00+00:00"
    assert found.section == "Culture"
    assert found.site_name == "The Forward"


def test_meta_author() -> None:
    found = meta(page('<meta name="author" content="By Jane Doe">'))
    assert found.authors == ("Jane Doe",)


def test_twitter_meta() -> None:
    head = """<meta name="twitter:title" content="Twitter headline">
      <meta name="twitter:label1" content="Written by">
      <meta name="twitter:data1" content="Jane Doe">"""
    found = meta(page(head))
    assert found.title == "Twitter headline"
    assert found.authors == ("Jane Doe",)


def test_parsely_and_dublin_core_metas() -> None:
    head = """<meta name="parsely-author" content="Jane Doe">
      <meta name="dc.date" content="2022-05-06">"""
    found = meta(page(head))
    assert found.authors == ("Jane Doe",)
    assert found.published == "2022-05-06"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("/news/123/a-story/", "https://forward.com/news/123/a-story/"),
        ("https://www.jta.org/2024/03/04/story", "https://www.jta.org/2024/03/04/story"),
    ],
)
def test_canonical_relative_and_absolute(href: str, expected: str) -> None:
    found = meta(page(f'<link rel="canonical" href="{href}">'))
    assert found.canonical_url == expected


def test_canonical_falls_back_to_the_url() -> None:
    assert meta(page()).canonical_url == URL


def test_shortlink_post_id() -> None:
    found = meta(page('<link rel="shortlink" href="https://forward.com/?p=574512">'))
    assert found.post_id == "574512"


def test_shortlink_post_id_after_other_links_with_a_query() -> None:
    head = (
        '<link rel="alternate" href="https://forward.com/feed/?p=111">'
        '<link rel="stylesheet" href="https://forward.com/style.css?p=222">'
        '<link rel="shortlink" href="https://forward.com/?p=574512">'
    )
    assert meta(page(head)).post_id == "574512"


def test_no_break_and_zero_width_spaces_in_metas_are_collapsed() -> None:
    head = '<meta property="og:title" content="Bridge\u00a0vote\u200b  passes\u00a0">'
    assert meta(page(head)).title == "Bridge vote passes"


def test_postid_body_class() -> None:
    found = meta(page(body_attrs='class="single single-post postid-8812 format-standard"'))
    assert found.post_id == "8812"


def test_jsonld_identifier_post_id() -> None:
    assert meta(page(GRAPH)).post_id == "123"


def test_visible_byline_with_agency() -> None:
    body = """<h1>A story from the wire</h1>
      <div class="byline">By <a href="/author/ron-kampeas/">Ron Kampeas</a>, JTA</div>"""
    found = meta(page(body=body))
    assert found.byline == "By Ron Kampeas, JTA"
    assert found.authors == ("Ron Kampeas",)
    assert found.byline_orgs == ("JTA",)


def test_byline_beside_the_headline_without_markup() -> None:
    body = "<h1>An unmarked story</h1><p>By</p><p>Jane Doe</p><p>March 4, 2024</p>"
    found = meta(page(body=body))
    assert found.authors == ("Jane Doe",)
    assert found.published == "2024-03-04"


def test_commenters_and_related_writers_are_not_authors() -> None:
    body = """<h1>Main story headline</h1>
      <aside class="related-posts"><div class="byline">By Other Writer</div>
        <time datetime="2019-01-01">Jan 1, 2019</time></aside>
      <div class="byline">By Jane Doe</div>
      <ol class="comment-list"><li><span class="comment-author">Troll Person</span>
        <time datetime="2025-01-01">Jan 1, 2025</time></li></ol>"""
    found = meta(page(body=body))
    assert found.authors == ("Jane Doe",)
    assert found.published is None


def test_reviewer_in_the_byline_is_not_an_author() -> None:
    body = """<h1>Main story headline</h1>
      <div class="byline"><a href="/author/ryan/">Ryan Carrigan</a> Last Updated: Dec 17, 2025
        Fact Checked by: <a href="/author/hilary/">Hilary Snow</a></div>"""
    head = '<meta name="author" content="Ryan Carrigan">'
    assert meta(page(head, body)).authors == ("Ryan Carrigan",)


def test_byline_holder_with_only_a_role_gives_way_to_the_next() -> None:
    body = """<h1>Main story headline</h1>
      <div class="author-title">Contributing Writer</div>
      <div class="author-name">by Linda Rosencrance</div>"""
    assert meta(page(body=body)).authors == ("Linda Rosencrance",)


def test_visible_co_authors_beat_a_single_structured_author() -> None:
    head = """<script type="application/ld+json">{"@type": "Article", "headline": "Main story
      headline", "author": {"@type": "Person", "name": "Marna van der Merwe"}}</script>"""
    body = """<h1>Main story headline</h1>
      <div class="byline">Written by Dr Marna van der Merwe, Dr Dieter Veldsman,
        Erik van Vulpen</div>"""
    assert meta(page(head, body)).authors == (
        "Dr Marna van der Merwe",
        "Dr Dieter Veldsman",
        "Erik van Vulpen",
    )


def test_co_authors_in_sibling_links_are_one_byline() -> None:
    body = """<h1>Main story headline</h1>
      <div><a href="/author/rui/">Rui Ma</a><span>, </span><a href="/author/heba/">Heba
        Ledwon</a><span> &amp; </span><a href="/author/suparn/">Suparn Patra</a></div>"""
    assert meta(page(body=body)).authors == ("Rui Ma", "Heba Ledwon", "Suparn Patra")


def test_sibling_link_after_a_fact_check_label_is_not_a_co_author() -> None:
    body = """<h1>Main story headline</h1>
      <div>By <a href="/author/scott/">Scott Levine</a> – Updated Sep 9, 2025 |
        Fact-checked by <a href="/author/frank/">Frank Bass</a></div>"""
    assert meta(page(body=body)).authors == ("Scott Levine",)


def test_unmarked_byline_after_a_reviewer_label() -> None:
    body = """<h1>Main story headline</h1><span>Medically reviewed</span> <span>by</span>
      <a href="#">Kim Rose</a> <span>Written by</span> <a href="#">Jillian Kubala</a>"""
    assert meta(page(body=body)).authors == ("Jillian Kubala",)


def test_a_by_line_deep_in_the_story_is_not_the_byline() -> None:
    items = "".join(f"<li>Book number {n}</li>" for n in range(12))
    body = f"""<h1>The best novels of the year</h1><p>Our picks.</p><ol>{items}
      <li>The Man Who Saw Seconds</li><li>by Alexander Boldizar</li></ol>"""
    assert meta(page(body=body)).authors == ()
    deep = f"""<h1>A story</h1><ol>{items}</ol><p>Author</p><p>Lisa D. Ellis</p>"""
    assert meta(page(body=deep)).authors == ("Lisa D. Ellis",)


def test_unmarked_byline_when_the_author_box_names_nobody() -> None:
    body = """<h1>Main story headline</h1><div class="author-heading">The Author</div>
      <div class="meta"><span>by Nicole Burke</span></div>"""
    assert meta(page(body=body)).authors == ("Nicole Burke",)


def test_visible_full_name_beats_a_structured_login() -> None:
    head = """<script type="application/ld+json">{"@type": "Article", "headline": "Main story
      headline", "author": {"@type": "Person", "name": "KatieS"}}</script>"""
    body = """<h1>Main story headline</h1>
      <p><a class="author-link" href="/author/aoife/">Aoife O'Riordan</a></p>"""
    assert meta(page(head, body)).authors == ("Aoife O'Riordan",)


def test_unmarked_by_colon_line_beats_a_meta_login() -> None:
    head = '<meta name="author" content="Luke Daigle">'
    body = """<h1>Main story headline</h1><p>November 3, 2023</p>
      <p>By: Paul Fenaroli</p><p>Share</p>"""
    assert meta(page(head, body)).authors == ("Paul Fenaroli",)


def test_unmarked_posted_by_line_with_its_date() -> None:
    body = """<h1>Main story headline</h1>
      <p>Posted by IndustrySelect on Tuesday, August 29, 2023</p>"""
    assert meta(page(body=body)).authors == ("IndustrySelect",)


def test_author_aside_before_the_headline() -> None:
    body = """<article><div class="post-meta"><time>Sep 01, 2023</time>
      <aside class="post-author">Katie Liguori</aside></div><h1>Main story headline</h1>
      </article>"""
    assert meta(page(body=body)).authors == ("Katie Liguori",)


def test_strong_holder_naming_nobody_gives_way_to_an_author_link() -> None:
    body = """<header><a class="author-login" href="/login">Sign In</a></header>
      <h1>Main story headline</h1><p>Some text.</p>
      <div class="post-meta"><a href="/author/ray/">Ray Ansari</a></div>"""
    assert meta(page(body=body)).authors == ("Ray Ansari",)


def test_a_login_shown_as_the_only_byline_is_the_author() -> None:
    body = """<h1>Main story headline</h1><div class="post-byline">by <a
      href="/users/jsteinhardt">jsteinhardt</a> 18th Dec 2025</div>"""
    assert meta(page(body=body)).authors == ("jsteinhardt",)
    body = '<h1>Main story headline</h1><div class="byline">By forward</div>'
    assert meta(page(body=body)).authors == ()


def test_unmarked_names_and_date_in_one_line_by_the_headline() -> None:
    body = """<header><h1>Main story headline</h1>
      <p>Aaron Ricadela | Senior Writer | July 2, 2025</p></header>"""
    assert meta(page(body=body)).authors == ("Aaron Ricadela",)
    body = "<h1>Main story headline</h1><p>Dec 17, 2025 · Jane Doe and John Roe</p>"
    assert meta(page(body=body)).authors == ("Jane Doe", "John Roe")


@pytest.mark.parametrize(
    "line", ["Travel | July 2, 2025", "Key Takeaways", "Jane Doe", "Home Improvement Tips"]
)
def test_a_section_or_a_name_without_a_date_is_no_byline(line: str) -> None:
    body = f"<h1>Main story headline</h1><p>{line}</p>"
    assert meta(page(body=body)).authors == ()


def test_named_writer_beats_a_staff_byline() -> None:
    head = '<meta name="author" content="Jay Berstein">'
    body = '<h1>Main story headline</h1><div class="byline">Aidoc Staff</div>'
    assert meta(page(head, body)).authors == ("Jay Berstein",)


def test_labelled_byline_under_a_long_story() -> None:
    story = "".join(f"<p>Paragraph {n} of the story.</p>" for n in range(50))
    body = f"""<h1>Why cheap work costs more</h1>{story}
      <div class="post-end"><p>Written by John Crenshaw</p></div>
      <div class="post-end"><p>by Some Book Writer</p></div>"""
    assert meta(page(body=body)).authors == ("John Crenshaw",)
    bare = f"<h1>Why cheap work costs more</h1>{story}<p>by Some Book Writer</p>"
    assert meta(page(body=bare)).authors == ()


@pytest.mark.parametrize(
    "line", ["Written by John Crenshaw", "WRITTEN BY John Crenshaw", "AUTHOR: John Crenshaw"]
)
def test_labelled_byline_in_any_case_under_a_long_story(line: str) -> None:
    story = "".join(f"<p>Paragraph {n} of the story, written for the site.</p>" for n in range(50))
    body = f"""<h1>Why cheap work costs more</h1>{story}
      <div class="post-end"><p>{line}</p></div>"""
    assert meta(page(body=body)).authors == ("John Crenshaw",)


def test_contributors_label_by_the_headline() -> None:
    body = """<h1>Low-light houseplants</h1><p>Plants for dim rooms</p>
      <div class="tags"><div><strong>Contributors:</strong> Janet Loughrey</div></div>"""
    assert meta(page(body=body)).authors == ("Janet Loughrey",)


def test_sidebar_dates_are_ignored() -> None:
    body = """<div class="sidebar"><time datetime="2018-06-01">June 1, 2018</time></div>
      <h1>Main story headline</h1><time datetime="2024-03-04T10:00:00Z">March 4</time>"""
    assert meta(page(body=body)).published == "2024-03-04T10:00:00+00:00"


def test_site_name_is_not_an_author() -> None:
    head = """<meta property="og:site_name" content="The Forward">
      <meta name="author" content="The Forward">"""
    assert meta(page(head)).authors == ()


def test_language_and_keywords() -> None:
    head = '<meta name="keywords" content="Israel, Gaza , Twitter">'
    found = meta(page(head, lang="en-GB"))
    assert found.language == "en-GB"
    assert found.keywords == ("Israel", "Gaza", "Twitter")


def test_date_from_url_path_as_last_resort() -> None:
    found = meta(page(), url="https://example.com/2021/07/09/slug/")
    assert found.published == "2021-07-09"


@pytest.mark.parametrize(
    ("text", "month_first", "expected"),
    [
        ("March 4, 2024", True, "2024-03-04"),
        ("2024-03-04T10:00:00Z", True, "2024-03-04T10:00:00+00:00"),
        ("2024-03-04T10:00:00.000-0500", True, "2024-03-04T10:00:00-05:00"),
        ("Mar. 4, 2024 at 10:00 am EST", True, "2024-03-04T10:00:00-05:00"),
        ("Monday, September 4th, 2023 3:15 p.m. ET", True, "2023-09-04T15:15:00"),
        ("4 March 2024", True, "2024-03-04"),
        ("Mon, 04 Mar 2024 10:00:00 GMT", True, "2024-03-04T10:00:00+00:00"),
        ("04/03/2024", True, "2024-04-03"),
        ("04/03/2024", False, "2024-03-04"),
        ("13/03/2024", True, "2024-03-13"),
        ("04.03.2024", True, "2024-03-04"),
        ("Sept. 12, 2025", True, "2025-09-12"),
        ("Published 20240304", True, None),
        ("5 min read", True, None),
        ("February 30, 2024", True, None),
        ("Essay - Published: 2025.12.17 |", True, "2025-12-17"),
        ("Release 2019.10.3", True, None),
        ("By Jane Doe | 19-Dec-2025", True, "2025-12-19"),
        ("2023 Jan 7", True, "2023-01-07"),
        ("on 04-ago-2021 5:11:10", True, "2021-08-04T05:11:10"),
        ("12 de marzo de 2024", True, "2024-03-12"),
        ("3. März 2025", True, "2025-03-03"),
        ("1er janvier 2024", True, "2024-01-01"),
        ("15 dic. 2023", True, "2023-12-15"),
        ("12 agosto 2025", True, "2025-08-12"),
        ("scored 5 out of 2024 points", True, None),
        ("3/4/25", True, "2025-03-04"),
        ("Updated 3/4/25 9:30 am", False, "2025-04-03T09:30:00"),
        ("Part 3 of 12", True, None),
    ],
)
def test_date_formats(text: str, month_first: bool, expected: str | None) -> None:
    assert parse_date(text, month_first=month_first) == expected


def test_ambiguous_numeric_date_follows_the_page_language() -> None:
    body = '<h1>A British story</h1><time class="entry-date">04/03/2024</time>'
    assert meta(page(body=body, lang="en-GB")).published == "2024-03-04"
    assert meta(page(body=body, lang="en-US")).published == "2024-04-03"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "#AskHamas Is a Twitter Disaster — Or Is it? | The Forward",
            "#AskHamas Is a Twitter Disaster — Or Is it?",
        ),
        ("Forward - A headline - with dashes", "A headline - with dashes"),
        ("A headline - Opinion", "A headline - Opinion"),
    ],
)
def test_title_site_suffix_stripping(title: str, expected: str) -> None:
    assert strip_site(title, site="The Forward", host="forward.com") == expected


def test_h1_wins_over_title_with_site_suffix() -> None:
    head = "<title>The real headline | The Forward</title>"
    body = '<header><h1 class="logo">The Forward</h1></header><h1>The real headline</h1>'
    assert meta(page(head, body)).title == "The real headline"


def test_tree_is_not_modified() -> None:
    root = document.load(page(GRAPH, '<div class="byline">By Jane Doe</div>'))
    before = document_bytes(root)
    extract_metadata(root, url=URL)
    assert document_bytes(root) == before


def document_bytes(root: object) -> bytes:
    import lxml.html

    assert isinstance(root, lxml.html.HtmlElement)
    return lxml.html.tostring(root)


def test_layout_class_on_the_wrapper_is_no_sidebar() -> None:
    body = """<div class="cs-sidebar-enabled has-sidebar"><article><h1>Main story headline</h1>
      <p class="byline">By Jane Doe</p><time datetime="2024-03-04">March 4, 2024</time>
      </article><div class="cs-sidebar"><time datetime="2018-06-01">June 1</time></div></div>"""
    found = meta(page(body=body))
    assert (found.title, found.authors) == ("Main story headline", ("Jane Doe",))
    assert found.published == "2024-03-04"


def test_all_capitals_headline_takes_the_structured_casing() -> None:
    head = '<meta property="og:title" content="Weekend Coding Agent">'
    assert meta(page(head=head, body="<h1>WEEKEND CODING AGENT</h1>")).title == (
        "Weekend Coding Agent"
    )


def test_entities_escaped_twice_in_metas_are_decoded() -> None:
    head = '<meta property="og:title" content="Python, SQL &amp;#x26; AI">'
    assert meta(page(head=head)).title == "Python, SQL & AI"


def test_labelled_date_anywhere_when_nothing_else_dates_the_page() -> None:
    filler = "".join(
        f"<p>Paragraph {n} of the story, long enough to be prose.</p>" for n in range(60)
    )
    body = f"<h1>Main story headline</h1>{filler}<div><span>Posted on April 13, 2023</span></div>"
    assert meta(page(body=body), url=None).published == "2023-04-13"


def test_whole_page_fallback_stops_after_a_news_pages_worth_of_elements() -> None:
    # A transcript of 12,000 paragraphs: a label that far down is not the story's header.
    filler = "<p>Line of the transcript.</p>" * 12_000
    late = f"<h1>Main story headline</h1>{filler}<div><span>Posted on April 13, 2023</span></div>"
    early = f"<h1>Main story headline</h1><div><span>Posted on April 13, 2023</span></div>{filler}"
    assert meta(page(body=late), url=None).published is None
    assert meta(page(body=early), url=None).published == "2023-04-13"


def test_a_site_name_without_a_letter_is_no_publisher() -> None:
    head = '<meta property="og:site_name" content="/">'
    assert meta(page(head=head)).publisher is None


def test_a_canonical_link_whose_host_swallowed_its_path_is_passed_over() -> None:
    head = '<meta property="og:url" content="https://blog.example.org%2Farticles%2F2025-12-15">'
    url = "https://blog.example.org/articles/2025-12-15"
    assert meta(page(head=head), url=url).canonical_url == url


LD_PUBLISHED = """<script type="application/ld+json">{"@context": "https://schema.org",
  "@type": "BlogPosting", "headline": "Main story headline",
  "datePublished": "%s", "dateModified": "2025-06-24T09:00:00Z"}</script>"""


def test_header_date_earlier_than_a_migrated_structured_date_wins() -> None:
    head = LD_PUBLISHED % "2025-06-24T09:00:00Z"
    body = '<h1>Main story headline</h1><p class="meta">By Jane Doe</p><p>August 25, 2024</p>'
    found = meta(page(head, body))
    assert found.published == "2024-08-25"
    assert found.modified == "2025-06-24T09:00:00+00:00"


def test_header_update_date_does_not_replace_the_first_publication() -> None:
    head = LD_PUBLISHED % "2023-07-22T03:47:21Z"
    body = "<h1>Main story headline</h1><p>Updated Sep 5, 2024</p><p>August 25, 2024</p>"
    assert meta(page(head, body)).published == "2023-07-22T03:47:21+00:00"


def test_local_time_shown_beside_a_utc_meta_gives_the_local_day() -> None:
    head = '<meta property="article:published_time" content="2025-12-19T03:05:00+00:00">'
    body = '<h1>Main story headline</h1><time datetime="2025-12-18T19:05:00-08:00">Dec 18</time>'
    assert meta(page(head, body)).published == "2025-12-18T19:05:00-08:00"


def test_date_inside_a_sentence_near_the_headline_is_not_the_story_date() -> None:
    head = LD_PUBLISHED % "2025-06-24T09:00:00Z"
    body = (
        "<h1>Main story headline</h1>"
        "<li>The association held its first community forum on 2019-07-09.</li>"
    )
    assert meta(page(head, body)).published == "2025-06-24T09:00:00+00:00"


def test_originally_published_date_is_the_first_publication() -> None:
    body = """<h1>Main story headline</h1><div class="article-date">30 Sep 2022, 11:07am</div>
      <div class="article-date">This article was originally published on 26 Sep 2019 at
      4:12pm but has been updated with new information.</div>"""
    assert meta(page(body=body), url=None).published == "2019-09-26T16:12:00"


def test_unlabelled_header_date_beats_an_update_date_beside_it() -> None:
    body = """<h1>Main story headline</h1><div class="post-date">Updated: January 2, 2026</div>
      <div class="post-date">Mental Health December 22, 2022</div>"""
    assert meta(page(body=body), url=None).published == "2022-12-22"


def test_comment_dates_inside_the_post_article_are_not_the_story_date() -> None:
    head = '<meta property="article:published_time" content="2024-03-04T10:00:00Z">'
    body = """<article class="post type-post status-publish"><h1>Main story headline</h1>
      <p>Story text.</p><div class="comments-area"><ol class="comment-list"><li>
      <article class="c-body"><div class="meta"><b>Troll</b>
      <time datetime="2022-11-15T07:03:58-05:00">November 15, 2022</time></div>
      <p>Great list!</p></article></li></ol></div></article>"""
    assert meta(page(head, body)).published == "2024-03-04T10:00:00+00:00"


def test_post_state_class_does_not_make_the_post_container_a_date() -> None:
    head = '<meta property="article:published_time" content="2024-03-04T10:00:00Z">'
    body = """<div class="title-bar"><h1>Main story headline</h1></div>
      <article class="post type-post status-publish"><p>Story text.</p>
      <div class="comments-area"><p>Troll
      <time datetime="2022-11-15T07:03:58-05:00">November 15, 2022</time></p></div>
      </article>"""
    assert meta(page(head, body)).published == "2024-03-04T10:00:00+00:00"


@pytest.mark.parametrize("wrapper", ["section under-menu", "story-page story-template-sidebar"])
def test_position_and_layout_classes_on_the_wrapper_are_no_foreign_box(wrapper: str) -> None:
    body = f"""<div class="{wrapper}"><h1>Main story headline</h1>
      <p class="byline">By Jane Doe</p><span class="post-date">December 23, 2025</span></div>"""
    found = meta(page(body=body), url=None)
    assert (found.authors, found.published) == (("Jane Doe",), "2025-12-23")


def test_date_in_the_articles_own_footer_when_the_page_has_no_headline() -> None:
    body = """<article class="post"><h2>A story without an h1</h2><p>Story text.</p>
      <footer class="entry-meta"><span class="post-date">
      <time datetime="2025-08-12T11:15:06Z">August 12, 2025</time></span></footer></article>
      <footer class="site-footer"><time datetime="2019-01-01">2019</time></footer>"""
    assert meta(page(body=body), url=None).published == "2025-08-12T11:15:06+00:00"


def test_update_shown_before_the_structured_publication_bounds_it() -> None:
    head = LD_PUBLISHED % "2025-11-13T09:21:40Z"
    body = "<h1>Main story headline</h1><p>Page updated: 12 November 2025</p>"
    assert meta(page(head, body, lang="en-GB")).published == "2025-11-12"


LD_NO_MODIFIED = """<script type="application/ld+json">{"@context": "https://schema.org",
  "@type": "NewsArticle", "headline": "Main story headline",
  "datePublished": "2023-07-22T03:47:21Z"}</script>"""


def test_shown_update_line_is_the_modified_date_when_the_data_gives_none() -> None:
    body = """<h1>Main story headline</h1><div class="byline">By <a href="/author/jane-doe">
      Jane Doe</a></div><p class="meta">Last updated: Sep 5, 2024</p>"""
    found = meta(page(LD_NO_MODIFIED, body))
    assert found.published == "2023-07-22T03:47:21+00:00"
    assert found.modified == "2024-09-05"


def test_update_label_split_from_its_date_by_comments_still_labels_it() -> None:
    body = """<h1>Main story headline</h1><p>By Jane Doe</p><p class="meta">Last updated<!-- -->
      <!-- --><time datetime="2024-09-05T10:00:00Z">Sep 5, 2024</time></p>"""
    found = meta(page(LD_NO_MODIFIED, body))
    assert found.published == "2023-07-22T03:47:21+00:00"
    assert found.modified == "2024-09-05T10:00:00+00:00"


def test_update_field_of_a_long_meta_line_is_the_modified_date() -> None:
    body = """<h1>Main story headline</h1><div class="meta">By <a href="/author/2280/">
      Jane Doe, CFP</a> – Updated Mar 5, 2026 at 4:28 PM EST | Fact-checked by
      <a href="/author/20449/">John Roe</a></div>"""
    found = meta(page(LD_NO_MODIFIED, body))
    assert found.modified == "2026-03-05T16:28:00-05:00"
    assert found.authors == ("Jane Doe",)


def test_a_date_inside_a_sentence_split_by_comments_is_no_date_line() -> None:
    body = """<h1>Main story headline</h1><p>By Jane Doe</p><p>This estimate is based on
      <!-- -->31<!-- --> completed projects in your area and is valid through<!-- -->
      <!-- -->01/23/2026<!-- -->. Please keep in mind that costs vary.</p>"""
    assert meta(page(body=body), url=None).published is None


def test_a_label_and_date_split_by_comments_read_as_one_line() -> None:
    body = """<h1>Main story headline</h1><div class="meta">By<!-- --> <a href="/author/jd">
      Jane Doe</a> – <!-- -->Updated <!-- -->Sep 9, 2025 at 1:00 PM EST<!-- --> |
      Fact-checked by <a href="/author/jr">John Roe</a></div>"""
    found = meta(page(LD_NO_MODIFIED, body))
    assert found.modified == "2025-09-09T13:00:00-05:00"
    assert found.authors == ("Jane Doe",)


def test_a_page_written_out_twenty_times_finds_its_headline_holder_in_bounded_time() -> None:
    # Each copy of the page is an <html> tree of its own beside the first, and "//" read them
    # all: libxml2 merged their text nodes in quadratic time, 14 s for this page.
    story = "".join(f"<p>Paragraph {i} of the story.</p>" for i in range(2_500))
    once = (
        '<!doctype html><html lang="en"><head><title>Council widens the old bridge</title>'
        '</head><body><div class="top"><p class="headline">Council widens the old bridge</p>'
        f"<p>By Jane Doe</p></div>{story}</body></html>"
    )
    started = time.monotonic()
    found = meta(once * 20)
    assert time.monotonic() - started < 3
    assert found.authors == ("Jane Doe",)


def test_dates_among_a_headline_of_300000_children_are_read_in_bounded_time() -> None:
    # Each dated span read every child of its parent again for words around it: 24 s.
    runs = ("<!-- --> " * 999 + "<span>May 2, 2024</span>") * 300
    body = f"<div><h1>Main story headline {runs}</h1></div><p>By Jane Doe</p>"
    started = time.monotonic()
    found = meta(page(body=body), url=None)
    assert time.monotonic() - started < 4
    assert found.authors == ("Jane Doe",)
    assert found.published is None


def test_header_runs_of_comments_are_read_in_linear_time() -> None:
    flood = ("<!-- --> " * 999 + "<b>x</b>") * 300 + "".join(f"w{i}<!-- -->" for i in range(999))
    body = f"""<h1>Main story headline</h1><div class="meta">By<!-- --> Jane Doe |
      <!-- -->Updated <!-- -->Sep 9, 2025</div><p>{flood}</p>"""
    started = time.monotonic()
    found = meta(page(LD_NO_MODIFIED, body))
    assert time.monotonic() - started < 3  # each comment walked its whole run: 8 s
    assert found.modified == "2025-09-09"
    assert found.authors == ("Jane Doe",)


@pytest.mark.parametrize(
    ("lang", "first", "update"),
    [
        ("de", "Veröffentlicht am 14.03.2025", "Aktualisiert am 15.03.2025"),
        ("fr", "Publié le 14 mars 2025", "Mis à jour le 15 mars 2025"),
        ("es", "Publicado el 14 de marzo de 2025", "Actualizado 15 de marzo de 2025"),
    ],
)
def test_continental_update_line_is_the_modified_date(lang: str, first: str, update: str) -> None:
    body = f"<h1>Main story headline</h1><p>{first}</p><p>{update}</p>"
    found = meta(page(body=body, lang=lang), url=None)
    assert found.published == "2025-03-14"
    assert found.modified == "2025-03-15"


def test_structured_modified_date_beats_the_shown_update_line() -> None:
    head = LD_PUBLISHED % "2023-07-22T03:47:21Z"
    body = "<h1>Main story headline</h1><p>By Jane Doe</p><p>Updated Sep 5, 2024</p>"
    assert meta(page(head, body)).modified == "2025-06-24T09:00:00+00:00"


@pytest.mark.parametrize(
    "line",
    [
        "Published July 20, 2023",  # no update label
        "July 20, 2023</p><p>Updated July 2, 2023",  # before the first publication
        "The rules were updated on July 30, 2023, after the hearing that week.",  # a sentence
    ],
)
def test_no_modified_date_from_a_line_that_is_no_later_update(line: str) -> None:
    body = f"<h1>Main story headline</h1><p>By Jane Doe</p><p>{line}</p>"
    assert meta(page(LD_NO_MODIFIED, body)).modified is None


def test_update_label_beside_the_date_holder_yields_to_the_page_object() -> None:
    head = """<script type="application/ld+json">{"@context": "https://schema.org",
      "@type": "WebPage", "datePublished": "2024-02-01T15:46:14+00:00"}</script>"""
    body = """<h1>Main story headline</h1><div class="meta"><span>Updated on</span>
      <span class="post-date">April 19, 2025</span></div>"""
    found = meta(page(head, body))
    assert found.published == "2024-02-01T15:46:14+00:00"


def test_without_an_h1_the_element_showing_the_title_anchors_the_header() -> None:
    head = '<meta property="og:title" content="Top 5 HR Tools in 2026">'
    body = (
        '<div class="hero"><p class="framer-text">Top 5 HR Tools in 2026</p>'
        '<p class="framer-text">February 16, 2026</p></div>'
        "<div><p>We ranked five platforms by features and price to help you choose one.</p></div>"
    )
    assert meta(page(head=head, body=body), url=None).published == "2026-02-16"


FILLER = "".join(f"<p>Paragraph {n} of the story, long enough to be prose.</p>" for n in range(60))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('<div><p>Written by <a href="/team/jane">Jane Doe</a></p><p>April 8, 2024</p></div>',
         "2024-04-08"),
        ("<h3><span>blog | </span> February 01, 2022 </h3>", "2022-02-01"),
        ('<p style="text-align:right">Last updated: November 13, 2025</p>', "2025-11-13"),
        ("<fieldset><legend>Week two</legend> 20 December 2025 <div>Text</div></fieldset>",
         "2025-12-20"),
    ],
)  # fmt: skip
def test_a_date_line_anywhere_when_nothing_else_dates_the_page(line: str, expected: str) -> None:
    body = f"<h1>Main story headline</h1>{FILLER}{line}"
    assert meta(page(body=body), url=None).published == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "<p>Sources: Vanguard and Morningstar, as of <span>December 31, 2025</span>.</p>",
        "<li>Hirshberg MJ. Prevalence of harm. <i>Psychological Medicine.</i> August 18, 2020."
        "</li>",
        "<p>On May 3, 2022 <a href='/council'>the council</a> met to vote on the budget.</p>",
    ],
)
def test_a_date_inside_a_sentence_is_no_date_line(sentence: str) -> None:
    body = f"<h1>Main story headline</h1>{FILLER}{sentence}"
    assert meta(page(body=body), url=None).published is None


def test_of_two_publish_metas_that_disagree_the_earlier_is_the_publication() -> None:
    head = (
        '<meta name="published-time" content="2026-03-09T08:45:32.183Z">'
        '<meta name="published-date" content="2021-02-16">'
    )
    assert meta(page(head, "<h1>Main story headline</h1>"), url=None).published == "2021-02-16"


@pytest.mark.parametrize(
    ("elsewhere", "expected"),
    [
        ('<ul><li><a href="/a-guide">A guide</a> - 3 October 2023</li></ul>', "2023-10-03"),
        ('<ul><li><a href="/a-guide">A guide</a><time datetime="2023-10-03">Oct 3</time></li></ul>',
         "2023-10-03"),
        ('<ul><li><a href="/a-guide">A guide</a> - March 10, 2023</li></ul>', "2023-03-10"),
        ("", "2023-03-10"),
    ],
)  # fmt: skip
def test_ambiguous_numeric_date_takes_the_reading_the_page_writes_out(
    elsewhere: str, expected: str
) -> None:
    body = f'<h1>Wine styles</h1><span class="post-date">03/10/2023</span><p>Text.</p>{elsewhere}'
    assert meta(page(body=body, lang="en"), url=None).published == expected


def test_the_storys_meta_column_styled_as_a_sidebar_dates_it_when_nothing_else_does() -> None:
    body = """<div class="container"><h1>A parent's guide to sleep training</h1></div>
      <div class="grid"><aside role="complementary" class="side-col">
        <p class="article-date">May 25, 2023</p><p>Written By <span>Angela Bell</span></p>
      </aside><div class="main-col"><p>Story text.</p></div></div>"""
    assert meta(page(body=body), url=None).published == "2023-05-25"


def test_a_sidebar_date_after_the_headline_yields_to_the_page_url() -> None:
    body = """<h1>Main story headline</h1><div class="sidebar">
      <time datetime="2018-06-01">June 1, 2018</time></div>"""
    url = "https://example.org/2024/03/04/a-story/"
    assert meta(page(body=body), url=url).published == "2024-03-04"


def test_a_site_menu_left_open_around_the_story_does_not_hide_its_date() -> None:
    body = """<header class="header top-menu"><nav><a href="/">Home</a></nav>
      <div class="article-page"><h1>Main story headline</h1><div class="article-page__date">
      <span>June 10, 2025</span> <span>|</span> <span>13 min read</span></div>
      <p>Story text one.</p><p>Story text two.</p><p>Story text three.</p></div>"""
    assert meta(page(body=body), url=None).published == "2025-06-10"


def test_a_sidebar_inside_the_article_repeating_the_headline_stays_a_sidebar() -> None:
    body = """<article><p>Story text one.</p><p>Story text two.</p>
      <div class="sidebar"><h1>Main story headline</h1><p>June 10, 2025</p>
      <p>Republish this story.</p><p>Copy the text.</p></div></article>"""
    assert meta(page(body=body), url=None).published is None


def test_a_sidebar_date_before_the_headline_never_dates_the_story() -> None:
    body = """<div class="sidebar"><time datetime="2018-06-01">June 1, 2018</time></div>
      <h1>Main story headline</h1>"""
    assert meta(page(body=body), url=None).published is None


def test_header_byline_read_past_scripts_and_comments_and_not_from_a_related_box() -> None:
    body = """<article><h1>Council expands the bus network</h1>
      <div class="meta"><script>var label = "By Script Writer";</script><span>By</span>
      <!-- author --> <a href="/people/jane-doe">Jane Doe</a><!-- end --> · March 4, 2025</div>
      <aside class="related-posts"><div class="byline">By Other Writer</div></aside>"""
    found = meta(page(body=body))
    assert found.authors == ("Jane Doe",)
    assert found.byline == "By Jane Doe"


def test_the_web_pages_publisher_names_the_site_when_the_article_does_not() -> None:
    head = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "Organization", "@id": "https://health.example.org/#org", "name": "Valley Health"},
      {"@type": "WebPage", "name": "Sleep and the heart",
       "publisher": {"@id": "https://health.example.org/#org"}},
      {"@type": "Article", "headline": "Sleep and the heart"}]}</script>"""
    assert meta(page(head=head)).publisher == "Valley Health"


def test_the_website_object_names_the_site_without_og_site_name() -> None:
    head = """<script type="application/ld+json">{"@context": "https://schema.org",
      "@type": "WebSite", "name": "Motor Notes", "url": "https://motor.example/"}</script>"""
    assert meta(page(head=head)).publisher == "Motor Notes"


def test_the_pinned_site_title_names_the_site_last() -> None:
    head = (
        '<meta name="application-name" content="Valley Health App">'
        '<meta name="apple-mobile-web-app-title" content="Valley Health">'
    )
    assert meta(page(head=head)).publisher == "Valley Health"
    ordered = '<meta property="og:site_name" content="Valley Health News">' + head
    assert meta(page(head=ordered)).publisher == "Valley Health News"


@pytest.mark.parametrize(
    ("title", "publisher"),
    [
        ("Sleep and the heart | Valley Health", "Valley Health"),
        ("Sleep and the heart - Blog - Valley Health", "Valley Health"),
        ("Valley Health - Sleep and the heart", "Valley Health"),
        ("Sleep and the heart | Blog", None),
        ("Sleep and the heart | Courses, Paths, and Certifications", None),
        ("Sleep and the heart | Realize your potential.", None),
        ("Sleep and the heart | by Jane Doe", None),
        ("Sleep and the heart, explained | Valley Health", None),
    ],
)
def test_the_site_name_beside_the_headline_in_the_title_names_the_site_last(
    title: str, publisher: str | None
) -> None:
    body = "<article><h1>Sleep and the heart</h1></article>"
    assert meta(page(head=f"<title>{title}</title>", body=body), url=None).publisher == publisher


def test_the_title_suffix_never_overrides_a_named_site() -> None:
    head = (
        "<title>Sleep and the heart | VH</title>"
        '<meta property="og:site_name" content="Valley Health">'
    )
    body = "<article><h1>Sleep and the heart</h1></article>"
    assert meta(page(head=head, body=body)).publisher == "Valley Health"


def test_a_json_ld_list_of_300000_objects_is_read_up_to_the_cap_fast() -> None:
    article = '{"@type": "NewsArticle", "headline": "Capped headline"}'
    people = ",".join(['{"@type": "Person", "name": "Jane Doe"}'] * 300_000)
    html = page(f'<script type="application/ld+json">[{article},{people}]</script>')
    started = time.monotonic()
    found = meta(html)
    assert time.monotonic() - started < 2
    assert found.title == "Capped headline"
    assert len(jsonld.objects(document.load(html))) == jsonld.MAX_OBJECTS


@pytest.mark.parametrize(
    ("author", "holder", "byline"),
    [
        # A photo credit styled as an author names nobody the metadata names.
        ("Shannon Vize",
         '<div class="byline">Photo: <span class="author">iStock/Getty</span></div>',
         "Shannon Vize"),
        ("Paramita Ghosh", '<p class="byline">By Paramita (Guha) Ghosh, Staff Writer</p>',
         "By Paramita (Guha) Ghosh, Staff Writer"),
    ],
)  # fmt: skip
def test_the_byline_is_displayed_only_when_it_names_an_author(
    author: str, holder: str, byline: str
) -> None:
    head = f"""<script type="application/ld+json">{{"@context": "https://schema.org",
      "@type": "NewsArticle", "headline": "Ports brace for the strike",
      "author": {{"@type": "Person", "name": "{author}"}}}}</script>"""
    found = meta(
        page(head=head, body=f"<article><h1>Ports brace for the strike</h1>{holder}</article>")
    )
    assert found.authors == (author,)
    assert found.byline == byline


def test_a_title_left_open_over_the_page_is_no_site_name_and_costs_little() -> None:
    # "<title>" never closed: everything after it, separators and all, is the title's text.
    html = (
        "<html><head><title>Sleep and the heart | Valley Health"
        + " | a line of the page | another line" * 20_000
        + "</head><body><h1>Sleep and the heart</h1></body></html>"
    )
    started = time.monotonic()
    found = meta(html, url=None)
    assert time.monotonic() - started < 2
    assert found.publisher is None


# One small news page per language: the headline, the byline, the update shown before the
# first publication (so that a label, not the order, tells them apart), then the story.
CONTINENTAL_PAGES = [
    (
        "de",
        "Bahnstreik legt den Fernverkehr lahm",
        '<span class="autor">Von Anna Müller und Jörg Schmidt, dpa</span>',
        "Aktualisiert am 15. März 2025, 08:00 Uhr",
        "Veröffentlicht am 14. März 2025, 10:42 Uhr",
        "Die Gewerkschaft hat ihre Mitglieder erneut zum Streik aufgerufen. ",
        ("Anna Müller", "Jörg Schmidt"),
        "2025-03-14",
    ),
    (
        "fr",
        "La grève paralyse le trafic ferroviaire",
        '<p class="auteur">Par Claire Dubois et Jean Martin</p>',
        "Mis à jour le 15 mars 2025 à 08h00",
        "Publié le 14 mars 2025 à 10h42",
        "Le syndicat a de nouveau appelé ses adhérents à la grève. ",
        ("Claire Dubois", "Jean Martin"),
        "2025-03-14",
    ),
    (
        "es",
        "La huelga paraliza el tráfico ferroviario",
        "<p>Por Gabriel García Márquez y Ana de la Cruz</p>",
        "Actualizado el 15 de marzo de 2025",
        "Publicado el 14 de marzo de 2025",
        "El sindicato ha convocado de nuevo a sus afiliados a la huelga. ",
        ("Gabriel García Márquez", "Ana de la Cruz"),
        "2025-03-14",
    ),
    (
        "it",
        "Lo sciopero blocca il traffico ferroviario",
        '<div class="autore">Di Marco Rossi e Giulia Bianchi</div>',
        "Aggiornato il 15 marzo 2025",
        "Pubblicato il 14 marzo 2025",
        "Il sindacato ha di nuovo chiamato i suoi iscritti allo sciopero. ",
        ("Marco Rossi", "Giulia Bianchi"),
        "2025-03-14",
    ),
    (
        "pt",
        "A greve paralisa o tráfego ferroviário",
        "<p>Por João Pereira e Ana da Silva</p>",
        "Atualizado em 15 de março de 2025",
        "Publicado em 14 de março de 2025",
        "O sindicato voltou a convocar os seus associados para a greve. ",
        ("João Pereira", "Ana da Silva"),
        "2025-03-14",
    ),
    (
        "nl",
        "Staking legt het treinverkeer plat",
        '<p class="auteur">Door Ludwig van Beethoven en Anne de Vries</p>',
        "Bijgewerkt op 15 maart 2025",
        "Gepubliceerd op 14 maart 2025",
        "De vakbond heeft zijn leden opnieuw opgeroepen om te staken. ",
        ("Ludwig van Beethoven", "Anne de Vries"),
        "2025-03-14",
    ),
    (
        "sv",
        "Strejken stoppar tågtrafiken",
        "<p>Av Anna Svensson och Erik Lund</p>",
        "Uppdaterad 15 mars 2025",
        "Publicerad 14 mars 2025",
        "Facket har åter uppmanat sina medlemmar att strejka. ",
        ("Anna Svensson", "Erik Lund"),
        "2025-03-14",
    ),
    (
        "da",
        "Strejken lammer togtrafikken",
        "<p>Af Anne Jensen og Mads Nielsen</p>",
        "Opdateret 15. marts 2025",
        "Publiceret 14. marts 2025",
        "Fagforeningen har igen opfordret sine medlemmer til at strejke. ",
        ("Anne Jensen", "Mads Nielsen"),
        "2025-03-14",
    ),
    (
        "no",
        "Streiken stanser togtrafikken",
        '<div class="forfatter">Av Kari Nordmann og Ola Hansen</div>',
        "Oppdatert 15. mars 2025",
        "Publisert 14. mars 2025",
        "Fagforeningen har igjen oppfordret medlemmene sine til å streike. ",
        ("Kari Nordmann", "Ola Hansen"),
        "2025-03-14",
    ),
    (
        "pl",
        "Strajk paraliżuje ruch kolejowy",
        "<p>Autor: Anna Kowalska i Jan Nowak</p>",
        "Zaktualizowano 15 marca 2025",
        "Opublikowano 14 marca 2025",
        "Związek zawodowy ponownie wezwał swoich członków do strajku. ",
        ("Anna Kowalska", "Jan Nowak"),
        "2025-03-14",
    ),
]


@pytest.mark.parametrize(
    ("lang", "headline", "byline", "updated", "published", "sentence", "authors", "day"),
    CONTINENTAL_PAGES,
    ids=[row[0] for row in CONTINENTAL_PAGES],
)
def test_continental_bylines_and_date_labels(
    lang: str,
    headline: str,
    byline: str,
    updated: str,
    published: str,
    sentence: str,
    authors: tuple[str, ...],
    day: str,
) -> None:
    body = (
        f"<article><header><h1>{headline}</h1>{byline}<p class='meta'>{updated}</p>"
        f"<p class='meta'>{published}</p></header><p>{sentence * 6}</p><p>{sentence * 4}</p>"
        "</article>"
    )
    found = meta(page(body=body, lang=lang), url="https://example.org/nachrichten/1")
    assert found.authors == authors
    assert all(name in (found.byline or "") for name in authors)
    assert (found.published or "")[:10] == day


@pytest.mark.parametrize(
    "story",
    [
        "<p>Von Berlin aus fahren heute nur wenige Züge in Richtung Hamburg.</p>",
        "<p>Di Maio ha detto che il governo ascolterà i sindacati.</p>",
        "<p>Par Anna Müller on entend la voix de toute une génération de cheminots.</p>",
        "<p>Por favor, consulte los horarios antes de viajar.</p>",
    ],
)
def test_a_word_for_by_inside_the_story_is_no_byline(story: str) -> None:
    body = f"<article><h1>La grève paralyse le trafic</h1>{story}<p>{'Texte. ' * 40}</p></article>"
    found = meta(page(body=body, lang="fr"), url="https://example.org/a/1")
    assert found.authors == ()


def test_a_continental_agency_after_the_byline_is_its_origin() -> None:
    body = (
        "<h1>Bahnstreik legt den Fernverkehr lahm</h1>"
        "<p class='meta'>Von Anna Müller, dpa</p><p>Veröffentlicht am 14. März 2025</p>"
    )
    found = meta(page(body=body, lang="de"), url="https://example.org/a/1")
    assert found.authors == ("Anna Müller",)
    assert found.byline_orgs == ("dpa",)


@pytest.mark.parametrize(
    "holder",
    [
        '<span class="autor-name">Anna Müller</span>',
        '<div class="article-auteur">Claire Dubois</div>',
        '<a href="/autore/marco-rossi/">Marco Rossi</a>',
        '<p class="autorenzeile">Anna Müller</p>',
    ],
)
def test_continental_byline_holders(holder: str) -> None:
    body = f"<h1>Bahnstreik legt den Fernverkehr lahm</h1><div>{holder}</div>"
    assert len(meta(page(body=body, lang="de")).authors) == 1


def test_autoresize_is_no_byline_holder() -> None:
    body = '<h1>Bahnstreik legt den Fernverkehr lahm</h1><div class="autoresize">Anna Müller</div>'
    assert meta(page(body=body, lang="de")).authors == ()


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("14 maart 2025", "2025-03-14"),
        ("14 mei 2025", "2025-05-14"),
        ("14 maj 2025", "2025-05-14"),
        ("14. marts 2025", "2025-03-14"),
        ("14. desember 2025", "2025-12-14"),
        ("14 augusti 2025", "2025-08-14"),
        ("14 października 2025 r.", "2025-10-14"),
        ("3 grudnia 2025", "2025-12-03"),
        ("3 марта 2025", "2025-03-03"),
        ("15 листопада 2024", "2024-11-15"),
        ("3 Mart 2025", "2025-03-03"),
        ("3. března 2025", "2025-03-03"),
        ("3. maaliskuuta 2025", "2025-03-03"),
        ("2025年3月3日", "2025-03-03"),
        ("2025년 3월 3일", "2025-03-03"),
    ],
)
def test_day_first_month_names_of_more_languages(text: str, day: str) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    ("text", "stamp"),
    [
        ("Publié le 3 mars 2025 à 14h05", "2025-03-03T14:05:00"),
        ("3 de marzo de 2025 a las 14:05", "2025-03-03T14:05:00"),
        ("3 marzo 2025 alle 14:05", "2025-03-03T14:05:00"),
        ("3. März 2025 um 14:05 Uhr", "2025-03-03T14:05:00"),
        ("2025年03月03日 14:05", "2025-03-03T14:05:00"),
    ],
)
def test_times_as_continental_and_asian_pages_write_them(text: str, stamp: str) -> None:
    assert parse_date(text, month_first=False) == stamp


def test_a_russian_story_shows_its_day_in_words() -> None:
    body = (
        "<h1>Городской совет расширил автобусную сеть</h1>"
        '<p class="byline">Анна Иванова</p><time>3 марта 2025, 14:05</time>'
    )
    assert meta(page(body=body, lang="ru")).published == "2025-03-03T14:05:00"


@pytest.mark.parametrize(
    ("lang", "line", "authors"),
    [
        ("en", "Door County Visitor Bureau", ()),
        ("en-US", "Di Fara Pizza Review", ()),
        ("fr", "Von Anna Müller und Jörg Schmidt", ()),
        ("nl", "Door Anne de Vries", ("Anne de Vries",)),
        ("nb-NO", "Av Kari Nordmann", ("Kari Nordmann",)),
    ],
)
def test_a_word_for_by_counts_in_its_own_language(
    lang: str, line: str, authors: tuple[str, ...]
) -> None:
    body = f"<h1>A headline for the story here</h1><p>{line}</p>"
    assert meta(page(body=body, lang=lang)).authors == authors


def test_a_page_that_declares_no_language_reads_no_word_for_by_as_a_label() -> None:
    body = "<h1>A headline for the story here</h1><p>Door County Visitor Bureau</p>"
    assert meta(page(body=body, lang="")).authors == ()


@pytest.mark.parametrize(
    ("lang", "header", "authors", "orgs"),
    [
        (
            "de",
            '<p>Von <a class="autor" href="/autor/a">Anna Müller</a> und '
            '<a class="autor" href="/autor/j">Jörg Schmidt</a></p>',
            ("Anna Müller", "Jörg Schmidt"),
            (),
        ),
        ("de", "<p><span>Autor:</span> <span>Anna Müller</span></p>", ("Anna Müller",), ()),
        (
            "it",
            '<p class="article-author">di <a href="/x">Marco Rossi</a></p>',
            ("Marco Rossi",),
            (),
        ),
        (
            "sv",
            '<p class="byline">Av <a href="/av/anna">Anna Svensson</a>/TT</p>',
            ("Anna Svensson",),
            ("TT",),
        ),
        ("nl", "<p>Door onze redacteur Pieter de Jong</p>", ("Pieter de Jong",), ()),
        (
            "de",
            '<p>Von Anna Müller und <a href="/j">Jörg Schmidt</a></p>',
            ("Anna Müller", "Jörg Schmidt"),
            (),
        ),
        (
            "fr",
            "<p>Par <b>Claire Dubois</b> et <b>Jean Martin</b>, AFP</p>",
            ("Claire Dubois", "Jean Martin"),
            ("AFP",),
        ),
        (
            "es",
            "<p>Por <b>Ana Pérez</b>, <b>Luis Gómez</b> y <b>Marta Ruiz</b></p>",
            ("Ana Pérez", "Luis Gómez", "Marta Ruiz"),
            (),
        ),
    ],
)
def test_continental_bylines_split_over_elements(
    lang: str, header: str, authors: tuple[str, ...], orgs: tuple[str, ...]
) -> None:
    body = (
        f"<article><h1>Ein Titel für diese Geschichte</h1>{header}<p>{'Text. ' * 40}</p></article>"
    )
    found = meta(page(body=body, lang=lang))
    assert (found.authors, found.byline_orgs) == (authors, orgs)


@pytest.mark.parametrize(
    ("lang", "updated", "published"),
    [
        ("fr", "Mis a jour le 15/03/2025", "Publié le 14/03/2025"),
        ("nl", "Laatste update: 15 maart 2025", "14 maart 2025"),
        ("de", "Stand: 15.03.2025", "Erstellt am 14.03.2025"),
        ("it", "Ultimo aggiornamento: 15 marzo 2025", "14 marzo 2025"),
        ("pl", "Aktualizacja: 15.03.2025", "Opublikowano: 14.03.2025"),
    ],
)
def test_an_update_label_first_does_not_date_the_story(
    lang: str, updated: str, published: str
) -> None:
    body = (
        f"<article><h1>Ein Titel für diese Geschichte</h1><p>{updated}</p><p>{published}</p>"
        f"<p>{'Text. ' * 40}</p></article>"
    )
    assert meta(page(body=body, lang=lang)).published == "2025-03-14"


def test_a_modified_date_before_the_publication_is_no_update() -> None:
    # A scheduled post: saved on the 3rd, published on the 12th.
    head = """<meta property="article:published_time" content="2025-03-12T08:00:00+00:00">
      <meta property="article:modified_time" content="2025-03-03T15:01:45+00:00">"""
    found = meta(page(head, "<h1>Main story headline</h1><p>By Jane Doe</p>"))
    assert found.published == "2025-03-12T08:00:00+00:00"
    assert found.modified is None


def test_date_holder_by_class_wins_over_a_plain_time_among_the_header_elements() -> None:
    html = page(
        body='<h1>Council expands buses</h1><div class="meta"><span class="entry-date">March 3, '
        '2024</span> <span>Related event: <time datetime="2020-01-01">Jan 1</time></span></div>'
    )
    assert meta(html).published == "2024-03-03"


def test_byline_far_below_the_headline_is_found_by_the_whole_page_walk() -> None:
    # Past the header's texts; the bare wrappers between are walked without being read.
    wrappers = "".join(f'<div id="c{i}"><span>Comment {i}</span></div>' for i in range(60))
    html = page(
        body="<h1>Council expands buses</h1>"
        + f"<p>{'Filler text for the story. ' * 80}</p>"
        + wrappers
        + '<div class="entry-meta"><span class="author vcard"><a href="/author/maria/">Maria '
        "Lopez</a></span></div>"
    )
    found = meta(html)
    assert found.authors == ("Maria Lopez",)
    assert found.byline == "Maria Lopez"


def test_byline_leaves_out_hidden_text_before_and_after_its_by() -> None:
    found = meta(
        page(
            body='<h1>A story</h1><div class="byline"><a class="print" href="/print">Print</a>'
            '<span class="avatar">Jane Doe</span> By <span class="author vcard">'
            '<a href="/author/jane-doe/">Jane Doe</a></span>'
            '<span style="display:none; visibility:hidden;">The Daily Planet</span></div>'
        )
    )
    assert found.byline == "By Jane Doe"
    assert found.authors == ("Jane Doe",)


def test_a_one_word_link_label_marked_like_a_name_is_not_an_author() -> None:
    found = meta(
        page(
            body='<h1>A story</h1><div class="byline"><span>By</span><div class="author">'
            '<span class="name" itemprop="name">Sarah E. Needleman</span><ul class="menu">'
            '<li><a href="/news/author/1460" class="author icon bio">Biography</a>'
            '<a href="/news/author/1460" style="display:none" rel="author">Sarah E. Needleman'
            "</a></li></ul></div></div>"
        )
    )
    assert found.authors == ("Sarah E. Needleman",)


def test_a_blog_platform_named_as_publisher_gives_way_to_the_sites_name() -> None:
    ld = (
        '<script type="application/ld+json">{"@context": "http://schema.org", '
        '"@type": "BlogPosting", "headline": "A story", '
        '"publisher": {"@type": "Organization", "name": "Blogger"}}</script>'
    )
    found = meta(
        page(
            head='<meta content="blogger" name="generator">'
            '<meta content="LinkNaija" property="og:site_name">' + ld,
            body="<h1>A story</h1>",
        ),
        url="http://www.linknaija.com/2018/10/a-story.html",
    )
    assert found.publisher == "LinkNaija"


@pytest.mark.parametrize(
    ("site_name", "url", "publisher"),
    [
        (
            "SFist - San Francisco News, Restaurants, Events, & Sports",
            "https://sfist.com/2025/01/02/a-story/",
            "SFist",
        ),
        (
            "How to Design a Website: a Complete Guide for 2026 | Clay",
            "https://clay.global/blog/a-story",
            "Clay",
        ),
        # No part spells the host: the name stays whole.
        ("Mark Denney | Landscape Photography", "https://example.com/a-story/", None),
        ("Wirecutter: Reviews for the Real World", "https://www.nytimes.com/a-story/", None),
    ],
)
def test_the_sites_name_loses_the_tagline_beside_it(
    site_name: str, url: str, publisher: str | None
) -> None:
    found = meta(
        page(head=f'<meta property="og:site_name" content="{site_name}">', body="<h1>A story</h1>"),
        url=url,
    )
    assert found.publisher == (publisher or site_name)


def _crumbs(*items: tuple[str, str | None]) -> str:
    entries = ", ".join(
        f'{{"@type": "ListItem", "position": {n}, "name": "{name}"'
        + (f', "item": "{link}"' if link else "")
        + "}"
        for n, (name, link) in enumerate(items, start=1)
    )
    return (
        '<script type="application/ld+json">{"@type": "BreadcrumbList", '
        f'"itemListElement": [{entries}]}}</script>'
    )


@pytest.mark.parametrize(
    ("crumbs", "section"),
    [
        (
            _crumbs(
                ("Home", "https://news.example.org/"),
                ("News", "https://news.example.org/news/"),
                ("Politics", "https://news.example.org/news/politics/"),
                ("Council widens the bridge", None),
            ),
            "Politics",
        ),
        # The last item links to the page itself: it is the page, not its section.
        (
            _crumbs(
                ("Homepage", "https://news.example.org"),
                ("Guides", "https://news.example.org/guides/"),
                ("Introduction", URL),
            ),
            "Guides",
        ),
        (_crumbs(("Home", "https://news.example.org/"), ("A story", None)), None),
        (_crumbs(("Uncategorized", "https://news.example.org/uncategorized/")), None),
    ],
)
def test_section_from_breadcrumbs(crumbs: str, section: str | None) -> None:
    assert meta(page(crumbs, "<h1>Council widens the bridge</h1>")).section == section


def test_the_articles_own_section_beats_its_breadcrumbs() -> None:
    head = '<meta property="article:section" content="City Hall">' + _crumbs(
        ("Home", "https://news.example.org/"), ("News", "https://news.example.org/news/")
    )
    assert meta(page(head)).section == "City Hall"


def test_a_relative_canonical_read_without_the_pages_address_gives_way_to_og_url() -> None:
    og = "http://www.example-courier.com/food/2014/12/searches.html"
    head = f'<link rel="canonical" href="8003098"><meta property="og:url" content="{og}">'
    assert meta(page(head), url=None).canonical_url == og
    assert meta(page(head), url="https://www.example-courier.com/food/").canonical_url == (
        "https://www.example-courier.com/food/8003098"
    )
