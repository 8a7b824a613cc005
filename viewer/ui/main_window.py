"""The main window: keyword chips on top, filter and section tree on the left, the article on the right."""

from __future__ import annotations

import sys
from itertools import islice
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from viewer import APP_NAME, __version__
from viewer.core.article import Article
from viewer.core.errors import ArticleError
from viewer.core.loader import load_article
from viewer.core.render import ArticleRenderer, RenderedArticle, document_html, first_screen_sections
from viewer.core.resources import ARTICLE_STYLESHEET, WINDOW_STYLESHEET, read_resource_text
from viewer.core.settings import Settings
from viewer.ui.article_view import ArticleView, can_show_image
from viewer.ui.article_watcher import ArticleWatcher
from viewer.ui.keyword_bar import KeywordBar
from viewer.ui.navigation_pane import NavigationPane
from viewer.ui.search_controller import SearchController
from viewer.ui.section_filter import SectionFilterProxy
from viewer.ui.section_model import ANCHOR_ROLE, QtSectionModel
from viewer.ui.window_settings import remember_window, restore_window


class MainWindow(QMainWindow):
    """One article: its sections in a tree beside the rendered text, with search over both."""

    def __init__(self, article: Article, settings: Settings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setStyleSheet(read_resource_text(WINDOW_STYLESHEET))
        self.setAcceptDrops(True)
        self.navigation = NavigationPane()
        self.filter_edit = self.navigation.filter_edit
        self.section_tree = self.navigation.section_tree
        self.article_view = ArticleView()
        self.section_filter = SectionFilterProxy(self)
        self.section_tree.setModel(self.section_filter)
        self.keyword_bar = KeywordBar(())
        self.search: SearchController | None = None
        self.watcher = ArticleWatcher(self)
        self._following_view = False
        self._renderer = ArticleRenderer(image_check=can_show_image)
        self._settings = settings
        self._build_layout()
        self._build_menus()
        self._connect_signals()
        self.show_article(article)
        if settings is not None:
            restore_window(self, self.splitter, self.article_view, settings)
            if settings.problems:  # after the article's own warnings, never in their place
                self.statusBar().showMessage(" ".join([self.statusBar().currentMessage(), *settings.problems]).strip())

    def show_article(self, article: Article) -> None:
        """Show *article* in place of the current one: text, tree, chips and search."""
        if self.search is not None:
            self.search.reset()
            self.search.detach()
        self.article = article
        self.setWindowTitle(f"{article.title} — {APP_NAME}")
        folder = article.path.parent if article.path else None
        # A long article is shown as soon as its first screen is rendered; the search index, built
        # after the first paint, renders the rest first (and a jump further down waits for it).
        sections, count = self._renderer.section_html(article), first_screen_sections(article)
        first = document_html(islice(sections, count))
        more = sections if count < len(article.sections) else None
        if more is None:
            sections.close()  # all shown: let the renderer's time-limit thread go now
        anchors = tuple(section.anchor for section in article.sections)
        self.article_view.show_article(RenderedArticle(first, anchors), folder, read_resource_text(ARTICLE_STYLESHEET), more=more)
        self.section_model = QtSectionModel(article, self)
        self.section_filter.setSourceModel(self.section_model)
        self.section_tree.expandAll()
        self._replace_keyword_bar(KeywordBar(article.metadata.keywords))
        self.search = SearchController(article, self.navigation, self.article_view, self.keyword_bar, self.section_filter)
        self.search.sectionReached.connect(self._on_section_entered)
        if article.sections:
            self.section_tree.setCurrentIndex(self._tree_index(article.sections[0].anchor))
        self.watcher.watch(article.path)
        self.statusBar().showMessage(" ".join(f"{article.path.name if article.path else ''} {w}" for w in article.warnings))
        if self.article_view.has_painted:
            self._build_search_index_soon()

    def open_article_file(self, path: Path) -> bool:
        """Open the article at *path*; on failure say why in a dialog and keep the current one."""
        try:
            article = load_article(path)
        except ArticleError as error:
            QMessageBox.warning(self, "Cannot open the article", f"{error.path}\n\n{error.reason.capitalize()}.")
            return False
        self.show_article(article)
        return True

    def _replace_keyword_bar(self, keyword_bar: KeywordBar) -> None:
        old = self.keyword_bar
        self.centralWidget().layout().replaceWidget(old, keyword_bar)
        old.deleteLater()
        self.keyword_bar = keyword_bar

    def _build_layout(self) -> None:
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter", childrenCollapsible=False)
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.article_view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 820])
        central = QWidget(objectName="centralArea")
        column = QVBoxLayout(central)
        column.setContentsMargins(8, 8, 8, 0)
        column.addWidget(self.keyword_bar)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.resize(1200, 820)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction("&Open article…", QKeySequence.StandardKey.Open, self._on_open_requested)
        file_menu.addSeparator()
        file_menu.addAction("&Quit", QKeySequence.StandardKey.Quit, self.close)
        view_menu = self.menuBar().addMenu("&View")
        view = self.article_view
        view_menu.addAction("&Larger text", QKeySequence.StandardKey.ZoomIn, lambda: view.zoom_to(view.zoom_step + 1))
        view_menu.addAction("&Smaller text", QKeySequence.StandardKey.ZoomOut, lambda: view.zoom_to(view.zoom_step - 1))
        view_menu.addAction("&Normal text size", QKeySequence("Ctrl+0"), lambda: view.zoom_to(0))
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(f"&About {APP_NAME}", self._on_about_requested)

    def _connect_signals(self) -> None:
        self.section_tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.section_tree.clicked.connect(self._on_tree_current_changed)
        self.article_view.sectionEntered.connect(self._on_section_entered)
        self.article_view.externalLinkRequested.connect(self._on_external_link)
        self.article_view.linkRefused.connect(self._on_link_refused)
        self.article_view.firstPainted.connect(self._on_first_paint)
        self.watcher.changed.connect(self._on_file_changed)
        self.watcher.vanished.connect(self._on_file_vanished)
        shortcuts = {
            QKeySequence.StandardKey.FindNext: lambda: self.search.step(forward=True),
            QKeySequence.StandardKey.FindPrevious: lambda: self.search.step(forward=False),
            QKeySequence(Qt.Key.Key_Escape): lambda: self.search.reset(),
            QKeySequence.StandardKey.Find: self._on_find_requested,
        }
        for keys, slot in shortcuts.items():
            QShortcut(keys, self, activated=slot)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._settings is not None:
            problem = remember_window(self, self.splitter, self.article_view.zoom_step, self._settings)
            if problem:
                print(f"ketamine-viewer: {problem}", file=sys.stderr)  # the window is closing: nowhere else to say it
        super().closeEvent(event)

    def _tree_index(self, anchor: str) -> QModelIndex:
        section = self.article.find(anchor)
        if section is None:
            return QModelIndex()
        return self.section_filter.mapFromSource(self.section_model.index_for(section))

    def _on_first_paint(self) -> None:
        self._build_search_index_soon()

    def _build_search_index_soon(self) -> None:
        # Search can wait, the first paint cannot. Resolved when it runs: the article may change meanwhile.
        QTimer.singleShot(0, lambda: self.search.start_indexing())

    def _on_find_requested(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _on_open_requested(self) -> None:
        start = str(self.article.path.parent) if self.article.path else ""
        name, _ = QFileDialog.getOpenFileName(
            self, "Open an article", start, "Markdown articles (*.md *.markdown *.txt);;All files (*)"
        )
        if name:
            self.open_article_file(Path(name))

    def _on_about_requested(self) -> None:
        QMessageBox.about(
            self, f"About {APP_NAME}", f"{APP_NAME} {__version__}\n\nReads articles offline. It never uses the network."
        )

    def _on_file_changed(self, path: Path) -> None:
        try:
            self.show_article(load_article(path))
        except ArticleError as error:
            self._tell_without_blocking("The article file changed and cannot be read", error)

    def _on_file_vanished(self, path: Path) -> None:
        self._tell_without_blocking(
            "The article file is gone", ArticleError("was moved or deleted; the text shown stays as it was", path)
        )

    def _tell_without_blocking(self, title: str, error: ArticleError) -> None:
        """A message that an unattended screen does not have to dismiss to keep working."""
        self.statusBar().showMessage(str(error))
        box = QMessageBox(QMessageBox.Icon.Warning, title, f"{error.path}\n\n{error.reason.capitalize()}.", parent=self)
        box.setObjectName("fileProblemMessage")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    def _on_tree_current_changed(self, current: QModelIndex) -> None:
        anchor = current.data(ANCHOR_ROLE) if current.isValid() else None
        if anchor and not self._following_view:
            self.article_view.scroll_to_section(anchor)

    def _on_section_entered(self, anchor: str) -> None:
        index = self._tree_index(anchor)
        if not index.isValid():
            return
        self._following_view = True
        try:
            self.section_tree.setCurrentIndex(index)
            self.section_tree.scrollTo(index)
        finally:
            self._following_view = False

    def _on_external_link(self, url: QUrl) -> None:
        answer = QMessageBox.question(
            self,
            "Open outside the viewer?",
            f"This link leaves the article:\n\n{url.toString()}\n\nOpen it in your browser or mail program?",
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(url)

    def _on_link_refused(self, href: str) -> None:
        QMessageBox.information(self, "Link not opened", f"The viewer does not open this kind of link:\n\n{href}")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and event.mimeData().urls()[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.open_article_file(Path(event.mimeData().urls()[0].toLocalFile()))
