"""Presenting a search: what is typed and the chips chosen become a result, shown in the tree filter,
the status line, the empty state and the chips."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from viewer.core.article import Article
from viewer.ui.keyword_bar import KeywordBar
from viewer.ui.navigation_pane import NavigationPane
from viewer.ui.search_indexing import SearchIndexer
from viewer.ui.section_filter import SectionFilterProxy

if TYPE_CHECKING:
    from viewer.core.search import SearchResult

TYPING_PAUSE_MS = 120  # long enough to skip intermediate keystrokes, short enough to feel live


class SearchPresenter(QObject):
    """Runs the search for the filter box and the chips and shows what it found.

    Signals:
        resultShown(object): the SearchResult now shown, or None when everything is shown again.
        nextHitRequested(): Enter on a result already shown: go to its next hit.
    """

    resultShown = Signal(object)
    nextHitRequested = Signal()

    def __init__(
        self, pane: NavigationPane, keywords: KeywordBar, proxy: SectionFilterProxy, indexer: SearchIndexer, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._pane, self._keywords, self._proxy, self._indexer = pane, keywords, proxy, indexer
        self._article: Article | None = None
        self._result: SearchResult | None = None
        self._waiting_for_index = False
        self._typing_timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._connect_signals()

    @property
    def result(self) -> SearchResult | None:
        """The search being shown, or None."""
        return self._result

    def set_article(self, article: Article) -> None:
        """Search *article* from now on; the filter box and chips start empty."""
        self._typing_timer.stop()
        self._article, self._waiting_for_index = article, False
        self._pane.filter_edit.clear()
        self._keywords.set_keywords(article.metadata.keywords)
        self._show_everything()

    @Slot()
    def apply_now(self) -> None:
        """Run the search for what is typed and chosen now, or as soon as the index is ready."""
        self._typing_timer.stop()
        text, chosen = self._pane.filter_edit.text(), self._keywords.selected()
        if not text.strip() and not chosen:
            self._waiting_for_index = False
            self._show_everything()
        elif self._indexer.is_ready:
            self._waiting_for_index = False
            self._show_result(self._indexer.index.search(text, chosen), text)
        else:
            self._waiting_for_index = True
            self._pane.show_status("Preparing the search…")
            self._indexer.start()

    @Slot()
    def reset(self) -> None:
        """Clear the typed filter and the chips."""
        self._pane.filter_edit.clear()
        self._keywords.clear()
        self.apply_now()

    def _connect_signals(self) -> None:
        edit = self._pane.filter_edit
        edit.textEdited.connect(self._typing_timer.start)
        edit.textChanged.connect(self._on_text_changed)
        edit.returnPressed.connect(self._on_return_pressed)
        self._typing_timer.timeout.connect(self.apply_now)
        self._keywords.selectionChanged.connect(self.apply_now)
        self._pane.clear_button.clicked.connect(self.reset)
        self._indexer.ready.connect(self._on_index_ready)

    @Slot()
    def _on_index_ready(self) -> None:
        self._keywords.set_counts(self._indexer.keyword_counts)
        if self._waiting_for_index:
            self.apply_now()

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        if not text:  # the clear button of the box: no waiting
            self.apply_now()

    @Slot()
    def _on_return_pressed(self) -> None:
        if self._typing_timer.isActive() or self._result is None:
            self.apply_now()
        else:
            self.nextHitRequested.emit()

    def _show_result(self, result: SearchResult, typed: str) -> None:
        self._result = result
        rows_changed = self._proxy.set_result(result)
        self._keywords.mark_matching(self._matching_keywords(typed))
        if not result.sections:
            self._pane.show_status("")
            self._pane.show_empty_state(_empty_message(typed, self._keywords.selected()))
        else:
            self._pane.show_empty_state(None)
            if rows_changed:
                self._pane.section_tree.expandAll()
            else:  # same rows, new hit counts: telling the tree row by row would cost more than this
                self._pane.section_tree.viewport().update()
            self._pane.show_status(_status_text(result))
        self.resultShown.emit(result)

    def _show_everything(self) -> None:
        self._result = None
        if self._proxy.set_result(None):
            self._pane.section_tree.expandAll()
        self._keywords.mark_matching(set())
        self._pane.show_empty_state(None)
        self._pane.show_status("")
        self.resultShown.emit(None)

    def _matching_keywords(self, typed: str) -> set[str]:
        if not typed.strip() or self._indexer.keyword_index is None:
            return set()
        keywords = self._article.metadata.keywords
        return {keywords[n] for n in self._indexer.keyword_index.search(typed).sections}


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
