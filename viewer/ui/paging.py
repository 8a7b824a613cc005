"""Paging through the article a screen at a time without skipping a line.

A page is the pane's height, less the line the edge cuts: that line comes whole at the other edge of
the next page. At large text a line is a tenth of the pane, and a full page lost a line at every step.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeyEvent, QTextBlock
from PySide6.QtWidgets import QTextEdit


def paging_direction(event: QKeyEvent) -> bool | None:
    """True for a page down (Page Down, Space), False for a page up (Page Up, Shift+Space), None for other keys."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() == Qt.Key.Key_Space and modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
        return modifiers == Qt.KeyboardModifier.NoModifier
    if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and modifiers == Qt.KeyboardModifier.NoModifier:
        return event.key() == Qt.Key.Key_PageDown
    return None


def page_step(view: QTextEdit, forward: bool) -> int:
    """How far a page down (*forward*) or up scrolls *view*, in pixels."""
    height = view.viewport().height()
    edge = height if forward else 0
    cut = _line_across(view, edge)
    step = height
    if cut is not None:
        top, bottom = cut
        step = math.floor(top if forward else height - bottom)  # lines sit at fractions of a pixel: never short of whole
        step = step if 0 < step <= height else height  # a line taller than the pane: a whole page
    bar = view.verticalScrollBar()
    left = bar.maximum() - bar.value() - step
    if forward and 0 < left <= _blank_below_the_text(view):
        step += left  # only the document's margin would be left for another page: the end, where the tree shows the last section
    return step


def _blank_below_the_text(view: QTextEdit) -> float:
    """The height of the margin under the article's last line of text."""
    document = view.document()
    lines = _lines(view, document.lastBlock())
    if not lines:
        return 0.0
    return document.documentLayout().documentSize().height() - (lines[-1][1] + view.verticalScrollBar().value())


def _line_across(view: QTextEdit, edge: int) -> tuple[float, float] | None:
    """The top and bottom, in the pane, of a line of text that *edge* cuts in two; None when no line is cut."""
    probe = QPoint(view.viewport().width() // 2, min(max(edge, 0), view.viewport().height() - 1))
    block = view.cursorForPosition(probe).block()
    for candidate in (block.previous(), block, block.next()):  # the edge may fall in the gap beside the block hit
        for top, bottom in _lines(view, candidate):
            if top < edge < bottom:
                return top, bottom
    return None


def _lines(view: QTextEdit, block: QTextBlock) -> list[tuple[float, float]]:
    if not block.isValid() or block.layout() is None:
        return []
    offset = view.document().documentLayout().blockBoundingRect(block).top() - view.verticalScrollBar().value()
    layout = block.layout()
    return [
        (offset + layout.lineAt(n).y(), offset + layout.lineAt(n).y() + layout.lineAt(n).height())
        for n in range(layout.lineCount())
    ]
