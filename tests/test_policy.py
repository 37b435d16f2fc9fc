"""Policy: origin judging on Articles built directly, the other article rules, severities, docs."""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
from conftest import ROOT

from syndicate import Article, Origin, Profile
from syndicate.policy import all_rules, effective_severity, evaluate, get_rule
from syndicate.policy.docs import rules_markdown
from syndicate.policy.outlets import host_of, normalize
from syndicate.policy.pixel import resolve_pixel
from syndicate.policy.profile import builtin

RULES_MD = ROOT / "docs" / "rules.md"
BODY = " ".join(["The committee met on Tuesday and voted to advance the measure."] * 5)
PIXEL = "https://forward.com/?republication-pixel=true&post=545120"


def story(*signs: Origin, **fields: Any) -> Article:
    """A complete Forward story with these origin signs."""
    base: dict[str, Any] = {
        "url": "https://forward.com/news/545120/house-panel/",
        "canonical_url": "https://forward.com/news/545120/house-panel/",
        "title": "House panel advances bill",
        "byline": "By Jacob Kornbluh",
        "authors": ("Jacob Kornbluh",),
        "post_id": "545120",
        "body_text": BODY,
        "tracking_pixels": (PIXEL,),
        "origin": signs,
    }
    return Article(**{**base, **fields})


def profile(name: str = "forward", **sections: Any) -> Profile:
    """A built-in profile with some sections replaced."""
    data = builtin(name).model_dump(by_alias=True)
    for key, value in sections.items():
        data[key] = {**data[key], **value} if isinstance(value, dict) else value
    return Profile.model_validate(data)


def messages(article: Article, judged: Profile | None = None) -> list[str]:
    verdict = evaluate(article, judged or builtin("forward"))
    return [f"{v.rule}: {v.message}" for v in verdict.violations]


FORWARD_BLOCKS = [
    (Origin(name="JTA", kind="byline", evidence="By Ron Kampeas, JTA"),
     "origin-blocked: originated with JTA: byline 'By Ron Kampeas, JTA'"),
    (Origin(name="JTA", kind="dateline", evidence="JERUSALEM (JTA) —"),
     "origin-blocked: originated with JTA: dateline 'JERUSALEM (JTA) —'"),
    (Origin(name="Jewish Telegraphic Agency", kind="note",
            evidence="This article originally appeared on the Jewish Telegraphic Agency."),
     "origin-blocked: originated with JTA: note 'This article originally appeared on the Jewish "
     "Telegraphic Agency.'"),
    (Origin(name="JTA.org", kind="note", evidence="This article originally appeared on JTA.org.",
            url="https://www.jta.org/2024/05/20/camps"),
     "origin-blocked: originated with JTA: note 'This article originally appeared on JTA.org.'"),
    (Origin(name="Haaretz", kind="kicker", evidence="From Haaretz"),
     "origin-blocked: originated with Haaretz: kicker 'From Haaretz'"),
    (Origin(name="Haaretz English Edition", kind="jsonld",
            evidence='"sourceOrganization": {"name": "Haaretz English Edition"}'),
     "origin-blocked: originated with Haaretz: JSON-LD '\"sourceOrganization\": {\"name\": "
     "\"Haaretz English Edition\"}'"),
    (Origin(name="www.haaretz.com", kind="canonical",
            evidence='<link rel="canonical" href="https://www.haaretz.com/x">',
            url="https://www.haaretz.com/x"),
     "origin-blocked: originated with Haaretz: canonical link '<link rel=\"canonical\" "
     "href=\"https://www.haaretz.com/x\">'"),
    (Origin(name="Wire desk", kind="meta", evidence='<meta name="syndication-source" '
            'content="https://www.haaretz.co.il/news/1">', url="https://www.haaretz.co.il/news/1"),
     "origin-blocked: originated with Haaretz: meta tag"),
    (Origin(name="Tablet Magazine", kind="note",
            evidence="This story first appeared in Tablet Magazine.",
            url="https://www.tabletmag.com/sections/arts-letters/articles/typewriter"),
     "origin-blocked: originated with Tablet Magazine, another publication: note 'This story "
     "first appeared in Tablet Magazine.'"),
]  # fmt: skip


