"""One render-cache entry as bytes: an article's outline, metadata and warnings, and each section's body and HTML.

Layout (UTF-8 throughout)::

    ketamine-viewer render cache 1\\n    the magic line: what the file is, and its layout's number
    {header}\\n                          JSON: what the entry is for (ArticleKey), and per block its length and digest
    outline block                       JSON: title, metadata, warnings, link definitions; per section its level,
                                        title, anchor and parent
    first block                         JSON: bodies and HTML of the sections of the first screen
    rest block                          JSON: bodies and HTML of the others

The outline and the first screen can be read and checked without the rest, so that a window can be drawn
before the bulk of a long article is parsed. Nothing in a file is trusted: a wrong magic line, header,
length, digest (BLAKE2b), type or shape raises :class:`CacheMiss`, never anything else, and nothing in it
is ever evaluated (JSON only, no pickle). A section whose HTML is ``null`` is rendered afresh.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from viewer.core.metadata import Metadata

if TYPE_CHECKING:
    from viewer.core.article import Article

MAGIC = b"ketamine-viewer render cache 1\n"
BLOCKS = ("outline", "first", "rest")
MAX_HEADER_BYTES = 4096
MAX_LEVEL = 6


class CacheMiss(Exception):
    """The entry cannot be used; the message says why (for the debug log)."""


def digest(data: bytes) -> str:
    """A strong hash of *data* (BLAKE2b, 256 bits) as hex; from CPython's built-in module, which loads no OpenSSL."""
    try:
        from _blake2 import blake2b
    except ImportError:  # another Python: the same hash through hashlib
        from hashlib import blake2b
    return blake2b(data, digest_size=32).hexdigest()


@dataclass(frozen=True)
class ArticleKey:
    """What an entry is for: the rendering code and libraries (fingerprint), the article's bytes, and its file name.

    The name counts because an article without a title is titled after its file.
    """

    fingerprint: str
    source: str  # digest() of the article's bytes
    name: str

    def file_name(self) -> str:
        """The entry's file name: a digest of the whole key."""
        return digest("\0".join((self.fingerprint, self.source, self.name)).encode("utf-8", "surrogatepass"))[:40] + ".kvrc"


@dataclass(frozen=True)
class Outline:
    """An article's title, metadata, warnings and link definitions, and its sections' places in the tree."""

    title: str
    metadata: Metadata
    warnings: tuple[str, ...]
    references: dict[str, tuple[str, str | None]]
    levels: tuple[int, ...]
    titles: tuple[str, ...]
    anchors: tuple[str, ...]
    parents: tuple[int, ...]  # -1 for a top-level section, else the number of an earlier section


@dataclass(frozen=True)
class Texts:
    """Bodies (Markdown as the outline split them) and body HTML (before pictures and links are checked) of some sections."""

    bodies: tuple[str, ...]
    html: tuple[str | None, ...]  # None: render this one afresh


def encode_entry(key: ArticleKey, article: Article, html: Sequence[str | None], first: int) -> bytes:
    """The entry for *article*, whose sections' body HTML is *html*; the first *first* sections make the first block."""
    sections = article.sections
    if len(html) != len(sections) or not 0 <= first <= len(sections):
        raise ValueError("one HTML (or None) per section, and a first screen within the article")
    meta = article.metadata
    outline = {
        "title": article.title,
        "metadata": {
            "title": meta.title,
            "keywords": list(meta.keywords),
            "summary": meta.summary,
            "notice": meta.notice,
            "synonyms": [list(group) for group in meta.synonyms],
            "extra": dict(meta.extra),
        },
        "warnings": list(article.warnings),
        "references": {name: [url, title] for name, (url, title) in article.references.items()},
        "levels": [s.level for s in sections],
        "titles": [s.title for s in sections],
        "anchors": [s.anchor for s in sections],
        "parents": [s.parent.number if s.parent else -1 for s in sections],
    }
    blocks = [
        _json(outline),
        _json({"bodies": [s.body for s in sections[:first]], "html": list(html[:first])}),
        _json({"bodies": [s.body for s in sections[first:]], "html": list(html[first:])}),
    ]
    header = {
        "fingerprint": key.fingerprint,
        "source": key.source,
        "name": key.name,
        "sections": len(sections),
        "first": first,
        "blocks": [[len(block), digest(block)] for block in blocks],
    }
    return MAGIC + _json(header) + b"\n" + b"".join(blocks)


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


