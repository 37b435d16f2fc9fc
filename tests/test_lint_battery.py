"""syndicate lint on partner copies made the way real CMSs make them.

Each transformation is a small function on the embed the project emits for a fixture page
(``syndicate snippet``): what a partner's CMS does to it on the way to the page. Those a CMS
does on its own (WordPress's texturizer, Gutenberg's blocks, a theme around the story, an AMP
page, another charset) must lint clean; those that change the story must be flagged with the
right slug, at a start tag of the copy.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import pytest
from conftest import PAGES

from syndicate import parse_article
from syndicate.emit import emit_snippet
from syndicate.lint import lint_copy
from syndicate.models import Article, Verdict
from syndicate.policy import load_profile
from syndicate.policy.profile import Profile

FACTS = tomllib.loads((PAGES / "expected.toml").read_text(encoding="utf-8"))
STORIES = ("forward/askhamas", "forward/own-bio-related", "inn/water-district-audit")
PARTNER = "https://www.partner.example"


@dataclass(frozen=True)
class Story:
    key: str
    article: Article
    profile: Profile
    head: str
    body: str


@cache
def story(key: str) -> Story:
    facts = FACTS[key]
    article = parse_article((PAGES / f"{key}.html").read_bytes(), url=facts["url"])
    profile = load_profile(facts.get("profile", "forward"))
    snippet = emit_snippet(article, profile)
    return Story(key, article, profile, snippet.head, snippet.body)


def page(
    head: str,
    body: str,
    *,
    extra_head: str = "",
    before: str = "",
    after: str = "",
    charset: str = "utf-8",
) -> str:
    """A partner's article page with the story in its content area."""
    return (
        "<!DOCTYPE html>\n<html lang='en'>\n<head>\n"
        f'<meta charset="{charset}">\n<title>Partner News</title>\n{head}\n'
        f'<meta property="og:url" content="{PARTNER}/2025/05/story/">\n{extra_head}</head>\n'
        '<body class="single-post">\n<header class="site-header"><a href="/">Partner News</a>'
        '<nav><a href="/news/">News</a> <a href="/sports/">Sports</a></nav></header>\n'
        f'<main><article class="post">{before}\n<div class="entry-content">\n{body}\n</div>\n'
        f"{after}</article></main>\n"
        "<footer><p>© 2025 Partner News. All rights reserved.</p></footer>\n</body>\n</html>\n"
    )


def plain(s: Story) -> str:
    return page(s.head, s.body)


def story_paragraphs(body: str) -> list[str]:
    """The story's own paragraphs in the embed (no class: not byline, note or credit)."""
    return [p for p in re.findall(r"<p>.*?</p>", body, flags=re.DOTALL) if len(p) > 120]


def body_links(body: str) -> list[str]:
    """The hrefs of the links in the story's own paragraphs."""
    return [h for p in story_paragraphs(body) for h in re.findall(r'<a href="([^"]+)"', p)]


PIXEL = re.compile(r'<img id="republication-tracker-tool-source"[^>]*>')


def pixel_of(body: str) -> str:
    found = PIXEL.search(body)
    assert found is not None
    return found.group()


# ---------------------------------------------------------------- what a CMS does: clean


TEXTURIZE = {
    "\u2019": "&#8217;",
    "\u2018": "&#8216;",
    "\u201c": "&#8220;",
    "\u201d": "&#8221;",
    "\u2014": "&#8212;",
    "\u2013": "&#8211;",
    "\u2026": "&#8230;",
}


def in_text(html: str, change: Callable[[str], str]) -> str:
    """``html`` with ``change`` applied to its text only, never inside a tag."""
    return re.sub(r"(?<=>)[^<]+", lambda m: change(m.group()), html)


def _texturize(text: str) -> str:
    text = re.sub(r"(?<=\w)'(?=\w)", "&#8217;", text)
    for char, entity in TEXTURIZE.items():
        text = text.replace(char, entity)
    return text.replace(" -- ", " &#8211; ")


def wptexturize(s: Story) -> str:
    """WordPress's texturizer: typographic characters as numeric entities, straight quotes
    curled, `` -- `` as an en dash; in text only, as WordPress leaves tags alone."""
    return page(s.head, in_text(s.body, _texturize))


def wpautop(s: Story) -> str:
    """wpautop after a paste that kept hard line breaks: paragraphs re-wrapped, a line break
    inside a paragraph as ``<br />``, blank lines between blocks."""
    paragraphs = story_paragraphs(s.body)
    body = s.body
    for p in paragraphs[:2]:
        text = p[3:-4]
        cut = text.find(", ")
        if cut > 0:
            body = body.replace(p, f"<p>{text[: cut + 1]}<br />\n{text[cut + 2 :]}</p>")
    body = body.replace("</p>\n", "</p>\n\n").replace("<blockquote>\n", "<blockquote>\n\n")
    return page(s.head, body)


def gutenberg(s: Story) -> str:
    """The block editor: block comments around each block, class names, a group wrapper."""
    body = re.sub(r"(<p>.*?</p>)", r"<!-- wp:paragraph -->\n\1\n<!-- /wp:paragraph -->", s.body)
    body = re.sub(
        r"<h([1-6])>(.*?)</h\1>",
        r'<!-- wp:heading -->\n<h\1 class="wp-block-heading">\2</h\1>\n<!-- /wp:heading -->',
        body,
    )
    body = body.replace("<ul>", '<!-- wp:list -->\n<ul class="wp-block-list">')
    body = body.replace("</ul>", "</ul>\n<!-- /wp:list -->")
    body = body.replace("<blockquote>", '<blockquote class="wp-block-quote">')
    return page(
        s.head,
        '<!-- wp:group -->\n<div class="wp-block-group">'
        f'<div class="wp-block-group__inner-container">\n{body}\n</div></div>\n<!-- /wp:group -->',
    )


def links_rel_target(s: Story) -> str:
    body = s.body.replace("<a href=", '<a rel="noopener nofollow" target="_blank" href=')
    return page(s.head, body)


