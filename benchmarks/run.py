"""Every benchmark in one command: start-up and memory against a bare Qt window, finding the sections, questions and
filtering, memory growth.

    python benchmarks/run.py            # the figures recorded in benchmarks/RESULTS.md (about 10 minutes)
    python benchmarks/run.py --quick    # fewer repetitions, smaller articles left out (about 2 minutes)
    python benchmarks/run.py --only startup   # or outline, questions (with the filter's figures), filter, memory, stalls

Nothing here is a test: no figure fails anything. The budgets are printed beside the figures.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import startup
from benchmarks.common import ROOT, child_env, machine_description

# questions.py prints the question score and then filter.py's table with typed questions added
PARTS = ["startup", "outline", "questions", "memory", "stalls"]
CHOICES = [*PARTS, "filter"]


def main(argv: list[str] | None = None) -> int:
    """Print the machine, then each part's tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, for a quick look")
    parser.add_argument("--only", choices=CHOICES, action="append", help="run only this part (may be repeated)")
    parser.add_argument("--frozen", help="the frozen viewer to measure (default: the one under dist/, if any)")
    options = parser.parse_args(argv)
    quick = ["--quick"] if options.quick else []
    frozen = ["--frozen", options.frozen] if options.frozen else []
    print("## Ketamine Viewer benchmarks\n")
    print("\n".join(f"- {line}" for line in machine_description()) + "\n", flush=True)
    for part in options.only or PARTS:
        if part == "startup":
            startup.main(quick + frozen)  # only spawns children: this process stays free of Qt
        else:  # Qt and big articles in a process of their own
            subprocess.run([sys.executable, "-m", f"benchmarks.{part}", *quick], cwd=ROOT, env=child_env(), check=True)
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
