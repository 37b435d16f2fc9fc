"""Origin signs, one at a time, and the mentions that are not signs.

Inline cases call ``find_origin`` with the metadata and body given explicitly, so each test
sees one sign alone; the fixture cases run the whole parser on the Forward pages.
"""

from __future__ import annotations

import tomllib
from typing import Any

import lxml.html
import pytest
from conftest import PAGES

from syndicate.models import Origin
from syndicate.parse import document, parse_article
from syndicate.parse.body import Body
from syndicate.parse.metadata import Metadata
from syndicate.parse.origin import find_origin, registered_domain
from syndicate.parse.origin_text import NOTE_NEEDS, NOTE_PATTERNS

URL = "https://forward.com/news/1234/a-story/"
FORWARD = {"publisher": "The Forward", "site_name": "The Forward"}


def signs(
    page: str = "",
    *,
    body: str = "",
    head: str = "",
    url: str | None = URL,
    **meta: Any,
) -> tuple[Origin, ...]:
    html = f"<html><head><title>t</title>{head}</head><body>{page}</body></html>"
    fields = {**FORWARD, **meta}
    return find_origin(
        document.load(html), meta=Metadata(**fields), body=Body(html=body, text=""), url=url
    )


def story(*paragraphs: str) -> str:
    filler = [
        "<p>The committee met on Tuesday and heard from a dozen witnesses.</p>",
        "<p>Several members asked for more time to study the proposal.</p>",
        "<p>A final vote is expected next month.</p>",
    ]
    return "\n".join([*paragraphs[:1], *filler, *paragraphs[1:]])


def only(found: tuple[Origin, ...]) -> Origin:
    assert len(found) == 1, found
    return found[0]


# --- bylines ---------------------------------------------------------------------------------


def test_byline_agency_suffix() -> None:
    sign = only(
        signs(byline="By Ron Kampeas , JTA", authors=("Ron Kampeas",), byline_orgs=("JTA",))
    )
    assert (sign.name, sign.kind, sign.evidence) == ("JTA", "byline", "By Ron Kampeas, JTA")


def test_byline_without_organisation_is_no_sign() -> None:
    assert signs(byline="By Jane Doe, Staff Writer", authors=("Jane Doe",)) == ()


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("Tom Krisher, AP Auto Writer", "AP"),
        ("Tom Krisher, Ap Auto Writer", "AP"),
        ("Tom Davies Associated Press", "Associated Press"),
        ("Jane Doe | Reuters", "Reuters"),
        ("JANE DOE, Associated Press Writer", "Associated Press"),
    ],
)
def test_byline_agency_the_metadata_left_joined(byline: str, name: str) -> None:
    sign = only(signs(byline=byline, authors=(byline.split(",")[0],)))
    assert (sign.name, sign.kind, sign.evidence) == (name, "byline", byline)


@pytest.mark.parametrize(
    "byline",
    [
        "Michael Bloomberg",
        "Jane Doe, a former Associated Press reporter",
        "Sarah Ani, Staff Writer",
        "Jane Smith, Ani",
    ],
)
def test_byline_surname_or_former_employer_is_no_sign(byline: str) -> None:
    assert signs(byline=byline, authors=("Jane Doe",)) == ()


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("Detroit News wire services", "wire services"),
        ("From wire reports", "wire reports"),
        ("Guardian staff and agencies", "agencies"),
    ],
)
def test_byline_of_a_wire_roundup(byline: str, name: str) -> None:
    sign = only(signs(byline=byline, authors=(byline,)))
    assert (sign.name, sign.kind) == (name, "byline")


def test_byline_naming_the_publisher_itself_is_no_sign() -> None:
    assert signs(byline="By Forward Staff", byline_orgs=("The Forward",)) == ()


def test_an_agency_on_its_own_site_under_its_brand_is_no_sign() -> None:
    found = signs(
        body=story("<p>WASHINGTON (AP) — The House voted.</p>"),
        url="https://apnews.com/article/house-vote-1234",
        byline="By Jane Doe, Associated Press",
        authors=("Jane Doe",),
        byline_orgs=("Associated Press",),
        publisher="AP News",
        site_name="AP News",
    )
    assert found == ()


