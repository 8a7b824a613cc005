"""Fixtures that open the real main window."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from viewer.ui.main_window import MainWindow


@pytest.fixture
def open_window(qtbot):
    """Open a main window on an article, shown and laid out, as a user would see it."""

    def open_(article) -> MainWindow:
        window = MainWindow(article)
        qtbot.addWidget(window)
        window.resize(1100, 700)
        window.show()
        qtbot.waitExposed(window)
        return window

    return open_


@pytest.fixture
def window(open_window, bundled_article) -> MainWindow:
    """The main window on the bundled article."""
    return open_window(bundled_article)


class ModalMessages:
    """Modal message boxes recorded instead of shown; each is answered with *answer*."""

    def __init__(self) -> None:
        self.answer = QMessageBox.StandardButton.No
        self.shown: list[QMessageBox] = []

    def texts(self, icon: QMessageBox.Icon | None = None) -> list[str]:
        """The texts of the boxes shown so far (of one kind of icon, if given)."""
        return [box.text() for box in self.shown if icon is None or box.icon() == icon]


@pytest.fixture(autouse=True)
def no_unanswered_messages(request, monkeypatch):
    """A modal message box that no test answers fails the test at once instead of waiting for ever.

    A test that answers the real modal windows itself (from a timer) says so: @pytest.mark.answers_modal_windows.
    """
    if request.node.get_closest_marker("answers_modal_windows"):
        return

    def exec_(box: QMessageBox) -> int:
        raise AssertionError(f"a modal message box was opened ({box.text()!r}): answer it with the modal_messages fixture")

    monkeypatch.setattr(QMessageBox, "exec", exec_)


@pytest.fixture
def modal_messages(monkeypatch) -> ModalMessages:
    """Record modal message boxes (viewer.ui.plain_text.tell/ask) instead of blocking on them.

    Each must show its text as plain text: a box that would take it for rich text fails the test.
    """
    messages = ModalMessages()

    def exec_(box: QMessageBox) -> int:
        assert box.textFormat() == Qt.TextFormat.PlainText, f"a message box may take {box.text()!r} for rich text"
        messages.shown.append(box)
        return messages.answer.value

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return messages


class UrlHandlerSpy(QObject):
    """Stands in for the browser, mail program and file manager: QDesktopServices.openUrl ends up here."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.opened.append(url.toString())


URL_SCHEMES = ("http", "https", "mailto", "file", "javascript", "smb", "ftp")


@pytest.fixture
def opened_urls(qapp):
    """The addresses handed to the system to open (none should be, unless the reader agreed)."""
    spy = UrlHandlerSpy()
    for scheme in URL_SCHEMES:
        QDesktopServices.setUrlHandler(scheme, spy, "open_url")
    yield spy.opened
    for scheme in URL_SCHEMES:
        QDesktopServices.unsetUrlHandler(scheme)
