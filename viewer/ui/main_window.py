"""The main window: keyword chips on top, filter and section tree on the left, the article on the right.

A frame: each part lives in a module of its own, and :meth:`MainWindow._connect_signals` wires them.
Places to hang a capability on: :meth:`~MainWindow.show_article` and :meth:`~MainWindow.open_article_file`
(every article shown goes through them), :meth:`~MainWindow.scroll_to_section` and the
``sectionChanged`` signal (every move between sections), and ``actions`` (every command, by name;
see :func:`viewer.ui.window_actions.keep_only`). Handouts, history, bookmarks, section links and the
reading place hang on them as :mod:`viewer.ui.reading_desk` (``desk``); theme, text size, the layout
that fits the screen and what screen readers get as :mod:`viewer.ui.reading_comfort` (``comfort``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QVBoxLayout, QWidget

from viewer import APP_NAME
from viewer.core.article import Article
from viewer.core.reading_place import StartPlace
from viewer.core.settings import Settings
from viewer.ui import plain_text
from viewer.ui.article_files import ArticleFiles
from viewer.ui.article_links import ArticleLinkFollower
from viewer.ui.article_view import ArticleView
from viewer.ui.hit_stepper import HitStepper
from viewer.ui.keyword_bar import KeywordBar
from viewer.ui.messages import status_line
from viewer.ui.navigation_pane import NavigationPane
from viewer.ui.progressive_loader import ProgressiveLoader
from viewer.ui.reading_comfort import ReadingComfort
from viewer.ui.reading_desk import ReadingDesk
from viewer.ui.search_indexing import SearchIndexer
from viewer.ui.search_presenter import SearchPresenter
from viewer.ui.section_filter import SectionFilterProxy
from viewer.ui.section_model import ANCHOR_ROLE, QtSectionModel
from viewer.ui.window_actions import build_actions
from viewer.ui.window_settings import remember_window, restore_window


class MainWindow(QMainWindow):
    """One article: its sections in a tree beside the rendered text, with search over both.

    Signals:
        sectionChanged(str): the section being read is now the one with this anchor.
    """

    sectionChanged = Signal(str)

    def __init__(
        self,
        article: Article,
        settings: Settings | None = None,
        place: StartPlace | None = None,
        base_text_points: float | None = None,
    ) -> None:
        """*place*: where to open (the command line's section, or where the reader left off), with a note to show.

        *base_text_points*: how large normal body text is, in place of the style sheet's (the kiosk's is
        larger); text size steps go on from it.
        """
        super().__init__()
        self.setObjectName("mainWindow")
        self._settings = settings
        self.render_cache = article.cache_slot.cache if article.cache_slot else None  # for every article opened here
        self._build_parts(base_text_points)
        self.desk = ReadingDesk(self, settings, place)
        self._build_layout()
        self.actions = build_actions(self, self._command_slots())
        self.desk.attach(self.actions)
        self._connect_signals()
        self.show_article(article)
        if settings is not None:
            restore_window(self, self.splitter, settings)
            self.comfort.restore(settings)
            self._add_to_status(settings.problems)  # after the article's own warnings, never in their place
        self.desk.report_problems()

    def _build_parts(self, base_text_points: float | None) -> None:
        self.navigation = NavigationPane()
        self.filter_edit, self.section_tree = self.navigation.filter_edit, self.navigation.section_tree
        self.article_view = ArticleView()
        self.keyword_bar = KeywordBar()
        self.section_filter = SectionFilterProxy(self)
        self.section_model: QtSectionModel | None = None
        self.loader = ProgressiveLoader(self.article_view, self)
        self.indexer = SearchIndexer(self.loader, self.article_view.headings, self)
        self.search = SearchPresenter(self.navigation, self.keyword_bar, self.section_filter, self.indexer, self)
        self.hits = HitStepper(self.article_view, self.indexer, self)
        self.files = ArticleFiles(self)  # File → Open, dropped files, the open file changed or gone
        self.watcher = self.files.watcher
        self.comfort = ReadingComfort(self, base_text_points)  # theme, text size, layout, screen readers
        self.appearance = self.comfort.appearance
        self.article_links = ArticleLinkFollower(self)  # kiosk mode sets its allowed_folder
        self._wanted_section = ""  # a section asked for that is not rendered yet
        self._section_shown = ""

    def _build_layout(self) -> None:
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter", childrenCollapsible=False)
        splitter.addWidget(self.desk.sidebar)  # the section tree, and the bookmarks beside it
        splitter.addWidget(self.article_view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 820])
        self.section_tree.setModel(self.section_filter)
        central = QWidget(objectName="centralArea")
        column = QVBoxLayout(central)
        column.setContentsMargins(8, 8, 8, 0)
        column.addWidget(self.keyword_bar)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.comfort.lay_out(splitter)
        self.layout_fit, self.access = self.comfort.layout_fit, self.comfort.access

    def _command_slots(self) -> dict[str, object]:
        return {
            "open": self.files.ask_and_open,
            "quit": self.close,
            **self.comfort.command_slots(),
            "find": self._on_find_requested,
            "find_next": self.hits.step,
            "find_previous": self.hits.step_back,
            "clear_search": self.search.reset,
            **self.desk.command_slots(),
            "show_bookmarks": self._on_show_bookmarks,
        }

    def _connect_signals(self) -> None:
        self.section_tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.section_tree.clicked.connect(self._on_tree_current_changed)
        view = self.article_view
        view.reading.sectionChanged.connect(self._on_reader_moved)
        view.sectionLinkClicked.connect(self.article_links.go_to_fragment)
        view.articleLinkRequested.connect(self.article_links.follow)
        view.externalLinkRequested.connect(self._on_external_link)
        view.linkRefused.connect(self._on_link_refused)
        view.firstPainted.connect(self.loader.start)
        self.loader.sectionsAdded.connect(self._on_sections_added)
        self.loader.completed.connect(self.indexer.start)
        self.search.resultShown.connect(self.hits.show_result)
        self.hits.currentHitChanged.connect(self.search.show_hit)
        self.search.nextHitRequested.connect(self.hits.step)
        self.hits.sectionReached.connect(self._follow)
        self.comfort.connect(self.actions)
        self.desk.connect_to_window()

    def show_article(self, article: Article) -> None:
        """Show *article* in place of the current one: text, tree, chips and search."""
        self.desk.trail.leaving_article()
        self.article = article
        self.setWindowTitle(f"{plain_text.window_title(article.title)} — {APP_NAME}")
        self._wanted_section = ""
        self.indexer.reset(article)
        self.hits.forget_place()
        self.loader.load(article)
        old_model, self.section_model = self.section_model, QtSectionModel(article, self)
        self.section_filter.setSourceModel(self.section_model)
        if old_model is not None:
            old_model.deleteLater()  # with the article it holds
        self.search.set_article(article)
        self.section_tree.expandAll()
        self._follow(article.sections[0].anchor if article.sections else "")
        self.watcher.watch(article.path)
        self.statusBar().clearMessage()
        self._add_to_status([f"{article.path.name if article.path else ''} {warning}" for warning in article.warnings])
        self.desk.article_shown()

    def open_article_file(self, path: Path) -> bool:
        """Open the article at *path*; on failure say why in a dialog and keep the current one."""
        return self.files.open(path)

    @Slot(str)
    def scroll_to_section(self, anchor: str) -> None:
        """Bring the heading of *anchor* to the top of the pane (once it is rendered); the tree follows."""
        if anchor not in self.article_view.headings.anchors:
            return  # a link to a section this article does not have
        if not self.loader.render_up_to(anchor):
            self._wanted_section = anchor  # see _on_sections_added
            return
        self._wanted_section = ""
        if self.article_view.reading.go_to(anchor):
            self._follow(anchor)
            self.desk.trail.note_jump()  # a jump the reader asked for: Back returns from it

    @Slot(str)
    def _follow(self, anchor: str) -> None:
        """The tree shows the section *anchor* as current; sectionChanged tells whoever listens."""
        index = self._tree_index(anchor)
        if index.isValid():
            self.navigation.follow(index)
        if anchor and anchor != self._section_shown:
            self._section_shown = anchor
            self.sectionChanged.emit(anchor)

    def _tree_index(self, anchor: str) -> QModelIndex:
        section = self.article.find(anchor) if anchor else None
        if section is None:
            return QModelIndex()
        return self.section_filter.mapFromSource(self.section_model.index_for(section))

    def _add_to_status(self, messages: list[str]) -> None:
        text = status_line(self.statusBar().currentMessage(), messages)
        if text:
            self.statusBar().showMessage(text)

    @Slot(QModelIndex)
    def _on_tree_current_changed(self, current: QModelIndex) -> None:
        anchor = current.data(ANCHOR_ROLE) if current.isValid() else None
        if anchor and not self.navigation.following:
            self.scroll_to_section(anchor)

    @Slot(str)
    def _on_reader_moved(self, anchor: str) -> None:
        self._wanted_section = ""  # the reader scrolled on: a jump asked for earlier is not wanted now
        self._follow(anchor)

    @Slot(int)
    def _on_sections_added(self, _count: int) -> None:
        if self._wanted_section:
            self.scroll_to_section(self._wanted_section)

    @Slot(QUrl)
    def _on_external_link(self, url: QUrl) -> None:
        from viewer.ui.link_dialogs import open_after_asking  # at the first such link: not before the first paint

        open_after_asking(self, url)

    @Slot(str)
    def _on_link_refused(self, href: str) -> None:
        from viewer.ui.link_dialogs import tell_refused

        tell_refused(self, href)

    @Slot(str, int)
    def show_note(self, text: str, milliseconds: int) -> None:
        """*text* in the status bar: for *milliseconds*, or (0) beside what it says already until the next one."""
        if milliseconds:
            self.statusBar().showMessage(text, milliseconds)  # passing: a link copied, a PDF saved
        else:
            self._add_to_status([text])  # a problem: beside what is said already, never in its place

    @Slot()
    def _on_find_requested(self) -> None:
        self.comfort.show_the_column()  # the search box is in it
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    @Slot()
    def _on_show_bookmarks(self) -> None:
        self.comfort.show_the_column()  # the bookmarks are a tab beside the tree
        self.desk.show_bookmarks()

    def focusNextPrevChild(self, forward: bool) -> bool:
        target = self.access.wrap_focus(QApplication.focusWidget(), forward)
        if target is None:
            return super().focusNextPrevChild(forward)
        target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.loader.shutdown()
        if self._settings is not None:
            self.desk.keeper.remember()
            self.comfort.remember(self._settings)
            problem = remember_window(self, self.splitter, self._settings)
            if problem:
                print(f"ketamine-viewer: {problem}", file=sys.stderr)  # the window is closing: nowhere else to say it
        super().closeEvent(event)
