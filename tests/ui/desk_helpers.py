"""Driving the clinician's parts of the window as a user does: right-clicks, menu entries, keys, what is at the top."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from tests.ui.helpers import show_active
from viewer.ui.main_window import MainWindow


def open_active(qtbot, article, settings=None, place=None, size=(1100, 700)) -> MainWindow:
    """A main window, shown and active (window shortcuts reach only the active window)."""
    window = MainWindow(article, settings, place)
    qtbot.addWidget(window)
    window.resize(*size)
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: window.article_view.has_painted, timeout=20_000)
    QApplication.processEvents()  # and what the first paint queued (the mouse's back and forward buttons are watched then)
    return window


def right_click(qtbot, widget: QWidget, position: QPoint) -> None:
    """A right click, and the context-menu request the platform makes of it."""
    qtbot.mouseClick(widget, Qt.MouseButton.RightButton, pos=position)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, position, widget.mapToGlobal(position))
    QApplication.sendEvent(widget, event)


def click_entry(qtbot, menu: QMenu, name: str) -> None:
    """Click the entry with object name *name* in an open menu."""
    qtbot.waitUntil(menu.isVisible)
    [entry] = [action for action in menu.actions() if action.objectName() == name]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(entry).center())


def press(qtbot, window: MainWindow, keys: str) -> None:
    """Press a shortcut such as 'Alt+Left' in the window, where the focus is."""
    from PySide6.QtGui import QKeySequence

    combination = QKeySequence(keys)[0]
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, combination.key(), combination.keyboardModifiers())


def top_line(window: MainWindow) -> str:
    """The text of the line at the top of the article pane, as the reader sees it."""
    view = window.article_view
    cursor = view.cursorForPosition(QPoint(view.viewport().width() // 2, 3))
    block_text = cursor.block().text()
    line = cursor.block().layout().lineForTextPosition(cursor.positionInBlock())
    return block_text[line.textStart() : line.textStart() + line.textLength()] if line.isValid() else block_text


def current_section(window: MainWindow) -> str:
    """The anchor of the section the window says is being read."""
    return window.article_view.reading.current_anchor
