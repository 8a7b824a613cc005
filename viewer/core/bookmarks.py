"""Bookmarks: sections a reader starred, kept per article in a JSON file beside the settings.

A bookmark keeps the section's anchor and its title as they were when it was made, so one whose
section has gone from a changed article can still be listed (greyed) rather than lost. A file that
cannot be read as bookmarks is moved aside (``bookmarks.json.corrupt``), never overwritten, and
the bookmarks start empty with one problem saying so. Writing is atomic.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from viewer.core.article import Article, Section
from viewer.core.atomic import write_atomically
from viewer.core.settings import settings_path

BOOKMARKS_FILE = "bookmarks.json"
FORMAT_VERSION = 1
MAX_BOOKMARKS_BYTES = 4 * 1024 * 1024
MAX_TEXT = 4096  # an anchor, a title or an article key longer than this was not written by the viewer
BUNDLED_KEY = "bundled"


@dataclass(frozen=True)
class Bookmark:
    """A starred section: its anchor and title when starred, and the day."""

    anchor: str
    title: str
    added: str = ""  # YYYY-MM-DD

    def find_in(self, article: Article) -> Section | None:
        """The section this bookmark points at: by anchor, else by its title; None when it is gone."""
        return article.find(self.anchor) or next((s for s in article.sections if s.title == self.title), None)


class BookmarksError(Exception):
    """The bookmarks could not be saved; the message names the file and the reason."""


def bookmarks_path() -> Path:
    """Where the bookmarks live: beside the settings."""
    return settings_path().with_name(BOOKMARKS_FILE)


def article_key(path: Path | None, bundled: Path) -> str:
    """What bookmarks of the article at *path* are filed under: its absolute path, or 'bundled'.

    The bundled article has one key wherever the program is installed, so its bookmarks survive
    moving from a source checkout to an installed package.
    """
    if path is None or _same_file(path, bundled):
        return BUNDLED_KEY
    return str(path.absolute())


class Bookmarks:
    """Every article's bookmarks, as read from one file; change with :meth:`add`/:meth:`remove`, keep with :meth:`save`."""

    def __init__(self, path: Path, shelves: dict[str, list[Bookmark]], problems: list[str], writable: bool = True) -> None:
        self.path = path
        self.problems = problems
        self._shelves = shelves
        self._writable = writable  # False while an unreadable file could not be moved out of the way

    @classmethod
    def load(cls, path: Path | None = None) -> Bookmarks:
        """Read the bookmarks at *path* (default: :func:`bookmarks_path`); never raises."""
        path = path or bookmarks_path()
        try:
            return cls(path, _read(path), [])
        except FileNotFoundError:
            return cls(path, {}, [])
        except _Unreadable as problem:
            moved, message = _set_aside(path, str(problem))
            return cls(path, {}, [message], writable=moved)

    def of(self, key: str) -> list[Bookmark]:
        """The bookmarks of one article, in the order they were made."""
        return list(self._shelves.get(key, []))

    def has(self, key: str, anchor: str) -> bool:
        """Whether the article has a bookmark on *anchor*."""
        return any(bookmark.anchor == anchor for bookmark in self._shelves.get(key, []))

    def pointing_at(self, key: str, article: Article, anchor: str) -> Bookmark | None:
        """The article's bookmark that opens the section *anchor* (saved under that anchor or, since, found by title)."""
        section = article.find(anchor)
        if section is None:
            return None
        return next((b for b in self._shelves.get(key, []) if b.find_in(article) is section), None)

    def add(self, key: str, section: Section, today: dt.date | None = None) -> None:
        """Bookmark *section* (once)."""
        if not self.has(key, section.anchor):
            added = (today or dt.date.today()).isoformat()
            self._shelves.setdefault(key, []).append(Bookmark(section.anchor, section.title, added))

    def remove(self, key: str, anchor: str) -> None:
        """Remove the bookmark on *anchor*, if there is one."""
        kept = [bookmark for bookmark in self._shelves.get(key, []) if bookmark.anchor != anchor]
        if kept:
            self._shelves[key] = kept
        else:
            self._shelves.pop(key, None)

    def save(self) -> None:
        """Write every bookmark atomically; BookmarksError naming the file if that fails."""
        if not self._writable:
            raise BookmarksError(f"{self.path}: the bookmarks are not saved, so as not to overwrite the unreadable file")
        data = {"version": FORMAT_VERSION, "articles": {k: [asdict(b) for b in v] for k, v in self._shelves.items()}}
        try:
            write_atomically(self.path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        except OSError as error:
            raise BookmarksError(f"{self.path}: the bookmarks could not be saved ({error.strerror or error})") from None


class _Unreadable(Exception):
    """The file exists but holds no bookmarks the viewer can read."""


def _read(path: Path) -> dict[str, list[Bookmark]]:
    try:
        if path.stat().st_size > MAX_BOOKMARKS_BYTES:
            raise _Unreadable("is too large to be a bookmarks file")
        data = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise
    except OSError as error:
        raise _Unreadable(f"cannot be read ({error.strerror or error})") from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _Unreadable("is not valid JSON") from None
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or not isinstance(data.get("articles"), dict):
        raise _Unreadable(f"is not a bookmarks file of version {FORMAT_VERSION}")
    return {_checked_text(key): [_bookmark(entry) for entry in _list(entries)] for key, entries in data["articles"].items()}


def _list(value: object) -> list[object]:
    if not isinstance(value, list):
        raise _Unreadable("holds an article whose bookmarks are not a list")
    return value


def _bookmark(entry: object) -> Bookmark:
    if not isinstance(entry, dict):
        raise _Unreadable("holds a bookmark that is not an object")
    return Bookmark(_checked_text(entry.get("anchor")), _checked_text(entry.get("title")), _checked_text(entry.get("added", "")))


def _checked_text(value: object) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise _Unreadable("holds a bookmark field that is not a short text")
    return value


def _set_aside(path: Path, reason: str) -> tuple[bool, str]:
    """Move an unreadable file out of the way (never overwrite it): whether that worked, and a message saying so."""
    aside = _free_name(path.with_name(path.name + ".corrupt"))
    try:
        os.rename(path, aside)
    except OSError as error:
        return False, f"{path}: {reason}; the bookmarks start empty and are not saved ({error.strerror or error} moving it aside)"
    return True, f"{path}: {reason}; the bookmarks start empty, and the file was kept as {aside.name}"


def _free_name(candidate: Path) -> Path:
    number = 1
    name = candidate.name
    while candidate.exists():
        number += 1
        candidate = candidate.with_name(f"{name}.{number}")
    return candidate


def _same_file(path: Path, other: Path) -> bool:
    with contextlib.suppress(OSError):
        return path.samefile(other)
    return path.absolute() == other.absolute()