@pytest.mark.parametrize(("sign", "message"), FORWARD_BLOCKS)
def test_every_kind_of_sign_for_a_blocked_or_other_outlet_refuses(
    sign: Origin, message: str
) -> None:
    verdict = evaluate(story(sign), builtin("forward"))
    assert not verdict.republishable
    assert not verdict.ok
    assert [v.rule for v in verdict.violations] == ["origin-blocked"]
    assert verdict.violations[0].severity == "error"
    assert verdict.violations[0].message.startswith(message.removeprefix("origin-blocked: "))
    assert verdict.violations[0].evidence == sign.evidence


@pytest.mark.parametrize(
    "sign",
    [
        Origin(name="The Forward", kind="jsonld", evidence='"sourceOrganization": "The Forward"'),
        Origin(name="Forverts", kind="byline", evidence="By Forverts staff"),
        Origin(name="forward.com", kind="canonical", evidence="<link rel=canonical>",
               url="https://forward.com/news/1/"),
        Origin(name="Forward staff", kind="meta", evidence="<meta name=source>",
               url="https://www.forward.com/"),
    ],
)  # fmt: skip
def test_the_publisher_itself_never_blocks(sign: Origin) -> None:
    assert messages(story(sign)) == []


def test_a_story_with_no_sign_is_republishable() -> None:
    verdict = evaluate(story(), builtin("forward"))
    assert verdict.republishable
    assert verdict.violations == ()
    assert verdict.source == "https://forward.com/news/545120/house-panel/"


def test_a_blocked_name_wins_over_a_link_to_the_publisher() -> None:
    sign = Origin(
        name="JTA", kind="byline", evidence="By Ron Kampeas, JTA",
        url="https://forward.com/author/ron-kampeas/",
    )  # fmt: skip
    assert messages(story(sign)) == [
        "origin-blocked: originated with JTA: byline 'By Ron Kampeas, JTA'"
    ]


def test_signs_for_one_outlet_make_one_violation_quoting_each() -> None:
    signs = (
        Origin(name="JTA", kind="byline", evidence="By Ron Kampeas, JTA"),
        Origin(name="Jewish Telegraphic Agency", kind="jsonld", evidence='"name": "JTA"'),
        Origin(name="JTA", kind="byline", evidence="By Ron Kampeas, JTA"),
        Origin(name="Haaretz", kind="kicker", evidence="From Haaretz"),
    )
    assert messages(story(*signs)) == [
        "origin-blocked: originated with JTA: byline 'By Ron Kampeas, JTA'; "
        'JSON-LD \'"name": "JTA"\'',
        "origin-blocked: originated with Haaretz: kicker 'From Haaretz'",
    ]


def test_long_evidence_is_cut_in_the_message_but_kept_whole_as_evidence() -> None:
    note = "This story first appeared in Tablet Magazine. " + "It is long. " * 40
    verdict = evaluate(story(Origin(name="Tablet", kind="note", evidence=note)), builtin("forward"))
    assert verdict.violations[0].message.endswith("…'")
    assert len(verdict.violations[0].message) < 240
    assert verdict.violations[0].evidence == note


def test_other_origins_pass_when_block_other_is_false_but_blocked_ones_do_not() -> None:
    inn = builtin("inn")
    tablet = Origin(name="Tablet Magazine", kind="note", evidence="First appeared in Tablet.")
    ap = Origin(name="The Associated Press", kind="byline", evidence="By Jane Roe, AP")
    apnews = Origin(name="Wire", kind="canonical", evidence="<link>", url="https://apnews.com/a")
    apm = Origin(name="APM Reports", kind="note", evidence="In partnership with APM Reports.")
    ok = story(tablet, apm, tracking_pixels=("https://example.org/?republication-pixel=true",))
    assert messages(ok, inn) == []
    assert messages(story(ap, tracking_pixels=ok.tracking_pixels), inn) == [
        "origin-blocked: originated with Associated Press: byline 'By Jane Roe, AP'"
    ]
    assert (
        evaluate(story(apnews, tracking_pixels=ok.tracking_pixels), inn)
        .violations[0]
        .message.startswith("originated with Associated Press: canonical link")
    )


def test_allowed_outlets_never_block_even_under_block_other() -> None:
    partner = {"name": "Iowa Capital Dispatch", "domains": ["iowacapitaldispatch.com"]}
    judged = profile(origin={"allowed": [partner]})
    by_name = Origin(name="Iowa Capital Dispatch", kind="note", evidence="First in the Dispatch.")
    by_link = Origin(
        name="States Newsroom", kind="note", evidence="Republished from the Dispatch.",
        url="https://iowacapitaldispatch.com/2024/story",
    )  # fmt: skip
    assert messages(story(by_name, by_link), judged) == []
    assert judged.origin.block_other is True


