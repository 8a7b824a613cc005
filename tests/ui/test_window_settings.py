"""The window remembers its layout and text size between runs, and survives a broken settings file."""

import json
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from tests.core.test_settings import settings_objects
from tests.ui.helpers import show_active
from viewer.core.article import parse_article
from viewer.core.loader import load_article
from viewer.core.settings import CONFIG_DIR_VARIABLE, Settings, settings_path
from viewer.ui.app import run_window
from viewer.ui.main_window import MainWindow


def open_with_settings(qtbot, article):
    window = MainWindow(article, Settings.load())
    qtbot.addWidget(window)
    show_active(qtbot, window)
    return window


def test_splitter_and_text_size_come_back_next_time(qtbot, bundled_article):
    first = open_with_settings(qtbot, bundled_article)
    first.resize(760, 560)  # inside the offscreen screen (800x600), which restoreGeometry keeps windows within
    first.splitter.setSizes([300, 440])
    widths = first.splitter.sizes()
    normal_size = first.article_view.font().pointSizeF()
    qtbot.mouseClick(first.article_view.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(first.article_view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(first.article_view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    larger = first.article_view.font().pointSizeF()
    assert larger > normal_size
    first.close()
    assert settings_path().is_file()
    second = open_with_settings(qtbot, bundled_article)
    assert second.size() == first.size()
    assert second.splitter.sizes() == widths
    assert second.article_view.font().pointSizeF() == larger
    qtbot.mouseClick(second.article_view.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(second.article_view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert second.article_view.font().pointSizeF() == normal_size


def test_a_broken_settings_file_is_reported_and_defaults_are_used(qtbot, bundled_article):
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ not json", encoding="utf-8")
    window = open_with_settings(qtbot, bundled_article)
    assert str(path) in window.statusBar().currentMessage()
    assert window.windowTitle().startswith("Ketamine for Treatment-Resistant Depression")


@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(settings_objects)
def test_the_window_opens_whatever_the_settings_file_holds(qtbot, small_article, value):
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value), encoding="utf-8")
    window = MainWindow(small_article, Settings.load())
    qtbot.addWidget(window)
    window.show()
    assert window.isVisible() and window.windowTitle().startswith("Notes")
    window.close()


@pytest.fixture(scope="module")
def small_article():
    return parse_article("# Notes\n\n## One\n\nText.\n")


@pytest.mark.parametrize("content", ['{"window_geometry": "é"}', '{"window_geometry": "////"}', "\udcff"])
def test_the_program_starts_whatever_the_settings_file_holds(tmp_path, content):
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text(content, encoding="utf-8", errors="surrogateescape")
    result = subprocess.run(
        [sys.executable, "-m", "viewer", "--quit-after-first-paint"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", CONFIG_DIR_VARIABLE: str(config)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr


def test_a_real_start_with_settings_keeps_the_encoding_warning(qtbot, tmp_path):
    # As every real start has: settings (here without a problem) and the article from the command line.
    Settings.load().save()
    path = tmp_path / "latin.md"
    path.write_bytes("# Caf\xe9 notes\n\n## Men\xfc\n\nCr\xe8me.\n".encode("latin-1"))
    seen = []

    def look_at_the_window():
        [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen.append(window.statusBar().currentMessage())

    QTimer.singleShot(0, QApplication.instance(), look_at_the_window)
    assert run_window(load_article(path), ["ketamine-viewer", str(path)], quit_after_first_paint=True) == 0
    [message] = seen
    assert "latin.md" in message and "read as Windows-1252" in message
