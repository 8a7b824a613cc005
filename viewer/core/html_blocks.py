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
import logging
import re
import xml.etree.ElementTree as etree
from typing import NamedTuple

import markdown
from markdown.extensions.md_in_html import HTMLExtractorExtra
from markdown.util import HTML_PLACEHOLDER_RE

from viewer.core.blocks import Stage
from viewer.core.fences import line_offsets

READ_ON_STEPS = 1_000_000
"""About 1 s of Python's HTML parser reading on from tags left open (twenty thousand "<a " on a line take minutes):
over it, a part of the text is read as having no HTML blocks (the renderer shows such a section as plain text)."""
log = logging.getLogger("viewer.render")
_MAY_OPEN_HTML = re.compile(r"\n {0,3}<[A-Za-z!?]")  # searched in "\n" + text: a literal first is fast
_TAG_START = re.compile(r"<[A-Za-z!?/]")
_TAG_END = re.compile(">")
_LINE_START_TAG = re.compile(r"\n {0,3}<")
_UNCLOSED_CANDIDATE = re.compile(r"^ {0,3}(?P<kind><\?|<!\[|<![A-Za-z])")
_CLOSERS = {"<?": "?>", "<![": "]]>", "<!": ">"}
_CONTAINERS = "article|aside|blockquote|center|details|div|figure|footer|header|main|nav|section"
_CONTAINER_OPENING = re.compile(rf"^(?P<tag> {{0,3}}<(?P<name>{_CONTAINERS}))(?P<rest>(?:\s[^<>]*)?>)\s*$", re.IGNORECASE)
_MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown\s*=|\smarkdown[\s>/]", re.IGNORECASE)
# A whole start or end tag inside a line, in the plainest form: name, attributes with quoted or bare values.
_WHOLE_TAG = re.compile(
    r"""<(?:(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:[ ]+[A-Za-z_:][-A-Za-z0-9_:.]*(?:[ ]*=[ ]*(?:"[^"<>`\n]*"|'[^'<>`\n]*'"""
    r"""|[^ "'=<>`\n/]+))?)*[ ]*/?|/(?P<closing>[A-Za-z][A-Za-z0-9-]*)[ ]*)>"""
)
# Tags whose content an HTML parser reads as raw text up to their end tag (script and style; the rest for safety).
_RAW_TEXT_TAGS = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"}
)
_CHARACTER_REFERENCE_START = re.compile(r"&#")
_WHOLE_CHARACTER_REFERENCE = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+);")
_COMMENT_CLOSE = re.compile(r"--!?>")  # Python-Markdown's end of a comment
_LESS_THAN_OR_AMPERSAND = re.compile(r"[<&]")
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
_END_TAG_NAME = re.compile(r"</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)")  # as Python's HTML parser finds an end tag's name
_MOST_CHUNKS_GUESSED = 8  # a guess looks this far at most: a page of unclosed <p> costs no more


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


def read_on_steps(text: str) -> int:
    """About how many characters Python's HTML parser reads on past tags left open in *text* (a step is about 1 µs)."""
    starts = [match.start() for match in _TAG_START.finditer(text)]
    if not starts:
        return 0
    ends = [match.start() for match in _TAG_END.finditer(text)]
    steps = 0
    for start in starts:
        end = ends[position] if (position := bisect.bisect_left(ends, start)) < len(ends) else len(text)
        steps += max(0, end - start - 200)  # a tag a few lines long is ordinary
    return steps


