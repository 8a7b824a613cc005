"""Several things to tell at once: each stays readable on its own in the status bar."""

from __future__ import annotations

import json

from viewer.core.loader import load_article
from viewer.core.settings import Settings, settings_path
from viewer.ui.main_window import MainWindow
from viewer.ui.messages import MESSAGE_SEPARATOR


def test_an_article_warning_and_a_settings_problem_are_told_apart(qtbot, tmp_path):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(json.dumps({"window_geometry": 7}), encoding="utf-8")
    article_path = tmp_path / "latin.md"
    article_path.write_bytes("# Caf\xe9 notes\n\n## Men\xfc\n\nCr\xe8me.\n".encode("latin-1"))
    window = MainWindow(load_article(article_path), Settings.load())
    qtbot.addWidget(window)
    parts = window.statusBar().currentMessage().split(MESSAGE_SEPARATOR)
    assert len(parts) == 2, parts
    assert "latin.md" in parts[0] and "Windows-1252" in parts[0]
    assert str(settings_path()) in parts[1] and "window_geometry" in parts[1]
