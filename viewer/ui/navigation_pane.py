"""The left-hand column: the filter box, what the filter found, and the section tree."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QStackedWidget, QTreeView, QVBoxLayout, QWidget

from viewer.ui.section_delegate import SectionDelegate


class NavigationPane(QWidget):
    """Filter box over the section tree; an empty state replaces the tree when nothing matches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigationPane")
        self.filter_edit = QLineEdit(
            objectName="filterEdit", placeholderText="Search or filter sections…", clearButtonEnabled=True
        )
        self.filter_edit.setToolTip("Type words to find; Enter or F3 goes to the next hit, Shift+F3 back, Esc clears")
        self.status_label = QLabel(objectName="filterStatus", wordWrap=True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.section_tree = QTreeView(objectName="sectionTree", headerHidden=True, uniformRowHeights=True)
        self.section_tree.setItemDelegate(SectionDelegate(self.section_tree))
        self.empty_label = QLabel(objectName="emptyStateText", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_button = QPushButton("Clear the filter", objectName="clearFilterButton")
        self._stack = QStackedWidget()
        self._stack.addWidget(self.section_tree)
        self._stack.addWidget(self._empty_state())
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 4, 8)
        column.addWidget(self.filter_edit)
        column.addWidget(self.status_label)
        column.addWidget(self._stack, 1)
        self.show_status("")
        self.following = False  # the tree is moving to follow the text: not the reader choosing a row

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

    def show_empty_state(self, message: str | None) -> None:
        """Replace the tree by *message* and a clear button, or bring the tree back with None."""
        if message is None:
            self._stack.setCurrentWidget(self.section_tree)
            return
        self.empty_label.setText(message)
        self._stack.setCurrentIndex(1)

    @property
    def showing_empty_state(self) -> bool:
        """True while the empty state replaces the tree."""
        return self._stack.currentIndex() == 1

    def _empty_state(self) -> QWidget:
        page = QWidget(objectName="emptyState")
        column = QVBoxLayout(page)
        column.addStretch(1)
        column.addWidget(self.empty_label)
        column.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        return page
