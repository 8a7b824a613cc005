"""Bounds on rendered HTML before Qt lays it out: break opportunities, paragraph and piece sizes, nesting.

Qt's text layout is linear on ordinary text but quadratic in the length of a word it cannot break (a
word of 1,000 letters: 0.2 ms; 20,000: 49 ms; 1 MB: 21 s), lays a paragraph out all at once, and
imports HTML at about 1 s a megabyte in one call. These keep each of those steps small:

- break_long_words(): a zero-width space after every LONG_WORD characters of a longer word;
- plain_blocks(): text shown as plain text in paragraphs of at most PLAIN_BLOCK characters;
- html_pieces(): a long section cut between paragraphs into pieces added to the pane one at a time;
- limit_nesting(): HTML from the render worker nested deeper than DEEPEST_NESTING loses the extra tags.

The bounds checked before Markdown and the sanitizer are in :mod:`viewer.core.bounds`.
"""

from __future__ import annotations

import re

LONG_WORD = 500
"""Characters without a break opportunity. Qt's line breaking is quadratic in a word's length (a word
of 1,000 letters: 0.2 ms; 20,000: 49 ms; 100,000: 0.8 s; 1 MB: 21 s), and a search cannot find a
word across a break: 500 keeps both the layout and long addresses whole."""
DEEPEST_NESTING = 16
"""In HTML that comes back from the render worker, elements nested deeper than this lose their tags
(their text stays): every level narrows the text, and Qt lays a long word out in a narrow box very
slowly (300 nested quotes took 0.4 s)."""
PLAIN_BLOCK = 10_000
"""Characters of a part shown as plain text per paragraph: Qt lays a paragraph out all at once."""
PIECE_CHARACTERS = 50_000
"""HTML added to the pane in one go: Qt's insertHtml takes about 1 s a megabyte."""
ZERO_WIDTH_SPACE = "\u200b"

