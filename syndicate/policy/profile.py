"""A publisher's republishing rules as data: the TOML model, discovery and loading.

Where a profile comes from, first match wins:

1. ``--config FILE`` (``load_profile(config=...)``): a TOML profile file.
2. ``--profile NAME`` (``load_profile(name=...)``): a built-in profile (``forward``, ``inn``).
3. ``syndicate.toml``, or ``[tool.syndicate]`` in ``pyproject.toml``, in the working
   directory or the nearest folder above it that has one.
4. The built-in Forward profile.

A discovered file may either be a whole profile or say ``profile = "NAME"`` to pick a
built-in one, with optional ``[rules]`` overrides on top.
"""

from __future__ import annotations

import difflib
import re
import string
import tomllib
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

from syndicate.errors import ConfigError

BUILTIN = ("forward", "inn")
MAX_PROFILE_BYTES = 1_048_576
"""The most a profile file may hold (a real one is a few KB): ``/dev/zero`` is not read forever."""
MAX_KEY_PARTS = 64
"""The most parts of one dotted key (a real one has 4: ``partners."host".rules.slug``); the
TOML reader checks each key's every prefix, so 100,000 parts would take minutes."""
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
# A dotted key longer than the cap, from the start of a bare or quoted key; strings and
# comments are passed over whole, so the dots of a long host name in a string make no key.
_DEEP_KEY = re.compile(
    rf"""(?P<key>(?<![A-Za-z0-9_"'.-])(?:{_KEY_PART}[ \t]*\.[ \t]*){{{MAX_KEY_PARTS}}})"""
    r'''|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|#[^\n]*'''
)
# What no profile may allow in an embed, whatever its [embed] lists (docs/security.md): tags
# that run, load or hide content (the sanitizer also panics on script and style), event
# handlers and attributes that load a document, and schemes that run code.
NEVER_TAGS = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
    "input", "button", "textarea", "select", "base", "meta", "link", "svg", "math",
    "template", "noscript", "noembed", "noframes", "xmp", "plaintext", "title",
})  # fmt: skip
NEVER_ATTRIBUTES = frozenset({"srcdoc", "formaction", "xlink:href"})
NEVER_SCHEMES = frozenset({"javascript", "vbscript", "data"})
PIXEL_FIELDS = ("post_id", "canonical_url", "url")
"""The fields a pixel template may use."""
CREDIT_FIELDS = ("canonical_url", "publisher", "publisher_url", "title")
"""The fields a credit template may use."""


def check_template(template: str, fields: tuple[str, ...]) -> str:
    """``template`` when it is a ``str.format`` template of plain ``fields`` only; else a
    ValueError saying what is wrong with it."""
    try:
        parts = [
            (name, spec, conversion)
            for _, name, spec, conversion in string.Formatter().parse(template)
            if name is not None
        ]
    except ValueError as exc:
        raise ValueError(f"not a valid template ({exc})") from None
    known = ", ".join(f"{{{f}}}" for f in fields)
    for name, spec, conversion in parts:
        if name not in fields:
            raise ValueError(f"unknown field {{{name}}}; expected {known}")
        # A format spec pads or cuts ("{post_id:>999999999}" is a gigabyte of spaces).
        if spec or conversion:
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise ValueError(f"{{{shown}}}: fields take no format spec; write {{{name}}}")
    return template


DEFAULT = "forward"
Keep = Literal["byline", "links", "paragraph-styles", "credit", "pixel", "canonical", "headline"]
Drop = Literal["images", "embeds", "scripts", "styles", "forms", "iframes"]


def _known_rule(slug: str) -> str:
    """A [rules] key must name a registered rule (did-you-mean otherwise)."""
    from syndicate.policy.registry import get_rule  # the registry imports the rule modules

    try:
        get_rule(slug)
    except ConfigError as exc:
        raise ValueError(str(exc)) from None
    return slug


RuleSlug = Annotated[str, AfterValidator(_known_rule)]


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Publisher(_Section):
    name: str = Field(description="As credited: 'the Forward'.")
    url: str = Field(description="The publisher's home page.")
    domains: tuple[str, ...] = Field(
        default=(),
        description="Hosts that are the publisher's own; empty for a generic profile, whose "
        "publisher is each page's own site (see policy.publisher.bind).",
    )
    aliases: tuple[str, ...] = Field(
        default=(), description="Other names: 'The Forward', 'Forward'."
    )


class Credit(_Section):
    html: str = Field(
        description="The credit line: {canonical_url} {publisher} {publisher_url} {title} expand."
    )
    position: Literal["top", "bottom"] = "bottom"

    @field_validator("html")
    @classmethod
    def _known_fields(cls, html: str) -> str:
        return check_template(html, CREDIT_FIELDS)


