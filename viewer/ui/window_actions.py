"""The window's commands as named actions, and the menus and toolbar built from them.

Every command has a plain name and a keyboard shortcut, shown in its menu. A mode that offers fewer
commands (the kiosk) keeps only those it allows with :func:`keep_only`: the others lose their menu
entry, toolbar button and keyboard shortcut. Help → Keyboard shortcuts and the README's table list
every command's keys and the few keys that belong to one widget (:func:`shortcut_rows`,
EXTRA_SHORTCUTS; a test keeps the README the same).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from viewer import APP_NAME

Key = QKeySequence.StandardKey | str
StandardKey = QKeySequence.StandardKey


@dataclass(frozen=True)
class Command:
    """One command: its name in code, its menu (``View/Theme`` for a submenu), its text there, its keys.

    A *choice* command is one of a group of checkable commands of which one is checked (a theme);
    a *toggle* is checkable on its own (show the tree).
    """

    name: str
    menu: str
    text: str
    keys: tuple[Key, ...] = ()
    choice: str = ""
    toggle: bool = False
    starts_group: bool = False


COMMANDS = (
    Command("open", "&File", "&Open article…", (StandardKey.Open,)),
    Command("print", "&File", "&Print…", (StandardKey.Print,), starts_group=True),
    Command("export_pdf", "&File", "&Export as PDF…", ("Ctrl+Shift+E",)),
    Command("copy_link", "&File", "Copy &link to this section", ("Ctrl+Shift+C",)),
    Command("quit", "&File", "&Quit", (StandardKey.Quit, "Ctrl+Q"), starts_group=True),  # Windows has no standard key
    Command("back", "&Go", "&Back", (StandardKey.Back, "Alt+Left")),
    Command("forward", "&Go", "&Forward", (StandardKey.Forward, "Alt+Right")),
    Command("bookmark", "&Bookmarks", "&Bookmark this section", ("Ctrl+D",)),
    Command("show_bookmarks", "&Bookmarks", "&Show the bookmarks", ("Ctrl+B",)),
    Command("find", "&Search", "&Find…", (StandardKey.Find,)),
    Command("find_next", "&Search", "Find &next", (StandardKey.FindNext,)),
    Command("find_previous", "&Search", "Find &previous", (StandardKey.FindPrevious,)),
    Command("clear_search", "&Search", "&Clear the search", ("Esc",)),
    # Ctrl+= is the unshifted + on US keyboards: what readers press when they mean Ctrl++
    Command("zoom_in", "&View", "&Larger text", (StandardKey.ZoomIn, "Ctrl+=")),
    Command("zoom_out", "&View", "&Smaller text", (StandardKey.ZoomOut,)),
    Command("zoom_reset", "&View", "&Normal text size", ("Ctrl+0",)),
    Command("theme_automatic", "&View/&Theme", "&Automatic (as the system)", ("Ctrl+Shift+A",), choice="theme"),
    Command("theme_light", "&View/&Theme", "&Light", ("Ctrl+Shift+L",), choice="theme"),
    Command("theme_dark", "&View/&Theme", "&Dark", ("Ctrl+Shift+D",), choice="theme"),
    Command("theme_high_contrast", "&View/&Theme", "&High contrast", ("Ctrl+Shift+H",), choice="theme"),
    Command("show_keyword_chips", "&View", "Show the &keyword chips", ("Ctrl+Shift+K",), toggle=True, starts_group=True),
    Command("show_section_tree", "&View", "Show the section &tree", ("Ctrl+Shift+T",), toggle=True),
    Command("full_screen", "&View", "&Full screen", ("F11",), starts_group=True),
    Command("shortcuts", "&Help", "&Keyboard shortcuts", (StandardKey.HelpContents, "F1")),
    Command("about", "&Help", f"&About {APP_NAME}", ("Ctrl+F1",), starts_group=True),
    Command("about_qt", "&Help", "About &Qt", ("Ctrl+Shift+F1",)),
)
TOOLBAR = ("back", "forward", None, "bookmark", "print")
EXTRA_SHORTCUTS = (
    ("Tab, Shift+Tab", "Move between the chips, the search box, the sections and the article"),
    ("Space, on a keyword chip", "Choose it, or leave it"),
    ("Enter, in the search box", "Go to the next hit"),
    ("Down, Up, in the search box", "Into the tree: to the results, or the section being read (Up on the first comes back)"),
    ("Ctrl+wheel, over the article", "Larger or smaller text"),
    ("Page Down, Space, in the article", "The next page: the line the bottom edge cut comes whole"),
    ("Page Up, Shift+Space, in the article", "The page before"),
    ("Ctrl+Home, Ctrl+End, in the article", "Go to the top or the end of the article"),
    ("Mouse back button", "Back"),
    ("Mouse forward button", "Forward"),
    ("Delete, in the Bookmarks tab", "Remove the chosen bookmark"),
)
"""Keys that belong to one part of the window, not to a command."""
THEME_COMMANDS = {
    "automatic": "theme_automatic",
    "light": "theme_light",
    "dark": "theme_dark",
    "high-contrast": "theme_high_contrast",
}


def build_actions(window: QMainWindow, slots: dict[str, Callable[[], object]]) -> dict[str, QAction]:
    """An action per command, triggering ``slots[name]``, in the window's menus; returned by name.

    A toggle's slot gets whether it is now checked. Each menu is named after its title (``&Bookmarks``
    is ``bookmarksMenu``), for whoever adds to it.
    """
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    groups: dict[str, QActionGroup] = {}
    for command in COMMANDS:
        action = QAction(command.text, window, objectName=f"{command.name}Action")
        action.setShortcuts(_sequences(command.keys))
        if command.choice:
            action.setCheckable(True)
            groups.setdefault(command.choice, QActionGroup(window, exclusive=True)).addAction(action)
        action.setCheckable(command.choice != "" or command.toggle)
        (action.toggled if command.toggle else action.triggered).connect(slots[command.name])
        menu = _menu(window, menus, command.menu)
        if command.starts_group and menu.actions():
            menu.addSeparator()
        menu.addAction(action)
        window.addAction(action)  # its shortcut works wherever the focus is in the window, and in full screen
        actions[command.name] = action
    _dress(window, actions)
    return actions


def _dress(window: QMainWindow, actions: dict[str, QAction]) -> None:
    draw_icons(actions)
    actions["print"].setIcon(QIcon.fromTheme("document-print"))
    actions["back"].setToolTip("Back to where you were (Alt+Left)")
    actions["forward"].setToolTip("Forward again (Alt+Right)")
    actions["print"].setToolTip("Print a handout: the whole article, this section, or what the search found (Ctrl+P)")
    actions["full_screen"].setCheckable(True)
    for name in ("back", "forward"):
        actions[name].setEnabled(False)  # nothing to go back or forward to yet


def draw_icons(actions: dict[str, QAction]) -> None:
    """Back and Forward as arrows in the theme's text colour (call again when the theme changes):
    the system's icons are drawn for one background and vanish on another."""
    actions["back"].setIcon(_arrow(pointing_left=True))
    actions["forward"].setIcon(_arrow(pointing_left=False))


