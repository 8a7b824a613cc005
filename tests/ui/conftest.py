"""Fixtures that open the real main window."""

from __future__ import annotations

import pytest

from viewer.ui.main_window import MainWindow


@pytest.fixture
def open_window(qtbot):
    """Open a main window on an article, shown and laid out, as a user would see it."""

    def open_(article) -> MainWindow:
        window = MainWindow(article)
        qtbot.addWidget(window)
        window.resize(1100, 700)
        window.show()
        qtbot.waitExposed(window)
        return window

    return open_


@pytest.fixture
def window(open_window, bundled_article) -> MainWindow:
    """The main window on the bundled article."""
    return open_window(bundled_article)
