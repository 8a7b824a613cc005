"""Draws a tree row: its whole title, word-wrapped to the tree's width, and its hit count as a badge at its right edge.

A title wraps rather than being cut short with "…": at a large text size in a narrow column most titles
would otherwise lose their end, which is often what tells two sections apart ("A. Definition of …").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Slot
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QStyledItemDelegate

from viewer.core.themes import LIGHT, Theme

if TYPE_CHECKING:
    from PySide6.QtGui import QFontMetrics, QPainter
    from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem, QTreeView

HITS_ROLE = Qt.ItemDataRole.UserRole + 10
BADGE_PADDING, BADGE_GAP, BADGE_MARGIN = 14, 8, 4  # inside the badge, between it and the title, after it


class SectionDelegate(QStyledItemDelegate):
    """A title, and when the row has hits, a rounded badge: its hit count ('3', or '≈3' when approximate)
    or, for a question's answer, its place by relevance ('#1')."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._tree: QTreeView | None = None
        self._measured_at = -1  # the column width rows were last measured at; -1: none since the last layout
        self._sizes_for: tuple[int, str] | None = None  # the column width and font the sizes below were measured at
        self._sizes: dict[tuple, QSize] = {}  # by title, badge, font (context rows are italic) and level
        self.set_theme(LIGHT)

    def wrap_titles(self, tree: QTreeView) -> None:
        """Wrap *tree*'s titles to its width, rows as tall as their titles; measured again when it narrows or widens."""
        self._tree = tree
        tree.setWordWrap(True)
        tree.setUniformRowHeights(False)
        tree.header().sectionResized.connect(self._on_column_resized)  # the column follows the tree's width
        # The tree's own scrolling to its current row counts rows, not pixels; this delegate scrolls instead,
        # and not under a pressed pointer (the row pressed is where it shows; moving it would choose another).
        tree.setAutoScroll(False)
        tree.selectionModel().currentChanged.connect(self._show_current_whole)
        tree.scrollTo = self._scroll_to  # and every call from Python (the tree following the text, the tests)

    @Slot(int, int, int)
    def _on_column_resized(self, _column: int, _old: int, new: int) -> None:
        if self._measured_at not in (-1, new):  # rows measured at another width: once more, after this change
            self._measured_at = -1
            self.sizeHintChanged.emit(QModelIndex())

    @Slot(QModelIndex, QModelIndex)
    def _show_current_whole(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._pressed(current):
            self._show_whole(current)

    def _pressed(self, index: QModelIndex) -> bool:
        """Whether *index* is the current row while a mouse button is down: the row pressed, where it shows.
        Scrolling it then would move another row under the pointer, and the release would choose that one."""
        return QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton and index == self._tree.currentIndex()

    def _scroll_to(self, index: QModelIndex, hint: QAbstractItemView.ScrollHint | None = None) -> None:
        from PySide6.QtWidgets import QAbstractItemView, QTreeView  # after the first paint: see paint()

        hint = QAbstractItemView.ScrollHint.EnsureVisible if hint is None else hint
        if hint == QAbstractItemView.ScrollHint.EnsureVisible and self._pressed(index):
            return  # the tree following the pane to the row just pressed: it shows already
        QTreeView.scrollTo(self._tree, index, hint)
        if hint == QAbstractItemView.ScrollHint.EnsureVisible:
            self._show_whole(index)

    def _show_whole(self, index: QModelIndex) -> None:
        """Scroll the row wholly into view, above or below. The tree scrolls by rows and takes a page to hold as many rows
        as its last one: a tall row in the middle would stay cut at the bottom, or below it."""
        from PySide6.QtWidgets import QAbstractItemView, QTreeView

        tree = self._tree
        rect, height = tree.visualRect(index), tree.viewport().height()
        if index.isValid() and rect.top() < 0:
            QTreeView.scrollTo(tree, index, QAbstractItemView.ScrollHint.PositionAtTop)
        elif index.isValid() and rect.bottom() >= height:
            at = (
                QAbstractItemView.ScrollHint.PositionAtBottom
                if rect.height() <= height
                else QAbstractItemView.ScrollHint.PositionAtTop
            )
            QTreeView.scrollTo(tree, index, at)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        if self._tree is None:
            return super().sizeHint(option, index)
        self._measured_at = width = self._tree.columnWidth(0)
        if (width, option.font.key()) != self._sizes_for:  # the tree lays rows out again after every search: measure once
            self._sizes_for, self._sizes = (width, option.font.key()), {}
        level, parent = 0, index.parent()
        while parent.isValid():
            level, parent = level + 1, parent.parent()
        key = (
            index.data(Qt.ItemDataRole.DisplayRole),
            index.data(HITS_ROLE),
            index.data(Qt.ItemDataRole.FontRole) is None,
            level,
        )
        size = self._sizes.get(key)
        if size is None:
            size = self._sizes[key] = self._measure(option, index, level)
        return size

    def _measure(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, level: int) -> QSize:
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        row = QStyleOptionViewItem(option)
        self.initStyleOption(row, index)
        row.rect = QRect(0, 0, max(1, self._text_width(row, index, level)), row.fontMetrics.height())
        # The style wraps a hint to its rect's width, but paints inside the style sheet's padding: measure at that.
        text = self._tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, row, self._tree)
        measured = QStyleOptionViewItem(option)
        measured.rect = QRect(0, 0, max(1, text.width()), 1)
        return super().sizeHint(measured, index)

    def _text_width(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, level: int) -> int:
        """The width the row's title has: the column's, less the indentation of its level and its badge."""
        tree = self._tree
        indent = tree.indentation() * (level + (1 if tree.rootIsDecorated() else 0))
        width = tree.columnWidth(0) - indent
        badge = index.data(HITS_ROLE)
        if badge:
            width -= self._badge_width(option.fontMetrics, badge) + BADGE_GAP
        return width

    @staticmethod
    def _badge_width(metrics: QFontMetrics, badge: str) -> int:
        return metrics.horizontalAdvance(badge) + BADGE_PADDING

    def set_theme(self, theme: Theme) -> None:
        """Draw badges in *theme*'s colours."""
        self._sizes_for = None  # a theme comes with its style sheet: its padding may differ
        colours = theme.colours
        self._badge, self._fuzzy_badge = QColor(colours["badge_bg"]), QColor(colours["fuzzy_badge_bg"])
        self._rank_badge, self._badge_text = QColor(colours["rank_badge_bg"]), QColor(colours["badge_text"])

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        badge = index.data(HITS_ROLE)
        if not badge:
            super().paint(painter, option, index)
            return
        # Imported for the first badge: QStyle's enum classes cost 6 ms that the first paint (no hits yet) need not pay.
        from PySide6.QtGui import QPainter
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        metrics = option.fontMetrics
        badge_rect = QRect(0, 0, self._badge_width(metrics, badge), metrics.height() + 2)
        badge_rect.moveCenter(option.rect.center())
        badge_rect.moveRight(option.rect.right() - BADGE_MARGIN)
        style = option.widget.style() if option.widget else None
        if style is not None:  # the row's selection background runs under the badge too
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        text_option = QStyleOptionViewItem(option)
        text_option.rect = option.rect.adjusted(0, 0, -badge_rect.width() - BADGE_GAP, 0)
        super().paint(painter, text_option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._badge_colour(badge))
        painter.drawRoundedRect(badge_rect, badge_rect.height() / 2, badge_rect.height() / 2)
        painter.setPen(self._badge_text)  # the badge's own colour: the row's may be for a selected row
        painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        painter.restore()

    def _badge_colour(self, badge: str) -> QColor:
        if badge.startswith("#"):
            return self._rank_badge
        return self._fuzzy_badge if badge.startswith("≈") else self._badge
