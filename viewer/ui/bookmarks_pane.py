"""The Bookmarks tab beside the section tree: the article's bookmarks, each opening its section."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu, QStackedWidget, QVBoxLayout, QWidget

from viewer.core.article import Article
from viewer.core.bookmarks import Bookmark
from viewer.ui import plain_text
from viewer.ui.accessibility import describe, name_scroll_bars

ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 1  # the section it opens now
BOOKMARK_ROLE = Qt.ItemDataRole.UserRole + 2  # the anchor it was saved with (the section may have moved since)
GONE_ROLE = Qt.ItemDataRole.UserRole + 3
EMPTY_TEXT = "No bookmarks yet.\n\nPress Ctrl+D, or the star in the toolbar, to bookmark the section you are reading."
GONE_NOTE = "This section is no longer in the article; the bookmark is kept in case it comes back."


class BookmarkList(QListWidget):
    """The bookmarks as rows; Delete removes the chosen one.

    Signals:
        removeRequested(str): the reader asked to remove the bookmark on this anchor.
    """

    removeRequested = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.currentItem() is not None:
            self.removeRequested.emit(self.currentItem().data(BOOKMARK_ROLE))
            return
        super().keyPressEvent(event)


class BookmarksPane(QWidget):
    """A list of bookmarks with an empty state; a bookmark whose section is gone is greyed, not dropped.

    Signals:
        bookmarkOpened(str): the reader chose the bookmark on this anchor.
        removeRequested(str): the reader asked to remove the bookmark on this anchor.
    """

    bookmarkOpened = Signal(str)
    removeRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksPane")
        self.list = BookmarkList(objectName="bookmarkList", contextMenuPolicy=Qt.ContextMenuPolicy.CustomContextMenu)
        describe(self.list, "Bookmarks", "The sections you bookmarked; Enter opens one, Delete removes it.")
        self.list.setWordWrap(True)  # a long title on two lines, not a sideways scroll (large text, a narrow column)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        name_scroll_bars(self.list, "the bookmarks")
        self.empty_label = plain_text.label(EMPTY_TEXT, objectName="bookmarksEmptyText", wordWrap=True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.list)
        self._stack.addWidget(self.empty_label)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 4, 8)
        column.addWidget(self._stack)
        self.list.itemClicked.connect(self._on_item_chosen)
        self.list.itemActivated.connect(self._on_item_chosen)
        self.list.removeRequested.connect(self.removeRequested)
        self.list.customContextMenuRequested.connect(self._on_context_menu)
        self.show_bookmarks([], None)

    def show_bookmarks(self, bookmarks: list[Bookmark], article: Article | None) -> None:
        """List *bookmarks* of *article*, each under its section's title now (or its old one, greyed, when gone)."""
        from viewer.core.handout import plain  # here: the handout module need not load before the first paint

        self.list.clear()
        for bookmark in bookmarks:
            section = bookmark.find_in(article) if article is not None else None
            item = QListWidgetItem(plain(section.title if section else bookmark.title))
            item.setData(ANCHOR_ROLE, section.anchor if section else "")
            item.setData(BOOKMARK_ROLE, bookmark.anchor)
            item.setData(GONE_ROLE, section is None)
            if section is None:
                item.setForeground(self.palette().brush(self.palette().ColorGroup.Disabled, self.palette().ColorRole.Text))
                item.setToolTip(GONE_NOTE)
            self.list.addItem(item)
        self._stack.setCurrentWidget(self.list if bookmarks else self.empty_label)

    def titles(self) -> list[tuple[str, bool]]:
        """(title, gone) of each row, top to bottom, as the reader sees them."""
        return [(self.list.item(row).text(), self.list.item(row).data(GONE_ROLE)) for row in range(self.list.count())]

    @Slot(QListWidgetItem)
    def _on_item_chosen(self, item: QListWidgetItem) -> None:
        if not item.data(GONE_ROLE):
            self.bookmarkOpened.emit(item.data(ANCHOR_ROLE))

    @Slot(QPoint)
    def _on_context_menu(self, position: QPoint) -> None:
        item = self.list.itemAt(position)
        if item is None:
            return
        menu = QMenu(self)
        menu.setObjectName("bookmarkMenu")
        opening = menu.addAction("Open", lambda: self._on_item_chosen(item))
        opening.setEnabled(not item.data(GONE_ROLE))
        menu.addAction("Remove bookmark", lambda: self.removeRequested.emit(item.data(BOOKMARK_ROLE)))
        menu.popup(self.list.viewport().mapToGlobal(position))
