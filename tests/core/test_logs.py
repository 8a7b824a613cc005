"""The error log: tracebacks go to a bounded, rotating file; never to the reader."""

from __future__ import annotations

import contextlib
import logging
import sys
import tempfile
from logging.handlers import RotatingFileHandler

import pytest

from viewer.core.logs import LOG_DIR_VARIABLE, LOGGER_NAME, log_folder, log_unexpected_error, one_line, start_error_log


@pytest.fixture(autouse=True)
def no_log_left_running():
    yield
    for handler in list(logging.getLogger(LOGGER_NAME).handlers):
        logging.getLogger(LOGGER_NAME).removeHandler(handler)
        with contextlib.suppress(ValueError):  # one test closes the stream under the handler
            handler.close()


def raised(error: BaseException):
    try:
        raise error
    except BaseException:
        return sys.exc_info()


def test_the_log_folder_can_be_moved_by_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(LOG_DIR_VARIABLE, str(tmp_path / "logs"))
    assert log_folder() == tmp_path / "logs"


def test_an_unexpected_error_is_logged_with_its_traceback(tmp_path):
    log_file = start_error_log(tmp_path / "logs")
    assert log_unexpected_error(*raised(ZeroDivisionError("division by zero"))) == log_file
    text = log_file.read_text(encoding="utf-8")
    assert "unexpected error in the window" in text and "Traceback" in text and "ZeroDivisionError" in text


def test_the_log_rotates_and_stays_bounded(tmp_path):
    start_error_log(tmp_path, max_bytes=4000, backups=2)
    for number in range(200):
        log_unexpected_error(*raised(ValueError(f"problem {number}")))
    files = sorted(tmp_path.iterdir())
    assert [f.name for f in files] == ["ketamine-viewer.log", "ketamine-viewer.log.1", "ketamine-viewer.log.2"]
    assert all(f.stat().st_size <= 4000 for f in files)
    assert "problem 199" in files[0].read_text(encoding="utf-8")


def test_an_unwritable_log_folder_falls_back_to_the_temporary_folder(tmp_path, monkeypatch):
    (tmp_path / "not-a-folder").write_text("")
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    log_file = start_error_log(tmp_path / "not-a-folder" / "logs")
    assert log_file == tmp_path / "tmp" / "ketamine-viewer" / "ketamine-viewer.log"


def test_with_no_writable_folder_at_all_there_is_no_log_and_no_error(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("")
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path / "file"))
    assert start_error_log(tmp_path / "file" / "logs") is None
    assert log_unexpected_error(*raised(RuntimeError("x"))) is None


def test_a_log_that_breaks_while_writing_prints_no_traceback(tmp_path, capsys):
    log_file = start_error_log(tmp_path)
    [handler] = [h for h in logging.getLogger(LOGGER_NAME).handlers if isinstance(h, RotatingFileHandler)]
    handler.stream.close()  # as if the disk went away
    assert log_unexpected_error(*raised(RuntimeError("x"))) == log_file
    assert "Traceback" not in capsys.readouterr().err


def test_starting_twice_moves_the_log_instead_of_doubling_it(tmp_path):
    start_error_log(tmp_path / "a")
    second = start_error_log(tmp_path / "b")
    log_unexpected_error(*raised(RuntimeError("once")))
    assert second.read_text(encoding="utf-8").count("once") == 1
    assert (tmp_path / "a" / "ketamine-viewer.log").read_text(encoding="utf-8") == ""


@pytest.mark.parametrize(
    ("error", "line"),
    [
        (ZeroDivisionError("division by zero"), "ZeroDivisionError: division by zero"),
        (RuntimeError(), "RuntimeError"),
        (ValueError("a\nmulti-line\n  message"), "ValueError: a multi-line message"),
    ],
)
def test_the_reader_sees_one_short_line(error, line):
    assert one_line(error) == line


def test_a_long_message_is_cut():
    assert len(one_line(ValueError("x" * 1000))) == 160


def test_debug_categories_come_from_the_switch_or_the_variable():
    from viewer.core.logs import debug_categories

    assert debug_categories(True, "") == {"all"}
    assert debug_categories(False, "1") == {"all"}
    assert debug_categories(False, " Render, images ,") == {"render", "images"}
    assert debug_categories(False, "") == set()


def test_debug_messages_of_a_chosen_category_reach_stderr_and_others_do_not(capsys):
    import logging

    from viewer.core.logs import start_debug_log

    start_debug_log({"images"})
    try:
        logging.getLogger("viewer.images").debug("picture refused")
        logging.getLogger("viewer.render").debug("section converted")
    finally:
        start_debug_log(set())
    err = capsys.readouterr().err
    assert "viewer.images: picture refused" in err and "section converted" not in err
