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
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from syndicate.errors import ConfigError
from syndicate.models import Severity

BUILTIN = ("forward", "inn")
DEFAULT = "forward"
Keep = Literal["byline", "links", "paragraph-styles", "credit", "pixel", "canonical", "headline"]
Drop = Literal["images", "embeds", "scripts", "styles", "forms", "iframes"]


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Publisher(_Section):
    name: str = Field(description="As credited: 'the Forward'.")
    url: str = Field(description="The publisher's home page.")
    domains: tuple[str, ...] = Field(
        min_length=1, description="Hosts that are the publisher's own."
    )
    aliases: tuple[str, ...] = Field(
        default=(), description="Other names: 'The Forward', 'Forward'."
    )


class Credit(_Section):
    html: str = Field(
        description="The credit line: {canonical_url} {publisher} {publisher_url} {title} expand."
    )
    position: Literal["top", "bottom"] = "bottom"


class Pixel(_Section):
    source: Literal["page", "template", "page-or-template"] = "page-or-template"
    template: str | None = Field(
        default=None, description="URL with {post_id}, {canonical_url}, {url} fields."
    )
    match: tuple[str, ...] = Field(
        default=("republication-pixel=true",),
        description="Substrings that mark a URL as this publisher's pixel.",
    )
    required: bool = True


class Outlet(_Section):
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


class OriginPolicy(_Section):
    blocked: tuple[Outlet, ...] = Field(default=(), description="Origins that forbid republishing.")
    block_other: bool = Field(default=True, description="Any other foreign origin blocks too.")
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


class RuleSetting(_Section):
    severity: Severity | Literal["off"] = "error"


class Profile(_Section):
    """One publisher's rules. ``name`` is the profile's own name (e.g. 'forward')."""

    name: str
    publisher: Publisher
    credit: Credit
    pixel: Pixel = Pixel()
    origin: OriginPolicy = OriginPolicy()
    copy_: CopyPolicy = Field(default=CopyPolicy(), alias="copy")
    embed: Embed = Embed()
    rules: dict[str, RuleSetting] = Field(default_factory=dict)
    partners: dict[str, dict[str, dict[str, RuleSetting]]] = Field(
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
    if "profile" in data:
        base_name = data.pop("profile")
        if not isinstance(base_name, str):
            raise ConfigError(f"{path}: profile: expected the name of a built-in profile")
        try:
            base = builtin(base_name).model_dump(by_alias=True, exclude_defaults=False)
        except ConfigError as exc:
            raise ConfigError(f"{path}: profile: {exc}") from exc
        data = _merge(base, data)
    data.setdefault("name", path.stem)
    return _validate(data, str(path))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise ConfigError(f"{path}: is a directory, not a file") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from exc
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
        first = exc.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or "(top level)"
        if first["type"] == "extra_forbidden":
            known = _known_keys(first["loc"][:-1])
            hint = _did_you_mean(str(first["loc"][-1]), known)
            raise ConfigError(f"{where}: {key}: unknown key{hint}") from exc
        raise ConfigError(f"{where}: {key}: {first['msg'].lower()}") from exc


def _known_keys(loc: tuple[int | str, ...]) -> tuple[str, ...]:
    model: type[BaseModel] = Profile
    for part in loc:
        field = model.model_fields.get(str(part))
        annotation = field.annotation if field else None
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return ()
        model = annotation
    return tuple(f.alias or n for n, f in model.model_fields.items())


def _did_you_mean(word: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
