"""The rendered article: its links, its pictures, its style, keys and paint.

Where its sections are lives in :mod:`viewer.ui.heading_map` (``view.headings``), which section is
being read in :mod:`viewer.ui.reading_position` (``view.reading``); the text itself is put in by
:mod:`viewer.ui.progressive_loader`; its theme and text size come from :mod:`viewer.ui.appearance`
through :meth:`ArticleView.apply_style`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QHelpEvent, QKeyEvent, QPaintEvent, QResizeEvent, QTextCursor, QTextDocument, QWheelEvent
from PySide6.QtWidgets import QAbstractSlider, QTextBrowser, QTextEdit, QToolTip, QWidget

from viewer.core.links import LinkKind, classify_link
from viewer.core.stylesheets import ArticleStyle
from viewer.core.text_size import TextSize
from viewer.core.themes import LIGHT
from viewer.ui import plain_text
from viewer.ui.accessibility import describe, name_scroll_bars
from viewer.ui.article_images import image_source, load_image
from viewer.ui.article_restyle import Restyler, honour_style_sheet_sizes
from viewer.ui.heading_map import HeadingMap
from viewer.ui.paging import page_step, paging_direction
from viewer.ui.reading_position import ReadingPosition

READING_WIDTH_PX = 760  # about 75 characters of body text at normal size: longer lines are hard to follow

log = logging.getLogger("viewer.links")


class ArticleView(QTextBrowser):
    """Shows a rendered article.

    Signals:
        sectionLinkClicked(str): the reader clicked a link to the section with this anchor.
        externalLinkRequested(QUrl): the reader clicked an http(s) or mailto link.
        articleLinkRequested(str): the reader clicked a link to another article in the folder (other.md#section).
        linkRefused(str): the reader clicked a link the viewer will not follow.
        firstPainted(): the article has been painted for the first time.
        textSizeStepRequested(int): Ctrl and the wheel asked for larger (1) or smaller (-1) text.
    """

    sectionLinkClicked = Signal(str)
    externalLinkRequested = Signal(QUrl)
    articleLinkRequested = Signal(str)
    linkRefused = Signal(str)
    firstPainted = Signal()
    textSizeStepRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setUndoRedoEnabled(False)  # read-only: appended sections need no undo history
        self._folder: Path | None = None
        self._painted = False
        self._hits: tuple[list[tuple[int, int]], tuple[int, int] | None] = ([], None)
        self.headings = HeadingMap(self.document())
        self.reading = ReadingPosition(self, self.headings)
        self.restyler = Restyler(self, self.reading.top_line_kept)
        self.article_style = ArticleStyle(LIGHT, TextSize())
        self._use_style(self.article_style)
        describe(self, "Article", "The article's text. Page Up and Page Down scroll it; Tab goes from link to link.")
        name_scroll_bars(self, "the article")
        self.anchorClicked.connect(self._on_anchor_clicked)

    def set_document(self, html: str, anchors: tuple[str, ...], folder: Path | None) -> None:
        """Show *html* (the sections with *anchors*, or the first of them) in place of what is shown.

        Pictures load from *folder* only.
        """
        self._folder = folder
        self.restyler.cancel()  # what it was restyling is going
        self.headings.reset(anchors)  # the old heading blocks die with the old document
        with self.reading.moving():  # the range shrinking under setHtml is not the reader scrolling
            self.setHtml(html)
        self._apply_reading_width()
        self.take_new_headings()
        self.reading.start(anchors[0] if anchors else "")

    def take_new_headings(self) -> None:
        """Find the headings added since the last call, and size them as the style sheet says."""
        honour_style_sheet_sizes(self.headings.scan())

    def apply_style(self, style: ArticleStyle) -> None:
        """Show the article in *style* from now on: the text already shown is restyled, the reader stays put."""
        old, self.article_style = self.article_style, style
        with self.reading.moving(), self.reading.top_line_kept():
            self.restyler.finish()
            self._use_style(style)
            self._apply_reading_width()
            self.restyler.restyle(old.change_to(style))
        self.show_hits(*self._hits)

    def _use_style(self, style: ArticleStyle) -> None:
        self.document().setDefaultStyleSheet(style.css)
        font = self.font()
        font.setPointSizeF(style.body_points)  # for text the style sheet gives no size
        self.setFont(font)

    @property
    def has_painted(self) -> bool:
        """Whether the pane has been painted at least once."""
        return self._painted

    def show_hits(self, spans: list[tuple[int, int]], current: tuple[int, int] | None) -> None:
        """Highlight document *spans*; the *current* one stands out."""
        self._hits = (spans, current)
        self.setExtraSelections([self._highlight(span, span == current) for span in spans])

    def _highlight(self, span: tuple[int, int], current: bool) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        colours = self.article_style.theme.colours
        kind = "current_hit" if current else "hit"
        selection.format.setBackground(QColor(colours[f"{kind}_bg"]))
        selection.format.setForeground(QColor(colours[f"{kind}_text"]))  # readable on it whatever the text's own colour
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
        forward = paging_direction(event)
        if forward is not None:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + (1 if forward else -1) * page_step(self, forward))
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

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # QTextEdit would zoom by itself, changing only the text the style sheet gives no size
            steps = event.angleDelta().y()
            if steps:
                self.textSizeStepRequested.emit(1 if steps > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

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
        # The page is as wide as the viewport (laid out to its width on every resize): asking viewport() itself would
        # make PySide build every QWidget subclass's type before the first paint (10 ms, 75 enum classes).
        width = self.document().pageSize().width()
        side = max(12.0, (width - READING_WIDTH_PX * self.article_style.size.factor) / 2)
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
