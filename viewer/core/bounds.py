"""Bounds on an article's Markdown, checked before the steps that are slow on hostile shapes.

Python-Markdown, the sanitizer (nh3) and Qt's text layout are fast on articles of any ordinary
shape but slow on a few hostile ones, some of them in a single C call that no time limit can
interrupt. Measured on a 2-core machine before these bounds: ``<ul><li>`` nested 10,000 deep
took 12 s in Qt's HTML import, ``<div>`` nested 100,000 deep 20-50 s in nh3, tables nested 16
deep 1 s in Qt's layout (doubling with each level), one 1 MB word 21 s in Qt's line breaking, and
100,000 link references 13 s in Markdown. Each bound here is cheap to check (one pass over the text)
and far beyond what a real article needs:

bounded_parts() cuts out, to be shown as plain text with a note, the parts nested deeper than
MAX_DEPTH elements or with tables inside tables deeper than MAX_TABLE_DEPTH, paragraphs with more
than MAX_OPEN_BRACKETS unpaired or MAX_BRACKETS ``[`` in all or holding a word of FORMAT_WORD
characters, and the link-reference definitions after the first MAX_LINK_REFERENCES of a section.
The bounds on the rendered HTML, before Qt lays it out, are in :mod:`viewer.core.html_bounds`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

MAX_DEPTH = 40
"""Elements nested in one another (HTML and Markdown's quotes and lists alike). Each level of a list or
quote indents by 40 px: at 20 the text is already pushed out of a 760 px column. Qt's import is
quadratic beyond (256 deep: 10 ms a copy; 10,000: 12 s)."""
MAX_TABLE_DEPTH = 4
"""Tables inside tables: Qt's layout doubles its time with each level (13 deep: 57 ms, 16: 1 s)."""
MAX_LINK_REFERENCES = 1000
"""Link-reference definitions in one section; Markdown's time grows faster than their number."""
MAX_BRACKETS = 5_000
"""``[`` in one paragraph, each a possible link Markdown tries to match (about 20 µs each: 0.1 s at most)."""
MAX_OPEN_BRACKETS = 300
"""``[`` in one paragraph that do not simply pair with the next ``]``: Markdown's time grows with their
square (2,000 ``[`` in a row: 1.1 s; 3,000 ``[a ``: 9 s)."""
FORMAT_WORD = 10_000
"""A word this long is no prose (Markdown takes minutes on 20,000 "[" in a row): its paragraph is shown as plain text."""
TOO_DEEP = "This part is nested too deeply to format"
WORD_TOO_LONG = "This part has a word too long to format"
TOO_MANY_BRACKETS = "This part has more brackets than can be formatted"
TOO_MANY_REFERENCES = f"These link definitions come after the first {MAX_LINK_REFERENCES:,}, more than can be formatted"

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"})
_CLOSES_P = frozenset(
    {
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section",
        "table", "ul",
    }
)  # fmt: skip
# An opening tag that ends an open element of the same kind, up to the element that holds them both.
_IMPLIED_END = {
    name: (frozenset(ends.split()), frozenset(holders.split()))
    for name, ends, holders in [
        ("li", "li", "ul ol menu"),
        ("dt", "dt dd", "dl"),
        ("dd", "dt dd", "dl"),
        ("tr", "tr td th", "table tbody thead tfoot"),
        ("td", "td th", "tr table"),
        ("th", "td th", "tr table"),
        ("tbody", "tbody thead tfoot tr td th", "table"),
        ("thead", "tbody thead tfoot tr td th", "table"),
        ("tfoot", "tbody thead tfoot tr td th", "table"),
        ("option", "option", "select datalist"),
        ("a", "a", ""),  # links never nest: a new one ends the open one
        ("button", "button", ""),
    ]
}
# The start of a tag is enough: its end may hold anything, and looking for it can take quadratic time.
# HTML ignores the "/" of "<div/>"; elements that never hold anything are told by their names.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])")
_CODE_SPAN = re.compile(r"`[^`]*`")  # a tag written in a code span is text (longer fences are rare)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTES = re.compile(r"^(?: {0,3}>)+")
_LIST_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\[\]]*\]:")
_MARKDOWN_STARTS = frozenset(" \t>`~-*+0123456789")  # a line starting otherwise is no quote, list or fence
_SIMPLE_BRACKETS = re.compile(r"\[[^\[\]]*\]")
_DEEP_INDENT = re.compile(r"^[ \t>]{16}", re.MULTILINE)
_FORMAT_WORD = re.compile(rf"(?<!\S)\S{{{FORMAT_WORD}}}")  # from a word's start only: linear time


