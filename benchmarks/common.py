"""What every benchmark shares: where things are, how a child program is timed, and the statistics."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_ARTICLE = ROOT / "resources" / "articles" / "ketamine-trd.md"


def child_env() -> dict[str, str]:
    """The environment for child programs: headless Qt unless a platform is chosen, the checkout importable.

    Bytecode caching is allowed (an installed viewer has its .pyc files), so the warm-up run compiles once.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


@dataclass(frozen=True)
class Launch:
    """One whole-process run: to its exit (wall and CPU time, peak memory) and, if it reported one, to its first paint."""

    seconds: float  # spawn to reaped
    cpu_seconds: float  # user + system, the child's own (wait4)
    peak_rss_mb: float
    paint: PaintReport | None = None


@dataclass(frozen=True)
class PaintReport:
    """What a program printed at its first paint (viewer/paint_report.py, benchmarks/floor.py)."""

    seconds: float  # spawn to first paint, wall
    cpu_seconds: float  # user + system by then
    enums: int  # Python enum classes PySide had built by then
    modules: tuple[str, ...]  # imported by then
    cache: str = ""  # the viewer's article came from the render cache: hit, miss or off
    peak_rss_mb: float = 0.0  # its own peak resident memory by then (0: not reported)


def launch(command: list[str], timeout: float = 300, env: dict[str, str] | None = None) -> Launch:
    """Run *command* to its exit, timing it from spawn to reaping; fail loudly unless it exits 0.

    The CPU time is the child's own (wait4), not a total over all children; the peak RSS is the one its
    first-paint report gives (wait4's without one); that report, on its stdout, is read too. *env* is added to :func:`child_env`.
    """
    with tempfile.TemporaryFile() as errors, tempfile.TemporaryFile() as output:
        start = time.monotonic()
        child = subprocess.Popen(command, cwd=ROOT, env={**child_env(), **(env or {})}, stdout=output, stderr=errors)
        watchdog = threading.Timer(timeout, child.kill)
        watchdog.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.monotonic() - start
        watchdog.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here: keep Popen from waiting again
        if child.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{command} exited {child.returncode}:\n{errors.read().decode(errors='replace')[-2000:]}")
        output.seek(0)
        paint = read_paint_report(output.read().decode(errors="replace"), start)
    # The child's own report of its peak memory: wait4's ru_maxrss (KiB on Linux) is at least this process's own
    # peak, which a child started with vfork carries through exec (the floor measured 71 MB that way, 56 MB alone).
    peak = paint.peak_rss_mb if paint is not None and paint.peak_rss_mb else usage.ru_maxrss / 1024
    return Launch(seconds, usage.ru_utime + usage.ru_stime, peak, paint)


def read_paint_report(stdout: str, spawned: float) -> PaintReport | None:
    """The first-paint report in a child's *stdout*, timed from *spawned* (time.monotonic()); None without one."""
    fields: dict[str, str] = {}
    modules: tuple[str, ...] = ()
    for line in stdout.splitlines():
        if line.startswith("first-paint "):
            fields = dict(item.split("=", 1) for item in line.split()[1:])
        elif line.startswith("first-paint-modules "):
            modules = tuple(line.split()[1:])
    if not fields:
        return None
    seconds = float(fields["clock"]) - spawned
    peak = int(fields.get("peak_kib", "0")) / 1024
    return PaintReport(seconds, float(fields["cpu"]), int(fields["enums"]), modules, fields.get("cache", ""), peak)


def median(values: list[float]) -> float:
    """The middle value."""
    return statistics.median(values)


def p95(values: list[float]) -> float:
    """The 95th percentile, interpolated between the two nearest ranks."""
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def ms(seconds: float) -> str:
    """Seconds as milliseconds: two decimals below one millisecond, one above."""
    return f"{seconds * 1000:.2f} ms" if seconds < 0.001 else f"{seconds * 1000:.1f} ms"


def print_table(header: list[str], rows: list[list[str]]) -> None:
    """A Markdown table, so that the output can be pasted into RESULTS.md and the README as it is."""
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(" --- " for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()


def machine_description() -> list[str]:
    """Where and when the figures were taken."""
    import datetime
    import platform
    import sys

    import PySide6
    from PySide6.QtCore import qVersion

    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")), "?")
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    memory_gib = int(next((line.split()[1] for line in meminfo if line.startswith("MemTotal")), "0")) / 1024**2
    return [
        f"date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"machine: {len(os.sched_getaffinity(0))} CPUs usable ({model}), {memory_gib:.1f} GiB RAM, {platform.platform()}",
        f"load average at start: {' / '.join(f'{x:.2f}' for x in os.getloadavg())} (1 / 5 / 15 min)",
        f"Python {platform.python_version()} ({sys.executable}), PySide6 {PySide6.__version__}, Qt {qVersion()}",
        f"QT_QPA_PLATFORM={child_env()['QT_QPA_PLATFORM']}",
        f"source: {source_revision()}",
    ]


def source_revision() -> str:
    """The commit measured, and whether the viewer's files differ from it."""
    import subprocess

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return f"{ROOT} (not a git checkout)"
    changed = git("status", "--porcelain", "--", "viewer", "resources")
    return f"commit {commit}" + (" with uncommitted changes in viewer/ or resources/" if changed else "")
