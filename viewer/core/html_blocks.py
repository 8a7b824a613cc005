"""Raw HTML blocks, found by Python-Markdown's own HTML preprocessor and mapped back to the source lines.

Python-Markdown takes HTML blocks out of the text before it parses the Markdown blocks: a block
tag, comment, declaration or processing instruction at the start of a line opens one, and it runs
until its tags balance (an unclosed ``<div>`` takes the rest of the article). Which lines are
HTML decides which ``#`` lines are headings, so the outline runs that same preprocessor (the
``md_in_html`` one the renderer uses) and only records where each piece of its output came from.
Imported only for an article with a line that starts with '<'.
"""

from __future__ import annotations

import bisect
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions.md_in_html import HTMLExtractorExtra
from markdown.util import HTML_PLACEHOLDER_RE

from viewer.core.blocks import Stage
from viewer.core.fences import line_offsets

_MAY_OPEN_HTML = re.compile(r"\n {0,3}<[A-Za-z!?]")  # searched in "\n" + text: a literal first is fast
_TAG_START = re.compile(r"<[A-Za-z!?/]")
_TAG_END = re.compile(">")
_LINE_START_TAG = re.compile(r"\n {0,3}<")
_UNCLOSED_CANDIDATE = re.compile(r"^ {0,3}(?P<kind><\?|<!\[|<![A-Za-z])")
_CLOSERS = {"<?": "?>", "<![": "]]>", "<!": ">"}
_CONTAINERS = "article|aside|blockquote|center|details|div|figure|footer|header|main|nav|section"
_CONTAINER_OPENING = re.compile(rf"^(?P<tag> {{0,3}}<(?P<name>{_CONTAINERS}))(?P<rest>(?:\s[^<>]*)?>)\s*$", re.IGNORECASE)
_MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown\s*=|\smarkdown[\s>/]", re.IGNORECASE)


def markdown_inside_containers(lines: list[str], skip: set[int]) -> list[str]:
    """Mark HTML containers whose content is Markdown with ``markdown="1"``, as CommonMark reads them.

    CommonMark ends an HTML block at the first blank line, so Markdown written after a lone
    ``<div>`` line and a blank line is Markdown. ``<details>`` always holds Markdown (a table in a
    collapsed part, GitHub style). Lines in *skip* (code) are left alone.
    """
    out = list(lines)
    for index in _lines_starting_with_a_tag(lines):
        line = lines[index]
        opening = _CONTAINER_OPENING.match(line) if index not in skip else None
        if not opening or _MARKDOWN_ATTRIBUTE.search(opening["rest"]):
            continue
        followed_by_blank = index + 1 < len(lines) and not lines[index + 1]
        if opening["name"].lower() == "details" or followed_by_blank:
            out[index] = f'{opening["tag"]} markdown="1"{opening["rest"]}'
    return out


def escape_unclosed_markup(lines: list[str], skip: set[int]) -> list[str]:
    """Show a processing instruction, declaration or CDATA section that is never closed as text.

    Python-Markdown's HTML parser repeats or drops text after one (CommonMark would make the rest
    of the article one hidden HTML block); as text the reader at least sees what was written.
    """
    candidates = _lines_starting_with_a_tag(lines)
    if not candidates:
        return lines
    out = list(lines)
    text = "\n".join(lines)
    starts = _line_starts(text)
    for index in candidates:
        line = lines[index]
        opening = _UNCLOSED_CANDIDATE.match(line) if index not in skip else None
        if opening:
            closer = _CLOSERS[opening["kind"][:3]] if opening["kind"].startswith("<![") else _CLOSERS[opening["kind"][:2]]
            if text.find(closer, starts[index] + opening.end()) == -1:
                out[index] = line[: opening.start("kind")] + "&lt;" + line[opening.start("kind") + 1 :]
    return out


