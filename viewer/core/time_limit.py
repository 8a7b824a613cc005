"""A time limit for pure-Python work that can take far too long on hostile input.

Python-Markdown is quadratic or worse on some inputs (twenty thousand ``[`` take minutes), and
the viewer renders on the thread that paints the window. :class:`TimeLimit` runs a watchdog
thread that, when the armed limit runs out, raises :class:`TooSlow` in the working thread
(CPython's ``PyThreadState_SetAsyncExc``). The exception arrives between two Python steps, so a
single long C call still finishes first; Markdown's slow cases are many short calls.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class TooSlow(Exception):
    """The work did not finish within its time limit."""


class TimeLimit:
    """Use as ``with TimeLimit() as limit:`` then ``with limit.seconds(2): work()`` as often as needed."""

    def __init__(self) -> None:
        self._worker = threading.get_ident()
        self._state = threading.Condition()
        self._deadline: float | None = None
        self._fired = False
        self._closed = False
        self._watchdog = threading.Thread(target=self._watch, name="render-time-limit", daemon=True)

    def __enter__(self) -> TimeLimit:
        self._worker = threading.get_ident()
        self._watchdog.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        with self._state:
            self._closed = True
            self._state.notify()
        self._watchdog.join()

    @contextmanager
    def seconds(self, limit: float) -> Iterator[None]:
        """Raise TooSlow in this thread if the body runs longer than *limit* seconds."""
        with self._state:
            self._deadline, self._fired = time.monotonic() + limit, False
            self._state.notify()
        try:
            yield
        finally:
            with self._state:
                self._deadline = None
                if self._fired:  # too late to matter now: take back the exception if still pending
                    _raise_in_thread(self._worker, None)
                    self._fired = False

    def _watch(self) -> None:
        with self._state:
            while not self._closed:
                if self._deadline is None:
                    self._state.wait()
                    continue
                remaining = self._deadline - time.monotonic()
                if remaining > 0:
                    self._state.wait(remaining)
                    continue
                _raise_in_thread(self._worker, TooSlow)
                self._fired, self._deadline = True, None


def _raise_in_thread(thread_id: int, exception: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception else None)
