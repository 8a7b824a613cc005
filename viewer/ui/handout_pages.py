"""A handout's text fitted to its pages: pictures shrunk to the page's width, headings kept with their text."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QImage,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)


def fit_images(document: QTextDocument, widest: float) -> None:
    """Shrink pictures wider than *widest* (in the document's image pixels) to fit the page, keeping their shape.

    Qt would narrow them to the page on its own, but leave their height: a wide picture came out squashed.
    """
    images = []
    block = document.begin()
    while block.isValid():
        images += [item.fragment() for item in block if item.fragment().charFormat().isImageFormat()]
        block = block.next()
    for fragment in images:
        image_format = fragment.charFormat().toImageFormat()
        image = document.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(image_format.name()))
        if not isinstance(image, QImage) or image.isNull():
            continue
        width = image_format.width() if image_format.width() > 0 else image.width()
        height = image_format.height() if image_format.height() > 0 else image.height() * width / image.width()
        if width > widest:
            image_format.setWidth(widest)
            image_format.setHeight(height * widest / width)
            cursor = QTextCursor(document)
            cursor.setPosition(fragment.position())
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(image_format)


def keep_headings_with_text(document: QTextDocument, page_height: float) -> None:
    """Start a page at a heading that would otherwise stand alone at the foot of the one before.

    A heading, with the headings and 'Part of' line right after it, belongs with the first line of the
    text that follows; when they would fall on different pages, the group moves to the next page.
    """
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        if not _is_heading(block):
            block = block.next()
            continue
        group_start, follower = block, block.next()
        while follower.isValid() and (_is_heading(follower) or follower.text().startswith("Part of “")):
            follower = follower.next()
        if follower.isValid() and _split_from(layout, group_start, follower, page_height):
            _break_before(group_start)
        block = follower


def _split_from(layout: QAbstractTextDocumentLayout, start: QTextBlock, follower: QTextBlock, page_height: float) -> bool:
    """Whether *start* is below the top of its page and the first line of *follower* went on to a later page."""
    top = layout.blockBoundingRect(start).top()
    page_end = (int(top // page_height) + 1) * page_height
    at_page_top = top % page_height < 1
    return not at_page_top and _first_line_bottom(layout, follower) > page_end


def _first_line_bottom(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> float:
    top = layout.blockBoundingRect(block).top()
    line = block.layout().lineAt(0) if block.layout().lineCount() else None
    return top + (line.y() + line.height() if line is not None else 0)


def _is_heading(block: QTextBlock) -> bool:
    return block.blockFormat().headingLevel() > 0


def _break_before(block: QTextBlock) -> None:
    page_break = QTextBlockFormat()
    page_break.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).mergeBlockFormat(page_break)
