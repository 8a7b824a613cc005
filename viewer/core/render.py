"""Markdown to the HTML the text pane shows: trusted headings with anchors, sanitized bodies.

Every section body is converted by Python-Markdown and then sanitized. Hostile input cannot
stall the window: conversion gets SECTION_SECONDS per section and ARTICLE_SECONDS in all, and a
section that runs out of time, or nests too deeply for Markdown, is shown as plain text.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import markdown

from viewer.core.article import Article, Section
from viewer.core.links import resolve_resource
from viewer.core.sanitize import sanitize_html
from viewer.core.time_limit import TimeLimit, TooSlow

MARKDOWN_EXTENSIONS = ["tables", "fenced_code", "def_list", "sane_lists"]
"""Extension names, documented here; they are loaded as classes to skip the slow entry-point scan."""
SECTION_SECONDS = 2.0
ARTICLE_SECONDS = 8.0
"""A 5 MB article of ordinary Markdown renders in about 3 s; the limits only bite on hostile input."""
FIRST_SCREEN_CHARACTERS = 12_000
"""Markdown rendered before a long article is first shown: more than a tall screen holds. The rest
follows between other events (the bundled article, about 5,000 characters, is shown whole)."""
DOCUMENT_START, DOCUMENT_END = "<html><body>", "\n</body></html>"

ImageCheck = Callable[[Path | None, str], bool]
"""Whether the image *src* can be shown from the article folder; a refused one shows its alt text."""

_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_IMG = re.compile(r'<img((?:\s+[\w:-]+="[^"]*")*)\s*/?>')  # as nh3 writes it: every value double-quoted
_BODY_HEADING_OPEN = re.compile(r"<h[1-6]>")  # as nh3 writes them: headings keep no attributes
_BODY_HEADING_CLOSE = re.compile(r"</h[1-6]>")
_ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')


@dataclass(frozen=True)
class RenderedArticle:
    """The article as one HTML document, plus the anchors of its headings in document order."""

    html: str
    anchors: tuple[str, ...]


def image_in_folder(folder: Path | None, src: str) -> bool:
    """The default image check: a regular file inside the article's folder, not too large."""
    return folder is not None and resolve_resource(folder, src) is not None


class ArticleRenderer:
    """Renders articles; keeps one Markdown converter, which is costly to set up.

    *image_check* decides which images can be shown (the window passes one that also reads the
    image header); images it refuses are replaced by their alt text.
    """

    def __init__(self, image_check: ImageCheck | None = None) -> None:
        self._image_check = image_check or image_in_folder
        self._markdown = _new_markdown()

    def render(self, article: Article) -> RenderedArticle:
        """Render every section in document order, the notice after the first heading.

        Images resolve in the folder of ``article.path``; without a path none are shown.
        """
        return RenderedArticle(document_html(self.section_html(article)), tuple(s.anchor for s in article.sections))

    def section_html(self, article: Article) -> Iterator[str]:
        """The HTML of each section in document order, one at a time: a caller may pause in between.

        The article's time budget counts only the time spent converting, not the pauses.
        """
        folder = article.path.parent if article.path else None
        spent = 0.0
        with TimeLimit() as limit:
            for section in article.sections:
                started = time.monotonic()
                parts = [heading_html(section)]
                if section.number == 0:
                    parts.append(front_matter_html(article))
                parts.append(self._convert(section.body, folder, limit, ARTICLE_SECONDS - spent))
                spent += time.monotonic() - started
                yield "\n".join(parts)

    def body_html(self, body: str, folder: Path | None = None) -> str:
        """A section body as sanitized HTML; images resolve in *folder*."""
        with TimeLimit() as limit:
            return self._convert(body, folder, limit, ARTICLE_SECONDS)

    def _convert(self, body: str, folder: Path | None, limit: TimeLimit, seconds_left: float) -> str:
        body = printable(body)
        if not body.strip():
            return ""
        if seconds_left <= 0:
            return plain_text_html(body, "There was no time left to format this part")
        try:
            with limit.seconds(min(SECTION_SECONDS, seconds_left)):
                self._markdown.reset()
                converted = self._markdown.convert(body)
        except TooSlow:
            self._markdown = _new_markdown()  # interrupted mid-way: its state is not to be trusted
            return plain_text_html(body, "This part took too long to format")
        except RecursionError:
            self._markdown = _new_markdown()
            return plain_text_html(body, "This part is nested too deeply to format")
        return self._show_missing_images(demote_headings(sanitize_html(converted)), folder)

    def _show_missing_images(self, body: str, folder: Path | None) -> str:
        def replace(match: re.Match[str]) -> str:
            attributes = dict(_ATTRIBUTE.findall(match[1]))
            if "src" in attributes and self._image_check(folder, html.unescape(attributes["src"])):
                return match[0]
            alt = html.unescape(attributes.get("alt", "")).strip()
            label = f"[image: {alt}]" if alt else "[image]"
            return f'<span class="missing-image">{html.escape(label)}</span>'

        return _IMG.sub(replace, body)


