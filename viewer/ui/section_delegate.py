"""Draws a tree row's hit count as a badge at its right edge, so eliding a long title never hides it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

HITS_ROLE = Qt.ItemDataRole.UserRole + 10
_BADGE_COLOR = QColor("#fff176")
_FUZZY_BADGE_COLOR = QColor("#e4e7eb")
_RANK_BADGE_COLOR = QColor("#c5e1f5")


class SectionDelegate(QStyledItemDelegate):
    """A title, and when the row has hits, a rounded badge: its hit count ('3', or '≈3' when approximate)
    or, for a question's answer, its place by relevance ('#1')."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        badge = index.data(HITS_ROLE)
        if not badge:
            super().paint(painter, option, index)
            return
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
        painter.setBrush(_badge_color(badge))
        painter.drawRoundedRect(badge_rect, badge_rect.height() / 2, badge_rect.height() / 2)
        painter.setPen(option.palette.color(option.palette.ColorRole.Text))
        painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        painter.restore()


def _badge_color(badge: str) -> QColor:
    if badge.startswith("#"):
        return _RANK_BADGE_COLOR
    return _FUZZY_BADGE_COLOR if badge.startswith("≈") else _BADGE_COLOR
