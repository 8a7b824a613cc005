"""Printing on a kiosk, when the administrator allows it: a handout of the section being read, straight to the
default printer, never a dialog; the button for it rests a minute after each copy.

A print dialog offers "print to file", and a file dialog after it: a way to the disk for a visitor.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QPushButton

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


class PrintButton(QPushButton):
    """ "Print this section": prints the section *reading* names in *article()*, tells the visitor what came of
    it through *tell*, and rests PRINT_PAUSE_MS before it can print again."""

    def __init__(self, article: Callable[[], Article], reading: Callable[[], str], tell: Callable[[str], None]) -> None:
        super().__init__("Print this section", objectName="kioskPrint", focusPolicy=Qt.FocusPolicy.NoFocus)
        self._article, self._reading, self._tell = article, reading, tell
        self._rest = QTimer(self, singleShot=True, interval=PRINT_PAUSE_MS)
        self._rest.timeout.connect(lambda: self.setEnabled(True))
        self.clicked.connect(self._on_clicked)

    @Slot()
    def _on_clicked(self) -> None:
        self.setEnabled(False)
        self._rest.start()
        self._tell(print_section(self._article(), self._reading()))