# --- datelines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "name", "evidence"),
    [
        ("JERUSALEM (JTA) — Workers found a mosaic.", "JTA", "JERUSALEM (JTA) —"),
        ("WASHINGTON (AP) -- The House voted.", "AP", "WASHINGTON (AP) --"),
        ("TEL AVIV, Israel (Reuters) – Markets fell.", "Reuters", "TEL AVIV, Israel (Reuters) –"),
        ("NEW YORK (Haaretz) — A new exhibit opened.", "Haaretz", "NEW YORK (Haaretz) —"),
        ("KYIV, Ukraine, Jan. 5 (AP) — Sirens sounded.", "AP", "KYIV, Ukraine, Jan. 5 (AP) —"),
        ("(JTA) — A new survey finds.", "JTA", "(JTA) —"),
        ("WASHINGTON (AP) _ The House voted.", "AP", "WASHINGTON (AP) _"),
        ("Paris (AFP) - Strikes halted trains.", "AFP", "Paris (AFP) -"),
        ("The Hague (Reuters) - Judges ruled.", "Reuters", "The Hague (Reuters) -"),
        ("Washington (CNN) — The Senate voted.", "CNN", "Washington (CNN) —"),
        ("New Delhi, Dec 5 (PTI) The government said.", "PTI", "New Delhi, Dec 5 (PTI)"),
        ("BERLIN, 3. März (dpa) - Der Bundestag stimmte.", "dpa", "BERLIN, 3. März (dpa) -"),
    ],
)
def test_dateline_opening_the_body(opening: str, name: str, evidence: str) -> None:
    sign = only(signs(body=story(f"<p>{opening}</p>")))
    assert (sign.name, sign.kind, sign.evidence) == (name, "dateline", evidence)


def test_dateline_after_a_top_note_still_counts() -> None:
    body = "<p><em>Updated at 5 p.m.</em></p>\n<p>JERUSALEM (JTA) — The Knesset voted.</p>"
    assert only(signs(body=body)).name == "JTA"


def test_dateline_deep_in_the_body_is_no_sign() -> None:
    body = story("<p>The story begins here.</p>", "<p>JERUSALEM (JTA) — an old teaser.</p>")
    assert [s for s in signs(body=body) if s.kind == "dateline"] == []


@pytest.mark.parametrize(
    "opening",
    [
        "The Jewish Telegraphic Agency (JTA) — a wire service — reported it.",
        "Jewish Telegraphic Agency (JTA) — a wire service — reported it.",
        "Officials in Kabul (AFP) said the road was closed.",
        "Apple (AAPL) — shares rose.",
        "Paris (Texas) — The town voted.",
        "(UPDATE) — Police said the suspect was arrested.",
        "WASHINGTON (VIDEO) — The House voted.",
    ],
)
def test_parenthesis_that_is_not_a_dateline_is_no_sign(opening: str) -> None:
    assert signs(body=story(f"<p>{opening}</p>")) == ()


def test_publishers_own_dateline_is_no_sign() -> None:
    assert signs(body=story("<p>NEW YORK (Forward) — The rally drew thousands.</p>")) == ()


def test_stations_own_call_sign_in_its_dateline_is_no_sign() -> None:
    footer = "<footer><p>Copyright © 2025 WABC-TV. All Rights Reserved.</p></footer>"
    body = story("<p>NEW JERSEY (WABC) -- A consumer investigation found.</p>")
    own = {"publisher": "ABC7 New York", "site_name": "ABC7 New York"}
    assert signs(f"<h1>H</h1>{footer}", body=body, url="https://abc7ny.com/post/1/", **own) == ()


def test_stations_logo_names_the_site_itself() -> None:
    logo = '<img src="/logo.svg" alt="WABC logo">'
    body = story("<p>NEW JERSEY (WABC) -- A consumer investigation found.</p>")
    own = {"publisher": "ABC7 New York", "site_name": "ABC7 New York"}
    assert signs(f"{logo}<h1>H</h1>", body=body, url="https://abc7ny.com/post/1/", **own) == ()


def test_another_stations_call_sign_is_a_sign() -> None:
    footer = "<footer><p>Copyright © 2025 WABC-TV. All Rights Reserved.</p></footer>"
    body = story("<p>LOS ANGELES (KABC) -- Firefighters battled a blaze.</p>")
    own = {"publisher": "ABC7 New York", "site_name": "ABC7 New York"}
    found = signs(f"<h1>H</h1>{footer}", body=body, url="https://abc7ny.com/post/1/", **own)
    assert only(found).name == "KABC"


def test_photo_credit_and_story_copyright_do_not_make_an_agency_the_site() -> None:
    page = "<h1>H</h1><figure><figcaption>© Reuters</figcaption></figure>"
    note = "<p>Copyright 2025 Reuters. All rights reserved.</p>"
    body = story("<p>LONDON (Reuters) — Markets fell.</p>", note)
    found = signs(page, body=body)
    assert {(s.name, s.kind) for s in found} == {("Reuters", "dateline"), ("Reuters", "note")}


# --- notes -----------------------------------------------------------------------------------


def test_end_note_originally_appeared_with_link() -> None:
    note = '<p><em>This article originally appeared on <a href="https://www.jta.org/x">JTA.org</a>.</em></p>'
    sign = only(signs(body=story("<p>Lead.</p>", note)))
    assert sign == Origin(
        name="JTA.org",
        kind="note",
        evidence="This article originally appeared on JTA.org.",
        url="https://www.jta.org/x",
    )


