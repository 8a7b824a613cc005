"""Every command has a keyboard shortcut shown in its menu, and the README lists them as the window has them."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QMenu

from viewer.ui.window_actions import shortcut_rows

README = Path(__file__).resolve().parents[2] / "README.md"
TABLE = re.compile(
    r"<!-- shortcuts:.*?-->\n\| Keys \| What they do \|\n\| --- \| --- \|\n(.*?)<!-- end of shortcuts -->", re.DOTALL
)


def menu_entries(menu: QMenu):
    for action in menu.actions():
        if action.menu() is not None:
            yield from menu_entries(action.menu())
        elif not action.isSeparator():
            yield action


def test_every_command_in_the_menus_has_a_shortcut(window):
    # The bookmarks listed in the Bookmarks menu are places, not commands: they have none.
    commands = set(window.actions.values())
    entries = [action for top in window.menuBar().actions() for action in menu_entries(top.menu()) if action in commands]
    assert len(entries) == len(commands) >= 20, "every command is in a menu"
    assert [action.text() for action in entries if action.shortcut().isEmpty()] == []


def readme_table(rows) -> str:
    return "".join(f"| {keys} | {what} |\n" for keys, what in rows)


def test_the_readme_lists_the_shortcuts_the_window_has(window):
    found = TABLE.search(README.read_text(encoding="utf-8"))
    assert found, "README.md lost its table of shortcuts"
    expected = readme_table(shortcut_rows(window.actions, native=False))
    assert found[1] == expected, f"Put this table in README.md:\n{expected}"
