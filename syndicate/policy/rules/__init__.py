"""Every rule module, listed explicitly: importing this package registers their rules."""

from syndicate.policy.rules import attribution, content, origin, tracking

__all__ = ["attribution", "content", "origin", "tracking"]
