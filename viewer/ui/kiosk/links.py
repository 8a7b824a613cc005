"""Which links a visitor may follow in kiosk mode: within the article, or to articles in its own folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QTextBrowser

from viewer.core.links import ArticleLink, LinkKind, classify_link, resolve_article_link

LEAVES_SCREEN = "Links to other sites do not open on this screen."
NOT_HERE = "This link does not open on this screen."


def kiosk_allows(href: str, current_folder: Path | None, kiosk_folder: Path | None) -> bool:
    """A section of this article, or an article the viewer would open that lies inside the kiosk's folder."""
    kind = classify_link(href)
    if kind is LinkKind.ANCHOR:
        return True
    if kind is not LinkKind.ARTICLE or current_folder is None or kiosk_folder is None:
        return False
    return isinstance(resolve_article_link(current_folder, href, kiosk_folder), ArticleLink)


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
