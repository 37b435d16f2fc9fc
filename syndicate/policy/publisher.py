"""Whose story is it: the profile's publisher, or, for a generic profile, the page's own site.

A profile with ``publisher.domains`` names one publisher (the Forward). A profile without
domains is generic (any INN-style newsroom): ``bind`` fills its publisher in from the page
it judges, so the credit line, the pixel and the lint rules speak of that page's site.
"""

from __future__ import annotations

from syndicate.models import Article
from syndicate.parse import urls
from syndicate.policy.outlets import host_of, on_domain
from syndicate.policy.profile import Profile


def is_generic(profile: Profile) -> bool:
    """True when the profile names no publisher domains of its own."""
    return not profile.publisher.domains


def page_host(article: Article) -> str | None:
    """The host the page belongs to: where it was read from, else its canonical link."""
    return host_of(article.url) or host_of(article.canonical_url)


def belongs(article: Article, profile: Profile) -> bool | None:
    """Whether the page is on the profile publisher's domains; None when it cannot be told."""
    if is_generic(profile):
        return True
    host = page_host(article)
    return None if host is None else on_domain(host, profile.publisher.domains)


def bind(profile: Profile, article: Article) -> Profile:
    """The profile with a generic publisher filled in from ``article``'s own site."""
    if not is_generic(profile):
        return profile
    host = page_host(article)
    if host is None:
        return profile
    address = article.canonical_url or article.url or ""
    parts = urls.parts(address)
    scheme = parts.scheme or "https"
    netloc = parts.netloc or host
    publisher = profile.publisher.model_copy(
        update={
            "name": article.publisher or host,
            "url": f"{scheme}://{netloc}/",
            "domains": (host,),
            "aliases": (*profile.publisher.aliases, host),
        }
    )
    return profile.model_copy(update={"publisher": publisher})
