"""Where the sections are: the headings Python-Markdown makes at the top level of an article.

A section is exactly what the renderer shows as a heading. Converting a 10,000-section article
takes seconds, too long before the first paint, so this module follows Python-Markdown's block
parser (its processors in their order, at the top level only) over the text its own
preprocessors leave, without building anything. tests/core/test_outline_agreement.py checks it
against Python-Markdown on generated documents and on the corpus in tests/data/markdown/.

Where Python-Markdown reads a heading differently from CommonMark in a way no author means (a
``#hashtag`` line as a heading, ``  # Title`` indented by two spaces as text, ``C#`` losing its
``#``, ``- item`` over ``---`` as a heading), the source is rewritten first, for the renderer as
well: :class:`Outline` holds the rewritten lines. So it is where markup left open over a heading
would make a section rendered alone differ from the same part of the whole article: its '<' is
written as text. docs/article-format.md lists what is left.
"""

from __future__ import annotations

import bisect
import itertools
import re
import xml.etree.ElementTree as etree
from typing import NamedTuple

import markdown
from markdown.blockprocessors import HashHeaderProcessor, HRProcessor, ReferenceProcessor
from markdown.util import HTML_PLACEHOLDER_RE

from viewer.core.dialect import TAB_LENGTH, new_markdown

_WHITESPACE_ONLY = re.compile(r"\n +(?=\n)")  # Python-Markdown's "(?<=\n) +\n", with a literal first: 20 times faster
_MAY_FENCE = re.compile(r"\n {0,3}(?:```|~~~)")  # searched in "\n" + text: a literal first is fast
_MAY_BE_HTML = re.compile(r"\n {0,3}<")
_PM_HASH = HashHeaderProcessor.RE
_PM_HR = HRProcessor.SEARCH_RE
_PM_UNDERLINE = re.compile(r"^(?:=+|-+)[ ]*$")
_CM_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+) *$")
_CM_ATX = re.compile(r"^(?P<indent> {0,3})(?P<hashes>#{1,6})(?=[ ]|$)(?P<rest>.*)$")
_CM_CLOSING = re.compile(r"(?:^|[ ])#+$")
_ORDERED_ITEM = re.compile(r"^[ ]{0,3}\d+\.[ ]+")
_BULLET_ITEM = re.compile(r"^[ ]{0,3}[*+-][ ]+")
_DEFINITION = re.compile(r"^[ ]{0,3}:[ ]{1,3}")
_DEFINITION_NO_INDENT = re.compile(r"^[ ]{0,3}[^ :]")
_QUOTE = re.compile(r"^[ ]{0,3}>")
_GENTLE_PASSES = 3
_MARKUP_OPENER = re.compile(r"<(?=[A-Za-z/!?])")
_MARKUP_START = re.compile(r"^ {0,3}<[A-Za-z/!?]")  # CommonMark may start an HTML block here, running to a blank line
_NOT_PARAGRAPH_TEXT = re.compile(  # lines CommonMark starts another block with: list item, quote, fence, HTML, definition
    r"^ {0,3}(?:[*+-](?: |$)|\d{1,9}[.)](?: |$)|>|```|~~~|<[A-Za-z/!?]|\[[^\]]+\]:|\x02)"
)
_SPECIAL_START = frozenset(" #-_*+:>[=\x020123456789")
_CANONICAL_ATX = re.compile(r"^(#{1,6}) ([^ #\\](?:.*[^ #\\])?)$")  # already as CommonMark and Python-Markdown agree
_ENTITY = {"=": "&#61;", "-": "&#45;"}
_LISTS = frozenset({"ul", "ol", "dl"})


class Heading(NamedTuple):  # a NamedTuple, not a dataclass: a third of a millisecond less at start-up
    """A heading at the top level of the article."""

    level: int
    markdown: str  # its text as Python-Markdown hands it to the inline parser
    line: int  # index of its (first) line in Outline.lines
    underlined: bool = False  # setext: its next line is the underline


class Outline(NamedTuple):
    """The article body as the renderer should get it, and its headings."""

    lines: list[str]
    headings: list[Heading]
    references: dict[str, tuple[str, str | None]]