class Pixel(_Section):
    source: Literal["page", "template", "page-or-template"] = "page-or-template"
    template: str | None = Field(
        default=None, description="URL with {post_id}, {canonical_url}, {url} fields."
    )
    match: tuple[str, ...] = Field(
        default=("republication-pixel=true",),
        description="Substrings that mark a URL as this publisher's pixel.",
    )
    required: StrictBool = Field(
        default=True, description="The copy must carry the pixel (rule pixel-unavailable)."
    )

    @field_validator("template")
    @classmethod
    def _known_fields(cls, template: str | None) -> str | None:
        return None if template is None else check_template(template, PIXEL_FIELDS)

    @model_validator(mode="after")
    def _template_when_needed(self) -> Pixel:
        if self.source == "template" and self.template is None:
            raise ValueError('source = "template" needs a template')
        return self


class Outlet(_Section):
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


class OriginPolicy(_Section):
    blocked: tuple[Outlet, ...] = Field(default=(), description="Origins that forbid republishing.")
    block_other: StrictBool = Field(
        default=True, description="Any other foreign origin blocks too."
    )
    allowed: tuple[Outlet, ...] = Field(
        default=(), description="Foreign origins that do not block."
    )


class CopyPolicy(_Section):
    keep: tuple[Keep, ...] = ("byline", "links", "paragraph-styles", "credit", "pixel", "canonical")
    drop: tuple[Drop, ...] = ("images", "embeds", "scripts", "styles", "forms", "iframes")


class Embed(_Section):
    tags: tuple[str, ...] = (
        "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "a", "em", "strong",
        "i", "b", "u", "s", "sub", "sup", "br", "hr", "cite", "q", "code", "pre", "small",
        "img", "div", "span", "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td",
        "h1", "article", "header", "footer", "section", "time", "abbr",
    )  # fmt: skip
    attributes: dict[str, tuple[str, ...]] = Field(
        default_factory=lambda: {
            "a": ("href", "title"),
            "img": ("src", "id", "alt", "width", "height", "style"),
            "blockquote": ("class", "cite"),
            "time": ("datetime",),
            "*": ("class",),
        }
    )
    url_schemes: tuple[str, ...] = ("http", "https", "mailto")
    images_note: str | None = Field(
        default="Images are not included: they are licensed separately.",
        description="Shown in the embed when the original had images that were dropped.",
    )

    @field_validator("tags")
    @classmethod
    def _safe_tags(cls, tags: tuple[str, ...]) -> tuple[str, ...]:
        for tag in tags:
            if tag.strip().lower() in NEVER_TAGS:
                raise ValueError(f"{tag}: never allowed in an embed (it runs or loads content)")
        return tags

    @field_validator("attributes")
    @classmethod
    def _safe_attributes(cls, table: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for tag, names in table.items():
            for name in names:
                low = name.strip().lower()
                if low.startswith("on") or low in NEVER_ATTRIBUTES:
                    raise ValueError(f"{tag}: {name}: never allowed in an embed")
        return table

    @field_validator("url_schemes")
    @classmethod
    def _safe_schemes(cls, schemes: tuple[str, ...]) -> tuple[str, ...]:
        for scheme in schemes:
            if scheme.strip().lower().removesuffix(":") in NEVER_SCHEMES:
                raise ValueError(f"{scheme}: never allowed in an embed (it runs code)")
        return schemes


class RuleSetting(_Section):
    """``[rules.SLUG] severity = "warning"``, or the short form ``[rules] SLUG = "warning"``."""

    severity: Literal["error", "warning", "info", "off"]

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, value: Any) -> Any:
        return {"severity": value} if isinstance(value, str) else value


class Profile(_Section):
    """One publisher's rules. ``name`` is the profile's own name (e.g. 'forward')."""

    name: str
    publisher: Publisher
    credit: Credit
    pixel: Pixel = Pixel()
    origin: OriginPolicy = OriginPolicy()
    copy_: CopyPolicy = Field(default=CopyPolicy(), alias="copy")
    embed: Embed = Embed()
    rules: dict[RuleSlug, RuleSetting] = Field(
        default_factory=dict, description="Severity overrides by rule slug: [rules.SLUG]."
    )
    partners: dict[str, dict[Literal["rules"], dict[RuleSlug, RuleSetting]]] = Field(
        default_factory=dict, description="Per-partner rule overrides: [partners.HOST.rules]."
    )

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def load_profile(
    name: str | None = None, *, config: str | Path | None = None, cwd: str | Path | None = None
) -> Profile:
    """Load a profile by the documented precedence (see the module docstring)."""
    if config is not None:
        return _from_file(Path(config))
    if name is not None:
        return builtin(name)
    found = discover(Path(cwd) if cwd is not None else Path.cwd())
    if found is not None:
        return _from_file(found)
    return builtin(DEFAULT)


