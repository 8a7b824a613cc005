"""The rendered article: scrolls to sections, reports the section being read, owns its links."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageReader,
    QKeyEvent,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QAbstractSlider, QTextBrowser, QTextEdit, QWidget

from viewer.core.links import LinkKind, classify_link, read_resource
from viewer.core.render import RenderedArticle, document_html

READING_WIDTH_PX = 760  # about 75 characters of body text: longer lines are hard to follow
MAX_IMAGE_PIXELS = 25_000_000  # 100 MB decoded: more than any screen shows, less than a kiosk can spare
IMAGE_FORMATS = frozenset({"png", "jpeg", "gif", "bmp", "webp"})
"""Plain raster pictures only: Qt's SVG and PDF readers parse far more than an article picture needs."""
MIN_ZOOM, MAX_ZOOM = -5, 10  # points of text size around normal
HIT_COLOR = "#fff176"
CURRENT_HIT_COLOR = "#ffb74d"
_CUT_SHORT = "The rest of this article could not be shown: something went wrong while formatting it."
_TOP_TOLERANCE_PX = 4  # a heading this close below the top already counts as "at the top"


class ArticleView(QTextBrowser):
    """Shows a rendered article.

    Signals:
        sectionEntered(str): scrolling brought the section with this anchor to the top.
        externalLinkRequested(QUrl): the reader clicked an http(s) or mailto link.
        linkRefused(str): the reader clicked a link the viewer will not follow.
        firstPainted(): the article has been painted for the first time.
    """

    sectionEntered = Signal(str)
    externalLinkRequested = Signal(QUrl)
    linkRefused = Signal(str)
    firstPainted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._folder: Path | None = None
        self._first_anchor = ""
        self._anchors: tuple[str, ...] = ()
        self._normal_point_size = self.font().pointSizeF()
        self._headings: list[tuple[str, QTextBlock]] | None = None  # (anchor, heading block), document order
        self._more: Iterator[str] | None = None  # the HTML of the sections not rendered yet
        self._rendered: list[str] = []  # sections rendered, not yet in the pane
        self._scratch = QTextDocument(self)  # lays out a heading alone, to copy its formats
        self.document().setUndoRedoEnabled(False)  # read-only: appended sections need no undo history
        self._heading_numbers: dict[str, int] = {}
        self._current_anchor = ""
        self._navigating = False
        self._painted = False
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    def show_article(
        self, rendered: RenderedArticle, folder: Path | None, stylesheet: str, more: Iterator[str] | None = None
    ) -> None:
        """Replace the shown article; resources resolve inside *folder* only.

        *rendered* may hold only the first sections; *more* then yields the HTML of the others, which
        rendering_steps() (or finish_rendering()) appends to the document.
        """
        self._folder = folder
        self.document().setDefaultStyleSheet(stylesheet)
        self._anchors, self._more, self._rendered = rendered.anchors, more, []
        self._set_document(rendered.html)
        self._first_anchor = self._current_anchor = rendered.anchors[0] if rendered.anchors else ""

    @property
    def complete(self) -> bool:
        """Whether every section of the article is in the pane."""
        return self._more is None and not self._rendered

    def rendering_steps(self, sections_per_step: int = 20) -> Iterator[None]:
        """Render the sections not shown yet, a step each, and add them to the pane a few dozen at a time."""
        while self._more is not None:
            part = self._next_section()
            if part is not None:
                self._rendered.append(part)
            if len(self._rendered) >= sections_per_step:
                self._add_rendered()
            if part is not None:
                yield
        self._add_rendered()  # also what a failed step rendered before it failed

    def finish_rendering(self) -> None:
        """Render the rest of the article and add it to the pane now."""
        while self._more is not None:
            part = self._next_section()
            if part is not None:
                self._rendered.append(part)
        self._add_rendered()

    def _add_rendered(self) -> None:
        if self._rendered:
            parts, self._rendered = self._rendered, []
            self._append_sections(parts)

    def _next_section(self) -> str | None:
        """The next section's HTML; None, and nothing more to come, at the end or on a failure."""
        try:
            return next(self._more)
        except StopIteration:
            self._more = None
        except Exception:
            # The pane says the article is cut short; the error itself goes on to the error log.
            self._more = None
            self._rendered.append(f'<p class="render-problem"><i>{_CUT_SHORT}</i></p>')
            raise
        return None

    def _append_sections(self, parts: list[str]) -> None:
        """Add rendered sections at the end, each block formatted as in a document made at once.

        Inserted HTML merges its first block into the block at the cursor, which would lose the
        heading's formats: so a new block gets them first, taken from the same heading laid into a
        scratch document with the same style sheet.
        """
        document = self.document()
        first_new = document.blockCount()
        self._scratch.setDefaultStyleSheet(document.defaultStyleSheet())
        # A section's HTML starts with its heading line; in a body, as it is in the pane.
        self._scratch.setHtml(document_html([parts[0].partition("\n")[0]]))
        heading = self._scratch.begin()
        cursor = QTextCursor(document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertBlock(heading.blockFormat(), heading.charFormat())
        cursor.insertHtml(document_html(parts))  # in a body of its own, the style sheet's body rules apply
        if self._headings is not None:
            self._add_headings(list(self._scan_headings(document.findBlockByNumber(first_new), len(self._headings))))

    def _reach(self, y: float) -> None:
        """Make the scroll range reach document position *y*.

        Qt lays a long document out lazily and tells the scroll bar how far it got only now and
        then; a jump further down than that would stop short.
        """
        if y > self.verticalScrollBar().maximum():
            layout = self.document().documentLayout()
            layout.documentSizeChanged.emit(layout.documentSize())

    def _set_document(self, html: str) -> None:
        # The old heading blocks die with the old document, and the scroll range shrinking under
        # setHtml must not look for the section at the top among them (that read freed blocks).
        self._headings = None
        self._navigating = True
        try:
            self.setHtml(html)
        finally:
            self._navigating = False
        self._apply_reading_width()
        self._headings = None

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

    @property
    def current_anchor(self) -> str:
        """The anchor of the section being read."""
        return self._current_anchor

    def scroll_to_section(self, anchor: str) -> None:
        """Scroll so that the heading of *anchor* is at the top, without echoing sectionEntered."""
        if anchor != self._first_anchor and not self.complete and self.heading_top(anchor) is None:
            self.finish_rendering()  # a section not rendered yet: the reader wants it now
        self._navigating = True
        try:
            if anchor == self._first_anchor:  # no need to look for it: the first paint waits on this
                self.verticalScrollBar().setValue(0)  # the very top, margin included
            elif (top := self.heading_top(anchor)) is not None:
                self._reach(top)
                self.verticalScrollBar().setValue(round(top))
        finally:
            self._navigating = False
        self._current_anchor = anchor

    def heading_top(self, anchor: str) -> float | None:
        """The y position of a heading in document coordinates."""
        self._heading_blocks()
        number = self._heading_numbers.get(anchor)
        return None if number is None else self._heading_y(number)

    def section_at_top(self) -> str:
        """The anchor of the last heading at or above the top of the viewport."""
        return self._section_at_y(self.verticalScrollBar().value() + _TOP_TOLERANCE_PX)

    def visible_sections(self) -> list[str]:
        """Anchors of the sections that have text in the viewport, top to bottom."""
        headings = self._heading_blocks()
        top = self.verticalScrollBar().value()
        first = self._section_at_y(top)
        bottom = top + self.viewport().height()
        start = bisect.bisect_right(range(len(headings)), top, key=self._heading_y)
        end = bisect.bisect_left(range(len(headings)), bottom, lo=start, key=self._heading_y)
        names = [name for name, _ in headings[start:end]]
        return ([first] if first and first not in names else []) + names

    def layout_steps(self, headings_per_step: int = 50) -> Iterator[None]:
        """Find the headings and lay the whole document out, a few dozen sections per step.

        Qt lays long documents out in idle moments by itself; meanwhile the first jump far down
        lays out everything above it at once, and each idle step delays a keystroke. Stepping
        through it right after the first paint, between other events, gets that over with early.
        """
        if self._headings is None:
            found = []
            for heading in self._scan_headings():
                found.append(heading)
                if len(found) % 500 == 0:
                    yield
            if self._headings is None:  # not found meanwhile by someone who could not wait
                self._headings, self._heading_numbers = [], {}
                self._add_headings(found)
        layout = self.document().documentLayout()
        headings = self._heading_blocks()
        for number in range(headings_per_step, len(headings), headings_per_step):
            layout.blockBoundingRect(headings[number][1])
            yield
        layout.blockBoundingRect(self.document().lastBlock())

    def section_texts(self) -> Iterator[tuple[str, int, str]]:
        """(anchor, document position, text) of every section, as the pane shows it."""
        raw = self.document().toRawText()
        starts = [(name, block.position()) for name, block in self._heading_blocks()]
        ends = [start for _, start in starts[1:]] + [len(raw)]
        for (name, start), end in zip(starts, ends[: len(starts)], strict=True):
            yield name, start, raw[start:end]

    def show_hits(self, spans: list[tuple[int, int]], current: tuple[int, int] | None) -> None:
        """Highlight document *spans*; the *current* one stands out."""
        selections = [self._highlight(span, span == current) for span in spans]
        self.setExtraSelections(selections)

    def reveal(self, position: int, anchor: str) -> None:
        """Scroll a document position into the upper third of the pane; *anchor* becomes current."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        line_top = self.document().documentLayout().blockBoundingRect(cursor.block()).top()
        line = cursor.block().layout().lineForTextPosition(cursor.positionInBlock())
        if line.isValid():  # a block never laid out (the pane not shown yet) has no lines
            line_top += line.y()
        self._reach(line_top)
        self._navigating = True
        try:
            self.verticalScrollBar().setValue(round(line_top - self.viewport().height() / 3))
        finally:
            self._navigating = False
        self._current_anchor = anchor

    def reveal_scroll(self, value: int, anchor: str) -> None:
        """Return to a scroll position saved earlier, reading *anchor*."""
        self._navigating = True
        try:
            self.verticalScrollBar().setValue(value)
        finally:
            self._navigating = False
        self._current_anchor = anchor

    def _highlight(self, span: tuple[int, int], current: bool) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format.setBackground(QColor(CURRENT_HIT_COLOR if current else HIT_COLOR))
        return selection

    def _section_at_y(self, y: float) -> str:
        headings = self._heading_blocks()
        if not headings:
            return ""
        found = bisect.bisect_right(range(len(headings)), y, key=self._heading_y) - 1
        return headings[max(found, 0)][0]

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

    def _heading_blocks(self) -> list[tuple[str, QTextBlock]]:
        """(anchor, block) of each heading: the n-th heading block is the n-th section.

        Found once per document. Where they are on screen is asked of the layout only for the few
        a question needs (headings lie in document order, so a binary search finds one by y):
        a 10,000-section article is never laid out whole just to find the section at the top.
        """
        if self._headings is None:
            self._headings, self._heading_numbers = [], {}
            self._add_headings(list(self._scan_headings()))
        return self._headings

    def _add_headings(self, headings: list[tuple[str, QTextBlock]]) -> None:
        for name, block in headings:
            self._heading_numbers[name] = len(self._headings)
            self._headings.append((name, block))

    def _heading_y(self, number: int) -> float:
        return self.document().documentLayout().blockBoundingRect(self._heading_blocks()[number][1]).top()

    def _scan_headings(self, block: QTextBlock | None = None, skip: int = 0) -> Iterator[tuple[str, QTextBlock]]:
        """(anchor, block) of the headings from *block* on (the start), the first *skip* anchors taken."""
        block = block if block is not None else self.document().begin()
        anchors = iter(self._anchors[skip:])
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                anchor = next(anchors, None)
                if anchor is None:
                    return
                yield anchor, block
            block = block.next()

    def _on_scrolled(self) -> None:
        if self._navigating:
            return
        anchor = self.section_at_top()
        if anchor and anchor != self._current_anchor:
            self._current_anchor = anchor
            self.sectionEntered.emit(anchor)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        href = url.toString()
        kind = classify_link(href)
        if kind is LinkKind.ANCHOR:
            self.scroll_to_section(url.fragment())
            self.sectionEntered.emit(url.fragment())
        elif kind is LinkKind.EXTERNAL:
            self.externalLinkRequested.emit(url)
        else:
            self.linkRefused.emit(href)


def image_source(url: QUrl, folder: Path | None) -> str:
    """The ``src`` Qt asks for, as the article wrote it; a ``file:`` URL only when it points into *folder*."""
    if not url.isLocalFile():
        return bytes(url.toEncoded().data()).decode("ascii")
    if folder is None or not Path(url.toLocalFile()).is_relative_to(folder):
        return ""
    return quote(Path(url.toLocalFile()).relative_to(folder).as_posix())


def can_show_image(folder: Path | None, src: str) -> bool:
    """Whether :func:`load_image` would give a picture; pass it to ``ArticleRenderer(image_check=…)``."""
    return _checked_reader(folder, src) is not None


def load_image(folder: Path | None, src: str) -> QImage:
    """The picture *src* names inside *folder*, or an empty QImage when it may not or cannot be shown."""
    checked = _checked_reader(folder, src)
    image = checked[0].read() if checked else QImage()
    return QImage() if image.isNull() else image


def _checked_reader(folder: Path | None, src: str) -> tuple[QImageReader, QBuffer] | None:
    """A reader for an allowed file of an allowed format and size (the buffer must outlive it)."""
    data = read_resource(folder, src) if folder is not None and src else None
    if not data:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if bytes(reader.format().data()).decode("ascii", "replace") not in IMAGE_FORMATS or not size.isValid():
        return None
    if size.isEmpty() or size.width() * size.height() > MAX_IMAGE_PIXELS:
        return None
    return reader, buffer
