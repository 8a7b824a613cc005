"""Draws a tree row's hit count as a badge at its right edge, so eliding a long title never hides it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyledItemDelegate

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

from viewer.core.themes import LIGHT, Theme

HITS_ROLE = Qt.ItemDataRole.UserRole + 10


class SectionDelegate(QStyledItemDelegate):
    """A title, and when the row has hits, a rounded badge: its hit count ('3', or '≈3' when approximate)
    or, for a question's answer, its place by relevance ('#1')."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.set_theme(LIGHT)

    def set_theme(self, theme: Theme) -> None:
        """Draw badges in *theme*'s colours."""
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
        badge_rect = QRect(0, 0, metrics.horizontalAdvance(badge) + 14, metrics.height() + 2)
        badge_rect.moveCenter(option.rect.center())
        badge_rect.moveRight(option.rect.right() - 4)
        style = option.widget.style() if option.widget else None
        if style is not None:  # the row's selection background runs under the badge too
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        text_option = QStyleOptionViewItem(option)
        text_option.rect = option.rect.adjusted(0, 0, -badge_rect.width() - 8, 0)
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
