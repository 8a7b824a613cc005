"""The window's commands as named actions, and the menus and toolbar built from them.

Every command has a plain name. A mode that offers fewer commands (the kiosk) keeps only those it
allows with :func:`keep_only`: the others lose their menu entry, toolbar button and keyboard shortcut.
Help → Keyboard shortcuts lists every command's keys (:func:`shortcut_rows`) and the few keys that
belong to one widget (EXTRA_SHORTCUTS).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar

from viewer import APP_NAME

Keys = QKeySequence.StandardKey | str | None
StandardKey = QKeySequence.StandardKey


@dataclass(frozen=True)
class Command:
    """One command: its name in code, its menu, its text there, its keys; a separator before it if it starts a group."""

    name: str
    menu: str
    text: str
    keys: Keys = None
    starts_group: bool = False


COMMANDS = (
    Command("open", "&File", "&Open article…", StandardKey.Open),
    Command("print", "&File", "&Print…", StandardKey.Print, starts_group=True),
    Command("export_pdf", "&File", "&Export as PDF…"),
    Command("copy_link", "&File", "Copy &link to this section", "Ctrl+Shift+C"),
    Command("quit", "&File", "&Quit", StandardKey.Quit, starts_group=True),
    Command("back", "&Go", "&Back", StandardKey.Back),
    Command("forward", "&Go", "&Forward", StandardKey.Forward),
    Command("bookmark", "&Bookmarks", "&Bookmark this section", "Ctrl+D"),
    Command("show_bookmarks", "&Bookmarks", "&Show the bookmarks", "Ctrl+B"),
    Command("find", "&Search", "&Find…", StandardKey.Find),
    Command("find_next", "&Search", "Find &next", StandardKey.FindNext),
    Command("find_previous", "&Search", "Find &previous", StandardKey.FindPrevious),
    Command("clear_search", "&Search", "&Clear the search", "Esc"),
    Command("zoom_in", "&View", "&Larger text", StandardKey.ZoomIn),
    Command("zoom_out", "&View", "&Smaller text", StandardKey.ZoomOut),
    Command("zoom_reset", "&View", "&Normal text size", "Ctrl+0"),
    Command("full_screen", "&View", "&Full screen", "F11", starts_group=True),
    Command("shortcuts", "&Help", "&Keyboard shortcuts", StandardKey.HelpContents),
    Command("about", "&Help", f"&About {APP_NAME}", starts_group=True),
    Command("about_qt", "&Help", "About &Qt"),
)
TOOLBAR = ("back", "forward", None, "bookmark", "print")
EXTRA_SHORTCUTS = (
    ("Mouse back button", "Back"),
    ("Mouse forward button", "Forward"),
    ("Enter, in the search box", "Go to the next hit"),
    ("Down, Up, in the search box", "Move into the search results in the tree (Up on the first comes back)"),
    ("Ctrl+Home, Ctrl+End, in the article", "Go to the top or the end of the article"),
    ("Delete, in the Bookmarks tab", "Remove the chosen bookmark"),
)


def build_actions(window: QMainWindow, slots: dict[str, Callable[[], object]]) -> dict[str, QAction]:
    """An action per command, triggering ``slots[name]``, in the window's menus; returned by name.

    Each menu is named after its title (``&Bookmarks`` is ``bookmarksMenu``), for whoever adds to it.
    """
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    for command in COMMANDS:
        action = QAction(command.text, window, objectName=f"{command.name}Action")
        if command.keys is not None:
            action.setShortcut(QKeySequence(command.keys))
        action.triggered.connect(slots[command.name])
        if command.menu not in menus:
            menus[command.menu] = window.menuBar().addMenu(command.menu)
            menus[command.menu].setObjectName(f"{command.menu.strip('&').lower()}Menu")
        if command.starts_group and menus[command.menu].actions():
            menus[command.menu].addSeparator()
        menus[command.menu].addAction(action)
        window.addAction(action)  # its shortcut works wherever the focus is in the window, and in full screen
        actions[command.name] = action
    _dress(window, actions)
    return actions


def _dress(window: QMainWindow, actions: dict[str, QAction]) -> None:
    style = window.style()
    actions["back"].setIcon(QIcon.fromTheme("go-previous", style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack)))
    actions["forward"].setIcon(QIcon.fromTheme("go-next", style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward)))
    actions["print"].setIcon(QIcon.fromTheme("document-print"))
    actions["back"].setToolTip("Back to where you were (Alt+Left)")
    actions["forward"].setToolTip("Forward again (Alt+Right)")
    actions["print"].setToolTip("Print a handout: the whole article, this section, or what the search found (Ctrl+P)")
    actions["full_screen"].setCheckable(True)
    for name in ("back", "forward"):
        actions[name].setEnabled(False)  # nothing to go back or forward to yet


def build_toolbar(window: QMainWindow, actions: dict[str, QAction]) -> QToolBar:
    """Back, Forward, the bookmark star and Print, above the article."""
    toolbar = QToolBar("Navigation", window, objectName="navigationToolbar", movable=False, floatable=False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.toggleViewAction().setVisible(False)  # no "hide the toolbar" in a context menu, with no way back
    for name in TOOLBAR:
        if name is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(actions[name])
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    return toolbar


def set_available(action: QAction, available: bool) -> None:
    """Enable or disable *action* for what the reader is doing, never bringing back one :func:`keep_only` took away."""
    action.setEnabled(available and action.isVisible())


def shortcut_rows(actions: dict[str, QAction]) -> list[tuple[str, str]]:
    """(keys, what they do) for every shortcut the window has now, as Help → Keyboard shortcuts shows them."""
    native = QKeySequence.SequenceFormat.NativeText
    rows = [
        (action.shortcut().toString(native), command_name(action))
        for action in actions.values()
        if not action.shortcut().isEmpty() and action.isVisible()
    ]
    return rows + list(EXTRA_SHORTCUTS)


def command_name(action: QAction) -> str:
    """An action's text without the '&' marker and the trailing '…'."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def keep_only(window: QMainWindow, actions: dict[str, QAction], allowed: set[str]) -> None:
    """Switch off every action not named in *allowed*; menus left empty disappear."""
    for name, action in actions.items():
        action.setEnabled(name in allowed)
        action.setVisible(name in allowed)
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        menu_action.setVisible(any(action.isVisible() and not action.isSeparator() for action in menu.actions()))