def test_top_note_originally_published() -> None:
    note = "<p><em>This story was originally published in Haaretz.</em></p>"
    sign = only(signs(body=story(note)))
    assert (sign.name, sign.kind, sign.url) == ("Haaretz", "note", None)


def test_note_first_appeared_in_another_publication() -> None:
    note = "<p>This story first appeared in Tablet Magazine on March 3, 2024.</p>"
    sign = only(signs(body=story("<p>Lead.</p>", note)))
    assert sign.name == "Tablet Magazine"
    assert sign.evidence == "This story first appeared in Tablet Magazine on March 3, 2024."


def test_note_opening_with_originally_published() -> None:
    sign = only(
        signs(body=story("<p>Lead.</p>", "<p>Originally published by The Times of Israel.</p>"))
    )
    assert sign.name == "The Times of Israel"


def test_note_reprinted_with_permission_from() -> None:
    note = "<p><em>Reprinted with permission from the Jewish Journal.</em></p>"
    assert only(signs(body=story("<p>Lead.</p>", note))).name == "the Jewish Journal"


def test_note_republished_with_permission_names_the_linked_outlet() -> None:
    link = '<a href="https://www.kveller.com/essay">Read the original</a>'
    note = f"<p>Republished with permission. {link}.</p>"
    sign = only(signs(body=story("<p>Lead.</p>", note)))
    assert (sign.name, sign.kind, sign.url) == (
        "kveller.com",
        "note",
        "https://www.kveller.com/essay",
    )


def test_note_written_by_and_produced_by() -> None:
    note = (
        "<p><em>This story about tutoring was written by Jill Barshay and produced by"
        " The Hechinger Report, a nonprofit newsroom.</em></p>"
    )
    assert only(signs(body=story("<p>Lead.</p>", note))).name == "The Hechinger Report"


def test_note_subject_about_something_then_originally_published() -> None:
    note = "<p>This story about water rights was originally published by CalMatters.</p>"
    assert only(signs(body=story("<p>Lead.</p>", note))).name == "CalMatters"


@pytest.mark.parametrize(
    ("note", "name"),
    [
        ("NOTE: The above is an excerpt from Achieving Your Pinnacle: A Career Guide, by Tom"
         " Miller. It is reprinted here with permission.", "Achieving Your Pinnacle"),
        ("This essay is adapted from The Hidden Lives of Rivers, published by Knopf.",
         "The Hidden Lives of Rivers"),
    ],
)  # fmt: skip
def test_note_excerpt_of_another_publication(note: str, name: str) -> None:
    sign = only(signs(body=story("<p>Lead.</p>", f"<p>{note}</p>")))
    assert (sign.name, sign.kind) == (name, "note")


@pytest.mark.parametrize(
    "para",
    [
        "Adapted from Julia Child, the recipe halves the butter.",
        "This is an excerpt from my upcoming book.",
        "The scene was adapted from Hamlet for the school play.",
    ],
)
def test_excerpt_without_the_piece_as_subject_or_a_name_is_no_sign(para: str) -> None:
    assert signs(body=story("<p>Lead.</p>", f"<p>{para}</p>")) == ()


def test_agency_copyright_closing_the_story() -> None:
    note = (
        "<p>Copyright 2025 The Associated Press. All rights reserved. This material may not be"
        " published, broadcast, rewritten or redistributed.</p>"
    )
    sign = only(signs(body=story("<p>Lead.</p>", note)))
    assert (sign.name, sign.kind) == ("The Associated Press", "note")
    assert sign.evidence.startswith("Copyright 2025 The Associated Press. All rights reserved.")


@pytest.mark.parametrize(
    ("note", "name"),
    [
        ("Copyright 2025 NPR. To see more, visit https://www.npr.org.", "NPR"),
        ("The Associated Press contributed to this report.", "Associated Press"),
        ("Reuters contributed reporting to this story.", "Reuters"),
        ("Material from the Associated Press was used in this report.", "Associated Press"),
    ],
)
def test_agency_footer_or_contribution_closing_the_story(note: str, name: str) -> None:
    sign = only(signs(body=story("<p>Lead.</p>", f"<p>{note}</p>")))
    assert (sign.name, sign.kind, sign.evidence) == (name, "note", note)


@pytest.mark.parametrize(
    "para",
    [
        "Staff writer Jane Doe contributed to this report.",
        "The Example Courier contributed to this report.",
        "The Associated Press contributed to a report on the same case last year, and more.",
    ],
)
def test_a_writer_or_unknown_outlet_contributing_is_no_sign(para: str) -> None:
    assert signs(body=story("<p>Lead.</p>", f"<p>{para}</p>")) == ()


