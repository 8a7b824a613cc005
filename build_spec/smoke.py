"""The smoke test every build must pass before it is called good: each packaged program, unpacked as a user
gets it, runs its --self-test, --outline, --export-pdf and --version with the network removed, from a working
folder outside the checkout, with an empty home folder and a minimal environment.

build.py runs it on what it built; tests/packaging/test_frozen_build.py runs the same functions under pytest.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import project


class SmokeTestFailure(Exception):
    """A packaged program that did not behave, with what it printed."""


@functools.cache
def network_isolation() -> list[str]:
    """The command prefix that runs a program with no network: a new, empty network namespace on Linux
    (directly as root, through a user namespace otherwise). Elsewhere there is no such tool, and [] is returned."""
    if not sys.platform.startswith("linux"):
        return []
    attempts = (["unshare", "--net"], ["unshare", "--map-root-user", "--net"])
    for prefix in attempts:
        if shutil.which(prefix[0]) and subprocess.run([*prefix, "true"], capture_output=True).returncode == 0:
            return prefix
    raise SmokeTestFailure(
        "cannot remove the network for the smoke test: neither 'unshare --net' nor 'unshare --map-root-user --net' works"
    )


def unpack_deb(deb: Path, root: Path) -> Path:
    """Unpack *deb* into *root* as dpkg would install it; return the program's path there."""
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return root / "opt" / project.APP_ID / project.APP_ID


def unpack_tarball(tarball: Path, folder: Path) -> Path:
    """Unpack the portable tarball into *folder*; return the program's path there."""
    folder.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tarball) as archive:
        archive.extractall(folder, filter="data")  # the filter refuses links and paths that leave the folder
    [program] = folder.glob(f"{project.APP_ID}-*/{project.APP_ID}")
    return program


def run_isolated(program: Path, arguments: list[str], scratch: Path) -> subprocess.CompletedProcess[str]:
    """Run *program* with no network, in an empty folder under *scratch*, with an empty home folder."""
    home, working = scratch / "home", scratch / "cwd"
    for folder in (home, working):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    return subprocess.run(
        [*network_isolation(), str(program), *arguments],
        cwd=working,
        env=_minimal_environment(home),
        capture_output=True,
        text=True,  # in the locale's encoding, as the program writes to a pipe (the ANSI code page on Windows)
        errors="replace",
        timeout=120,
    )


def _minimal_environment(home: Path) -> dict[str, str]:
    # What a fresh login has, and nothing from the build: no PYTHONPATH, no virtual environment, no display.
    environment = {"HOME": str(home), "PATH": os.defpath, "LANG": "C.UTF-8", "USERPROFILE": str(home)}
    if sys.platform == "win32":  # Windows programs cannot start without these
        environment.update({name: os.environ[name] for name in ("SYSTEMROOT", "WINDIR", "TEMP", "TMP") if name in os.environ})
    return environment


def check_program(program: Path, expected_outline: str, scratch: Path) -> list[str]:
    """Run the smoke test on one packaged program; return what it reported, raise SmokeTestFailure if it fails."""
    self_test = _expect_success(program, ["--self-test"], scratch)
    lines = self_test.stdout.splitlines()
    if len(lines) != 1 or not lines[0].startswith("self-test passed"):
        raise SmokeTestFailure(f"{program} --self-test printed {self_test.stdout!r}, not one 'self-test passed' line")
    outline = _expect_success(program, ["--outline"], scratch)
    if outline.stdout.rstrip("\n") != expected_outline.rstrip("\n"):
        raise SmokeTestFailure(f"{program} --outline differs from the source's outline:\n{outline.stdout}")
    handout = _expect_success(program, ["--export-pdf", "handout.pdf"], scratch)
    pdf = scratch / "cwd" / "handout.pdf"
    if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF-") or "page" not in handout.stdout:
        raise SmokeTestFailure(f"{program} --export-pdf wrote no PDF (it printed {handout.stdout!r})")
    version = _expect_success(program, ["--version"], scratch)
    if version.stdout.strip() != f"{project.app_name()} {project.version()}":
        raise SmokeTestFailure(f"{program} --version printed {version.stdout!r}")
    return lines


def _expect_success(program: Path, arguments: list[str], scratch: Path) -> subprocess.CompletedProcess[str]:
    result = run_isolated(program, arguments, scratch)
    if result.returncode != 0:
        raise SmokeTestFailure(f"{program} {' '.join(arguments)} exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return result


def source_outline() -> str:
    """The bundled article's outline as the source checkout prints it: what every frozen copy must print."""
    result = subprocess.run(
        [sys.executable, "-m", "viewer", "--outline"],
        cwd=project.ROOT,
        env={**os.environ, "PYTHONPATH": str(project.ROOT)},
        capture_output=True,
        text=True,  # decoded as run_isolated decodes the frozen program's output
        errors="replace",
        check=True,
    )
    return result.stdout
