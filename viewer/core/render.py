"""Markdown to the HTML the text pane shows: trusted headings with anchors, sanitized bodies.

Every section body is converted by Python-Markdown and then sanitized. Hostile input cannot stall
the window: the bounds of :mod:`viewer.core.bounds` come first (a part nested too deeply, too full of
brackets or holding a giant word is shown as plain text at once); a body that might still be slow to
convert (:mod:`viewer.core.render_cost`) is converted in a worker process that is killed after
SECTION_SECONDS (ARTICLE_SECONDS for the whole article), and a body that runs out of time, or nests
too deeply for Markdown, is shown as plain text.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
import time
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.core.article import Article, Section
from viewer.core.bounds import MAX_LINK_REFERENCES, bounded_parts
from viewer.core.html_bounds import DEEPEST_NESTING, break_long_words, limit_nesting, plain_blocks
from viewer.core.links import ArticleLink, LinkKind, classify_link, resolve_article_link, resolve_resource
from viewer.core.provenance import provenance
from viewer.core.render_cost import costly_reason

if TYPE_CHECKING:  # Markdown, nh3 and the worker are imported when a body is converted: a cached article needs none
    import markdown

    from viewer.core.render_cache import CacheSlot
    from viewer.core.render_worker import RenderWorker, Reply

SECTION_SECONDS = 2.0
ARTICLE_SECONDS = 8.0
"""A 5 MB article of ordinary Markdown renders in about 3 s; the limits only bite on hostile input."""
SLOW_HERE_SECONDS = 0.05
"""A body converted in the window's process that takes longer than this (the cost check missed it)
sends the rest of the article to the worker."""
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
_LINK = re.compile(r'<a href="([^"]*)"((?: title="[^"]*")?)>((?:(?!</a>).)*)</a>', re.DOTALL)  # as nh3 writes it
_DETAILS = {
    "<details>": '<div class="details">',
    "</details>": "</div>",
    "<summary>": '<p class="details-summary">',
    "</summary>": "</p>",
}
_DETAILS_TAG = re.compile("|".join(_DETAILS))
_PRE_CLOSE = re.compile(r"\n?(</code>)?</pre>")  # Python-Markdown ends the code with a newline of its own
_CODE_BOX_OPEN = '<table class="code" width="100%" cellspacing="0" cellpadding="8"><tr><td><pre>'
_CODE_BOX_CLOSE = r"\1</pre></td></tr></table>"  # \1: the </code>, if there was one
_PROBLEMS = {"slow": "This part took too long to format", "deep": "This part is nested too deeply to format"}  # render_worker's
_NO_TIME_LEFT = "There was no time left to format this part"
_FAILED = "This part could not be formatted"
log = logging.getLogger("viewer.render")


@dataclass(frozen=True)
class RenderedArticle:
    """The article as one HTML document, plus the anchors of its headings in document order."""

    html: str
    anchors: tuple[str, ...]


@dataclass(frozen=True)
class WorkerJob:
    """A section body to convert in a :class:`~viewer.core.render_worker.RenderWorker` within *seconds*."""

    section: Section
    body: str
    seconds: float


SectionSteps = Generator[str | WorkerJob, "Reply | None", None]
"""Yields each section's HTML in order; a WorkerJob in between asks for the Reply of a worker, sent back."""


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
        self._converter: markdown.Markdown | None = None  # made for the first body converted here

    @property
    def _markdown(self) -> markdown.Markdown:
        if self._converter is None:
            from viewer.core.dialect import new_markdown

            self._converter = new_markdown()
        return self._converter

    def render(self, article: Article) -> RenderedArticle:
        """Render every section in document order, the notice after the first heading, waiting for the worker if need be.

        Images resolve in the folder of ``article.path``; without a path none are shown.
        """
        parts = _run_with_worker(self.section_steps(article))
        return RenderedArticle(document_html(parts), tuple(s.anchor for s in article.sections))

    def bodies(self, sections: Sequence[Section], folder: Path | None, references: dict | None = None) -> list[str]:
        """The HTML of each of *sections*' bodies (a handout's), under the same time limits, waiting for the worker.

        *references* are the article's link definitions (Article.references), which any section may use.
        """
        return _run_with_worker(self.body_steps(sections, folder, references))

    def section_steps(self, article: Article) -> SectionSteps:
        """The HTML of each section in document order, one at a time: a caller may pause in between.

        A body that might be slow is yielded as a WorkerJob first; the caller sends back the
        worker's Reply and gets the section's HTML. The article's time budget counts the time
        spent converting, not the pauses.
        """
        sections = iter(article.sections)
        folder = article.path.parent if article.path else None
        steps, reply = self.body_steps(article.sections, folder, article.references, article.cache_slot), None
        while (step := next_step(steps, reply)) is not None:
            if isinstance(step, WorkerJob):
                reply = yield step
            else:
                reply = None
                yield self._section_html(article, next(sections), step)

    def body_steps(
        self, sections: Sequence[Section], folder: Path | None, references: dict | None = None, slot: CacheSlot | None = None
    ) -> SectionSteps:
        """The HTML of each of *sections*' bodies, as :meth:`section_steps` gives whole sections (without headings).

        With a render-cache *slot* (all the article's sections), a body found there is not converted
        again, and each body converted cleanly is offered to it (see CacheSlot).
        """
        references = dict(islice((references or {}).items(), MAX_LINK_REFERENCES))  # each section gets them all
        spent, distrust = 0.0, False
        for section in sections:
            if slot is not None and slot.pending is not None and section.number >= slot.pending.first:
                slot.complete(sections)  # drawn first from the cache's first screen: the other bodies now
            found = slot.found[section.number] if slot is not None and slot.found else None
            if found is not None:
                yield self._placed(found, folder)
                continue
            converted = []
            clean = True  # converted in full: no bound, time limit or fallback met (only such HTML is kept)
            for part in bounded_parts(printable(section.body)):  # mostly one part: the whole body
                body = part.text
                reason = costly_reason(body) or ("an earlier part was slow" if distrust and body.strip() else None)
                if part.note:
                    log.info("part of section %r shown as plain text: %s", section.title, part.note.lower())
                    converted.append(plain_text_html(body, part.note))
                    clean = False
                elif reason is None:
                    started = time.perf_counter()
                    html_part, whole = self._convert_here(body, references)
                    converted.append(html_part)
                    clean = clean and whole
                    took = time.perf_counter() - started
                    distrust = distrust or took > SLOW_HERE_SECONDS
                    spent += took
                elif spent >= ARTICLE_SECONDS:
                    log.info("section %r shown as plain text: the article's %.0f s were used up", section.title, ARTICLE_SECONDS)
                    converted.append(plain_text_html(body, _NO_TIME_LEFT))
                    clean = False
                else:
                    log.debug("section %r converted in the render worker: %s", section.title, reason)
                    job_body = body + link_definitions(references, body)  # the worker sees one body, not the article
                    reply = yield WorkerJob(section, job_body, min(SECTION_SECONDS, ARTICLE_SECONDS - spent))
                    spent += reply.seconds
                    converted.append(self._from_worker(section, body, reply))
                    clean = clean and reply.html is not None and not reply.trimmed
            joined = "\n".join(converted)
            if slot is not None and clean:
                slot.made[section.number] = joined
            yield self._placed(joined, folder)

    def _placed(self, converted: str, folder: Path | None) -> str:
        """A converted body as shown from *folder*: pictures and links to other articles checked there, now."""
        return break_long_words(self._show_missing_images(_show_dead_article_links(converted, folder), folder))

    def body_html(self, body: str, folder: Path | None = None) -> str:
        """A section body as sanitized HTML, converted here and now; images resolve in *folder*."""
        parts = bounded_parts(printable(body))
        converted = [plain_text_html(part.text, part.note) if part.note else self._convert_here(part.text)[0] for part in parts]
        return break_long_words(self._show_missing_images("\n".join(converted), folder))

    def _convert_here(self, body: str, references: dict | None = None) -> tuple[str, bool]:
        """The body's HTML, and whether it was converted in full (not shown as plain text for nesting too deeply)."""
        if not body.strip():
            return "", True
        try:
            return convert_markdown(self._markdown, body, references), True
        except RecursionError:
            self._converter = None  # interrupted mid-way: its state is not to be trusted
            return plain_text_html(body, _PROBLEMS["deep"]), False

    @staticmethod
    def _from_worker(section: Section, body: str, reply: Reply) -> str:
        if reply.html is not None:
            return reply.html
        log.info("section %r shown as plain text: %s", section.title, _PROBLEMS.get(reply.problem, _FAILED).lower())
        return plain_text_html(body, _PROBLEMS.get(reply.problem, _FAILED))

    @staticmethod
    def _section_html(article: Article, section: Section, body: str) -> str:
        parts = [heading_html(section)]
        if section.number == 0:
            parts.append(front_matter_html(article))
        parts.append(body)
        return break_long_words("\n".join(parts))  # a giant word in a heading or the notice

    def _show_missing_images(self, body: str, folder: Path | None) -> str:
        def replace(match: re.Match[str]) -> str:
            attributes = dict(_ATTRIBUTE.findall(match[1]))
            if "src" in attributes and self._image_check(folder, html.unescape(attributes["src"])):
                return match[0]
            alt = html.unescape(attributes.get("alt", "")).strip()
            label = f"[image: {alt}]" if alt else "[image]"
            return f'<span class="missing-image">{html.escape(label)}</span>'

        return _IMG.sub(replace, body) if "<img" in body else body


