"""Puts an article into the pane: its first screen at once, the rest section by section between other events.

The one owner of rendering in the window. Sections that might be slow to convert go to a render
worker process (:mod:`viewer.core.render_worker`), whose reply comes back by signal: the window
never waits for Markdown, and never longer than a slice for anything else.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QTextCursor, QTextDocument

from viewer.core.article import Article
from viewer.core.html_bounds import html_pieces
from viewer.core.render import (
    FIRST_SCREEN_CHARACTERS,
    ArticleRenderer,
    SectionSteps,
    WorkerJob,
    document_html,
    first_screen_sections,
    next_step,
)
from viewer.ui.article_images import can_show_image
from viewer.ui.article_view import ArticleView

if TYPE_CHECKING:
    from viewer.core.render_worker import RenderWorker, Reply

SLICE_S = 0.010  # rendering yields to typing and painting this often: well inside one frame
HURRY_SLICE_S = 0.050  # while the reader waits for a section further down: faster, still no long pause
SECTIONS_BELOW_WANTED = 25  # a section asked for is shown once this many follow it: its heading can reach the top
SECTIONS_PER_APPEND = 20  # each append re-lays out the end of the document: a few dozen sections at a time
CUT_SHORT = "The rest of this article could not be shown: something went wrong while formatting it."
_WAITING = object()  # a step that waits for the render worker's reply
_FIRST_TAG = re.compile(r'<([a-zA-Z][\w-]*)(?:\s+[\w:-]+="[^"]*")*\s*>')


class ProgressiveLoader(QObject):
    """Renders one article at a time into an ArticleView.

    Signals:
        sectionsAdded(int): this many sections are in the pane now.
        completed(): every section is in the pane, and the document is laid out.
    """

    sectionsAdded = Signal(int)
    completed = Signal()
    _replied = Signal(object)  # a worker's Reply, sent from the worker's reading thread

    def __init__(self, view: ArticleView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._renderer = ArticleRenderer(image_check=can_show_image)
        self._worker: RenderWorker | None = None  # started for the first section that needs it
        self._scratch = QTextDocument(self)  # lays out a heading alone, to copy its formats
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._work_a_slice)
        self._replied.connect(self._on_reply, Qt.ConnectionType.QueuedConnection)
        self._work: Iterator[object] | None = None
        self._article: Article | None = None
        self._rendered: list[str] = []  # rendered, not yet in the pane
        self._later_pieces: list[str] = []  # the pieces of the first screen's last section not shown at once
        self._ticket: int | None = None  # the worker's job being waited for
        self._reply: Reply | None = None
        self._wanted = ""  # a section the reader asked for that is not in the pane yet
        self._started = False
        self.first_screen_characters = FIRST_SCREEN_CHARACTERS

    @property
    def complete(self) -> bool:
        """Whether every section of the article is in the pane."""
        headings = self._view.headings
        return self._work is None or (not self._later_pieces and len(headings) == len(headings.anchors))

    def load(self, article: Article) -> None:
        """Show *article*'s first screen now; the rest follows once :meth:`start` is called (at the first paint)."""
        self._stop()
        self._article = article
        steps = self._renderer.section_steps(article)
        first, job = self._first_screen(article, steps)
        folder = article.path.parent if article.path else None
        self._view.set_document(document_html(first), tuple(s.anchor for s in article.sections), folder)
        if job is not None:
            self._submit(job)  # the worker starts while the first screen is painted
            self._started = True  # its reply goes in at once: the first screen may be empty without it
        self._work = self._steps(steps)  # its first slice runs once the worker's reply is in
        if self._started or self._view.has_painted:
            self.start()

    @Slot()
    def start(self) -> None:
        """Render the rest between other events (nothing when all is done, or while the worker works)."""
        self._started = True
        if self._work is not None and self._ticket is None:
            self._timer.start()

    def render_up_to(self, anchor: str) -> bool:
        """Whether the section *anchor* can be shown at the top of the pane; if not yet, render faster
        until it can (sectionsAdded tells when more is there). False for an anchor the article lacks."""
        if self._can_show(anchor) or anchor not in self._view.headings.anchors:
            return self._can_show(anchor)
        self._wanted = anchor
        self.start()
        return False

    def _can_show(self, anchor: str) -> bool:
        number = self._view.headings.number(anchor)
        return number is not None and (self.complete or number + SECTIONS_BELOW_WANTED < len(self._view.headings))

    def shutdown(self) -> None:
        """Stop rendering and end the worker process (the window is closing)."""
        self._stop()
        if self._worker is not None:
            self._worker.close()

    def _first_screen(self, article: Article, steps: SectionSteps) -> tuple[list[str], WorkerJob | None]:
        """The sections of the first screen, and the worker's job that interrupted them, if one did.

        A long section's later pieces wait in line for the first slices (see :meth:`_steps`).
        """
        first: list[str] = []
        for _ in range(first_screen_sections(article, self.first_screen_characters)):
            step = next_step(steps, None)
            if isinstance(step, WorkerJob):
                return first, step
            head, *self._later_pieces = html_pieces(step)
            first.append(head)
            if self._later_pieces:
                break  # the rest of the first screen comes after this section's later pieces
        return first, None

    def _steps(self, steps: SectionSteps) -> Iterator[object]:
        """Each section rendered and added, a step each; then the layout, a step at a time."""
        yield from self._later()  # the first screen's long section
        while True:
            from_worker = self._reply is not None
            step = next_step(steps, self._take_reply())
            if step is None:
                break
            if isinstance(step, WorkerJob):
                self._append()  # what comes before it is shown while the worker works
                self._submit(step)
                yield _WAITING
                continue
            first, *self._later_pieces = html_pieces(step)  # a long section goes in a piece at a time
            self._rendered.append(first)
            if from_worker or self._later_pieces or len(self._rendered) >= SECTIONS_PER_APPEND or self._wanted:
                self._append()  # a costly section goes in alone: the next one starts a slice afresh
            yield
            yield from self._later()
        self._append()
        yield from self._view.headings.layout_steps()
        self._work = None
        article = self._article
        QTimer.singleShot(0, self, lambda: self._keep_in_cache(article))  # an event of its own: writing takes time
        self.completed.emit()

    def _later(self) -> Iterator[None]:
        """The later pieces of a long section, each added in a step of its own (Qt: about 1 s a megabyte)."""
        while self._later_pieces:
            self._rendered.append(self._later_pieces.pop(0))
            self._append()
            yield

    def _keep_in_cache(self, article: Article | None) -> None:
        """*article* is rendered: if the render cache did not have it, it does now (viewer.core.render_cache)."""
        if article is not None and article.cache_slot is not None:
            article.cache_slot.keep(article, first_screen_sections(article, self.first_screen_characters))

    @Slot()
    def _work_a_slice(self) -> None:
        if self._ticket is not None:
            return  # started again while the worker works (by a reader's jump): its reply goes on
        deadline = time.perf_counter() + (HURRY_SLICE_S if self._wanted else SLICE_S)
        try:
            for state in self._work or ():
                if state is _WAITING:
                    return  # the reply starts the next slice
                if time.perf_counter() >= deadline:
                    self._timer.start()
                    return
        except Exception:
            self._cut_short()
            raise  # on to the error reporter: the reader sees the note, the log the traceback

    def _cut_short(self) -> None:
        self._rendered.append(f'<p class="render-problem"><i>{CUT_SHORT}</i></p>')
        self._append()
        self._work = None
        self.completed.emit()

    def _append(self) -> None:
        """Add the rendered sections at the end, each block formatted as in a document made at once.

        Inserted HTML merges its first block into the block at the cursor, which would lose the
        heading's formats: so a new block gets them first, taken from the same heading laid into a
        scratch document with the same style sheet.
        """
        if not self._rendered:
            return
        parts, self._rendered = self._rendered, []
        document = self._view.document()
        self._scratch.setDefaultStyleSheet(document.defaultStyleSheet())
        self._scratch.setHtml(document_html([first_element(parts[0])]))  # a section's HTML starts with its heading
        heading = self._scratch.begin()
        cursor = QTextCursor(document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertBlock(heading.blockFormat(), heading.charFormat())
        cursor.insertHtml(document_html(parts))  # in a body of its own, the style sheet's body rules apply
        self._view.take_new_headings()
        if self._can_show(self._wanted):
            self._wanted = ""
        self.sectionsAdded.emit(len(self._view.headings))

    def _submit(self, job: WorkerJob) -> None:
        if self._worker is None:
            from viewer.core.render_worker import RenderWorker  # a process and its threads, for costly sections only

            self._worker = RenderWorker(on_reply=self._forward)
        self._ticket = self._worker.submit(job.body, job.seconds)

    def _forward(self, reply: Reply) -> None:
        with contextlib.suppress(RuntimeError):  # the window is gone
            self._replied.emit(reply)

    @Slot(object)
    def _on_reply(self, reply: Reply) -> None:
        if reply.ticket != self._ticket:
            return  # for an article no longer shown
        self._ticket, self._reply = None, reply
        if self._started:
            self._timer.start()

    def _take_reply(self) -> Reply | None:
        reply, self._reply = self._reply, None
        return reply

    def _stop(self) -> None:
        self._timer.stop()
        if self._ticket is not None:
            self._worker.kill()  # it may be stuck for seconds on the old article's hostile section
            self._ticket = None
        if self._work is not None:
            self._work.close()
        self._work, self._rendered, self._reply, self._wanted, self._later_pieces = None, [], None, "", []


def first_element(html: str) -> str:
    """The first element of *html* with a letter for text: enough for Qt to give its block the same formats.

    Its own text would be laid out for nothing, and a piece of a long section may start with 10,000 characters.
    """
    tag = _FIRST_TAG.match(html)
    return f"{tag[0]}x</{tag[1]}>" if tag else html.partition("\n")[0]
