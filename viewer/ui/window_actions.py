"""The window's commands as named actions, and the menus built from them.

Every command has a plain name. A mode that offers fewer commands (the kiosk) keeps only those it
allows with :func:`keep_only`: the others lose their menu entry and their keyboard shortcut.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from viewer import APP_NAME

Keys = QKeySequence.StandardKey | str | None


@dataclass(frozen=True)
class Command:
    """One command: its name in code, its menu, its text there, its keys."""

    name: str
    menu: str
    text: str
    keys: Keys = None


COMMANDS = (
    Command("open", "&File", "&Open article…", QKeySequence.StandardKey.Open),
    Command("quit", "&File", "&Quit", QKeySequence.StandardKey.Quit),
    Command("zoom_in", "&View", "&Larger text", QKeySequence.StandardKey.ZoomIn),
    Command("zoom_out", "&View", "&Smaller text", QKeySequence.StandardKey.ZoomOut),
    Command("zoom_reset", "&View", "&Normal text size", "Ctrl+0"),
    Command("find", "&Search", "&Find…", QKeySequence.StandardKey.Find),
    Command("find_next", "&Search", "Find &next", QKeySequence.StandardKey.FindNext),
    Command("find_previous", "&Search", "Find &previous", QKeySequence.StandardKey.FindPrevious),
    Command("clear_search", "&Search", "&Clear the search", "Esc"),
    Command("about", "&Help", f"&About {APP_NAME}"),
)


def build_actions(window: QMainWindow, slots: dict[str, Callable[[], object]]) -> dict[str, QAction]:
    """An action per command, triggering ``slots[name]``, in the window's menus; returned by name."""
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    for command in COMMANDS:
        action = QAction(command.text, window, objectName=f"{command.name}Action")
        if command.keys is not None:
            action.setShortcut(QKeySequence(command.keys))
        action.triggered.connect(slots[command.name])
        if command.menu not in menus:
            menus[command.menu] = window.menuBar().addMenu(command.menu)
        menus[command.menu].addAction(action)
        window.addAction(action)  # its shortcut works wherever the focus is in the window
        actions[command.name] = action
    return actions


def keep_only(window: QMainWindow, actions: dict[str, QAction], allowed: set[str]) -> None:
    """Switch off every action not named in *allowed*; menus left empty disappear."""
    for name, action in actions.items():
        action.setEnabled(name in allowed)
        action.setVisible(name in allowed)
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        menu_action.setVisible(any(action.isVisible() for action in menu.actions()))
