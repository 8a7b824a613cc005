"""The window's short messages: a file that cannot be opened or is gone, and the status line (About is
viewer/ui/about_dialog.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from viewer.core.errors import ArticleError
from viewer.ui import plain_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

MESSAGE_SEPARATOR = "  ·  "
"""Between two things told in the status line at once, so that where one ends and the next starts is plain."""


def tell_cannot_open(parent: QWidget, error: ArticleError) -> None:
    """A dialog naming the file that cannot be opened and why."""
    from PySide6.QtWidgets import QMessageBox  # here: its enum classes wait for the first message

    plain_text.tell(parent, QMessageBox.Icon.Warning, "Cannot open the article", f"{error.path}\n\n{error.sentence()}")


def tell_without_blocking(parent: QWidget, title: str, error: ArticleError) -> QMessageBox:
    """A message about a file that an unattended screen does not have to dismiss to keep working."""
    from PySide6.QtWidgets import QMessageBox

    box = plain_text.message(QMessageBox.Icon.Warning, title, f"{error.path}\n\n{error.sentence()}", parent=parent)
    box.setObjectName("fileProblemMessage")
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def status_line(shown: str, messages: list[str]) -> str:
    """*messages* added to the status line showing *shown*, each kept apart from the others."""
    return plain_text.one_line(MESSAGE_SEPARATOR.join(text for text in (shown, *messages) if text.strip()), 1000)
