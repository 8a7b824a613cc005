"""What ``--quit-after-first-paint`` prints at the first paint, for ``benchmarks/startup.py``.

One line: the moment (``time.monotonic()``, which the benchmark compares with the moment it spawned
the program), the CPU time spent so far (user + system), the number of Python enum classes PySide
has built (it builds them on first use, at 0.1–0.4 ms each), the number of modules imported and the peak
resident memory so far (the program exits right after: its peak); then
a line naming those modules. ``benchmarks/floor.py`` prints the same two lines, so that both are
measured alike. Nothing here runs unless that option is given.
"""

from __future__ import annotations

import sys
import time


def qt_enum_classes() -> int:
    """How many enum classes PySide has built in this process so far."""
    import enum

    seen: set[type] = set()
    waiting: list[type] = [enum.Enum]
    while waiting:
        for subclass in waiting.pop().__subclasses__():
            if subclass not in seen:
                seen.add(subclass)
                waiting.append(subclass)
    return sum(1 for kind in seen if (kind.__module__ or "").startswith(("PySide6", "shiboken6")))


def peak_memory_kib() -> int:
    """This program's peak resident memory so far (VmHWM; 0 where /proc cannot tell).

    Its own, not what wait4 reports: on Linux that counts the benchmark's own memory too, as a child
    started with vfork takes its parent's peak with it through exec.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), 0)
    except (OSError, ValueError):
        return 0


def report_first_paint(cache: str = "") -> None:
    """Print when the first paint happened, what it cost, and what had been built and imported by then;
    *cache* says whether the article came from the render cache ('hit', 'miss' or 'off')."""
    moment, cpu = time.monotonic(), time.process_time()
    modules = sorted(sys.modules)
    extra = f" cache={cache}" if cache else ""
    counts = f"enums={qt_enum_classes()} modules={len(modules)} peak_kib={peak_memory_kib()}"
    print(f"first-paint clock={moment:.6f} cpu={cpu:.6f} {counts}{extra}")
    print("first-paint-modules " + " ".join(modules), flush=True)