def _arrow(pointing_left: bool, size: int = 64) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    tip, tail = (size * 0.2, size * 0.8) if pointing_left else (size * 0.8, size * 0.2)
    head = size * 0.3 * (1 if pointing_left else -1)
    path = QPainterPath(QPointF(tail, size / 2))
    path.lineTo(tip, size / 2)
    path.moveTo(tip + head, size / 2 - abs(head))
    path.lineTo(tip, size / 2)
    path.lineTo(tip + head, size / 2 + abs(head))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
    painter.setPen(QPen(colour, size / 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.drawPath(path)
    painter.end()
    return QIcon(pixmap)


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


def _sequences(keys: tuple[Key, ...]) -> list[QKeySequence]:
    """The key sequences *keys* mean here, each once: a standard key may mean none here, or one also given by hand."""
    sequences: list[QKeySequence] = []
    for sequence in map(QKeySequence, keys):
        if not sequence.isEmpty() and sequence not in sequences:
            sequences.append(sequence)
    return sequences


def _menu(window: QMainWindow, menus: dict[str, QMenu], path: str) -> QMenu:
    """The menu at *path* (``&View/&Theme``), made on first use, its submenus inside their menu."""
    if path not in menus:
        parent, _, title = path.rpartition("/")
        owner = _menu(window, menus, parent) if parent else window.menuBar()
        menus[path] = owner.addMenu(title)
        menus[path].setObjectName(f"{title.replace('&', '').lower()}Menu")
    return menus[path]


def shortcut_rows(actions: dict[str, QAction], native: bool = True) -> list[tuple[str, str]]:
    """(keys, what they do) for every command the window offers now, in menu order, then the keys of
    single widgets (EXTRA_SHORTCUTS); the keys as this system writes them, or portably (for the README)."""
    text_format = QKeySequence.SequenceFormat.NativeText if native else QKeySequence.SequenceFormat.PortableText
    menus = {f"{command.name}Action": command.menu for command in COMMANDS}
    rows = []
    for action in actions.values():
        if action.isVisible() and action.shortcuts():
            submenu = menus.get(action.objectName(), "").rpartition("/")[2] if "/" in menus.get(action.objectName(), "") else ""
            what = f"{_plain(submenu)}: {command_name(action)}" if submenu else command_name(action)
            rows.append((", ".join(sequence.toString(text_format) for sequence in action.shortcuts()), what))
    return rows + list(EXTRA_SHORTCUTS)


def command_name(action: QAction) -> str:
    """An action's text without the '&' marker and the trailing '…'."""
    return _plain(action.text()).rstrip("…")


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def keep_only(window: QMainWindow, actions: dict[str, QAction], allowed: set[str]) -> None:
    """Switch off every action not named in *allowed*; menus left empty disappear."""
    for name, action in actions.items():
        action.setEnabled(name in allowed)
        action.setVisible(name in allowed)
    for menu_action in window.menuBar().actions():
        _hide_if_empty(menu_action)


def _hide_if_empty(menu_action: QAction) -> bool:
    """Hide a menu (and its submenus) with nothing visible in it; whether it stays visible."""
    visible = False
    for action in menu_action.menu().actions():
        if action.menu() is not None:
            visible = _hide_if_empty(action) or visible
        elif action.isVisible() and not action.isSeparator():
            visible = True
    menu_action.setVisible(visible)
    return visible