def _lines_starting_with_a_tag(lines: list[str]) -> list[int]:
    """The lines that start with '<' after at most three spaces (found with one search: most lines do not)."""
    text = "\n" + "\n".join(lines)
    offsets = line_offsets(lines)
    return [bisect.bisect_right(offsets, match.start()) - 1 for match in _LINE_START_TAG.finditer(text)]


def parse_steps(text: str) -> int:
    """About how much work Python's HTML parser does on *text*: 40 a tag, and for a tag left open each character it reads on."""
    starts = [match.start() for match in _TAG_START.finditer(text)]
    if not starts:
        return 0
    ends = [match.start() for match in _TAG_END.finditer(text)]
    steps = 40 * len(starts)
    for start in starts:
        end = ends[position] if (position := bisect.bisect_left(ends, start)) < len(ends) else len(text)
        steps += max(0, end - start - 200)  # a tag a few lines long is ordinary
    return steps


def extract_html_blocks(md: markdown.Markdown, lines: list[str], source: list[int | None]) -> Stage:
    """Run Python-Markdown's HTML block preprocessor over *lines* (after the fences were taken out)."""
    if not _MAY_OPEN_HTML.search("\n" + "\n".join(lines)):
        return Stage(lines, source, [s is not None for s in source], [0] * len(lines))
    text = "\n".join([*lines, "", ""])  # NormalizeWhitespace leaves two blank lines at the end
    parser = _TracingExtractor(md)
    parser.feed(text)
    parser.close()
    starts = _line_starts(text)
    out_lines = "".join(parser.cleandoc).split("\n")
    first_chars = _first_characters(parser.cleandoc, parser.cleandoc.positions, text, starts)
    stage = Stage([], [], [], [])
    for line, offset in zip(out_lines, first_chars, strict=True):
        origin = None if offset is None else _line_of(starts, offset)
        origin_source = source[origin] if origin is not None and origin < len(source) else None
        stage.lines.append(line)
        stage.source.append(origin_source)
        stage.whole.append(
            origin_source is not None and offset == starts[origin] and origin < len(lines) and line == lines[origin]
        )
        stage.column.append(0 if origin is None or offset is None else offset - starts[origin])
    while stage.lines and not stage.lines[-1] and stage.source[-1] is None:
        del stage.lines[-1], stage.source[-1], stage.whole[-1], stage.column[-1]  # the two blank lines added above
    for line in stage.lines:
        if (match := HTML_PLACEHOLDER_RE.match(line)) and isinstance(element := _stashed(md, int(match[1])), etree.Element):
            stage.elements[int(match[1])] = element.tag
    return stage


def _stashed(md: markdown.Markdown, index: int) -> object:
    blocks = md.htmlStash.rawHtmlBlocks
    return blocks[index] if index < len(blocks) else None


class _Pieces(list):
    """The preprocessor's output pieces, each with the parser's position when it was added."""

    def __init__(self, parser: _TracingExtractor) -> None:
        super().__init__()
        self.parser = parser
        self.positions: list[tuple[int, int]] = []

    def append(self, piece: str) -> None:
        super().append(piece)
        self.positions.append(self.parser.getpos())


class _TracingExtractor(HTMLExtractorExtra):
    def reset(self) -> None:
        super().reset()
        self.cleandoc = _Pieces(self)


def _line_starts(text: str) -> list[int]:
    return line_offsets(text.split("\n"))


def _line_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def _first_characters(pieces: list[str], positions: list[tuple[int, int]], text: str, starts: list[int]) -> list[int | None]:
    """For each output line, the source offset of its first character (None when the preprocessor wrote it)."""
    firsts: list[int | None] = []
    pending = True
    for piece, (line, column) in zip(pieces, positions, strict=True):
        if not piece:
            continue
        base = starts[line - 1] + column if line - 1 < len(starts) else -1
        verbatim = base >= 0 and text.startswith(piece, base)
        start = 0
        while start < len(piece):
            if pending:
                firsts.append(base + start if verbatim else None)
                pending = False
            newline = piece.find("\n", start)
            if newline == -1:
                break
            start, pending = newline + 1, True
    if pending:
        firsts.append(None)
    return firsts