class Entry:
    """An entry read from bytes, checked against the key it was looked up by; blocks are checked and parsed when asked for."""

    def __init__(self, data: bytes, key: ArticleKey) -> None:
        if not data.startswith(MAGIC):
            raise CacheMiss("not a render cache entry of this layout")
        end = data.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER_BYTES)
        if end < 0:
            raise CacheMiss("no header")
        header = _parse(data[len(MAGIC) : end], "header")
        if not isinstance(header, dict) or (header.get("fingerprint"), header.get("source"), header.get("name")) != (
            key.fingerprint,
            key.source,
            key.name,
        ):
            raise CacheMiss("made for another article, version or library")
        self.sections = _whole(header.get("sections"), 0, len(data))
        self.first = _whole(header.get("first"), 0, self.sections)
        self._blocks: dict[str, tuple[int, int, str]] = {}
        start = end + 1
        spans = header.get("blocks")
        if not isinstance(spans, list) or len(spans) != len(BLOCKS):
            raise CacheMiss("header without its blocks")
        for name, span in zip(BLOCKS, spans, strict=True):
            if not (isinstance(span, list) and len(span) == 2 and isinstance(span[1], str)):
                raise CacheMiss(f"header: bad {name} block")
            length = _whole(span[0], 0, len(data))
            self._blocks[name] = (start, start + length, span[1])
            start += length
        if start != len(data):
            raise CacheMiss("truncated, or longer than its header says")
        self._data = data
        self._outline: Outline | None = None

    def outline(self) -> Outline:
        """The outline block, checked."""
        if self._outline is None:
            self._outline = _outline(self._block("outline"), self.sections)
        return self._outline

    def texts(self, block: str) -> Texts:
        """The bodies and HTML of the 'first' or 'rest' block, checked."""
        count = self.first if block == "first" else self.sections - self.first
        value = self._block(block)
        if not isinstance(value, dict):
            raise CacheMiss(f"{block} block is not an object")
        bodies, html = value.get("bodies"), value.get("html")
        if not (_list_of(bodies, str, count) and _list_of(html, (str, type(None)), count)):
            raise CacheMiss(f"{block} block: not one body and one HTML per section")
        return Texts(tuple(bodies), tuple(html))

    def _block(self, name: str) -> Any:
        start, end, expected = self._blocks[name]
        block = self._data[start:end]
        if digest(block) != expected:
            raise CacheMiss(f"{name} block is damaged")
        return _parse(block, f"{name} block")


def _parse(data: bytes, what: str) -> Any:
    try:
        return json.loads(data.decode("utf-8", "surrogatepass"))
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise CacheMiss(f"{what} is not JSON ({type(error).__name__})") from None


def _whole(value: object, low: int, high: int) -> int:
    if type(value) is not int or not low <= value <= high:
        raise CacheMiss(f"a count out of range: {str(value)[:20]}")
    return value


def _list_of(value: object, kind: type | tuple[type, ...], count: int) -> bool:
    return isinstance(value, list) and len(value) == count and all(isinstance(item, kind) for item in value)


def _whole_numbers(value: object, count: int, low: int, high: int) -> bool:
    """Whether *value* is a list of *count* ints (not bools) from *low* to *high*."""
    return isinstance(value, list) and len(value) == count and all(type(n) is int and low <= n <= high for n in value)


def _outline(value: object, count: int) -> Outline:
    if not isinstance(value, dict):
        raise CacheMiss("outline block is not an object")
    levels, titles, anchors, parents = (value.get(name) for name in ("levels", "titles", "anchors", "parents"))
    if not (_whole_numbers(levels, count, 1, MAX_LEVEL) and _list_of(titles, str, count) and _list_of(anchors, str, count)):
        raise CacheMiss("outline: not one level (1 to 6), title and anchor per section")
    if not _whole_numbers(parents, count, -1, count) or any(parent >= number for number, parent in enumerate(parents)):
        raise CacheMiss("outline: a section's parent does not come before it")
    if len(set(anchors)) != count:
        raise CacheMiss("outline: an anchor twice")
    title, warnings = value.get("title"), value.get("warnings")
    if not isinstance(title, str) or not _list_of(warnings, str, len(warnings) if isinstance(warnings, list) else -1):
        raise CacheMiss("outline: no title, or bad warnings")
    return Outline(
        title, _metadata(value.get("metadata")), tuple(warnings), _references(value.get("references")),
        tuple(levels), tuple(titles), tuple(anchors), tuple(parents),
    )  # fmt: skip


def _metadata(value: object) -> Metadata:
    if not isinstance(value, dict):
        raise CacheMiss("outline: no metadata")
    texts = {name: value.get(name) for name in ("title", "summary", "notice")}
    keywords, synonyms, extra = value.get("keywords"), value.get("synonyms"), value.get("extra")
    if not all(isinstance(text, str) for text in texts.values()) or not _list_of(keywords, str, _length(keywords)):
        raise CacheMiss("outline: bad metadata texts")
    if not _list_of(synonyms, list, _length(synonyms)) or not all(_list_of(g, str, len(g)) for g in synonyms):
        raise CacheMiss("outline: bad synonyms")
    if not isinstance(extra, dict) or not all(isinstance(v, str) for v in extra.values()):
        raise CacheMiss("outline: bad extra metadata")
    groups = tuple(tuple(group) for group in synonyms)
    return Metadata(texts["title"], tuple(keywords), texts["summary"], texts["notice"], groups, dict(extra))


def _references(value: object) -> dict[str, tuple[str, str | None]]:
    if not isinstance(value, dict):
        raise CacheMiss("outline: no link definitions")
    references = {}
    for name, definition in value.items():
        if not (isinstance(definition, list) and len(definition) == 2 and isinstance(definition[0], str)):
            raise CacheMiss("outline: a bad link definition")
        if not isinstance(definition[1], str | None):
            raise CacheMiss("outline: a bad link title")
        references[name] = (definition[0], definition[1])
    return references


def _length(value: object) -> int:
    return len(value) if isinstance(value, list) else -1


def article_from(outline: Outline, bodies: Sequence[str]) -> Article:
    """The article an entry holds, its sections nested as the outline says (without a path: the loader sets it)."""
    from viewer.core.article import Article, Section

    sections: list[Section] = []
    for number, (level, title, anchor, parent, body) in enumerate(
        zip(outline.levels, outline.titles, outline.anchors, outline.parents, bodies, strict=True)
    ):
        section = Section(level, title, anchor, body, number=number)
        if parent >= 0:
            section.parent = sections[parent]
            sections[parent].children.append(section)
        sections.append(section)
    roots = [section for section in sections if section.parent is None]
    return Article(
        outline.title, outline.metadata, roots, sections, warnings=list(outline.warnings), references=dict(outline.references)
    )
