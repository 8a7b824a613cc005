"""The article model: a title, its metadata and a tree of sections, parsed from Markdown."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from viewer.core.metadata import Metadata, split_metadata

_ATX_HEADING = re.compile(r"^(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE_OPEN = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
_INLINE_MARKUP = re.compile(r"(?<!\\)[*_`]+|\\(?=[^\w\s])")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # controls, bidi overrides


@dataclass(eq=False)
class Section:
    """One heading of the article with its own text and its subsections."""

    level: int
    title: str
    anchor: str
    body: str = ""
    children: list[Section] = field(default_factory=list)
    parent: Section | None = field(default=None, repr=False)
    number: int = 0  # position in document order, 0 for the first section

    def walk(self) -> Iterator[Section]:
        """Yield this section and every descendant in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def depth(self) -> int:
        """How many ancestors this section has (0 for a top-level section)."""
        return 0 if self.parent is None else self.parent.depth + 1


@dataclass(eq=False)
class Article:
    """A parsed article: the top-level sections and, flat in document order, all of them."""

    title: str
    metadata: Metadata
    roots: list[Section]
    sections: list[Section]
    path: Path | None = None
    warnings: list[str] = field(default_factory=list)

    def find(self, anchor: str) -> Section | None:
        """Return the section with *anchor*, or None."""
        return next((s for s in self.sections if s.anchor == anchor), None)

    def outline(self) -> str:
        """The section tree as text: one title a line, indented two spaces per level."""
        return "\n".join("  " * s.depth + s.title for s in self.sections)


def parse_article(text: str, fallback_title: str = "Untitled article") -> Article:
    """Parse Markdown *text* into an :class:`Article`; raise ArticleError on bad metadata."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    metadata, body_start = split_metadata(lines)
    headings = list(_scan_headings(lines, body_start))
    first_h1 = next((t for level, t, _ in headings if level == 1), "")
    title = metadata.title or first_h1 or fallback_title
    sections = _build_sections(lines, body_start, headings, title)
    return Article(title=title, metadata=metadata, roots=[s for s in sections if s.parent is None], sections=sections)


def _scan_headings(lines: list[str], start: int) -> Iterator[tuple[int, str, int]]:
    """Yield (level, title, line index) for every ATX heading outside fenced code."""
    fence = ""
    for index in range(start, len(lines)):
        line = lines[index]
        opened = _FENCE_OPEN.match(line)
        if fence:
            if opened and opened["fence"][0] == fence[0] and len(opened["fence"]) >= len(fence) and not line.strip(" `~"):
                fence = ""
            continue
        if opened and not (opened["fence"][0] == "`" and "`" in line[opened.end() :]):
            fence = opened["fence"]
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            yield len(heading["hashes"]), plain_title(heading["text"] or ""), index


def plain_title(markdown_text: str) -> str:
    """A heading's text without inline markup, for the tree and the outline."""
    text = _CONTROL.sub(" ", _INLINE_MARKUP.sub("", markdown_text))  # no escape codes to a terminal
    return " ".join(text.split())


def _build_sections(lines: list[str], start: int, headings: list[tuple[int, str, int]], title: str) -> list[Section]:
    slugs = SlugRegistry()
    sections: list[Section] = []
    first_heading_line = headings[0][2] if headings else len(lines)
    intro = "\n".join(lines[start:first_heading_line]).strip("\n")
    if intro.strip() or not headings:
        sections.append(Section(level=1, title=title, anchor=slugs.claim(title), body=intro))
    stack: list[Section] = []
    for position, (level, heading, line_index) in enumerate(headings):
        end = headings[position + 1][2] if position + 1 < len(headings) else len(lines)
        section = Section(
            level, heading or "(untitled)", slugs.claim(heading), "\n".join(lines[line_index + 1 : end]).strip("\n")
        )
        while stack and stack[-1].level >= level:
            stack.pop()
        if stack:
            section.parent = stack[-1]
            stack[-1].children.append(section)
        stack.append(section)
        sections.append(section)
    for number, section in enumerate(sections):
        section.number = number
    return sections


class SlugRegistry:
    """Hands out URL-safe anchors, unique within one article."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, title: str) -> str:
        """Return a new anchor for *title*, suffixed -2, -3 … when already taken."""
        base = slugify(title)
        slug, counter = base, 1
        while slug in self._taken:
            counter += 1
            slug = f"{base}-{counter}"
        self._taken.add(slug)
        return slug


def slugify(title: str) -> str:
    """Lower-case ASCII words joined by hyphens; 'section' when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", re.sub(r"['’]", "", title)).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:80].rstrip("-") or "section"
