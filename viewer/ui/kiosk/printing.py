"""Printing on a kiosk, when the administrator allows it: a handout of the section being read, straight to the
default printer, never a dialog.

A print dialog offers "print to file", and a file dialog after it: a way to the disk for a visitor.
"""

from __future__ import annotations

import logging

from viewer.core.article import Article

log = logging.getLogger("viewer.kiosk")

PRINT_PAUSE_MS = 60_000  # one copy a minute: a visitor cannot empty the paper tray


def default_printer() -> object | None:
    """The system's default printer, ready to print on; None when there is none."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo  # only a kiosk that prints pays for loading it

    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        return None
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def print_section(article: Article, anchor: str) -> str:
    """Print the handout of section *anchor* (with its subsections) on the default printer; return what to tell the visitor."""
    printer = default_printer()
    if printer is None:
        log.warning("printing is allowed but no default printer is set up")
        return "No printer is set up for this screen. Please ask a member of staff."
    from viewer.core.handout import make_handout
    from viewer.ui.handout import PagedHandout

    anchors = (anchor,) if article.find(anchor) is not None else ()
    pages = PagedHandout(make_handout(article, anchors), printer).paint()
    log.info("printed a %d-page handout", pages)
    return f"Your copy is printing ({pages} page{'s' if pages != 1 else ''})."