def _rewrite_hrefs(body: str, change: Callable[[str], str]) -> str:
    return re.sub(r'href="([^"]+)"', lambda m: f'href="{change(m.group(1))}"', body)


def links_utm(s: Story) -> str:
    """Analytics parameters on every outbound link, the credit's included."""

    def tag(url: str) -> str:
        glue = "&amp;" if "?" in url else "?"
        return f"{url}{glue}utm_source=partner&amp;utm_medium=republish&amp;utm_campaign=feed"

    return page(s.head, _rewrite_hrefs(s.body, tag))


def links_http(s: Story) -> str:
    return page(s.head, _rewrite_hrefs(s.body, lambda u: u.replace("https://", "http://", 1)))


def links_slash(s: Story) -> str:
    """A trailing slash added where there was none, removed where there was one."""

    def toggle(url: str) -> str:
        if "?" in url or "#" in url:
            return url
        return url[:-1] if url.endswith("/") else url + "/"

    return page(s.head, _rewrite_hrefs(s.body, toggle))


def pixel_attributes(s: Story) -> str:
    tag = pixel_of(s.body)
    lazy = tag.replace(
        "<img ", '<img loading="lazy" decoding="async" referrerpolicy="no-referrer-when-downgrade" '
    ).replace(' alt=""', "")
    return page(s.head, s.body.replace(tag, lazy.replace(">", ' alt="">', 1)))


def pixel_at_end_of_body(s: Story) -> str:
    tag = pixel_of(s.body)
    html = page(s.head, s.body.replace(tag, ""))
    return html.replace("</body>", f"{tag}\n</body>")


def canonical_in_head_with_og_url(s: Story) -> str:
    """The canonical link among the theme's own head tags; the partner's og:url beside it."""
    extra = '<meta property="og:type" content="article">\n<link rel="stylesheet" href="/s.css">\n'
    return page(s.head, s.body, extra_head=extra)


def canonical_in_body(s: Story) -> str:
    """The whole embed, its canonical link too, pasted into the content area."""
    return page("", s.head + "\n" + s.body)


def theme(s: Story) -> str:
    """A full theme around the story: sidebar headlines, related posts, a newsletter box,
    labelled ads, comments quoting the story, a cookie banner."""
    quoted = re.sub(r"<[^>]+>", "", story_paragraphs(s.body)[1])[:160]
    before = (
        '<div class="ad-slot"><span class="ad-label">Advertisement</span>'
        '<img src="https://ads.partner.example/b.gif" width="728" height="90"></div>\n'
    )
    after = (
        '<div class="newsletter"><h3>Get our newsletter</h3><p>The day\'s news from the '
        "valley, in your inbox every morning before eight.</p>"
        '<form><input type="email"><button>Sign up</button></form></div>\n'
        '<section class="related"><h2>Related posts</h2><ul><li><a href="/a/">School board '
        'weighs later start times for high schoolers</a></li><li><a href="/b/">Mayor names new '
        "police chief after a six-month search</a></li></ul></section>\n"
        '<section class="comments"><h2>3 comments</h2><ol><li class="comment"><p class="author">'
        f"Dana K.</p><p>&ldquo;{quoted}&rdquo; &mdash; exactly right, thank you for this.</p></li>"
        '<li class="comment"><p>Great read. Sharing with my neighbours today.</p></li></ol>'
        "</section>\n"
    )
    html = page(s.head, s.body, before=before, after=after)
    sidebar = (
        '<div class="sidebar"><h2>Most read</h2><ul><li><a href="/c/">Storm knocks out power to '
        'thousands across the county</a></li><li><a href="/d/">High school team wins state title '
        'in overtime thriller</a></li></ul><div class="ad"><p>Advertisement</p></div></div>\n'
        '<div class="cookie-banner"><p>We use cookies to improve your experience on our site. '
        "By continuing you agree to our privacy policy.</p><button>Accept</button></div>\n"
    )
    return html.replace("</main>", "</main>\n" + sidebar)


def amp(s: Story) -> str:
    """An AMP page: ``<img>`` is not allowed there, so the plugin writes the pixel as
    ``<amp-img>`` (with its ``<noscript>`` fallback) and the boilerplate scripts are added."""
    tag = pixel_of(s.body)
    src = re.search(r'src="([^"]+)"', tag)
    assert src is not None
    amp_img = (
        f'<amp-img src="{src.group(1)}" width="1" height="1" layout="fixed" alt="">'
        f"<noscript>{tag}</noscript></amp-img>"
    )
    html = page(
        s.head,
        s.body.replace(tag, amp_img),
        extra_head='<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
        "<style amp-boilerplate>body{visibility:hidden}</style>\n",
    )
    return html.replace("<html lang='en'>", "<html amp lang='en'>")


def amp_pixel(s: Story) -> str:
    """An AMP page whose plugin turns the 1x1 image into ``<amp-pixel>``."""
    tag = pixel_of(s.body)
    src = re.search(r'src="([^"]+)"', tag)
    assert src is not None
    return page(s.head, s.body.replace(tag, f'<amp-pixel src="{src.group(1)}" layout="nodisplay">'))


def _nbsp_and_shy(text: str) -> str:
    text = re.sub(r" (\w{1,3}) ", r" \1&nbsp;", text, count=3)
    return re.sub(r"(?<=[a-z]{4})(?=[a-z]{4,})", "&shy;", text, count=2)


def nbsp_and_soft_hyphens(s: Story) -> str:
    """Non-breaking spaces after short words, soft hyphens in long ones (in text only)."""
    paragraphs = story_paragraphs(s.body)
    body = s.body
    for p in paragraphs[:3]:
        body = body.replace(p, in_text(p, _nbsp_and_shy))
    return page(s.head, body)


def windows_line_endings(s: Story) -> str:
    return plain(s).replace("\n", "\r\n")


def windows_1252(s: Story) -> bytes:
    """Saved by an older CMS in windows-1252, with a charset meta saying so."""
    return page(s.head, s.body, charset="windows-1252").encode("cp1252", "xmlcharrefreplace")


