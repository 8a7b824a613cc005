"""The hit counter beside the search box ('Hit 2 of 5'), fitted to the text size and the column's width.

Where the whole wording would leave the search box too little room (large text, a narrow column) it
shows the short '2/5', as browsers' find bars do; its tooltip and accessible name always say it whole.
Its width follows the number of digits and the font, never the hit: stepping re-lays out nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QLineEdit

from viewer.ui import plain_text

ROOM_FOR_TYPING = "Search, or ask"
"""What the search box keeps room for beside the counter, in the box's own font: a few words of a search."""
PADDING = 10  # the label's padding at either side, and a little air


class HitCounter(QObject):
    """Shows the current hit in *label*, beside *box* in the same row of their column."""

    def __init__(self, label: QLabel, box: QLineEdit) -> None:
        super().__init__(label)
        self._label, self._box = label, box
        self._hit: tuple[int, int] | None = None
        label.installEventFilter(self)
        label.parentWidget().installEventFilter(self)

    def show(self, number: int, total: int) -> None:
        """Hit *number* of *total*."""
        from viewer.core.answer_text import hit_position  # the search modules load after the first paint

        self._hit = (number, total)
        whole = hit_position(number, total)
        self._label.setToolTip(plain_text.tooltip(whole))
        self._label.setAccessibleName(whole)
        self._fit()
        self._label.show()

    def clear(self) -> None:
        """No current hit: the counter goes."""
        self._hit = None
        self._label.clear()
        self._label.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        fitting = (QEvent.Type.FontChange, QEvent.Type.StyleChange) if watched is self._label else (QEvent.Type.Resize,)
        if event.type() in fitting and self._hit is not None:
            self._fit()
        return False

    def _fit(self) -> None:
        """The whole wording if the box keeps its room beside it, else the short one; as wide as its widest."""
        from viewer.core.answer_text import hit_position, short_hit_position

        number, total = self._hit
        metrics = self._label.fontMetrics()
        width = metrics.horizontalAdvance(hit_position(total, total)) + PADDING
        if self._row_width() - width < self._box.fontMetrics().horizontalAdvance(ROOM_FOR_TYPING):
            width = metrics.horizontalAdvance(short_hit_position(total, total)) + PADDING
            self._label.setText(short_hit_position(number, total))
        else:
            self._label.setText(hit_position(number, total))
        if self._label.width() != width:  # a fixed size: a new hit asks for no new layout
            self._label.setFixedSize(width, self._label.sizeHint().height())

    def _row_width(self) -> int:
        """The width the box and the counter share: their column's, inside its margins, less the gap between them."""
        column = self._label.parentWidget()
        margins = column.layout().contentsMargins() if column.layout() else None
        inside = column.contentsRect().width() - (margins.left() + margins.right() if margins else 0)
        return inside - (column.layout().spacing() if column.layout() else 0)
