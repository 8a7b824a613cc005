"""Styling the text already in the pane: the style sheet's heading sizes, and a new theme or text size.

Qt's HTML import keeps no style sheet: it writes each piece of text's colour and size into formats.
A new style sheet only styles text imported after it, so the text already there is restyled here,
format by format, as importing it afresh would have styled it (a test compares the two). Importing
again instead would cost as much as the first time and lose the reader's place and the search marks.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager

from PySide6.QtCore import QObject, QPoint, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextCursor, QTextFormat, QTextFrame, QTextTable
from PySide6.QtWidgets import QTextEdit

from viewer.core.stylesheets import StyleChange

SLICE_S = 0.010  # restyling yields to typing and painting this often: well inside one frame
_BACK_TO_THE_TOP = object()  # a step that marks where restyling goes on from the top of the article
_SIZE = QTextFormat.Property.FontPointSize
_ADJUSTMENT = QTextFormat.Property.FontSizeAdjustment
_FOREGROUND = QTextFormat.Property.ForegroundBrush
_BACKGROUND = QTextFormat.Property.BackgroundBrush
_BORDER = QTextFormat.Property.FrameBorderBrush


def honour_style_sheet_sizes(blocks: Iterable[QTextBlock]) -> None:
    """Let the style sheet's font-size count in the heading *blocks*.

    Qt's HTML import gives ``h1``…``h6`` a relative size (FontSizeAdjustment: an h1 twice the pane's
    font, an h3 1.2 times) and keeps it beside the style sheet's point size; when a format has both,
    Qt draws the relative one. A browser lets the style sheet win: so the relative one goes.
    """
    for block in blocks:
        cursor = QTextCursor(block)
        block_format = cursor.blockCharFormat()
        if block_format.hasProperty(_ADJUSTMENT) and block_format.hasProperty(_SIZE):
            block_format.clearProperty(_ADJUSTMENT)
            cursor.setBlockCharFormat(block_format)
        for start, length, char_format in _fragments(block):
            if char_format.hasProperty(_ADJUSTMENT) and char_format.hasProperty(_SIZE):
                char_format.clearProperty(_ADJUSTMENT)
                _select(cursor, start, length).setCharFormat(char_format)


class Restyler(QObject):
    """Applies a StyleChange to the text of one pane: what is on screen at once, the rest in slices.

    The line at the top of the pane stays at the top while the text around it changes size.

    Signals:
        finished(): every piece of text that was in the pane is restyled.
    """

    finished = Signal()

    def __init__(self, pane: QTextEdit, top_line_kept: Callable[[], AbstractContextManager[None]]) -> None:
        """*top_line_kept* makes a context in which the line at the top of the pane stays there."""
        super().__init__(pane)
        self._pane, self._top_line_kept = pane, top_line_kept
        self._steps: Iterator[object] | None = None
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._restyle_a_slice)

    @property
    def busy(self) -> bool:
        return self._steps is not None

    def restyle(self, change: StyleChange) -> None:
        """Restyle the text in the pane now by *change* (text added later comes styled already)."""
        self.finish()
        if change.is_empty or self._pane.document().isEmpty():
            return
        self._steps = self._restyle_steps(change)
        self._restyle_a_slice()

    def finish(self) -> None:
        """Restyle at once whatever a restyle under way has left."""
        self._restyle_until(None)

    def cancel(self) -> None:
        """Stop: the text is being replaced."""
        self._timer.stop()
        if self._steps is not None:
            self._steps.close()
            self._steps = None

    @Slot()
    def _restyle_a_slice(self) -> None:
        if not self._restyle_until(time.perf_counter() + SLICE_S):
            self._timer.start()

    def _restyle_until(self, deadline: float | None) -> bool:
        """Restyle until *deadline* (None: to the end) in edits of their own; True when nothing is left.

        Qt lays out again, at the end of an edit, the stretch of text from its first change to its last: an
        edit per slice, each a stretch of a few blocks, never one from the top to the end of the article
        (a whole new layout of the text above the reader, the second of the window's stalls).
        """
        while self._steps is not None:
            with self._top_line_kept(), self._one_edit():
                for step in self._steps:
                    if step is _BACK_TO_THE_TOP:
                        break  # the next edit starts at the top of the article: a stretch of its own
                    if deadline is not None and time.perf_counter() >= deadline:
                        return False
        return True

    @contextmanager
    def _one_edit(self) -> Iterator[None]:
        cursor = QTextCursor(self._pane.document())
        cursor.beginEditBlock()
        try:
            yield
        finally:
            cursor.endEditBlock()

    def _restyle_steps(self, change: StyleChange) -> Iterator[object]:
        document = self._pane.document()
        end = document.characterCount()  # text added after this point comes in the new style
        first = self._pane.cursorForPosition(QPoint(0, 0)).block()
        cursor, frames_done = QTextCursor(document), set()
        for block in _blocks(first, end):
            _restyle_block(cursor, block, change)
            _restyle_frames_around(cursor, block, change, frames_done)
            yield None
        yield _BACK_TO_THE_TOP
        for block in _blocks(document.begin(), first.position()):
            _restyle_block(cursor, block, change)
            _restyle_frames_around(cursor, block, change, frames_done)
            yield None
        self._steps = None
        self.finished.emit()


def _blocks(first: QTextBlock, end: int) -> Iterator[QTextBlock]:
    block = first
    while block.isValid() and block.position() < end:
        yield block
        block = block.next()


def _fragments(block: QTextBlock) -> Iterator[tuple[int, int, QTextCharFormat]]:
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid():
            yield fragment.position(), fragment.length(), fragment.charFormat()
        iterator += 1


def _select(cursor: QTextCursor, start: int, length: int) -> QTextCursor:
    cursor.setPosition(start)
    cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
    return cursor


def _restyle_block(cursor: QTextCursor, block: QTextBlock, change: StyleChange) -> None:
    cursor.setPosition(block.position())
    block_format = block.blockFormat()
    if _recolour(block_format, _BACKGROUND, change.colours["background-color"]):
        cursor.setBlockFormat(block_format)
    block_char_format = cursor.blockCharFormat()
    if _restyle_text(block_char_format, change):
        cursor.setBlockCharFormat(block_char_format)
    for start, length, char_format in _fragments(block):
        if _restyle_text(char_format, change):
            _select(cursor, start, length).setCharFormat(char_format)


def _restyle_text(char_format: QTextCharFormat, change: StyleChange) -> bool:
    changed = _recolour(char_format, _FOREGROUND, change.colours["color"])
    changed = _recolour(char_format, _BACKGROUND, change.colours["background-color"]) or changed
    if change.size_factor != 1.0 and char_format.hasProperty(_SIZE):
        char_format.setFontPointSize(round(char_format.fontPointSize() * change.size_factor, 4))
        changed = True
    return changed


def _recolour(text_format: QTextFormat, brush_property: QTextFormat.Property, colours: dict[str, str]) -> bool:
    if not colours or not text_format.hasProperty(brush_property):
        return False
    brush = text_format.brushProperty(brush_property)
    new = colours.get(brush.color().name())
    if new is None:
        return False
    brush.setColor(QColor(new))
    text_format.setProperty(brush_property, brush)
    return True


def _restyle_frames_around(cursor: QTextCursor, block: QTextBlock, change: StyleChange, done: set[tuple[int, int]]) -> None:
    """The frames *block* is in (tables, which keep their background and border colours on the table, and a
    header's on its cell), each once: with the first of their blocks restyled, so in the same edit."""
    cursor.setPosition(block.position())
    frame, root = cursor.currentFrame(), block.document().rootFrame()
    while frame is not None and frame != root and (frame.firstPosition(), frame.lastPosition()) not in done:
        done.add((frame.firstPosition(), frame.lastPosition()))
        _restyle_frame(frame, change)
        frame = frame.parentFrame()


def _restyle_frame(frame: QTextFrame, change: StyleChange) -> None:
    frame_format = frame.frameFormat()
    recoloured = _recolour(frame_format, _BACKGROUND, change.colours["background-color"])
    if _recolour(frame_format, _BORDER, change.colours["border-color"]) or recoloured:
        frame.setFrameFormat(frame_format)
    if isinstance(frame, QTextTable):
        _restyle_cells(frame, change)


def _restyle_cells(table: QTextTable, change: StyleChange) -> None:
    seen = set()
    for row in range(table.rows()):
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            if (cell.row(), cell.column()) in seen:
                continue  # a cell spanning several: once, or its colour would be changed twice
            seen.add((cell.row(), cell.column()))
            cell_format = cell.format()
            if _recolour(cell_format, _BACKGROUND, change.colours["background-color"]):
                cell.setFormat(cell_format)
