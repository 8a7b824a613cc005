"""Fixtures that open the real kiosk window, with times short enough for a test."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from viewer.core.kiosk_config import KioskConfig
from viewer.ui.kiosk.window import KioskTimes, KioskWindow, build_kiosk

QUICK = KioskTimes(idle_ms=60_000, countdown_ms=60_000, long_press_ms=300, tick_ms=20)


@pytest.fixture
def open_kiosk(qtbot, bundled_article):
    """Open kiosk mode as the program does, shown full screen; it lets go of the application afterwards."""
    opened: list[KioskWindow] = []

    def open_(article=None, times: KioskTimes = QUICK, problems=(), begin: bool = True, **settings) -> KioskWindow:
        window = build_kiosk(article or bundled_article, KioskConfig(kiosk=True, **settings), list(problems), times)
        opened.append(window)
        window.activate()
        qtbot.waitExposed(window)
        if begin:
            qtbot.mouseClick(window.start_screen, Qt.MouseButton.LeftButton)
            assert not window.start_screen.isVisible()
        return window

    yield open_
    for window in opened:
        window.deactivate()
        window.close()
        window.deleteLater()
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()


@pytest.fixture
def kiosk(open_kiosk):
    """Kiosk mode on the bundled article, past its start screen."""
    return open_kiosk()


def center_of(widget, window) -> QPoint:
    """Where *widget*'s middle is on *window*."""
    return widget.mapTo(window, widget.rect().center())


def widget_at(window, point: QPoint):
    """The widget a touch at *point* on *window* lands on, and the point in its own coordinates.

    Never (0, 0): QTest takes that null point to mean the widget's centre, so it becomes (1, 1).
    """
    target = window.childAt(point) or window
    local = target.mapFrom(window, point)
    return target, local if not local.isNull() else QPoint(1, 1)


def tap(qtbot, window, point: QPoint) -> None:
    """Touch *window* at *point*: the event goes to whatever is shown there, as on a real screen."""
    target, local = widget_at(window, point)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=local)


def press(qtbot, window, point: QPoint) -> None:
    target, local = widget_at(window, point)
    qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=local)


def release(qtbot, window, point: QPoint) -> None:
    target, local = widget_at(window, point)
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=local)
