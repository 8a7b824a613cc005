"""A read-only Qt item model over the article's section tree."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from viewer.core.article import Article, Section

ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 1
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class QtSectionModel(QAbstractItemModel):
    """Adapts :class:`Section` trees to Qt; an index's internal pointer is its section."""

    def __init__(self, article: Article, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._article = article
        # Qt keeps only a raw pointer to each section, so hold the Python objects alive here.
        self._by_number = list(article.sections)
        self._rows = {id(s): row for siblings in self._sibling_lists() for row, s in enumerate(siblings)}

    def section(self, index: _Index) -> Section | None:
        """The section at *index*, or None for the invisible root."""
        return index.internalPointer() if index.isValid() else None

    def index_for(self, section: Section) -> QModelIndex:
        """The model index of *section*."""
        return self.createIndex(self._rows[id(section)], 0, section)

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        children = self._children(parent)
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        section = self.section(child)
        if section is None or section.parent is None:
            return QModelIndex()
        return self.index_for(section.parent)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return len(self._children(parent)) if parent.column() <= 0 else 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        section = self.section(index)
        if section is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return section.title
        if role == ANCHOR_ROLE:
            return section.anchor
        if role == NUMBER_ROLE:
            return section.number
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _sibling_lists(self) -> list[list[Section]]:
        return [self._article.roots, *(s.children for s in self._article.sections)]

    def _children(self, parent: _Index) -> list[Section]:
        section = self.section(parent)
        return self._article.roots if section is None else section.children
