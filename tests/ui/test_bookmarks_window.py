"""Bookmarks in the window: the star and Ctrl+D, the Bookmarks tab and menu, kept between runs, greyed when gone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QToolButton

from tests.ui.desk_helpers import current_section, open_active, press
from tests.ui.helpers import click_row
from viewer.core.bookmarks import bookmarks_path
from viewer.core.loader import load_article
from viewer.core.settings import Settings


def star_button(window) -> QToolButton:
    [button] = [b for b in window.findChildren(QToolButton) if b.defaultAction() is window.actions["bookmark"]]
    return button


def test_ctrl_d_bookmarks_the_section_and_the_tab_lists_it_and_opens_it(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    click_row(qtbot, window.section_tree, "B. Common Side Effects")
    assert not window.actions["bookmark"].isChecked()
    press(qtbot, window, "Ctrl+D")
    assert window.actions["bookmark"].isChecked()  # the star is filled
    press(qtbot, window, "Ctrl+B")
    pane = window.desk.bookmarks_pane
    assert window.desk.sidebar.currentWidget() is pane
    assert pane.titles() == [("B. Common Side Effects", False)]
    window.desk.sidebar.setCurrentWidget(window.navigation)
    click_row(qtbot, window.section_tree, "I. Introduction")
    window.desk.sidebar.setCurrentWidget(pane)
    item = pane.list.item(0)
    qtbot.mouseClick(pane.list.viewport(), Qt.MouseButton.LeftButton, pos=pane.list.visualItemRect(item).center())
    qtbot.waitUntil(lambda: current_section(window) == "b-common-side-effects")


def test_the_star_button_takes_the_bookmark_off_again(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    click_row(qtbot, window.section_tree, "A. Infusion Therapy")
    qtbot.mouseClick(star_button(window), Qt.MouseButton.LeftButton)
    assert window.desk.bookmarks_pane.titles() == [("A. Infusion Therapy", False)]
    qtbot.mouseClick(star_button(window), Qt.MouseButton.LeftButton)
    assert window.desk.bookmarks_pane.titles() == []
    assert not window.actions["bookmark"].isChecked()


def test_bookmarks_are_kept_between_runs_for_each_article(qtbot, bundled_article, write_article):
    first = open_active(qtbot, bundled_article)
    click_row(qtbot, first.section_tree, "C. Risks and Long-Term Effects")
    press(qtbot, first, "Ctrl+D")
    first.close()
    other = open_active(qtbot, load_article(write_article("# Other\n\n## Part\n\nText.\n")))
    assert other.desk.bookmarks_pane.titles() == []  # another article, its own bookmarks
    again = open_active(qtbot, bundled_article)
    assert again.desk.bookmarks_pane.titles() == [("C. Risks and Long-Term Effects", False)]


def test_the_bookmarks_menu_lists_them_and_opens_one(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    click_row(qtbot, window.section_tree, "B. High Response Rate")
    press(qtbot, window, "Ctrl+D")
    click_row(qtbot, window.section_tree, "I. Introduction")
    menu = window.menuBar().findChild(QMenu, "bookmarksMenu")
    menu.aboutToShow.emit()  # as opening it does
    [entry] = [action for action in menu.actions() if action.objectName() == "bookmarkEntry"]
    assert entry.text() == "B. High Response Rate"
    entry.trigger()
    qtbot.waitUntil(lambda: current_section(window) == "b-high-response-rate")


def test_a_bookmark_whose_section_vanished_is_greyed_not_lost(qtbot, write_article):
    path = write_article("# Guide\n\n## Dosing\n\nText.\n\n## Side effects\n\nMore.\n")
    window = open_active(qtbot, load_article(path))
    click_row(qtbot, window.section_tree, "Dosing")
    press(qtbot, window, "Ctrl+D")
    path.write_text("# Guide\n\n## Side effects\n\nMore.\n", encoding="utf-8")  # the section is taken out
    qtbot.waitUntil(lambda: window.article.find("dosing") is None)  # the window reloads the changed file
    pane = window.desk.bookmarks_pane
    assert pane.titles() == [("Dosing", True)]
    item = pane.list.item(0)
    assert item.foreground().color() == pane.palette().color(pane.palette().ColorGroup.Disabled, pane.palette().ColorRole.Text)
    assert "no longer in the article" in item.toolTip()
    path.write_text("# Guide\n\n## Side effects\n\nMore.\n\n## Dosing\n\nBack again.\n", encoding="utf-8")
    qtbot.waitUntil(lambda: window.article.find("dosing") is not None)
    assert pane.titles() == [("Dosing", False)]


def test_a_corrupt_bookmarks_file_is_set_aside_said_once_and_bookmarking_works(qtbot, bundled_article):
    path = bookmarks_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ this is not json", encoding="utf-8")
    Settings.load().save()
    window = open_active(qtbot, bundled_article, Settings.load())
    message = window.statusBar().currentMessage()
    assert str(path) in message and "bookmarks.json.corrupt" in message
    assert path.with_name("bookmarks.json.corrupt").read_text(encoding="utf-8") == "{ this is not json"
    click_row(qtbot, window.section_tree, "B. Common Side Effects")
    press(qtbot, window, "Ctrl+D")
    window.close()
    again = open_active(qtbot, bundled_article, Settings.load())
    assert "bookmarks" not in again.statusBar().currentMessage()  # said once
    assert again.desk.bookmarks_pane.titles() == [("B. Common Side Effects", False)]


def test_a_long_bookmarked_title_wraps_inside_the_column(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article, size=(1024, 600))
    longest = max((s for s in bundled_article.sections[0].children), key=lambda s: len(s.title))
    window.scroll_to_section(longest.anchor)
    press(qtbot, window, "Ctrl+D")
    press(qtbot, window, "Ctrl+B")
    bookmarks = window.desk.bookmarks_pane.list
    row = bookmarks.visualItemRect(bookmarks.item(0))
    assert bookmarks.fontMetrics().horizontalAdvance(longest.title) > bookmarks.viewport().width(), "too long for one line"
    assert row.left() >= 0 and row.right() <= bookmarks.viewport().width(), "never wider than the column"
    assert row.height() > 1.5 * bookmarks.fontMetrics().height(), "on more than one line"
