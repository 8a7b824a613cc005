"""Which URLs an article may use: the one policy for sanitizing, loading and clicking."""

from __future__ import annotations

import enum
import os
import stat
import unicodedata
from pathlib import Path, PurePosixPath
from typing import NamedTuple
from urllib.parse import SplitResult, unquote, urlsplit

EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})
ARTICLE_SUFFIXES = frozenset({".md", ".markdown"})
"""A relative link to a file with one of these endings, in the same folder, opens it in the viewer."""
MAX_RESOURCE_BYTES = 8 * 1024 * 1024
"""Images larger than this are not read: a kiosk must not run out of memory on one picture."""

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class LinkKind(enum.Enum):
    """What clicking a link does."""

    ANCHOR = "anchor"  # a section of this article
    ARTICLE = "article"  # another article in the same folder (other.md, other.md#section), opened in the viewer
    EXTERNAL = "external"  # the system browser or mail program, after the user confirms
    REFUSED = "refused"  # shown as plain text, not as a link


class ArticleLink(NamedTuple):
    """Where a link to another article leads: its file, and the section named after '#' (or '')."""

    path: Path
    fragment: str


def classify_link(href: str) -> LinkKind:
    """Decide what a link in an article may do."""
    href = href.strip()
    if href.startswith("#") and len(href) > 1:
        return LinkKind.ANCHOR
    if _has_hidden_characters(href):
        return LinkKind.REFUSED  # the confirmation must show the reader exactly where the link goes
    parts = _split(href)
    if parts is None:
        return LinkKind.REFUSED
    scheme = parts.scheme.lower()
    if (scheme in {"http", "https"} and parts.netloc.strip("@:")) or (scheme == "mailto" and parts.path):
        return LinkKind.EXTERNAL
    if _article_name(parts) is not None:
        return LinkKind.ARTICLE
    return LinkKind.REFUSED


def resolve_article_link(folder: Path, href: str, allowed_folder: Path | None = None) -> ArticleLink | str:
    """The article a link in an article from *folder* leads to, or why the viewer will not open it.

    Only a Markdown file directly in *folder* (a symbolic link must end there too) is opened; with
    *allowed_folder* (kiosk mode), only one inside that folder.
    """
    parts = _split(href.strip()) if classify_link(href) is LinkKind.ARTICLE else None
    name = _article_name(parts) if parts is not None else None
    if parts is None or name is None:
        return "the viewer opens only links to Markdown articles (.md) in the same folder"
    path = resolve_resource(folder, parts.path)
    if path is None:
        return f"there is no article named {name!r} in this article's folder"
    if allowed_folder is not None and not path.is_relative_to(allowed_folder.resolve()):
        return "this article is outside the folder the viewer is set to show"
    return ArticleLink(path, unquote(parts.fragment))


def _article_name(parts: SplitResult) -> str | None:
    """The file name a relative link to a Markdown file in the same folder names, else None."""
    if parts.scheme or parts.netloc or parts.query or not parts.path:
        return None
    decoded = unquote(parts.path)
    path = PurePosixPath(decoded)
    if "\\" in decoded or _has_hidden_characters(decoded) or decoded.startswith("/") or len(path.parts) != 1:
        return None
    name = path.parts[0]
    return name if path.suffix.lower() in ARTICLE_SUFFIXES and ":" not in name else None


def is_local_resource(src: str) -> bool:
    """True for a relative path that stays inside the article's folder (no scheme, root, query or '..')."""
    src = src.strip()
    if not src or "\\" in src or src.startswith(("/", "#")) or _has_hidden_characters(src):
        return False
    parts = _split(src)
    if parts is None or parts.scheme or parts.netloc or parts.query or parts.fragment:
        return False
    decoded = unquote(parts.path)
    if "\\" in decoded or _has_hidden_characters(decoded):
        return False
    path = PurePosixPath(decoded)
    return bool(path.parts) and not path.is_absolute() and ".." not in path.parts and ":" not in path.parts[0]


def resolve_resource(folder: Path, src: str) -> Path | None:
    """The regular file inside *folder* that *src* names, or None when it is not allowed there.

    Symbolic links are followed only if they end inside *folder*; devices, pipes, folders and
    files over MAX_RESOURCE_BYTES are refused.
    """
    if not is_local_resource(src):
        return None
    try:
        root = folder.resolve()
        candidate = (root / unquote(src.strip())).resolve()  # a local resource is a bare path: nothing to split off
        if not candidate.is_relative_to(root):
            return None
        info = os.stat(candidate)
    except (OSError, RuntimeError, ValueError):  # RuntimeError: a symlink loop on older Pythons
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_RESOURCE_BYTES:
        return None
    return candidate


def read_resource(folder: Path, src: str) -> bytes | None:
    """The bytes of the file that *src* names inside *folder*, or None when it may not be read.

    The file is checked again on the open handle, so one swapped for a device, a pipe or a
    symbolic link between the check and the read is refused as well.
    """
    path = resolve_resource(folder, src)
    if path is None:
        return None
    try:
        handle = os.open(path, _OPEN_FLAGS)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_RESOURCE_BYTES:
            return None
        data = stream.read(MAX_RESOURCE_BYTES + 1)
    return data if len(data) <= MAX_RESOURCE_BYTES else None


def _split(url: str) -> SplitResult | None:
    """The parts of *url*, or None when it cannot be parsed (urlsplit raises on '//x]', a broken IPv6 host)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def _has_hidden_characters(text: str) -> bool:
    """Control, format (bidi overrides, zero-width) and line-separator characters hide what a URL says."""
    return any(unicodedata.category(c) in {"Cc", "Cf", "Zl", "Zp"} for c in text)
