"""The left-hand column: the filter box, what the filter found, and the section tree."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.ui import plain_text
from viewer.ui.accessibility import describe, name_line_edit_buttons, name_scroll_bars
from viewer.ui.search_suggestions import SearchSuggestions
from viewer.ui.section_delegate import HITS_ROLE, SectionDelegate


class NavigationPane(QWidget):
    """Filter box over the section tree; an empty state replaces the tree when nothing matches.

    Down or Up in the filter box moves into the found sections; Up from the first of them comes back.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigationPane")
        self.filter_edit = QLineEdit(
            objectName="filterEdit", placeholderText="Search, or ask a question…", clearButtonEnabled=True
        )
        self.filter_edit.setToolTip(
            "Type words to find, or a question; Enter or F3 goes to the next hit, Shift+F3 back, "
            "Down moves into the tree, Esc clears"
        )
        self.hit_counter = plain_text.label(objectName="hitCounter")
        self.status_label = plain_text.label(objectName="filterStatus", wordWrap=True)
        self.answer_note = plain_text.rich_label(objectName="answerNote", wordWrap=True)  # see show_answer_note
        self.section_tree = QTreeView(objectName="sectionTree", headerHidden=True)  # rows wrap: of many heights
        self.section_tree.setItemDelegate(SectionDelegate(self.section_tree))
        self.empty_label = plain_text.label(objectName="emptyStateText", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.suggestions = SearchSuggestions()
        self.clear_button = QPushButton("Clear the filter", objectName="clearFilterButton")
        self._stack = QStackedWidget()
        self._stack.addWidget(self.section_tree)
        self._stack.addWidget(self._empty_state())
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 4, 8)
        column.addLayout(self._search_row())
        column.addWidget(self.status_label)
        column.addWidget(self.answer_note)
        column.addWidget(self._stack, 1)
        self._describe()
        self.show_status("")
        self.show_answer_note(None)
        self.hit_counter.hide()
        self.filter_edit.installEventFilter(self)
        self.section_tree.installEventFilter(self)
        self.following = False  # the tree is moving to follow the text: not the reader choosing a row

    def _describe(self) -> None:
        describe(
            self.filter_edit,
            "Search the article",
            "Type words to find, or ask a question; the section tree keeps the sections that mention them. "
            "Down moves into them. Enter or F3 goes to the next hit, Shift+F3 to the one before, Escape clears.",
        )
        name_line_edit_buttons(self.filter_edit, "Clear the search")
        describe(self.section_tree, "Sections", "The article's sections; choose one to read it.")
        name_scroll_bars(self.section_tree, "the sections")
        describe(self.status_label, "What the search found")
        describe(self.empty_label, "Nothing found")
        describe(self.clear_button, "Clear the filter", "Shows every section again.")

    def follow(self, index: QModelIndex) -> None:
        """Make *index* the tree's current row and scroll to it; meanwhile :attr:`following` is True."""
        self.following = True
        try:
            self.section_tree.setCurrentIndex(index)
            self.section_tree.scrollTo(index)
        finally:
            self.following = False

    def show_status(self, text: str) -> None:
        """One line under the filter box; hidden when there is nothing to say."""
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def show_answer_note(self, heading: str | None, missing: list[str] = ()) -> None:  # type: ignore[assignment]
        """A note above the tree: *heading*, then the words found nowhere, struck through. None hides it."""
        if heading is None:
            self.answer_note.clear()
            self.answer_note.hide()
            return
        text = html.escape(heading)
        if missing:
            struck = ", ".join(f"<s>{html.escape(word)}</s>" for word in missing)
            text += f"<br><i>Not found: {struck}</i>"  # in the label's own colour: the theme's, readable
        self.answer_note.setText(text)
        self.answer_note.show()

    def show_empty_state(self, message: str | None, searches: list[str] = ()) -> None:  # type: ignore[assignment]
        """Replace the tree by *message*, "did you mean" *searches*, topics and a clear button; None brings the tree back."""
        if message is None:
            self._stack.setCurrentWidget(self.section_tree)
            return
        self.empty_label.setText(message)
        self.suggestions.show_searches(list(searches))
        self._stack.setCurrentIndex(1)

    @property
    def showing_empty_state(self) -> bool:
        """True while the empty state replaces the tree."""
        return self._stack.currentIndex() == 1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or self.showing_empty_state:
            return False
        key = event.key()
        if watched is self.filter_edit and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            return self._enter_results(from_top=key == Qt.Key.Key_Down)
        if watched is self.section_tree and key == Qt.Key.Key_Up and self._is_first_stop(self.section_tree.currentIndex()):
            self.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    def _enter_results(self, from_top: bool) -> bool:
        """Focus the tree on the current section if it has hits, else on the first (or last) that has."""
        tree = self.section_tree
        found = tree.currentIndex()
        if not found.data(HITS_ROLE):
            found = self._next_result(self._first_row() if from_top else self._last_row(), forward=from_top, inclusive=True)
        if not found.isValid() and not self._searching():  # no search: the tree, at the section being read
            found = tree.currentIndex() if tree.currentIndex().isValid() else self._first_row()
        if not found.isValid():
            return False
        tree.setFocus(Qt.FocusReason.OtherFocusReason)
        tree.setCurrentIndex(found)
        tree.scrollTo(found)
        return True

    def _next_result(self, index: QModelIndex, forward: bool, inclusive: bool = False) -> QModelIndex:
        """The first row with hits from *index* on (after it unless *inclusive*), down or up the tree."""
        tree = self.section_tree
        if not inclusive and index.isValid():
            index = tree.indexBelow(index) if forward else tree.indexAbove(index)
        while index.isValid() and not index.data(HITS_ROLE):
            index = tree.indexBelow(index) if forward else tree.indexAbove(index)
        return index

    def _first_row(self) -> QModelIndex:
        return self.section_tree.model().index(0, 0) if self.section_tree.model() else QModelIndex()

    def _last_row(self) -> QModelIndex:
        tree, index = self.section_tree, self._first_row()
        while index.isValid() and tree.indexBelow(index).isValid():
            index = tree.indexBelow(index)
        return index

    def _is_first_stop(self, index: QModelIndex) -> bool:
        """The first result of a search, or with no search the tree's first row: Up from it goes back to the box."""
        if not self._searching():
            return index == self._first_row()
        return bool(index.data(HITS_ROLE)) and not self._next_result(index, forward=False).isValid()

    def _searching(self) -> bool:
        return bool(self.filter_edit.text().strip())

    def _search_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.filter_edit, 1)
        row.addWidget(self.hit_counter)
        return row

    def _empty_state(self) -> QWidget:
        """The message, the clear button and the suggestions; it scrolls when the pane is too short for them."""
        page = QWidget(objectName="emptyState")
        column = QVBoxLayout(page)
        column.addStretch(1)
        column.addWidget(self.empty_label)
        column.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)  # above the chips: never scrolled away
        column.addWidget(self.suggestions)
        column.addStretch(2)
        scroller = QScrollArea(objectName="emptyStateScroller", widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the button and the suggestions in it take the focus
        scroller.setWidget(page)
        describe(scroller, "Nothing found")
        name_scroll_bars(scroller, "the suggestions")
        return scroller