_VOID = frozenset({"br", "hr", "img"})  # as the sanitizer leaves them: no others are allowed
_RENDERED_TAG = r"<(?:[^>\"]|\"[^\"]*\")*>"  # as nh3 writes tags: every attribute value double-quoted
_TAG_OR_TEXT = re.compile(rf"({_RENDERED_TAG})|([^<]+)")
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|del|em|i|img|kbd|s|small|span|strong|sub|sup|u)(?:\s(?:[^>\"]|\"[^\"]*\")*)?/?>")
_BLOCK_TAG = re.compile(rf"(?!{_INLINE_TAG.pattern}){_RENDERED_TAG}")
_ATTRIBUTE_VALUE = re.compile(r'"[^"]*"')
_WHITE_SPACE = re.compile(r"([\s\u200b]+)")  # a zero-width space given before is a break already
_SANITIZED_TAG = re.compile(r'<(/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*(/?)>')
_ENTITY_OR_CHARACTER = re.compile(r"&#?\w+;|.", re.DOTALL)


def plain_blocks(text: str) -> list[str]:
    """*text* in paragraphs of about PLAIN_BLOCK characters at most: whole lines where they fit, cut where not."""
    blocks: list[str] = []
    lines: list[str] = []
    size = 0
    for line in text.split("\n"):
        while len(line) > PLAIN_BLOCK:
            blocks.extend(["\n".join(lines)] if lines else [])
            blocks.append(line[:PLAIN_BLOCK])
            line, lines, size = line[PLAIN_BLOCK:], [], 0
        if lines and size + len(line) > PLAIN_BLOCK:
            blocks.append("\n".join(lines))
            lines, size = [], 0
        lines.append(line)
        size += len(line) + 1
    if lines:
        blocks.append("\n".join(lines))
    return blocks


def break_long_words(html: str) -> str:
    """*html* (as the sanitizer writes it) with a zero-width space after every LONG_WORD characters of a longer word.

    Only in text: tags and their attributes (a long link address) are left as they are. A word runs
    on through inline tags (``a<b>b</b>c`` is one word to Qt) and ends at white space or a block tag.
    A character reference such as ``&amp;`` counts as one character and is never split.
    """
    if len(html) <= LONG_WORD or max(map(len, _words_of(html))) <= LONG_WORD:
        return html  # most sections: no word longer than LONG_WORD (counting references at their length)
    pieces: list[str] = []
    run = 0  # characters of the current word so far
    for token in _TAG_OR_TEXT.finditer(html):
        if token[1] is not None:
            pieces.append(token[1])
            run = run if _INLINE_TAG.fullmatch(token[1]) else 0
            continue
        for number, word in enumerate(_WHITE_SPACE.split(token[2])):
            if number % 2:  # split() puts the white space it found between the words
                run = 0
                pieces.append(word)
            elif word:
                broken, run = _break_word(word, run)
                pieces.append(broken)
    return "".join(pieces)


def _words_of(html: str) -> list[str]:
    """The words of *html* as Qt breaks lines: inline tags are no break, block tags and break opportunities are."""
    return _INLINE_TAG.sub("", _BLOCK_TAG.sub(" ", html)).replace(ZERO_WIDTH_SPACE, " ").split() or [""]


def html_pieces(html: str, size: int | None = None) -> list[str]:
    """*html* (a rendered section) cut into pieces of about *size* (PIECE_CHARACTERS) characters, between
    two paragraphs outside every other element.

    Only there: Qt adds a piece that starts with a table, or follows a code block, with blocks and
    margins a whole document would not have. A stretch without such a place (a giant table) stays
    whole. Counted without a Python step per tag: attribute values are blanked first (they may hold a ``<``).
    """
    size = size or PIECE_CHARACTERS
    if len(html) <= size:
        return [html]
    pieces: list[str] = []
    lines: list[str] = []
    depth = length = 0
    all_lines = html.split("\n")
    for number, line in enumerate(all_lines):
        lines.append(line)
        length += len(line) + 1
        if "<" in line:
            tags = _ATTRIBUTE_VALUE.sub('""', line)
            closing = tags.count("</")
            depth += tags.count("<") - 2 * closing - tags.count("<br") - tags.count("<img") - tags.count("<hr")
        following = all_lines[number + 1] if number + 1 < len(all_lines) else ""
        if depth <= 0 and length >= size and line.endswith("</p>") and following.startswith(("<p>", "<p ")):
            pieces.append("\n".join(lines))
            lines, depth, length = [], 0, 0
    if lines:
        pieces.append("\n".join(lines))
    return pieces


def limit_nesting(body: str, deepest: int = DEEPEST_NESTING) -> str:
    """*body* (sanitized HTML) without the tags of elements nested deeper than *deepest*; their text stays."""
    kept: list[bool] = []  # for each element open at this point, whether its tags are kept
    parts, start = [], 0
    for tag in _SANITIZED_TAG.finditer(body):
        closing, name, self_closing = tag[1], tag[2].lower(), tag[4]
        if name in _VOID or self_closing:
            continue
        keep = kept.pop() if closing else len(kept) < deepest
        if not closing:
            kept.append(keep)
        if not keep:
            parts.append(body[start : tag.start()])
            start = tag.end()
    return "".join(parts) + body[start:] if parts else body


def _break_word(word: str, run: int) -> tuple[str, int]:
    """*word*, continuing a word *run* characters long so far, with its breaks; and the run after it."""
    units: str | list[str] = word if "&" not in word else _ENTITY_OR_CHARACTER.findall(word)
    if run + len(units) <= LONG_WORD:
        return word, run + len(units)
    first = LONG_WORD - run
    chunks = [units[:first], *(units[i : i + LONG_WORD] for i in range(first, len(units), LONG_WORD))]
    last = len(chunks[-1]) if len(chunks) > 1 or not first else run + len(chunks[-1])
    return ZERO_WIDTH_SPACE.join("".join(chunk) for chunk in chunks), last