def extract_html_blocks(md: markdown.Markdown, lines: list[str], source: list[int | None]) -> Stage:
    """Python-Markdown's HTML block preprocessor over *lines* (after the fences were taken out), where it can change them.

    The preprocessor costs about 40 µs a tag, over the whole text. It is run only over the parts
    that hold HTML it may act on: blank-line-separated chunks whose tags all sit inside a line of
    prose (``a <b>word</b>``, ``<a href="x">``) pass through it unchanged and are copied as they
    are. A part that holds more is run alone and kept only if it ends where the whole run would be
    back to plain text (no HTML block, tag, comment or search running on past its last line);
    otherwise it is run again taking in the chunks after it, twice as many each time.
    tests/core/test_html_regions.py checks the result against one run over the whole text.
    """
    if not _MAY_OPEN_HTML.search("\n" + "\n".join(lines)):
        return Stage(lines, source, [s is not None for s in source], [0] * len(lines))
    stash = md.htmlStash
    stashed = (len(stash.rawHtmlBlocks), stash.html_counter)
    stage = _in_regions(md, lines, source)
    if stage is None:  # the parser stopped early somewhere: what follows depends on where the text began
        del stash.rawHtmlBlocks[stashed[0] :]
        stash.html_counter = stashed[1]
        stage = Stage([], [], [], [])
        run_region(md, stage, lines, source, 0, len(lines), last=True)
    return finish_stage(md, stage)


def _in_regions(md: markdown.Markdown, lines: list[str], source: list[int | None]) -> Stage | None:
    """The stage made region by region, or None when the whole text must be run at once."""
    chunks = _chunks(lines)
    closers = _Closers(lines)
    stage = Stage([], [], [], [])
    copied = 0  # lines before this are in the stage
    index = 0
    while index < len(chunks):
        first = chunks[index][0]
        if _passes_through(lines, *chunks[index]):
            index += 1
            continue
        _copy(stage, lines, source, copied, first)
        after = index + 1
        end = chunks[after][0] if after < len(chunks) else len(lines)
        if _one_plain_block(md, stage, lines, source, chunks[index], end, last=after >= len(chunks)):
            copied, index = end, after
            continue
        taken = _chunks_spanned(lines, chunks, index)
        while True:
            after = index + taken
            end = chunks[after][0] if after < len(chunks) else len(lines)  # the blank lines after it included
            kept = run_region(md, stage, lines, source, first, end, last=after >= len(chunks), alone=True)
            if kept is None:
                return None
            if kept is True:
                break
            if kept.open_tag is not None and not closers.after(kept.open_tag, end):
                taken = len(chunks) - index  # the block can only end with the text: one run to there, not several
            else:
                taken *= 2
        copied, index = end, after
    _copy(stage, lines, source, copied, len(lines))
    return stage


class _RunsOn(NamedTuple):
    """A part run alone did not end where a whole run would be back to plain text."""

    open_tag: str | None  # the outermost HTML block still open at its end (it closes only with its end tag), if that is why


class _Closers:
    """Where end tags are, by name, found in one search of the text when first asked."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._by_name: dict[str, list[int]] | None = None

    def after(self, name: str, line: int) -> bool:
        """Whether an end tag ``</name`` (any case, spaces after the slash allowed) starts on a line from *line* on."""
        if self._by_name is None:
            text = "\n".join(self._lines)
            offsets = line_offsets(self._lines)
            self._by_name = {}
            for match in _END_TAG_NAME.finditer(text):
                self._by_name.setdefault(match[1].lower(), []).append(bisect.bisect_right(offsets, match.start()) - 1)
        found = self._by_name.get(name, [])
        return bisect.bisect_left(found, line) < len(found)


def finish_stage(md: markdown.Markdown, stage: Stage) -> Stage:
    """*stage* without the blank lines the run added at the end, with the tag of each HTML block holding Markdown."""
    while stage.lines and not stage.lines[-1] and stage.source[-1] is None:
        del stage.lines[-1], stage.source[-1], stage.whole[-1], stage.column[-1]  # the two blank lines added at the end
    for line in stage.lines:
        if (match := HTML_PLACEHOLDER_RE.match(line)) and isinstance(element := _stashed(md, int(match[1])), etree.Element):
            stage.elements[int(match[1])] = element.tag
    return stage


def _chunks(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) of each run of non-blank lines."""
    chunks, first = [], None
    for index, line in enumerate(lines):
        if line and first is None:
            first = index
        elif not line and first is not None:
            chunks.append((first, index))
            first = None
    if first is not None:
        chunks.append((first, len(lines)))
    return chunks


