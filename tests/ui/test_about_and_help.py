"""Help → About (the program, the article, the licences), About Qt, Keyboard shortcuts, and full screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QTextBrowser

from tests.ui.desk_helpers import open_active, press
from viewer import __version__
from viewer.core.credits import COMPONENTS
from viewer.core.loader import load_article
from viewer.ui.window_actions import COMMANDS

README = Path(__file__).resolve().parents[2] / "README.md"


def about_of(qtbot, window):
    window.actions["about"].trigger()
    dialog = window.desk.dialog
    qtbot.waitUntil(dialog.isVisible)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel) if label.objectName()}
    return dialog, labels, dialog.findChild(QTextBrowser, "aboutLicences").toPlainText()


def test_about_names_the_version_the_article_its_source_and_review_dates(qtbot, write_article):
    path = write_article(
        "Title: Dosing <b>guide</b>\nSource: Example Hospital Handbook\nAuthors: A. Writer\n"
        "Reviewed: 2024-01-15\nReview-due: 2025-01-15\n\n# Dosing\n\nText.\n"
    )
    window = open_active(qtbot, load_article(path))
    dialog, labels, _ = about_of(qtbot, window)
    assert __version__ in labels["aboutProgram"]
    assert labels["aboutTitle"] == "Dosing <b>guide</b>"  # article text shown as it is written, never as markup
    assert labels["aboutSource"] == "Example Hospital Handbook" and labels["aboutAuthors"] == "A. Writer"
    assert labels["aboutLastreviewed"] == "15 January 2024"
    assert labels["aboutReviewdue"].startswith("15 January 2025") and "passed" in labels["aboutReviewdue"]
    assert labels["aboutFile"] == str(path)
    dialog.close()


def test_about_lists_the_licence_of_everything_bundled(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    dialog, labels, licences = about_of(qtbot, window)
    for name in ("Qt", "Python-Markdown", "nh3", "ammonia", "RapidFuzz", "snowballstemmer", "platformdirs", "Python"):
        assert name in licences
    for licence in ("Lesser General Public License v3", "BSD 3-Clause", "MIT License", "Python Software Foundation"):
        assert licence in licences
    assert "download.qt.io" in licences  # where the LGPL'd source is
    assert len([c for c in COMPONENTS if c.name in licences]) == len(COMPONENTS)
    assert labels["aboutSource"] == "not given in the article"
    dialog.close()


def test_about_qt(qtbot, bundled_article, monkeypatch):
    shown = []
    monkeypatch.setattr(QApplication, "aboutQt", lambda: shown.append(True))
    window = open_active(qtbot, bundled_article)
    window.actions["about_qt"].trigger()
    assert shown == [True]


def test_keyboard_shortcuts_lists_every_shortcut_and_the_readme_does_too(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    press(qtbot, window, QKeySequence(QKeySequence.StandardKey.HelpContents).toString())
    dialog = window.desk.dialog
    qtbot.waitUntil(dialog.isVisible)
    rows = dialog.rows()
    listed = {key for keys, _ in rows for key in keys.split(", ")}  # a command with two shortcuts lists both
    for command in COMMANDS:
        action = window.actions[command.name]
        for sequence in action.shortcuts():
            assert sequence.toString(QKeySequence.SequenceFormat.NativeText) in listed, command.name
    assert ("Mouse back button", "Back") in rows
    dialog.close()  # the README's table: tests/ui/test_shortcuts.py


def test_f11_switches_full_screen_on_and_off(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    press(qtbot, window, "F11")
    qtbot.waitUntil(window.isFullScreen)
    assert window.actions["full_screen"].isChecked()
    press(qtbot, window, "F11")
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.actions["full_screen"].isChecked()


def test_the_review_date_is_under_the_title_with_a_warning_once_it_has_passed(qtbot, write_article):
    due = dt.date.today() - dt.timedelta(days=1)
    path = write_article(f"Title: Dosing\nReviewed: 2020-02-03\nReview-due: {due.isoformat()}\n\n# Dosing\n\nText.\n")
    window = open_active(qtbot, load_article(path))
    shown = window.article_view.toPlainText()
    assert shown.index("Dosing") < shown.index("Last reviewed 3 February 2020") < shown.index("Text.")
    assert "was due for review" in shown


def test_a_review_date_that_is_not_a_date_is_named_in_the_status_bar(qtbot, write_article):
    path = write_article("Title: Dosing\nReviewed: soon\n\n# Dosing\n\nText.\n")
    window = open_active(qtbot, load_article(path))
    assert "Reviewed" in window.statusBar().currentMessage() and "'soon'" in window.statusBar().currentMessage()


def test_commands_switched_off_by_name_are_gone_from_the_toolbar_menus_and_mouse_buttons(qtbot, bundled_article):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QToolButton

    from tests.ui.desk_helpers import current_section, right_click
    from tests.ui.helpers import click_row, find_row
    from viewer.ui.window_actions import keep_only

    window = open_active(qtbot, bundled_article)
    click_row(qtbot, window.section_tree, "B. Common Side Effects")
    keep_only(window, window.actions, {"find", "find_next", "find_previous", "clear_search"})  # as a kiosk might
    buttons = [b for b in window.findChildren(QToolButton) if b.defaultAction() in window.actions.values()]
    assert len(buttons) == 4
    qtbot.waitUntil(lambda: not any(button.isVisible() for button in buttons))
    qtbot.mouseClick(window.article_view.viewport(), Qt.MouseButton.BackButton)
    assert current_section(window) == "b-common-side-effects"
    tree = window.section_tree
    right_click(qtbot, tree.viewport(), tree.visualRect(find_row(tree, "C. Risks")).center())
    assert window.desk.menus.menu is None  # nothing to offer: no menu at all
    press(qtbot, window, "Ctrl+P")
    assert window.desk.handouts.dialog is None
