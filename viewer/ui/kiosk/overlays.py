"""What lies over the viewer in a kiosk: the start screen, the idle countdown, the PIN pad, the on-screen
keyboard and notices. Kept on the viewer's place and size, opened and closed as a visitor and the
administrator need them; Esc closes the one on top.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QToolTip, QWidget

from viewer.core.kiosk_config import KioskConfig
from viewer.ui.kiosk.banners import Notice
from viewer.ui.kiosk.idle import IdleCountdown
from viewer.ui.kiosk.keyboard import OnScreenKeyboard
from viewer.ui.kiosk.pin_pad import PinPad
from viewer.ui.kiosk.start_screen import StartScreen
from viewer.ui.kiosk.viewer_state import ViewerState

KEYBOARD_MARGIN = 24  # between the keys and the bottom of the viewer


class Overlays(QObject):
    """The layers over *viewer*'s main window, children of the kiosk *window*."""

    def __init__(self, window: QWidget, viewer: ViewerState, config: KioskConfig, tick_ms: int) -> None:
        super().__init__(window)
        self._viewer, self._main = viewer, viewer.main
        self.start_screen = StartScreen(window)
        self.countdown = IdleCountdown(window, tick_ms)
        self.keyboard = OnScreenKeyboard(window, self._main.filter_edit)
        self.pin_pad = PinPad(window, config.pin_hash)
        self.notice = Notice(window)
        self._window = window

    def follow_the_viewer(self) -> None:
        """From now on the overlays follow the viewer's place and size."""
        self._main.installEventFilter(self)

    def place(self) -> None:
        """Lay the start screen, the countdown and the PIN pad over the viewer, where it is now."""
        stage = self._main.geometry()
        for overlay in (self.start_screen, self.countdown, self.pin_pad):
            overlay.setGeometry(stage)

    def close_all(self) -> None:
        """Close every overlay and tooltip: nothing of one visitor is left for the next."""
        for overlay_closes in (self.countdown.stop, self.pin_pad.close_pad, self.keyboard.close_keyboard, self.notice.hide):
            overlay_closes()
        QToolTip.hideText()

    def open_pin_pad(self) -> None:
        self.keyboard.close_keyboard()
        self.countdown.stop()
        self.place()
        self.pin_pad.open()

    def start_countdown(self, milliseconds: int) -> None:
        """The "still there?" countdown, over everything but the PIN pad."""
        self.keyboard.close_keyboard()
        self.place()
        self.countdown.start(milliseconds)

    def close_the_top_one(self) -> bool:
        """Esc: close the PIN pad or the keyboard, whichever is open; False when neither was."""
        if self.pin_pad.isVisible():
            self.pin_pad.close_pad()
        elif self.keyboard.isVisible():
            self.keyboard.close_keyboard()
        else:
            return False
        return True

    def tell(self, text: str) -> None:
        """A short notice over the viewer (a refused link, a print sent)."""
        self.notice.tell(text, self._main)

    def offer_keyboard(self) -> None:
        """The search box was touched: the keys come up, unless the start screen or the PIN pad is in the way."""
        if not self.start_screen.isVisible() and not self.pin_pad.isVisible():
            self._open_keyboard()

    def _open_keyboard(self) -> None:
        # Room for the line under the search box that counts what was found, so it shows above the keys.
        room = self._viewer.status_line_height()
        if not self._keyboard_fits_below(room):
            self._viewer.hide_the_chips()  # a low screen: the keys must never cover the search box
        self.keyboard.open_below(self._main, room)

    def _keyboard_fits_below(self, room: int) -> bool:
        edit = self._main.filter_edit
        top = edit.mapTo(self._window, edit.rect().bottomLeft()).y() + room
        return top + self.keyboard.sizeHint().height() + KEYBOARD_MARGIN <= self._main.geometry().bottom()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._main and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self.place()
            if self.keyboard.isVisible():
                self._open_keyboard()
        return False
