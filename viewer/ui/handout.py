"""Laying a handout out on paper: its HTML in a QTextDocument cut into pages, with a footer drawn on each.

The same code paints the print preview, the printer and a PDF (any QPagedPaintDevice). The text is
laid out for the device's resolution, so fonts keep their point sizes on paper; headings are never
left alone at the foot of a page. Black on white, whatever the screen's theme.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from viewer import APP_NAME
from viewer.core.atomic import write_atomically
from viewer.core.handout import Handout, handout_html
from viewer.core.render import ArticleRenderer
from viewer.core.resources import HANDOUT_STYLESHEET, read_resource_text
from viewer.ui.article_images import can_show_image, image_source, load_image
from viewer.ui.handout_pages import fit_images, keep_headings_with_text

log = logging.getLogger("viewer.print")

PAPER_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
PAPER_NAMES = {"a4": "A4", "letter": "US Letter"}
MARGINS_MM = QMarginsF(20, 16, 20, 12)  # left, top, right, bottom: room for a hole punch and a printer's edge
PDF_DPI = 600
FOOTER_POINTS = 8
FOOTER_GAP_MM = 5  # between the text and the footer's rule
_LETTER_TERRITORIES = {
    QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico, QLocale.Country.Philippines,
    QLocale.Country.Chile, QLocale.Country.Colombia, QLocale.Country.Venezuela, QLocale.Country.PuertoRico,
}  # fmt: skip
_MM_PER_INCH = 25.4


def default_paper(locale: QLocale | None = None) -> str:
    """'letter' where US Letter is the usual paper (the Americas' letter countries), else 'a4'."""
    return "letter" if (locale or QLocale.system()).territory() in _LETTER_TERRITORIES else "a4"


def page_layout(paper: str) -> QPageLayout:
    """Portrait *paper* ('a4' or 'letter') with the handout's margins."""
    return QPageLayout(QPageSize(PAPER_SIZES[paper]), QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter)


class HandoutDocument(QTextDocument):
    """The handout's text; pictures come from the article's folder only, as in the article pane."""

    def __init__(self, handout: Handout) -> None:
        super().__init__()
        self._folder = handout.article.path.parent if handout.article.path else None
        renderer = ArticleRenderer(image_check=can_show_image)
        self.setDefaultStyleSheet(read_resource_text(HANDOUT_STYLESHEET))
        self.setDocumentMargin(0)
        self.setUndoRedoEnabled(False)
        self.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, handout.footer(1, 1).title)
        self.setHtml(handout_html(handout, renderer.bodies(handout.sections, self._folder, handout.article.references)))

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return load_image(self._folder, image_source(QUrl(url), self._folder))
        return ""  # never let Qt read a file on its own


