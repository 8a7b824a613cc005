"""No network, ever: the whole program, run on an article full of remote references, opens no connection."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "data" / "hostile"

# Runs inside the sandbox: guards Python's sockets, drives the real program, reports what it saw as JSON.
PROGRAM = textwrap.dedent(
    """
    import ctypes, json, os, socket, sys

    attempts = []
    INTERNET = (socket.AF_INET, socket.AF_INET6)

    def guarded(name, original):
        def guard(self, *args, **kwargs):
            if self.family in INTERNET:
                attempts.append(f"{name}{args!r}")
                raise OSError("the test forbids network use")
            return original(self, *args, **kwargs)
        return guard

    def refuse(name):
        def guard(*args, **kwargs):
            attempts.append(f"{name}{args!r}")
            raise OSError("the test forbids network use")
        return guard

    for name in ("connect", "connect_ex", "sendto", "bind"):
        setattr(socket.socket, name, guarded(name, getattr(socket.socket, name)))
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_connection"):
        setattr(socket, name, refuse(name))

    import time
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    import viewer
    from viewer.ui.app import ensure_application

    app = ensure_application(sys.argv[:1])

    def wait_for(condition, seconds=20):
        until = time.monotonic() + seconds
        while not condition() and time.monotonic() < until:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if not condition():
            raise RuntimeError("timed out waiting for the window")

    def use_it():
        try:
            [window] = [w for w in app.topLevelWidgets() if w.objectName() == "mainWindow"]
            view = window.article_view
            wait_for(lambda: view.has_painted)
            edit = window.findChild(QLineEdit, "filterEdit")
            edit.setFocus()
            QTest.keyClicks(edit, "guideline tracker")
            wait_for(lambda: window.search.result is not None)
            view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
            view.grab()
            app.exit(0)
        except BaseException:
            app.exit(3)  # never hang the test: it reports the status
            raise

    QTimer.singleShot(0, use_it)
    status = viewer.main(["ketamine-viewer", sys.argv[1]])

    def inet_socket_inodes():
        inodes = set()
        for table in ("tcp", "tcp6", "udp", "udp6", "raw", "raw6"):
            try:
                lines = open(f"/proc/self/net/{table}").read().splitlines()[1:]
            except OSError:
                continue
            inodes.update(line.split()[9] for line in lines)
        return inodes

    open_sockets = {os.readlink(f"/proc/self/fd/{fd}")[8:-1] for fd in os.listdir("/proc/self/fd")
                    if os.path.exists(f"/proc/self/fd/{fd}") and os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")}
    libraries = open("/proc/self/maps").read()
    seen_by_the_program = list(attempts)
    try:  # the guard itself must notice a connection, or its silence proves nothing
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    except OSError:
        pass
    print(json.dumps({
        "status": status,
        "attempts": seen_by_the_program,
        "guard_works": attempts[len(seen_by_the_program):] != [],
        "qt_network_modules": sorted(m for m in sys.modules if "QtNetwork" in m),
        "qt_network_library": "libQt6Network" in libraries,
        "internet_sockets": len(open_sockets & inet_socket_inodes()),
        "shown": app.topLevelWidgets() != [],
    }))
    """
)


def unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or not unshare_works(), reason="needs 'unshare -n' (Linux, root or user namespaces)"
)
def test_the_whole_program_uses_no_network_even_on_an_article_full_of_remote_references(tmp_path):
    article = tmp_path / "remote.md"
    article.write_text(
        (HOSTILE / "remote-resources.md").read_text(encoding="utf-8")
        + "\n## More\n\n"
        + "\n".join(f"![remote {n}](https://198.51.100.{n}/pixel-{n}.png) [link {n}](https://example.org/{n})" for n in range(50))
        + '\n\n<img src="//evil.example/x.png"><link rel="stylesheet" href="//evil.example/x.css">\n',
        encoding="utf-8",
    )
    script = tmp_path / "run_program.py"
    script.write_text(PROGRAM, encoding="utf-8")
    result = subprocess.run(
        ["unshare", "-n", sys.executable, str(script), str(article)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["status"] == 0
    assert report["guard_works"]
    assert report["attempts"] == [], "the program tried to reach the network"
    assert report["qt_network_modules"] == [] and report["qt_network_library"] is False, "QtNetwork is not even loaded"
    assert report["internet_sockets"] == 0
    assert "Traceback" not in result.stderr