def document_html(sections: Iterable[str]) -> str:
    """One HTML document holding the rendered *sections* (see ArticleRenderer.section_html)."""
    return DOCUMENT_START + "".join(f"\n{part}" for part in sections) + DOCUMENT_END


def first_screen_sections(article: Article, characters: int = FIRST_SCREEN_CHARACTERS) -> int:
    """How many sections, from the first, to render before the article is first shown."""
    total = 0
    for section in article.sections:
        total += len(section.title) + len(section.body)
        if total >= characters:
            return section.number + 1
    return len(article.sections)


def printable(text: str) -> str:
    """*text* without control characters (other than tab and line breaks), which no font can show."""
    return _UNPRINTABLE.sub("", text)


def plain_text_html(text: str, reason: str) -> str:
    """*text* shown as it is, line by line, under a note saying why it is not formatted."""
    lines = "<br/>".join(html.escape(line) for line in text.split("\n"))
    return f'<p class="render-problem"><i>{html.escape(reason)}; it is shown as plain text.</i></p><p>{lines}</p>'


def heading_html(section: Section) -> str:
    """The heading of *section*.

    It carries no id or named anchor: Qt's HTML import slows down with the square of their number
    (a 4,000-section article took 5 s instead of 0.1 s). The headings are the only heading
    elements in the document, so the n-th one is the n-th of RenderedArticle.anchors.
    """
    level = min(max(section.level, 1), 6)
    return f"<h{level}>{html.escape(printable(section.title))}</h{level}>"


def demote_headings(body: str) -> str:
    """Headings written inside a section body (raw HTML, setext) become bold paragraphs, not sections."""
    return _BODY_HEADING_CLOSE.sub("</b></p>", _BODY_HEADING_OPEN.sub('<p class="body-heading"><b>', body))


def front_matter_html(article: Article) -> str:
    """The summary and the reader's notice, shown under the first heading."""
    meta = article.metadata
    parts = []
    if meta.summary:
        parts.append(f'<p class="summary">{html.escape(printable(meta.summary))}</p>')
    if meta.notice:
        parts.append(
            '<table class="notice" width="100%" cellspacing="0" cellpadding="10"><tr><td>'
            f'<span class="notice-label">Please note</span><br/>{html.escape(printable(meta.notice))}</td></tr></table>'
        )
    return "\n".join(parts)


def _new_markdown() -> markdown.Markdown:
    # By name, Markdown looks extensions up among every installed package's entry points
    # (importlib.metadata: about 30 ms at start-up); the classes need no look-up.
    from markdown.extensions.def_list import DefListExtension
    from markdown.extensions.fenced_code import FencedCodeExtension
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.tables import TableExtension

    extensions = [TableExtension(), FencedCodeExtension(), DefListExtension(), SaneListExtension()]
    return markdown.Markdown(extensions=extensions, output_format="html")
