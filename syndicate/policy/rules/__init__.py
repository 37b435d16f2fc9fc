"""Every rule module, listed explicitly: importing this package registers their rules."""

from syndicate.policy.rules import (
    attribution,
    content,
    copy_attribution,
    copy_media,
    copy_styles,
    copy_text,
    copy_tracking,
    origin,
    tracking,
)

__all__ = [
    "attribution",
    "content",
    "copy_attribution",
    "copy_media",
    "copy_styles",
    "copy_text",
    "copy_tracking",
    "origin",
    "tracking",
]