@dataclass(frozen=True)
class Part:
    """A stretch of a section's Markdown: formatted, or shown as plain text under *note* when it has one."""

    text: str
    note: str = ""


class _Scanner:
    """Follows a Markdown text line by line: code fences, and the elements open at each line.

    Constant work per tag (amortized): the counts of open elements by name are kept as they change.
    """

    def __init__(self) -> None:
        self.open: list[str] = []  # HTML elements open, outermost first
        self.counts: Counter[str] = Counter()
        self.fence = ""  # the fence of the code block we are in, or ""
        self.overflowed = False  # too deep to follow: all closed at the next blank line

    def line_depth(self, line: str) -> tuple[int, int]:
        """Scan *line*: (deepest element nesting, deepest table nesting) reached on it.

        Past 4 * MAX_DEPTH open elements the rest of the line is not looked at (the line is too deep
        whatever follows), and every element counts as closed at the next blank line.
        """
        if self.overflowed and not line.strip():
            self.open, self.counts, self.overflowed = [], Counter(), False
        if not self.fence and line[:1] not in _MARKDOWN_STARTS and "<" not in line:
            return len(self.open), self.counts["table"]  # most lines: text that opens nothing
        if self.fence:
            if line.strip().startswith(self.fence) and set(line.strip()) == {self.fence[0]}:
                self.fence = ""
            return len(self.open), self.counts["table"]
        fence = _FENCE.match(line)
        if fence:
            self.fence = fence[1]
            return len(self.open), self.counts["table"]
        quoted = _QUOTES.match(line)
        quotes = quoted[0].count(">") if quoted else 0
        rest = line[quoted.end() :] if quoted else line
        item = _LIST_ITEM.match(rest)
        lists = (len(item[1].expandtabs(4)) // 4 + 1) * 2 if item else 0  # a list and its item per level
        deepest, tables = len(self.open), self.counts["table"]
        for tag in _TAG.finditer(_CODE_SPAN.sub("", rest) if "`" in rest else rest):
            self._take(tag[2].lower(), closing=bool(tag[1]))
            deepest, tables = max(deepest, len(self.open)), max(tables, self.counts["table"])
            if deepest > 4 * MAX_DEPTH:
                self.overflowed = True
                break
        return quotes + lists + deepest, tables

    def _take(self, name: str, closing: bool) -> None:
        if closing:
            if self.counts[name]:
                self._close_from(self._innermost(name))
            return
        if name in _VOID:
            return
        if name in _CLOSES_P and self.open and self.open[-1] == "p":
            self._close_from(len(self.open) - 1)
        if name in _IMPLIED_END:
            ends, holders = _IMPLIED_END[name]
            if any(self.counts[end] for end in ends):
                self._close_from(self._implied_end(ends, holders))
        self.open.append(name)
        self.counts[name] += 1

    def _innermost(self, name: str) -> int:
        """Where the innermost open *name* element is (it is open), at most 2 * MAX_DEPTH elements out; -1 if further."""
        for position in range(len(self.open) - 1, max(-1, len(self.open) - 1 - 2 * MAX_DEPTH), -1):
            if self.open[position] == name:
                return position
        return -1

    def _implied_end(self, ends: frozenset[str], holders: frozenset[str]) -> int:
        """The outermost open element of *ends* inside the innermost of *holders* (a new row ends the
        open row and its cell); -1 if none. At most 2 * MAX_DEPTH elements out: deeper, it is cut anyway."""
        found = -1
        for position in range(len(self.open) - 1, max(-1, len(self.open) - 1 - 2 * MAX_DEPTH), -1):
            element = self.open[position]
            if element in holders:
                break
            if element in ends:
                found = position
        return found

    def _close_from(self, position: int) -> None:
        if position < 0:
            return
        for element in self.open[position:]:
            self.counts[element] -= 1
        del self.open[position:]

    @property
    def at_top_level(self) -> bool:
        return not self.open and not self.fence


def bounded_parts(body: str) -> list[Part]:
    """*body* cut into parts to format and parts to show as plain text under a note.

    Plain text: a stretch nested deeper than MAX_DEPTH (or with tables deeper than MAX_TABLE_DEPTH),
    one holding a word of FORMAT_WORD characters or more, and link-reference definitions after the
    first MAX_LINK_REFERENCES (at the end). A stretch runs from the blank line before the first line
    over a bound to the first blank line after it where every element is closed again (or to the
    end), so the parts around it format as they would have.
    """
    if _within_bounds_at_a_glance(body):
        return [Part(body)]
    lines = body.split("\n")
    scanned = list(_scan(lines))
    references = [number for number, line in enumerate(scanned) if line.reference]
    extra = set(references[MAX_LINK_REFERENCES:])
    if extra:
        extra_text = "\n".join(lines[number] for number in sorted(extra))
        kept = [number for number in range(len(lines)) if number not in extra]
        lines, scanned = [lines[n] for n in kept], [scanned[n] for n in kept]
    _mark_bracket_heavy_paragraphs(lines, scanned)
    parts = _cut(lines, scanned)
    return [*parts, Part(extra_text, TOO_MANY_REFERENCES)] if extra else parts


def _within_bounds_at_a_glance(body: str) -> bool:
    """True when no bound can be exceeded: few tags and brackets, shallow quotes and lists, no giant word.

    At most 8 tags, and fewer than 16 characters of indentation and quote marks (15 tabs: 15 list
    levels), cannot nest deeper than MAX_DEPTH. Most sections are decided here, without a scan.
    """
    return (
        body.count("<") <= 8
        and not _DEEP_INDENT.search(body)
        and (len(body) < FORMAT_WORD or max(map(len, body.split("\n"))) < FORMAT_WORD)
        and body.count("]:") <= MAX_LINK_REFERENCES
        and body.count("[") <= MAX_OPEN_BRACKETS
    )


@dataclass(slots=True)
class _Line:
    depth: int  # the deepest nesting reached on the line
    tables: int  # the deepest nesting of tables reached on it
    top_level: bool  # whether it begins outside every element and code block
    reference: bool  # whether it defines a link reference
    problem: str  # the bound it exceeds, or ""


def _mark_bracket_heavy_paragraphs(lines: list[str], scanned: list[_Line]) -> None:
    """Mark the first line of each paragraph (lines between blank ones) with more than MAX_BRACKETS ``[``,
    or more than MAX_OPEN_BRACKETS that do not simply pair with a ``]``."""
    first, brackets, unpaired = 0, 0, 0
    for number, line in enumerate([*lines, ""]):
        if line.strip():
            count = line.count("[")
            brackets += count
            unpaired += count - len(_SIMPLE_BRACKETS.findall(line)) if count else 0
            continue
        if (brackets > MAX_BRACKETS or unpaired > MAX_OPEN_BRACKETS) and not scanned[first].problem:
            scanned[first].problem = TOO_MANY_BRACKETS
        first, brackets, unpaired = number + 1, 0, 0


def _scan(lines: list[str]) -> Iterator[_Line]:
    scanner = _Scanner()
    for line in lines:
        top_level, in_code = scanner.at_top_level, bool(scanner.fence)
        depth, tables = scanner.line_depth(line)
        reference = line[:1] in " [" and not in_code and not scanner.fence and bool(_REFERENCE.match(line))
        if depth > MAX_DEPTH or tables > MAX_TABLE_DEPTH:
            problem = TOO_DEEP
        elif len(line) >= FORMAT_WORD and _FORMAT_WORD.search(line):
            problem = WORD_TOO_LONG
        else:
            problem = ""
        yield _Line(depth, tables, top_level, reference, problem)


def _cut(lines: list[str], scanned: list[_Line]) -> list[Part]:
    if not any(line.problem for line in scanned):
        return [Part("\n".join(lines))]
    parts: list[Part] = []
    start = 0  # the first line not yet in a part
    boundary = 0  # the last line at which a part may begin
    number = 0
    while number < len(lines):
        if scanned[number].top_level and (number == 0 or not lines[number - 1].strip()):
            boundary = number
        if scanned[number].problem:
            end = _end_of_part(lines, scanned, number)
            if boundary > start:
                parts.append(Part("\n".join(lines[start:boundary])))
            parts.append(Part("\n".join(lines[boundary:end]), scanned[number].problem))
            start = boundary = number = end
            continue
        number += 1
    if start < len(lines):
        parts.append(Part("\n".join(lines[start:])))
    return parts


def _end_of_part(lines: list[str], scanned: list[_Line], problem: int) -> int:
    for number in range(problem + 1, len(lines)):
        if scanned[number].top_level and not lines[number - 1].strip():
            return number
    return len(lines)
