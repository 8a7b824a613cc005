"""Keystroke cost of two or more checkouts, measured alternately in one run: CPU time as well as wall time.

On a shared, loaded machine wall times drift with the other jobs; CPU time per keystroke
(time.process_time: this process's threads only) and a comparison made in the same minutes do not.
Each round runs one child process per checkout, in turn (the order reversed every other round); each
child opens the same generated article (written once, so every checkout parses the same text),
waits for the window's own index build while recording its longest single pass of the event loop
(the longest pause a keystroke could wait), then types every query character by character as
benchmarks/filter.py does (SearchPresenter.apply_now() called directly, no typing pause), first as if
for the first time and then again, timing each keystroke in wall time and in CPU time.

    python benchmarks/compare.py /path/to/other-checkout . [--rounds 4] [--sections 10000 | --article PATH]

A checkout is any directory holding viewer/ (e.g. `git worktree add /tmp/main main`, or
`git archive <commit> | tar -x -C /tmp/old`); the child script itself is this one, run with the
checkout first on sys.path, and uses only the window's API that has been stable since issue 10
(window.search, window.indexer, window.filter_edit, window.section_tree).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: this checkout's benchmarks importable, after the checkout measured
    sys.path.append(str(Path(__file__).resolve().parent.parent))

from benchmarks.common import median, ms, p95, print_table

QUERIES = [
    "ketamine",
    "bladder",
    "nasal spray",
    "side efects",
    "TRD",
    "monitoring",
    "zebrafish",
    "how long infusion",
    "is ketamine safe",
    "urinary problems",
    "can I get hooked on ketamine zebrafish",
]
WARM_UP_QUERY = "dose"  # typed once before measuring: lazy imports and first paints of the widgets


def child(article_path: str) -> dict:
    """In a child whose sys.path starts with a checkout: open, index, type; the figures as a dict."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    import viewer
    from viewer.core.loader import load_article
    from viewer.ui.app import ensure_application
    from viewer.ui.main_window import MainWindow

    print(f"measuring {Path(viewer.__file__).parent}", file=sys.stderr)
    app = ensure_application([sys.argv[0]])
    window = MainWindow(load_article(Path(article_path)))
    window.resize(1200, 820)
    window.show()
    start, longest = time.perf_counter(), 0.0
    while not window.indexer.is_ready:
        before = time.perf_counter()
        app.processEvents()
        longest = max(longest, time.perf_counter() - before)
        if time.perf_counter() - start > 600:
            raise RuntimeError("the search index was not ready after 10 minutes")
    ready_s = time.perf_counter() - start
    edit, tree = window.filter_edit, window.section_tree

    def type_query(query: str) -> tuple[list[float], list[float]]:
        wall, cpu = [], []
        edit.setFocus()
        window.search.reset()
        QApplication.processEvents()
        for char in query:
            wall_start, cpu_start = time.perf_counter(), time.process_time()
            QTest.keyClick(edit, char)
            window.search.apply_now()
            QApplication.processEvents()
            tree.model().rowCount()
            cpu.append(time.process_time() - cpu_start)
            wall.append(time.perf_counter() - wall_start)
        if edit.text() != query:
            raise RuntimeError(f"typed {query!r} but the filter box holds {edit.text()!r}")
        return wall, cpu

    type_query(WARM_UP_QUERY)
    figures: dict = {"ready_s": ready_s, "longest_pause_s": longest, "first": {}, "again": {}}
    for query in QUERIES:
        window.indexer.index.forget_clauses()
        figures["first"][query] = type_query(query)
        figures["again"][query] = type_query(query)
    window.search.reset()
    window.close()
    return figures


def run_child(checkout: Path, article_path: str) -> dict:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(checkout), str(Path(__file__).resolve().parent.parent)])
    command = [sys.executable, str(Path(__file__).resolve()), "--child", article_path]
    output = subprocess.run(command, cwd=checkout, env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def load_average() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def report(checkouts: list[Path], runs: dict[Path, list[dict]], article: str) -> None:
    print(f"### Keystroke cost, {article}, checkouts alternated (median / p95)\n")
    rows = []
    for checkout in checkouts:
        first_wall = [t for run in runs[checkout] for wall, _ in run["first"].values() for t in wall]
        first_cpu = [t for run in runs[checkout] for _, cpu in run["first"].values() for t in cpu]
        again_wall = [t for run in runs[checkout] for wall, _ in run["again"].values() for t in wall]
        again_cpu = [t for run in runs[checkout] for _, cpu in run["again"].values() for t in cpu]
        pauses = [run["longest_pause_s"] for run in runs[checkout]]
        ready = [run["ready_s"] for run in runs[checkout]]
        rows.append(
            [
                str(checkout),
                f"{ms(sum(first_cpu) / len(first_cpu))} / {ms(median(first_cpu))} / {ms(p95(first_cpu))}",
                f"{ms(median(first_wall))} / {ms(p95(first_wall))}",
                f"{ms(sum(again_cpu) / len(again_cpu))} / {ms(p95(again_cpu))}",
                f"{ms(median(again_wall))} / {ms(p95(again_wall))}",
                f"{ms(median(pauses))} (worst {ms(max(pauses))})",
                f"{median(ready):.1f} s",
            ]
        )
    header = [
        "checkout",
        "CPU per keystroke, mean / median / p95",
        "wall, median / p95",
        "typed again: CPU mean / p95",
        "typed again: wall",
        "longest pause while indexing",
        "index ready",
    ]
    print_table(header, rows)
    print()
    print("CPU per keystroke by query (mean, first typing):\n")
    query_rows = []
    for query in QUERIES:
        cells = []
        for checkout in checkouts:
            cpu = [t for run in runs[checkout] for t in run["first"][query][1]]
            cells.append(ms(sum(cpu) / len(cpu)))
        query_rows.append([query, *cells])
    print_table(["query", *(str(c) for c in checkouts)], query_rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("checkouts", nargs="*", type=Path, help="directories holding viewer/ (two or more)")
    parser.add_argument("--rounds", type=int, default=4, help="child processes per checkout")
    parser.add_argument("--sections", type=int, default=10_000, help="size of the generated article")
    parser.add_argument("--article", type=Path, help="measure this article instead of a generated one (e.g. the bundled one)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        print(json.dumps(child(options.child)))
        return 0
    if len(options.checkouts) < 2:
        parser.error("give two or more checkouts to compare")
    from benchmarks.article_gen import generate

    checkouts = [path.resolve() for path in options.checkouts]
    runs: dict[Path, list[dict]] = {checkout: [] for checkout in checkouts}
    loads = [load_average()]
    with tempfile.TemporaryDirectory() as folder:
        article_path = Path(folder, "generated.md")
        if options.article:
            article_path.write_text(options.article.read_text(encoding="utf-8"), encoding="utf-8")
        else:
            article_path.write_text(generate(sections=options.sections), encoding="utf-8")
        for round_number in range(options.rounds):
            order = checkouts if round_number % 2 == 0 else checkouts[::-1]
            for checkout in order:
                runs[checkout].append(run_child(checkout, str(article_path)))
                print(f"round {round_number + 1}: {checkout} done (load average {load_average()})", file=sys.stderr, flush=True)
            loads.append(load_average())
    report(checkouts, runs, options.article.name if options.article else f"{options.sections:,} sections")
    print(f"\n{options.rounds} rounds; load average (1, 5, 15 min) at the start and after each round: {'; '.join(loads)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
