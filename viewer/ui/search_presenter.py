"""Presenting a search: what is typed and the chips chosen become an answer, shown in the tree filter,
the status line, the hit counter, the empty state and the chips."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from viewer.core.article import Article
from viewer.ui.answer_view import AnswerView
from viewer.ui.keyword_bar import KeywordBar
from viewer.ui.navigation_pane import NavigationPane
from viewer.ui.search_indexing import SearchIndexer
from viewer.ui.section_filter import SectionFilterProxy

if TYPE_CHECKING:
    from viewer.core.answers import Answer
    from viewer.core.search import SearchResult

TYPING_PAUSE_MS = 120  # long enough to skip intermediate keystrokes, short enough to feel live


class SearchPresenter(QObject):
    """Runs the search for the filter box and the chips and shows what it found.

    Signals:
        resultShown(object): the Answer now shown, or None when everything is shown again.
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
        self._answer: Answer | None = None
        self._answer_view = AnswerView(pane, proxy)
        self._waiting_for_index = False
        self._typing_timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._connect_signals()

    @property
    def result(self) -> SearchResult | None:
        """The sections the search being shown found, or None."""
        return self._answer.result if self._answer else None

    @property
    def answer(self) -> Answer | None:
        """The answer being shown, or None."""
        return self._answer

    def set_article(self, article: Article) -> None:
        """Search *article* from now on; the filter box and chips start empty."""
        self._typing_timer.stop()
        self._article, self._waiting_for_index = article, False
        self._pane.filter_edit.clear()
        self._keywords.set_keywords(article.metadata.keywords)
        self._pane.suggestions.set_topics(article.metadata.keywords)
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
            self._show_answer(self._indexer.answers.answer(text, chosen), text, chosen)
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
        self._pane.suggestions.searchChosen.connect(self._on_suggestion_chosen)
        self._pane.suggestions.topicChosen.connect(self._on_topic_chosen)
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

    @Slot(object)
    def show_hit(self, current: tuple[int, int] | None) -> None:
        """'Hit 2 of 5' for the *current* hit of the answer shown."""
        if self._answer is not None:
            self._answer_view.show_hit(self._answer, current)

    @Slot(str)
    def _on_suggestion_chosen(self, text: str) -> None:
        self._pane.filter_edit.setText(text)
        self.apply_now()

    @Slot(str)
    def _on_topic_chosen(self, keyword: str) -> None:
        self._pane.filter_edit.clear()
        self._keywords.choose_only(keyword)

    @Slot()
    def _on_return_pressed(self) -> None:
        if self._typing_timer.isActive() or self._answer is None:
            self.apply_now()
        else:
            self.nextHitRequested.emit()

    def _show_answer(self, answer: Answer, typed: str, chosen: list[str]) -> None:
        self._answer = answer
        self._answer_view.show(answer, chosen)
        self._keywords.mark_matching(self._matching_keywords(typed))
        self.resultShown.emit(answer)

    def _show_everything(self) -> None:
        self._answer = None
        if self._answer_view.clear():
            self._pane.section_tree.expandAll()
        self._keywords.mark_matching(set())
        self.resultShown.emit(None)

    def _matching_keywords(self, typed: str) -> set[str]:
        if not typed.strip() or self._indexer.keyword_index is None:
            return set()
        keywords = self._article.metadata.keywords
        question_words = self._indexer.answers.vocabulary.question_words  # "what are the risks" matches Risks
        return {keywords[n] for n in self._indexer.keyword_index.search(typed, question_words=question_words).sections}
