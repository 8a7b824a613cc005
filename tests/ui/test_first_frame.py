"""A launch drawn first from the render cache (viewer.ui.first_frame): the whole window at once, keys pressed before
its first paint kept, the rest of the program set up after it."""

from __future__ import annotations

import sys
import warnings

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.conftest import BUNDLED_ARTICLE
from tests.ui.helpers import visible_titles
from viewer import main
from viewer.core.cache_builder import build_entry
from viewer.core.loader import load_article
from viewer.core.quick_start import PlainLaunch, first_screen
from viewer.core.render_cache import RenderCache
from viewer.ui.first_frame import FirstFrame

pytestmark = pytest.mark.usefixtures("own_render_cache")  # what the cache holds is what they test


@pytest.fixture
def screen():
    assert build_entry(BUNDLED_ARTICLE, RenderCache.standard())
    found = first_screen(PlainLaunch(None, None, False))
    assert found is not None
    return found


@pytest.fixture
def frame(qtbot, screen, monkeypatch):
    hook = sys.excepthook
    made = FirstFrame(screen, [])
    qtbot.addWidget(made.window)
    made.window.resize(1100, 700)
    yield made
    if made.reporter is not None:
        made.reporter.uninstall()
    sys.excepthook = hook


def test_keys_pressed_before_the_first_paint_are_not_lost(qtbot, frame, monkeypatch, open_window):
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: asked.append(a) or ("", ""))
    window, painted = frame.window, []
    window.article_view.firstPainted.connect(lambda: painted.append(True))
    window.show()
    with warnings.catch_warnings():  # deprecated, but at once: activateWindow() waits for the event loop, as the paint
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(window)  # what the desktop does before it hands the window any key
    assert window.isActiveWindow()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, "dissociative")
    assert painted == []  # all of it in the gap between show() and the first paint
    with qtbot.waitSignal(window.loader.completed, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: painted == [True])
    assert len(asked) == 1
    assert window.appearance.text_size.step == 1  # one step larger than a fresh start (settings are empty)
    assert window.filter_edit.text() == "dissociative"
    later = open_window(load_article(BUNDLED_ARTICLE))  # the same keys, typed once everything is loaded
    qtbot.keyClicks(later.filter_edit, "dissociative")
    total = len(load_article(BUNDLED_ARTICLE).sections)
    qtbot.waitUntil(lambda: 0 < len(visible_titles(later.section_tree)) < total)  # the word filters: some rows, not all
    qtbot.waitUntil(lambda: visible_titles(window.section_tree) == visible_titles(later.section_tree))


def test_the_first_frame_shows_what_the_full_launch_shows(qtbot, frame, open_window):
    with qtbot.waitSignal(frame.window.loader.completed, timeout=20_000):
        frame.window.show()
    full = open_window(load_article(BUNDLED_ARTICLE))
    qtbot.waitUntil(lambda: full.article_view.toPlainText() == frame.window.article_view.toPlainText(), timeout=20_000)
    assert frame.window.windowTitle() == full.windowTitle()
    assert visible_titles(frame.window.section_tree) == visible_titles(full.section_tree)


def test_error_reporting_and_the_icon_wait_for_the_first_paint(qtbot, frame):
    app = QApplication.instance()
    app.setWindowIcon(app.style().standardIcon(app.style().StandardPixmap.SP_TitleBarMenuButton))  # not the viewer's
    before = app.windowIcon().cacheKey()
    assert frame.reporter is None
    with qtbot.waitSignal(frame.window.article_view.firstPainted, timeout=20_000):
        frame.window.show()
    assert frame.reporter is not None and sys.excepthook == frame.reporter.report
    assert app.windowIcon().cacheKey() != before and not app.windowIcon().isNull()


def test_an_exception_before_the_first_paint_reaches_the_error_log(frame, capsys):
    try:
        raise RuntimeError("broken before the first paint")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert frame.reporter is not None
    assert "unexpected problem (RuntimeError: broken before the first paint)" in capsys.readouterr().err


def test_a_plain_launch_with_its_article_cached_opens_the_first_frame(monkeypatch, screen):
    opened = []
    monkeypatch.setattr("viewer.ui.first_frame.run_first_frame", lambda s, argv, quit_: opened.append(s) or 0)
    monkeypatch.setattr("viewer.cli.run", lambda argv: pytest.fail("went through the full command line"))
    assert main(["ketamine-viewer"]) == 0
    [shown] = opened
    assert shown.path == BUNDLED_ARTICLE and shown.entry.sections == len(load_article(BUNDLED_ARTICLE).sections)


@pytest.mark.parametrize("arguments", [["--no-cache"], ["--outline"], ["missing-file.md"]])
def test_anything_else_goes_through_the_full_command_line(monkeypatch, screen, arguments):
    ran = []
    monkeypatch.setattr("viewer.ui.first_frame.run_first_frame", lambda *a: pytest.fail("opened the first frame"))
    monkeypatch.setattr("viewer.cli.run", lambda argv: ran.append(argv) or 0)
    assert main(["ketamine-viewer", *arguments]) == 0
    assert ran == [["ketamine-viewer", *arguments]]


STYLE_AT_FIRST_PAINT = """
import sys
from PySide6.QtWidgets import QApplication
from viewer.core.quick_start import PlainLaunch, first_screen
from viewer.ui.first_frame import FirstFrame

made = FirstFrame(first_screen(PlainLaunch(None, None, False)), [sys.argv[0]])
made.window.article_view.firstPainted.connect(lambda: (print(QApplication.style().name()), made.app.exit(0)))
sys.exit(made.run())
"""


@pytest.mark.parametrize("asked", ["", "Windows"])
def test_a_first_frame_is_in_the_viewer_s_style_whatever_the_system_asks_for(screen, tmp_path, asked):
    import os
    import subprocess

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KETAMINE_VIEWER_CONFIG_DIR": str(tmp_path / "config")}
    env.pop("QT_STYLE_OVERRIDE", None)
    if asked:
        env["QT_STYLE_OVERRIDE"] = asked
    result = subprocess.run([sys.executable, "-c", STYLE_AT_FIRST_PAINT], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split()[-1].lower() == "fusion"  # the style viewer.ui.themes.STYLE names
