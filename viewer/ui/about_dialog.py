"""Help → About: the program, the article shown (its source and review dates) and the licences of what is bundled."""

from __future__ import annotations

import datetime as dt
import html

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from viewer import APP_NAME, __version__
from viewer.core.article import Article
from viewer.core.credits import COMPONENTS, OWN_LICENCE, version_of
from viewer.core.provenance import format_date, provenance
from viewer.core.resources import APP_ICON, resource_path
from viewer.ui import plain_text
from viewer.ui.accessibility import describe, name_scroll_bars
from viewer.ui.window_placement import size_dialog

NOT_GIVEN = "not given in the article"


class AboutDialog(QDialog):
    """What the program is, what the reader is reading, and what it is all built from."""

    def __init__(self, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(f"About {APP_NAME}")
        column = QVBoxLayout(self)
        column.addLayout(self._program())
        column.addWidget(self._article_box(article))
        column.addWidget(plain_text.label("Licences of what the program is built from:"))
        column.addWidget(self._licences(), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        size_dialog(self, QSize(640, 680))

    def _program(self) -> QHBoxLayout:
        icon = plain_text.label()
        icon.setPixmap(QIcon(str(resource_path(APP_ICON))).pixmap(64, 64))
        text = plain_text.rich_label(  # our own text only: nothing from the article
            f"<b style='font-size: 15pt'>{APP_NAME} {__version__}</b><br/>"
            "Reads articles offline. It never uses the network.<br/>"
            f"Qt {qVersion()}, Qt for Python {pyside_version}, Python {version_of(COMPONENTS[1])}.",
            objectName="aboutProgram",
        )
        row = QHBoxLayout()
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(text, 1)
        return row

    def _article_box(self, article: Article) -> QGroupBox:
        box = QGroupBox("This article", objectName="aboutArticle")
        form = QFormLayout(box)
        origin = provenance(article.metadata)
        due = format_date(origin.review_due) if origin.review_due else NOT_GIVEN
        if origin.overdue(dt.date.today()):
            due += " — the review date has passed; the article may be out of date"
        rows = (
            ("Title", article.title),
            ("Source", origin.source or NOT_GIVEN),
            ("Authors", origin.authors or NOT_GIVEN),
            ("Last reviewed", format_date(origin.reviewed) if origin.reviewed else NOT_GIVEN),
            ("Review due", due),
            ("File", str(article.path) if article.path else "the article that comes with the program"),
        )
        for name, value in rows:
            form.addRow(f"{name}:", article_label(value, f"about{name.replace(' ', '')}"))
        if origin.overdue(dt.date.today()):
            box.findChild(QLabel, "aboutReviewdue").setProperty("overdue", True)  # coloured by the theme (window.qss)
        return box

    def _licences(self) -> QTextBrowser:
        browser = QTextBrowser(objectName="aboutLicences", openLinks=False, openExternalLinks=False)
        items = [f"<p><b>{APP_NAME} {html.escape(__version__)}</b><br/>{OWN_LICENCE}</p>"]
        for component in COMPONENTS:
            version = qVersion() if component.distribution == "PySide6-Essentials" else version_of(component)
            items.append(
                f"<p><b>{html.escape(component.name)}</b>{' ' + html.escape(version) if version else ''}<br/>"
                f"{html.escape(component.licence)}<br/><i>Source:</i> {html.escape(component.source)}</p>"
            )
        browser.setHtml("".join(items))
        describe(browser, "Licences", "The licence and source of the program and of everything it is built from")
        name_scroll_bars(browser, "the licences")
        return browser


def article_label(text: str, name: str) -> QLabel:
    """A label for article text: plain text, wrapped, selectable so it can be copied."""
    label = plain_text.label(text, objectName=name, wordWrap=True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
