"""Where the window opens: sized to the screen it opens on, or where it was if that still fits a screen."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSize, QTimer
from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

PREFERRED_SIZE = QSize(1200, 820)  # room for the tree and about 75 characters of article text
SCREEN_SHARE = 0.9  # of the screen's free area at most: the desktop's own bars and a margin stay visible


def place_on_screen(window: QWidget, screen: QScreen | None = None) -> None:
    """Give *window* its preferred size, or less to fit *screen* (the one under the mouse), centred on it."""
    screen = screen or QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
    free = screen.availableGeometry()
    size = PREFERRED_SIZE.boundedTo(QSize(int(free.width() * SCREEN_SHARE), int(free.height() * SCREEN_SHARE)))
    window.resize(size)
    if not window.isVisible():
        # Showing it may make it larger: the layout's minimum is still a roomy window's. Once shown at
        # this size the layout fits a small screen (viewer.ui.adaptive_layout): then the size can be had.
        _AgainWhenShown(window, size, screen)
    _centre(window, free)


def size_dialog(dialog: QWidget, preferred: QSize) -> None:
    """Give *dialog* its *preferred* size, or less to fit the free area of its parent's screen (a 1024×600 kiosk
    screen, a laptop at 200 %): its buttons must stay on screen; its lists and texts scroll instead."""
    parent = dialog.parentWidget()
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    free = screen.availableGeometry()
    room = QSize(int(free.width() * SCREEN_SHARE), int(free.height() * SCREEN_SHARE))
    dialog.resize(preferred.boundedTo(room).expandedTo(dialog.minimumSizeHint().boundedTo(room)))


def _centre(window: QWidget, free: QRect) -> None:
    size = window.size()
    frame = window.frameGeometry()  # the title bar and borders, where the window system says
    outer = QSize(size.width() + frame.width() - window.width(), size.height() + frame.height() - window.height())
    placed = QRect(free.topLeft(), outer)
    placed.moveCenter(free.center())
    window.move(placed.topLeft())


def restore_geometry(window: QWidget, saved: QByteArray) -> bool:
    """Put *window* where it was (``saveGeometry()``) if that fits a screen connected now; else place it afresh.

    Returns whether the saved place was used.
    """
    if not saved.isEmpty() and window.restoreGeometry(saved) and fits_a_screen(window.geometry()):
        for pending in window.findChildren(_AgainWhenShown):
            pending.cancel()  # the place it was in is the place it takes
        return True
    place_on_screen(window)
    return False


def fits_a_screen(area: QRect) -> bool:
    """Whether *area* lies within the free area of one of the screens connected now."""
    return any(screen.availableGeometry().contains(area) for screen in QGuiApplication.screens())


class _AgainWhenShown(QObject):
    """Sizes and centres a window once more when it is first shown."""

    def __init__(self, window: QWidget, size: QSize, screen: QScreen) -> None:
        super().__init__(window)
        for earlier in window.findChildren(_AgainWhenShown):
            if earlier is not self:
                earlier.cancel()
        self._size, self._screen = size, screen
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            minimum = watched.minimumSizeHint()
            if minimum.width() > self._size.width() or minimum.height() > self._size.height():
                QTimer.singleShot(0, lambda: self._place(watched))  # only what the layout's minimum spoiled
            else:
                self.deleteLater()  # the size is as placed, or as someone set it since
        return False

    def cancel(self) -> None:
        self.parent().removeEventFilter(self)
        self.deleteLater()

    def _place(self, window: QWidget) -> None:
        if window.size() != self._size:
            window.resize(self._size)
            _centre(window, self._screen.availableGeometry())
        self.deleteLater()
