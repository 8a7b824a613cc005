"""Printing and saving handouts: choosing what goes in, the print preview, and the PDF file dialog.

Loaded on the first print or export (viewer.ui.reading_desk), not at start: QtPrintSupport weighs
megabytes and tens of milliseconds that a reader who never prints should not wait for.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSize, QStandardPaths
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.article import Article
from viewer.core.handout import Handout, make_handout
from viewer.ui import plain_text
from viewer.ui.handout import PAPER_NAMES, PagedHandout, default_paper, export_pdf, page_layout
from viewer.ui.window_placement import size_dialog

log = logging.getLogger("viewer.print")


@dataclass(frozen=True)
class HandoutChoice:
    """What a handout holds: the anchors of the chosen sections (none: the whole article), and on which paper."""

    anchors: tuple[str, ...] = ()
    with_subsections: bool = True
    paper: str = "a4"


TITLE_CHARACTERS = 60
"""A section's title in the dialog, at most: longer ones end in "…"."""


class HandoutDialog(QDialog):
    """Asks what to put in a handout: the whole article, the section being read, or the sections the search found."""

    WHOLE, SECTION, FOUND = range(3)

    def __init__(
        self, article: Article, current_anchor: str, found: tuple[str, ...], purpose: str, paper: str, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoutDialog")
        self.setWindowTitle("Print a handout" if purpose == "print" else "Export a handout as PDF")
        self._current, self._found = current_anchor, found
        self.options = QButtonGroup(self)
        column = QVBoxLayout(self)
        column.setContentsMargins(18, 16, 18, 14)
        column.setSpacing(8)
        self.setMinimumWidth(420)
        column.addWidget(plain_text.label("Put in the handout:"))
        for number, text in enumerate(self._option_texts(article)):
            button = QRadioButton(text, objectName=("wholeArticle", "currentSection", "foundSections")[number])
            if number == self.SECTION and (section := article.find(current_anchor)) is not None:
                button.setToolTip(plain_text.tooltip(section.title))
            self.options.addButton(button, number)
            column.addWidget(button)
        self.options.button(self.FOUND).setEnabled(bool(found))
        section = article.find(current_anchor)
        self.options.button(self.SECTION).setEnabled(section is not None)
        # What the reader is looking at: the section they went to, or the whole article from its top.
        reading_a_section = section is not None and section is not article.sections[0]
        self.options.button(self.SECTION if reading_a_section else self.WHOLE).setChecked(True)
        self.paper = QComboBox(objectName="paperChoice")
        for key, name in PAPER_NAMES.items():
            self.paper.addItem(name, key)
        self.paper.setCurrentIndex(self.paper.findData(paper))
        self.paper.setAccessibleName("Paper size")
        self.paper.view().setAccessibleName("Paper sizes")
        form = QFormLayout()
        form.addRow("Paper:", self.paper)
        column.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, objectName="handoutButtons")
        go = buttons.addButton("Preview…" if purpose == "print" else "Save as PDF…", QDialogButtonBox.ButtonRole.AcceptRole)
        go.setObjectName("handoutGo")
        go.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

    def choice(self) -> HandoutChoice:
        """What the reader chose."""
        paper = self.paper.currentData()
        option = self.options.checkedId()
        if option == self.SECTION:
            return HandoutChoice((self._current,), True, paper)
        if option == self.FOUND:
            return HandoutChoice(self._found, False, paper)
        return HandoutChoice((), True, paper)

    def _option_texts(self, article: Article) -> list[str]:
        section = article.find(self._current)
        # A long title shortened, whole in the tooltip: the dialog stays narrow enough for a small screen.
        this = (
            f"This section: {plain_text.action_text(plain_text.one_line(section.title, TITLE_CHARACTERS))}"
            if section
            else "This section"
        )
        if section is not None and section.children:
            count = sum(1 for _ in section.walk()) - 1
            this += f" (with its {count} subsection{'s' if count != 1 else ''})"
        found = len(self._found)
        found_text = f"The {found} section{'s' if found != 1 else ''} the search found" if found else "What the search found"
        return ["The whole article", this, found_text]