@pytest.mark.parametrize(
    "para",
    [
        "© Reuters",
        "© 2025 Jane Doe. All rights reserved.",
        "© 2025 PA Consulting. All rights reserved.",
        "Markets rose. Copyright 2025 The Associated Press. All rights reserved.",
    ],
)
def test_photo_credit_or_writers_copyright_is_no_sign(para: str) -> None:
    assert signs(body=story("<p>Lead.</p>", f"<p>{para}</p>")) == ()


def test_agency_copyright_at_the_top_is_no_sign() -> None:
    note = "<p>© 2025 The Associated Press. All rights reserved.</p>"
    assert signs(body=story(note, "<p>The end.</p>")) == ()


def test_note_produced_by() -> None:
    note = "<p>This story was produced by The Hechinger Report, a nonprofit newsroom.</p>"
    assert only(signs(body=story("<p>Lead.</p>", note))).name == "The Hechinger Report"


@pytest.mark.parametrize(
    ("note", "name"),
    [
        ("This article originally appeared on jta.org.", "jta.org"),
        ("This story first appeared in eJewishPhilanthropy.", "eJewishPhilanthropy"),
        ("A version of this story appeared in The Atlantic.", "The Atlantic"),
        ("This essay is republished from The Conversation under a Creative Commons license.",
         "The Conversation"),
        ("This article was originally published by ProPublica.", "ProPublica"),
        ("Reprinted by permission of The New Yorker.", "The New Yorker"),
        ("Reprinted courtesy of Tablet Magazine.", "Tablet Magazine"),
    ],
)  # fmt: skip
def test_note_wordings(note: str, name: str) -> None:
    assert only(signs(body=story("<p>Lead.</p>", f"<p>{note}</p>"))).name == name


@pytest.mark.parametrize(
    "note",
    [
        "Originally published in March 2022.",
        "This article first appeared in print.",
        "This story was first published on Monday and has been updated.",
        "This story was first published on Wednesday, March 2.",
        "This article was originally published in Yiddish.",
    ],
)
def test_note_naming_a_date_day_edition_or_language_is_no_sign(note: str) -> None:
    assert signs(body=story("<p>Lead.</p>", f"<p>{note}</p>")) == ()


@pytest.mark.parametrize(
    ("note", "name"),
    [
        ("This article was originally published in Spanish by El País.", "El País"),
        ("This story was produced by Marketplace.", "Marketplace"),
        ("This article first appeared in Novara Media.", "Novara Media"),
        ("This article originally appeared in The Sunday Times.", "The Sunday Times"),
    ],
)
def test_note_names_that_open_like_a_date_or_follow_a_language(note: str, name: str) -> None:
    assert only(signs(body=story("<p>Lead.</p>", f"<p>{note}</p>"))).name == name


@pytest.mark.parametrize(
    ("note", "name", "evidence"),
    [
        ("©2025 The Charlotte Observer. Distributed by Tribune Content Agency, LLC.",
         "Tribune Content Agency", "Distributed by Tribune Content Agency, LLC."),
        ("Distributed by Andrews McMeel Syndication for UFS",
         "Andrews McMeel Syndication", "Distributed by Andrews McMeel Syndication for UFS"),
    ],
)  # fmt: skip
def test_note_syndicate_line_under_a_column(note: str, name: str, evidence: str) -> None:
    sign = only(signs(body=story("<p>Lead.</p>", f"<p>{note}</p>")))
    assert (sign.name, sign.kind, sign.evidence) == (name, "note", evidence)


def test_note_auto_generated_from_a_syndicated_feed() -> None:
    note = (
        "<p>(This story has not been edited by our staff and is auto-generated from a"
        " syndicated feed.)</p>"
    )
    sign = only(signs(body=story("<p>Lead.</p>", note)))
    assert (sign.name, sign.kind) == ("syndicated feed", "note")


def test_closing_source_line_naming_an_agency() -> None:
    sign = only(signs(body=story("<p>Lead.</p>", "<p>Source: Reuters</p>")))
    assert (sign.name, sign.kind, sign.evidence) == ("Reuters", "note", "Source: Reuters")


@pytest.mark.parametrize("para", ["Source: Harvard Medical School", "Sources: CDC, WHO"])
def test_closing_source_line_naming_no_agency_is_no_sign(para: str) -> None:
    assert signs(body=story("<p>Lead.</p>", f"<p>{para}</p>")) == ()


def test_film_distributor_is_no_sign() -> None:
    note = "<p>Directed by Jane Doe. Distributed by A24. Rated R. 112 minutes.</p>"
    assert signs(body=story("<p>Lead.</p>", note)) == ()


def test_subject_about_another_work_that_appeared_elsewhere_is_no_sign() -> None:
    para = "<p>This story about a poem that first appeared in The New Yorker won a prize.</p>"
    assert signs(body=story("<p>Lead.</p>", para)) == ()


