"""Public lists of hostile strings (tests/data/payloads, sources and licences in its README), made into articles.

Each payload goes into every place an article can put a string: a heading, body text, a link's
text, address and title, a picture's description, address and title, a ``title`` attribute, and the
metadata (title, keywords, summary, notice, synonyms).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

PAYLOADS = Path(__file__).resolve().parent / "data" / "payloads"
CORPORA = {
    "naughty-strings": "blns.txt",
    "xss-payload-list": "xss-payload-list.txt",
    "xss-polyglots": "xss-polyglots.txt",
    "markdown-xss": "markdown-it-xss.txt",
    "directory-traversal": "directory-traversal.txt",
    "deep-traversal": "deep-traversal.txt",
}
PER_ARTICLE = 250  # payloads in one generated article: a tree, chips and a pane of a useful size


def payloads(corpus: str) -> list[str]:
    """The strings of one list: one a line, without blank lines and the lists' own comments."""
    text = (PAYLOADS / CORPORA[corpus]).read_text(encoding="utf-8")
    if corpus == "markdown-xss":
        return _markdown_it_cases(text)
    lines = [line for line in text.split("\n") if line.strip()]
    return [line for line in lines if not line.startswith("#")] if corpus == "naughty-strings" else lines


def chunks(corpus: str, size: int = PER_ARTICLE) -> Iterator[list[str]]:
    """The payloads of *corpus*, *size* at a time."""
    strings = payloads(corpus)
    for start in range(0, len(strings), size):
        yield strings[start : start + size]


def article_text(strings: list[str]) -> str:
    """An article with each of *strings* in every place an article can put one."""
    lines = [_one_line(s) for s in strings]
    metadata = [
        "---",
        f"Title: {lines[0]}",
        "Keywords: " + ", ".join(lines),
        f"Summary: {lines[-1]}",
        f"Notice: {lines[len(lines) // 2]}",
        "Synonyms: " + "; ".join(f"{a} = {b}" for a, b in zip(lines[::2], lines[1::2], strict=False)),
        "---",
        "",
        f"# {lines[0]}",
        "",
    ]
    sections = [
        f'## {line}\n\n[{line}]({line} "{line}") ![{line}]({line} "{line}") '
        f'<abbr title="{line}">T</abbr> <a href="#top" title="{line}">{line}</a> `{line}`\n'
        for line in lines
    ]
    # Last, each as it is, raw: a tag left open there may swallow what follows, so it follows nothing else.
    raw = "\n\n".join(string.replace("\x00", "") for string in strings)
    return "\n".join(metadata) + "\n".join(sections) + f"\n## Each as written\n\n{raw}\n"


def _markdown_it_cases(text: str) -> list[str]:
    """The Markdown of each case in markdown-it's fixture format: a "." line, Markdown, ".", the HTML expected, "."."""
    cases, lines, fences = [], [], 0
    for line in text.split("\n"):
        if line == ".":
            fences += 1
            if fences % 3 == 2:
                cases.append("\n".join(lines))
            lines = []
        elif fences % 3 == 1:
            lines.append(line)
    return cases


def _one_line(text: str) -> str:
    """*text* fit for a heading or a metadata value: one line, no NUL, no leading marker that changes its place."""
    line = " ".join(text.replace("\x00", "").split())
    return line.lstrip("#-").strip() or "(blank)"
