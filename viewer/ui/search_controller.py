"""Wires typing and keyword chips to the search index, the tree filter, the highlights and hit stepping."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from viewer.core.article import Article
from viewer.ui.article_view import ArticleView
from viewer.ui.keyword_bar import KeywordBar
from viewer.ui.navigation_pane import NavigationPane
from viewer.ui.section_filter import SectionFilterProxy

if TYPE_CHECKING:  # the search modules load after the first paint, not before
    from viewer.core.search import SearchIndex, SearchResult

TYPING_PAUSE_MS = 120  # long enough to skip intermediate keystrokes, short enough to feel live
INDEX_SLICE_S = 0.010  # indexing yields to typing and painting this often: well inside one frame
# The index is millions of small objects that live as long as the article. Frozen as they come,
# the cyclic garbage collector never walks them again (a full walk is a pause of 50-200 ms).
FREEZE_EVERY_SECTIONS = 200


class SearchController(QObject):
    """Owns the search index of one article and everything a search changes on screen.

    Signals:
        sectionReached(str): a hit in the section with this anchor was brought into view.
        indexReady(): the search index is built; searches from now on answer at once.
    """

    sectionReached = Signal(str)
    indexReady = Signal()

    def __init__(
        self, article: Article, pane: NavigationPane, view: ArticleView, keywords: KeywordBar, proxy: SectionFilterProxy
    ):
        super().__init__(pane)
        self._article, self._pane, self._view, self._keywords, self._proxy = article, pane, view, keywords, proxy
        self._numbers = {section.anchor: section.number for section in article.sections}
        self._index: SearchIndex | None = None
        self._keyword_index: SearchIndex | None = None
        self._offsets: dict[int, int] = {}
        self._result: SearchResult | None = None
        self._current_hit: tuple[int, int] | None = None  # (section number, index of the hit in it)
        self._saved_place: tuple[str, int] | None = None
        self._typing_timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._index_timer = QTimer(self, singleShot=True, interval=0)
        self._indexing = self._index_steps()
        self._waiting_for_index = False
        self._connect_signals()

    @property
    def result(self) -> SearchResult | None:
        """The search being shown, or None."""
        return self._result

    @property
    def index_ready(self) -> bool:
        """Whether the search index is built."""
        return self._index is not None

    def start_indexing(self) -> None:
        """Build the index in slices between other events; indexReady is emitted when it is done."""
        if self._index is None and not self._index_timer.isActive():
            self._index_timer.start()

    def build_index(self) -> SearchIndex:
        """The search index, finishing its build here and now if it is not done yet."""
        if self._index is None:
            self._index_timer.stop()
            for _ in self._indexing:
                pass
            if self._index is None:  # a slice failed part-way (and was reported): try once more, in full
                self._indexing = self._index_steps()
                for _ in self._indexing:
                    pass
            self._after_indexing()
        return self._index

    def _index_a_slice(self) -> None:
        deadline = time.perf_counter() + INDEX_SLICE_S
        for _ in self._indexing:
            if time.perf_counter() >= deadline:
                self._index_timer.start()
                return
        if self._index is not None:
            self._after_indexing()

    def _after_indexing(self) -> None:
        self.indexReady.emit()
        if self._waiting_for_index:
            self.apply_now()

    def _index_steps(self) -> Iterator[None]:
        """Index the article as the pane shows it, yielding between sections."""
        from viewer.core.text import blank_enumerator  # the imports come a library per slice

        yield
        from viewer.core.query import SynonymTable
        from viewer.core.search import IndexBuilder, SearchIndex

        gc.freeze()  # what start-up made lives on: no full collection walks it again while indexing
        yield
        yield from self._view.rendering_steps()
        yield from self._view.layout_steps()
        synonyms = SynonymTable(self._article.metadata.synonyms)
        builder = IndexBuilder(synonyms)
        for count, (anchor, start, text) in enumerate(self._view.section_texts(), start=1):
            number = self._numbers[anchor]
            self._offsets[number] = start
            builder.add(number, blank_enumerator(text))
            if count % FREEZE_EVERY_SECTIONS == 0:
                gc.freeze()
            yield
        index = builder.finish()
        self._keyword_index = SearchIndex(enumerate(self._article.metadata.keywords), synonyms)
        counts = {}
        for keyword in self._keywords.chips:
            counts[keyword] = len(index.search("", [keyword]).sections)
            yield
        self._keywords.set_counts(counts)
        self._index = index
        gc.freeze()

    def apply_now(self) -> None:
        """Run the search for what is typed and chosen now (finishing the index first if need be)."""
        self._typing_timer.stop()
        self._waiting_for_index = False
        text, chosen = self._pane.filter_edit.text(), self._keywords.selected()
        if not text.strip() and not chosen:
            self._show_everything()
            return
        if self._saved_place is None:
            self._saved_place = (self._view.current_anchor, self._view.verticalScrollBar().value())
        self._show_result(self.build_index().search(text, chosen), text)

    def reset(self) -> None:
        """Clear the typed filter and the chips; the reader returns to where they were."""
        self._pane.filter_edit.clear()
        self._keywords.clear()
        self.apply_now()

    def step(self, forward: bool = True) -> None:
        """Bring the next (or previous) hit into view, across sections, wrapping around."""
        if not self._result or not self._result.sections:
            return
        order = self._result.ranked()
        number, hit = self._current_hit or (order[0], -1 if forward else 0)
        hit += 1 if forward else -1
        while not 0 <= hit < self._result.sections[number].count:
            number = order[(order.index(number) + (1 if forward else -1)) % len(order)]
            hit = 0 if forward else self._result.sections[number].count - 1
        self._go_to_hit(number, hit)

    def detach(self) -> None:
        """Stop listening to the widgets: another article's controller takes over."""
        self._typing_timer.stop()
        self._index_timer.stop()
        self._indexing.close()  # its frame holds this controller: left suspended, neither would be freed
        for signal, slot in self._connections():
            signal.disconnect(slot)
        self.deleteLater()

    def _connect_signals(self) -> None:
        self._typing_timer.timeout.connect(self._apply_when_indexed)
        self._index_timer.timeout.connect(self._index_a_slice)
        for signal, slot in self._connections():
            signal.connect(slot)

    def _connections(self) -> list[tuple[object, object]]:
        edit = self._pane.filter_edit
        return [
            (edit.textEdited, self._on_text_edited),
            (edit.textChanged, self._on_text_changed),
            (edit.returnPressed, self._on_return_pressed),
            (self._keywords.selectionChanged, self._apply_when_indexed),
            (self._pane.clear_button.clicked, self.reset),
            (self._view.verticalScrollBar().valueChanged, self._refresh_highlights),
        ]

    def _apply_when_indexed(self) -> None:
        """Search now if the index is built; else say so and search as soon as it is."""
        if self._index is not None:
            self.apply_now()
            return
        self._waiting_for_index = True
        self._pane.show_status("Preparing the search…")
        self.start_indexing()

    def _on_text_edited(self) -> None:
        self._typing_timer.start()

    def _on_text_changed(self, text: str) -> None:
        if not text:  # the clear button of the box: no waiting
            self.apply_now()

    def _on_return_pressed(self) -> None:
        if self._typing_timer.isActive() or self._result is None:
            self.apply_now()
        else:
            self.step(forward=True)

    def _show_result(self, result: SearchResult, typed: str) -> None:
        self._result = result
        rows_changed = self._proxy.set_result(result)
        self._keywords.mark_matching(self._matching_keywords(typed))
        if not result.sections:
            self._current_hit = None
            self._pane.show_status("")
            self._pane.show_empty_state(_empty_message(typed, self._keywords.selected()))
            self._view.show_hits([], None)
            return
        self._pane.show_empty_state(None)
        if rows_changed:
            self._pane.section_tree.expandAll()
        else:  # same rows, new hit counts: telling the tree row by row would cost more than this
            self._pane.section_tree.viewport().update()
        self._pane.show_status(_status_text(result))
        self._settle_on_a_hit(result)

    def _settle_on_a_hit(self, result: SearchResult) -> None:
        reading = self._numbers.get(self._view.current_anchor)
        if reading in result.sections:
            self._current_hit = (reading, 0)
            self.sectionReached.emit(self._view.current_anchor)
            self._refresh_highlights()
        else:
            self._go_to_hit(result.ranked()[0], 0)

    def _go_to_hit(self, number: int, hit: int) -> None:
        self._current_hit = (number, hit)
        start, _ = self._document_spans(number)[hit]
        anchor = self._article.sections[number].anchor
        self._view.reveal(start, anchor)
        self.sectionReached.emit(anchor)
        self._refresh_highlights()

    def _show_everything(self) -> None:
        self._result, self._current_hit = None, None
        rows_changed = self._proxy.set_result(None)
        self._keywords.mark_matching(set())
        self._pane.show_empty_state(None)
        self._pane.show_status("")
        self._view.show_hits([], None)
        if rows_changed:
            self._pane.section_tree.expandAll()
        anchor = self._view.current_anchor
        if self._saved_place is not None:
            anchor, scroll = self._saved_place
            self._saved_place = None
            self._view.reveal_scroll(scroll, anchor)
            self.sectionReached.emit(anchor)
        elif rows_changed and anchor:
            self.sectionReached.emit(anchor)  # the tree lost its current row in the reset

    def _refresh_highlights(self) -> None:
        if not self._result or not self._result.sections:
            return
        spans: list[tuple[int, int]] = []
        for anchor in self._view.visible_sections():
            if self._numbers.get(anchor) in self._result.sections:
                spans += self._document_spans(self._numbers[anchor])
        self._view.show_hits(spans, self._current_span())

    def _current_span(self) -> tuple[int, int] | None:
        if self._current_hit is None:
            return None
        number, hit = self._current_hit
        return self._document_spans(number)[hit]

    def _document_spans(self, number: int) -> list[tuple[int, int]]:
        offset = self._offsets[number]
        return [(offset + a, offset + b) for a, b in self._index.spans(number, self._result.sections[number])]

    def _matching_keywords(self, typed: str) -> set[str]:
        if not typed.strip() or self._keyword_index is None:
            return set()
        keywords = self._article.metadata.keywords
        return {keywords[n] for n in self._keyword_index.search(typed).sections}


def _status_text(result: SearchResult) -> str:
    matches, sections = result.match_count, len(result.sections)
    text = f"{matches} {'match' if matches == 1 else 'matches'} in {sections} {'section' if sections == 1 else 'sections'}"
    for typed, words in result.corrections.items():
        text += f" · ≈ approximate: “{typed}” taken as {', '.join(words[:3])}"
    return text


def _empty_message(typed: str, chosen: list[str]) -> str:
    parts = [f"“{typed.strip()[:60]}”"] if typed.strip() else []
    parts += [f"“{keyword}”" for keyword in chosen]
    return f"No section mentions {' and '.join(parts)}."
