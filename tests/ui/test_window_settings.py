"""The window remembers its layout and text size between runs, and survives a broken settings file."""

from PySide6.QtCore import Qt

from viewer.core.settings import Settings, settings_path
from viewer.ui.main_window import MainWindow


def open_with_settings(qtbot, article):
    window = MainWindow(article, Settings.load())
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # keyboard shortcuts go to the active window only
        window.show()
        window.activateWindow()
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
