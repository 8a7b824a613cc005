"""Remembering the window between runs: size and place, the splitter (the theme and text size: viewer.ui.appearance)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from viewer.core.settings import Settings, SettingsError
from viewer.ui.window_placement import restore_geometry


def restore_window(window: QMainWindow, splitter: QSplitter, settings: Settings) -> None:
    """Apply the saved geometry and splitter widths."""
    restore_geometry(window, QByteArray.fromBase64(settings.get("window_geometry").encode("ascii")))
    splitter.setSizes(settings.get("splitter_sizes"))


def remember_window(window: QMainWindow, splitter: QSplitter, settings: Settings) -> str | None:
    """Store the window's state and save it; return a message naming the file when that fails."""
    settings.set("window_geometry", bytes(window.saveGeometry().toBase64()).decode("ascii"))
    if all(splitter.sizes()):  # not while the tree is hidden: its width is kept for when it comes back
        settings.set("splitter_sizes", [min(width, 20000) for width in splitter.sizes()])
    try:
        settings.save()
    except SettingsError as error:
        return str(error)
    return None