def _run_with_worker(steps: SectionSteps) -> list[str]:
    """Every HTML part *steps* yields, converting in a worker process (started only if need be) what it asks."""
    from viewer.core.render_worker import RenderWorker

    parts: list[str] = []
    worker: RenderWorker | None = None
    reply = None
    try:
        while (step := next_step(steps, reply)) is not None:
            reply = None
            if isinstance(step, WorkerJob):
                worker = worker or RenderWorker()
                worker.submit(step.body, step.seconds)
                reply = worker.wait()
            else:
                parts.append(step)
    finally:
        if worker is not None:
            worker.close()
    return parts


def next_step(steps: SectionSteps, reply: Reply | None) -> str | WorkerJob | None:
    """The next step of *steps*, given the reply to the last one; None at the end."""
    try:
        return steps.send(reply)
    except StopIteration:
        return None


def convert_markdown(converter: markdown.Markdown, body: str, references: dict | None = None) -> str:
    """*body* (printable, not blank) converted, sanitized and with its headings demoted; RecursionError if too deep.

    *references* are the article's link definitions: a link in one section may use one from another.
    """
    from viewer.core.sanitize import sanitize_html

    converter.reset()
    converter.references.update(references or {})
    return code_boxes(demote_headings(details_as_blocks(sanitize_html(converter.convert(body)))))


