"""The render cache: each article's outline and sanitized HTML kept on disk, so that a window opens without Markdown.

An entry (:mod:`viewer.core.cache_entry`) is named after a strong hash of the article's bytes, its file
name and the fingerprint of everything that shapes what is kept: the viewer's version, RENDER_FORMAT,
and the Markdown, nh3 and PyYAML versions installed (read from their package metadata, never by
importing them). Change any of them and the old entries are simply never asked for again; pruning
removes them. Entries live in the user's cache folder ($KETAMINE_VIEWER_CACHE_DIR overrides it) and are
written atomically after the window has been drawn; the folder is kept under MAX_CACHE_BYTES, the
least recently used entries going first. The package itself may carry entries for the bundled article
(BUNDLED_FOLDER), built when it was packaged, which are read but never written.

What is kept is only what the article alone decides: pictures and links to other articles are checked
afresh every time, and a section that ran out of time or hit a bound is never kept (its HTML is None).
A damaged, truncated, foreign or hostile entry is a miss, never an error.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from viewer import __version__
from viewer.core.cache_entry import ArticleKey, CacheMiss, Entry, article_from, digest, encode_entry

if TYPE_CHECKING:
    from viewer.core.article import Article, Section

RENDER_FORMAT = 5
"""Bump it whenever the same article and libraries would give another outline, metadata or HTML: the
parser, the Markdown set-up, rendering, sanitizing, the link policy or the bounds changed. A test
(tests/core/test_render_cache.py) fails until it is bumped after such a change."""
CACHE_DIR_VARIABLE = "KETAMINE_VIEWER_CACHE_DIR"
"""Set it to keep the render cache elsewhere: a kiosk image, a test."""
APP_DIR_NAME = "ketamine-viewer"
RENDERING_DISTRIBUTIONS = ("markdown", "nh3", "pyyaml")
BUNDLED_FOLDER = "render-cache"
"""Beside the bundled resources (viewer/render-cache in a wheel, render-cache in a frozen build)."""
MAX_ENTRY_BYTES = 48 * 1024 * 1024  # a 5 MB article (the loader's limit) with its HTML takes about 15 MB
MAX_CACHE_BYTES = 128 * 1024 * 1024
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def installed_versions(distributions: Sequence[str], places: Sequence[str] | None = None) -> dict[str, str]:
    """The version of each of *distributions* found first along *places* (default: sys.path), from the
    names of their ``.dist-info`` folders: what ``import`` would find, without importing it."""
    wanted = {_normal(name): name for name in distributions}
    found: dict[str, str] = {}
    for place in sys.path if places is None else places:
        try:
            names = os.listdir(place or ".")
        except OSError:  # a zip file, a folder that is gone
            continue
        for name in names:
            if name.endswith(".dist-info"):
                distribution, _, version = name[: -len(".dist-info")].rpartition("-")
                key = _normal(distribution)
                if key in wanted and wanted[key] not in found:
                    found[wanted[key]] = version
        if len(found) == len(wanted):
            break
    return found


def _normal(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def fingerprint() -> str | None:
    """What the rendering depends on besides the article; None when a library's version cannot be told (no caching then)."""
    versions = installed_versions(RENDERING_DISTRIBUTIONS)
    if len(versions) != len(RENDERING_DISTRIBUTIONS):
        return None
    return f"viewer {__version__}, format {RENDER_FORMAT}, " + ", ".join(f"{d} {versions[d]}" for d in RENDERING_DISTRIBUTIONS)


def user_cache_folder() -> Path:
    """$KETAMINE_VIEWER_CACHE_DIR, else the user's cache folder."""
    if os.environ.get(CACHE_DIR_VARIABLE):
        return Path(os.environ[CACHE_DIR_VARIABLE])
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_DIR_NAME, appauthor=False)) / "render"


def bundled_cache_folder() -> Path:
    """Where the package keeps the entries built when it was packaged."""
    from viewer.core.resources import resources_root

    return resources_root().parent / BUNDLED_FOLDER


class RenderCache:
    """Looks entries up in *folder* (written to) and then in *bundled* (only read); all off without a *fingerprint*."""

    def __init__(self, folder: Path | None, bundled: Path | None = None, fingerprint: str | None = None) -> None:
        self.folder, self.bundled, self.fingerprint = folder, bundled, fingerprint

    @classmethod
    def standard(cls) -> RenderCache:
        """The user's cache, with the package's entries behind it."""
        return cls(user_cache_folder(), bundled_cache_folder(), fingerprint())

    @classmethod
    def off(cls) -> RenderCache:
        """A cache that never finds or keeps anything (--no-cache)."""
        return cls(None)

    def key(self, data: bytes, name: str) -> ArticleKey | None:
        """The key of the article with bytes *data* and file-name title *name*; None when the cache is off."""
        return ArticleKey(self.fingerprint, digest(data), name) if self.fingerprint else None

    def find(self, key: ArticleKey | None) -> Entry | None:
        """The usable entry for *key*, from the user's folder or else the package's; None on a miss."""
        for folder in (self.folder, self.bundled):
            if key is None or folder is None:
                continue
            try:
                return Entry(_read(folder / key.file_name()), key)
            except FileNotFoundError:
                continue
            except (OSError, CacheMiss) as problem:
                _log("entry %s in %s not used: %s", key.file_name(), folder, problem)
        return None

    def keep(self, key: ArticleKey | None, article: Article, html: Sequence[str | None], first: int) -> bool:
        """Write the entry for *article* (see cache_entry.encode_entry) and prune the folder; False if it was not written."""
        if key is None or self.folder is None:
            return False
        data = encode_entry(key, article, html, first)
        if len(data) > MAX_ENTRY_BYTES:
            _log("entry for %s not kept: %d bytes is over the limit", article.path, len(data))
            return False
        from viewer.core.atomic import write_atomically

        try:
            write_atomically(self.folder / key.file_name(), data, durable=False)  # a cache: a torn write is only a miss
        except OSError as error:
            _log("entry for %s not kept: %s", article.path, error)
            return False
        self.prune(keep=key.file_name())
        return True

    def used(self, key: ArticleKey | None) -> None:
        """Mark the user's entry for *key* as just used, so that pruning keeps it longest."""
        if key is not None and self.folder is not None:
            with contextlib.suppress(OSError):
                os.utime(self.folder / key.file_name())

    def prune(self, keep: str = "", limit: int | None = None) -> None:
        """Remove the least recently used entries until the folder holds at most *limit* bytes
        (default MAX_CACHE_BYTES), never *keep*."""
        if self.folder is None:
            return
        limit = MAX_CACHE_BYTES if limit is None else limit
        try:
            entries = [(e.stat().st_mtime, e.stat().st_size, e.path) for e in os.scandir(self.folder) if e.name.endswith(".kvrc")]
        except OSError:
            return
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= limit:
                break
            if os.path.basename(path) != keep:
                with contextlib.suppress(OSError):
                    os.unlink(path)
                total -= size