def test_an_allowed_outlet_cannot_excuse_a_blocked_one() -> None:
    judged = profile(origin={"allowed": [{"name": "Wire", "domains": ["jta.org"]}]})
    sign = Origin(name="JTA", kind="note", evidence="From JTA.", url="https://www.jta.org/x")
    assert messages(story(sign), judged) == [
        "origin-blocked: originated with JTA: note 'From JTA.'"
    ]


def test_names_are_compared_without_case_articles_or_punctuation() -> None:
    assert normalize("The Jewish Telegraphic Agency,") == "jewish telegraphic agency"
    assert normalize("JTA.org") == "jta.org"
    assert host_of("https://www.JTA.org/a") == "jta.org"
    assert host_of("jta.org") == "jta.org"
    assert host_of(None) is None


def test_a_profile_can_soften_or_switch_off_a_rule() -> None:
    sign = Origin(name="JTA", kind="byline", evidence="By Ron Kampeas, JTA")
    softened = evaluate(story(sign), profile(rules={"origin-blocked": "warning"}))
    assert softened.republishable
    assert [(v.rule, v.severity) for v in softened.violations] == [("origin-blocked", "warning")]
    assert evaluate(story(sign), profile(rules={"origin-blocked": "off"})).violations == ()


def test_a_partner_override_beats_the_profile_rules() -> None:
    judged = profile(
        rules={"byline-unknown": "error"},
        partners={"partner.org": {"rules": {"byline-unknown": "off"}}},
    )
    rule = get_rule("byline-unknown")
    assert effective_severity(rule, judged) == "error"
    assert effective_severity(rule, judged, partner="partner.org") is None
    assert effective_severity(rule, judged, partner="other.org") == "error"
    assert effective_severity(rule, builtin("forward")) == "warning"


def test_violations_are_listed_errors_first() -> None:
    article = story(
        Origin(name="JTA", kind="byline", evidence="By JTA"), byline=None, authors=(),
        canonical_url=None,
    )  # fmt: skip
    verdict = evaluate(article, builtin("forward"))
    assert [(v.severity, v.rule) for v in verdict.violations] == [
        ("error", "origin-blocked"),
        ("warning", "byline-unknown"),
        ("warning", "canonical-unknown"),
    ]


def test_an_empty_page_is_not_an_article() -> None:
    verdict = evaluate(story(body_text="Page not found. Try the search."), builtin("forward"))
    assert not verdict.republishable
    assert [v.message for v in verdict.violations] == [
        "no article body found (6 words of text); expected a story of at least 25 words"
    ]


def test_missing_byline_and_canonical_warn_without_refusing() -> None:
    verdict = evaluate(story(byline=None, authors=(), canonical_url=None), builtin("forward"))
    assert verdict.republishable
    assert [v.message for v in verdict.violations] == [
        "no byline or author found on the page; expected one to credit",
        "no canonical URL on the page; the copy would point at "
        "https://forward.com/news/545120/house-panel/",
    ]
    assert messages(story(byline=None, authors=("Rob Eshman",))) == []


def test_the_pixel_comes_from_the_page_or_the_template() -> None:
    forward = builtin("forward")
    assert resolve_pixel(story(), forward.pixel) == PIXEL
    built = resolve_pixel(story(tracking_pixels=()), forward.pixel)
    assert built == "https://forward.com/?republication-pixel=true&post=545120"
    unrelated = story(tracking_pixels=("https://stats.example.net/p.gif",))
    assert resolve_pixel(unrelated, forward.pixel) == built
    assert messages(story(tracking_pixels=())) == []


def test_no_pixel_and_no_post_id_warns() -> None:
    verdict = evaluate(story(tracking_pixels=(), post_id=None), builtin("forward"))
    assert verdict.republishable
    assert [(v.rule, v.severity, v.message) for v in verdict.violations] == [
        (
            "pixel-unavailable",
            "warning",
            "no tracking pixel on the page (expected a URL with "
            "'forward.com/?republication-pixel=true' or 'republication-pixel=true'); "
            "the page gives no {post_id} for the pixel template",
        )
    ]


