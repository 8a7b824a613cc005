"""The issue's reader, all at once: text at 200 %, the dark theme, a 1024x600 window, the keyboard only."""

from __future__ import annotations

import re

import pytest

from PySide6.QtWidgets import QApplication

from tests.ui.helpers import layout_problems, show_active
from viewer.core.resources import ARTICLE_STYLESHEET, read_resource_text
from viewer.core.themes import DARK
from viewer.ui.main_window import MainWindow
from viewer.ui.section_model import ANCHOR_ROLE

BODY_POINTS = float(re.search(r"body\s*\{[^}]*?font-size:\s*([\d.]+)pt", read_resource_text(ARTICLE_STYLESHEET))[1])


def keys(qtbot, sequence: str, times: int = 1) -> None:
    """Press *sequence* (``Ctrl+Shift+D``) where the keyboard focus is, as a reader's hands would."""
    from PySide6.QtGui import QKeySequence

    combination = QKeySequence(sequence)[0]
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget(), combination.key(), combination.keyboardModifiers())


def test_a_keyboard_reader_at_200_percent_in_the_dark_on_a_small_screen_finds_a_section_and_reads_on(qtbot, bundled_article):
    window = MainWindow(bundled_article)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    show_active(qtbot, window)
    assert QApplication.focusWidget() is window.filter_edit, "a new window starts in the search box"

    keys(qtbot, "Ctrl+Shift+D")
    keys(qtbot, "Ctrl++", 5)
    assert window.appearance.theme is DARK
    assert window.article_view.font().pointSizeF() == pytest.approx(2 * BODY_POINTS)

    qtbot.keyClicks(window.filter_edit, "nausea")
    qtbot.waitUntil(lambda: window.search.result is not None)
    keys(qtbot, "Down")  # into the filtered tree
    assert QApplication.focusWidget() is window.section_tree
    found = window.section_tree.currentIndex()
    assert found.data() == "B. Common Side Effects"
    qtbot.waitUntil(lambda: window.article_view.reading.current_anchor == found.data(ANCHOR_ROLE))

    keys(qtbot, "Tab")  # on to the article, and read on to its end
    assert QApplication.focusWidget() is window.article_view
    keys(qtbot, "Ctrl+End")
    qtbot.waitUntil(lambda: window.article_view.reading.current_anchor == bundled_article.sections[-1].anchor)

    assert layout_problems(window) == []
    tree, article = window.splitter.sizes()
    assert article >= tree > 0
    assert window.width() <= 1024 and window.height() <= 600
