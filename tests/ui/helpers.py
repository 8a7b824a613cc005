"""Finding things on screen the way a user would point at them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QTreeView, QWidget


def show_active(qtbot, window: QWidget, timeout: int = 20_000) -> None:
    """Show *window* and wait until it is the active window (keyboard shortcuts reach only that one).

    Activation is asked for again on every poll: on a busy machine the window a previous test closed can
    take the activation away after this one was given it, and the platform never gives it back unasked.
    """
    window.show()

    def active() -> bool:
        if window.isActiveWindow():
            return True
        window.activateWindow()
        return False

    try:
        qtbot.waitUntil(active, timeout=timeout)
    except AssertionError as error:
        raise AssertionError(
            f"{window!r} never became active: active window {QApplication.activeWindow()!r}, "
            f"modal {QApplication.activeModalWidget()!r}, popup {QApplication.activePopupWidget()!r}"
        ) from error


def visible_titles(tree: QTreeView) -> list[str]:
    """Every row title the tree shows, top to bottom (expanded rows only)."""
    titles: list[str] = []

    def visit(parent: QModelIndex) -> None:
        model = tree.model()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            titles.append(index.data(Qt.ItemDataRole.DisplayRole))
            if tree.isExpanded(index):
                visit(index)

    visit(QModelIndex())
    return titles


def find_row(tree: QTreeView, title_start: str) -> QModelIndex:
    """The index of the first visible row whose title starts with *title_start*."""
    model = tree.model()
    matches = model.match(
        model.index(0, 0), Qt.ItemDataRole.DisplayRole, title_start, 1, Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive
    )
    assert matches, f"no row starting with {title_start!r}"
    return matches[0]


def click_row(qtbot, tree: QTreeView, title_start: str) -> QModelIndex:
    """Click the middle of a row, like a user."""
    index = find_row(tree, title_start)
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return index


def run_in_own_process(
    script: str, timeout: int = 300, preexec_fn: Callable[[], None] | None = None, platform: str = "offscreen"
) -> subprocess.CompletedProcess:
    """Run a Python *script* (dedented) offscreen in a process of its own, from the checkout.

    For what may crash the process outright, or needs a screen of its own (*platform*: see
    :func:`offscreen_screen`): the test fails on the exit status, not with it.
    """
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": platform},
        cwd=Path(__file__).resolve().parents[2],
        preexec_fn=preexec_fn,
    )


def section_texts(window) -> dict[str, str]:
    """Title -> the text the pane shows for that section (its heading included), cut at the next heading.

    Found in the pane's plain text by the titles, so that expected values come from what the
    reader sees, not from the pane's own section map.
    """
    text = window.article_view.toPlainText()
    titles = [section.title for section in window.article.sections]
    starts, position = [], 0
    for title in titles:
        position = text.index(title, position)
        starts.append(position)
        position += len(title)
    ends = [*starts[1:], len(text)]
    return {title: text[start:end] for title, start, end in zip(titles, starts, ends, strict=True)}


def offscreen_screen(folder: Path, width: int, height: int, scale: float = 1.0, second: tuple[int, int] | None = None) -> str:
    """A QT_QPA_PLATFORM value for an offscreen screen of this size (in device-independent pixels) and
    scale, with a *second* screen of that size to its right."""
    config = folder / f"screen-{width}x{height}@{scale}-{second}.json"
    screens = [{"name": "first", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": scale}]
    if second:
        screens.append({"name": "second", "x": width, "y": 0, "width": second[0], "height": second[1], "logicalDpi": 96})
    config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    return f"offscreen:configfile={config}"


def layout_problems(window: QWidget) -> list[str]:
    """Visible widgets that overlap a visible sibling, or stick out of their parent, described.

    The contents of a scroll area may be larger than its viewport, and a window's popups are windows
    of their own: neither counts.
    """
    problems = []

    def name(widget: QWidget) -> str:
        return f"{type(widget).__name__}#{widget.objectName()}"

    def visit(parent: QWidget) -> None:
        children = [
            c
            for c in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if c.isVisible() and not c.isWindow()
        ]
        for number, child in enumerate(children):
            if not parent.rect().contains(child.geometry()) and not isinstance(parent.parentWidget(), QAbstractScrollArea):
                problems.append(f"{name(child)} {child.geometry()} sticks out of {name(parent)} {parent.rect()}")
            problems.extend(
                f"{name(child)} {child.geometry()} overlaps {name(other)} {other.geometry()}"
                for other in children[number + 1 :]
                if child.geometry().intersects(other.geometry())
            )
            visit(child)

    visit(window)
    return problems


def click_link(qtbot, view, href: str) -> None:
    """Scroll the link with *href* into view and click its middle, as a reader (or a visitor, with a finger) would."""
    block = view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(view.document())
                cursor.setPosition(fragment.position() + fragment.length() // 2)
                view.setTextCursor(cursor)
                view.ensureCursorVisible()
                point = view.cursorRect(cursor).center()
                qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point.x(), point.y()))
                return
            fragments += 1
        block = block.next()
    raise AssertionError(f"no link to {href!r} in the pane")
