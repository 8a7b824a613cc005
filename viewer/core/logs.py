"""The error log: unexpected problems go to a rotating, size-bounded file in the user's log folder.

A reader sees a short message naming this file; the traceback goes only here. The log never
grows past (BACKUP_COUNT + 1) x MAX_LOG_BYTES.
"""

from __future__ import annotations

import logging
import os
import tempfile
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs

APP_DIR_NAME = "ketamine-viewer"
LOG_DIR_VARIABLE = "KETAMINE_VIEWER_LOG_DIR"
"""Set it to keep the log elsewhere: a kiosk image, a read-only home, a test."""
LOG_FILE = "ketamine-viewer.log"
MAX_LOG_BYTES = 512 * 1024
BACKUP_COUNT = 3  # so at most 2 MB in all

LOGGER_NAME = "ketamine_viewer"
_HANDLER_NAME = "ketamine-viewer-error-log"

DEBUG_VARIABLE = "KETAMINE_VIEWER_DEBUG"
"""Like --debug: "1" or "all" for every category, or some of them by name: "render,images"."""
CATEGORIES = {
    "render": "how each section was converted: here, in the render worker, or shown as plain text and why",
    "images": "each picture shown or refused, and why",
    "links": "each link clicked: followed, asked about or refused",
    "files": "articles opened, reloaded or gone",
    "search": "the search index: when it was built and how long it took",
    "settings": "the settings file read and written",
    "cache": "the render cache: entries that could not be used and why, entries kept",
}
"""The debug categories, each the logger ``viewer.<name>``."""
_DEBUG_HANDLER_NAME = "ketamine-viewer-debug"


def log_folder() -> Path:
    """Where the log lives: $KETAMINE_VIEWER_LOG_DIR, else the user's log folder."""
    return Path(os.environ.get(LOG_DIR_VARIABLE) or platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def start_error_log(folder: Path | None = None, max_bytes: int = MAX_LOG_BYTES, backups: int = BACKUP_COUNT) -> Path | None:
    """Send the program's log to a rotating file in *folder* (default: :func:`log_folder`); return its path.

    When that folder cannot be written, the log goes to the temporary folder instead; when that
    fails too, the result is None and problems are only counted, never shown as tracebacks.
    """
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    for old in [h for h in logger.handlers if h.get_name() == _HANDLER_NAME]:
        logger.removeHandler(old)
        old.close()
    for candidate in (folder or log_folder(), Path(tempfile.gettempdir()) / APP_DIR_NAME):
        try:
            candidate.mkdir(parents=True, exist_ok=True)
            handler = _QuietRotatingFileHandler(candidate / LOG_FILE, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
        except OSError:
            continue
        handler.set_name(_HANDLER_NAME)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        return candidate / LOG_FILE
    return None


class _QuietRotatingFileHandler(RotatingFileHandler):
    def handleError(self, record: logging.LogRecord) -> None:
        """A full disk or a vanished folder must not print logging's own traceback on stderr."""


def current_log_file() -> Path | None:
    """The file the log is going to, if it was started."""
    for handler in logging.getLogger(LOGGER_NAME).handlers:
        if handler.get_name() == _HANDLER_NAME and isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def log_unexpected_error(
    kind: type[BaseException], error: BaseException, traceback: TracebackType | None, where: str = "the window"
) -> Path | None:
    """Write an unexpected exception with its traceback to the log; return the log's path (None without one)."""
    logger = logging.getLogger(LOGGER_NAME)
    try:
        logger.error("unexpected error in %s", where, exc_info=(kind, error, traceback))
    except Exception:  # a broken log must not become a second error on the user's screen
        return None
    return current_log_file()


def one_line(error: BaseException, longest: int = 160) -> str:
    """The exception as one short line for a message: its type and the start of its text."""
    text = " ".join(str(error).split())
    line = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return line if len(line) <= longest else line[: longest - 1] + "…"


def debug_categories(flag: bool, variable: str) -> set[str]:
    """The categories to log: {"all"} with --debug or DEBUG_VARIABLE=1/all, else those the variable names."""
    names = {name.strip().lower() for name in variable.split(",") if name.strip()}
    if flag or names & {"1", "all", "yes", "true"}:
        return {"all"}
    return names


def start_debug_log(categories: set[str]) -> None:
    """Log warnings of every ``viewer.*`` logger, and debug messages of *categories*, to the log file
    (once :func:`start_error_log` has started it) and, for debug messages, to stderr too."""
    root = logging.getLogger("viewer")
    root.propagate = False  # never Python's last-resort output on stderr
    for old in [h for h in root.handlers if h.get_name() == _DEBUG_HANDLER_NAME]:
        root.removeHandler(old)
    root.setLevel(logging.DEBUG if "all" in categories else logging.WARNING)
    for name in set(CATEGORIES) | categories - {"all"}:
        logging.getLogger(f"viewer.{name}").setLevel(logging.DEBUG if name in categories else logging.NOTSET)
    root.addHandler(_ToErrorLog())
    if categories:
        handler = logging.StreamHandler()
        handler.set_name(_DEBUG_HANDLER_NAME)
        handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
        root.addHandler(handler)


class _ToErrorLog(logging.Handler):
    """Passes records on to the error log's file, whichever it is by then."""

    def __init__(self) -> None:
        super().__init__()
        self.set_name(_DEBUG_HANDLER_NAME)

    def emit(self, record: logging.LogRecord) -> None:
        for handler in logging.getLogger(LOGGER_NAME).handlers:
            if handler.get_name() == _HANDLER_NAME:
                handler.handle(record)
