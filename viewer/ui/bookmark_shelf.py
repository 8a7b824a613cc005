"""The window's bookmarks: the star on the section being read, the Bookmarks menu and tab, and saving them."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QPointF, Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QMenu

from viewer.core.article import Article
from viewer.core.bookmarks import Bookmarks, BookmarksError, article_key
from viewer.core.resources import DEFAULT_ARTICLE, resource_path
from viewer.ui import plain_text
from viewer.ui.bookmarks_pane import BookmarksPane
from viewer.ui.window_actions import set_available

STAR_COLOUR = "#f2a900"


class BookmarkShelf(QObject):
    """Keeps the star, the menu and the tab in step with the bookmarks of the article shown.

    Signals:
        openRequested(str): the reader chose a bookmark: go to the section with this anchor.
        problem(str): something to say in the status bar (a file that could not be read or saved).
    """

    openRequested = Signal(str)
    problem = Signal(str)

    def __init__(self, bookmarks: Bookmarks, star: QAction, menu: QMenu, pane: BookmarksPane) -> None:
        super().__init__(pane)
        self._bookmarks, self._star, self._menu, self._pane = bookmarks, star, menu, pane
        self._article: Article | None = None
        self._key = ""
        self._anchor = ""
        self._fixed_entries = list(menu.actions())  # 'Bookmark this section', 'Show bookmarks', …: the rest is the list
        star.setCheckable(True)
        star.setIcon(star_icon())
        menu.aboutToShow.connect(self._fill_menu)
        pane.bookmarkOpened.connect(self.openRequested)
        pane.removeRequested.connect(self.remove)

    def report_problems(self) -> None:
        """Say once what was wrong with the bookmarks file when it was read."""
        for message in self._bookmarks.problems:
            self.problem.emit(message)
        self._bookmarks.problems.clear()

    def show_article(self, article: Article) -> None:
        """The window shows *article* now."""
        self._article = article
        self._key = article_key(article.path, resource_path(DEFAULT_ARTICLE))
        self._refresh()

    @Slot(str)
    def set_current(self, anchor: str) -> None:
        """The reader is in the section *anchor* now: the star shows whether it is bookmarked."""
        self._anchor = anchor
        self._refresh_star()

    @Slot()
    def toggle(self) -> None:
        """Bookmark the section being read, or remove its bookmark."""
        self.toggle_section(self._anchor)

    @Slot(str)
    def toggle_section(self, anchor: str) -> None:
        """Bookmark the section *anchor*, or remove its bookmark."""
        section = self._article.find(anchor) if self._article is not None else None
        if section is None:
            return
        existing = self._bookmarks.pointing_at(self._key, self._article, anchor)
        if existing is None:
            self._bookmarks.add(self._key, section)
        else:
            self._bookmarks.remove(self._key, existing.anchor)
        self._save()

    def is_bookmarked(self, anchor: str) -> bool:
        """Whether the section *anchor* of the article shown has a bookmark."""
        return self._article is not None and self._bookmarks.pointing_at(self._key, self._article, anchor) is not None

    @Slot(str)
    def remove(self, saved_anchor: str) -> None:
        """Remove the bookmark saved under *saved_anchor*."""
        self._bookmarks.remove(self._key, saved_anchor)
        self._save()

    def _save(self) -> None:
        try:
            self._bookmarks.save()
        except BookmarksError as error:
            self.problem.emit(str(error))
        self._refresh()

    def _refresh(self) -> None:
        self._pane.show_bookmarks(self._bookmarks.of(self._key), self._article)
        self._refresh_star()

    @Slot()
    def refresh_star(self) -> None:
        """Draw the star again (in the colours of a new theme, say)."""
        self._refresh_star()

    def _refresh_star(self) -> None:
        marked = self.is_bookmarked(self._anchor)
        self._star.setChecked(marked)
        self._star.setIcon(star_icon(filled=marked))
        self._star.setToolTip("Remove the bookmark on this section (Ctrl+D)" if marked else "Bookmark this section (Ctrl+D)")
        set_available(self._star, self._article is not None and self._article.find(self._anchor) is not None)

    @Slot()
    def _fill_menu(self) -> None:
        for action in self._menu.actions():
            if action not in self._fixed_entries:
                self._menu.removeAction(action)
                action.deleteLater()
        if not self._star.isVisible():
            return  # bookmarks are switched off (kiosk mode)
        bookmarks = self._bookmarks.of(self._key)
        if not bookmarks:
            self._menu.addAction("(No bookmarks in this article)").setEnabled(False)
        for bookmark in bookmarks:
            section = bookmark.find_in(self._article) if self._article is not None else None
            title = plain_text.action_text(section.title if section else f"{bookmark.title} (no longer in the article)")
            entry = self._menu.addAction(title)
            entry.setObjectName("bookmarkEntry")
            entry.setEnabled(section is not None)
            if section is not None:
                entry.triggered.connect(lambda _checked=False, anchor=section.anchor: self.openRequested.emit(anchor))


def star_icon(filled: bool = False, size: int = 64) -> QIcon:
    """A five-pointed star: outlined, or filled when the section is bookmarked."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    path = QPainterPath()
    centre, outer, inner = size / 2, size * 0.46, size * 0.19
    for point in range(10):
        radius = outer if point % 2 == 0 else inner
        angle = math.pi / 5 * point - math.pi / 2
        corner = QPointF(centre + radius * math.cos(angle), centre + 2 + radius * math.sin(angle))
        if point == 0:
            path.moveTo(corner)
        else:
            path.lineTo(corner)
    path.closeSubpath()
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # outlined in the theme's text colour, so that it stands out from whatever the toolbar is drawn on
    outline = QColor("#8a6100") if filled else QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
    painter.setPen(QPen(outline, size / 14))
    painter.setBrush(QColor(STAR_COLOUR) if filled else Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.end()
    return QIcon(pixmap)
