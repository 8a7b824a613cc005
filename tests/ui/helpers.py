"""Finding things on screen the way a user would point at them."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTreeView


def visible_titles(tree: QTreeView) -> list[str]:
    """Every row title the tree shows, top to bottom (expanded rows only)."""
    titles: list[str] = []

    def visit(parent: QModelIndex) -> None:
        model = tree.model()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            titles.append(index.data(Qt.ItemDataRole.DisplayRole))
            if tree.isExpanded(index):
                visit(index)

    visit(QModelIndex())
    return titles


def find_row(tree: QTreeView, title_start: str) -> QModelIndex:
    """The index of the first visible row whose title starts with *title_start*."""
    model = tree.model()
    matches = model.match(
        model.index(0, 0), Qt.ItemDataRole.DisplayRole, title_start, 1, Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive
    )
    assert matches, f"no row starting with {title_start!r}"
    return matches[0]


def click_row(qtbot, tree: QTreeView, title_start: str) -> QModelIndex:
    """Click the middle of a row, like a user."""
    index = find_row(tree, title_start)
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return index
