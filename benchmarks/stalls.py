"""The longest event-loop stall while each hostile article opens, against the idle loop's own jitter.

In a shown main window (offscreen unless QT_QPA_PLATFORM says otherwise), each article of
tests/data/hostile/ is opened with open_article_file(), as File → Open does, and the window is left
to run until the article is rendered and its search index built (or, for a file that cannot be
opened, until its message). Meanwhile a precise 5 ms timer stamps every pass of the event loop:

- stall: the longest time the loop could not answer, the open call itself included (a keystroke
  arriving then would wait this long), less the timer's 5 ms period;
- floor: the same measured over the same span of an idle window, in the same run.

Render time limits are the real ones (2 s a section, 8 s an article): pathological-brackets.md spends
about 6 s in the render worker per round, while the window goes on answering.

    python benchmarks/stalls.py [--rounds 5] [--quick]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from benchmarks.common import ROOT, median, ms, p95, print_table

HOSTILE = ROOT / "tests" / "data" / "hostile"
BUDGET_S = 0.100
PERIOD_MS = 5
SETTLE_LIMIT_S = 60


class LoopWatch:
    """Stamps each pass of the event loop with a precise timer; the longest gap between two."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self._timer = QTimer(interval=PERIOD_MS, timerType=Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._stamp)
        self._last = 0.0
        self.longest = 0.0

    def start(self) -> None:
        self._last, self.longest = time.perf_counter(), 0.0
        self._timer.start()

    def stop(self) -> float:
        self._stamp()
        self._timer.stop()
        return max(0.0, self.longest - PERIOD_MS / 1000)

    def _stamp(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now


def run_until(condition, limit_s: float = SETTLE_LIMIT_S) -> None:
    """Let the event loop run (in 1 ms waits) until *condition* holds."""
    from PySide6.QtTest import QTest

    deadline = time.perf_counter() + limit_s
    while not condition():
        if time.perf_counter() > deadline:
            raise RuntimeError("the window did not settle in time")
        QTest.qWait(1)


def open_and_watch(window, path: Path, watch: LoopWatch) -> tuple[float, float]:
    """Open *path* in *window* while *watch* runs; the longest stall and the seconds until it settled."""
    from PySide6.QtCore import QTimer

    opened = []
    watch.start()
    started = time.perf_counter()
    QTimer.singleShot(0, window, lambda: opened.append(window.open_article_file(path)))  # from the loop, as a key would
    run_until(lambda: opened and (not opened[0] or (window.loader.complete and window.indexer.is_ready)))
    return watch.stop(), time.perf_counter() - started


def idle_floor(seconds: float, watch: LoopWatch) -> float:
    """The longest gap of the idle event loop over *seconds*."""
    watch.start()
    until = time.perf_counter() + seconds
    run_until(lambda: time.perf_counter() >= until)
    return watch.stop()


def measure(rounds: int) -> dict[str, tuple[list[float], list[float], list[float]]]:
    """Per article: the stalls, the seconds to settle, and the idle floor over as long."""
    from PySide6.QtWidgets import QMessageBox

    from viewer.core.loader import load_article
    from viewer.core.resources import DEFAULT_ARTICLE, resource_path
    from viewer.ui.app import ensure_application
    from viewer.ui.main_window import MainWindow

    app = ensure_application([sys.argv[0]])
    QMessageBox.warning = lambda *args, **kwargs: QMessageBox.StandardButton.Ok  # a file that cannot be opened says so
    window = MainWindow(load_article(resource_path(DEFAULT_ARTICLE)))
    window.resize(1200, 820)
    window.show()
    run_until(lambda: window.indexer.is_ready)
    watch = LoopWatch()
    figures: dict[str, tuple[list[float], list[float], list[float]]] = {}
    for _ in range(rounds):
        for path in sorted(HOSTILE.glob("*.md")):
            stall, settled = open_and_watch(window, path, watch)
            stalls, times, floors = figures.setdefault(path.name, ([], [], []))
            stalls.append(stall)
            times.append(settled)
            floors.append(idle_floor(min(settled, 1.0), watch))
    window.close()
    app.processEvents()
    return figures


def report(figures: dict[str, tuple[list[float], list[float], list[float]]]) -> None:
    rows = []
    for name, (stalls, times, floors) in figures.items():
        verdict = "holds" if max(stalls) <= BUDGET_S else f"missed ×{max(stalls) / BUDGET_S:.1f}"
        rows.append(
            [
                name,
                f"{ms(median(stalls))} / {ms(p95(stalls))} / {ms(max(stalls))}",
                ms(median(floors)),
                ms(median(times)),
                verdict,
            ]
        )
    print("### Event-loop stalls while a hostile article opens (median / p95 / worst)\n")
    print_table(["article", "longest stall", "idle floor", "open → rendered and indexed", f"≤ {ms(BUDGET_S)}"], rows)
    every = [s for stalls, _, _ in figures.values() for s in stalls]
    floors = [f for _, _, fl in figures.values() for f in fl]
    print(
        f"All articles: longest stall median {ms(median(every))}, p95 {ms(p95(every))}, worst {ms(max(every))}"
        f" (idle floor median {ms(median(floors))}, worst {ms(max(floors))}); {len(every)} openings.\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="times each article is opened")
    parser.add_argument("--quick", action="store_true", help="two rounds")
    options = parser.parse_args(argv)
    report(measure(2 if options.quick else options.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
