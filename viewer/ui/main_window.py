"""The main window: keyword chips on top, filter and section tree on the left, the article on the right."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from viewer import APP_NAME
from viewer.core.article import Article
from viewer.core.render import ArticleRenderer
from viewer.core.resources import ARTICLE_STYLESHEET, WINDOW_STYLESHEET, read_resource_text
from viewer.ui.article_view import ArticleView
from viewer.ui.keyword_bar import KeywordBar
from viewer.ui.navigation_pane import NavigationPane
from viewer.ui.search_controller import SearchController
from viewer.ui.section_filter import SectionFilterProxy
from viewer.ui.section_model import ANCHOR_ROLE, QtSectionModel


class MainWindow(QMainWindow):
    """One article: its sections in a tree beside the rendered text, with search over both."""

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setStyleSheet(read_resource_text(WINDOW_STYLESHEET))
        self.navigation = NavigationPane()
        self.filter_edit = self.navigation.filter_edit
        self.section_tree = self.navigation.section_tree
        self.article_view = ArticleView()
        self.keyword_bar = KeywordBar(article.metadata.keywords)
        self.section_filter = SectionFilterProxy(self)
        self._following_view = False
        self._build_layout()
        self._show_article(article)
        self._connect_signals()

    def _show_article(self, article: Article) -> None:
        self.article = article
        self.setWindowTitle(f"{article.title} — {APP_NAME}")
        rendered = ArticleRenderer().render(article)
        folder = article.path.parent if article.path else None
        self.article_view.show_article(rendered, folder, read_resource_text(ARTICLE_STYLESHEET))
        self.section_model = QtSectionModel(article, self)
        self.section_filter.setSourceModel(self.section_model)
        self.section_tree.setModel(self.section_filter)
        self.section_tree.expandAll()
        if article.sections:
            self.section_tree.setCurrentIndex(self._tree_index(article.sections[0].anchor))
        self.search = SearchController(article, self.navigation, self.article_view, self.keyword_bar, self.section_filter)
        for warning in article.warnings:
            self.statusBar().showMessage(f"{article.path.name if article.path else ''} {warning}")

    def _build_layout(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter", childrenCollapsible=False)
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

    def _connect_signals(self) -> None:
        self.section_tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.section_tree.clicked.connect(self._on_tree_current_changed)
        self.article_view.sectionEntered.connect(self._on_section_entered)
        self.article_view.externalLinkRequested.connect(self._on_external_link)
        self.article_view.linkRefused.connect(self._on_link_refused)
        self.article_view.firstPainted.connect(self._on_first_paint)
        self.search.sectionReached.connect(self._on_section_entered)
        shortcuts = {
            QKeySequence.StandardKey.FindNext: lambda: self.search.step(forward=True),
            QKeySequence.StandardKey.FindPrevious: lambda: self.search.step(forward=False),
            QKeySequence(Qt.Key.Key_Escape): self.search.reset,
            QKeySequence.StandardKey.Find: self._on_find_requested,
        }
        for keys, slot in shortcuts.items():
            QShortcut(keys, self, activated=slot)

    def _tree_index(self, anchor: str) -> QModelIndex:
        section = self.article.find(anchor)
        if section is None:
            return QModelIndex()
        return self.section_filter.mapFromSource(self.section_model.index_for(section))

    def _on_first_paint(self) -> None:
        QTimer.singleShot(0, self.search.build_index)  # search can wait; the first paint cannot

    def _on_find_requested(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

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
