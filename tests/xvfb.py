"""A virtual X screen for tests that need a real X11 window system (no window manager on it)."""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path


def xvfb_path() -> str:
    path = shutil.which("Xvfb")
    assert path, "Xvfb is missing: apt-get install xvfb (.ci/run installs it)"
    return path


def start_xvfb(folder: Path, size: str = "1280x800") -> tuple[str, subprocess.Popen]:
    """Start a virtual X server on a free display; return the display name and the server process."""
    read_end, write_end = os.pipe()
    with (folder / "xvfb.log").open("w") as log:
        process = subprocess.Popen(
            [xvfb_path(), "-displayfd", str(write_end), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()  # Xvfb writes its display number once it accepts connections
    return f":{number}", process


@contextmanager
def x_screen(folder: Path, size: str = "1280x800"):
    """A virtual X screen for the duration of the block: its display name."""
    display, process = start_xvfb(folder, size)
    try:
        yield display
    finally:
        process.terminate()
        process.wait(timeout=10)
