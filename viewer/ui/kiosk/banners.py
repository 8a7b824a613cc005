"""The kiosk's lines of text: the help strip on every screen, a short notice, and problems for the administrator."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from viewer.ui import plain_text

NOTICE_MS = 4000


def _plain_label(name: str, text: str = "") -> QLabel:
    return plain_text.label(text, objectName=name, wordWrap=True)  # the administrator's text and file names


def help_strip(text: str) -> QLabel:
    """The administrator's help line (e.g. a crisis number), shown under everything else on every screen."""
    strip = _plain_label("kioskHelpStrip", text)
    strip.setAlignment(Qt.AlignmentFlag.AlignCenter)
    strip.setAccessibleName("Help")
    strip.setVisible(bool(text.strip()))
    return strip


def problem_banner(problems: list[str]) -> QLabel:
    """What was wrong with the configuration or the article, for the administrator to fix; hidden when nothing was."""
    lines = ["Kiosk set-up problem (for the administrator):", *problems]
    banner = _plain_label("kioskProblems", "\n".join(lines))
    banner.setVisible(bool(problems))
    return banner


class Notice(QLabel):
    """A short message over the bottom of the screen that goes away by itself (never a dialog to dismiss)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskNotice")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._timer = QTimer(self, singleShot=True, interval=NOTICE_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def tell(self, text: str, stage: QWidget) -> None:
        """Show *text* centred near the bottom of *stage* for a few seconds."""
        self.setText(text)
        area = stage.geometry()
        width = min(720, area.width() - 48)
        self.setFixedWidth(width)
        self.adjustSize()
        self.move(area.left() + (area.width() - width) // 2, area.bottom() - self.height() - 32)
        self.raise_()
        self.show()
        self._timer.start()
