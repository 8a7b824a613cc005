"""Which URLs an article may use: the one policy for sanitizing, loading and clicking."""

from __future__ import annotations

import enum
import os
import stat
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})
MAX_RESOURCE_BYTES = 8 * 1024 * 1024
"""Images larger than this are not decoded: a kiosk must not run out of memory on one picture."""


class LinkKind(enum.Enum):
    """What clicking a link does."""

    ANCHOR = "anchor"  # a section of this article
    EXTERNAL = "external"  # the system browser or mail program, after the user confirms
    REFUSED = "refused"


def classify_link(href: str) -> LinkKind:
    """Decide what a link in an article may do."""
    href = href.strip()
    if href.startswith("#") and len(href) > 1:
        return LinkKind.ANCHOR
    parts = urlsplit(href)
    if parts.scheme.lower() in EXTERNAL_SCHEMES and (parts.netloc or parts.scheme.lower() == "mailto"):
        return LinkKind.EXTERNAL
    return LinkKind.REFUSED


def is_local_resource(src: str) -> bool:
    """True for a relative path that stays inside the article's folder (no scheme, root or '..')."""
    src = src.strip()
    if not src or "\\" in src or src.startswith(("/", "#")) or any(ord(c) < 32 for c in src):
        return False
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or parts.query:
        return False
    path = PurePosixPath(unquote(parts.path))
    return not path.is_absolute() and ".." not in path.parts and ":" not in path.parts[0]


def resolve_resource(folder: Path, src: str) -> Path | None:
    """The regular file inside *folder* that *src* names, or None when it is not allowed there.

    Symbolic links are followed only if they end inside *folder*; devices, pipes, folders and
    files over MAX_RESOURCE_BYTES are refused.
    """
    if not is_local_resource(src):
        return None
    root = folder.resolve()
    candidate = (root / unquote(urlsplit(src.strip()).path)).resolve()
    if not candidate.is_relative_to(root):
        return None
    try:
        info = os.stat(candidate)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_RESOURCE_BYTES:
        return None
    return candidate
