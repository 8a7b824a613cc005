"""Compiling the NSIS installer script (windows/installer.nsi) around a PyInstaller folder."""

from __future__ import annotations

import subprocess
from pathlib import Path

import project

SCRIPT = project.BUILD_SPEC / "windows" / "installer.nsi"


class InstallerFailure(Exception):
    """makensis refused the script, with what it said."""


def installer_path(dist: Path) -> Path:
    """Where the Windows installer goes."""
    return dist / f"{project.APP_ID}-{project.version()}-windows-x64-setup.exe"


def compile_installer(bundle: Path, output: Path, placeholder: bool = False, environment: dict[str, str] | None = None) -> Path:
    """Compile the installer for *bundle* into *output*; warnings count as errors.

    A placeholder (any OS, no compression) only proves that the script compiles against a real file list: built
    on Linux it would install Linux files, so it is never a release."""
    version4 = ".".join(str(number) for number in project.version_tuple())
    command = ["makensis", "-V2", "-WX", f"-DVERSION={project.version()}", f"-DVERSION4={version4}"]
    command += [f"-DBUNDLE={bundle}", f"-DOUTFILE={output}", *(["-DPLACEHOLDER"] if placeholder else []), str(SCRIPT)]
    result = subprocess.run(command, capture_output=True, text=True, env=environment)
    if result.returncode != 0:
        raise InstallerFailure(f"makensis failed:\n{result.stdout}{result.stderr}")
    return output