def own_json_ld(s: Story) -> str:
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":'
        '"NewsArticle","headline":"Partner headline","author":{"@type":"Person","name":'
        '"Pat Partner"},"publisher":{"@type":"Organization","name":"Partner News"}}</script>\n'
    )
    return page(s.head, s.body, extra_head=ld)


def headings_relevelled(s: Story) -> str:
    """The theme prints the headline; the editor made the story's h2s h3s."""
    body = re.sub(r"<h2>(.*?)</h2>", r"<h3>\1</h3>", s.body)
    return page(s.head, re.sub(r"<h1>(.*?)</h1>", r"<h2>\1</h2>", body))


def bold_italic_swapped(s: Story) -> str:
    """Words set in ``<b>`` and ``<i>``, then turned into ``<strong>`` and ``<em>``."""
    first = story_paragraphs(s.body)[0]
    styled = in_text(first, lambda t: re.sub(r"\b(\w{5,})\b", r"<b>\1</b>", t, count=1))
    styled = in_text(styled, lambda t: re.sub(r"\b(\w{6,})\b", r"<i>\1</i>", t, count=1))
    html = page(s.head, s.body.replace(first, styled))
    return (
        html.replace("<b>", "<strong>")
        .replace("</b>", "</strong>")
        .replace("<i>", "<em>")
        .replace("</i>", "</em>")
    )


def tweets_widget_kept(s: Story) -> str:
    """Quotes made back into embedded posts, with the widget's script."""
    body = s.body.replace("<blockquote>", '<blockquote class="twitter-tweet" data-lang="en">')
    body = body.replace(
        "</blockquote>",
        '</blockquote>\n<script async src="https://platform.twitter.com/widgets.js"'
        ' charset="utf-8"></script>',
    )
    return page(s.head, body)


def tweets_dropped(s: Story) -> str:
    """The embedded posts left out, which the profile allows when it drops embeds."""
    return page(s.head, re.sub(r"<blockquote>.*?</blockquote>\n?", "", s.body, flags=re.DOTALL))


def mid_story_ads(s: Story) -> str:
    """An ad plugin's slots between paragraphs, each with its label."""
    paragraphs = story_paragraphs(s.body)
    slots = (
        '<div class="code-block code-block-2"><div class="ad-label">Advertisement</div>'
        '<ins class="adsbygoogle" data-ad-slot="123"></ins>'
        "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>",
        '<div class="ad-container"><span>ADVERTISEMENT</span><div id="gpt-ad-2"></div></div>',
    )
    body = s.body
    for p, slot in zip(paragraphs[1:3], slots, strict=True):
        body = body.replace(p, f"{p}\n{slot}")
    return page(s.head, body)


def content_plugins(s: Story) -> str:
    """Plugins appending to the post's content: share buttons, likes, related posts."""
    tail = (
        '<div class="sharedaddy"><h3 class="sd-title">Share this:</h3><ul><li><a href="?share='
        'twitter">Twitter</a></li><li><a href="?share=facebook">Facebook</a></li></ul></div>'
        '<div class="jp-relatedposts"><h3>Related</h3><div class="jp-relatedposts-post">'
        '<h4><a href="/2025/04/bridge/">Footbridge vote delayed again as costs rise</a></h4>'
        "<p>In &quot;Local News&quot;</p></div></div>"
    )
    return page(s.head, s.body + "\n" + tail)


def pixel_in_paragraph(s: Story) -> str:
    """wpautop wraps the lone pixel in a paragraph; the editor left empty ones between."""
    tag = pixel_of(s.body)
    body = s.body.replace(tag, f"<p>{tag}</p>").replace("</p>\n<p", "</p>\n<p>&nbsp;</p>\n<p", 2)
    return page(s.head, body)


def theme_headline_and_meta(s: Story) -> str:
    """The theme prints the post's title and meta over the content, the embed's own headline
    and byline kept inside it."""
    title = re.search(r"<h1>.*?</h1>", s.body)
    assert title is not None
    themed = title.group().replace("<h1>", '<h1 class="entry-title">')
    before = (
        f'<header class="entry-header">{themed}'
        '<div class="entry-meta"><span class="posted-on">Posted on May 2, 2025</span> '
        '<span class="cat-links">in <a href="/category/news/">News</a></span></div></header>'
    )
    return page(s.head, s.body, before=before)


def paragraph_ad_label(s: Story) -> str:
    """An ad slot labelled by a paragraph between two of the story's."""
    p = story_paragraphs(s.body)[1]
    slot = '<div class="ad"><p class="ad-label">Advertisement</p><div id="ad-3"></div></div>'
    return page(s.head, s.body.replace(p, f"{p}\n{slot}"))


def pixel_lazy_loaded_by_plugin(s: Story) -> str:
    """A lazy-loading plugin: a placeholder in ``src``, the URL in ``data-lazy-src``, the
    original image in ``<noscript>`` for browsers without scripts."""
    tag = pixel_of(s.body)
    src = re.search(r'src="([^"]+)"', tag)
    assert src is not None
    lazy = tag.replace(
        f'src="{src.group(1)}"',
        'src="data:image/svg+xml,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22%3E%3C/svg%3E" '
        f'data-lazy-src="{src.group(1)}"',
    )
    return page(s.head, s.body.replace(tag, f"{lazy}<noscript>{tag}</noscript>"))


def bare_fragment(s: Story) -> str:
    """The embed as pasted, nothing around it (a pre-commit check of the post's body)."""
    return s.head + "\n" + s.body


CLEAN: dict[str, Callable[[Story], str | bytes]] = {
    f.__name__: f
    for f in (
        wptexturize,
        wpautop,
        gutenberg,
        links_rel_target,
        links_utm,
        links_http,
        links_slash,
        pixel_attributes,
        pixel_at_end_of_body,
        canonical_in_head_with_og_url,
        theme,
        amp,
        amp_pixel,
        nbsp_and_soft_hyphens,
        windows_line_endings,
        windows_1252,
        own_json_ld,
        headings_relevelled,
        bold_italic_swapped,
        tweets_widget_kept,
        tweets_dropped,
        mid_story_ads,
        content_plugins,
        pixel_in_paragraph,
        theme_headline_and_meta,
        paragraph_ad_label,
        pixel_lazy_loaded_by_plugin,
        bare_fragment,
    )
}


