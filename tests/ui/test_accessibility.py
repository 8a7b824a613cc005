"""A screen reader can name every control, hears what a search found, and the keyboard reaches it all in screen order."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QApplication, QPushButton

from tests.ui.accessibility_walk import elements, named, unnamed
from tests.ui.helpers import show_active


def type_search(qtbot, window, text):
    qtbot.waitUntil(lambda: window.indexer.is_ready)
    window.filter_edit.setFocus()
    window.filter_edit.clear()
    qtbot.keyClicks(window.filter_edit, text)
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)


def test_every_control_has_a_name_in_every_state_of_the_window(qtbot, window):
    assert unnamed(window) == []
    type_search(qtbot, window, "bladder")  # hit badges in the tree
    assert unnamed(window) == []
    type_search(qtbot, window, "zebrafish")  # the empty state and its button
    assert window.navigation.showing_empty_state
    assert unnamed(window) == []
    window.resize(640, 480)  # the chips in one row that scrolls
    QApplication.processEvents()
    assert unnamed(window) == []


def test_the_walk_finds_a_control_nobody_named(window):
    nameless = QPushButton(window.navigation, objectName="nameless")  # as someone might add one, icon only
    nameless.show()
    assert unnamed(window) == ["Button QPushButton#nameless"]


def test_the_main_parts_say_what_they_are(qtbot, window):
    names = named(window)
    assert names["filterEdit"].startswith("Search")
    assert names["sectionTree"] == "Sections"
    assert names["articleView"] == "Article"
    qtbot.waitUntil(lambda: window.indexer.is_ready)
    for keyword, chip in window.keyword_bar.chips.items():
        count = chip.text().split()[-1]  # as the chip shows it: "Ketamine  15"
        assert chip.accessibleName() == f"{keyword}, {count} {'section' if count == '1' else 'sections'}"
        assert chip.accessibleDescription().startswith("Not selected")
    chip = window.keyword_bar.chips["Risks"]
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert chip.accessibleDescription().startswith("Selected")
    assert QAccessible.queryAccessibleInterface(chip).state().checked


def test_tree_rows_say_their_hit_counts(qtbot, window):
    type_search(qtbot, window, "ketamine")
    root = QAccessible.queryAccessibleInterface(window.section_tree)
    rows = [element.text(QAccessible.Text.Name) for element, _ in elements(root) if element.role() == QAccessible.Role.TreeItem]
    badges = {}
    model = window.section_tree.model()
    index = model.index(0, 0)
    while index.isValid():
        badges[index.data()] = index.data(Qt.ItemDataRole.UserRole + 10)  # the badge as drawn
        index = window.section_tree.indexBelow(index)
    assert len(rows) == len(badges)
    for title, badge in badges.items():
        spoken = next(row for row in rows if row.startswith(title))
        if badge:
            assert f", {badge} match" in spoken
        else:
            assert "no match here" in spoken


@pytest.fixture
def announcements(monkeypatch):
    """What the window announces to screen readers."""
    said = []
    real = QAccessible.updateAccessibility

    def record(event):
        if isinstance(event, QAccessibleAnnouncementEvent):
            said.append(event.message())
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    return said


def test_the_number_of_matches_is_announced_once_the_search_settles(qtbot, window, announcements):
    qtbot.waitUntil(lambda: window.indexer.is_ready)
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, "bladd")
    qtbot.keyClicks(window.filter_edit, "er")
    qtbot.waitUntil(lambda: announcements != [], timeout=3000)
    assert announcements == [window.navigation.status_label.text()] == ["1 match in 1 section"]
    window.filter_edit.selectAll()
    qtbot.keyClicks(window.filter_edit, "zebrafish")  # found nowhere
    qtbot.waitUntil(lambda: len(announcements) == 2, timeout=3000)
    assert window.navigation.showing_empty_state
    assert announcements[-1] == window.navigation.empty_label.text() and "zebrafish" in announcements[-1]
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(announcements) == 3, timeout=3000)
    assert "every section" in announcements[-1]


def test_a_new_text_size_is_announced(qtbot, window, announcements):
    window.actions["zoom_in"].trigger()
    assert announcements == ["Text size 110 %"]


def test_tab_follows_the_screen_from_the_chips_down_to_the_article(qtbot, window):
    # chips, the Sections and Bookmarks tabs, the search box, the tree, the article
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: window.indexer.is_ready)
    chips = [chip for chip in window.keyword_bar.chips.values() if chip.isEnabled()]
    chips[0].setFocus(Qt.FocusReason.TabFocusReason)
    visited = [QApplication.focusWidget()]
    while QApplication.focusWidget() is not window.article_view and len(visited) < 40:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    tabs = window.desk.sidebar.tabBar()
    assert visited == [*chips, tabs, window.filter_edit, window.section_tree, window.article_view]
    qtbot.keyClick(window.article_view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.section_tree


def test_tab_from_the_article_comes_round_to_the_chips_at_the_top(qtbot, window):
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: window.indexer.is_ready)
    first_chip = next(chip for chip in window.keyword_bar.chips.values() if chip.isEnabled())
    window.article_view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(window.article_view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first_chip
    qtbot.keyClick(first_chip, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.article_view


def test_tab_keeps_the_order_for_the_chips_of_another_article(qtbot, window, write_article):
    show_active(qtbot, window)
    window.open_article_file(
        write_article("---\nKeywords: Apples, Pears\n---\n# Fruit\n\n## Apples\n\nApples.\n\n## Pears\n\nPears.\n")
    )
    qtbot.waitUntil(lambda: window.indexer.is_ready)
    first, second = window.keyword_bar.chips.values()
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    qtbot.keyClick(second, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.desk.sidebar.tabBar()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.filter_edit


@pytest.mark.parametrize("action", ["about", "shortcuts", "print", "export_pdf"])
def test_every_control_of_the_windows_dialogs_has_a_name(qtbot, window, action):
    show_active(qtbot, window)
    window.actions[action].trigger()
    dialog = window.desk.handouts.dialog if action in ("print", "export_pdf") else window.desk.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert unnamed(dialog) == []
    dialog.close()


def test_a_chip_reached_with_tab_shows_its_ring_and_no_box_inside_it(qtbot, window):
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: window.indexer.is_ready)
    first, second = [chip for chip in window.keyword_bar.chips.values() if chip.isEnabled()][:2]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert second.hasFocus()

    def row_between_ring_and_text(chip) -> set[str]:
        image = chip.grab().toImage()
        return {image.pixelColor(x, 6).name() for x in range(20, image.width() - 20)}

    # the style's own focus box (a tinted rectangle round the text) would add its colours to this row
    assert row_between_ring_and_text(second) == row_between_ring_and_text(first) and len(row_between_ring_and_text(first)) == 1