def code_boxes(body: str) -> str:
    """Each ``<pre>`` in a box of its own, without the empty line after its last.

    The pane draws a block's background line by line, so a shaded ``<pre>`` showed as a stripe per
    line with gaps between them and an empty stripe at the end; a table cell is shaded as one box.
    """
    if "<pre>" not in body:
        return body
    return _PRE_CLOSE.sub(_CODE_BOX_CLOSE, body.replace("<pre>", _CODE_BOX_OPEN))


def link_definitions(references: dict[str, tuple[str, str | None]], body: str) -> str:
    """The article's link definitions that *body* may use, written out as Markdown to append to it."""
    if "[" not in body or not references:
        return ""
    lines, lowered = [], body.lower()
    for name, (url, title) in references.items():
        if f"[{name}]" in lowered and "\n" not in name and "]" not in name:
            quoted = f' "{title}"' if title and '"' not in title else ""
            lines.append(f"[{name}]: <{url}>{quoted}" if " " in url or not url else f"[{name}]: {url}{quoted}")
    return "\n\n" + "\n".join(lines) if lines else ""


def details_as_blocks(body: str) -> str:
    """``<details>`` as a block under its summary line: the pane cannot fold, so the reader sees it all."""
    return _DETAILS_TAG.sub(lambda match: _DETAILS[match[0]], body) if "<details>" in body else body


