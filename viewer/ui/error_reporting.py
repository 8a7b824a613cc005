"""Unexpected exceptions in the window: logged with their traceback, shown as a short message, survived.

PySide hands an exception raised in a slot or an event handler to ``sys.excepthook`` and then
carries on with the event loop, so replacing the hook is enough to keep the program running.
The message is not modal: an unattended kiosk must not stop at a dialog nobody will close.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from viewer import APP_NAME
from viewer.core.logs import log_unexpected_error, one_line, start_error_log
from viewer.ui import plain_text

MESSAGE_NAME = "unexpectedErrorMessage"


class ErrorReporter:
    """The installed hooks; :meth:`uninstall` puts the previous ones back."""

    def __init__(self, parent_window: Callable[[], QWidget | None]) -> None:
        self._parent_window = parent_window
        self._shown: set[tuple[str, str, int]] = set()
        self._message_up = False  # one message at a time, from the moment it is scheduled
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook

    def install(self) -> None:
        sys.excepthook = self.report
        threading.excepthook = self._report_thread

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def report(self, kind: type[BaseException], error: BaseException, traceback: TracebackType | None) -> None:
        """Log *error*, say so in one line on stderr and, once per kind of problem, in a message."""
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, error, traceback)  # Ctrl+C in a terminal still stops the program
            return
        log_file = log_unexpected_error(kind, error, traceback)
        where = f"details are in {log_file}" if log_file else "it could not be written to a log"
        print(f"{APP_NAME}: unexpected problem ({one_line(error)}); {where}", file=sys.stderr)
        origin = _origin(kind, traceback)
        if origin in self._shown or self._message_up or QApplication.instance() is None:
            return  # the same fault in every repaint must not bury the screen in messages
        self._shown.add(origin)
        self._message_up = True
        # Out of the failing call, into the event loop; with the application as context, so that it
        # never runs after the application is gone.
        QTimer.singleShot(0, QApplication.instance(), lambda: self._show(error, log_file))

    def _report_thread(self, hook_args: threading.ExceptHookArgs) -> None:
        log_unexpected_error(hook_args.exc_type, hook_args.exc_value or hook_args.exc_type(), hook_args.exc_traceback, "a thread")

    def _show(self, error: BaseException, log_file: Path | None) -> None:
        self._message_up = False  # until the box is really up: if building it fails, later problems still show
        where = f"The details were saved to:\n{log_file}" if log_file else "The details could not be saved."
        box = plain_text.message(
            QMessageBox.Icon.Warning,
            "Something went wrong",
            f"{APP_NAME} hit an unexpected problem and carried on.\n\n{one_line(error)}\n\n{where}",
            QMessageBox.StandardButton.Close,
            self._parent_window(),
        )
        box.setObjectName(MESSAGE_NAME)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # so the path can be copied
        box.finished.connect(self._forget_message)
        box.show()
        self._message_up = True

    def _forget_message(self) -> None:
        self._message_up = False


def install_error_reporting(parent_window: Callable[[], QWidget | None], log_folder: Path | None = None) -> ErrorReporter:
    """Start the error log (in *log_folder*, default the user's log folder) and catch every unexpected exception.

    *parent_window* returns the window to put messages over (or None). Call it once, after the
    QApplication exists and before the event loop starts.
    """
    start_error_log(log_folder)
    reporter = ErrorReporter(parent_window)
    reporter.install()
    return reporter


def _origin(kind: type[BaseException], traceback: TracebackType | None) -> tuple[str, str, int]:
    """The exception type and the line that raised it: one message for each."""
    while traceback is not None and traceback.tb_next is not None:
        traceback = traceback.tb_next
    if traceback is None:
        return kind.__name__, "", 0
    return kind.__name__, traceback.tb_frame.f_code.co_filename, traceback.tb_lineno
