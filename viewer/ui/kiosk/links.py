"""Which links a visitor may follow in kiosk mode: within the article, or to articles in its own folder."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QTextBrowser

from viewer.core.links import LinkKind, classify_link

ARTICLE_SUFFIXES = (".md", ".markdown")
LEAVES_SCREEN = "Links to other sites do not open on this screen."
NOT_HERE = "This link does not open on this screen."


def kiosk_allows(href: str, current_folder: Path | None, kiosk_folder: Path | None) -> bool:
    """A section of this article, or a Markdown article inside the kiosk's folder (however the path is written)."""
    if classify_link(href) is LinkKind.ANCHOR:
        return True
    parts = urlsplit(href.strip())
    if parts.scheme or parts.netloc or not parts.path or current_folder is None or kiosk_folder is None:
        return False
    path = unquote(parts.path)
    if not path.lower().endswith(ARTICLE_SUFFIXES) or path.startswith(("/", "\\")):
        return False
    target = (current_folder / path).resolve()
    return target.is_relative_to(kiosk_folder.resolve()) and target.is_file()


class LinkGate(QObject):
    """Stops a tap on a link the kiosk does not allow before the article pane acts on it.

    Signals:
        refused(str): what to tell the visitor.
    """

    refused = Signal(str)

    def __init__(self, view: QTextBrowser, kiosk_folder: Path | None, current_folder) -> None:
        super().__init__(view)
        self._view, self._kiosk_folder, self._current_folder = view, kiosk_folder, current_folder
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.MouseButtonRelease or not isinstance(event, QMouseEvent):
            return False
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        href = self._view.anchorAt(event.position().toPoint())
        if not href or kiosk_allows(href, self._current_folder(), self._kiosk_folder):
            return False
        self.refused.emit(LEAVES_SCREEN if classify_link(href) is LinkKind.EXTERNAL else NOT_HERE)
        return True
