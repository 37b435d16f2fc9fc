"""Bytes to tree: charsets the way a browser reads them, and trees of bounded depth."""

from __future__ import annotations

import codecs
import time

import lxml.html
import pytest

from syndicate.errors import ParseError
from syndicate.parse import document, markup, parse_article

PARAGRAPH = (
    "<p>{}: the council met on Tuesday evening and voted, after a long and heated debate "
    "about the budget, to widen the old bridge across the river, a plan residents have "
    "argued about for a decade.</p>"
)


def page(body: str, head: str = "") -> str:
    return (
        f"<!doctype html><html><head>{head}<title>Bridge vote</title></head><body><article>"
        f"<h1>Bridge vote</h1>{body}</article></body></html>"
    )


def nested(open_: str, close: str, depth: int) -> str:
    """A page whose middle paragraph sits ``depth`` levels deep, with paragraphs around it."""
    return page(
        PARAGRAPH.format("Before") * 3
        + open_ * depth
        + PARAGRAPH.format("Inside")
        + close * depth
        + PARAGRAPH.format("After") * 3
    )


def tree_depth(root: object) -> int:
    deepest, stack = 0, [(root, 1)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)  # type: ignore[attr-defined]
    return deepest


def test_transport_charset_wins_over_the_page() -> None:
    data = page("<p>Caf\xe9</p>", '<meta charset="utf-8">').encode("cp1252")
    assert "<p>Café</p>" in document.decode(data, encoding="windows-1252")


def test_meta_charset_is_read_and_latin1_means_windows_1252() -> None:
    data = page("<p>\u201cQuoted\u201d</p>", '<meta charset="iso-8859-1">').encode("cp1252")
    assert "\u201cQuoted\u201d" in document.decode(data)


def test_a_byte_order_mark_wins_over_everything() -> None:
    data = codecs.BOM_UTF8 + page("<p>Café</p>", '<meta charset="koi8-r">').encode()
    assert "<p>Café</p>" in document.decode(data, encoding="koi8-r")


def test_undeclared_windows_1252_is_sniffed() -> None:
    data = page("<p>\u201cIt\u2019s done,\u201d she said.</p>").encode("cp1252")
    assert "\u201cIt\u2019s done,\u201d she said." in document.decode(data)


def test_undeclared_windows_1252_after_a_long_ascii_head_is_sniffed_from_its_text() -> None:
    # The detector reads 64 KB: the stretch from the first non-ASCII text, not the head.
    head = "<script>var config = {};</script>" * 4_000
    data = page(head + "<p>\u201cIt\u2019s done,\u201d she said.</p>").encode("cp1252")
    assert "\u201cIt\u2019s done,\u201d she said." in document.decode(data)


def test_undeclared_windows_1251_russian_keeps_its_capitals() -> None:
    # Detectors take it for MacCyrillic, which shares only the lower-case letters.
    story = "<h1>Городской совет расширил автобусную сеть</h1>" + (
        "<p>Во вторник Городской совет проголосовал за расширение автобусной сети, добавив "
        "три маршрута, которые соединят восточные районы с больницей.</p>" * 4
    )
    assert story in document.decode(page(story).encode("cp1251"))


def test_a_declared_tis_620_is_read_as_windows_874() -> None:
    story = "<p>สภาเมืองขยายเครือข่ายรถเมล์</p>"
    data = page(story, '<meta charset="TIS-620">').encode("cp874")
    assert story in document.decode(data)


def test_invalid_utf8_in_a_page_declaring_utf8_becomes_replacement_characters() -> None:
    story = "<p>Señor Müller’s “naïve” façade, Good PLACEHOLDER bytes.</p>"
    data = page(story, '<meta charset="utf-8">').encode()
    data = data.replace(b"PLACEHOLDER", b"\xff\xfe\xc3(\xed\xa0\x80")
    text = document.decode(data)
    assert "<p>Señor Müller’s “naïve” façade, Good \ufffd" in text
    assert " bytes.</p>" in text


WRONG_LABELS = [
    ("cp1252", "utf-8"),  # an old CMS's windows-1252 page under a UTF-8 template
    ("utf-8", "iso-8859-1"),  # a UTF-8 page under a server's or template's legacy default
]


@pytest.mark.parametrize(("written", "label"), WRONG_LABELS)
@pytest.mark.parametrize("declared_by", ["transport", "meta"])
def test_a_plainly_wrong_charset_label_yields_to_the_bytes(
    written: str, label: str, declared_by: str
) -> None:
    story = "<p>\u201cIt\u2019s done,\u201d she said at the caf\xe9 \u2014 twice.</p>"
    if declared_by == "meta":
        text = document.decode(page(story, f'<meta charset="{label}">').encode(written))
    else:
        text = document.decode(page(story).encode(written), encoding=label)
    assert story in text


