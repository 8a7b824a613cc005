"""A handout of an article for paper or PDF: which sections, what heads it, and what each page's footer says.

Qt-free: this builds the handout's HTML and footer text; ``viewer/ui/handout.py`` lays it out on pages.
The handout starts with the article's title, who wrote it and when it was reviewed, the reader's
notice in its box and the summary, then the chosen sections with their headings. Links are printed
as their text with the address after it, since paper cannot be clicked.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from viewer.core.article import Article, Section
from viewer.core.provenance import Provenance, format_date, provenance
from viewer.core.render import printable

_LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.DOTALL)  # sanitized HTML: <a> never nests
_HREF = re.compile(r'\bhref="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")
_UNSAFE_IN_FILE_NAMES = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


class UnknownSection(ValueError):
    """An anchor that names no section of the article; the message says which and suggests a near one."""

    def __init__(self, anchor: str, article: Article) -> None:
        import difflib  # only for a wrong anchor: not at start-up

        near = difflib.get_close_matches(anchor, [s.anchor for s in article.sections], n=1)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        super().__init__(f"no section with the anchor {anchor!r}{hint}")
        self.anchor = anchor


@dataclass(frozen=True)
class Footer:
    """What the foot of one page says."""

    title: str  # the article's title, so that a loose page can be placed
    dates: str  # 'Printed 5 March 2026 · Last reviewed 10 January 2025'
    page: str  # 'Page 2 of 3'


@dataclass(frozen=True)
class Handout:
    """An article, the sections chosen from it in document order, and the day it is printed."""

    article: Article
    sections: tuple[Section, ...]
    printed: dt.date

    @property
    def whole(self) -> bool:
        """Whether every section of the article is in the handout."""
        return len(self.sections) == len(self.article.sections)

    @property
    def provenance(self) -> Provenance:
        """The article's source, authors and review dates."""
        return provenance(self.article.metadata)

    def footer(self, page: int, pages: int) -> Footer:
        """The footer of page *page* (counted from 1) of *pages*."""
        dates = [f"Printed {format_date(self.printed)}"]
        if self.provenance.reviewed:
            dates.append(f"Last reviewed {format_date(self.provenance.reviewed)}")
        if self.provenance.overdue(self.printed):
            dates.append(f"Review was due {format_date(self.provenance.review_due)}")
        return Footer(plain(self.article.title), " · ".join(dates), f"Page {page} of {pages}")

    def file_name(self) -> str:
        """A name to offer when saving it as PDF: the title, and the section when there is one."""
        parts = [self.article.title]
        if not self.whole and self.sections:
            parts.append(self.sections[0].title)
        name = _UNSAFE_IN_FILE_NAMES.sub(" ", " - ".join(parts))
        return " ".join(name.split())[:120].strip(" .") + ".pdf"


def make_handout(
    article: Article, anchors: Sequence[str] = (), with_subsections: bool = True, printed: dt.date | None = None
) -> Handout:
    """A handout of the sections with *anchors* (and their subsections), or of the whole article when none.

    Raises UnknownSection for an anchor the article does not have.
    """
    return Handout(article, tuple(chosen_sections(article, anchors, with_subsections)), printed or dt.date.today())


def chosen_sections(article: Article, anchors: Sequence[str], with_subsections: bool = True) -> list[Section]:
    """The sections *anchors* name, with their subsections if asked, each once, in document order."""
    if not anchors:
        return list(article.sections)
    numbers: set[int] = set()
    for anchor in anchors:
        section = article.find_fragment(anchor)  # the viewer's anchor, or one built from the heading as GitHub does
        if section is None:
            raise UnknownSection(anchor, article)
        numbers.update(s.number for s in (section.walk() if with_subsections else [section]))
    return [article.sections[number] for number in sorted(numbers)]


def handout_html(handout: Handout, bodies: Sequence[str]) -> str:
    """The handout as one HTML document for the print style sheet.

    *bodies* is the sanitized HTML of each chosen section's body, in order (``ArticleRenderer.bodies``).
    """
    parts = [*_front_matter(handout), *_sections(handout, bodies)]
    return "<html><body>\n" + "\n".join(parts) + "\n</body></html>"


def links_as_text(body: str, titles: dict[str, str]) -> str:
    """Sanitized HTML with each link replaced by its text and, after it, where it goes.

    A link to a section of the article names the section (*titles* maps anchors to titles); a
    link whose text already is its address is printed once.
    """

    def replace(match: re.Match[str]) -> str:
        text = match[2]
        href_match = _HREF.search(match[1])
        href = html.unescape(href_match[1]).strip() if href_match else ""
        if not href:
            return text
        shown = html.unescape(_TAG.sub("", text)).strip()
        if href.startswith("#"):
            title = titles.get(href[1:])
            if not title or shown == title:
                return text
            return f'{text} <span class="link-address">(see “{html.escape(title)}”)</span>'
        address = href.removeprefix("mailto:")
        if shown in (href, address):
            return text
        return f'{text} <span class="link-address">({html.escape(address)})</span>'

    return _LINK.sub(replace, body)


def plain(text: str) -> str:
    """Article text for a footer or a file name: printable, on one line."""
    return " ".join(printable(text).split())


def _front_matter(handout: Handout) -> list[str]:
    meta, origin = handout.article.metadata, handout.provenance
    parts = [f'<h1 class="title">{_escaped(handout.article.title)}</h1>']
    lines = [line for line in (origin.byline(), origin.reviewed_line()) if line]
    if lines:
        parts.append(f'<p class="byline">{"<br/>".join(_escaped(line) for line in lines)}</p>')
    if warning := origin.overdue_warning(handout.printed):
        parts.append(f'<p class="overdue">{_escaped(warning)}</p>')
    if meta.notice:
        parts.append(
            '<table class="notice" width="100%" cellspacing="0" cellpadding="8"><tr><td>'
            f'<span class="notice-label">Please note</span><br/>{_escaped(meta.notice)}</td></tr></table>'
        )
    if meta.summary:
        parts.append(f'<p class="summary">{_escaped(meta.summary)}</p>')
    return parts


def _sections(handout: Handout, bodies: Sequence[str]) -> list[str]:
    chosen = {section.number for section in handout.sections}
    titles = {section.anchor: section.title for section in handout.article.sections}
    top = min((s.level for s in handout.sections if not _is_title_section(s, handout.article)), default=1)
    parts: list[str] = []
    explained: Section | None = None  # the part last named by a 'Part of' line
    for section, body in zip(handout.sections, bodies, strict=True):
        if not _is_title_section(section, handout.article):
            level = min(6, 2 + section.level - top)
            parts.append(f"<h{level}>{_escaped(section.title)}</h{level}>")
            if _needs_context(section, chosen, handout.article) and section.parent is not explained:
                explained = section.parent
                parts.append(f'<p class="context">Part of “{_escaped(explained.title)}”</p>')
        if body.strip():
            parts.append(links_as_text(body, titles))
    return parts


def _needs_context(section: Section, chosen: set[int], article: Article) -> bool:
    """Whether a section is printed without the part it belongs to, so that 'Part of …' helps it read in context."""
    parent = section.parent
    return parent is not None and parent.number not in chosen and not _is_title_section(parent, article)


def _is_title_section(section: Section, article: Article) -> bool:
    """The top heading that repeats the article's title: the handout's own title stands for it."""
    return section.number == 0 and section.level == 1 and section.title == article.title


def _escaped(text: str) -> str:
    return html.escape(printable(text))
