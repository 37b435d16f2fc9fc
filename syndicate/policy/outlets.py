"""Which publication an origin sign names: matching by name, alias and domain.

``Jewish Telegraphic Agency``, ``JTA``, ``JTA.org`` and a link to ``www.jta.org/...`` are all
the same outlet when the profile lists them as its aliases and domains.
"""

from __future__ import annotations

import re

from syndicate.models import Origin
from syndicate.parse import urls
from syndicate.policy.profile import Outlet, Publisher

LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
"""'The Forward' is 'Forward'; 'The Associated Press' is 'Associated Press'."""
NOT_A_WORD = re.compile(r"[^\w.]+")
"""Punctuation and spacing do not tell names apart ('JTA,' is 'JTA'); dots stay so that
'jta.org' still reads as a domain."""
DOMAIN_LIKE = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$")
"""A name that is itself a host, as in 'first appeared on JTA.org'."""


def normalize(name: str) -> str:
    """Casefold, drop a leading article and punctuation, collapse spaces."""
    text = NOT_A_WORD.sub(" ", name.casefold()).strip(" .")
    return LEADING_ARTICLE.sub("", text).strip()


def host_of(url: str | None) -> str | None:
    """The host of an absolute URL, lower case and without ``www.``; None otherwise."""
    if not url:
        return None
    host = (urls.parts(url if "//" in url else f"//{url}").hostname or "").lower()
    return host.removeprefix("www.") or None


def on_domain(host: str | None, domains: tuple[str, ...]) -> bool:
    """True when ``host`` is one of ``domains`` or a subdomain of one."""
    if not host:
        return False
    return any(
        host == d or host.endswith("." + d)
        for d in (x.lower().removeprefix("www.") for x in domains)
    )


def names(outlet: Outlet | Publisher, sign: Origin) -> bool:
    """True when the sign's name is the outlet's name, an alias, or one of its domains."""
    listed = {normalize(n) for n in (outlet.name, *outlet.aliases)} - {""}
    said = normalize(sign.name)
    if said in listed:
        return True
    if DOMAIN_LIKE.match(said) and on_domain(said.removeprefix("www."), outlet.domains):
        return True
    # A longer name that contains a listed one as whole words: 'Haaretz English Edition'.
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", said) for n in listed)


def links_to(outlet: Outlet | Publisher, sign: Origin) -> bool:
    """True when the sign carries a link to one of the outlet's domains."""
    return on_domain(host_of(sign.url), outlet.domains)
