"""Links to a section of an article: ``PATH#anchor``, as "Copy link to this section" gives and the command line takes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit


def section_link(path: Path, anchor: str) -> str:
    """The link to section *anchor* of the article at *path*: its absolute path, '#', the anchor."""
    return f"{path.absolute()}#{anchor}"


def split_section_link(argument: str, is_file: Callable[[Path], bool] = Path.is_file) -> tuple[Path, str | None]:
    """The article path and anchor a command-line argument names.

    ``notes.md#dosage`` is ``notes.md`` at ``dosage``, unless a file is really called ``notes.md#dosage``;
    ``file:///…/notes.md#dosage`` works too. An empty anchor (``notes.md#``) means the top.
    """
    if argument.startswith("file://"):
        parts = urlsplit(argument)
        return Path(unquote(parts.path)), unquote(parts.fragment) or None
    whole = Path(argument)
    if "#" not in argument or is_file(whole):
        return whole, None
    path, _, anchor = argument.rpartition("#")
    if not path:
        return whole, None  # '#x' alone names no article: let the loader say the file is missing
    return Path(path), anchor or None
