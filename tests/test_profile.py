"""Profiles: the built-ins, loading a file, every error path, and discovery by precedence."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from conftest import FIXTURES
from pydantic import ValidationError

from syndicate import ConfigError, Profile, load_profile
from syndicate.policy.profile import BUILTIN, Outlet, Pixel, builtin, discover

PROFILES = FIXTURES / "profiles"


def test_the_forward_profile_is_the_default_and_encodes_its_guidelines(tmp_path: Path) -> None:
    profile = load_profile(cwd=tmp_path)
    assert profile.name == "forward"
    assert profile.publisher.domains == ("forward.com",)
    assert {o.name for o in profile.origin.blocked} == {"JTA", "Haaretz"}
    jta = next(o for o in profile.origin.blocked if o.name == "JTA")
    assert "Jewish Telegraphic Agency" in jta.aliases
    assert "jta.org" in jta.domains
    assert profile.origin.block_other is True
    assert "images" in profile.copy_.drop
    assert {"byline", "links", "paragraph-styles", "pixel", "canonical"} <= set(profile.copy_.keep)
    assert "{post_id}" in str(profile.pixel.template)


def test_every_builtin_profile_loads_by_name() -> None:
    for name in BUILTIN:
        assert load_profile(name).name == name
    inn = load_profile("inn")
    assert inn.origin.block_other is False
    assert inn.pixel.source == "page"
    assert "images" not in inn.copy_.drop


def test_an_unknown_builtin_name_suggests_the_nearest() -> None:
    with pytest.raises(ConfigError, match=r"unknown profile 'forwad' \(did you mean 'forward'\?\)"):
        load_profile("forwad")


def test_a_whole_profile_file_loads_with_every_section() -> None:
    profile = load_profile(config=PROFILES / "newsroom.toml")
    assert profile.name == "courier"
    assert profile.publisher.aliases == ("Courier", "CV Courier")
    assert profile.credit.position == "top"
    assert profile.pixel.source == "template"
    assert profile.origin.allowed[0].domains == ("iowacapitaldispatch.com",)
    assert profile.embed.attributes == {"a": ("href",), "img": ("src", "alt", "width", "height")}
    assert profile.embed.url_schemes == ("https",)
    assert profile.rules["byline-unknown"].severity == "error"  # the short form
    assert profile.rules["canonical-unknown"].severity == "off"  # the table form
    assert profile.partners["dailyiowan.com"]["rules"]["byline-missing"].severity == "warning"


def test_a_file_may_extend_a_builtin_profile_and_is_named_after_itself() -> None:
    profile = load_profile(config=PROFILES / "extends-forward.toml")
    assert profile.name == "extends-forward"
    assert profile.publisher == builtin("forward").publisher
    assert profile.rules["byline-unknown"].severity == "error"


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("missing.toml", "missing.toml: no such file"),
        ("broken-toml.toml", r"broken-toml.toml: invalid TOML \(Expected ']' .*line 2"),
        (
            "unknown-key.toml",
            r"unknown-key.toml: origin.block_othr: unknown key \(did you mean 'block_other'\?\)",
        ),
        (
            "wrong-type.toml",
            r"wrong-type.toml: origin.block_other: expected true or false, got 'yes'",
        ),
        (
            "unknown-rule.toml",
            r"unknown-rule.toml: rules.origin-blockd: unknown rule 'origin-blockd' "
            r"\(did you mean 'origin-blocked'\?\)",
        ),
        ("unknown-profile.toml", r"unknown-profile.toml: profile: unknown profile 'forwrd'"),
        (
            "missing-publisher.toml",
            "missing-publisher.toml: publisher: missing; this key is required",
        ),
    ],
)
def test_a_bad_profile_file_is_one_error_naming_file_key_and_expectation(
    fixture: str, message: str
) -> None:
    with pytest.raises(ConfigError, match=message) as caught:
        load_profile(config=PROFILES / fixture)
    assert str(PROFILES / fixture) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_directory_is_not_a_profile(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is a directory"):
        load_profile(config=tmp_path)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('profile = "forward"\n[[origin.blocked]]\nname = "AP"\nalias = ["x"]\n',
         r"origin.blocked\[0\].alias: unknown key \(did you mean 'aliases'\?\)"),
        ('profile = "forward"\n[copy]\nkeep = ["byline", "imags"]\n',
         r"copy.keep\[1\]: expected 'byline', .*got 'imags'"),
        ('profile = "forward"\n[publisher]\ndomains = "forward.com"\n',
         r"publisher.domains: expected a list, got 'forward.com'"),
        ('profile = "forward"\n[pixel]\ntemplate = "https://x.org/p?id={id}"\n',
         r"pixel.template: unknown field \{id\}; expected \{post_id\}, \{canonical_url\}, \{url\}"),
        ('profile = "forward"\n[credit]\nhtml = "From {author}"\n',
         r"credit.html: unknown field \{author\}; expected \{canonical_url\}, \{publisher\}"),
        ('profile = "forward"\n[credit]\nhtml = "{title:>9} from {publisher}"\n',
         r"credit.html: \{title:>9\}: fields take no format spec; write \{title\}"),
        ('profile = "forward"\n[pixel]\ntemplate = "https://x.org/p?id={id:>9}"\n',
         r"pixel.template: unknown field \{id\}"),
        ('profile = "inn"\n[pixel]\nsource = "template"\n',
         r'pixel: source = "template" needs a template'),
        ('profile = "forward"\n[rules]\norigin-blocked = "fatal"\n',
         r"rules.origin-blocked.severity: expected 'error', 'warning', 'info' or 'off', "
         r"got 'fatal'"),
        ('profile = "forward"\n[partners."x.org".rulez]\n',
         r"partners.x.org.rulez: expected 'rules', got 'rulez'"),
        ('profile = "forward"\n[partners."x.org".rules]\npixel-missin = "off"\n',
         r"partners.x.org.rules.pixel-missin: unknown rule 'pixel-missin'"),
        ('profile = "forward"\ncolour = "blue"\n', r"colour: unknown key; expected one of: name,"),
        ("profile = 3\n", r"profile: expected the name of a built-in profile"),
    ],
)  # fmt: skip
def test_every_kind_of_invalid_value_names_its_dotted_key(
    tmp_path: Path, text: str, message: str
) -> None:
    config = _write(tmp_path / "syndicate.toml", text)
    with pytest.raises(ConfigError, match=message):
        load_profile(config=config)


def test_profiles_built_in_code_are_validated_too() -> None:
    with pytest.raises(ValidationError, match="unknown rule 'no-such-rule'"):
        Profile.model_validate(
            {**builtin("forward").model_dump(by_alias=True), "rules": {"no-such-rule": "off"}}
        )
    with pytest.raises(ValidationError):
        Pixel(source="template")
    assert Outlet(name="JTA").domains == ()


def test_discovery_finds_syndicate_toml_in_a_parent_folder(tmp_path: Path) -> None:
    _write(tmp_path / "syndicate.toml", 'profile = "inn"\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert discover(deep) == (tmp_path / "syndicate.toml").resolve()
    profile = load_profile(cwd=deep)
    assert profile.publisher == builtin("inn").publisher
    assert profile.name == "syndicate"


def test_discovery_reads_tool_syndicate_in_pyproject(tmp_path: Path) -> None:
    _write(
        tmp_path / "newsroom" / "pyproject.toml",
        '[project]\nname = "site"\n\n[tool.syndicate]\nprofile = "forward"\n\n'
        '[tool.syndicate.rules]\nbyline-unknown = "off"\n',
    )
    profile = load_profile(cwd=tmp_path / "newsroom")
    assert profile.name == "newsroom"
    assert profile.rules["byline-unknown"].severity == "off"


def test_a_pyproject_without_tool_syndicate_is_passed_over(tmp_path: Path) -> None:
    _write(tmp_path / "syndicate.toml", 'profile = "inn"\n')
    _write(tmp_path / "app" / "pyproject.toml", '[project]\nname = "app"\n')
    assert discover(tmp_path / "app") == (tmp_path / "syndicate.toml").resolve()
    with pytest.raises(ConfigError, match=r"pyproject.toml: no \[tool.syndicate\] table"):
        load_profile(config=tmp_path / "app" / "pyproject.toml")


def test_precedence_config_then_name_then_nearest_file_then_forward(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[tool.syndicate]\nprofile = "forward"\n')
    _write(tmp_path / "site" / "syndicate.toml", 'profile = "inn"\n')
    site = tmp_path / "site"
    config = PROFILES / "newsroom.toml"
    # 1. --config beats everything
    assert load_profile("inn", config=config, cwd=site).name == "courier"
    # 2. --profile beats a discovered file
    assert load_profile("forward", cwd=site).name == "forward"
    # 3. the nearest file upwards: syndicate.toml in site/ beats pyproject.toml above it
    assert load_profile(cwd=site).publisher.name == "the original publisher"
    assert load_profile(cwd=tmp_path).publisher.domains == ("forward.com",)
    # 4. nothing found: the Forward
    empty = tmp_path.parent / f"{tmp_path.name}-empty"
    empty.mkdir()
    assert load_profile(cwd=empty).name == "forward"


def test_syndicate_toml_beats_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[tool.syndicate]\nprofile = "forward"\n')
    _write(tmp_path / "syndicate.toml", 'profile = "inn"\n')
    assert discover(tmp_path) == (tmp_path / "syndicate.toml").resolve()


def test_a_broken_discovered_file_is_an_error_not_a_fallback(tmp_path: Path) -> None:
    _write(tmp_path / "syndicate.toml", "profile = \n")
    with pytest.raises(ConfigError, match=r"syndicate.toml: invalid TOML"):
        load_profile(cwd=tmp_path)


def test_docs_policy_md_shows_every_key_and_the_example_profile_verbatim() -> None:
    from pydantic import BaseModel

    from syndicate.policy import profile as model

    text = (FIXTURES.parent / "docs" / "policy.md").read_text(encoding="utf-8")
    sections: list[type[BaseModel]] = [
        model.Profile, model.Publisher, model.Credit, model.Pixel, model.OriginPolicy,
        model.Outlet, model.CopyPolicy, model.Embed,
    ]  # fmt: skip
    for section in sections:
        for name, field in section.model_fields.items():
            key = field.alias or name
            assert f"`{key}`" in text or f"[{key}]" in text or f".{key}]" in text, key
    example = (PROFILES / "newsroom.toml").read_text(encoding="utf-8")
    lines = example.splitlines(True)
    while lines[0].startswith("#"):  # the file's own header comment
        lines.pop(0)
    assert "".join(lines).strip() in text


@pytest.mark.parametrize("value", ["[" * 5_000 + "]" * 5_000, "{a = " * 5_000 + "1" + "}" * 5_000])
def test_a_value_nested_past_the_readers_depth_is_one_config_error(
    tmp_path: Path, value: str
) -> None:
    config = _write(tmp_path / "syndicate.toml", f'profile = "forward"\nx = {value}\n')
    with pytest.raises(ConfigError, match=r"syndicate\.toml: invalid TOML .*nested too deeply"):
        load_profile(config=config)


@pytest.mark.parametrize(
    "key", ["a." * 100_000 + "b", '"a".' * 100 + "b", "[" + "t." * 65 + "u]\nb"]
)
def test_a_dotted_key_of_thousands_of_parts_is_one_config_error_at_once(
    tmp_path: Path, key: str
) -> None:
    # The TOML reader checks every prefix of a dotted key: 100,000 parts took minutes.
    config = _write(tmp_path / "syndicate.toml", f'profile = "forward"\n{key} = 1\n')
    started = time.monotonic()
    with pytest.raises(
        ConfigError, match=r"syndicate\.toml: line \d: a dotted key of over 64 parts"
    ):
        load_profile(config=config)
    assert time.monotonic() - started < 5


def test_a_profile_keeps_its_dotted_keys_and_the_dots_in_its_strings(tmp_path: Path) -> None:
    host = ".".join(["a"] * 100) + ".example"
    config = _write(
        tmp_path / "syndicate.toml",
        f'profile = "forward"\n[partners."{host}".rules]\nbyline-missing = "warning"\n'
        f'[credit]\nhtml = "{"." * 500} {{publisher}}"\n',
    )
    assert host in load_profile(config=config).partners


def test_a_profile_over_a_megabyte_or_endless_is_refused_unread(tmp_path: Path) -> None:
    config = _write(tmp_path / "syndicate.toml", 'profile = "forward"\n' + "# note\n" * 200_000)
    with pytest.raises(ConfigError, match=r"syndicate\.toml: over the cap of 1,048,576 bytes"):
        load_profile(config=config)
    if Path("/dev/zero").exists():
        with pytest.raises(ConfigError, match=r"^/dev/zero: over the cap of 1,048,576 bytes"):
            load_profile(config=Path("/dev/zero"))


@pytest.mark.parametrize("field", ["{post_id:>999999999}", "{post_id!r}", "{url:.3}"])
def test_a_pixel_template_field_with_a_format_spec_is_refused_when_loaded(
    tmp_path: Path, field: str
) -> None:
    # A spec pads the pixel's address: "{post_id:>999999999}" would build a gigabyte.
    config = _write(
        tmp_path / "syndicate.toml",
        f'profile = "forward"\n[pixel]\nsource = "template"\n'
        f'template = "https://news.example.org/pixel?p={field}"\n',
    )
    with pytest.raises(ConfigError, match=r"pixel\.template: .*fields take no format spec"):
        load_profile(config=config)


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ('tags = ["p", "a", "script"]', "embed.tags: script: never allowed in an embed"),
        ('tags = ["p", "STYLE"]', "embed.tags: STYLE: never allowed in an embed"),
        ('tags = ["p", "iframe"]', "embed.tags: iframe: never allowed in an embed"),
        ('url_schemes = ["https", "data"]', "embed.url_schemes: data: never allowed"),
        ('url_schemes = ["JavaScript:"]', "embed.url_schemes: JavaScript:: never allowed"),
        ('attributes = { a = ["href", "onclick"] }', "embed.attributes: a: onclick: never"),
        ('attributes = { iframe = ["srcdoc"] }', "embed.attributes: iframe: srcdoc: never"),
    ],
)
def test_a_profile_cannot_allow_what_runs_code_in_an_embed(
    tmp_path: Path, section: str, message: str
) -> None:
    # "script" or "style" in the tags made the sanitizer panic (a Rust backtrace), and a
    # "data" scheme let data: links into the embed.
    config = _write(tmp_path / "syndicate.toml", f'profile = "forward"\n[embed]\n{section}\n')
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_profile(config=config)
