"""Every hostile article opened in the window as a new reader would: a safe page or a clear message, nothing read outside."""

from __future__ import annotations

import shutil

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tests.core.test_hostile_articles import EXPECTED_ERRORS, HOSTILE, HOSTILE_ARTICLES
from tests.ui.helpers import visible_titles
from tests.ui.test_article_resources import FileWatch
from viewer.core import render

ROOT_TITLE = "Ketamine for Treatment-Resistant Depression"


@pytest.fixture
def hostile_copy(tmp_path, monkeypatch):
    """The hostile folder copied beside a secret picture that its ../ links point at, watched for any read."""
    monkeypatch.setattr(render, "SECTION_SECONDS", 0.3)
    monkeypatch.setattr(render, "ARTICLE_SECONDS", 1.0)
    folder = tmp_path / "hostile"
    shutil.copytree(HOSTILE, folder)
    (folder / "escape.png").symlink_to(tmp_path / "secret.png")
    (tmp_path / "secret.png").write_bytes((HOSTILE / "giant.png").read_bytes())
    watch = FileWatch(tmp_path / "secret.png")
    yield folder, watch
    watch.close()


@pytest.fixture
def dialogs(monkeypatch, modal_messages):
    """Modal dialogs recorded instead of shown; Open… answers with the file the test chose."""

    class Dialogs:
        def __init__(self) -> None:
            self.files_to_open: list = []

        warnings = property(lambda self: modal_messages.texts(QMessageBox.Icon.Warning))
        others = property(lambda self: [box.text() for box in modal_messages.shown if box.icon() != QMessageBox.Icon.Warning])

    shown = Dialogs()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(shown.files_to_open.pop()), ""))
    return shown


def open_with_keyboard(qtbot, window, dialogs, path) -> None:
    """Ctrl+O and pick *path*, like a reader."""
    dialogs.files_to_open.append(path)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.files_to_open == [], "the Open dialog was asked for"


def try_it_out(qtbot, window) -> None:
    """What a new reader does: last section, back to the top, a search, Esc, the end of the page."""
    tree, view = window.section_tree, window.article_view
    qtbot.waitUntil(lambda: view.has_painted)
    model = tree.model()
    last = model.index(model.rowCount() - 1, 0)
    while model.rowCount(last):
        last = model.index(model.rowCount(last) - 1, 0, last)
    tree.scrollTo(last)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(last).center())
    qtbot.keyClick(tree, Qt.Key.Key_Home)
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, "dose")
    qtbot.waitUntil(lambda: window.search.result is not None)
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Escape)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()


@pytest.mark.parametrize("name", HOSTILE_ARTICLES)
def test_a_hostile_article_opened_from_the_window(qtbot, window, hostile_copy, dialogs, name):
    folder, watch = hostile_copy
    open_with_keyboard(qtbot, window, dialogs, folder / name)
    if name in EXPECTED_ERRORS:
        [message] = dialogs.warnings
        assert str(folder / name) in message and EXPECTED_ERRORS[name].split(": ", 1)[-1][:20].lower() in message.lower()
        assert window.windowTitle().startswith(ROOT_TITLE), "the article that was showing stays"
        assert visible_titles(window.section_tree)[0] == ROOT_TITLE
    else:
        assert dialogs.warnings == []
        assert window.article.path == folder / name
        try_it_out(qtbot, window)
    assert dialogs.others == [], "no link was followed or refused on its own"
    assert not watch.touched(), "nothing outside the article's folder was read"


def test_all_hostile_articles_one_after_another_in_one_window(qtbot, window, hostile_copy, dialogs):
    folder, watch = hostile_copy
    for name in HOSTILE_ARTICLES:
        open_with_keyboard(qtbot, window, dialogs, folder / name)
    assert len(dialogs.warnings) == len(EXPECTED_ERRORS)
    assert window.article.path == folder / [n for n in HOSTILE_ARTICLES if n not in EXPECTED_ERRORS][-1]
    try_it_out(qtbot, window)
    assert not watch.touched()
