"""Stepping through the hits of the search shown: the current hit, the highlights, the place to return to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from viewer.ui.article_view import ArticleView
from viewer.ui.search_indexing import SearchIndexer

if TYPE_CHECKING:
    from viewer.core.search import SearchResult


class HitStepper(QObject):
    """Goes from hit to hit of a result and marks the hits on screen; when the search is cleared the
    reader goes back to where they were reading before it.

    Signals:
        sectionReached(str): the pane now shows the section with this anchor (a hit, or the place returned to).
    """

    sectionReached = Signal(str)

    def __init__(self, view: ArticleView, indexer: SearchIndexer, parent: QObject) -> None:
        super().__init__(parent)
        self._view, self._indexer = view, indexer
        self._result: SearchResult | None = None
        self._current: tuple[int, int] | None = None  # (section number, index of the hit in it)
        self._saved_place: tuple[str, int] | None = None  # (anchor, scroll) before the search
        self._anchors: list[str] = []
        view.verticalScrollBar().valueChanged.connect(self._refresh_highlights)

    def forget_place(self) -> None:
        """Another article: there is no place in it to return to."""
        self._saved_place, self._result, self._current = None, None, None

    @Slot(object)
    def show_result(self, result: SearchResult | None) -> None:
        """Mark the hits of *result* and settle on one (None: clear the marks, return to the saved place)."""
        self._result, self._current = result, None
        if result is None:
            self._view.show_hits([], None)
            self._return_to_saved_place()
            return
        if self._saved_place is None:
            self._saved_place = (self._view.reading.current_anchor, self._view.reading.scroll)
        if not result.sections:
            self._view.show_hits([], None)
            return
        self._anchors = list(self._view.headings.anchors)
        reading = self._indexer.numbers.get(self._view.reading.current_anchor)
        if reading in result.sections:  # the section being read matches: stay there
            self._current = (reading, 0)
            self.sectionReached.emit(self._view.reading.current_anchor)
            self._refresh_highlights()
        else:
            self._go_to_hit(result.ranked()[0], 0)

    @Slot()
    def step(self) -> None:
        """Bring the next hit into view, across sections, wrapping around."""
        self._step(forward=True)

    @Slot()
    def step_back(self) -> None:
        """Bring the previous hit into view."""
        self._step(forward=False)

    def _step(self, forward: bool) -> None:
        if not self._result or not self._result.sections:
            return
        order = self._result.ranked()
        number, hit = self._current or (order[0], -1 if forward else 0)
        hit += 1 if forward else -1
        while not 0 <= hit < self._result.sections[number].count:
            number = order[(order.index(number) + (1 if forward else -1)) % len(order)]
            hit = 0 if forward else self._result.sections[number].count - 1
        self._go_to_hit(number, hit)

    def _go_to_hit(self, number: int, hit: int) -> None:
        self._current = (number, hit)
        start, _ = self._document_spans(number)[hit]
        anchor = self._anchors[number]
        self._view.reading.reveal(start, anchor)
        self.sectionReached.emit(anchor)
        self._refresh_highlights()

    def _return_to_saved_place(self) -> None:
        if self._saved_place is None:
            if self._view.reading.current_anchor:
                self.sectionReached.emit(self._view.reading.current_anchor)  # the tree may have lost its row
            return
        anchor, scroll = self._saved_place
        self._saved_place = None
        self._view.reading.restore(scroll, anchor)
        self.sectionReached.emit(anchor)

    @Slot()
    def _refresh_highlights(self) -> None:
        if not self._result or not self._result.sections:
            return
        spans: list[tuple[int, int]] = []
        for anchor in self._view.reading.visible_sections():
            if self._indexer.numbers.get(anchor) in self._result.sections:
                spans += self._document_spans(self._indexer.numbers[anchor])
        current = self._document_spans(self._current[0])[self._current[1]] if self._current else None
        self._view.show_hits(spans, current)

    def _document_spans(self, number: int) -> list[tuple[int, int]]:
        offset = self._indexer.offsets[number]
        return [(offset + a, offset + b) for a, b in self._indexer.index.spans(number, self._result.sections[number])]
