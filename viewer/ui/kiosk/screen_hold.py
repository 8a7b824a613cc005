"""Holding the screen: the kiosk window stays full screen, in front, and open while kiosk mode lasts."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger("viewer.kiosk")


class ScreenHold(QObject):
    """Keeps *window* covering its screen and in front while *holding()* is true, and refuses to close it.

    Alt+F4, a window manager's close button or a session asking to close: the kiosk stays. Minimised, made
    smaller or covered by something: it comes back.
    """

    def __init__(self, window: QWidget, holding: Callable[[], bool]) -> None:
        super().__init__(window)
        self._window, self._holding = window, holding
        window.installEventFilter(self)

    def fill_the_screen(self) -> None:
        """Full screen, also where nothing makes it so: an X11 session with no window manager ignores the
        full-screen request, so the window is given the screen's geometry itself first."""
        window = self._window
        screen = window.screen() or QApplication.primaryScreen()
        if screen is not None:
            window.setGeometry(screen.geometry())
        window.showFullScreen()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._window or not self._holding():
            return False
        kind = event.type()
        if kind == QEvent.Type.Close:
            log.info("refused to close the kiosk window")
            event.ignore()
            return True
        if kind == QEvent.Type.WindowStateChange and not self._window.isFullScreen():
            QTimer.singleShot(0, self, self.fill_the_screen)
        elif kind == QEvent.Type.ActivationChange and not self._window.isActiveWindow():
            QTimer.singleShot(0, self, self._come_back_to_front)
        return False

    def _come_back_to_front(self) -> None:
        if self._holding() and QApplication.activePopupWidget() is None:
            self._window.raise_()
            self._window.activateWindow()
