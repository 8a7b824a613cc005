"""The administrator's way out: a PIN pad on screen, opened by a key chord or a long press in a top corner."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QApplication, QGridLayout, QPushButton, QVBoxLayout, QWidget

from viewer.core.kiosk_pin import MAX_PIN_DIGITS, PinAttempts, verify_pin
from viewer.ui import plain_text

log = logging.getLogger("viewer.kiosk")

LONG_PRESS_MS = 5000
CORNER_PX = 72  # a fingertip's room in each top corner
_MOVE_TOLERANCE_PX = 24
CARD_WIDTH_PX = 440
NO_PIN_TEXT = "No administrator PIN is set, so kiosk mode cannot be left from this screen."


class PinPad(QWidget):
    """Digits on screen, the PIN shown as dots, wrong PINs rate-limited.

    Signals:
        accepted(): the right PIN was entered.
    """

    accepted = Signal()

    def __init__(self, parent: QWidget, pin_hash: str, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # typed digits come here, never into the search box
        self._pin_hash, self.clock = pin_hash, clock  # seconds, monotonic; a test may turn it
        self.setAccessibleName("Administrator PIN pad")
        self.attempts = PinAttempts()
        self._entered = ""
        self._wait_ticker = QTimer(self, interval=1000)
        self._wait_ticker.timeout.connect(self._show_wait)
        self.dots = plain_text.label(objectName="pinDots", alignment=Qt.AlignmentFlag.AlignCenter)
        self.message = plain_text.label(objectName="pinMessage", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.keys: dict[str, QPushButton] = {}
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self._card(), 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(1)
        self.hide()

    def _card(self) -> QWidget:
        card = QWidget(objectName="pinPadCard")
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        card.setFixedWidth(CARD_WIDTH_PX)  # a fixed width lets the wrapped message take the height it needs
        self.keypad = QWidget(objectName="pinKeypad")
        self._grid = grid = QGridLayout(self.keypad)
        grid.setContentsMargins(0, 0, 0, 0)
        for position, name in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]):
            key = self._key(name, {"⌫": "Delete the last digit", "OK": "Enter the PIN"}.get(name, name))
            grid.addWidget(key, position // 3, position % 3)
        self.keypad.setVisible(self.has_pin)  # with no PIN there is nothing to type
        cancel = self._key("Cancel", "Close the PIN pad")
        cancel.setObjectName("pinCancel")
        cancel.setText("Cancel" if self.has_pin else "Close")
        self._column = column = QVBoxLayout(card)
        self.set_compact(False)
        column.addWidget(plain_text.label("Administrator PIN", objectName="pinTitle", alignment=Qt.AlignmentFlag.AlignCenter))
        column.addWidget(self.dots)
        column.addWidget(self.message)
        column.addWidget(self.keypad)
        column.addWidget(cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        self.dots.setVisible(self.has_pin)
        return card

    def set_compact(self, compact: bool) -> None:
        """Closer spacing on a small screen (kiosk.qss makes the keys smaller too): on a 7-inch screen the
        roomy card is taller than the space above the help strip and its keys would overlap."""
        self._column.setContentsMargins(*((28, 12, 28, 12) if compact else (36, 28, 36, 28)))
        self._column.setSpacing(6 if compact else 14)
        self._grid.setSpacing(6 if compact else 10)

    def _key(self, name: str, description: str) -> QPushButton:
        key = QPushButton(name, objectName="pinKey", focusPolicy=Qt.FocusPolicy.NoFocus)
        key.setAccessibleName(description)
        key.clicked.connect(lambda: self.press(name))
        self.keys[name] = key
        return key

    @property
    def has_pin(self) -> bool:
        return bool(self._pin_hash)

    def open(self) -> None:
        """Show the pad, empty, over the screen."""
        self._entered = ""
        self._show_entry()
        self.message.setText("" if self.has_pin else NO_PIN_TEXT)
        self._show_wait()
        self.raise_()
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_pad(self) -> None:
        """Hide the pad and forget what was typed (the wrong-PIN count stays)."""
        self._entered = ""
        self._wait_ticker.stop()
        self.hide()

    def press(self, name: str) -> None:
        """What a key of the pad does: a digit, ⌫, OK or Cancel."""
        if name == "Cancel":
            self.close_pad()
        elif not self.has_pin or self.attempts.wait_left(self.clock()) > 0:
            return
        elif name == "⌫":
            self._entered = self._entered[:-1]
        elif name == "OK":
            self._submit()
        elif len(self._entered) < MAX_PIN_DIGITS:
            self._entered += name
        self._show_entry()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text, key = event.text(), event.key()
        if text.isascii() and text.isdigit() and len(text) == 1:
            self.press(text)
        elif key == Qt.Key.Key_Backspace:
            self.press("⌫")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.press("OK")

    def _submit(self) -> None:
        entered, self._entered = self._entered, ""
        if entered and verify_pin(entered, self._pin_hash):
            log.info("the kiosk was left with the administrator PIN")
            self.attempts.succeeded()
            self.close_pad()
            self.accepted.emit()
            return
        wait = self.attempts.failed(self.clock())
        log.warning("wrong kiosk PIN (%d in a row)", self.attempts.failures)
        self.message.setText("Wrong PIN." if not wait else "")
        self._show_wait()

    def _show_wait(self) -> None:
        wait = self.attempts.wait_left(self.clock())
        for name, key in self.keys.items():
            key.setEnabled(name == "Cancel" or (self.has_pin and not wait))
        if wait:
            self.message.setText(f"Wrong PIN. Try again in {int(-(-wait // 1))} s.")
            self._wait_ticker.start()
        elif self._wait_ticker.isActive():
            self._wait_ticker.stop()
            self.message.setText("")

    def _show_entry(self) -> None:
        self.dots.setText("●" * len(self._entered) if self._entered else "–")


class CornerPress(QObject):
    """Says when a finger (or the mouse) has been held still in a top corner of *window* for *hold_ms*.

    Signals:
        longPressed(): the hold was long enough.
    """

    longPressed = Signal()

    def __init__(self, window: QWidget, hold_ms: int = LONG_PRESS_MS) -> None:
        super().__init__(window)
        self._window = window
        self._timer = QTimer(self, singleShot=True, interval=hold_ms)
        self._timer.timeout.connect(self.longPressed)
        self._start = QPointF()

    def install(self) -> None:
        QApplication.instance().installEventFilter(self)

    def uninstall(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self._timer.stop()

    @property
    def pending(self) -> bool:
        """Whether a press in a corner is being held now."""
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            position = _global_position(event)
            if position is not None and self._in_a_top_corner(position):
                self._start = position
                self._timer.start()
        elif kind in (QEvent.Type.MouseMove, QEvent.Type.TouchUpdate) and self._timer.isActive():
            position = _global_position(event)
            if position is None or (position - self._start).manhattanLength() > _MOVE_TOLERANCE_PX:
                self._timer.stop()
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self._timer.stop()
        return False

    def _in_a_top_corner(self, position: QPointF) -> bool:
        local = self._window.mapFromGlobal(position)
        width = self._window.width()
        return 0 <= local.y() < CORNER_PX and (0 <= local.x() < CORNER_PX or width - CORNER_PX <= local.x() < width)


def _global_position(event: QEvent) -> QPointF | None:
    if isinstance(event, QMouseEvent):
        return event.globalPosition()
    if isinstance(event, QTouchEvent) and event.points():
        return event.points()[0].globalPosition()
    return None
