"""Larger and smaller text, as a reader asks for it: every text of the article and the tree, in proportion.

Expected sizes come from resources/style/article.css, read here, never from the code that scales it.
"""

from __future__ import annotations

import re

import pytest

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import show_active
from viewer.core.resources import ARTICLE_STYLESHEET, read_resource_text

CSS = read_resource_text(ARTICLE_STYLESHEET)
CTRL = Qt.KeyboardModifier.ControlModifier


def css_points(selector: str) -> float:
    """The font size article.css gives *selector*, in points."""
    match = re.search(rf"(?m)^{re.escape(selector)}\b[^{{]*\{{[^}}]*?font-size: ([\d.]+)pt", CSS)
    assert match, selector
    return float(match[1])


def shown_points(window, text_start: str) -> float:
    """The point size the pane draws the block starting with *text_start* in."""
    document = window.article_view.document()
    block = document.begin()
    while block.isValid() and not block.text().startswith(text_start):
        block = block.next()
    assert block.isValid(), text_start
    return block.begin().fragment().charFormat().font().pointSizeF()


def sizes(window) -> dict[str, float]:
    return {
        "title": shown_points(window, "Ketamine for Treatment-Resistant Depression"),
        "part": shown_points(window, "I. Introduction"),
        "point": shown_points(window, "A. Definition of Ketamine"),
        "body": shown_points(window, "Ketamine is a dissociative anesthetic"),
        "summary": shown_points(window, "How ketamine works"),
        "notice": shown_points(window, "Please note"),
        "tree": window.section_tree.font().pointSizeF(),
    }


def press(qtbot, window, key, modifiers=CTRL):
    qtbot.keyClick(window.article_view, key, modifiers)


@pytest.fixture
def focused(window, qtbot):
    show_active(qtbot, window)
    window.article_view.setFocus()
    return window


def test_headings_are_drawn_at_the_sizes_the_style_sheet_gives(window):
    shown = sizes(window)
    assert shown["title"] == css_points("h1")
    assert shown["part"] == css_points("h2")
    assert shown["point"] == css_points("h3")
    assert shown["body"] == css_points("body")
    assert shown["summary"] == css_points("p.summary")
    assert shown["notice"] == css_points("table.notice td")


def test_every_step_larger_grows_all_text_together_and_keeps_the_proportions(qtbot, focused):
    window = focused
    normal = sizes(window)
    previous = normal
    for _ in range(5):
        press(qtbot, window, Qt.Key.Key_Plus)
        now = sizes(window)
        assert all(now[name] > previous[name] for name in now), (previous, now)
        for name in ("title", "part", "point", "summary", "notice"):
            assert now[name] / now["body"] == pytest.approx(normal[name] / normal["body"], rel=0.01), name
        previous = now
    assert previous["body"] == pytest.approx(2 * normal["body"]), "five steps larger is twice the size"
    press(qtbot, window, Qt.Key.Key_0)
    assert sizes(window) == normal


def test_the_unshifted_plus_the_minus_and_the_wheel_change_the_size_too(qtbot, focused):
    window = focused
    normal = sizes(window)["body"]
    press(qtbot, window, Qt.Key.Key_Equal)  # "=" is the unshifted "+" on US keyboards
    assert sizes(window)["body"] > normal
    press(qtbot, window, Qt.Key.Key_Minus)
    press(qtbot, window, Qt.Key.Key_Minus)
    assert sizes(window)["body"] < normal
    press(qtbot, window, Qt.Key.Key_0)
    wheel(window, 120, CTRL)
    assert sizes(window)["body"] > normal
    wheel(window, -120, CTRL)
    assert sizes(window)["body"] == normal
    top = window.article_view.verticalScrollBar().value()
    wheel(window, -120, Qt.KeyboardModifier.NoModifier)  # without Ctrl the wheel still scrolls
    assert sizes(window)["body"] == normal and window.article_view.verticalScrollBar().value() > top


def test_the_size_stops_at_its_smallest_and_largest_steps(qtbot, focused):
    window = focused
    for _ in range(20):
        press(qtbot, window, Qt.Key.Key_Minus)
    smallest = sizes(window)["body"]
    assert smallest > 0
    for _ in range(40):
        press(qtbot, window, Qt.Key.Key_Plus)
    largest = sizes(window)["body"]
    press(qtbot, window, Qt.Key.Key_Plus)
    assert sizes(window)["body"] == largest > smallest
    assert window.statusBar().currentMessage().startswith("Text size")


def test_larger_text_keeps_the_line_at_the_top_of_the_pane(qtbot, focused):
    window = focused
    view = window.article_view
    bar = view.verticalScrollBar()
    bar.setValue(round(view.headings.top("b-high-response-rate")))
    top_text = view.cursorForPosition(QPoint(4, 4)).block().text()
    press(qtbot, window, Qt.Key.Key_Plus)
    press(qtbot, window, Qt.Key.Key_Plus)
    assert view.cursorForPosition(QPoint(4, 4)).block().text() == top_text == "B. High Response Rate"
    assert window.section_tree.currentIndex().data() == "B. High Response Rate"


def test_search_marks_stay_on_their_words_at_any_size(qtbot, focused):
    window = focused
    qtbot.waitUntil(lambda: window.indexer.is_ready)
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, "bladder")
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
    window.article_view.setFocus()
    press(qtbot, window, Qt.Key.Key_Plus)
    marked = [s.cursor.selectedText() for s in window.article_view.extraSelections()]
    assert marked and {text.lower() for text in marked} == {"bladder"}


def wheel(window, delta: int, modifiers) -> None:
    viewport = window.article_view.viewport()
    centre = QPointF(viewport.rect().center())
    event = QWheelEvent(
        centre, viewport.mapToGlobal(centre), QPoint(), QPoint(0, delta), Qt.MouseButton.NoButton, modifiers,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(viewport, event)


def test_the_bookmarks_beside_the_tree_are_as_large_as_the_tree(qtbot, focused):
    window = focused
    bookmarks = window.desk.bookmarks_pane.list
    assert bookmarks.font().pointSizeF() == window.section_tree.font().pointSizeF()
    press(qtbot, window, Qt.Key.Key_Plus)
    press(qtbot, window, Qt.Key.Key_Plus)
    assert bookmarks.font().pointSizeF() == window.section_tree.font().pointSizeF() > 11  # reading.qss: 11 pt at normal size