def _passes_through(lines: list[str], first: int, end: int) -> bool:
    """Whether the preprocessor, arriving at this chunk with nothing open, leaves it as it is and nothing open after it.

    True when no line starts with markup (after at most three spaces of any kind) and every '<'
    is plain text ('< 3') or a whole tag inside the line that is not one whose content is raw
    text, and every '&#' is a whole character reference. Comments, declarations and processing
    instructions are searched for to the end of the text, so a chunk with one is run instead.
    """
    for index in range(first, end):
        line = lines[index]
        if "<" not in line and "&#" not in line:
            continue
        stripped = line.lstrip()
        if stripped[:1] == "<" and len(line) - len(stripped) <= 3:
            return False
        position = line.find("<")
        while position != -1:
            following = line[position + 1 : position + 2]
            if following.isascii() and (following.isalpha() or following in "!?/"):
                tag = _WHOLE_TAG.match(line, position)
                if tag is None or (tag["name"] or tag["closing"]).lower() in _RAW_TEXT_TAGS:
                    return False
                position = tag.end()
            else:
                position += 1
            position = line.find("<", position)
        if "&#" in line and len(_CHARACTER_REFERENCE_START.findall(line)) != len(_WHOLE_CHARACTER_REFERENCE.findall(line)):
            return False
    return True


def _copy(stage: Stage, lines: list[str], source: list[int | None], first: int, end: int) -> None:
    """Lines the preprocessor leaves as they are."""
    stage.lines.extend(lines[first:end])
    stage.source.extend(source[first:end])
    stage.whole.extend(origin is not None for origin in source[first:end])
    stage.column.extend([0] * (end - first))


def run_region(
    md: markdown.Markdown,
    stage: Stage,
    lines: list[str],
    source: list[int | None],
    first: int,
    end: int,
    last: bool,
    alone: bool = False,
) -> bool | _RunsOn | None:
    """Run the preprocessor over lines first..end and add what it makes to *stage*: True.

    When the lines are run *alone* (not from the start of the text), only if that is what a run over
    the whole text makes of them: _RunsOn (nothing kept) when something in them runs on past them;
    None when the parser stopped before their end ('&#' not followed by a reference, say: after
    that Python-Markdown's parser reads positions counted from the start of the text it was given)."""
    region = lines[first:end]
    text = "\n".join([*region, "", ""]) if last else "".join(line + "\n" for line in region)
    if read_on_steps(text) > READ_ON_STEPS:
        log.info("HTML blocks not looked for in lines %d to %d: tags left open would take minutes to read", first, end)
        _copy(stage, lines, source, first, end)
        return True
    stash = md.htmlStash
    stashed = (len(stash.rawHtmlBlocks), stash.html_counter)
    parser = _TracingExtractor(md)
    parser.feed(text)
    if alone and parser.rawdata:
        return None
    if alone and not last and not parser.settled():
        del stash.rawHtmlBlocks[stashed[0] :]
        stash.html_counter = stashed[1]
        outermost = parser.mdstack[:1] or (parser.stack[:1] if parser.inraw else [])  # what must close first
        return _RunsOn(outermost[0] if outermost and not parser.ran_off and parser.cdata_elem is None else None)
    parser.close()
    _add_output(stage, parser.cleandoc, parser.cleandoc.positions, text, region, source, first, last)
    return True


def _chunks_spanned(lines: list[str], chunks: list[tuple[int, int]], index: int) -> int:
    """How many chunks from *index* on its tags span until they balance, by a rough count: where to try first.

    A note or a details block with blank lines in it would otherwise be run once for each chunk too
    few; the run itself still decides whether the part ends where it should.
    """
    stack: list[str] = []
    for count, (first, end) in enumerate(chunks[index : index + _MOST_CHUNKS_GUESSED], start=1):
        for tag in _WHOLE_TAG.finditer("\n".join(lines[first:end])):
            name = (tag["name"] or tag["closing"]).lower()
            if tag["closing"]:
                if name in stack:
                    while stack.pop() != name:
                        pass
            elif not tag[0].endswith("/>") and name not in _VOID_TAGS:
                stack.append(name)
        if not stack:
            return count
    return 1


