"""Picking up where the reader left off: which article and place to open at start, and remembering it at the end.

The place is kept in the settings (``last_article``, ``last_section``, ``last_position``). A path
given on the command line always wins; a last article that is gone falls back to the bundled one,
with a note for the status bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from viewer.core.settings import Settings


@dataclass(frozen=True)
class StartPlace:
    """What to open: the article (None for the bundled one), the section and how far into it, and a note to show."""

    path: Path | None
    anchor: str | None = None
    position: int = 0
    note: str = ""
    restored: bool = False  # the place comes from the last run, not from the command line


def start_place(given: Path | None, anchor: str | None, settings: Settings | None) -> StartPlace:
    """Where to start: the command line's article and anchor, else the last run's place, else the bundled article's top.

    The article read last, given again by path without an anchor, opens where the reader was in it.
    """
    if anchor is not None or settings is None:
        return StartPlace(given, anchor)
    last = str(settings.get("last_article"))
    section, position = str(settings.get("last_section")) or None, int(settings.get("last_position"))
    if given is not None:
        same = bool(last) and _same_file(given, Path(last))
        return StartPlace(given, section, position, restored=True) if same else StartPlace(given, None)
    if not last:
        return StartPlace(None, section, position, restored=True)
    if Path(last).is_file():
        return StartPlace(Path(last), section, position, restored=True)
    return StartPlace(None, note=f"The article read last, {last}, is gone; showing the bundled article.")


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:  # either is gone or unreadable: not the same article to pick up
        return False


def remember_place(settings: Settings, article: Path | None, anchor: str, position: int) -> None:
    """Note the article (None for the bundled one) and the place in it, for the next start (save the settings after)."""
    path = str(article.absolute()) if article is not None else ""
    for name, value in (("last_article", path), ("last_section", anchor), ("last_position", max(0, position))):
        try:
            settings.set(name, value)
        except ValueError:  # a path or anchor too long to keep: start at the bundled article's top instead
            settings.set("last_article", "")
            settings.set("last_section", "")
            settings.set("last_position", 0)
            return