class PagedHandout:
    """A handout laid out for one paper device: how many pages, and painting them with their footers."""

    def __init__(self, handout: Handout, device: QPagedPaintDevice) -> None:
        self.handout = handout
        self._device = device
        self.document = HandoutDocument(handout)
        self.document.documentLayout().setPaintDevice(device)  # fonts in points, at the device's resolution
        paint_rect = device.pageLayout().paintRectPixels(device.resolution())
        self._footer_font = _footer_font()
        metrics = QFontMetricsF(self._footer_font, device)
        gap = FOOTER_GAP_MM / _MM_PER_INCH * device.resolution()
        self._footer_height = gap + 2 * metrics.lineSpacing()
        self._width = paint_rect.width()
        self._body_height = paint_rect.height() - self._footer_height
        self.document.setPageSize(QSizeF(self._width, self._body_height))
        fit_images(self.document, self._width / _image_scale(device))
        self.document.pageCount()  # lays the whole text out: page breaks are set on a finished layout
        keep_headings_with_text(self.document, self._body_height)

    @property
    def page_count(self) -> int:
        """How many pages the handout takes."""
        return self.document.pageCount()

    def paint(self, painter: QPainter | None = None) -> int:
        """Paint every page on the device (a painter already open on it, or one of its own); return the page count."""
        own = painter is None
        painter = painter or QPainter(self._device)
        pages = self.page_count
        try:
            for page in range(pages):
                if page:
                    self._device.newPage()
                self._paint_text(painter, page)
                self._paint_footer(painter, page + 1, pages)
        finally:
            if own:
                painter.end()
        log.info("printed %d pages of %r", pages, self.handout.article.title)
        return pages

    def _paint_text(self, painter: QPainter, page: int) -> None:
        top = page * self._body_height
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, top, self._width, self._body_height)
        context.palette = _black_on_white()
        painter.save()
        painter.setClipRect(QRectF(0, 0, self._width, self._body_height))
        painter.translate(0, -top)
        self.document.documentLayout().draw(painter, context)
        painter.restore()

    def _paint_footer(self, painter: QPainter, page: int, pages: int) -> None:
        footer = self.handout.footer(page, pages)
        metrics = QFontMetricsF(self._footer_font, self._device)
        rule_y = self._body_height + self._footer_height - 2 * metrics.lineSpacing() - metrics.descent()
        painter.save()
        painter.setFont(self._footer_font)
        painter.setPen(QPen(QColor("black"), max(1.0, self._device.resolution() / 300)))
        painter.drawLine(QPointF(0, rule_y), QPointF(self._width, rule_y))
        first, second = rule_y + metrics.lineSpacing(), rule_y + 2 * metrics.lineSpacing()
        page_width = metrics.horizontalAdvance(footer.page)
        title = metrics.elidedText(
            footer.title, Qt.TextElideMode.ElideRight, self._width - page_width - metrics.averageCharWidth() * 4
        )
        painter.drawText(QPointF(0, first), title)
        painter.drawText(QPointF(self._width - page_width, first), footer.page)
        painter.drawText(QPointF(0, second), metrics.elidedText(footer.dates, Qt.TextElideMode.ElideRight, self._width))
        painter.restore()


def _image_scale(device: QPagedPaintDevice) -> float:
    """How much larger than its pixel size Qt draws a picture on *device*: the device's resolution over the
    screen's (QTextImageHandler scales by logicalDpiY / qt_defaultDpi, which is the screen's, or 100 without one)."""
    screen = QGuiApplication.primaryScreen()
    screen_dpi = round(screen.logicalDotsPerInchY()) if screen is not None else 100
    return device.logicalDpiY() / screen_dpi


def _footer_font() -> QFont:
    font = QFont()
    font.setFamilies(["Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial"])
    font.setPointSizeF(FOOTER_POINTS)
    return font


def _black_on_white() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Text, "black"),
        (QPalette.ColorRole.Base, "white"),
        (QPalette.ColorRole.Link, "black"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def pdf_bytes(handout: Handout, paper: str) -> tuple[bytes, int]:
    """The handout as a PDF on *paper*, and its page count."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(paper))
    writer.setTitle(handout.footer(1, 1).title)
    writer.setCreator(APP_NAME)
    pages = PagedHandout(handout, writer).paint()
    del writer  # finishes the file
    buffer.close()
    return bytes(buffer.data().data()), pages


def export_pdf(handout: Handout, destination: Path, paper: str) -> int:
    """Write the handout to *destination* as a PDF, atomically (OSError if that fails); return the page count."""
    data, pages = pdf_bytes(handout, paper)
    write_atomically(destination, data)
    return pages


def export_pdf_headless(handout: Handout, destination: Path, paper: str | None) -> tuple[int, str]:
    """Export without a window, from the command line: the page count and the paper's name (OSError on failure)."""
    if QGuiApplication.instance() is None and sys.platform.startswith("linux"):
        # No display is needed, and none is connected to (the frozen build names xcb for its windows: not here).
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else APP_NAME])
    paper = paper or default_paper()
    pages = export_pdf(handout, destination, paper)
    del app
    return pages, PAPER_NAMES[paper]