@pytest.mark.parametrize("key", STORIES)
@pytest.mark.parametrize("case", sorted(CLEAN))
def test_what_a_partner_cms_does_lints_clean(case: str, key: str) -> None:
    s = story(key)
    copy = CLEAN[case](s)
    verdict = lint_copy(copy, s.article, s.profile)
    assert [(v.rule, v.message) for v in verdict.violations] == []


@pytest.mark.parametrize("key", STORIES)
def test_the_whole_embed_pasted_into_the_content_area_warns_of_its_canonical_link(
    key: str,
) -> None:
    s = story(key)
    verdict = lint_copy(canonical_in_body(s), s.article, s.profile)
    assert [(v.rule, v.severity) for v in verdict.violations] == [("canonical-in-body", "warning")]
    assert verdict.ok


# ---------------------------------------------------------------- what changes the story


def paragraph_dropped(s: Story) -> str:
    plain_ones = [p for p in story_paragraphs(s.body) if "<a " not in p]
    return page(s.head, s.body.replace(plain_ones[1], ""))


def sentence_reworded(s: Story) -> str:
    p = [p for p in story_paragraphs(s.body) if "<a " not in p][1]
    first = re.search(r"<p>([^<.]*?)\.", p)
    assert first is not None
    return page(s.head, s.body.replace(first.group(1), "Officials said little about any of it"))


def word_inserted(s: Story) -> str:
    p = story_paragraphs(s.body)[0]
    inserted = re.sub(r"(?<=>)([^<]*?\w) ", r"\1 allegedly ", p, count=1)
    return page(s.head, s.body.replace(p, inserted))


def editors_note_inserted(s: Story) -> str:
    p = story_paragraphs(s.body)[1]
    note = (
        "<p><em>Editor's note: Partner News has asked the people named here for comment and "
        "will update this story.</em></p>"
    )
    return page(s.head, s.body.replace(p, p + "\n" + note))


def link_unwrapped(s: Story) -> str:
    href = body_links(s.body)[0]
    body = re.sub(rf'<a href="{re.escape(href)}">(.*?)</a>', r"\1", s.body, count=1)
    return page(s.head, body)


def link_retargeted(s: Story) -> str:
    href = body_links(s.body)[-1]
    return page(s.head, s.body.replace(f'href="{href}"', f'href="{PARTNER}/tag/water/"', 1))


def pixel_post_changed(s: Story) -> str:
    return page(s.head, re.sub(r"post=(\d+)", lambda m: f"post={m.group(1)}9", s.body))


def pixel_removed(s: Story) -> str:
    return page(s.head, s.body.replace(pixel_of(s.body), ""))


def pixel_in_noscript(s: Story) -> str:
    tag = pixel_of(s.body)
    return page(s.head, s.body.replace(tag, f"<noscript>{tag}</noscript>"))


def canonical_to_partner(s: Story) -> str:
    head = re.sub(r'href="[^"]+"', f'href="{PARTNER}/2025/05/story/"', s.head)
    return page(head, s.body)


def credit_removed(s: Story) -> str:
    return page(s.head, re.sub(r'<p class="credit">.*?</p>', "", s.body))


def byline_to_partner_staff(s: Story) -> str:
    return page(
        s.head, re.sub(r'(<p class="byline">).*?</p>', r"\1By Pat Partner, Staff</p>", s.body)
    )


def original_image_left_in(s: Story) -> str:
    src = s.article.images[0].src
    figure = f'<figure><img src="{src}" alt=""><figcaption>Photo</figcaption></figure>'
    return page(
        s.head, s.body.replace('<p class="images-note">', figure + '\n<p class="images-note">')
    )


def headline_changed(s: Story) -> str:
    return page(s.head, re.sub(r"<h1>.*?</h1>", "<h1>You won't believe this story</h1>", s.body))


FLAGGED: dict[str, tuple[Callable[[Story], str], str]] = {
    f.__name__: (f, slug)
    for f, slug in (
        (paragraph_dropped, "text-altered"),
        (sentence_reworded, "text-altered"),
        (word_inserted, "text-altered"),
        (editors_note_inserted, "text-altered"),
        (link_unwrapped, "links-removed"),
        (link_retargeted, "links-removed"),
        (pixel_post_changed, "pixel-altered"),
        (pixel_removed, "pixel-missing"),
        (pixel_in_noscript, "pixel-missing"),
        (canonical_to_partner, "canonical-mismatch"),
        (credit_removed, "credit-missing"),
        (byline_to_partner_staff, "byline-missing"),
        (original_image_left_in, "image-present"),
        (headline_changed, "headline-altered"),
    )
}


def applies(case: str, s: Story) -> bool:
    """Whether a change can be made to this story under its profile."""
    if case.startswith("link_"):
        return bool(body_links(s.body))
    if case == "byline_to_partner_staff":
        return bool(s.article.authors)
    if case == "original_image_left_in":
        return "images" in s.profile.copy_.drop and bool(s.article.images)
    return True


FLAG_PARAMS = [
    (case, key) for case in sorted(FLAGGED) for key in STORIES if applies(case, story(key))
]


def assert_at_start_tags(copy: str, verdict: Verdict) -> None:
    """Every violation has a line and a column at the ``<`` of a start tag of the copy."""
    lines = copy.splitlines()
    for v in verdict.violations:
        assert v.line is not None
        assert v.column is not None
        assert lines[v.line - 1][v.column - 1 :].startswith("<"), (v, lines[v.line - 1])


@pytest.mark.parametrize(("case", "key"), FLAG_PARAMS)
def test_what_changes_the_story_is_flagged_at_a_start_tag(case: str, key: str) -> None:
    s = story(key)
    make, slug = FLAGGED[case]
    copy = make(s)
    verdict = lint_copy(copy, s.article, s.profile)
    assert {v.rule for v in verdict.violations} == {slug}, verdict.violations
    assert_at_start_tags(copy, verdict)


