"""The article model: a title, its metadata and a tree of sections, parsed from Markdown."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.core.metadata import Metadata, read_metadata

if TYPE_CHECKING:
    from viewer.core.blocks import Heading
    from viewer.core.render_cache import CacheSlot

_local = threading.local()
_COMMENTS = re.compile(r"<!--.*?-->", re.DOTALL)
INTRO_TITLES = ("Introduction", "Beginning")
"""The text before the first heading, when neither the article nor its file has another name than that heading
(the second when the heading is "Introduction")."""
_APOSTROPHES = re.compile(r"['’]")
_NOT_GITHUB_ANCHOR = re.compile(r"[^\w\- ]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


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
    references: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    """Link definitions ([id]: url) anywhere in the article: a link in one section may use one from another."""
    _by_anchor: dict[str, Section] = field(default_factory=dict, repr=False)
    cache_slot: CacheSlot | None = field(default=None, repr=False)
    """Its place in the render cache, when it was loaded through one (viewer.core.render_cache)."""

    def find(self, anchor: str) -> Section | None:
        """Return the section with *anchor*, or None."""
        # Asked on every step of a search (the tree follows the pane): a lookup, not a walk of 10,000 sections.
        # Checked against the section itself, and rebuilt when it no longer fits (an anchor changed).
        found = self._by_anchor.get(anchor)
        if found is not None and found.anchor == anchor:
            return found
        self._by_anchor = {section.anchor: section for section in reversed(self.sections)}  # the first of equals wins
        return self._by_anchor.get(anchor)

    def find_fragment(self, fragment: str) -> Section | None:
        """The section a link's ``#fragment`` names: the viewer's own anchor, or the one GitHub would make."""
        fragment = fragment.strip()
        if not fragment:
            return None
        return self.find(fragment) or next(
            (s for s in self.sections if github_anchor(s.title) == fragment.lower() or s.anchor == slugify(fragment)), None
        )

    def outline(self) -> str:
        """The section tree as text: one title a line, indented two spaces per level."""
        return "\n".join("  " * s.depth + s.title for s in self.sections)


def parse_article(text: str, fallback_title: str = "Untitled article") -> Article:
    """Parse Markdown *text* into an :class:`Article`; a metadata block it cannot read becomes a warning.

    The sections are the headings Python-Markdown renders at the top level (see viewer.core.blocks);
    their bodies are the source as rewritten there, so the renderer reads what the outline read.
    """
    # Here, not at the top: an article read from the render cache is built without Markdown (viewer.core.cache_entry).
    from viewer.core.blocks import find_outline
    from viewer.core.titles import heading_titles

    block = read_metadata(text.replace("\r\n", "\n").replace("\r", "\n"))
    metadata = block.metadata
    md = _markdown()
    outline = find_outline(block.body, md)
    titles = heading_titles([h.markdown for h in outline.headings], md, outline.references)
    first_h1 = next((t for h, t in zip(outline.headings, titles, strict=True) if h.level == 1 and t), "")
    title = metadata.title or first_h1 or fallback_title
    first_title = titles[0] if titles else ""
    sections = _build_sections(outline.lines, outline.headings, titles, _intro_title(metadata.title, fallback_title, first_title))
    roots = [s for s in sections if s.parent is None]
    article = Article(title=title, metadata=metadata, roots=roots, sections=sections, references=outline.references)
    article.warnings.extend(block.warnings)
    return article


def _intro_title(metadata_title: str, file_title: str, first_heading: str) -> str:
    """The name of the text before the first heading: the article's own title, else its file's, never the first
    heading's again (the tree would show two rows of one name, the pane the same heading twice)."""
    names = (metadata_title, file_title, *INTRO_TITLES)
    return next(name for name in names if name and name.casefold() != first_heading.casefold())  # two differ: one is left


def _markdown():
    """A converter for this thread, kept: parsing happens on the thread that opens the article."""
    if not hasattr(_local, "markdown"):
        from viewer.core.dialect import new_markdown

        _local.markdown = new_markdown()
    return _local.markdown


def _build_sections(lines: list[str], headings: list[Heading], titles: list[str], title: str) -> list[Section]:
    slugs = SlugRegistry()
    sections: list[Section] = []
    first_heading_line = headings[0].line if headings else len(lines)
    intro = "\n".join(lines[:first_heading_line]).strip("\n")
    if _COMMENTS.sub("", intro).strip() or not headings:  # a comment alone shows nothing: no section for it
        sections.append(Section(level=1, title=title, anchor=slugs.claim(title), body=intro))
    stack: list[Section] = []
    for position, (heading, heading_title) in enumerate(zip(headings, titles, strict=True)):
        end = headings[position + 1].line if position + 1 < len(headings) else len(lines)
        body = "\n".join(lines[heading.line + (2 if heading.underlined else 1) : end]).strip("\n")
        section = Section(heading.level, heading_title or "(untitled)", slugs.claim(heading_title), body)
        while stack and stack[-1].level >= heading.level:
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
        self._next_counter: dict[str, int] = {}  # per base: where to go on counting (a title may repeat thousands of times)

    def claim(self, title: str) -> str:
        """Return a new anchor for *title*, suffixed -2, -3 … when already taken."""
        base = slugify(title)
        slug, counter = base, self._next_counter.get(base, 1)
        if counter > 1:
            slug = f"{base}-{counter}"
        while slug in self._taken:
            counter += 1
            slug = f"{base}-{counter}"
        self._taken.add(slug)
        self._next_counter[base] = counter + 1
        return slug


def github_anchor(title: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces made hyphens."""
    return _NOT_GITHUB_ANCHOR.sub("", title.strip().lower()).replace(" ", "-")


def slugify(title: str) -> str:
    """Lower-case ASCII words joined by hyphens; 'section' when nothing is left."""
    if "'" in title or "’" in title:
        title = _APOSTROPHES.sub("", title)
    ascii_text = title if title.isascii() else unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    return slug[:80].rstrip("-") or "section"
