"""Stepping through the hits of the search shown: the current hit, the highlights, the place to return to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from viewer.ui.article_view import ArticleView
from viewer.ui.search_indexing import SearchIndexer

if TYPE_CHECKING:
    from viewer.core.answers import Answer


class HitStepper(QObject):
    """Goes from hit to hit of an answer, in the order it offers them, and marks the hits on screen;
    when the search is cleared the reader stays where the search took them, as in a browser's find bar
    (the place before the search is a step back in the reading history).

    Signals:
        sectionReached(str): the pane now shows the section with this anchor (a hit, or where the reader stays).
        currentHitChanged(object): the current hit, (section number, index of the hit in it), or None.
    """

    sectionReached = Signal(str)
    currentHitChanged = Signal(object)

    def __init__(self, view: ArticleView, indexer: SearchIndexer, parent: QObject) -> None:
        super().__init__(parent)
        self._view, self._indexer = view, indexer
        self._answer: Answer | None = None
        self._current: tuple[int, int] | None = None  # (section number, index of the hit in it)
        self._anchors: list[str] = []
        view.verticalScrollBar().valueChanged.connect(self._refresh_highlights)

    def forget_place(self) -> None:
        """Another article: no hit of the last one is current."""
        self._answer, self._current = None, None

    @Slot(object)
    def show_result(self, answer: Answer | None) -> None:
        """Mark the hits of *answer* and settle on one (None: clear the marks, the reader stays where they are).

        A question goes to its best answer; a plain search stays in the section being read if it matches.
        """
        self._answer, self._current = answer, None
        if answer is None:
            self._view.show_hits([], None)
            if self._view.reading.current_anchor:
                self.sectionReached.emit(self._view.reading.current_anchor)  # the tree lost its row with the filter
            return
        if not answer.sections:
            self._view.show_hits([], None)
            self.currentHitChanged.emit(None)
            return
        self._anchors = list(self._view.headings.anchors)
        reading = self._indexer.numbers.get(self._view.reading.current_anchor)
        if not answer.read_as_question and reading in answer.sections:  # the section being read matches: stay there
            self._current = (reading, 0)
            self.currentHitChanged.emit(self._current)
            self.sectionReached.emit(self._view.reading.current_anchor)
            self._refresh_highlights()
        else:
            self._go_to_hit(*answer.step(None))

    @Slot()
    def step(self) -> None:
        """Bring the next hit into view, across sections in the order offered, wrapping around."""
        self._step(forward=True)

    @Slot()
    def step_back(self) -> None:
        """Bring the previous hit into view."""
        self._step(forward=False)

    def _step(self, forward: bool) -> None:
        found = self._answer.step(self._current, forward) if self._answer else None
        if found is not None:
            self._go_to_hit(*found)

    def _go_to_hit(self, number: int, hit: int) -> None:
        self._current = (number, hit)
        self.currentHitChanged.emit(self._current)
        start, _ = self._document_spans(number)[hit]
        anchor = self._anchors[number]
        self._view.reading.reveal(start, anchor)
        self.sectionReached.emit(anchor)
        self._refresh_highlights()

    @Slot()
    def _refresh_highlights(self) -> None:
        if not self._answer or not self._answer.sections:
            return
        spans: list[tuple[int, int]] = []
        for anchor in self._view.reading.visible_sections():
            if self._indexer.numbers.get(anchor) in self._answer.sections:
                spans += self._document_spans(self._indexer.numbers[anchor])
        current = self._document_spans(self._current[0])[self._current[1]] if self._current else None
        self._view.show_hits(spans, current)

    def _document_spans(self, number: int) -> list[tuple[int, int]]:
        offset = self._indexer.offsets[number]
        return [(offset + a, offset + b) for a, b in self._indexer.index.spans(number, self._answer.sections[number])]
