"""The article's section tree as a Qt item model, built once per article.

A QStandardItemModel rather than a Python QAbstractItemModel: the filter proxy and the tree walk
every row on each keystroke, and with the rows in C++ a 10,000-section article never calls back
into Python for that walk.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from viewer.core.article import Article, Section

ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 1
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 2
MATCH_ROLE = Qt.ItemDataRole.UserRole + 3  # "1" for a section the current search found, else "0"

_Index = QModelIndex | QPersistentModelIndex


class QtSectionModel(QStandardItemModel):
    """One read-only item per section, nested as in the article."""

    def __init__(self, article: Article, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._article = article
        self._items: list[QStandardItem] = []
        self._matching: set[int] = set()  # every section matches until a search says otherwise
        for section in article.sections:
            item = _section_item(section)
            owner = self._items[section.parent.number] if section.parent else self.invisibleRootItem()
            owner.appendRow(item)
            self._items.append(item)
        self._matching = self.all_numbers()

    def all_numbers(self) -> set[int]:
        """The numbers of every section."""
        return set(range(len(self._items)))

    def section(self, index: _Index) -> Section | None:
        """The section at *index*, or None for the invisible root."""
        number = index.data(NUMBER_ROLE) if index.isValid() else None
        return self._article.sections[number] if number is not None else None

    def index_for(self, section: Section) -> QModelIndex:
        """The model index of *section*."""
        return self._items[section.number].index()

    def mark_matching(self, numbers: set[int]) -> None:
        """Set MATCH_ROLE on the sections that changed; quietly: the proxy re-filters once afterwards."""
        self.blockSignals(True)
        try:
            for number in numbers ^ self._matching:
                self._items[number].setData("1" if number in numbers else "0", MATCH_ROLE)
        finally:
            self.blockSignals(False)
        self._matching = set(numbers)


def _section_item(section: Section) -> QStandardItem:
    item = QStandardItem(section.title)
    item.setEditable(False)
    item.setToolTip(section.title)
    item.setData(section.anchor, ANCHOR_ROLE)
    item.setData(section.number, NUMBER_ROLE)
    item.setData("1", MATCH_ROLE)
    return item