@pytest.mark.parametrize(
    "note",
    [
        "<p>This article ORIGINALLY APPEARED on JTA.org.</p>",
        "<p>This article originally appeared on JTA.org. Translated by Aylın Yıldız.</p>",
        "<p>THİS ARTİCLE FİRST APPEARED ON JTA.org.</p>",
    ],
)
def test_end_note_in_capitals_or_beside_letters_only_a_case_blind_match_folds(note: str) -> None:
    sign = only(signs(body=story("<p>Lead.</p>", note)))
    assert (sign.name, sign.kind) == ("JTA.org", "note")


def test_each_note_pattern_needs_words_it_holds() -> None:
    assert len(NOTE_NEEDS) == len(NOTE_PATTERNS)
    for pattern, needs in zip(NOTE_PATTERNS, NOTE_NEEDS, strict=True):
        source = pattern.pattern.lower().replace(r"\s+", " ")
        assert needs
        assert all(word in source for word in needs), needs


def test_note_about_another_work_is_no_sign() -> None:
    para = "<p>The poem was read at the rally. It first appeared in The New Yorker in 1962.</p>"
    assert signs(body=story("<p>Lead.</p>", para)) == ()


def test_note_phrase_inside_a_long_paragraph_is_no_sign() -> None:
    para = "<p>" + "The committee heard testimony for hours. " * 12
    para += "This article originally appeared on JTA.org, one witness said, waving a printout.</p>"
    assert signs(body=story("<p>Lead.</p>", para)) == ()


def test_marked_note_outside_the_body() -> None:
    page = (
        "<article><h1>H</h1><div class='entry-content'><p>Story.</p></div>"
        "<div class='syndication-note'>This article originally appeared on"
        " <a href='https://www.jta.org/x'>JTA.org</a>.</div></article>"
    )
    sign = only(signs(page, title="H"))
    assert (sign.name, sign.kind, sign.url) == ("JTA.org", "note", "https://www.jta.org/x")


@pytest.mark.parametrize(
    ("note", "name"),
    [
        ("This story originally ran in The Atlantic.", "The Atlantic"),
        ("This story first ran in The Atlantic.", "The Atlantic"),
        ("A version of this story ran in The Boston Globe.", "The Boston Globe"),
        ("This article was originally posted on Medium.", "Medium"),
        ("Originally posted on Substack.", "Substack"),
        ("This piece first aired on NPR.", "NPR"),
    ],
)
def test_note_outside_the_body_with_a_short_verb(note: str, name: str) -> None:
    page = (
        "<article><h1>H</h1><div class='entry-content'><p>Story.</p></div></article>"
        f"<div class='post-note'><p><em>{note}</em></p></div><footer>Site footer</footer>"
    )
    sign = only(signs(page, title="H"))
    assert (sign.name, sign.kind) == (name, "note")


def test_note_the_body_extractor_left_out_is_read_from_the_page() -> None:
    page = (
        "<article><h1>H</h1><div class='entry'><p>Story.</p><hr>"
        "<p>This article is republished from <a href='https://theconversation.com'>The"
        " Conversation</a> under a Creative Commons license.</p></div></article>"
    )
    sign = only(signs(page, title="H", body="<p>Story.</p>"))
    assert (sign.name, sign.url) == ("The Conversation", "https://theconversation.com")


@pytest.mark.parametrize("place", ["Ankara", "Diyarbakır", "İzmir"])
def test_note_in_capitals_the_body_extractor_left_out_is_read_from_the_page(place: str) -> None:
    # Letters that only a case-blind match reads as "i" ("ı", "İ") on the page change nothing.
    page = (
        f"<article><h1>H</h1><div class='entry'><p>Story from {place}.</p><hr>"
        "<p>This article is REPUBLISHED from <a href='https://theconversation.com'>The"
        " Conversation</a> under a Creative Commons license.</p></div></article>"
    )
    sign = only(signs(page, title="H", body="<p>Story.</p>"))
    assert (sign.name, sign.url) == ("The Conversation", "https://theconversation.com")


def test_note_inside_a_wrapper_whose_class_states_a_sidebar_layout() -> None:
    page = (
        "<div class='cs-sidebar-enabled has-sidebar'><article><h1>H</h1><div class='entry'>"
        "<p>Story.</p><p>This article is republished from <a href='https://theconversation.com'>"
        "The Conversation</a> under a Creative Commons license.</p></div></article>"
        "<aside class='cs-sidebar'><p>This article originally appeared on JTA.org.</p></aside>"
        "</div>"
    )
    sign = only(signs(page, title="H", body="<p>Story.</p>"))
    assert (sign.name, sign.kind) == ("The Conversation", "note")


