"""Converting Markdown in a process of its own, killed when a section takes too long.

A thread cannot be stopped from outside, and an exception raised into one can be swallowed or, with a
trace function active, never arrive; a process can always be killed. The viewer starts this worker
only when an article has a section that might be slow (:mod:`viewer.core.render_cost`), so an
ordinary start never pays for it. It is the program itself in a hidden mode (``--render-worker``),
so the frozen build, which has no Python of its own to start, runs it the same way.

One JSON object a line. To the worker: ``{"ticket": n, "body": "..."}``. From it: ``{"started": n}``
when it begins, then ``{"ticket": n, "html": "...", "trimmed": t, "seconds": s}`` or ``{"ticket": n, "problem": p}``
(*trimmed*: elements nested too deeply lost their tags).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import os
import queue
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, NoReturn

WORKER_OPTION = "--render-worker"  # the same as viewer.cli's, which imports nothing it does not need
STARTUP_SECONDS = 30.0  # a loaded machine may take this long to start a Python program
WORKER_MEMORY_BYTES = 2 << 30  # address space: a runaway conversion fails instead of swapping the machine

SLOW, DEEP, FAILED = "slow", "deep", "failed"
"""Problems: out of time (the worker was killed), nested too deeply, or the worker failed or could not start."""

log = logging.getLogger("viewer.render")
_live_workers: weakref.WeakSet[RenderWorker] = weakref.WeakSet()


@dataclass(frozen=True)
class Reply:
    """What became of one body: its sanitized HTML, or the problem that stopped it."""

    ticket: int
    html: str | None
    problem: str = ""
    seconds: float = 0.0
    trimmed: bool = False  # elements nested too deeply lost their tags


def worker_command() -> list[str]:
    """How to start the worker: the frozen program itself, or this Python on the viewer package."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_OPTION]
    return [sys.executable, "-m", "viewer", WORKER_OPTION]


class RenderWorker:
    """The viewer's side of one worker process, started on the first :meth:`submit`, one body at a time.

    Replies go to *on_reply*, called on a thread of this class (a Qt caller forwards them by signal);
    without it :meth:`wait` returns them. Every body submitted gets exactly one reply: its HTML, or
    SLOW once it has run *seconds* (the process is then killed and started again when next needed).
    """

    def __init__(self, on_reply: Callable[[Reply], None] | None = None) -> None:
        self._on_reply = on_reply
        self._replies: queue.Queue[Reply] = queue.Queue()
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._tickets = 0
        self._pending: tuple[int, float] | None = None  # (ticket, seconds allowed)
        self._deadline: threading.Timer | None = None
        _live_workers.add(self)

    @property
    def busy(self) -> bool:
        """Whether a body is being converted."""
        return self._pending is not None

    def submit(self, body: str, seconds: float) -> int:
        """Have *body* converted within *seconds* of conversion; return its ticket."""
        with self._lock:
            if self._pending is not None:
                raise RuntimeError("the render worker converts one body at a time")
            self._tickets += 1
            ticket = self._tickets
            self._pending = (ticket, seconds)
            process = self._running_process()
            self._arm(ticket, STARTUP_SECONDS + seconds)  # until it says it started
        if process is None:
            self._finish(Reply(ticket, None, FAILED))
            return ticket
        line = json.dumps({"ticket": ticket, "body": body}).encode() + b"\n"
        threading.Thread(target=_send, args=(process, line), name="render-worker-send", daemon=True).start()
        return ticket

    def wait(self) -> Reply:
        """The next reply (only without *on_reply*); it always comes, at worst when the time runs out."""
        return self._replies.get()

    def kill(self) -> None:
        """Stop the process now; a body being converted gets no reply (its ticket is dropped)."""
        with self._lock:
            self._pending = None
            self._disarm()
            process, self._process = self._process, None
        _kill(process)

    close = kill

    def _running_process(self) -> subprocess.Popen[bytes] | None:
        if self._process is not None and self._process.poll() is None:
            return self._process
        try:
            self._process = _start_process()
        except OSError as error:
            log.warning("the render worker could not start: %s", error)
            self._process = None
            return None
        log.debug("render worker started (process %d)", self._process.pid)
        threading.Thread(target=self._read, args=(self._process,), name="render-worker-read", daemon=True).start()
        return self._process

    def _read(self, process: subprocess.Popen[bytes]) -> None:
        try:
            for line in process.stdout:
                self._take(json.loads(line))
        except (OSError, ValueError):  # killed and closed meanwhile, or a line cut short by a crash
            pass
        with self._lock:
            current = process is self._process
            ticket = self._pending[0] if current and self._pending else None
        if ticket is not None:  # it died on its own: a crash, or out of memory
            log.warning("the render worker stopped with status %s", process.wait())
            self._finish(Reply(ticket, None, FAILED))

    def _take(self, message: dict) -> None:
        if "started" in message:
            with self._lock:
                if self._pending and self._pending[0] == message["started"]:
                    self._arm(message["started"], self._pending[1])  # from now on only its own time counts
            return
        html, problem, seconds = message.get("html"), message.get("problem", ""), message.get("seconds", 0.0)
        self._finish(Reply(message["ticket"], html, problem, seconds, bool(message.get("trimmed", True))))

    def _arm(self, ticket: int, seconds: float) -> None:
        self._disarm()
        self._deadline = threading.Timer(seconds, self._expire, args=(ticket, seconds))
        self._deadline.daemon = True
        self._deadline.start()

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expire(self, ticket: int, seconds: float) -> None:
        with self._lock:
            if not self._pending or self._pending[0] != ticket:
                return
            process, self._process = self._process, None
        _kill(process)
        log.debug("render worker killed: ticket %d ran out of its %.1f s", ticket, seconds)
        self._finish(Reply(ticket, None, SLOW, seconds))

    def _finish(self, reply: Reply) -> None:
        with self._lock:
            if not self._pending or self._pending[0] != reply.ticket:
                return  # a reply for a body given up on
            self._pending = None
            self._disarm()
        if self._on_reply is not None:
            self._on_reply(reply)
        else:
            self._replies.put(reply)


