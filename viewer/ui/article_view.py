"""The rendered article: its links, its pictures, zoom, keys and paint.

Where its sections are lives in :mod:`viewer.ui.heading_map` (``view.headings``), which section is
being read in :mod:`viewer.ui.reading_position` (``view.reading``); the text itself is put in by
:mod:`viewer.ui.progressive_loader`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QHelpEvent, QKeyEvent, QPaintEvent, QResizeEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QAbstractSlider, QTextBrowser, QTextEdit, QToolTip, QWidget

from viewer.core.links import LinkKind, classify_link
from viewer.ui import plain_text
from viewer.ui.article_images import image_source, load_image
from viewer.ui.heading_map import HeadingMap
from viewer.ui.reading_position import ReadingPosition

READING_WIDTH_PX = 760  # about 75 characters of body text: longer lines are hard to follow
MIN_ZOOM, MAX_ZOOM = -5, 10  # points of text size around normal
HIT_COLOR = "#fff176"
CURRENT_HIT_COLOR = "#ffb74d"

log = logging.getLogger("viewer.links")


class ArticleView(QTextBrowser):
    """Shows a rendered article.

    Signals:
        sectionLinkClicked(str): the reader clicked a link to the section with this anchor.
        externalLinkRequested(QUrl): the reader clicked an http(s) or mailto link.
        articleLinkRequested(str): the reader clicked a link to another article in the folder (other.md#section).
        linkRefused(str): the reader clicked a link the viewer will not follow.
        firstPainted(): the article has been painted for the first time.
    """

    sectionLinkClicked = Signal(str)
    externalLinkRequested = Signal(QUrl)
    articleLinkRequested = Signal(str)
    linkRefused = Signal(str)
    firstPainted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setUndoRedoEnabled(False)  # read-only: appended sections need no undo history
        self._folder: Path | None = None
        self._normal_point_size = self.font().pointSizeF()
        self._painted = False
        self.headings = HeadingMap(self.document())
        self.reading = ReadingPosition(self, self.headings)
        self.anchorClicked.connect(self._on_anchor_clicked)

    def set_document(self, html: str, anchors: tuple[str, ...], folder: Path | None, stylesheet: str) -> None:
        """Show *html* (the sections with *anchors*, or the first of them) in place of what is shown.

        Pictures load from *folder* only.
        """
        self._folder = folder
        self.document().setDefaultStyleSheet(stylesheet)
        self.headings.reset(anchors)  # the old heading blocks die with the old document
        with self.reading.moving():  # the range shrinking under setHtml is not the reader scrolling
            self.setHtml(html)
        self._apply_reading_width()
        self.headings.scan()
        self.reading.start(anchors[0] if anchors else "")

    @property
    def zoom_step(self) -> int:
        """How many points larger (or smaller) than normal the text is, however it was zoomed."""
        return round(self.font().pointSizeF() - self._normal_point_size)

    def zoom_to(self, step: int) -> None:
        """Make the text *step* points larger than normal (smaller when negative), within limits."""
        self.zoomIn(max(MIN_ZOOM, min(MAX_ZOOM, step)) - self.zoom_step)

    @property
    def has_painted(self) -> bool:
        """Whether the pane has been painted at least once."""
        return self._painted

    def show_hits(self, spans: list[tuple[int, int]], current: tuple[int, int] | None) -> None:
        """Highlight document *spans*; the *current* one stands out."""
        self.setExtraSelections([self._highlight(span, span == current) for span in spans])

    def _highlight(self, span: tuple[int, int], current: bool) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format.setBackground(QColor(CURRENT_HIT_COLOR if current else HIT_COLOR))
        return selection

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        """Images only from the article's folder; never let Qt read a file on its own."""
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return load_image(self._folder, image_source(QUrl(url), self._folder))
        return ""  # None would make Qt fall back to reading the URL itself

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A read-only browser ignores Ctrl+Home/End when its text cursor is already there.
        jumps = {
            Qt.Key.Key_Home: QAbstractSlider.SliderAction.SliderToMinimum,
            Qt.Key.Key_End: QAbstractSlider.SliderAction.SliderToMaximum,
        }
        if event.key() in jumps and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.verticalScrollBar().triggerAction(jumps[Qt.Key(event.key())])
            return
        super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self._show_title(event.pos(), event.globalPos())
            return True
        return super().viewportEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):  # to the pane, not its viewport
            self._show_title(self.viewport().mapFrom(self, event.pos()), event.globalPos())
            return True
        return super().event(event)

    def _show_title(self, position: QPoint, global_position: QPoint) -> None:
        """The ``title`` of the link, abbreviation or picture under the mouse, shown as the plain text it is.

        Qt would show it as rich text if it looked like HTML, reading any picture it names.
        """
        title = self.cursorForPosition(position).charFormat().toolTip()
        if title:
            plain_text.show_tooltip(global_position, title, self.viewport())
        else:
            QToolTip.hideText()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted and not self.document().isEmpty():
            self._painted = True
            self.firstPainted.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_reading_width()

    def _apply_reading_width(self) -> None:
        frame = self.document().rootFrame()
        layout_format = frame.frameFormat()
        side = max(12.0, (self.viewport().width() - READING_WIDTH_PX) / 2)
        if abs(layout_format.leftMargin() - side) >= 1:
            layout_format.setLeftMargin(side)
            layout_format.setRightMargin(side)
            frame.setFrameFormat(layout_format)

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        href = url.toString()
        kind = classify_link(href)
        log.debug("link %r clicked: %s", href[:200], kind.value)
        if kind is LinkKind.ANCHOR:
            self.sectionLinkClicked.emit(url.fragment())
        elif kind is LinkKind.EXTERNAL:
            self.externalLinkRequested.emit(url)
        elif kind is LinkKind.ARTICLE:
            self.articleLinkRequested.emit(href)
        else:
            self.linkRefused.emit(href)
