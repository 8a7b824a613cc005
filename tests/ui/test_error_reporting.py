"""An unexpected exception in the window is logged, told in a short message with the log's path, and survived."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from viewer.core.logs import LOG_DIR_VARIABLE, LOGGER_NAME
from viewer.ui.error_reporting import MESSAGE_NAME, install_error_reporting

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def reporting(qtbot, tmp_path):
    """Error reporting installed over a button whose click fails, with the log in a temporary folder."""
    button = QPushButton("Go")
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    reporter = install_error_reporting(lambda: button, tmp_path / "logs")
    yield button, tmp_path / "logs" / "ketamine-viewer.log"
    reporter.uninstall()
    for handler in list(logging.getLogger(LOGGER_NAME).handlers):
        logging.getLogger(LOGGER_NAME).removeHandler(handler)
        handler.close()
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == MESSAGE_NAME:
            widget.close()


def error_messages() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == MESSAGE_NAME and w.isVisible()]


def fail():
    return {}["missing key"]


def after_any_message(qtbot) -> None:
    """Return once a message the last click would have scheduled has had its turn.

    The reporter schedules its message with a zero timer; one scheduled after it fires after it.
    """
    turn = []
    QTimer.singleShot(0, QApplication.instance(), lambda: turn.append(True))
    qtbot.waitUntil(lambda: bool(turn))


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_click_is_logged_and_shown_briefly_and_the_window_goes_on(qtbot, reporting, capsys):
    button, log_file = reporting
    clicks = []
    button.clicked.connect(fail)
    button.clicked.connect(lambda: clicks.append(1))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(error_messages()) == 1)
    [message] = error_messages()
    assert "carried on" in message.text() and "KeyError: 'missing key'" in message.text()
    assert str(log_file) in message.text()
    assert message.windowModality() == Qt.WindowModality.NonModal, "an unattended screen must not stop at a dialog"
    log = log_file.read_text(encoding="utf-8")
    assert "Traceback" in log and "in fail" in log
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(log_file) in err
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clicks == [1, 1], "the program still answers clicks"


@pytest.mark.qt_no_exception_capture
def test_the_same_fault_again_and_again_shows_one_message(qtbot, reporting):
    button, log_file = reporting
    button.clicked.connect(fail)
    for _ in range(5):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(error_messages()) == 1)
    error_messages()[0].close()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    after_any_message(qtbot)
    assert error_messages() == []
    assert log_file.read_text(encoding="utf-8").count("Traceback") == 6, "every occurrence is still logged"


@pytest.mark.qt_no_exception_capture
def test_a_second_kind_of_fault_waits_for_the_first_message_to_close(qtbot, reporting):
    button, _log_file = reporting
    button.clicked.connect(fail)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(error_messages()) == 1)
    button.clicked.disconnect(fail)
    button.clicked.connect(lambda: 1 / 0)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    after_any_message(qtbot)
    assert [m.text().count("KeyError") for m in error_messages()] == [1], "still only the first message"
    error_messages()[0].close()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(error_messages()) == 1 and "ZeroDivisionError" in error_messages()[0].text())


def test_uninstalling_restores_the_previous_hook(qtbot, tmp_path):
    before = sys.excepthook
    reporter = install_error_reporting(lambda: None, tmp_path)
    assert sys.excepthook is not before
    reporter.uninstall()
    assert sys.excepthook is before
    for handler in list(logging.getLogger(LOGGER_NAME).handlers):
        logging.getLogger(LOGGER_NAME).removeHandler(handler)
        handler.close()


def test_a_failing_event_handler_in_a_real_program_prints_no_traceback(tmp_path):
    script = textwrap.dedent(
        """
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QTextBrowser
        from viewer.ui.error_reporting import install_error_reporting

        class Broken(QTextBrowser):
            def paintEvent(self, event):
                QTimer.singleShot(0, app.quit)  # once this has failed, and been reported
                raise RuntimeError("paint failed")

        app = QApplication([])
        view = Broken()
        install_error_reporting(lambda: view)
        view.show()
        QTimer.singleShot(30_000, lambda: app.exit(3))  # never painted: the test fails on this
        print("exit", app.exec())
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", LOG_DIR_VARIABLE: str(tmp_path)},
    )
    assert result.stdout.strip() == "exit 0"
    assert "Traceback" not in result.stderr
    assert "unexpected problem (RuntimeError: paint failed)" in result.stderr
    assert "RuntimeError: paint failed" in (tmp_path / "ketamine-viewer.log").read_text(encoding="utf-8")
