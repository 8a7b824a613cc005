"""The article's section tree as a Qt item model, built once per article.

A QStandardItemModel rather than a Python QAbstractItemModel: the filter proxy and the tree walk
every row on each keystroke, and with the rows in C++ a 10,000-section article never calls back
into Python for that walk.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from viewer.core.article import Article, Section
from viewer.ui import plain_text

ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 1
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 2
MATCH_ROLE = Qt.ItemDataRole.UserRole + 3  # tag of the search that shows or hides this row (see tag_shown)

_Index = QModelIndex | QPersistentModelIndex


class QtSectionModel(QStandardItemModel):
    """One read-only item per section, nested as in the article."""

    def __init__(self, article: Article, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._article = article
        self._items: list[QStandardItem] = []
        self._tagged: set[int] = set()  # the rows holding self._tag
        self._hiding = False  # whether the tagged rows are the ones hidden rather than shown
        self._generation, self._tag = 0, ""
        self._parents = [section.parent.number if section.parent else -1 for section in article.sections]
        read_only = QStandardItem().flags() & ~Qt.ItemFlag.ItemIsEditable  # setFlags: 3 times faster than setEditable
        for section in article.sections:
            item = _section_item(section, read_only)
            owner = self._items[section.parent.number] if section.parent else self.invisibleRootItem()
            owner.appendRow(item)
            self._items.append(item)

    def section(self, index: _Index) -> Section | None:
        """The section at *index*, or None for the invisible root."""
        number = index.data(NUMBER_ROLE) if index.isValid() else None
        return self._article.sections[number] if number is not None else None

    def index_for(self, section: Section) -> QModelIndex:
        """The model index of *section*."""
        return self._items[section.number].index()

    def tag_shown(self, numbers: Iterable[int]) -> str:
        """Tag rows so that the sections *numbers* and their ancestors can be shown; return the
        filter pattern (on MATCH_ROLE) that shows exactly those.

        Quietly: the filter re-reads the rows once afterwards. The cost is one setData per row
        tagged or untagged, so of three ways the cheapest is taken: re-tag only the rows that
        changed; tag the rows to show with a fresh tag; or tag the rows to hide with a fresh tag.
        Rows tagged before keep their old tag: it matches nothing any more.
        """
        shown = self._with_ancestors(numbers)
        hidden_count = len(self._items) - len(shown)
        same_way = self._hidden(shown) if self._hiding else shown
        gained, lost = same_way - self._tagged, self._tagged - same_way
        if len(gained) + len(lost) <= min(len(shown), hidden_count) and self._tag:
            self._set_tags(gained, self._tag)
            self._set_tags(lost, "")
        else:
            self._generation += 1
            self._tag = f"{self._generation:012d}"  # one width for all tags: none starts another
            self._hiding = hidden_count < len(shown)
            same_way = self._hidden(shown) if self._hiding else shown
            self._set_tags(same_way, self._tag)
        self._tagged = same_way
        return f"^(?!{self._tag})" if self._hiding else f"^{self._tag}"

    def _set_tags(self, numbers: Iterable[int], tag: str) -> None:
        items, set_data, role = self._items, QStandardItem.setData, int(MATCH_ROLE)
        self.blockSignals(True)
        try:
            for number in numbers:
                set_data(items[number], tag, role)
        finally:
            self.blockSignals(False)

    def _with_ancestors(self, numbers: Iterable[int]) -> set[int]:
        shown = set(numbers)
        added, parents = shown, self._parents
        while added:  # a level at a time: set operations, no Python loop per section and ancestor
            added = {parents[number] for number in added}.difference(shown)
            added.discard(-1)
            shown |= added
        return shown

    def _hidden(self, shown: set[int]) -> set[int]:
        return set(range(len(self._items))).difference(shown)


def _section_item(section: Section, flags: Qt.ItemFlag) -> QStandardItem:
    item = QStandardItem(plain_text.one_line(section.title))
    item.setFlags(flags)
    item.setToolTip(plain_text.tooltip(section.title))
    item.setData(section.anchor, ANCHOR_ROLE)
    item.setData(section.number, NUMBER_ROLE)
    return item