def test_a_page_only_pixel_needs_the_page_and_an_unrequired_pixel_needs_nothing() -> None:
    inn = builtin("inn")
    assert messages(story(tracking_pixels=()), inn) == [
        "pixel-unavailable: no tracking pixel on the page (expected a URL with "
        "'republication-pixel=true')"
    ]
    no_template = profile(pixel={"template": None})
    assert messages(story(tracking_pixels=()), no_template) == [
        "pixel-unavailable: no tracking pixel on the page (expected a URL with "
        "'forward.com/?republication-pixel=true' or 'republication-pixel=true'); "
        "the profile has no pixel template"
    ]
    assert messages(story(tracking_pixels=()), profile(pixel={"required": False})) == []


def test_a_template_fills_canonical_url_encoded() -> None:
    judged = profile(
        pixel={"source": "template", "template": "https://px.example/?u={canonical_url}"}
    )
    assert resolve_pixel(story(), judged.pixel) == (
        "https://px.example/?u=https%3A%2F%2Fforward.com%2Fnews%2F545120%2Fhouse-panel%2F"
    )


SLUG = re.compile(r"^[a-z]+(?:-[a-z]+)+$")


def test_every_rule_is_documented_with_why_a_failing_and_a_passing_example() -> None:
    rules = all_rules()
    assert [r.slug for r in rules] == sorted(r.slug for r in rules)
    assert {"origin-blocked", "body-empty", "pixel-unavailable"} <= {r.slug for r in rules}
    for rule in rules:
        assert SLUG.match(rule.slug), rule.slug
        assert "\n" not in rule.summary
        assert rule.summary.endswith(".")
        assert rule.severity in ("error", "warning", "info")
        assert "Fails" in rule.doc, rule.slug
        assert "Passes" in rule.doc, rule.slug
    assert all(r.scope == "article" for r in all_rules("article"))


def test_an_unknown_rule_suggests_the_nearest() -> None:
    from syndicate import ConfigError

    with pytest.raises(ConfigError, match=r"unknown rule 'origin-block' \(did you mean"):
        get_rule("origin-block")


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    current = rules_markdown(all_rules())
    if os.environ.get("SYNDICATE_REGEN"):
        RULES_MD.write_text(current, encoding="utf-8")
    assert RULES_MD.read_text(encoding="utf-8") == current, (
        "docs/rules.md is out of date: run `syndicate rules --format markdown > docs/rules.md`"
    )


def test_a_pixel_on_the_publishers_own_domain_wins_over_an_earlier_foreign_one() -> None:
    forward = builtin("forward")
    article = Article(
        post_id="203040",
        tracking_pixels=(
            "https://partner.example/?republication-pixel=true&post=77",
            "https://forward.com/?republication-pixel=true&post=203040",
        ),
    )
    pixel = resolve_pixel(article, forward.pixel, domains=forward.publisher.domains)
    assert pixel == "https://forward.com/?republication-pixel=true&post=203040"


@pytest.mark.parametrize(
    "body",
    [
        # Chinese and Japanese stories have no spaces between words; Thai none either.
        "市议会周二投票决定扩大公交网络，增加三条连接东部社区与医院和大学的新线路。"
        "据交通部门称，新线路将于九月开始运营，并将招聘四十名司机。",
        "市議会は火曜日、東部地区と病院、大学を結ぶ三つの新路線を追加し、バス路線網を拡大する"
        "ことを決めた。運行は九月に始まる予定だという。",
        "เมื่อวันอังคาร สภาเมืองลงมติขยายเครือข่ายรถเมล์ โดยเพิ่มสามเส้นทางที่เชื่อมชุมชนทางตะวันออก"
        "กับโรงพยาบาลและมหาวิทยาลัย เส้นทางใหม่จะเริ่มให้บริการในเดือนกันยายน",
    ],
)
def test_a_story_in_a_script_without_spaces_is_a_story(body: str) -> None:
    assert not [m for m in messages(story(body_text=body)) if m.startswith("body-empty")]


def test_a_stub_in_a_script_without_spaces_is_still_no_story() -> None:
    found = [m for m in messages(story(body_text="订阅后继续阅读。")) if m.startswith("body-empty")]
    assert found == [
        "body-empty: no article body found (3 words of text); expected a story of at least 25 words"
    ]
