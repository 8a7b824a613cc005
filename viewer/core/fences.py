"""Code fences: written as CommonMark reads them, found as Python-Markdown finds them.

Python-Markdown's ``fenced_code`` only knows fences that start in the first column, close with
exactly the opening run and carry at most one word of language. CommonMark, which authors write
for, also allows fences indented by up to three spaces (as under a list item), a longer closing
run, any info string, and a fence left open to the end. :func:`fences_as_commonmark` rewrites
such fences into the form Python-Markdown knows, so that code stays code; :func:`find_fences`
then finds them exactly as Python-Markdown's preprocessor will. Imported only for an article
that has a fence-like line.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict

from markdown.extensions.attr_list import get_attrs_and_remainder

# Python-Markdown's FencedBlockPreprocessor.FENCED_BLOCK_RE, cut at the end of the opening line.
_PM_OPEN = re.compile(
    r"^(?P<fence>~{3,}|`{3,})[ ]*"
    r"(?:\{(?P<attrs>[^\n]*)\}|(?:\.?(?P<lang>[\w#.+-]*)[ ]*)?(?:hl_lines=(?P<quot>\"|')(?P<hl_lines>.*?)(?P=quot)[ ]*)?)$"
)
_PM_CLOSE = re.compile(r"^(?P<fence>~{3,}|`{3,})[ ]*$")
_CM_OPEN = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_CM_CLOSE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,}) *$")
_PM_LANGUAGE = re.compile(r"^\.?[\w#.+-]*$")

# CommonMark's HTML blocks (spec 4.6): where a fence-like line is HTML, not code. Type 7 (any
# lone tag) cannot interrupt a paragraph; 6 and 7 end at a blank line, the others at their marker.
_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|"
    "dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|"
    "menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|"
    "title|tr|track|ul"
)
_HTML_STARTS = [
    (re.compile(r"^ {0,3}<(?:script|pre|textarea|style)(?:\s|>|$)", re.I), re.compile(r"</(?:script|pre|textarea|style)>", re.I)),
    (re.compile(r"^ {0,3}<!--"), re.compile(r"-->")),
    (re.compile(r"^ {0,3}<\?"), re.compile(r"\?>")),
    (re.compile(r"^ {0,3}<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"^ {0,3}<!\[CDATA\["), re.compile(r"\]\]>")),
    (re.compile(rf"^ {{0,3}}</?(?:{_BLOCK_TAGS})(?:\s|/?>|$)", re.I), None),
]
_LONE_TAG = re.compile(
    r"^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*\s*/?>"
    r"|</[A-Za-z][A-Za-z0-9-]*\s*>)\s*$"
)


def fences_as_commonmark(lines: list[str]) -> list[str]:
    """*lines* with every CommonMark fence outside HTML blocks rewritten so that Python-Markdown sees it too."""
    text = "\n".join(lines)
    if not _CANDIDATE.search("\n" + text):
        return lines
    out = list(lines)
    offsets = line_offsets(lines)
    candidates = [bisect.bisect_right(offsets, match.start()) - 1 for match in _CANDIDATE.finditer("\n" + text)]
    resume = 0
    for position, index in enumerate(candidates):
        if index < resume:
            continue
        line = lines[index]
        opening = _CM_OPEN.match(line)
        if opening and not (opening["fence"][0] == "`" and "`" in opening["info"]):
            closing = _closing_line(lines, candidates, position + 1, opening["fence"])
            _rewrite_fence(out, index, closing, opening)
            resume = (closing if closing is not None else len(lines)) + 1
            continue
        end = _html_block_end(line, paragraph=index > 0 and bool(lines[index - 1]))
        if end is _BLANK:
            blank = text.find("\n\n", offsets[index])
            resume = len(lines) if blank == -1 else bisect.bisect_right(offsets, blank + 1)
        elif end is not None and (closed := end.search(text, offsets[index] + line.index("<") + 2)) is not None:
            resume = bisect.bisect_right(offsets, closed.start())  # never closed: Python-Markdown shows it as text
    return out


_BLANK = re.compile("")  # marks "ends at a blank line"
_CANDIDATE = re.compile(r"\n {0,3}(?:```|~~~|<)")  # searched in "\n" + text: a literal first is fast


def line_offsets(lines: list[str]) -> list[int]:
    """Where each line starts in "\\n".join(lines)."""
    return list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0)) if lines else []


def _html_block_end(line: str, paragraph: bool) -> re.Pattern[str] | None:
    if "<" not in line[:4]:
        return None
    for start, end in _HTML_STARTS:
        if start.match(line):
            return end or _BLANK
    return _BLANK if not paragraph and _LONE_TAG.match(line) else None


def _closing_line(lines: list[str], candidates: list[int], first: int, fence: str) -> int | None:
    for position in range(first, len(candidates)):
        index = candidates[position]
        closing = _CM_CLOSE.match(lines[index])
        if closing and closing["fence"][0] == fence[0] and len(closing["fence"]) >= len(fence):
            return index
    return None


def _rewrite_fence(out: list[str], opening: int, closing: int | None, match: re.Match[str]) -> None:
    """Make the fence opened at *opening* one that Python-Markdown finds, closed where CommonMark closes it."""
    fence, indent = match["fence"], len(match["indent"])
    opening_line = out[opening][indent:]
    if indent or not _pm_opening(opening_line):
        words = match["info"].split()
        language = words[0] if words and _PM_LANGUAGE.match(words[0]) else ""
        out[opening] = f"{fence} {language}".rstrip()
    else:
        out[opening] = opening_line
    end = closing if closing is not None else len(out)
    for index in range(opening + 1, end) if indent else ():
        content = out[index]
        out[index] = content[min(indent, len(content) - len(content.lstrip(" "))) :]
    if closing is None:
        out.append(fence)
    else:
        out[closing] = fence


def _pm_opening(line: str) -> bool:
    match = _PM_OPEN.match(line)
    return bool(match) and not (match["attrs"] is not None and get_attrs_and_remainder(match["attrs"])[1])


def find_fences(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) line of every fenced code block, as Python-Markdown's preprocessor finds them.

    It takes the first opening line that has a closing line (the same run, alone, in the first
    column) anywhere after it, then carries on after that closing line.
    """
    closers: dict[str, list[int]] = defaultdict(list)
    openers = []
    for index, line in enumerate(lines):
        if line[:3] in ("```", "~~~"):
            if closing := _PM_CLOSE.match(line):
                closers[closing["fence"]].append(index)
            openers.append(index)
    fences: list[tuple[int, int]] = []
    after = -1
    for index in openers:
        if index <= after:
            continue
        opening = _PM_OPEN.match(lines[index])
        if not opening or (opening["attrs"] is not None and get_attrs_and_remainder(opening["attrs"])[1]):
            continue
        candidates = closers.get(opening["fence"], [])
        position = bisect.bisect_right(candidates, index)
        if position < len(candidates):
            after = candidates[position]
            fences.append((index, after))
    return fences