def _one_plain_block(
    md: markdown.Markdown, stage: Stage, lines: list[str], source: list[int | None], chunk: tuple[int, int], end: int, last: bool
) -> bool:
    """Add what the preprocessor makes of a chunk that is one plain raw HTML block, without running it: True.

    Plain: the chunk opens with a block-level tag at the start of its first line and its tags
    balance only at the very end of its last line; every tag is whole, inside a line, no raw-text,
    ``markdown`` or ``hr`` tag, no comment or declaration, every '&#' a whole reference. The
    preprocessor then stashes the chunk as one block and writes a newline, the placeholder and a
    blank line in its place (tests/core/test_html_regions.py compares this with its own run).
    """
    block = _plain_block_span(md, lines[chunk[0] : chunk[1]])
    if block is None:
        return False
    indent, closing = block
    region = lines[chunk[0] : end]
    text = "\n".join([*region, "", ""]) if last else "".join(line + "\n" for line in region)
    chunk_text = "\n".join(lines[chunk[0] : chunk[1]])
    last_line = chunk[1] - chunk[0]  # 1-based, as the parser counts lines
    closing_column = closing - (len(chunk_text) - len(lines[chunk[1] - 1]))
    pieces = [" " * indent] if indent else []
    positions = [(1, 0)] if indent else []
    placeholder = md.htmlStash.store(chunk_text[indent:] + "\n")
    pieces += ["\n", placeholder, "\n\n", text[len(chunk_text) :]]
    positions += [(1, indent), (last_line, closing_column), (last_line, closing_column), (last_line, len(lines[chunk[1] - 1]))]
    _add_output(stage, pieces, positions, text, region, source, chunk[0], last)
    return True


def _plain_block_span(md: markdown.Markdown, chunk: list[str]) -> tuple[int, int] | None:
    """(indent, start of the closing tag) when *chunk* is one plain raw HTML block (see _one_plain_block), else None."""
    text = "\n".join(chunk)
    first_line = chunk[0]
    indent = len(first_line) - len(first_line.lstrip(" "))
    if indent > 3 or not _WHOLE_TAG.match(first_line, indent) or "markdown" in text.lower():
        return None  # the block must open with a whole tag: "<" followed by a space or line end is text
    stack: list[str] = []
    scanned, closing = 0, None
    for match in _LESS_THAN_OR_AMPERSAND.finditer(text, indent):
        at = match.start()
        if at < scanned:
            continue  # inside a tag already read
        if closing is not None:
            return None  # something after the block closed: the parser would go on with it
        if match[0] == "&":
            if text.startswith("&#", at) and not _WHOLE_CHARACTER_REFERENCE.match(text, at):
                return None
            continue
        following = text[at + 1 : at + 2]
        if not (following.isascii() and (following.isalpha() or following in "!?/")):
            continue  # a '<' of text
        tag = _WHOLE_TAG.match(text, at)
        if tag is None:
            return None
        name = (tag["name"] or tag["closing"]).lower()
        if name in _RAW_TEXT_TAGS or name == "hr":
            return None
        scanned = tag.end()
        if at == indent:  # the tag that opens the block
            if tag["closing"] or tag[0].endswith("/>") or not md.is_block_level(name):
                return None
            stack.append(name)
        elif tag["closing"]:
            if name in stack:
                while stack.pop() != name:
                    pass
            if not stack:
                closing = at
                if scanned != len(text):
                    return None
        elif not tag[0].endswith("/>"):
            stack.append(name)
    return (indent, closing) if closing is not None and not stack else None


