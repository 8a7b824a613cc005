"""Reading an article file: size limit, binary detection and a documented encoding fallback."""

from __future__ import annotations

import codecs
import errno
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.core.article import Article, parse_article
from viewer.core.errors import ArticleError

if TYPE_CHECKING:
    from viewer.core.render_cache import CacheSlot, RenderCache

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
"""Larger files are refused: rendering 5 MB of Markdown already takes seconds."""

BINARY = "looks like a binary file, not Markdown text"
EMPTY = "is empty: there is no text to show"
_WIDE_ENCODINGS = (  # by the byte order mark they start with; UTF-32's first, as UTF-16's marks begin them
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
FALLBACK_ENCODING = "cp1252"
"""Text that is not UTF-8 is read as Windows-1252 (then Latin-1), the usual legacy encoding."""


def load_article(path: Path | str, cache: RenderCache | None = None) -> Article:
    """Read and parse the Markdown file at *path*; raise ArticleError naming it on any problem.

    With a render *cache*, an article it holds is taken from there, parsed by nothing (and gets its
    ``cache_slot`` either way, for the renderer).
    """
    path = Path(path)
    data = read_article_bytes(path)
    try:
        article, slot = _from_cache(cache, data, title_from_name(path)) if cache is not None else (None, None)
        if article is None:
            article = parse_article_bytes(data, title_from_name(path))
    except ArticleError as error:
        raise error.with_path(path) from None
    article.path = path
    article.cache_slot = slot
    return article


def parse_article_bytes(data: bytes, name: str) -> Article:
    """The article in *data* (the bytes of a file whose name makes the title *name*); ArticleError if it cannot be."""
    text, warnings = decode_text(data)
    if not text.strip():
        warnings.append(EMPTY)
    article = parse_article(text, fallback_title=name)
    article.warnings.extend(warnings)
    return article


def _from_cache(cache: RenderCache, data: bytes, name: str) -> tuple[Article | None, CacheSlot | None]:
    from viewer.core.render_cache import cached_article

    return cached_article(cache, data, name)


def read_article_bytes(path: Path) -> bytes:
    """The bytes of the article file at *path*, within the size limit and not a binary file; ArticleError naming it if not."""
    try:
        data = _read_bytes(path)
        if b"\x00" in data[:65536] and _wide_encoding(data) is None:
            raise ArticleError(BINARY)
    except ArticleError as error:
        raise error.with_path(path) from None
    return data


def _read_bytes(path: Path) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ArticleError("is a folder, not a Markdown file")
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError("is not a regular file")
        if info.st_size > MAX_ARTICLE_BYTES:
            raise ArticleError(
                f"is {info.st_size / 1e6:.1f} MB; articles up to {MAX_ARTICLE_BYTES // (1024 * 1024)} MB can be opened"
            )
        with path.open("rb") as stream:
            data = stream.read(MAX_ARTICLE_BYTES + 1)
    except OSError as error:
        raise ArticleError(_describe_os_error(error)) from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"is larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB")
    return data


def _describe_os_error(error: OSError) -> str:
    reasons = {
        errno.ENOENT: "no such file",
        errno.EACCES: "permission denied",
        errno.EISDIR: "is a folder, not a Markdown file",
        errno.ELOOP: "too many levels of symbolic links",
    }
    return reasons.get(error.errno or 0, error.strerror or "cannot be read")


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Decode article bytes; return the text and any warning about how it was decoded."""
    wide = _wide_encoding(data)
    if wide is not None:
        try:
            return data.decode(wide.lower()), []  # the codec reads the byte order mark and drops it
        except UnicodeDecodeError as error:
            raise ArticleError(f"is {wide} text that cannot be read (byte {error.start}); save it as UTF-8") from None
    if b"\x00" in data[:65536]:
        raise ArticleError(BINARY)
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        note = f"is not valid UTF-8 (byte {error.start}); it was read as Windows-1252, so some characters may look wrong"
    try:
        return data.decode(FALLBACK_ENCODING), [note]
    except UnicodeDecodeError:
        return data.decode("latin-1"), [note.replace("Windows-1252", "Latin-1")]


def title_from_name(path: Path) -> str:
    """The title of an article that gives none: its file name, in words."""
    return path.stem.replace("-", " ").replace("_", " ").strip().capitalize() or "Untitled article"


def _wide_encoding(data: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" when *data* starts with that encoding's byte order mark (Windows Notepad's "Unicode")."""
    return next((name for mark, name in _WIDE_ENCODINGS if data.startswith(mark)), None)