def test_a_legacy_page_that_is_not_utf8_keeps_its_label() -> None:
    data = page("<p>\u041d\u043e\u0432\u043e\u0441\u0442\u0438</p>", '<meta charset="koi8-r">')
    assert "\u041d\u043e\u0432\u043e\u0441\u0442\u0438" in document.decode(data.encode("koi8-r"))


@pytest.mark.parametrize(
    "label", ["rot13", "base64", "hex", "zlib", "undefined", "idna", "punycode", "utf-32"]
)
def test_labels_that_are_no_web_encoding_are_ignored(label: str) -> None:
    data = page("<p>Caf\xe9 au lait.</p>", f'<meta charset="{label}">').encode("utf-8")
    assert "Café au lait." in document.decode(data)
    assert document.load(data).findtext(".//title") == "Bridge vote"


def test_utf7_is_never_decoded_into_markup() -> None:
    data = page("<p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p>", '<meta charset="utf-7">')
    root = document.load(data.encode("ascii"), encoding="utf-7")
    assert root.xpath("//script") == []
    assert "+ADw-script+AD4-" in root.text_content()


def test_a_page_claiming_utf16_in_its_meta_is_read_as_utf8() -> None:
    data = page("<p>Café</p>", '<meta charset="utf-16">').encode("utf-8")
    assert "<p>Café</p>" in document.decode(data)


def test_nul_bytes_and_an_xml_declaration_do_not_stop_the_parse() -> None:
    text = '<?xml version="1.0" encoding="utf-8"?>' + page("<p>One\x00two</p>")
    root = document.load(text)
    assert root.xpath("string(//p)") == "One\ufffdtwo"


@pytest.mark.parametrize("data", [b"", b"   \n", ""])
def test_an_empty_document_is_a_parse_error(data: bytes | str) -> None:
    with pytest.raises(ParseError, match="empty document"):
        document.load(data)


@pytest.mark.parametrize(
    ("open_", "close", "depth"),
    [
        ("<div>", "</div>", 200_000),
        ("<span>", "</span>", 200_000),
        ("<b><i>", "</i></b>", 200_000),
        ("<blockquote>", "</blockquote>", 200_000),
        # Tags that close their siblings are not flattened, so every level stays an element:
        # as deep as MAX_ELEMENTS allows.
        ("<ul><li>", "</li></ul>", 20_000),
        ("<table><tr><td>", "</td></tr></table>", 15_000),
        ("<div>", "", 200_000),
    ],
)
def test_markup_nested_deep_loads_whole_and_shallow(open_: str, close: str, depth: int) -> None:
    started = time.monotonic()
    root = document.load(nested(open_, close, depth))
    elapsed = time.monotonic() - started
    text = root.text_content()
    assert all(f"{word}: the council" in text for word in ("Before", "Inside", "After"))
    assert tree_depth(root) <= document.MAX_DEPTH
    assert elapsed < 10


def test_markup_nested_200000_levels_deep_parses_into_an_article() -> None:
    article = parse_article(nested("<div>", "</div>", 200_000).encode())
    assert article.title == "Bridge vote"
    assert "Before: the council" in article.body_text
    assert "After: the council" in article.body_text


def test_flatten_leaves_ordinary_pages_alone() -> None:
    text = nested("<div>", "</div>", 50) + "<script>" + "'<div>' + " * 1000 + "</script>"
    assert markup.flatten(text) == text


def test_flatten_drops_only_the_tags_past_the_limit() -> None:
    text = "<div>" * 5 + "deep" + "</div>" * 5 + "<p>after</p>"
    assert markup.flatten(text, max_depth=3) == "<div>" * 3 + "deep" + "</div>" * 3 + (
        "<p>after</p>"
    )