def _start_process() -> subprocess.Popen[bytes]:
    package_parent = str(Path(__file__).resolve().parents[2])  # the worker imports this very viewer
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_parent, os.environ.get("PYTHONPATH")]))}
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # Windows: no console window flashes up
    return subprocess.Popen(
        worker_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, creationflags=flags
    )


def _send(process: subprocess.Popen[bytes], line: bytes) -> None:
    try:
        process.stdin.write(line)
        process.stdin.flush()
    except (OSError, ValueError):
        pass  # killed meanwhile: the reader reports it


def _kill(process: subprocess.Popen[bytes] | None) -> None:
    if process is None:
        return
    process.kill()
    process.wait()
    for stream in (process.stdin, process.stdout):
        with contextlib.suppress(OSError):
            stream.close()


@atexit.register
def _kill_all_workers() -> None:
    for worker in list(_live_workers):
        worker.kill()


def serve() -> NoReturn:
    """The worker's main loop: convert each body read from stdin, write each reply to stdout.

    Requests are read on a thread of their own: the end of input (the viewer gone) ends the whole
    process at once, even in the middle of a conversion.
    """
    from viewer.core.dialect import new_markdown
    from viewer.core.render import convert_costly

    # A windowed program (the frozen build on Windows) may start without sys.stdin and sys.stdout;
    # the pipes the viewer gave it are still descriptors 0 and 1.
    requests = sys.stdin.buffer if sys.stdin is not None else os.fdopen(0, "rb")
    replies = sys.stdout.buffer if sys.stdout is not None else os.fdopen(1, "wb")
    _limit_memory()
    inbox: queue.Queue[bytes] = queue.Queue()
    threading.Thread(target=_read_requests, args=(requests, inbox), daemon=True).start()
    markdown = new_markdown()
    while True:
        request = json.loads(inbox.get())
        _write(replies, {"started": request["ticket"]})
        started = time.perf_counter()
        try:
            html, trimmed = convert_costly(markdown, request["body"])
            answer = {"html": html, "trimmed": trimmed}
        except RecursionError:
            markdown, answer = new_markdown(), {"problem": DEEP}
        except Exception:  # anything else a hostile body does to Markdown: shown as plain text
            markdown, answer = new_markdown(), {"problem": FAILED}
        _write(replies, {"ticket": request["ticket"], "seconds": time.perf_counter() - started, **answer})


def _read_requests(requests: BinaryIO, inbox: queue.Queue[bytes]) -> None:
    for line in requests:
        inbox.put(line)
    os._exit(0)  # the viewer closed the pipe: stop now, even mid-conversion


def _write(replies: BinaryIO, message: dict[str, object]) -> None:
    replies.write(json.dumps(message).encode() + b"\n")
    replies.flush()


def _limit_memory() -> None:
    try:
        import resource
    except ImportError:  # Windows
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or hard > WORKER_MEMORY_BYTES:
        resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY_BYTES, hard))