def test_a_section_heading_over_the_story_is_not_a_changed_headline() -> None:
    """The headline left to the partner's CMS field; the story's own first heading on top."""
    s = story("inn/water-district-audit")
    body = re.sub(r"<h1>.*?</h1>", "", s.body).replace("<h2>Who owes what</h2>\n", "")
    first = story_paragraphs(body)[0]
    body = body.replace(first, "<h2>Who owes what</h2>\n" + first)
    verdict = lint_copy(page(s.head, body), s.article, s.profile)
    assert [v.rule for v in verdict.violations if v.rule == "headline-altered"] == []


# ---------------------------------------------------------------- paragraph styles

STYLED = "inn/water-district-audit+styles"
# The water-district story as a newsroom might also have written it: a phrase in <em>, a
# figure in <strong>, the report's words set apart in a <blockquote>.
STYLE_EDITS = (
    (
        "the district &#8220;accepts the findings&#8221;",
        "the district <em>accepts the findings</em>",
    ),
    ("about $5.6 million more", "about <strong>$5.6 million</strong> more"),
    (
        " &#8220;The board relied entirely on staff,&#8221; the report says, &#8220;and staff "
        "relied on a spreadsheet inherited from a former employee.&#8221;</p>",
        " The report says:</p><blockquote><p>The board relied entirely on staff, and staff "
        "relied on a spreadsheet inherited from a former employee.</p></blockquote>",
    ),
)
STYLE_STORIES = ("inn/water-district-audit", "forward/tablet-first-appeared", STYLED)


@cache
def styled_story() -> Story:
    key = "inn/water-district-audit"
    html = (PAGES / f"{key}.html").read_text(encoding="utf-8")
    for old, new in STYLE_EDITS:
        assert old in html, old
        html = html.replace(old, new, 1)
    facts = FACTS[key]
    article = parse_article(html.encode(), url=facts["url"])
    profile = load_profile(facts.get("profile", "forward"))
    snippet = emit_snippet(article, profile)
    return Story(STYLED, article, profile, snippet.head, snippet.body)


def style_story(key: str) -> Story:
    return styled_story() if key == STYLED else story(key)


def _swap_tags(body: str, old: str, new: str) -> str:
    return re.sub(rf"<(/?){old}>", rf"<\1{new}>", body)


def _docs_span(text: str, style: str = "") -> str:
    return (
        '<span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;'
        f'background-color:transparent;font-weight:400;font-style:normal;{style}">{text}</span>'
    )


def _docs_inline(html: str) -> str:
    """A paragraph's inner HTML as Google Docs writes it: runs of styled spans."""
    html = re.sub(r"<(em|i)>(.*?)</\1>", lambda m: _docs_span(m[2], "font-style:italic;"), html)
    html = re.sub(r"<(strong|b)>(.*?)</\1>", lambda m: _docs_span(m[2], "font-weight:700;"), html)
    return re.sub(r"(?:(?<=>)|^)([^<]+)(?=<|$)", lambda m: _docs_span(m[1]), html)


def google_docs_paste(s: Story) -> str:
    """The story written in Google Docs and pasted into the CMS: everything inside the
    clipboard's ``<b style="font-weight:normal" id="docs-internal-guid-…">``, each block
    ``dir="ltr"`` with its text in spans, emphasis as spans styled italic or bold, a list
    item's text in a ``<p role="presentation">``."""
    head, _, rest = s.body.partition('<p class="images-note">')
    story_html, _, tail = rest.partition('<p class="credit">')
    story_html = '<p class="images-note">' + story_html

    def block(m: re.Match[str]) -> str:
        tag, inner = m[1], m[2]
        if tag == "li":
            return (
                '<li dir="ltr" style="list-style-type:disc;font-size:11pt" aria-level="1">'
                f'<p dir="ltr" role="presentation">{_docs_inline(inner)}</p></li>'
            )
        return f'<{tag} dir="ltr">{_docs_inline(inner)}</{tag}>'

    docs = re.sub(r"<(p|h[1-6]|li)>(.*?)</\1>", block, story_html, flags=re.DOTALL)
    docs = docs.replace("<ul>", '<ul style="margin-top:0;margin-bottom:0">')
    wrapped = (
        '<b style="font-weight:normal;" id="docs-internal-guid-7f3c2a1e-7fff-4b1c-9d2e-'
        f'51a0c3e2b9d4">{docs}</b><br>'
    )
    return page(s.head, head + wrapped + '<p class="credit">' + tail)


def headings_relevelled_deeper(s: Story) -> str:
    """Medium, Ghost and Substack keep h1 and h2 for the page: the story's h2s become h4s."""
    return page(s.head, re.sub(r"<h2>(.*?)</h2>", r"<h4>\1</h4>", s.body))


def list_items_in_paragraphs(s: Story) -> str:
    """A Gutenberg list block whose items hold paragraphs (pasted from a rich editor)."""
    body = s.body.replace("<ul>", '<ul class="wp-block-list">')
    return page(s.head, re.sub(r"<li>(.*?)</li>", r"<li><p>\1</p></li>", body))


def quote_block_with_cite(s: Story) -> str:
    """Gutenberg's quote block: the quote's paragraphs, then who said it (a last ``— Name``
    line) in ``<cite>``."""
    body = s.body.replace(
        "<blockquote>",
        '<!-- wp:quote -->\n<blockquote class="wp-block-quote is-layout-flow">',
    ).replace("</blockquote>", "</blockquote>\n<!-- /wp:quote -->")
    body = re.sub(r"<p>(— [^<]*<a [^>]+>[^<]*</a>)</p>", r"<cite>\1</cite>", body)
    return page(s.head, body)


def quote_in_figure(s: Story) -> str:
    """A quote inside a figure, as some editors nest it."""
    body = s.body.replace("<blockquote>", '<figure class="quote"><blockquote>')
    return page(s.head, body.replace("</blockquote>", "</blockquote></figure>"))


