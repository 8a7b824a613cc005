"""Wires typing and keyword chips to the search index, the tree filter, the highlights and hit stepping."""

from __future__ import annotations

import gc
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


class SearchController(QObject):
    """Owns the search index of one article and everything a search changes on screen.

    Signals:
        sectionReached(str): a hit in the section with this anchor was brought into view.
    """

    sectionReached = Signal(str)

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
        self._connect_signals()

    @property
    def result(self) -> SearchResult | None:
        """The search being shown, or None."""
        return self._result

    def build_index(self) -> SearchIndex:
        """Index the article as the pane shows it (done once, after the first paint)."""
        if self._index is None:
            from viewer.core.query import SynonymTable
            from viewer.core.search import SearchIndex
            from viewer.core.text import blank_enumerator

            self._view.finish_layout()
            entries = []
            for anchor, start, text in self._view.section_texts():
                number = self._numbers[anchor]
                self._offsets[number] = start
                entries.append((number, blank_enumerator(text)))
            synonyms = SynonymTable(self._article.metadata.synonyms)
            self._index = SearchIndex(entries, synonyms)
            self._keyword_index = SearchIndex(enumerate(self._article.metadata.keywords), synonyms)
            self._keywords.set_counts({k: len(self._index.search("", [k]).sections) for k in self._keywords.chips})
            # The index is millions of small objects that live as long as the article: keep the cyclic
            # garbage collector from walking them again in a pause between two keystrokes.
            gc.freeze()
        return self._index

    def apply_now(self) -> None:
        """Run the search for what is typed and chosen now."""
        self._typing_timer.stop()
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
        for signal, slot in self._connections():
            signal.disconnect(slot)
        self.deleteLater()

    def _connect_signals(self) -> None:
        self._typing_timer.timeout.connect(self.apply_now)
        for signal, slot in self._connections():
            signal.connect(slot)

    def _connections(self) -> list[tuple[object, object]]:
        edit = self._pane.filter_edit
        return [
            (edit.textEdited, self._on_text_edited),
            (edit.textChanged, self._on_text_changed),
            (edit.returnPressed, self._on_return_pressed),
            (self._keywords.selectionChanged, self.apply_now),
            (self._pane.clear_button.clicked, self.reset),
            (self._view.verticalScrollBar().valueChanged, self._refresh_highlights),
        ]

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