class HandoutDesk(QObject):
    """Runs printing and PDF export for one window, remembering the paper and the folder chosen last.

    *note* is told where a handout was saved or sent, and how many pages it had.
    """

    def __init__(self, window: QWidget, note: Callable[[str], None]) -> None:
        super().__init__(window)
        self._window, self._note = window, note
        self._paper = default_paper()
        self._folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        self.dialog: QDialog | None = None  # the dialog open now, for whoever needs to find it
        self._printer: QPrinter | None = None  # the print preview's: it must outlive the dialog's painting

    def choose(self, article: Article, current_anchor: str, found: tuple[str, ...], purpose: str) -> None:
        """Ask what to put in the handout, then preview it for printing (*purpose* 'print') or save it ('pdf')."""
        dialog = HandoutDialog(article, current_anchor, found, purpose, self._paper, self._window)
        dialog.accepted.connect(lambda: self._chosen(article, dialog.choice(), purpose))
        self._open(dialog)

    def print_preview(self, article: Article, anchors: tuple[str, ...] = ()) -> None:
        """Show the print preview of a handout of *anchors* (the whole article when empty); printing starts there."""
        self._preview(make_handout(article, anchors), self._paper)

    def save_pdf(self, article: Article, anchors: tuple[str, ...] = ()) -> None:
        """Ask where to save a handout of *anchors* as PDF, and save it."""
        self._save(make_handout(article, anchors), self._paper)

    def _chosen(self, article: Article, choice: HandoutChoice, purpose: str) -> None:
        self._paper = choice.paper
        handout = make_handout(article, choice.anchors, choice.with_subsections)
        if purpose == "print":
            self._preview(handout, choice.paper)
        else:
            self._save(handout, choice.paper)

    def _preview(self, handout: Handout, paper: str) -> None:
        # At the printer's full resolution (QPrintPreviewDialog's own printer would lay the text out for the screen's).
        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._printer.setPageLayout(page_layout(paper))
        self._printer.setDocName(handout.file_name().removesuffix(".pdf"))  # the name "Print to file" offers
        preview = QPrintPreviewDialog(self._printer, self._window)
        preview.setObjectName("printPreview")
        preview.setWindowTitle(f"Print preview — {handout.footer(1, 1).title}")
        size_dialog(preview, QSize(900, 800))
        pages: list[int] = []
        preview.paintRequested.connect(lambda device: pages.append(PagedHandout(handout, device).paint()))
        preview.accepted.connect(lambda: self._note(self._printed_note(pages[-1] if pages else 0)))
        self._open(preview)

    def _printed_note(self, pages: int) -> str:
        printer = self._printer
        where = printer.outputFileName() or printer.printerName() or "the printer"
        return f"Sent the handout ({pages} page{'s' if pages != 1 else ''}) to {where}."

    def _save(self, handout: Handout, paper: str) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self._window, "Export the handout as PDF", str(self._folder / handout.file_name()), "PDF documents (*.pdf)"
        )
        if not name:
            return
        destination = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        try:
            pages = export_pdf(handout, destination, paper)
        except OSError as error:
            self._tell_failure(destination, error)
            return
        self._folder = destination.parent
        self._note(f"Saved the handout to {destination} ({pages} page{'s' if pages != 1 else ''}, {PAPER_NAMES[paper]}).")

    def _tell_failure(self, destination: Path, error: OSError) -> None:
        log.warning("cannot write %s: %s", destination, error)
        box = plain_text.message(
            QMessageBox.Icon.Warning,
            "The handout was not saved",
            f"{destination}\n\ncannot be written ({error.strerror or error}).",
            parent=self._window,
        )
        box.setObjectName("handoutNotSaved")
        self._open(box)

    def _open(self, dialog: QDialog) -> None:
        """Window-modal and returning at once: the window stays responsive underneath, and tests can drive the dialog."""
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