def test_note_in_a_related_teaser_after_the_story_is_no_sign() -> None:
    page = (
        "<article><h1>H</h1><p>Story.</p></article><div class='related-posts'><h3>Teaser</h3>"
        "<p>This article originally appeared on JTA.org and is one of many.</p></div>"
    )
    assert signs(page, title="H", body="<p>Story.</p>") == ()


def test_wordpress_feed_footer() -> None:
    note = "<p>The post Ten tips for better SEO appeared first on Acme Marketing Blog.</p>"
    assert only(signs(body=story("<p>Lead.</p>", note))).name == "Acme Marketing Blog"


def test_marked_note_in_a_hidden_republish_dialog_is_no_sign() -> None:
    page = (
        "<h1>H</h1><p>Story.</p><div id='republish' hidden><p class='syndication-note'>This"
        " article first appeared on Kveller.</p></div>"
    )
    assert signs(page, title="H") == ()


def test_note_evidence_is_the_sentence() -> None:
    note = "<p>Thanks for reading. This essay first appeared in Kveller. Used by permission.</p>"
    sign = only(signs(body=story("<p>Lead.</p>", note)))
    assert (sign.name, sign.evidence) == ("Kveller", "This essay first appeared in Kveller.")


def test_note_in_the_middle_of_the_body_is_no_sign() -> None:
    body = "\n".join(
        [
            "<p>Lead.</p>",
            "<p>Second.</p>",
            "<p>This article originally appeared on JTA.org, she wrote in 2019.</p>",
            "<p>Fourth paragraph of the story.</p>",
            "<p>Fifth.</p>",
            "<p>Sixth.</p>",
            "<p>Seventh.</p>",
        ]
    )
    assert signs(body=body) == ()


def test_first_appeared_about_something_else_is_no_sign() -> None:
    body = story("<p>Lead.</p>", "<p>The phrase first appeared in a 1948 pamphlet.</p>")
    assert signs(body=body) == ()


def test_block_opening_with_a_reprint_verb_alone_is_no_sign() -> None:
    para = '<p>Reproduced faithfully, the <a href="https://example.org/map">map</a> is huge.</p>'
    assert signs(body=story("<p>Lead.</p>", para)) == ()


def test_reprinted_in_an_anthology_is_no_sign() -> None:
    body = story("<p>Lead.</p>", "<p>Her essay was later reprinted in several anthologies.</p>")
    assert signs(body=body) == ()


def test_note_naming_the_publisher_itself_is_no_sign() -> None:
    note = (
        '<p>This article originally appeared on <a href="https://forward.com/">The Forward</a>.</p>'
    )
    assert signs(body=story("<p>Lead.</p>", note)) == ()


# --- mentions: never signs -------------------------------------------------------------------


def test_mentions_quotes_and_links_in_the_text_are_no_signs() -> None:
    body = story(
        "<p>As Haaretz reported on Monday, the bill passed a first vote.</p>",
        '<p>Leaders told JTA that <a href="https://www.jta.org/2024/x">the Jewish Telegraphic'
        " Agency</a> had the story first.</p>",
        '<p>“We were never consulted,” she told <a href="https://www.haaretz.com/">Haaretz</a>.</p>',
    )
    assert signs(body=body) == ()


def test_author_bio_naming_a_former_employer_is_no_sign() -> None:
    bio = "<p>Talia Brenner is a contributing editor. She was previously a reporter at JTA.</p>"
    assert signs(body=story("<p>Lead.</p>", bio)) == ()


# --- kickers ---------------------------------------------------------------------------------


def test_kicker_above_the_headline() -> None:
    page = (
        '<article><header><div class="eyebrow"><span>From Haaretz</span></div>'
        "<h1>Inside the race to save the Dead Sea</h1></header><p>Story.</p></article>"
    )
    sign = only(signs(page, title="Inside the race to save the Dead Sea"))
    assert (sign.name, sign.kind, sign.evidence) == ("Haaretz", "kicker", "From Haaretz")


def test_kicker_with_link_keeps_the_url() -> None:
    page = (
        '<div class="kicker"><a href="https://www.jta.org/">Via JTA</a></div>'
        "<h1>Headline</h1><p>Story.</p>"
    )
    sign = only(signs(page, title="Headline"))
    assert (sign.name, sign.url) == ("JTA", "https://www.jta.org/")


def test_photo_credit_above_the_headline_is_no_sign() -> None:
    page = (
        "<figure><img src='/a.jpg' alt=''><figcaption>From YIVO Archives</figcaption></figure>"
        "<span class='photo-credit'>Via Getty Images</span><h1>Headline</h1>"
    )
    assert signs(page, title="Headline") == ()


def test_section_kicker_is_no_sign() -> None:
    page = '<div class="eyebrow"><a href="/news/">News</a></div><h1>Headline</h1>'
    assert signs(page, title="Headline") == ()


