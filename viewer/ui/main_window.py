"""The main window: section tree and filter on the left, the article on the right."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMessageBox, QSplitter, QTreeView, QVBoxLayout, QWidget

from viewer import APP_NAME
from viewer.core.article import Article
from viewer.core.render import ArticleRenderer
from viewer.core.resources import ARTICLE_STYLESHEET, WINDOW_STYLESHEET, read_resource_text
from viewer.ui.article_view import ArticleView
from viewer.ui.section_model import ANCHOR_ROLE, QtSectionModel


class MainWindow(QMainWindow):
    """One article: its sections in a tree beside the rendered text."""

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setStyleSheet(read_resource_text(WINDOW_STYLESHEET))
        self.filter_edit = QLineEdit(objectName="filterEdit", placeholderText="Filter sections…", clearButtonEnabled=True)
        self.section_tree = QTreeView(objectName="sectionTree", headerHidden=True, uniformRowHeights=True)
        self.article_view = ArticleView()
        self._following_view = False
        self._build_layout()
        self.show_article(article)
        self._connect_signals()

    def show_article(self, article: Article) -> None:
        """Show *article*: tree, text and window title."""
        self.article = article
        self.setWindowTitle(f"{article.title} — {APP_NAME}")
        rendered = ArticleRenderer().render(article)
        folder = article.path.parent if article.path else None
        self.article_view.show_article(rendered, folder, read_resource_text(ARTICLE_STYLESHEET))
        self.section_model = QtSectionModel(article, self)
        self.section_tree.setModel(self.section_model)
        self.section_tree.expandAll()
        if article.sections:
            self.section_tree.setCurrentIndex(self.section_model.index_for(article.sections[0]))
        for warning in article.warnings:
            self.statusBar().showMessage(f"{article.path.name if article.path else ''} {warning}")

    def _build_layout(self) -> None:
        navigation = QWidget(objectName="navigationPane")
        column = QVBoxLayout(navigation)
        column.setContentsMargins(8, 8, 4, 8)
        column.addWidget(self.filter_edit)
        column.addWidget(self.section_tree, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter", childrenCollapsible=False)
        splitter.addWidget(navigation)
        splitter.addWidget(self.article_view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 840])
        self.setCentralWidget(splitter)
        self.resize(1200, 800)

    def _connect_signals(self) -> None:
        self.section_tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.section_tree.clicked.connect(self._on_tree_current_changed)
        self.article_view.sectionEntered.connect(self._on_section_entered)
        self.article_view.externalLinkRequested.connect(self._on_external_link)
        self.article_view.linkRefused.connect(self._on_link_refused)

    def _on_tree_current_changed(self, current: QModelIndex) -> None:
        anchor = current.data(ANCHOR_ROLE) if current.isValid() else None
        if anchor and not self._following_view:
            self.article_view.scroll_to_section(anchor)

    def _on_section_entered(self, anchor: str) -> None:
        section = self.article.find(anchor)
        if section is None:
            return
        index = self.section_model.index_for(section)
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