@dataclass(eq=False)
class CacheSlot:
    """An article's place in the render cache: the body HTML found there, and what a render of it may keep.

    The renderer (viewer.core.render) takes a section's HTML from :attr:`found` instead of converting
    it, and puts each body it converted cleanly (not cut short by a time limit or a bound) in
    :attr:`made`; once the article is rendered, :meth:`keep` writes the entry if there was none.

    An article drawn in a first frame before its entry was read whole has only the first screen's
    bodies and HTML; :attr:`pending` is then the entry, and :meth:`complete` reads the rest.
    """

    cache: RenderCache
    key: ArticleKey
    found: list[str | None]
    hit: bool
    made: dict[int, str] = field(default_factory=dict)
    pending: Entry | None = None
    source: bytes = b""  # with pending: the article's bytes, parsed if the entry's last block cannot be used

    def complete(self, sections: Sequence[Section]) -> bool:
        """Read the bodies and HTML of the sections after the first screen into *sections* (the article's), if still
        to be read. When the entry's last block cannot be used, the bodies come from parsing :attr:`source` (and are
        rendered afresh, the entry written again once they are); False when even that fails."""
        entry, self.pending = self.pending, None
        if entry is None:
            return True
        try:
            rest = entry.texts("rest")
        except CacheMiss as problem:
            _log("entry %s not used: %s", self.key.file_name(), problem)
            return self._parse_rest(sections, entry.first)
        for section, body in zip(sections[entry.first :], rest.bodies, strict=True):
            section.body = body
        self.found[entry.first :] = rest.html
        return True

    def _parse_rest(self, sections: Sequence[Section], first: int) -> bool:
        from viewer.core.errors import ArticleError
        from viewer.core.loader import parse_article_bytes

        try:
            parsed = parse_article_bytes(self.source, self.key.name)
        except ArticleError:
            return False
        if [s.anchor for s in parsed.sections] != [s.anchor for s in sections]:
            return False  # not the article the entry's outline describes: cannot happen for the bytes it was keyed by
        for section, fresh in zip(sections[first:], parsed.sections[first:], strict=True):
            section.body = fresh.body
        self.hit = False  # so that the entry is written again, whole, once the article is rendered
        return True

    def keep(self, article: Article, first: int) -> bool:
        """After a miss, write *article*'s entry, its first *first* sections apart (False when not written)."""
        if self.hit:
            return False
        found = self.found + [None] * (len(article.sections) - len(self.found))  # what came from an entry half read
        html = [self.made.get(number, found[number]) for number in range(len(article.sections))]
        self.hit = self.cache.keep(self.key, article, html, first)
        if self.hit:
            kept = sum(part is not None for part in html)
            _log("kept %s for %s: %d of %d sections", self.key.file_name(), article.path, kept, len(html))
        return self.hit


def cached_article(cache: RenderCache, data: bytes, name: str) -> tuple[Article | None, CacheSlot | None]:
    """The article with bytes *data* and file-name title *name* as the cache has it (None on a miss), and its slot."""
    key = cache.key(data, name)
    if key is None:
        return None, None
    entry = cache.find(key)
    if entry is not None:
        try:
            first, rest = entry.texts("first"), entry.texts("rest")
            article = article_from(entry.outline(), first.bodies + rest.bodies)
        except CacheMiss as problem:
            _log("entry %s not used: %s", key.file_name(), problem)
        else:
            cache.used(key)
            return article, CacheSlot(cache, key, list(first.html + rest.html), hit=True)
    return None, CacheSlot(cache, key, [], hit=False)


def _read(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_ENTRY_BYTES; never follows a symbolic link, never blocks on a pipe."""
    handle = os.open(path, _OPEN_FLAGS)
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            raise CacheMiss("not a regular file of a sane size")
        data = stream.read(MAX_ENTRY_BYTES + 1)
    if len(data) > MAX_ENTRY_BYTES:
        raise CacheMiss("grew past the size limit while read")
    return data


def _log(message: str, *arguments: object) -> None:
    """A debug note: logging is imported only when there is something to say (not on the way to the first paint)."""
    import logging

    logging.getLogger("viewer.cache").debug(message, *arguments)
