"""Reading places in the text pane: where the reader is as (section, characters into it), and back to a scroll position.

A place counted in characters from the section's heading survives what pixels do not: another window
width, another text size, an article reflowed by a restart.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QTextCursor

from viewer.ui.article_view import ArticleView

_TOP_TOLERANCE_PX = 4  # a heading this close below the top already counts as "at the top"


def place_at(view: ArticleView, y: float, anchor: str = "") -> tuple[str, int]:
    """The place at document position *y* (the top of the pane when *y* is its scroll value): the section being
    read (*anchor*, else the one whose text is there), and how many characters into it the line there starts."""
    anchor = anchor or view.headings.section_at(y + _TOP_TOLERANCE_PX)
    heading_y = view.headings.top(anchor) if anchor else None
    if heading_y is None:
        return anchor, 0
    return anchor, max(0, _position_at(view, y + 1) - _position_at(view, heading_y + 1))


def scroll_for(view: ArticleView, anchor: str, characters: int) -> int | None:
    """The scroll value that puts the line *characters* into section *anchor* at the top; None if it is not in the pane."""
    heading_y = view.headings.top(anchor)
    if heading_y is None:
        return None
    if characters <= 0:
        return round(heading_y)
    document = view.document()
    position = min(_position_at(view, heading_y + 1) + characters, document.characterCount() - 1)
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    block = cursor.block()
    top = document.documentLayout().blockBoundingRect(block).top()
    line = block.layout().lineForTextPosition(cursor.positionInBlock())
    return round(top + (line.y() if line.isValid() else 0))


def _position_at(view: ArticleView, y: float) -> int:
    frame = view.document().rootFrame().frameFormat()
    x = frame.leftMargin() + view.document().documentMargin() + 1
    return view.document().documentLayout().hitTest(QPointF(x, y), Qt.HitTestAccuracy.FuzzyHit)