def emphasis_old_tags(s: Story) -> str:
    """``<em>`` written as ``<i>``, ``<strong>`` as ``<b>``."""
    return page(s.head, _swap_tags(_swap_tags(s.body, "em", "i"), "strong", "b"))


def emphasis_split(s: Story) -> str:
    """An emphasised phrase split into one element per word (an editor's span per run)."""

    def split(m: re.Match[str]) -> str:
        tag, inner = m[1], m[2]
        if "<" in inner:
            return m[0]
        return " ".join(f"<{tag}>{w}</{tag}>" for w in inner.split(" "))

    return page(s.head, re.sub(r"<(em|strong)>(.*?)</\1>", split, s.body))


def pull_quote_added(s: Story) -> str:
    """The partner's own pull quote: a sentence of the story set large between paragraphs.
    It repeats the story's words and adds none, so it is no added text."""
    paragraphs = story_paragraphs(s.body)
    sentence = re.sub(r"<[^>]+>", "", paragraphs[0]).split(". ")[0]
    pull = (
        '<blockquote class="wp-block-pullquote pullquote alignright"><p>'
        f"{sentence}.</p></blockquote>"
    )
    return page(s.head, s.body.replace(paragraphs[1], f"{pull}\n{paragraphs[1]}"))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def heading_anchors(s: Story) -> str:
    """Headings given ids and self-links (a theme's or a plugin's anchor links)."""
    body = re.sub(
        r"<h([2-6])>(.*?)</h\1>",
        lambda m: (
            f'<h{m[1]} id="{_slug(m[2])}"><a class="anchor" href="#{_slug(m[2])}">'
            f'<span aria-hidden="true">#</span></a>{m[2]}</h{m[1]}>'
        ),
        s.body,
    )
    body = re.sub(
        r"<h([2-6]) id=\"([^\"]+)\"><a class=\"anchor\" href=\"#\2\"><span aria-hidden=\"true\">"
        r"#</span></a>",
        r'<h\1 id="\2"><a href="#\2">',
        body,
        count=1,
    )
    return page(s.head, body)


def table_of_contents(s: Story) -> str:
    """A table-of-contents plugin's box after the second paragraph (none without headings)."""
    headings = re.findall(r"<h([2-6])>(.*?)</h\1>", s.body)
    if not headings:
        return plain(s)
    items = "".join(f'<li><a href="#{_slug(text)}">{text}</a></li>' for _, text in headings)
    toc = (
        '<div id="ez-toc-container" class="ez-toc-v2_0 counter-hierarchy">'
        '<div class="ez-toc-title-container"><p class="ez-toc-title">Table of Contents</p></div>'
        f'<nav><ul class="ez-toc-list ez-toc-list-level-1">{items}</ul></nav></div>'
    )
    body = re.sub(
        r"<h([2-6])>(.*?)</h\1>",
        lambda m: (
            f'<h{m[1]}><span class="ez-toc-section" id="{_slug(m[2])}"></span>{m[2]}</h{m[1]}>'
        ),
        s.body,
    )
    first = story_paragraphs(body)[1]
    return page(s.head, body.replace(first, f"{first}\n{toc}", 1))


def drupal_fields(s: Story) -> str:
    """Drupal's field wrappers around the body, each block's text formatted as it was."""
    return page(
        s.head,
        '<div class="clearfix text-formatted field field--name-body field--type-text-with-summary'
        ' field--label-hidden field__item"><div class="field__items"><div class="field__item '
        f'even" property="content:encoded">\n{s.body}\n</div></div></div>',
    )


def list_numbered(s: Story) -> str:
    """A bulleted list made a numbered one: still a list."""
    return page(s.head, s.body.replace("<ul>", "<ol>").replace("</ul>", "</ol>"))


def headings_bold_inside(s: Story) -> str:
    """Headings whose text an editor also set bold (a paste from a word processor)."""
    return page(s.head, re.sub(r"<h([2-6])>(.*?)</h\1>", r"<h\1><strong>\2</strong></h\1>", s.body))


def whole_paragraph_styled(s: Story) -> str:
    """A paragraph emphasised as a whole, its ``<em>`` made the paragraph's own style."""
    return page(
        s.head,
        re.sub(r"<p><em>(.*?)</em></p>", r'<p style="font-style: italic;">\1</p>', s.body),
    )


STYLE_CLEAN: dict[str, Callable[[Story], str | bytes]] = {
    f.__name__: f
    for f in (
        google_docs_paste,
        headings_relevelled,
        headings_relevelled_deeper,
        gutenberg,
        list_items_in_paragraphs,
        quote_block_with_cite,
        quote_in_figure,
        emphasis_old_tags,
        bold_italic_swapped,
        emphasis_split,
        pull_quote_added,
        heading_anchors,
        table_of_contents,
        drupal_fields,
        amp,
        list_numbered,
        headings_bold_inside,
        whole_paragraph_styled,
    )
}


@pytest.mark.parametrize("key", STYLE_STORIES)
@pytest.mark.parametrize("case", sorted(STYLE_CLEAN))
def test_what_a_cms_does_to_the_styles_lints_clean(case: str, key: str) -> None:
    s = style_story(key)
    copy = STYLE_CLEAN[case](s)
    verdict = lint_copy(copy, s.article, s.profile)
    assert [(v.rule, v.message) for v in verdict.violations] == []


def heading_made_bold_paragraph(s: Story) -> str:
    return page(s.head, re.sub(r"<h2>(.*?)</h2>", r"<p><strong>\1</strong></p>", s.body))


def list_flattened(s: Story) -> str:
    """The list's items run together in one paragraph."""
    items = re.findall(r"<li>(.*?)</li>", s.body)
    return page(s.head, re.sub(r"<ul>.*?</ul>", f"<p>{'; '.join(items)}.</p>", s.body, flags=re.S))


def list_as_bullet_paragraphs(s: Story) -> str:
    """The list's items as paragraphs starting with a bullet character."""
    return page(
        s.head,
        re.sub(
            r"<ul>\n?(.*?)</ul>",
            lambda m: re.sub(r"<li>(.*?)</li>", r"<p>• \1</p>", m[1]),
            s.body,
            flags=re.S,
        ),
    )