@pytest.mark.parametrize(
    "label",
    ["From the Archives", "From Staff Reports", "From Around the Web", "From the Publisher"],
)
def test_from_label_naming_no_publication_is_no_sign(label: str) -> None:
    page = f'<div class="eyebrow">{label}</div><h1>Headline</h1>'
    assert signs(page, title="Headline") == ()


def test_from_label_in_a_related_list_is_no_sign() -> None:
    page = (
        "<h1>Headline</h1><p>Story.</p>"
        '<aside class="related"><span>From Haaretz</span><h3>Another story</h3></aside>'
    )
    assert signs(page, title="Headline") == ()


# --- JSON-LD ---------------------------------------------------------------------------------


def article_ld(**extra: Any) -> tuple[dict[str, Any], ...]:
    return ({"@type": "NewsArticle", "headline": "H", **extra},)


def test_jsonld_source_organization() -> None:
    org = {
        "@type": "NewsMediaOrganization",
        "name": "Jewish Telegraphic Agency",
        "url": "https://www.jta.org/",
    }
    sign = only(signs(jsonld=article_ld(sourceOrganization=org)))
    assert (sign.name, sign.kind, sign.url) == (
        "Jewish Telegraphic Agency",
        "jsonld",
        "https://www.jta.org/",
    )
    assert sign.evidence.startswith('"sourceOrganization": {')


def test_jsonld_source_organization_as_a_string() -> None:
    assert only(signs(jsonld=article_ld(sourceOrganization="Haaretz"))).name == "Haaretz"


def test_jsonld_is_based_on_url() -> None:
    url = "https://www.haaretz.com/israel-news/2024-01-01/ty-article/x"
    sign = only(signs(jsonld=article_ld(isBasedOn=url)))
    assert (sign.name, sign.url) == ("haaretz.com", url)


def test_jsonld_is_based_on_article_names_its_publisher() -> None:
    based = {
        "@type": "NewsArticle",
        "url": "https://www.haaretz.com/x",
        "publisher": {"name": "Haaretz"},
    }
    sign = only(signs(jsonld=article_ld(isBasedOn=based)))
    assert (sign.name, sign.url) == ("Haaretz", "https://www.haaretz.com/x")


def test_jsonld_copyright_holder_of_another_publication() -> None:
    holder = {"@type": "Organization", "name": "The Associated Press"}
    assert only(signs(jsonld=article_ld(copyrightHolder=holder))).name == "The Associated Press"


def test_jsonld_copyright_holder_reference_to_the_publisher_is_no_sign() -> None:
    head = (
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsMediaOrganization",'
        ' "@id": "https://forward.com/#organization", "name": "The Forward"}]}</script>'
    )
    ref = {"@id": "https://forward.com/#organization"}
    assert signs(head=head, jsonld=article_ld(copyrightHolder=ref)) == ()


def test_jsonld_copyright_holder_that_is_the_publishers_parent_is_no_sign() -> None:
    ld = article_ld(
        publisher={"@type": "Organization", "name": "The Courier",
                   "parentOrganization": {"@type": "Organization", "name": "Gannett"}},
        copyrightHolder={"@type": "Organization", "name": "Gannett"},
    )  # fmt: skip
    assert signs(jsonld=ld, publisher="The Courier", site_name="The Courier") == ()


def test_jsonld_organisation_on_the_own_domain_is_the_site_itself() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "Organization",'
        ' "name": "Forward Association", "url": "https://forward.com/"}</script>'
    )
    holder = {"@type": "Organization", "name": "Forward Association"}
    assert signs(head=head, jsonld=article_ld(copyrightHolder=holder)) == ()


def test_jsonld_is_based_on_an_earlier_story_of_the_same_site_is_no_sign() -> None:
    assert signs(jsonld=article_ld(isBasedOn="https://forward.com/news/1000/earlier/")) == ()


# --- canonical and metas ---------------------------------------------------------------------


def canonical(href: str) -> str:
    return f'<link rel="canonical" href="{href}">'


def test_canonical_on_another_site() -> None:
    href = "https://www.haaretz.com/israel-news/culture/2024-10-14/ty-article/x"
    sign = only(signs(head=canonical(href)))
    assert sign == Origin(
        name="haaretz.com",
        kind="canonical",
        evidence=f'<link rel="canonical" href="{href}">',
        url=href,
    )


def test_canonical_on_the_same_site_is_no_sign() -> None:
    assert signs(head=canonical("https://www.forward.com/news/1234/a-story/")) == ()
    assert signs(head=canonical("/news/1234/a-story/")) == ()


