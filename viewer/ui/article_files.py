"""Articles from files while the window is open: File → Open, a file dropped on the window, and the open
file changed or gone on disk.

Every article shown still goes through :meth:`MainWindow.show_article`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from viewer.core.errors import ArticleError
from viewer.core.loader import load_article
from viewer.ui import plain_text
from viewer.ui.article_watcher import ArticleWatcher
from viewer.ui.messages import tell_cannot_open, tell_without_blocking

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

log = logging.getLogger("viewer.files")

ARTICLE_FILES = "Markdown articles (*.md *.markdown *.txt);;All files (*)"


class ArticleFiles(QObject):
    """The open article's file, watched; the Open dialog; files dropped on the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.watcher = ArticleWatcher(self)
        self.watcher.changed.connect(self._on_file_changed)
        self.watcher.vanished.connect(self._on_file_vanished)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def open(self, path: Path) -> bool:
        """Open the article at *path*; on failure say why in a dialog and keep the current one."""
        try:
            article = load_article(path, self._window.render_cache)  # the window's render cache, if any
        except ArticleError as error:
            log.info("%s", error)
            tell_cannot_open(self._window, error)
            return False
        log.debug("opened %s", path)
        self._window.show_article(article)
        return True

    @Slot()
    def ask_and_open(self) -> None:
        """Ask which article to open, starting in the open one's folder; open it."""
        window = self._window
        start = str(window.article.path.parent) if window.article.path else ""
        from PySide6.QtWidgets import QFileDialog  # here: its enum classes wait until a file is asked for

        name, _ = QFileDialog.getOpenFileName(window, "Open an article", start, ARTICLE_FILES)
        if name:
            window.open_article_file(Path(name))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
            if event.mimeData().hasUrls() and event.mimeData().urls()[0].isLocalFile():
                event.acceptProposedAction()  # a local file: it may be dropped
            return True
        if event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            self._window.open_article_file(Path(event.mimeData().urls()[0].toLocalFile()))
            return True
        return super().eventFilter(watched, event)

    @Slot(Path)
    def _on_file_changed(self, path: Path) -> None:
        try:
            article = load_article(path, self._window.render_cache)  # the window's render cache, if any
        except ArticleError as error:
            self._tell("The article file changed and cannot be read", error)
            return
        log.debug("reloaded %s", path)
        self._window.show_article(article)

    @Slot(Path)
    def _on_file_vanished(self, path: Path) -> None:
        self._tell("The article file is gone", ArticleError("was moved or deleted; the text shown stays as it was", path))

    def _tell(self, title: str, error: ArticleError) -> None:
        log.info("%s", error)
        self._window.statusBar().showMessage(plain_text.one_line(str(error), 1000))
        tell_without_blocking(self._window, title, error)
