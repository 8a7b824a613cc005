"""Remembering the window between runs: size and place, the splitter, the text size."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from viewer.core.settings import Settings, SettingsError
from viewer.ui.article_view import ArticleView


def restore_window(window: QMainWindow, splitter: QSplitter, view: ArticleView, settings: Settings) -> None:
    """Apply the saved geometry, splitter widths and text size."""
    geometry = settings.get("window_geometry")
    if geometry:
        window.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
    splitter.setSizes(settings.get("splitter_sizes"))
    view.zoom_to(settings.get("zoom"))


def remember_window(window: QMainWindow, splitter: QSplitter, zoom: int, settings: Settings) -> str | None:
    """Store the window's state and save it; return a message naming the file when that fails."""
    settings.set("window_geometry", bytes(window.saveGeometry().toBase64()).decode("ascii"))
    settings.set("splitter_sizes", [min(width, 20000) for width in splitter.sizes()])
    settings.set("zoom", zoom)
    try:
        settings.save()
    except SettingsError as error:
        return str(error)
    return None