def test_canonical_to_another_blog_on_the_same_hosting_service_is_a_sign() -> None:
    href = "https://other-writer.substack.com/p/the-original"
    page_url = "https://jane.substack.com/p/the-repost"
    sign = only(signs(head=canonical(href), url=page_url, publisher=None, site_name=None))
    assert sign.name == "other-writer.substack.com"
    own = canonical("https://jane.substack.com/p/the-repost")
    assert signs(head=own, url=page_url, publisher=None, site_name=None) == ()


def test_canonical_from_an_amp_page_to_its_own_site_is_no_sign() -> None:
    head = canonical("https://www.example-courier.com/news/story/")
    assert (
        signs(
            head=head,
            url="https://amp.example-courier.com/news/story/amp/",
            **{"publisher": None, "site_name": None},
        )
        == ()
    )


def test_own_site_from_og_url_when_no_url_is_given() -> None:
    head = (
        canonical("https://www.haaretz.com/x")
        + '<meta property="og:url" content="https://forward.com/x/">'
    )
    assert only(signs(head=head, url=None)).name == "haaretz.com"
    assert signs(head=canonical("https://forward.com/x/"), url=None) == ()


def test_canonical_is_not_judged_when_the_own_site_is_unknown() -> None:
    assert (
        signs(head=canonical("https://www.haaretz.com/x"), url=None, publisher=None, site_name=None)
        == ()
    )


def test_canonical_is_not_judged_against_a_site_name_alone() -> None:
    head = canonical("https://cloud.example.com/learn/x")
    assert signs(head=head, url=None, publisher="Example Cloud", site_name="Example Cloud") == ()


def test_syndication_source_meta() -> None:
    head = '<meta name="syndication-source" content="https://apnews.com/article/abc">'
    sign = only(signs(head=head))
    assert (sign.name, sign.kind, sign.url) == (
        "apnews.com",
        "meta",
        "https://apnews.com/article/abc",
    )


@pytest.mark.parametrize(
    ("given", "domain"),
    [
        ("https://www.haaretz.com/x", "haaretz.com"),
        ("https://amp.forward.com/x", "forward.com"),
        ("www.ynet.co.il", "ynet.co.il"),
        ("https://www.bbc.co.uk/news", "bbc.co.uk"),
        ("JTA.org", "jta.org"),
        ("localhost", None),
    ],
)
def test_registered_domain(given: str, domain: str | None) -> None:
    assert registered_domain(given) == domain


def test_signs_are_deduplicated_per_name_and_kind() -> None:
    body = story("<p>JERUSALEM (JTA) — Lead.</p>")
    found = signs(body=body, byline="By Ron Kampeas, JTA", byline_orgs=("JTA",))
    assert [(s.name, s.kind) for s in found] == [("JTA", "byline"), ("JTA", "dateline")]


def test_tree_is_not_modified() -> None:
    root = document.load(
        f"<html><head>{canonical('https://www.haaretz.com/x')}</head><body><h1>H</h1></body></html>"
    )
    before = lxml.html.tostring(root)
    find_origin(root, meta=Metadata(**FORWARD), body=Body(html="", text=""), url=URL)
    assert lxml.html.tostring(root) == before


# --- the Forward fixture pages through the whole parser --------------------------------------

EXPECTED = tomllib.loads((PAGES / "expected.toml").read_text(encoding="utf-8"))
FORWARD_PAGES = sorted(name for name in EXPECTED if name.startswith("forward/"))


@pytest.mark.parametrize("name", FORWARD_PAGES)
def test_forward_fixture_origin(name: str) -> None:
    expected = EXPECTED[name]
    article = parse_article((PAGES / f"{name}.html").read_bytes(), url=expected["url"])
    assert sorted(o.name for o in article.origin) == sorted(expected["origins"])
    assert sorted(o.kind for o in article.origin) == sorted(expected["origin_kinds"])
    for sign in article.origin:
        assert sign.evidence


@pytest.mark.parametrize(
    ("name", "evidence"),
    [
        ("forward/jta-byline", "By Ron Kampeas, JTA"),
        ("forward/jta-dateline", "JERUSALEM (JTA) —"),
        ("forward/jta-endnote", "This article originally appeared on JTA.org."),
        ("forward/haaretz-topnote", "This story was originally published in Haaretz."),
        ("forward/haaretz-kicker", "From Haaretz"),
        ("forward/tablet-first-appeared", "This story first appeared in Tablet Magazine."),
    ],
)
def test_forward_fixture_evidence_is_quoted(name: str, evidence: str) -> None:
    expected = EXPECTED[name]
    article = parse_article((PAGES / f"{name}.html").read_bytes(), url=expected["url"])
    assert [o.evidence for o in article.origin] == [evidence]


def test_origin_read_without_a_url() -> None:
    data = (PAGES / "forward/haaretz-canonical.html").read_bytes()
    assert [(o.name, o.kind) for o in parse_article(data).origin] == [("haaretz.com", "canonical")]
