"""The layout fits small windows: chips in one row, the article never narrower than the tree, nothing overlapping,
and the chips and the tree can be hidden from the View menu."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import layout_problems, show_active
from viewer.core.settings import Settings
from viewer.ui.main_window import MainWindow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def chip_rows(window) -> int:
    return len({chip.geometry().top() for chip in window.keyword_bar.chips.values()})


def resized(qtbot, window, width, height):
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.size().width() == width and window.size().height() == height)
    QApplication.processEvents()
    return window


@pytest.mark.parametrize(("width", "height"), [(1024, 600), (800, 480), (640, 480)])
def test_a_small_window_keeps_the_chips_to_one_row_and_nothing_overlaps(qtbot, window, width, height):
    resized(qtbot, window, width, height)
    assert layout_problems(window) == []
    assert chip_rows(window) == 1
    assert not window.keyword_bar.rule_label.isVisible(), "the line under the chips goes"
    assert window.keyword_bar.height() < height * 0.2
    tree, article = window.splitter.sizes()
    assert article >= tree > 0
    assert window.article_view.width() >= window.navigation.width()


def test_the_chips_of_a_small_window_scroll_sideways_to_the_one_with_the_focus(qtbot, window):
    resized(qtbot, window, 640, 480)
    last = list(window.keyword_bar.chips.values())[-1]
    assert last.geometry().right() > window.keyword_bar.strip.viewport().width(), "not all fit: the row scrolls"
    last.setFocus(Qt.FocusReason.TabFocusReason)
    window.keyword_bar.strip.ensureWidgetVisible(last)
    position = last.mapTo(window.keyword_bar.strip.viewport(), QPoint(0, 0))
    assert position.x() >= 0 and position.x() + last.width() <= window.keyword_bar.strip.viewport().width()


def test_a_large_window_wraps_the_chips_and_explains_them(qtbot, window):
    resized(qtbot, window, 1200, 820)
    assert chip_rows(window) > 1
    assert window.keyword_bar.rule_label.isVisible()
    assert layout_problems(window) == []
    strip = window.keyword_bar.strip
    assert all(strip.viewport().rect().contains(chip.geometry()) for chip in window.keyword_bar.chips.values())


def test_dragging_the_divider_never_makes_the_tree_wider_than_the_article(qtbot, window):
    resized(qtbot, window, 1100, 700)
    handle = window.splitter.handle(1)
    drag(handle, QPoint(2, handle.height() // 2), QPoint(900, handle.height() // 2))
    tree, article = window.splitter.sizes()
    assert article >= tree > 0


def drag(widget, start: QPoint, end: QPoint) -> None:
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, point, button, buttons in (
        (QMouseEvent.Type.MouseButtonPress, start, left, left),
        (QMouseEvent.Type.MouseMove, end, none, left),
        (QMouseEvent.Type.MouseButtonRelease, end, left, none),
    ):
        local = QPointF(point)
        event = QMouseEvent(kind, local, QPointF(widget.mapToGlobal(point)), button, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, event)


@pytest.fixture
def active(qtbot, window):
    show_active(qtbot, window)
    window.article_view.setFocus()
    return window


def test_the_view_menu_hides_and_shows_the_chips_and_the_tree(qtbot, active):
    window = active
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    texts = [a.text() for a in view_menu.actions()]
    assert "Show the &keyword chips" in texts and "Show the section &tree" in texts
    qtbot.keyClick(window.article_view, Qt.Key.Key_K, CTRL_SHIFT)
    assert not window.keyword_bar.isVisible() and not window.actions["show_keyword_chips"].isChecked()
    qtbot.keyClick(window.article_view, Qt.Key.Key_T, CTRL_SHIFT)
    assert not window.navigation.isVisible()
    qtbot.waitUntil(lambda: window.article_view.width() > window.width() * 0.9)  # the article takes the room
    assert layout_problems(window) == []
    qtbot.keyClick(window.article_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.navigation.isVisible() and window.filter_edit.hasFocus(), "Find brings the search box back"
    assert window.actions["show_section_tree"].isChecked()
    window.actions["show_keyword_chips"].trigger()
    assert window.keyword_bar.isVisible()


def test_hidden_chips_and_tree_stay_hidden_next_time(qtbot, bundled_article):
    first = MainWindow(bundled_article, Settings.load())
    qtbot.addWidget(first)
    first.show()
    first.actions["show_keyword_chips"].trigger()
    first.actions["show_section_tree"].trigger()
    first.close()
    second = MainWindow(bundled_article, Settings.load())
    qtbot.addWidget(second)
    second.show()
    assert not second.keyword_bar.isVisible() and not second.navigation.isVisible()
    assert not second.actions["show_keyword_chips"].isChecked() and not second.actions["show_section_tree"].isChecked()
    second.actions["show_section_tree"].trigger()
    tree, article = second.splitter.sizes()
    assert article >= tree > 100, "the tree comes back at a useful width"


def test_the_tree_grows_with_the_text_and_comes_back_to_its_width(qtbot, active):
    """Larger text, a wider tree: its titles stay as legible as before, up to 40 % of the width."""
    window = resized(qtbot, active, 1024, 600)
    start = window.splitter.sizes()[0]
    qtbot.keyClick(window.article_view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.splitter.sizes()[0] == pytest.approx(start * 1.1, abs=2), "one step is 110 %"
    for _ in range(4):
        qtbot.keyClick(window.article_view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    tree, article = window.splitter.sizes()
    assert start < tree <= (tree + article) * 0.4 + 1, "wider, and the article keeps most of the width"
    assert layout_problems(window) == []
    qtbot.keyClick(window.article_view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.splitter.sizes()[0] == pytest.approx(start, abs=2)