def test_a_30_mb_page_loads_in_bounded_time() -> None:
    paragraph = PARAGRAPH.format("Again" + " and again" * 60)
    body = paragraph * (30_000_000 // len(paragraph))
    started = time.monotonic()
    root = document.load(page(body).encode())
    assert time.monotonic() - started < 15
    assert len(root.xpath("//p")) == 30_000_000 // len(paragraph)


@pytest.mark.parametrize("markup", ["<b></b>", "<p>x", '<a href="/x">x</a> ', "<time>1</time>"])
def test_a_page_of_a_million_elements_is_refused_fast(markup: str) -> None:
    html = page(PARAGRAPH.format("Before") + markup * 1_000_000).encode()
    started = time.monotonic()
    cap = r"over the cap of [\d,]{7} for [\d,]{9,10} bytes"
    with pytest.raises(ParseError, match=rf"^1,000,\d{{3}} elements, {cap}$"):
        document.load(html)
    assert time.monotonic() - started < 5


def test_a_page_within_the_element_cap_loads() -> None:
    html = page("<b></b>" * (document.MAX_ELEMENTS - 100))
    assert len(document.load(html).xpath("//b")) == document.MAX_ELEMENTS - 100


def test_a_large_page_may_have_one_element_per_40_bytes() -> None:
    line = (
        '<p>Item: the council met on <a href="/x">Tuesday</a> and voted to <em>rebuild</em>'
        " the old footbridge after two years of debate about its cost.</p>\n"
    )
    count = 50_000  # 150,000 elements, one per 47 bytes
    root = document.load(page(line * count))
    assert len(root.xpath("//p")) == count


@pytest.mark.parametrize("void", ["wbr", "embed", "source", "track", "image", "keygen"])
def test_a_void_element_does_not_swallow_what_follows(void: str) -> None:
    root = document.load(page(f"<p>super<{void} src=x>cali<b>fragi</b>listic</p><p>next</p>"))
    element = root.find(f".//{void}")
    assert element is not None
    assert len(element) == 0
    assert not element.text
    assert [p.text_content() for p in root.iter("p")] == ["supercalifragilistic", "next"]


def test_control_characters_and_lone_surrogates_become_replacement_characters() -> None:
    root = document.load(page("<p>a<wbr>\x08b\ud800c\x0cd\ufffee</p>"))
    assert root.xpath("string(//p)") == "a\ufffdb\ufffdc d\ufffde"


def test_controls_and_noncharacters_among_plain_bytes_become_replacement_characters() -> None:
    html = page("<p>caf\u00e9 a\x01b \uffff c\x1fd\ufffe</p>").encode("utf-8")
    root = document.load(html)
    assert root.xpath("string(//p)") == "caf\u00e9 a\ufffdb \ufffd c\ufffdd\ufffd"


@pytest.mark.parametrize("foreign", ["<svg onload=alert(1)><g>", "<math><mrow>"])
def test_html_inside_unclosed_foreign_content_breaks_out_as_in_a_browser(foreign: str) -> None:
    root = document.load(page(f"<p>before</p>{foreign}<p>after</p>tail<p>last</p>"))
    article = root.find(".//article")
    assert article is not None
    assert [child.tag for child in article] == ["h1", "p", foreign[1:5].strip(), "p", "p"]
    assert [p.text_content() for p in article.iter("p")] == ["before", "after", "last"]
    assert article[3].tail == "tail"


def test_a_void_inside_unclosed_foreign_content_is_repaired_with_it() -> None:
    root = document.load(page("<p>before</p><svg><image href=x>cap</image><p>after</p>"))
    article = root.find(".//article")
    assert article is not None
    assert [child.tag for child in article] == ["h1", "p", "svg", "p"]
    assert [p.text_content() for p in article.iter("p")] == ["before", "after"]
    image = article.find("svg/image")
    assert image is not None
    assert not image.text
    assert image.tail == "cap"


def test_html_inside_foreign_integration_points_stays() -> None:
    root = document.load(page("<svg><foreignObject><p>inside</p></foreignObject></svg><p>x</p>"))
    assert root.xpath("//foreignobject/p/text()") == ["inside"]


def test_html_written_from_a_deep_tree_reparses_whole_with_a_default_parser() -> None:
    root = document.load(nested("<blockquote>", "</blockquote>", 300))
    written = lxml.html.tostring(root, encoding="unicode")
    again = lxml.html.document_fromstring(written)
    assert "After: the council" in again.text_content()
    assert tree_depth(root) <= 256


def test_every_element_of_a_loaded_tree_is_a_plain_html_element() -> None:
    root = document.load(
        "<html><body><!-- note --><form><label>Name <input name=q></label>"
        "<select><option>One</option></select><textarea>Text</textarea></form>"
        "<p>Some <b>bold</b> text.</p></body></html>"
    )
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    assert {type(el) for el in elements} == {lxml.html.HtmlElement}
    assert [type(c) for c in root.iter(lxml.etree.Comment)] == [lxml.html.HtmlComment]
    assert root.find(".//p").text_content() == "Some bold text."
    assert root.find(".//label").text_content() == "Name "


def test_decoded_text_is_read_as_is_whatever_charset_its_meta_declares() -> None:
    root = document.load(
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=shift_jis">'
        "</head><body><p>Café — naïve 中文 😀</p></body></html>"
    )
    assert root.find(".//p").text == "Café — naïve 中文 😀"


def names(count: int) -> list[str]:
    return [f"data-a{i}" for i in range(count)]


FLOODS = {
    "unquoted": lambda: " ".join(f"{name}=x" for name in names(200_000)),
    "valueless": lambda: " ".join(names(200_000)),
    "slash-separated": lambda: "/".join(names(200_000)),
    "quoted-angle-brackets": lambda: "".join(f'{name}="<>"' for name in names(200_000)),
    "quote-in-a-name-first": lambda: '=" x=">" ' + " ".join(names(200_000)),
    "quote-in-an-unquoted-value-first": lambda: 'a=b="x c=">" ' + " ".join(names(200_000)),
}


@pytest.mark.parametrize("flood", list(FLOODS))
def test_a_tag_with_200000_attributes_loads_fast_with_the_excess_dropped(flood: str) -> None:
    flooded = f"<p {FLOODS[flood]()}>flooded</p>"
    html = page(PARAGRAPH.format("Before") + flooded + PARAGRAPH.format("After"))
    started = time.monotonic()
    root = document.load(html.encode())
    assert time.monotonic() - started < 2
    (element,) = root.xpath("//p[. = 'flooded']")
    assert 0 < len(element.attrib) <= markup.MAX_ATTRIBUTES
    assert "After: the council" in root.text_content()


def test_a_script_tag_with_200000_attributes_keeps_its_script_as_text() -> None:
    script = "if (a<b) { show('<p class=x>', 1); }"
    html = page(f"<script {' '.join(names(200_000))}>{script}</script>" + PARAGRAPH.format("After"))
    started = time.monotonic()
    root = document.load(html)
    assert time.monotonic() - started < 2
    assert root.xpath("string(//script)") == script
    assert "After: the council" in root.text_content()


def test_dropping_attributes_leaves_tags_in_scripts_comments_and_within_the_cap_alone() -> None:
    many = " ".join(names(markup.MAX_ATTRIBUTES + 10))
    html = page(
        f"<p {' '.join(names(markup.MAX_ATTRIBUTES))}>at the cap</p>"
        f"<script>for (i=0;i<n {many} >\n</script><!-- <p {many}> --><style>a<b {many}</style>"
        f"<title>x<y {many}</title>"
    ).encode()
    assert markup.drop_excess_attributes(html) == html
    wide = f"<p {many}>x</p>".encode()
    kept = f"<p {' '.join(names(markup.MAX_ATTRIBUTES))}>x</p>".encode()
    assert markup.drop_excess_attributes(wide) == kept


def test_a_million_comments_in_a_row_load_fast_keeping_the_text_between_them() -> None:
    body = PARAGRAPH.format("Before") + "<p>one" + "<!---->" * 1_000_000 + "<!-- last -->two</p>"
    html = page(body + PARAGRAPH.format("After"))
    started = time.monotonic()
    article = parse_article(html.encode())
    assert time.monotonic() - started < 5
    assert "onetwo" in article.body_text
    assert "After: the council" in article.body_text


def test_a_long_run_of_comments_between_words_loads_fast_keeping_every_word() -> None:
    words = "".join(f"<!-- -->w{i} " for i in range(100_000))
    html = page(PARAGRAPH.format("Before") + f"<p>{words}end</p>" + PARAGRAPH.format("After"))
    started = time.monotonic()
    root = document.load(html)
    assert time.monotonic() - started < 5  # each tail added in turn: about 40 s
    assert len(root.xpath("//p/comment()")) == document.MAX_COMMENT_RUN
    text = root.xpath("string(//p[2])")
    assert text.split() == [f"w{i}" for i in range(100_000)] + ["end"]


def test_a_run_of_comments_within_the_cap_keeps_every_comment() -> None:
    comments = "".join(f"<!--{i}-->{i}" for i in range(document.MAX_COMMENT_RUN))
    root = document.load(page(f"<p>{comments}</p>"))
    kept = root.xpath("//p/comment()")
    assert len(kept) == document.MAX_COMMENT_RUN
    root = document.load(page(f"<p>{comments}<!--x-->x<!--y-->y</p>"))
    assert len(root.xpath("//p/comment()")) == document.MAX_COMMENT_RUN
    assert root.xpath("string(//p)") == "".join(map(str, range(document.MAX_COMMENT_RUN))) + "xy"


@pytest.mark.parametrize(
    "html",
    [
        # Nested past the tree's depth bound: the deepest element is collapsed into its text.
        "<body>" + "<div>" * 300 + "<p>Deep &#x1F; text &#65535; here</p>" + "</div>" * 300,
        # A <wbr> whose swallowed text is moved after it.
        "<body><p>Fish<wbr>and &#8; chips</p><p>Next.</p>",
        # A reference cut short by a damaged byte.
        "<body>" + "<div>" * 300 + "<p>Cut &#8\x0017; short</p>" + "</div>" * 300,
    ],
)
def test_references_to_characters_a_tree_cannot_hold_become_replacement_characters(
    html: str,
) -> None:
    root = document.load(html.encode("utf-8"))
    text = root.text_content()
    assert "\ufffd" in text
    assert not any(ord(c) < 32 and c not in "\t\n\r" for c in text)
    assert "\ufffe" not in text
    assert "\uffff" not in text