def quote_made_paragraph(s: Story) -> str:
    body = re.sub(r"<blockquote>\s*(.*?)\s*</blockquote>", r"\1", s.body, flags=re.S)
    return page(s.head, body)


def emphasis_stripped(s: Story) -> str:
    return page(s.head, re.sub(r"</?(em|strong|i|b)>", "", s.body))


def heading_reworded(s: Story) -> str:
    return page(s.head, re.sub(r"<h2>.*?</h2>", "<h2>Who pays the money back</h2>", s.body))


def list_item_dropped(s: Story) -> str:
    items = re.findall(r"<li>.*?</li>\n?", s.body)
    return page(s.head, s.body.replace(items[1], ""))


def link_and_emphasis_lost(s: Story) -> str:
    """The story's paragraphs pasted as plain text: their links and their emphasis gone."""
    body = s.body
    for p in story_paragraphs(s.body):
        body = body.replace(p, "<p>" + re.sub(r"<[^>]+>", "", p) + "</p>")
    return page(s.head, body)


def google_docs_paste_styles_lost(s: Story) -> str:
    """A Google Docs paste whose headings were typed as bold lines and whose emphasis was
    never set: the clipboard's plain ``<b style="font-weight:normal">`` around it all."""
    body = re.sub(r"<h2>(.*?)</h2>", r'<p><span style="font-weight:700">\1</span></p>', s.body)
    body = re.sub(r"<p>((?:(?!</p>).)*?)<(em|strong)>(.*?)</\2>", r"<p>\1\3", body)
    return google_docs_paste(Story(s.key, s.article, s.profile, s.head, body))


STYLE_FLAGGED: dict[str, tuple[Callable[[Story], str], set[str]]] = {
    f.__name__: (f, slugs)
    for f, slugs in (
        (heading_made_bold_paragraph, {"styles-removed"}),
        (list_flattened, {"styles-removed"}),
        (list_as_bullet_paragraphs, {"styles-removed"}),
        (quote_made_paragraph, {"styles-removed"}),
        (emphasis_stripped, {"styles-removed"}),
        (heading_reworded, {"text-altered"}),
        (list_item_dropped, {"text-altered"}),
        (link_and_emphasis_lost, {"links-removed", "styles-removed"}),
        (google_docs_paste_styles_lost, {"styles-removed"}),
    )
}


def style_applies(case: str, s: Story) -> bool:
    """Whether the story has what the change takes away."""
    needs = {
        "heading_made_bold_paragraph": "<h2>",
        "heading_reworded": "<h2>",
        "list_flattened": "<ul>",
        "list_as_bullet_paragraphs": "<ul>",
        "list_item_dropped": "<ul>",
        "quote_made_paragraph": "<blockquote>",
        "emphasis_stripped": "<em>",
    }
    if case == "google_docs_paste_styles_lost":
        return "<h2>" in s.body or "<em>" in s.body or "<strong>" in s.body
    if case == "link_and_emphasis_lost":
        paragraphs = "".join(story_paragraphs(s.body))
        return "<a " in paragraphs and ("<em>" in paragraphs or "<strong>" in paragraphs)
    return needs.get(case, "") in s.body


STYLE_FLAG_PARAMS = [
    (case, key)
    for case in sorted(STYLE_FLAGGED)
    for key in STYLE_STORIES
    if style_applies(case, style_story(key))
]


@pytest.mark.parametrize(("case", "key"), STYLE_FLAG_PARAMS)
def test_what_changes_the_styles_is_flagged_at_a_start_tag(case: str, key: str) -> None:
    s = style_story(key)
    make, slugs = STYLE_FLAGGED[case]
    copy = make(s)
    verdict = lint_copy(copy, s.article, s.profile)
    assert {v.rule for v in verdict.violations} == slugs, verdict.violations
    assert_at_start_tags(copy, verdict)


# ---------------------------------------------------------------- more of what a CMS does


def drop_cap(s: Story) -> str:
    """The first letter of the story set as a drop cap in its own span."""
    first = story_paragraphs(s.body)[0]
    capped = re.sub(r"^<p>(\w)", r'<p class="has-drop-cap"><span class="dropcap">\1</span>', first)
    return page(s.head, s.body.replace(first, capped))


def word_break_opportunities(s: Story) -> str:
    """``<wbr>`` inside long words and a ``<!--more-->`` span, as editors insert them."""
    first, second = story_paragraphs(s.body)[:2]
    broken = in_text(first, lambda t: re.sub(r"\b(\w{5})(\w{5,})\b", r"\1<wbr>\2", t, count=2))
    more = re.sub(r"^<p>", '<p><span id="more-18734"></span>', second)
    return page(s.head, s.body.replace(first, broken).replace(second, more))


def emoji_as_images(s: Story) -> str:
    """WordPress's emoji script: every emoji an ``<img class="emoji">`` with the emoji as alt."""
    body = re.sub(
        "([\U0001f300-\U0001faff])",
        lambda m: (
            f'<img draggable="false" role="img" class="emoji" alt="{m[1]}" '
            f'src="https://s.w.org/images/core/emoji/15.0.3/svg/{ord(m[1]):x}.svg">'
        ),
        s.body,
    )
    return page(s.head, body)


def pixel_protocol_relative(s: Story) -> str:
    """The pixel's scheme dropped (``//host/...``), as some editors save absolute URLs."""
    tag = pixel_of(s.body)
    return page(s.head, s.body.replace(tag, tag.replace('src="https:', 'src="', 1)))


def byline_and_credit_styled(s: Story) -> str:
    """A bold "By" in the byline and the credit line in italics (the partner's house style)."""
    body = re.sub(r'<p class="byline">By ', '<p class="byline"><strong>By</strong> ', s.body)
    body = re.sub(r'(<p class="credit">)(.*?)</p>', r"\1<em>\2</em></p>", body)
    return page(s.head, body)


