"""Walking a window's accessibility tree as a screen reader does, to find what it could not name."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QAccessible, QAccessibleInterface

Role = QAccessible.Role
INTERACTIVE = {
    Role.Button, Role.CheckBox, Role.RadioButton, Role.ComboBox, Role.EditableText, Role.Tree, Role.TreeItem,
    Role.List, Role.ListItem, Role.Table, Role.Cell, Role.MenuItem, Role.PageTab, Role.Slider, Role.SpinBox,
    Role.ScrollBar, Role.Grip, Role.Link, Role.ButtonMenu, Role.ButtonDropDown, Role.ButtonDropGrid, Role.Dial,
    Role.HotkeyField, Role.ToolBar, Role.Document, Role.Pane,
}  # fmt: skip


def elements(root: QAccessibleInterface, depth: int = 0) -> Iterator[tuple[QAccessibleInterface, int]]:
    """Every element under *root* (itself included), with its depth."""
    yield root, depth
    for number in range(root.childCount()):
        child = root.child(number)
        if child is not None and child.isValid():
            yield from elements(child, depth + 1)


def is_interactive(element: QAccessibleInterface) -> bool:
    """What a reader can act on: a control by its role, or anything that takes the keyboard focus."""
    return element.role() in INTERACTIVE or element.state().focusable


def unnamed(window) -> list[str]:
    """Each interactive element of *window* without a name, described by role and object name."""
    root = QAccessible.queryAccessibleInterface(window)
    found = []
    for element, _ in elements(root):
        if is_interactive(element) and not element.text(QAccessible.Text.Name).strip():
            owner = element.object()
            found.append(f"{element.role().name} {type(owner).__name__ if owner else ''}#{owner.objectName() if owner else ''}")
    return found


def named(window) -> dict[str, str]:
    """Object name -> accessible name, for the interactive elements that have an object name."""
    root = QAccessible.queryAccessibleInterface(window)
    return {
        element.object().objectName(): element.text(QAccessible.Text.Name)
        for element, _ in elements(root)
        if is_interactive(element) and element.object() is not None and element.object().objectName()
    }