class Stage:
    """The text as Python-Markdown's block parser will see it, line by line.

    ``source[k]`` is the index of the source line that line *k* comes from, or None where the
    line is Python-Markdown's own (a placeholder, an added blank line); ``whole[k]`` says whether
    line *k* is that source line unchanged (not the end of one after an HTML block closed on it),
    ``column[k]`` where in its source line it starts; ``elements`` maps the placeholder number of
    each HTML block whose content is Markdown (md_in_html) to its tag. ``spread`` lists the tags,
    comments and the like that the HTML step passed on as text over more than one line: while
    reading one, the step does not look for HTML blocks at the starts of the lines it covers.
    """

    def __init__(self, lines: list[str], source: list[int | None], whole: list[bool], column: list[int]) -> None:
        self.lines, self.source, self.whole, self.column = lines, source, whole, column
        self.elements: dict[int, str] = {}
        self.spread: list[tuple[int, int, int, int]] = []  # (source line, column) of its '<', of the character after it


def normalize_whitespace(text: str) -> list[str]:
    """*text* as lines, as Python-Markdown's NormalizeWhitespace leaves it: tabs expanded, blank lines empty."""
    text = text.replace("\x02", "").replace("\x03", "").replace("\r\n", "\n").replace("\r", "\n") + "\n\n"
    text = _WHITESPACE_ONLY.sub("\n", text.expandtabs(TAB_LENGTH) if "\t" in text else text)
    return text.split("\n")[:-2]


def find_outline(text: str, md: markdown.Markdown | None = None) -> Outline:
    """The top-level headings of Markdown *text*, with the text rewritten where CommonMark reads it otherwise."""
    md = md or new_markdown()
    md.reset()
    lines = normalize_whitespace(text)
    joined = "\n" + "\n".join(lines)  # most articles have no fence and no HTML: one search each says so
    fences: list[tuple[int, int]] = []
    if _MAY_FENCE.search(joined):
        from viewer.core.fences import fences_as_commonmark, find_fences

        lines = fences_as_commonmark(lines)
        fences = find_fences(lines)
    if not _MAY_BE_HTML.search(joined):
        plain_lines, source = _without_fences(md, lines, fences)
        scan = _Scan(md, Stage(plain_lines, source, [origin is not None for origin in source], [0] * len(plain_lines)), lines)
        scan.run()
        return scan.outline()
    from viewer.core.html_blocks import escape_unclosed_markup, markdown_inside_containers

    code = {index for first, last in fences for index in range(first, last + 1)}
    lines = markdown_inside_containers(escape_unclosed_markup(lines, code), code)
    for passes in itertools.count():
        scan = _Scan(md, _html_stage(md, lines, fences), lines)
        scan.run()
        spread_over = scan.markup_over_headings()
        if not spread_over:
            break
        # Rendered alone, a section would start outside that markup and could find HTML blocks the
        # whole article has none of. Its '<' is shown as text either way (the heading splits the
        # paragraph it would close in), as CommonMark reads it: written as text, it holds nothing.
        # Once it is text, a '<' inside it may open markup read on over the heading in turn: after a
        # few passes, every '<' in it up to the heading is written as text at once (hostile text).
        whole = passes >= _GENTLE_PASSES
        if not any([_markup_as_text(lines, *markup, whole=whole) for markup in spread_over]):
            break  # nothing to write as text (never expected): as it is, rather than for ever
        md.reset()
    return scan.outline()


def _html_stage(md: markdown.Markdown, lines: list[str], fences: list[tuple[int, int]]) -> Stage:
    """Python-Markdown's HTML preprocessor over the text, where it can change anything (see extract_html_blocks)."""
    from viewer.core.html_blocks import extract_html_blocks

    return extract_html_blocks(md, *_without_fences(md, lines, fences))


def _without_fences(md: markdown.Markdown, lines: list[str], fences: list[tuple[int, int]]) -> tuple[list[str], list[int | None]]:
    """The lines as the fenced-code preprocessor leaves them: each fence is a placeholder between blank lines."""
    out: list[str] = []
    source: list[int | None] = []
    start = 0
    for first, last in fences:
        out.extend(lines[start:first])
        source.extend(range(start, first))
        out.extend(["", md.htmlStash.store(""), ""])
        source.extend([None, None, None])
        start = last + 1
    out.extend(lines[start:])
    source.extend(range(start, len(lines)))
    return out, source


