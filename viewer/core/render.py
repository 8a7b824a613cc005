"""Markdown to the HTML the text pane shows: trusted headings with anchors, sanitized bodies."""

from __future__ import annotations

import html
from dataclasses import dataclass

import markdown

from viewer.core.article import Article, Section
from viewer.core.sanitize import sanitize_html

MARKDOWN_EXTENSIONS = ["tables", "fenced_code", "def_list", "sane_lists"]


@dataclass(frozen=True)
class RenderedArticle:
    """The article as one HTML document, plus the anchors of its headings in document order."""

    html: str
    anchors: tuple[str, ...]


class ArticleRenderer:
    """Renders articles; keeps one Markdown converter, which is costly to set up."""

    def __init__(self) -> None:
        self._markdown = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")

    def render(self, article: Article) -> RenderedArticle:
        """Render every section in document order, the notice after the first heading."""
        parts = ["<html><body>"]
        for section in article.sections:
            parts.append(heading_html(section))
            if section.number == 0:
                parts.append(front_matter_html(article))
            parts.append(self.body_html(section.body))
        parts.append("</body></html>")
        return RenderedArticle("\n".join(parts), tuple(s.anchor for s in article.sections))

    def body_html(self, body: str) -> str:
        """A section body as sanitized HTML."""
        if not body.strip():
            return ""
        self._markdown.reset()
        return sanitize_html(self._markdown.convert(body))


def heading_html(section: Section) -> str:
    """The heading of *section*, with its anchor as the scroll target."""
    level = min(max(section.level, 1), 6)
    title = html.escape(section.title)
    return f'<h{level} id="{section.anchor}"><a name="{section.anchor}"></a>{title}</h{level}>'


def front_matter_html(article: Article) -> str:
    """The summary and the reader's notice, shown under the first heading."""
    meta = article.metadata
    parts = []
    if meta.summary:
        parts.append(f'<p class="summary">{html.escape(meta.summary)}</p>')
    if meta.notice:
        parts.append(
            '<table class="notice" width="100%" cellspacing="0" cellpadding="10"><tr><td>'
            f'<span class="notice-label">Please note</span><br/>{html.escape(meta.notice)}</td></tr></table>'
        )
    return "\n".join(parts)
