"""Six hostile inputs that used to freeze the window, generated here, and how fast the window opens them now.

Each input is a small article whose body is one pathological shape (see FREEZING_INPUTS). For each,
a child process opens it in the main window, as ``ketamine-viewer FILE`` would, and reports:

- first paint: from reading the file to the article pane's first paint (budget 5 s);
- longest stall after it: the longest time the event loop did not run a 10 ms heartbeat timer, from
  the first paint until the rest is rendered, the search index is built, the reader has jumped to the
  end (Ctrl+End) and searched for a word (budget 100 ms);
- ready: seconds from the first paint until the search index was built;
- CPU: the child's user + system CPU seconds (trust these over wall time on a shared machine).

    python -m benchmarks.freezing_inputs [--only NAME] [--timeout 120]

The test suite opens the same generated inputs (tests/ui/test_freezing_inputs.py) and checks what the
reader sees; the figures are only here.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, child_env, print_table

FIRST_PAINT_BUDGET_S, STALL_BUDGET_S = 5.0, 0.100
HEARTBEAT_MS = 10


def nested_list_items(depth: int = 10_000) -> str:
    """``<ul><li>`` nested *depth* deep (180 KB at 10,000): Qt's HTML import is quadratic in the depth."""
    return "# Lists\n\n" + "<ul><li>" * depth + "the deepest item" + "</li></ul>" * depth + "\n"


def nested_blockquotes(depth: int = 10_000) -> str:
    """``<blockquote>`` nested *depth* deep."""
    return "# Quotes\n\n" + "<blockquote>" * depth + "the deepest quote" + "</blockquote>" * depth + "\n"


def nested_divs(depth: int = 100_000) -> str:
    """``<div>`` nested *depth* deep (1.1 MB at 100,000): the sanitizer alone took 30-50 s in one C call."""
    return "# Divisions\n\n" + "<div>" * depth + "the deepest division" + "</div>" * depth + "\n"


def brackets(count: int = 4_900_000) -> str:
    """*count* ``[`` on one line (4.9 MB): Markdown gives up, then Qt lays out one unbreakable line."""
    return "# Brackets\n\n" + "[" * count + "\n"


def long_word(length: int = 1_000_000) -> str:
    """One word of *length* letters with no break (1 MB): Qt's line breaking is quadratic in it."""
    return "# A long word\n\n" + "a" * length + "\n"


def link_references(count: int = 100_000) -> str:
    """*count* link-reference definitions, each used once (5.0 MB at 100,000, just under the 5 MB limit)."""
    uses = "".join(f"[{n}][{n}] " for n in range(count))
    definitions = "".join(f"[{n}]: https://example.org/{n}\n" for n in range(count))
    return f"# References\n\n{uses}\n\n{definitions}"


FREEZING_INPUTS: dict[str, Callable[[], str]] = {
    "nested-list-items": nested_list_items,
    "nested-blockquotes": nested_blockquotes,
    "nested-divs": nested_divs,
    "brackets": brackets,
    "long-word": long_word,
    "link-references": link_references,
}


def measure_in_child(path: Path) -> dict[str, float]:
    """Run in the child: open *path* in the window, print the figures as one JSON line."""
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtTest import QTest

    from viewer.core.loader import load_article
    from viewer.ui.app import ensure_application
    from viewer.ui.main_window import MainWindow

    app = ensure_application([sys.argv[0]])
    started = time.perf_counter()
    window = MainWindow(load_article(path))
    window.resize(1200, 820)
    figures: dict[str, float] = {"stall_s": 0.0}
    beat = QElapsedTimer()
    heartbeat = QTimer(interval=HEARTBEAT_MS)

    def on_beat() -> None:
        figures["stall_s"] = max(figures["stall_s"], beat.restart() / 1000 - HEARTBEAT_MS / 1000)

    def on_first_paint() -> None:
        figures["first_paint_s"] = time.perf_counter() - started
        beat.start()
        heartbeat.start()
        QTimer.singleShot(0, when_ready)

    def when_ready() -> None:
        if not (window.indexer.is_ready and window.loader.complete):
            QTimer.singleShot(HEARTBEAT_MS, when_ready)
            return
        figures["ready_s"] = time.perf_counter() - started - figures["first_paint_s"]
        QTest.keyClick(window.article_view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        window.filter_edit.setFocus()
        QTest.keyClicks(window.filter_edit, "deepest")
        QTest.keyClick(window.filter_edit, Qt.Key.Key_Return)
        QTimer.singleShot(500, app.quit)  # a last half second of heartbeats: nothing left to do must stay idle

    heartbeat.timeout.connect(on_beat)
    window.article_view.firstPainted.connect(on_first_paint)
    window.show()
    app.exec()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    figures["cpu_s"] = usage.ru_utime + usage.ru_stime
    return figures


def measure(name: str, text: str, timeout: float) -> dict[str, float] | str:
    """The figures for one input, or why there are none (a timeout, a crash)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}.md"
        path.write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "benchmarks.freezing_inputs", "--child", str(path)]
        try:
            done = subprocess.run(command, cwd=ROOT, env=child_env(), capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return f"not painted and settled within {timeout:.0f} s"
    if done.returncode != 0:
        return f"exit status {done.returncode}: {done.stderr.strip().splitlines()[-1:] or ''}"
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(name: str, text: str, figures: dict[str, float] | str) -> list[str]:
    """One table row."""
    size = f"{len(text.encode()) / 1e6:.2f} MB"
    if isinstance(figures, str):
        return [name, size, figures, "", "", "", "missed"]
    holds = figures["first_paint_s"] <= FIRST_PAINT_BUDGET_S and figures["stall_s"] <= STALL_BUDGET_S
    return [
        name,
        size,
        f"{figures['first_paint_s']:.2f} s",
        f"{figures['stall_s'] * 1000:.0f} ms",
        f"{figures['ready_s']:.2f} s",
        f"{figures['cpu_s']:.1f} s",
        "holds" if holds else "missed",
    ]


def main(argv: list[str] | None = None) -> int:
    """Measure each input in a process of its own; print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=sorted(FREEZING_INPUTS), action="append", help="measure only this input")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before an input counts as frozen")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        print(json.dumps(measure_in_child(options.child)))
        return 0
    print(f"### Hostile inputs that used to freeze the window (load average {os.getloadavg()[0]:.2f} at start)\n")
    rows = []
    for name in options.only or FREEZING_INPUTS:
        text = FREEZING_INPUTS[name]()
        rows.append(report(name, text, measure(name, text, options.timeout)))
        print(" | ".join(rows[-1]), file=sys.stderr, flush=True)
    header = ["input", "size", "first paint (≤ 5 s)", "longest stall after (≤ 100 ms)", "ready after", "CPU", "budget"]
    print_table(header, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
