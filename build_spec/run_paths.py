"""Library search paths that point into the build machine, taken out of the Linux bundle.

A Python built with pyenv or another private prefix stamps its prefix (say /root/.pyenv/versions/3.11.7/lib)
into libpython and every extension module as RUNPATH. In an installed copy that path means nothing at best,
and at worst loads whatever a user has at that place; lintian calls it an error. Only paths relative to the
library itself ($ORIGIN, as PySide6 uses) are kept. chrpath edits the dynamic section in place.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from bundle_rules import elf_run_path


def portable_run_path(run_path: str) -> str:
    """*run_path* without its entries that are absolute paths, which name folders of the build machine."""
    return ":".join(entry for entry in run_path.split(":") if entry.startswith("$ORIGIN"))


def with_portable_run_paths(binaries: list[tuple[str, str, str]], workdir: Path) -> list[tuple[str, str, str]]:
    """A PyInstaller TOC list, with a fixed copy in *workdir* of every binary whose run path leaves the bundle."""
    fixed = []
    for destination, source, kind in binaries:
        run_path = elf_run_path(source) if kind in ("BINARY", "EXTENSION") else None
        if run_path is not None and portable_run_path(run_path) != run_path:
            source = str(_copy_with_run_path(Path(source), portable_run_path(run_path), workdir / destination))
        fixed.append((destination, source, kind))
    return fixed


def _copy_with_run_path(source: Path, run_path: str, copy: Path) -> Path:
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, copy)
    # A shorter path fits where the old one was; none at all deletes the entry.
    command = ["chrpath", "--replace", run_path, str(copy)] if run_path else ["chrpath", "--delete", str(copy)]
    subprocess.run(command, check=True, capture_output=True)
    return copy
