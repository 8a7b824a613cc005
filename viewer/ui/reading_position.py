"""Which section the reader is in: it follows the scroll bar, and moves the pane to a section, a hit or a saved place."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QPoint, Signal, Slot
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit

from viewer.ui.heading_map import HeadingMap

TOP_TOLERANCE_PX = 4  # a heading this close below the top already counts as "at the top"


class ReadingPosition(QObject):
    """The section being read in one text pane.

    Signals:
        sectionChanged(str): the reader scrolled another section (this anchor) to the top, or to the end.
    """

    sectionChanged = Signal(str)

    def __init__(self, pane: QTextEdit, headings: HeadingMap) -> None:
        super().__init__(pane)
        self._pane, self._headings = pane, headings
        self._current = ""
        self._moving = False  # the pane is being moved on purpose: no sectionChanged echo
        pane.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    @property
    def current_anchor(self) -> str:
        """The anchor of the section being read."""
        return self._current

    @property
    def scroll(self) -> int:
        """The scroll bar's position, to come back to with :meth:`restore`."""
        return self._pane.verticalScrollBar().value()

    def start(self, anchor: str) -> None:
        """A new document, read from the top of the section *anchor*."""
        self._current = anchor

    @property
    def is_moving(self) -> bool:
        """Whether the program is moving the pane now (scroll changes are not the reader's)."""
        return self._moving

    @contextmanager
    def moving(self) -> Iterator[None]:
        """Scroll changes made inside are the program's, not the reader's."""
        self._moving = True
        try:
            yield
        finally:
            self._moving = False

    def go_to(self, anchor: str) -> bool:
        """Scroll the heading of *anchor* to the top; False (and nothing moves) if it is not in the pane yet."""
        first = self._headings.anchors[0] if self._headings.anchors else ""
        top = 0.0 if anchor == first else self._headings.top(anchor)  # the very top, margin included
        if top is None:
            return False
        self._scroll_to(top)
        self._current = anchor
        return True

    def reveal(self, position: int, anchor: str) -> None:
        """Scroll a document position into the upper third of the pane, in the section *anchor*."""
        line_top = self._line_top(position)  # a block never laid out (the pane not shown yet) has no lines: its top
        self._scroll_to(line_top - self._pane.viewport().height() / 3, reach=line_top)
        self._current = anchor

    def restore(self, scroll: int, anchor: str) -> None:
        """Go back to a scroll position saved earlier, reading *anchor*."""
        with self.moving():
            self._pane.verticalScrollBar().setValue(scroll)
        self._current = anchor

    @contextmanager
    def top_line_kept(self) -> Iterator[None]:
        """The line at the top of the pane is at the top again after whatever is done inside
        (the text changing size around it, say)."""
        if self.scroll <= 0:
            yield
            return
        position = self._pane.cursorForPosition(QPoint(0, 0)).position()
        above = self.scroll - self._line_top(position)  # how much of that line was scrolled past
        try:
            yield
        finally:
            self._scroll_to(self._line_top(min(position, self._pane.document().characterCount() - 1)) + above)

    def _line_top(self, position: int) -> float:
        document = self._pane.document()
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        top = document.documentLayout().blockBoundingRect(cursor.block()).top()
        line = cursor.block().layout().lineForTextPosition(cursor.positionInBlock())
        return top + line.y() if line.isValid() else top

    def section_at_top(self) -> str:
        """The anchor of the last heading at or above the top of the pane."""
        return self._headings.section_at(self.scroll + TOP_TOLERANCE_PX)

    def section_being_read(self) -> str:
        """The section at the top; at the very end, where the last sections can never reach the top,
        the last one on screen (as documentation sites' scroll-spies do)."""
        bar = self._pane.verticalScrollBar()
        if bar.maximum() > 0 and bar.value() >= bar.maximum():
            on_screen = self.visible_sections()
            if on_screen:
                return on_screen[-1]
        return self.section_at_top()

    def visible_sections(self) -> list[str]:
        """Anchors of the sections that have text in the pane, top to bottom."""
        return self._headings.sections_between(self.scroll, self.scroll + self._pane.viewport().height())

    def _scroll_to(self, y: float, reach: float | None = None) -> None:
        bar = self._pane.verticalScrollBar()
        if max(y, reach or y) > bar.maximum():
            # Qt lays a long document out lazily and tells the scroll bar how far it got only now and then:
            # a jump further down than that would stop short. Its real size, not the place asked for: a range
            # widened by hand let a short article scroll past its end and snapped the tree back to the top.
            layout = self._pane.document().documentLayout()
            layout.documentSizeChanged.emit(layout.documentSize())
        with self.moving():
            bar.setValue(round(y))

    @Slot()
    def _on_scrolled(self) -> None:
        if self._moving:
            return
        anchor = self.section_being_read()
        if anchor and anchor != self._current:
            self._current = anchor
            self.sectionChanged.emit(anchor)
