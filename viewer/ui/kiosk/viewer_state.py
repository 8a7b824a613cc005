"""The viewer inside the kiosk: its start state, and the few places kiosk mode reaches into the main window.

Everything kiosk mode does to the main window's own parts is here, so that a change to the window's
structure is met in one module.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractScrollArea, QStackedWidget

from viewer.core.errors import ArticleError
from viewer.core.loader import load_article
from viewer.ui.kiosk.touch import scroll_by_finger, stop_scrolling
from viewer.ui.main_window import MainWindow
from viewer.ui.window_actions import keep_only

log = logging.getLogger("viewer.kiosk")

KEPT_COMMANDS = {"find_next", "find_previous"}  # F3 and Shift+F3; every other command of the window is off


def make_kiosk_content(main: MainWindow, kiosk_qss: str) -> None:
    """Make *main* a widget inside the kiosk window: no menu bar, status bar, drops, context menu or commands
    but F3, and the kiosk's style sheet over its own."""
    main.setWindowFlags(Qt.WindowType.Widget)
    main.appearance.add_window_stylesheet(kiosk_qss)  # a widget's own sheet wins over its parent's
    main.setAcceptDrops(False)
    main.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    keep_only(main, main.actions, KEPT_COMMANDS)
    main.menuBar().hide()
    main.statusBar().hide()


class ViewerState:
    """What the next visitor must find: the configured article at its first section, nothing searched."""

    def __init__(self, main: MainWindow) -> None:
        self.main = main
        self.start_article = main.article
        self._chips_hidden = False
        main.article_links.allowed_folder = self.kiosk_folder  # a linked article opens only from this folder
        main.layout_fit.keep_the_chips_wrapping()
        for area in main.findChildren(QAbstractScrollArea):  # the tree, the article, the empty state's suggestions…
            if area is not main.keyword_bar.strip:  # the chips wrap: nothing to drag
                scroll_by_finger(area)

    @property
    def kiosk_folder(self) -> Path | None:
        """The configured article's folder: linked articles must stay inside it."""
        return self.start_article.path.parent if self.start_article.path else None

    def current_folder(self) -> Path | None:
        """The folder of the article shown now (links are relative to it)."""
        return self.main.article.path.parent if self.main.article.path else None

    def restore(self) -> None:
        """The configured article, filter and chips cleared, first section current at the top, no selection."""
        main, view, tree = self.main, self.main.article_view, self.main.section_tree
        self._show_start_article()
        self._show_the_sections()
        self.give_back_the_chips()
        main.search.reset()
        main.appearance.normal_size()  # the kiosk's configured size: its base
        for area in (view, tree):
            stop_scrolling(area)
        cursor = view.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        view.setTextCursor(cursor)
        self._go_to_first_section()
        main.filter_edit.deselect()
        main.filter_edit.clearFocus()

    def _show_start_article(self) -> None:
        start = self.start_article
        if self.main.article.path == start.path and start.path is not None:
            return
        try:  # read afresh: the administrator may have updated the file meanwhile
            article = load_article(start.path) if start.path else start
        except ArticleError as error:
            log.warning("the start article cannot be read again (%s); showing it as it was", error)
            article = start
        self.main.show_article(article)

    def _show_the_sections(self) -> None:
        """The tab or page that holds the section tree is the one shown (the kiosk hides the tabs themselves)."""
        page, parent = self.main.navigation, self.main.navigation.parentWidget()
        while parent is not None and parent is not self.main:
            if isinstance(parent, QStackedWidget):
                parent.setCurrentWidget(page)
            page, parent = parent, parent.parentWidget()

    def _go_to_first_section(self) -> None:
        main, tree, view = self.main, self.main.section_tree, self.main.article_view
        tree.expandAll()
        if main.article.sections:
            tree.setCurrentIndex(tree.model().index(0, 0))
            main.scroll_to_section(main.article.sections[0].anchor)
        tree.scrollToTop()
        for bar in (view.verticalScrollBar(), view.horizontalScrollBar(), tree.horizontalScrollBar()):
            bar.setValue(bar.minimum())

    def status_line_height(self) -> int:
        """The room the line under the search box that counts what was found takes, with the gap above it."""
        navigation = self.main.navigation
        return max(navigation.layout().spacing(), 0) + navigation.status_label.sizeHint().height()

    def hide_the_chips(self) -> None:
        """Make room under the search box on a low screen, while the keyboard is up."""
        if self.main.keyword_bar.isVisible():
            self._chips_hidden = True
            self.main.keyword_bar.hide()
            self.main.centralWidget().layout().activate()

    def give_back_the_chips(self) -> None:
        if self._chips_hidden:
            self._chips_hidden = False
            bar = self.main.keyword_bar
            bar.setVisible(bool(bar.chips))

    def share_the_width(self) -> None:
        """The section tree takes a third of a wide screen: titles read in full, and rows are easy to hit."""
        splitter = self.main.splitter
        tree = max(360, min(splitter.width() // 3, 640))
        splitter.setSizes([tree, splitter.width() - tree])