def _add_output(
    stage: Stage,
    pieces: list[str],
    positions: list[tuple[int, int]],
    text: str,
    region: list[str],
    source: list[int | None],
    first: int,
    last: bool,
) -> None:
    """The preprocessor's output for *region* (lines from *first* on, as *text*), line by line, with where each comes from."""
    starts = _line_starts(text)
    out_lines = "".join(pieces).split("\n")
    first_chars = _first_characters(pieces, positions, text, starts)
    if not last:  # the line after the final newline belongs to what follows
        del out_lines[-1], first_chars[-1]
    _record_spread_markup(stage, pieces, positions, text, starts, source, first, len(region))
    for line, offset in zip(out_lines, first_chars, strict=True):
        origin = None if offset is None else _line_of(starts, offset)
        inside = origin is not None and origin < len(region)
        origin_source = source[first + origin] if inside else None
        stage.lines.append(line)
        stage.source.append(origin_source)
        stage.whole.append(origin_source is not None and offset == starts[origin] and line == region[origin])
        stage.column.append(0 if origin is None or offset is None else offset - starts[origin])


def _record_spread_markup(
    stage: Stage,
    pieces: list[str],
    positions: list[tuple[int, int]],
    text: str,
    starts: list[int],
    source: list[int | None],
    first: int,
    region_length: int,
) -> None:
    """Add to ``stage.spread`` each piece of markup passed on as text that covers more than one line.

    Such a piece starts with '<' (the parser passes plain text on up to the next '<'): a start or
    end tag, comment, declaration or instruction it does not take as a block, or, at the end, the
    rest of the text after one never closed.
    """
    for piece, (line, column) in zip(pieces, positions, strict=True):
        if piece[:1] != "<" or "\n" not in piece or line - 1 >= len(starts):
            continue
        offset = starts[line - 1] + column
        if not text.startswith(piece, offset):
            continue
        origin, end = line - 1, _line_of(starts, offset + len(piece))
        if end >= region_length:  # on to the end of the text
            end, end_column = region_length - 1, len(text)
        else:
            end_column = offset + len(piece) - starts[end]
        if origin < end and source[first + origin] is not None and source[first + end] is not None:
            stage.spread.append((source[first + origin], column, source[first + end], end_column))


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
    """Python-Markdown's md_in_html preprocessor, recording where each piece of its output comes from, and whether
    anything in the text it was given looked on to its end (then the text after it could change what it made)."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        # md_in_html makes these sets anew on every tag (a fifth of its time); they cannot change during a run
        self._block_level_tags = set(md.block_level_elements)
        self._block_tags = self._block_level_tags - (self.span_tags | self.raw_tags | self.empty_tags)
        self._span_and_blocks_tags = self._block_tags | self.span_tags

    def reset(self) -> None:
        super().reset()
        self.cleandoc = _Pieces(self)
        self.ran_off = False

    @property
    def block_level_tags(self) -> set[str]:
        return self._block_level_tags

    @property
    def block_tags(self) -> set[str]:
        return self._block_tags

    @property
    def span_and_blocks_tags(self) -> set[str]:
        return self._span_and_blocks_tags

    def settled(self) -> bool:
        """After feed(): nothing is open, nothing waits for more text, and no search ran to the end of the text."""
        return not (self.ran_off or self.rawdata or self.inraw or self.stack or self._cache or self.mdstack or self.intail) and (
            self.cdata_elem is None
        )

    def check_for_whole_start_tag(self, i: int) -> int:
        end = super().check_for_whole_start_tag(i)
        self.ran_off |= end < 0  # the tag reads on to the end of the text
        return end

    def parse_endtag(self, i: int) -> int:
        self.ran_off |= self.rawdata.find(">", i + 1) == -1
        return super().parse_endtag(i)

    def parse_comment(self, i: int, report: bool = True) -> int:
        self.ran_off |= _COMMENT_CLOSE.search(self.rawdata, i + 4) is None
        return super().parse_comment(i, report)

    def parse_bogus_comment(self, i: int, report: int = 1) -> int:
        end = super().parse_bogus_comment(i, report)
        self.ran_off |= end == -1
        return end


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
