"""The context menus of the section tree and of the article: copy a link to the section, bookmark it, print it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTreeView

from viewer.ui.article_view import ArticleView
from viewer.ui.section_model import ANCHOR_ROLE


class SectionMenus(QObject):
    """Offers what can be done with one section, where the reader right-clicks it.

    Signals:
        copyLinkRequested(str), bookmarkRequested(str), printRequested(str), exportRequested(str):
            the reader chose that for the section with this anchor.
    """

    copyLinkRequested = Signal(str)
    bookmarkRequested = Signal(str)
    printRequested = Signal(str)
    exportRequested = Signal(str)

    def __init__(
        self,
        tree: QTreeView,
        view: ArticleView,
        actions: dict[str, QAction],
        is_bookmarked: Callable[[str], bool],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._tree, self._view, self._actions, self._is_bookmarked = tree, view, actions, is_bookmarked
        self.menu: QMenu | None = None  # the menu open now

    @Slot(QPoint)
    def on_tree_menu(self, position: QPoint) -> None:
        index = self._tree.indexAt(position)
        if not index.isValid():
            return
        menu = QMenu(self._tree, objectName="sectionTreeMenu")
        self._add_section_entries(menu, index.data(ANCHOR_ROLE))
        if menu.isEmpty():
            menu.deleteLater()
            return
        self._show(menu, self._tree.viewport().mapToGlobal(position))

    @Slot(QPoint)
    def on_article_menu(self, position: QPoint) -> None:
        menu = self._view.createStandardContextMenu(position)
        menu.setObjectName("articleMenu")
        anchor = self._view.headings.section_at(self._view.verticalScrollBar().value() + position.y())
        if anchor:
            menu.addSeparator()
            self._add_section_entries(menu, anchor)
        self._show(menu, self._view.viewport().mapToGlobal(position))

    def _add_section_entries(self, menu: QMenu, anchor: str) -> None:
        entries = (
            ("copy_link", "Copy link to this section", "copyLinkEntry", self.copyLinkRequested),
            (
                "bookmark",
                "Remove the bookmark" if self._is_bookmarked(anchor) else "Bookmark this section",
                "bookmarkEntry",
                self.bookmarkRequested,
            ),
            ("print", "Print this section…", "printSectionEntry", self.printRequested),
            ("export_pdf", "Export this section as PDF…", "exportSectionEntry", self.exportRequested),
        )
        for command, text, name, signal in entries:
            if not self._actions[command].isVisible():
                continue  # switched off (kiosk mode): not here either
            if command == "print":
                menu.addSeparator()
            action = menu.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(lambda _checked=False, chosen=signal: chosen.emit(anchor))

    def _show(self, menu: QMenu, where: QPoint) -> None:
        self.menu = menu
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(where)
