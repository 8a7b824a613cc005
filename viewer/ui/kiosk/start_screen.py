"""The kiosk's start screen: the article's title and summary and "Touch to begin"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from viewer.core.article import Article
from viewer.ui import plain_text

TEXT_WIDTH_PX = 1100


class StartScreen(QWidget):
    """Covers the viewer until a visitor touches it.

    Signals:
        begun(): the screen was touched and has gone.
    """

    begun = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.title = self._label("startTitle")
        self.summary = self._label("startSummary")
        self.begin_button = QPushButton("Touch to begin", objectName="startBeginButton", focusPolicy=Qt.FocusPolicy.NoFocus)
        self.begin_button.clicked.connect(self.begin)
        column = QVBoxLayout(self)
        column.setContentsMargins(64, 48, 64, 48)
        column.setSpacing(28)
        column.addStretch(2)
        column.addWidget(self.title)
        column.addWidget(self.summary)
        column.addSpacing(12)
        column.addWidget(self.begin_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(3)
        self.hide()

    def _label(self, name: str) -> QLabel:
        return plain_text.label(objectName=name, wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)  # from the article

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Lines no longer than a reader's eye can follow: wide screens get wide margins, not long lines.
        side = max(64, (self.width() - TEXT_WIDTH_PX) // 2)
        self.layout().setContentsMargins(side, 48, side, 48)
        super().resizeEvent(event)

    def show_for(self, article: Article) -> None:
        """Cover the viewer with *article*'s title and summary."""
        self.title.setText(article.title)
        self.summary.setText(article.metadata.summary)
        self.summary.setVisible(bool(article.metadata.summary))
        self.raise_()
        self.show()

    def begin(self) -> None:
        if self.isVisible():
            self.hide()
            self.begun.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.begin()  # anywhere on it, not only the button