def _show_dead_article_links(body: str, folder: Path | None) -> str:
    """A link to another article that is not there (or not allowed) is shown as its text, not as a link."""
    if 'href="' not in body:
        return body

    def replace(match: re.Match[str]) -> str:
        href = html.unescape(match[1])
        if classify_link(href) is not LinkKind.ARTICLE:
            return match[0]
        leads = folder is not None and isinstance(resolve_article_link(folder, href), ArticleLink)
        return match[0] if leads else match[3]

    return _LINK.sub(replace, body)


def convert_costly(converter: markdown.Markdown, body: str) -> tuple[str, bool]:
    """Like :func:`convert_markdown`, and made cheap for Qt to lay out: what the render worker does.

    Also whether elements nested too deeply lost their tags (such HTML is not kept in the render cache).
    """
    converted = convert_markdown(converter, body)
    bounded = limit_nesting(converted, DEEPEST_NESTING)
    return break_long_words(bounded), bounded != converted


def document_html(sections: Iterable[str]) -> str:
    """One HTML document holding the rendered *sections* (see ArticleRenderer.section_steps)."""
    return DOCUMENT_START + "".join(f"\n{part}" for part in sections) + DOCUMENT_END


def first_screen_sections(article: Article, characters: int = FIRST_SCREEN_CHARACTERS) -> int:
    """How many sections, from the first, to render before the article is first shown.

    For an article whose later bodies are still in the render cache (a first frame's), the entry's own first screen.
    """
    slot = article.cache_slot
    if slot is not None and slot.pending is not None:
        return slot.pending.first
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
    """*text* shown as it is, line by line, under a note saying why it is not formatted.

    In paragraphs of bounded size (Qt lays a paragraph out at once), long words given break opportunities.
    """
    paragraphs = "".join(
        "\n<p>" + "<br/>".join(html.escape(line) for line in block.split("\n")) + "</p>" for block in plain_blocks(text)
    )
    return break_long_words(f'<p class="render-problem"><i>{html.escape(reason)}; it is shown as plain text.</i></p>{paragraphs}')


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


def front_matter_html(article: Article, today: dt.date | None = None) -> str:
    """Who wrote it and when it was last reviewed (with a warning once the review is overdue), the summary and
    the reader's notice, shown under the first heading."""
    meta = article.metadata
    origin = provenance(meta)
    lines = [line for line in (origin.byline(), origin.reviewed_line()) if line]
    parts = [f'<p class="reviewed">{"<br/>".join(html.escape(printable(line)) for line in lines)}</p>'] if lines else []
    if warning := origin.overdue_warning(today or dt.date.today()):
        parts.append(
            '<table class="overdue" width="100%" cellspacing="0" cellpadding="8"><tr><td>'
            f"{html.escape(warning)}</td></tr></table>"
        )
    if meta.summary:
        parts.append(f'<p class="summary">{html.escape(printable(meta.summary))}</p>')
    if meta.notice:
        parts.append(
            '<table class="notice" width="100%" cellspacing="0" cellpadding="10"><tr><td>'
            f'<span class="notice-label">Please note</span><br/>{html.escape(printable(meta.notice))}</td></tr></table>'
        )
    return "\n".join(parts)