class _Scan:
    """Python-Markdown's top-level block processors, in their order, recording headings instead of building."""

    def __init__(self, md: markdown.Markdown, stage: Stage, lines: list[str]) -> None:
        self._table = md.parser.blockprocessors["table"]
        self._root = etree.Element("div")
        self.stage = stage
        self.p = stage.lines  # edited as the source is
        self.source_lines = lines
        self.replacements: dict[int, list[str]] = {}
        self.headings: list[tuple[int, int, str, bool]] = []  # (source line, level, text, underlined)
        self.underlines: dict[int, int] = {}  # source line of each setext heading's underline, by its first line's
        self.references: dict[str, tuple[str, str | None]] = {}
        self.sibling = ""

    def run(self) -> None:
        """Go through the blocks (runs of non-blank lines) in order; a plain paragraph needs no look."""
        lines = self.p
        blanks = [index for index, line in enumerate(lines) if not line]
        marked = [index for index, line in enumerate(lines) if line[:1] in _SPECIAL_START or "|" in line]
        marked.append(len(lines))
        position = 0
        previous_end = -1  # where the last block looked at ends
        for start, end in zip([-1, *blanks], [*blanks, len(lines)], strict=True):
            start += 1
            if start == end:
                continue
            while marked[position] < start:
                position += 1
            if marked[position] >= end:
                continue  # nothing in it starts a block: a paragraph
            if previous_end < start - 1 and any(lines[k] for k in range(previous_end + 1, start)):
                self.sibling = "p"  # paragraphs in between
            previous_end = end
            if end == start + 1 and (plain := _CANONICAL_ATX.match(lines[start])) and self.stage.whole[start]:
                self._record(start, len(plain[1]), plain[2])  # the usual heading, alone between blank lines
                self.sibling = "h"
                continue
            self._run_block(start, end)

    def _run_block(self, start: int, end: int) -> None:
        work: list[tuple[int, int] | tuple[str, str]] = [(start, end)]
        while work:
            item = work.pop()
            if isinstance(item[0], str):
                self.sibling = item[1]
            else:
                self._block(item[0], item[1], work)

    def _block(self, s: int, e: int, work: list) -> None:
        first = self.p[s]
        if (placeholder := HTML_PLACEHOLDER_RE.match(first)) and int(placeholder[1]) in self.stage.elements:
            self.sibling = self.stage.elements[int(placeholder[1])]
            self._push(work, (s + 1, e))
            return
        if first.startswith(" " * TAB_LENGTH):
            if self.sibling not in _LISTS:
                self.sibling = "pre"
                self._push(work, (self._indented_until(s, e), e))
            return
        if "|" in first and e - s > 1 and self._table.test(self._root, "\n".join(self.p[s:e])):
            self.sibling = "table"
            return
        if (heading := self._hash_heading(s, e)) is not None:
            self._push(work, (s, heading), ("sibling", "h"), (heading + 1, e))
            return
        if self._setext_heading(s, e, work):
            return
        self._other_blocks(s, e, work)

    def _push(self, work: list, *items: tuple) -> None:
        """Queue *items* to run next, in the order given; empty line ranges are left out."""
        for item in reversed(items):
            if isinstance(item[0], str) or item[0] < item[1]:
                work.append(item)

    # Headings ---------------------------------------------------------------------------------

    def _hash_heading(self, s: int, e: int) -> int | None:
        """The first line of the block that is an ATX heading (after rewriting), recorded; None if none is."""
        for k in range(s, e):
            line = self.p[k]
            if "#" not in line[:4]:
                continue
            if self.stage.whole[k] and (plain := _CANONICAL_ATX.match(line)):
                self._record(k, len(plain[1]), plain[2])
                return k
            written_as_cm = _commonmark_atx(line)
            seen_by_pm = _PM_HASH.match(line) is not None
            if not self.stage.whole[k]:
                if seen_by_pm:  # a heading after an HTML block closed on the same line: CommonMark has none
                    self._escape_at(k, 0)
                continue
            if written_as_cm is not None:
                level, content = written_as_cm
                canonical = ("#" * level + " " + _pm_safe(content)).rstrip(" ")
                if canonical != line:
                    self._replace(k, canonical)
                header = _PM_HASH.match(canonical)
                self._record(k, level, header["header"].strip())
                return k
            if seen_by_pm:
                self._escape_at(k, 0)
        return None

    def _setext_heading(self, s: int, e: int, work: list) -> bool:
        """Record a setext heading at the start of the block; rewrite underlines CommonMark does not see as one."""
        underline = next((k for k in range(s + 1, e) if not _paragraph_text(self.p[k])), e)
        if underline == e or not _CM_UNDERLINE.match(self.p[underline]):
            return False
        text_lines = range(s, underline)
        if _paragraph_text(self.p[s]) and all(self.stage.whole[k] for k in (*text_lines, underline)):
            if underline > s + 1:  # CommonMark takes the whole paragraph as the heading
                self._replace(s, " ".join(self.p[k].strip() for k in text_lines))
                for k in range(s + 1, underline):
                    self._replace(k, None)
                if _PM_HASH.match(self.p[s]):  # "#\" and more words: joined, Python-Markdown would see an ATX line
                    self._escape_at(s, 0)
            if self.p[underline] != self.p[underline].lstrip(" "):
                self._replace(underline, self.p[underline].lstrip(" "))
            level = 1 if self.p[underline].startswith("=") else 2
            self._record(s, level, self.p[s].strip(), underline=underline)
            self._push(work, ("sibling", "h"), (underline + 1, e))
            return True
        if underline != s + 1 or not _PM_UNDERLINE.match(self.p[underline]):
            return False  # Python-Markdown sees no heading here either
        if self.p[underline].startswith("-") and self.stage.whole[s] and not self._after_markup(self.stage.source[s]):
            self._append_blank_after(s)  # "- item" over "---": a list, then a rule
            self._push(work, (s, s + 1), (s + 1, e))
            return True
        self._replace(underline, _ENTITY[self.p[underline][0]] + self.p[underline][1:])
        return False

    # The other blocks, for what they leave behind -----------------------------------------------

    def _other_blocks(self, s: int, e: int, work: list) -> None:
        lines = self.p
        if (rule := next((k for k in range(s, e) if _PM_HR.match(lines[k])), None)) is not None:
            self._push(work, (s, rule), ("sibling", "hr"), (rule + 1, e))
        elif _ORDERED_ITEM.match(lines[s]) or _BULLET_ITEM.match(lines[s]):
            self.sibling = "ol" if _ORDERED_ITEM.match(lines[s]) else "ul"
        elif (term_end := next((k for k in range(s, e) if _DEFINITION.match(lines[k])), None)) is not None and (
            term_end > s or self.sibling
        ):
            self.sibling = "dl"
            if term_end + 1 < e and not _DEFINITION_NO_INDENT.match(lines[term_end + 1]):
                self._push(work, (self._indented_until(term_end + 1, e), e))
        elif (quote := next((k for k in range(s, e) if _QUOTE.match(lines[k])), None)) is not None:
            self._push(work, (s, quote), ("sibling", "blockquote"))
        elif "[" in "".join(line[:4] for line in lines[s:e]) and (found := self._references(s, e)) is not None:
            self._push(work, *found)
        else:
            self.sibling = "p"

    def _after_markup(self, source: int) -> bool:
        """Whether a line from the last blank one to source line *source* starts markup: CommonMark may read it as an
        HTML block running to the next blank line, which a blank line added there would end early."""
        lines = self.source_lines
        while source >= 0 and lines[source]:
            if _MARKUP_START.match(lines[source]):
                return True
            source -= 1
        return False

    def _indented_until(self, s: int, e: int) -> int:
        """Where BlockProcessor.detab stops taking lines: the first one neither indented nor blank."""
        return next((k for k in range(s, e) if not self.p[k].startswith(" " * TAB_LENGTH) and self.p[k].strip()), e)

    def _references(self, s: int, e: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """Record the link definitions Python-Markdown's ReferenceProcessor takes from the block; the lines left."""
        block = "\n".join(self.p[s:e])
        match = ReferenceProcessor.RE.search(block)
        if not match:
            return None
        start = end = match.start()
        for match in ReferenceProcessor.RE.finditer(block, start):
            if match.start() > start and (block[end : match.start()].strip("\n") or "\n" in match.group()):
                break
            self.references[match.group(1).strip().lower()] = (
                match.group(2).lstrip("<").rstrip(">"),
                match.group(5) or match.group(6),
            )
            end = match.end()
        first = s + block.count("\n", 0, start)
        last = s + block.count("\n", 0, end) + 1
        return (s, first), (last, e)

    def markup_over_headings(self) -> list[tuple[int, int, int, int]]:
        """Each markup the HTML step read as text across a heading's lines, as (line, column) of its '<' and (line,
        column) where it ends, or the end of the last heading it covers when that comes first.

        The heading's section body, rendered alone, would not start inside that markup.
        """
        if not self.stage.spread or not self.headings:
            return []
        starts = sorted(source for source, _, _, _ in self.headings)
        found = []
        for first, column, last, end_column in self.stage.spread:
            position = bisect.bisect_right(starts, last) - 1  # the last heading starting before the markup ends
            if position >= 0 and (heading_end := self.underlines.get(starts[position], starts[position])) >= first:
                found.append((first, column, last, end_column) if heading_end >= last else (first, column, heading_end, -1))
        return found

    # Recording --------------------------------------------------------------------------------

    def _record(self, k: int, level: int, text: str, underline: int | None = None) -> None:
        if self.stage.source[k] is not None:  # text Python-Markdown's HTML parser made up has no line to start a section at
            self.headings.append((self.stage.source[k], level, text, underline is not None))
            if underline is not None:
                self.underlines[self.stage.source[k]] = self.stage.source[underline]

    def _replace(self, k: int, text: str | None) -> None:
        """Rewrite P line *k* and the source line it is (None: remove it)."""
        self.p[k] = "" if text is None else text
        self.replacements[self.stage.source[k]] = [] if text is None else [text]

    def _append_blank_after(self, k: int) -> None:
        source = self.stage.source[k]
        self.replacements[source] = [*self.replacements.get(source, [self.source_lines[source]]), ""]

    def _escape_at(self, k: int, offset: int) -> None:
        """Put a backslash before the character at *offset* of P line *k*, in the source too."""
        source, column = self.stage.source[k], self.stage.column[k] + offset
        if source is None:
            return
        original = self.replacements.get(source, [self.source_lines[source]])[0]
        self.p[k] = self.p[k][:offset] + "\\" + self.p[k][offset:]
        self.replacements[source] = [original[:column] + "\\" + original[column:]]

    def outline(self) -> Outline:
        """The rewritten lines, and each heading at its line among them."""
        lines: list[str] = []
        shift: list[tuple[int, int]] = []  # (source line, how far lines after it moved)
        done, moved = 0, 0
        for source in sorted(self.replacements):
            lines.extend(self.source_lines[done:source])
            lines.extend(self.replacements[source])
            moved += len(self.replacements[source]) - 1
            shift.append((source, moved))
            done = source + 1
        lines.extend(self.source_lines[done:])
        sources = [source for source, _ in shift]

        def new_line(source: int) -> int:
            position = bisect.bisect_left(sources, source)
            return source + (shift[position - 1][1] if position else 0)

        if shift:
            headings = [Heading(level, text, new_line(source), underlined) for source, level, text, underlined in self.headings]
        else:
            headings = [Heading(level, text, source, underlined) for source, level, text, underlined in self.headings]
        return Outline(lines, sorted(headings, key=lambda h: h.line), self.references)


def _markup_as_text(lines: list[str], first: int, column: int, last: int, end_column: int, whole: bool) -> bool:
    """Write the '<' at *column* of line *first* as text, and if *whole* each '<' that may open markup from there to
    *end_column* of line *last* (-1: its end). Whether there was a '<' to write at the start."""
    if lines[first][column : column + 1] != "<":
        return False
    if not whole:
        lines[first] = lines[first][:column] + "&lt;" + lines[first][column + 1 :]
        return True
    for index in range(first, last + 1):
        line = lines[index]
        start = column if index == first else 0
        end = end_column if index == last and end_column >= 0 else len(line)
        lines[index] = line[:start] + _MARKUP_OPENER.sub("&lt;", line[start:end]) + line[end:]
    return True


def _commonmark_atx(line: str) -> tuple[int, str] | None:
    """(level, content) when CommonMark reads *line* as an ATX heading (it may be indented up to three spaces)."""
    match = _CM_ATX.match(line)
    if not match:
        return None
    content = match["rest"].strip(" ")
    closing = _CM_CLOSING.search(content)
    if closing:
        content = content[: closing.start()].rstrip(" ")
    return len(match["hashes"]), content


def _pm_safe(content: str) -> str:
    """Heading *content* written so that Python-Markdown keeps all of it: trailing '#' and a final '\\' escaped."""
    end = len(content)
    while end and content[end - 1] == "#" and not _escaped(content, end - 1):
        end -= 1
    content = content[:end] + "\\#" * (len(content) - end)
    if content.endswith("\\") and not _escaped(content, len(content) - 1):
        content += "\\"
    return content


def _escaped(text: str, position: int) -> bool:
    backslashes = len(text[:position]) - len(text[:position].rstrip("\\"))
    return backslashes % 2 == 1


def _paragraph_text(line: str) -> bool:
    """Whether CommonMark would read *line* as (more) paragraph text, not the start of another block."""
    stripped = line.strip(" ")
    return bool(stripped) and not _NOT_PARAGRAPH_TEXT.match(line) and not _PM_HR.match(line) and not _CM_UNDERLINE.match(line)
