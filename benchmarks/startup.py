"""Launch to article visible, and peak memory, against the floor: a bare PySide6 window (benchmarks/floor.py).

Floor and viewer run the same way: ``python <entry script> --quit-after-first-paint`` (the viewer's is
build_spec/entry_point.py, the one the frozen build runs). Each prints a report at its first paint
(viewer/paint_report.py): the moment, the CPU time (user + system) spent by then, and the enum classes
PySide built by then; then it exits. Recorded per run: wall and CPU time to the first paint and to the
exit, and the child's own peak RSS (VmHWM, in the same report: wait4's counts the benchmark's too).
CPU time is far steadier than wall time on a shared machine: trust its ratios first. Programs run
interleaved (A B C A B C …) after a warm-up round, so that drift hits all alike. From source, and from
the frozen build under dist/ when there is one, against a floor frozen with PyInstaller in a temporary folder.

Each program has a settings folder of its own (a last article read must not leak from one to the
next). The render cache is shared and kept over the rounds, filled before the first round by
viewer.core.cache_builder (what the window writes once it has rendered an article; a program that
exits at its first paint never gets that far); the first launch gets an empty cache and settings
folder every time: from source nothing is cached then, a frozen build has the bundled article's entry
in its bundle, as an installed one does. The "cache" column says what each launch found.

    python benchmarks/startup.py [--pairs 15] [--quick]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.article_gen import generate
from benchmarks.common import ROOT, Launch, launch, median, ms, p95, print_table

FLOOR_SCRIPT = ROOT / "benchmarks" / "floor.py"
VIEWER_SCRIPT = ROOT / "build_spec" / "entry_point.py"
FROZEN_VIEWER_CANDIDATES = ["dist/ketamine-viewer/ketamine-viewer", "dist/ketamine-viewer/ketamine-viewer.exe"]
QUIT = "--quit-after-first-paint"
BIG_BYTES, MANY_SECTIONS = 1_000_000, 10_000


@dataclass(frozen=True)
class Budget:
    """At most this many times the floor: time to the first paint (wall and CPU), and peak memory if given."""

    time: float
    memory: float | None = None


@dataclass
class Program:
    """One program to measure: its command line, its budget, and whether every launch starts as after installation."""

    name: str
    command: list[str]
    budget: Budget | None = None
    fresh: bool = False  # an empty render cache and settings folder for every launch
    runs: list[Launch] = field(default_factory=list)


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


def viewer_programs(viewer: list[str], articles: dict[str, Path], prefix: str = "") -> list[Program]:
    """The viewer on the bundled article (cached, first launch, without the cache) and on the big ones."""
    bundled = f"{prefix}viewer, bundled article"
    first = "first launch after installation" if prefix else "first launch, nothing cached"
    return [
        Program(bundled, [*viewer, QUIT], Budget(1.25, 1.2)),
        Program(f"{bundled}, {first}", [*viewer, QUIT], Budget(1.5), fresh=True),
        Program(f"{bundled}, --no-cache", [*viewer, "--no-cache", QUIT]),
        Program(f"{prefix}viewer, {articles_label(articles, 'big')}", [*viewer, str(articles["big"]), QUIT], Budget(1.5)),
        Program(f"{prefix}viewer, {articles_label(articles, 'many')}", [*viewer, str(articles["many"]), QUIT], Budget(2.0)),
    ]


def articles_label(articles: dict[str, Path], which: str) -> str:
    """'1 MB article (1.00 MB, 2346 sections)' and the like."""
    from viewer.core.loader import load_article

    path = articles[which]
    sections = len(load_article(path).sections)
    if which == "big":
        return f"1 MB article ({path.stat().st_size / 1e6:.2f} MB, {sections} sections)"
    return f"{sections:,}-section article ({path.stat().st_size / 1e6:.1f} MB)"


def run_interleaved(programs: list[Program], rounds: int, folder: Path, warmup: int = 1) -> None:
    """Run every program once per round, in turn; the warm-up rounds are not kept."""
    for round_number in range(warmup + rounds):
        for number, program in enumerate(programs):
            home = folder / f"program-{number}"
            if program.fresh:
                shutil.rmtree(home, ignore_errors=True)
            env = {
                "KETAMINE_VIEWER_CONFIG_DIR": str(home / "config"),
                "KETAMINE_VIEWER_LOG_DIR": str(home / "log"),
                "KETAMINE_VIEWER_CACHE_DIR": str(home / "cache" if program.fresh else folder / "cache"),
            }
            result = launch(program.command, env=env)
            if result.paint is None:
                raise RuntimeError(f"{program.command} printed no first-paint report")
            if round_number >= warmup:
                program.runs.append(result)


def verdict(time_ratios: tuple[float, float], memory_ratio: float, budget: Budget | None) -> str:
    """Whether the budget holds, and by how much it is missed where it does not."""
    if budget is None:
        return "—"
    parts = [_against(f"wall {time_ratios[0]:.2f}×, CPU {time_ratios[1]:.2f}×", max(time_ratios), budget.time)]
    if budget.memory is not None:
        parts.append(_against(f"memory {memory_ratio:.2f}×", memory_ratio, budget.memory))
    return "; ".join(parts)


def _against(what: str, ratio: float, budget: float) -> str:
    return f"{what} ≤ {budget}×: " + ("holds" if ratio <= budget else f"missed by {(ratio / budget - 1) * 100:.0f}%")


def report(title: str, programs: list[Program], load_before: str) -> None:
    """One table: each program's time to first paint and to exit, CPU, memory and enum classes, and ratios to the floor's."""
    floor = programs[0]
    base_wall = median([r.paint.seconds for r in floor.runs])
    base_cpu = median([r.paint.cpu_seconds for r in floor.runs])
    base_rss = median([r.peak_rss_mb for r in floor.runs])
    rows = []
    for program in programs:
        wall = [r.paint.seconds for r in program.runs]
        cpu = [r.paint.cpu_seconds for r in program.runs]
        rss = median([r.peak_rss_mb for r in program.runs])
        ratios = (median(wall) / base_wall, median(cpu) / base_cpu)
        rows.append(
            [
                program.name,
                f"{ms(median(wall))} / {ms(p95(wall))}",
                f"{ratios[0]:.2f}×",
                f"{ms(median(cpu))}",
                f"{ratios[1]:.2f}×",
                f"{ms(median([r.seconds for r in program.runs]))} / {ms(median([r.cpu_seconds for r in program.runs]))}",
                f"{rss:.1f} MB ({rss / base_rss:.2f}×)",
                str(round(median([r.paint.enums for r in program.runs]))),
                ", ".join(sorted({r.paint.cache for r in program.runs})) or "—",
                verdict(ratios, rss / base_rss, program.budget),
            ]
        )
    rounds = len(floor.runs)
    print(f"### {title} ({rounds} interleaved rounds after a warm-up; load average {load_before} before, {load()} after)\n")
    header = ["program", "first paint, median / p95", "÷ floor", "CPU to first paint", "÷ floor"]
    header += ["exit, wall / CPU", "peak RSS (÷ floor)", "enum classes at first paint", "cache", "budget"]
    print_table(header, rows)


def load() -> str:
    """The load average now (1 / 5 / 15 minutes)."""
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def write_articles(folder: Path) -> dict[str, Path]:
    """The 1 MB and the 10,000-section articles, generated."""
    articles = {"big": folder / "one-megabyte.md", "many": folder / "ten-thousand-sections.md"}
    articles["big"].write_text(generate(target_bytes=BIG_BYTES), encoding="utf-8")
    articles["many"].write_text(generate(sections=MANY_SECTIONS), encoding="utf-8")
    return articles


def fill_cache(folder: Path, articles: dict[str, Path]) -> None:
    """The render cache entries of the bundled and the big articles, as the window keeps them once it has rendered them.

    In a process of its own: a child forked from a big parent counts the parent's pages in its peak RSS.
    """
    from benchmarks.common import BUNDLED_ARTICLE, child_env

    command = [sys.executable, "-m", "viewer.core.cache_builder", str(folder), str(BUNDLED_ARTICLE), *map(str, articles.values())]
    if subprocess.run(command, cwd=ROOT, env=child_env()).returncode != 0:
        print("(not every render cache entry could be made: those runs render their article afresh)\n")


def main(argv: list[str] | None = None) -> int:
    """Measure from source, then the frozen build if there is one."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=15, help="interleaved rounds to keep (at least 10 for the record)")
    parser.add_argument("--quick", action="store_true", help="5 rounds, for a quick look")
    parser.add_argument("--frozen", type=Path, help="the frozen viewer to measure (default: the one under dist/, if any)")
    options = parser.parse_args(argv)
    rounds = 5 if options.quick else options.pairs
    with tempfile.TemporaryDirectory(prefix="viewer-bench-") as temp:
        folder = Path(temp)
        articles = write_articles(folder)
        source = [Program("floor (bare QTextBrowser)", [sys.executable, str(FLOOR_SCRIPT), QUIT])]
        source += viewer_programs([sys.executable, str(VIEWER_SCRIPT)], articles)
        fill_cache(folder / "source" / "cache", articles)
        before = load()
        run_interleaved(source, rounds, folder / "source")
        report("Start-up from source", source, before)

        viewer = options.frozen or frozen_viewer()
        if viewer is None:
            print(f"Frozen build: absent (none of {', '.join(FROZEN_VIEWER_CANDIDATES)}), not measured.\n")
            return 0
        floor = freeze_floor(folder / "frozen-floor")
        frozen = [Program("frozen floor", [str(floor), QUIT]), *viewer_programs([str(viewer)], articles, "frozen ")]
        fill_cache(folder / "frozen" / "cache", articles)
        before = load()
        run_interleaved(frozen, rounds, folder / "frozen")
        report(f"Start-up frozen ({viewer})", frozen, before)
    return 0


if __name__ == "__main__":
    sys.exit(main())
