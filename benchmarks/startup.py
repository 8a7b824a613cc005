"""Launch to article visible, and peak memory, against the floor: a bare PySide6 window (benchmarks/floor.py).

Each program runs to its first paint and exits (--quit-after-first-paint); the wall time from spawn to
exit and the child's peak RSS (wait4's ru_maxrss) are recorded. Programs run interleaved, floor and
viewer alternating (A B C A B C …) after a warm-up round, so that drift on a shared machine hits both
alike. From source, and from the frozen build under dist/ when there is one, against a floor frozen
with PyInstaller in a temporary folder.

    python benchmarks/startup.py [--pairs 15] [--quick]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.article_gen import generate
from benchmarks.common import ROOT, Launch, launch, median, ms, p95, print_table

FLOOR_SCRIPT = ROOT / "benchmarks" / "floor.py"
FROZEN_VIEWER_CANDIDATES = ["dist/ketamine-viewer/ketamine-viewer", "dist/ketamine-viewer/ketamine-viewer.exe"]
TIME_BUDGET, MEMORY_BUDGET, BIG_ARTICLE_BUDGET = 1.25, 1.3, 2.0
QUIT = "--quit-after-first-paint"
FLOOR = "floor (bare QTextBrowser)"


def frozen_viewer() -> Path | None:
    """The frozen viewer under dist/, if one has been built."""
    return next((ROOT / c for c in FROZEN_VIEWER_CANDIDATES if (ROOT / c).is_file()), None)


def freeze_floor(workdir: Path) -> Path:
    """The floor program frozen the way the viewer is (PyInstaller, one folder, stripped, no UPX)."""
    workdir.mkdir(parents=True, exist_ok=True)
    options = ["--noconfirm", "--onedir", "--strip", "--noupx", "--log-level=WARN", "--name", "floor"]
    places = ["--distpath", workdir / "dist", "--workpath", workdir / "build", "--specpath", workdir]
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(workdir / "cache")}  # its own cache: builds may run beside it
    command = [sys.executable, "-m", "PyInstaller", *options, *map(str, places), str(FLOOR_SCRIPT)]
    subprocess.run(command, check=True, cwd=workdir, env=env)
    return workdir / "dist" / "floor" / "floor"


def run_interleaved(programs: dict[str, list[str]], rounds: int, warmup: int = 1) -> dict[str, list[Launch]]:
    """Run every program once per round, in turn; the warm-up rounds are not kept."""
    runs: dict[str, list[Launch]] = {name: [] for name in programs}
    for round_number in range(warmup + rounds):
        for name, command in programs.items():
            result = launch(command)
            if round_number >= warmup:
                runs[name].append(result)
    return runs


def verdict(ratio: float, budget: float) -> str:
    """'holds' or by how much the budget is missed."""
    return f"≤ {budget}×: holds" if ratio <= budget else f"≤ {budget}×: missed by {(ratio / budget - 1) * 100:.0f}%"


def report(title: str, runs: dict[str, list[Launch]], floor: str, budgets: dict[str, float], memory_budgeted: str) -> None:
    """One table: time and memory of each program, and their ratios to the floor's."""
    base_time = median([r.seconds for r in runs[floor]])
    base_rss = median([r.peak_rss_mb for r in runs[floor]])
    rows = []
    for name, results in runs.items():
        seconds = [r.seconds for r in results]
        rss = [r.peak_rss_mb for r in results]
        time_ratio, rss_ratio = median(seconds) / base_time, median(rss) / base_rss
        rows.append(
            [
                name,
                f"{ms(median(seconds))} / {ms(p95(seconds))}",
                f"{time_ratio:.2f}×" + (f" ({verdict(time_ratio, budgets[name])})" if name in budgets else ""),
                f"{median(rss):.1f} / {max(rss):.1f} MB",
                f"{rss_ratio:.2f}×" + (f" ({verdict(rss_ratio, MEMORY_BUDGET)})" if name == memory_budgeted else ""),
            ]
        )
    print(f"### {title} ({len(runs[floor])} interleaved rounds after a warm-up)\n")
    print_table(["program", "launch → visible, median / p95", "time ÷ floor", "peak RSS, median / max", "RSS ÷ floor"], rows)


def main(argv: list[str] | None = None) -> int:
    """Measure from source, then the frozen build if there is one."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=15, help="interleaved rounds to keep (at least 10 for the record)")
    parser.add_argument("--quick", action="store_true", help="5 rounds, for a quick look")
    parser.add_argument("--frozen", type=Path, help="the frozen viewer to measure (default: the one under dist/, if any)")
    options = parser.parse_args(argv)
    rounds = 5 if options.quick else options.pairs
    with tempfile.TemporaryDirectory(prefix="viewer-bench-") as temp:
        big = Path(temp) / "one-megabyte.md"
        big.write_text(generate(target_bytes=1_000_000), encoding="utf-8")
        from viewer.core.loader import load_article

        big_label = f"viewer, 1 MB article ({big.stat().st_size / 1e6:.2f} MB, {len(load_article(big).sections)} sections)"
        source = {
            FLOOR: [sys.executable, str(FLOOR_SCRIPT), QUIT],
            "viewer, bundled article": [sys.executable, "-m", "viewer", QUIT],
            big_label: [sys.executable, "-m", "viewer", str(big), QUIT],
        }
        budgets = {"viewer, bundled article": TIME_BUDGET, big_label: BIG_ARTICLE_BUDGET}
        report("Start-up from source", run_interleaved(source, rounds), FLOOR, budgets, "viewer, bundled article")

        viewer = options.frozen or frozen_viewer()
        if viewer is None:
            print(f"Frozen build: absent (none of {', '.join(FROZEN_VIEWER_CANDIDATES)}), not measured.\n")
            return 0
        floor = freeze_floor(Path(temp) / "frozen-floor")
        frozen = {
            "frozen floor": [str(floor), QUIT],
            "frozen viewer, bundled article": [str(viewer), QUIT],
            f"frozen {big_label}": [str(viewer), str(big), QUIT],
        }
        budgets = {"frozen viewer, bundled article": TIME_BUDGET, f"frozen {big_label}": BIG_ARTICLE_BUDGET}
        title = f"Start-up frozen ({viewer})"
        report(title, run_interleaved(frozen, rounds), "frozen floor", budgets, "frozen viewer, bundled article")
        shutil.rmtree(Path(temp) / "frozen-floor", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