def builtin(name: str) -> Profile:
    """A profile shipped with syndicate."""
    if name not in BUILTIN:
        hint = _did_you_mean(name, BUILTIN)
        raise ConfigError(f"unknown profile {name!r}{hint}; built in: {', '.join(BUILTIN)}")
    text = resources.files("syndicate.policy.profiles").joinpath(f"{name}.toml").read_text("utf-8")
    return _validate(tomllib.loads(text), f"<built-in {name}>")


def discover(start: Path) -> Path | None:
    """The nearest ``syndicate.toml``, or ``pyproject.toml`` with ``[tool.syndicate]``, upwards."""
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / "syndicate.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "syndicate" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def _from_file(path: Path) -> Profile:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("syndicate")
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: no [tool.syndicate] table")
    data.setdefault("name", path.parent.name if path.name == "pyproject.toml" else path.stem)
    if "profile" in data:
        base_name = data.pop("profile")
        if not isinstance(base_name, str):
            raise ConfigError(f"{path}: profile: expected the name of a built-in profile")
        try:
            base = builtin(base_name).model_dump(by_alias=True, exclude_defaults=False)
        except ConfigError as exc:
            raise ConfigError(f"{path}: profile: {exc}") from exc
        data = _merge(base, data)
    return _validate(data, str(path))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_PROFILE_BYTES + 1)
        if len(data) > MAX_PROFILE_BYTES:
            raise ConfigError(f"{path}: over the cap of {MAX_PROFILE_BYTES:,} bytes for a profile")
        text = data.decode()
        deep = next((m for m in _DEEP_KEY.finditer(text) if m.group("key")), None)
        if deep:
            line = text.count("\n", 0, deep.start()) + 1
            raise ConfigError(f"{path}: line {line}: a dotted key of over {MAX_KEY_PARTS} parts")
        return tomllib.loads(text)
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise ConfigError(f"{path}: is a directory, not a file") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from exc
    except RecursionError as exc:  # tomllib reads nested arrays and inline tables by recursion
        raise ConfigError(f"{path}: invalid TOML (arrays or tables nested too deeply)") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from exc


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _validate(data: dict[str, Any], where: str) -> Profile:
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ConfigError(f"{where}: {_describe(errors[0])}{more}") from exc


def _describe(error: ErrorDetails) -> str:
    """``dotted.key: what was expected`` for one pydantic error, in TOML words."""
    loc = tuple(part for part in error["loc"] if part != "[key]")
    key = _dotted(loc) or "(top level)"
    kind = error["type"]
    if kind == "extra_forbidden":
        known = _known_keys(loc[:-1])
        hint = _did_you_mean(str(loc[-1]), known)
        listed = f"; expected one of: {', '.join(known)}" if known and not hint else ""
        return f"{key}: unknown key{hint}{listed}"
    if kind == "missing":
        return f"{key}: missing; this key is required"
    if kind == "value_error":
        return f"{key}: {error['ctx']['error']}"
    expected = _EXPECTED.get(kind) or error["msg"].removeprefix("Input should be ")
    return f"{key}: expected {expected}, got {_show(error['input'])}"


# pydantic's error types for the shapes TOML can give, in TOML's words.
_EXPECTED = {
    "string_type": "a string",
    "bool_type": "true or false",
    "tuple_type": "a list",
    "list_type": "a list",
    "dict_type": "a table",
    "model_type": "a table",
    "model_attributes_type": "a table",
    "int_type": "an integer",
    "too_short": "a non-empty list",
}


def _dotted(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list | tuple):
        return f"a list {list(value)!r}" if len(repr(value)) < 60 else "a list"
    return repr(value)


def _known_keys(loc: tuple[int | str, ...]) -> tuple[str, ...]:
    """The keys the table at ``loc`` accepts (for did-you-mean)."""
    model: type[BaseModel] = Profile
    for part in loc:
        if isinstance(part, int):
            continue  # an item of a list of tables: same model
        fields = {f.alias or n: f for n, f in model.model_fields.items()}
        annotation = fields[str(part)].annotation if str(part) in fields else None
        nested = _model_in(annotation)
        if nested is None:
            return ()
        model = nested
    return tuple(f.alias or n for n, f in model.model_fields.items())


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, directly or as the items of a tuple."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) is tuple:
        return _model_in(get_args(annotation)[0])
    return None


def _did_you_mean(word: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
