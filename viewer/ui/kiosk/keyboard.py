"""An on-screen keyboard for the search box: a kiosk cannot count on a system keyboard, and Qt's is not bundled."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
# Name on the key: (row, first column, columns) in a grid of 20 half-key columns, and what a screen reader says.
_SPECIAL_KEYS = {
    "⌫": ((3, 16, 4), "Backspace"),
    "Clear": ((4, 0, 4), "Clear the search"),
    "Space": ((4, 4, 12), "Space"),
    "Done": ((4, 16, 4), "Done: hide the keyboard"),
}
_COLUMNS = 20
_GAP_PX = 6
NARROWEST_PX = 600  # keys wide enough for a fingertip, and as little of the article covered as that allows


class OnScreenKeyboard(QWidget):
    """Letters, digits, space, backspace, clear and done, typed into one line edit as real key presses.

    Signals:
        openingRequested(): the search box was touched while the keyboard was hidden.
        closed(): Done was pressed (or the keyboard was hidden for another reason).
    """

    openingRequested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget, target: QLineEdit) -> None:
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.target = target
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 10, 10, 10)
        grid.setSpacing(_GAP_PX)
        for row, letters in enumerate(ROWS):
            step_in = {2: 1, 3: 2}.get(row, 0)  # the lower letter rows step in, as on a real keyboard
            for column, letter in enumerate(letters):
                grid.addWidget(self._key(letter, letter), row, 2 * column + step_in, 1, 2)
        for name, ((row, column, span), description) in _SPECIAL_KEYS.items():
            grid.addWidget(self._key(name, description), row, column, 1, span)
        for column in range(_COLUMNS):
            grid.setColumnStretch(column, 1)
        target.installEventFilter(self)
        self.hide()

    def _key(self, name: str, description: str) -> QPushButton:
        key = QPushButton(name, objectName="keyboardKey", focusPolicy=Qt.FocusPolicy.NoFocus)  # the search box keeps focus
        key.setAccessibleName(description)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        key.setAutoRepeat(name == "⌫")
        key.clicked.connect(lambda: self.press(name))
        self.keys[name] = key
        return key

    def press(self, name: str) -> None:
        """What the key called *name* does."""
        if name == "Done":
            self.close_keyboard()
        elif name == "Clear":
            self.target.selectAll()
            self._send(Qt.Key.Key_Backspace, "")
        elif name == "⌫":
            self._send(Qt.Key.Key_Backspace, "")
        elif name == "Space":
            self._send(Qt.Key.Key_Space, " ")
        else:
            self._send(Qt.Key(ord(name.upper())), name)

    def _send(self, key: Qt.Key, text: str) -> None:
        """A key press and release into the search box, exactly as a keyboard would give them."""
        self.target.setFocus(Qt.FocusReason.OtherFocusReason)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(self.target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))

    def open_below(self, stage: QWidget, leave_room: int = 0) -> None:
        """Show the keyboard under the search box, *leave_room* pixels lower, inside *stage* (a sibling of it)."""
        parent = self.parentWidget()
        below = self.target.mapTo(parent, QPoint(0, self.target.height() + _GAP_PX + leave_room))
        area = stage.geometry()
        width = min(max(self.sizeHint().width(), self.target.width(), NARROWEST_PX), area.width() - 24)
        height = self.sizeHint().height()
        x = max(area.left() + 12, min(below.x(), area.right() - 12 - width))
        y = min(below.y(), area.bottom() - height - 12)
        self.setGeometry(x, y, width, height)
        self.raise_()
        if not self.isVisible():
            self.show()
            QApplication.instance().installEventFilter(self)  # a touch anywhere else puts it away

    def close_keyboard(self) -> None:
        if self.isVisible():
            QApplication.instance().removeEventFilter(self)
            self.hide()
            self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.MouseButtonPress or not isinstance(watched, QWidget):
            return False
        on_the_box = watched is self.target or self.target.isAncestorOf(watched)
        if not self.isVisible():
            if on_the_box:  # a touch on the search box opens the keyboard; the box itself still takes the touch
                self.openingRequested.emit()
        elif not on_the_box and watched is not self and not self.isAncestorOf(watched):
            self.close_keyboard()  # and the touch goes on to what it touched, as on a phone
        return False