MORE_CLEAN: dict[str, Callable[[Story], str | bytes]] = {
    f.__name__: f
    for f in (
        drop_cap,
        word_break_opportunities,
        emoji_as_images,
        pixel_protocol_relative,
        byline_and_credit_styled,
    )
}
MORE_STORIES = (*STORIES, "amp/cedar-valley-library-levy", "forward/tablet-first-appeared")


MORE_CLEAN_PARAMS = [
    (case, key)
    for case in sorted(MORE_CLEAN)
    for key in MORE_STORIES
    if case != "pixel_protocol_relative" or PIXEL.search(story(key).body)
]


@pytest.mark.parametrize(("case", "key"), MORE_CLEAN_PARAMS)
def test_more_of_what_a_cms_does_lints_clean(case: str, key: str) -> None:
    s = story(key)
    copy = MORE_CLEAN[case](s)
    verdict = lint_copy(copy, s.article, s.profile)
    assert [(v.rule, v.message) for v in verdict.violations] == []


def number_changed(s: Story) -> str:
    """A figure of the story changed by one digit."""
    p = next(p for p in story_paragraphs(s.body) if re.search(r"\d", p))
    changed = in_text(p, lambda t: re.sub(r"\d", lambda m: str((int(m[0]) + 1) % 10), t, count=1))
    return page(s.head, s.body.replace(p, changed))


def paragraphs_swapped(s: Story) -> str:
    first, second = story_paragraphs(s.body)[:2]
    return page(s.head, s.body.replace(first, "\0").replace(second, first).replace("\0", second))


def teaser_only(s: Story) -> str:
    """The story cut after its first paragraph, a "read the full story" link in its place."""
    paragraphs = story_paragraphs(s.body)
    body = s.body
    for p in paragraphs[1:]:
        body = body.replace(p, "")
    body = re.sub(r"<(h2|ul|blockquote)>.*?</\1>\n?", "", body, flags=re.S)
    read = f'<p><a href="{s.article.canonical_url}">Read the full story</a></p>'
    return page(s.head, body.replace(paragraphs[0], paragraphs[0] + "\n" + read))


def links_through_affiliate_redirect(s: Story) -> str:
    """An affiliate plugin sends every outbound link of the text through the partner."""
    body = s.body
    for p in story_paragraphs(s.body):
        body = body.replace(
            p,
            re.sub(
                r'href="(https?://[^"]+)"',
                lambda m: (
                    f'href="{PARTNER}/go/?url={m[1].replace(":", "%3A").replace("/", "%2F")}"'
                ),
                p,
            ),
        )
    return page(s.head, body)


def byline_removed(s: Story) -> str:
    return page(s.head, re.sub(r'<p class="byline">.*?</p>\n?', "", s.body))


MORE_FLAGGED: dict[str, tuple[Callable[[Story], str], str]] = {
    f.__name__: (f, slug)
    for f, slug in (
        (number_changed, "text-altered"),
        (paragraphs_swapped, "text-altered"),
        (teaser_only, "text-altered"),
        (links_through_affiliate_redirect, "links-removed"),
        (byline_removed, "byline-missing"),
    )
}


def more_applies(case: str, s: Story) -> bool:
    if case == "links_through_affiliate_redirect":
        return bool(body_links(s.body))
    if case == "number_changed":
        return any(re.search(r"\d", re.sub(r"<[^>]+>", "", p)) for p in story_paragraphs(s.body))
    if case == "byline_removed":
        return bool(s.article.authors)
    return True


def _text_links(html: str) -> list[str]:
    """The links of the story's paragraphs outside quotes (embedded posts may be dropped)."""
    return body_links(re.sub(r"<blockquote>.*?</blockquote>", "", html, flags=re.S))


MORE_FLAG_PARAMS = [
    (case, key)
    for case in sorted(MORE_FLAGGED)
    for key in MORE_STORIES
    if more_applies(case, story(key))
]


@pytest.mark.parametrize(("case", "key"), MORE_FLAG_PARAMS)
def test_more_of_what_changes_the_story_is_flagged_at_a_start_tag(case: str, key: str) -> None:
    s = story(key)
    make, slug = MORE_FLAGGED[case]
    copy = make(s)
    verdict = lint_copy(copy, s.article, s.profile)
    expected = {slug}
    if case == "teaser_only" and set(_text_links(s.body)) - set(_text_links(copy)):
        expected.add("links-removed")  # the paragraphs cut took their links with them
    assert {v.rule for v in verdict.violations} == expected, verdict.violations
    assert_at_start_tags(copy, verdict)


def word_paste(s: Story) -> str:
    """The story written in Microsoft Word and pasted with Word's markup: ``MsoNormal``
    paragraphs with an empty ``<o:p>``, emphasis as ``<i>``/``<b>`` carrying Word's
    ``mso-bidi-font-style:normal`` / ``mso-bidi-font-weight:normal`` (set for right-to-left
    scripts only), headings' text in spans, list items with ``mso-list``."""
    body = re.sub(r"<(em|i)>", "<i style='mso-bidi-font-style:normal'>", s.body)
    body = re.sub(r"</(em|i)>", "</i>", body)
    body = re.sub(r"<(strong|b)>", "<b style='mso-bidi-font-weight:normal'>", body)
    body = re.sub(r"</(strong|b)>", "</b>", body)
    body = re.sub(r"<p>(.*?)</p>", r'<p class="MsoNormal">\1<o:p></o:p></p>', body, flags=re.DOTALL)
    body = re.sub(
        r"<h([2-6])>(.*?)</h\1>",
        r"<h\1><span style='mso-fareast-font-family:\"Times New Roman\"'>\2</span></h\1>",
        body,
    )
    body = body.replace("<ul>", "<ul style='margin-top:0in' type=disc>")
    body = body.replace("<li>", "<li class=MsoNormal style='mso-list:l0 level1 lfo1'>")
    return page(s.head, body)


@pytest.mark.parametrize("key", STYLE_STORIES)
def test_a_word_paste_lints_clean(key: str) -> None:
    s = style_story(key)
    verdict = lint_copy(word_paste(s), s.article, s.profile)
    assert [(v.rule, v.message) for v in verdict.violations] == []
