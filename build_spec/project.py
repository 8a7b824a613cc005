"""Facts about the program that the spec, the installers and the build script share, read from the sources."""

from __future__ import annotations

import re
from pathlib import Path

BUILD_SPEC = Path(__file__).resolve().parent
ROOT = BUILD_SPEC.parent
RESOURCES = ROOT / "resources"
APP_ID = "ketamine-viewer"  # command, folder and package name
ICON_PNG = RESOURCES / "icons" / "ketamine-viewer.png"
ICON_SVG = RESOURCES / "icons" / "ketamine-viewer.svg"
# No public address exists yet; .invalid says so instead of inventing one.
MAINTAINER = "Ketamine Viewer maintainers <maintainers@ketamine-viewer.invalid>"
SUMMARY = "offline reader for one medical article and articles like it"


def _package_constant(name: str) -> str:
    # Read, not import: the build must describe the checkout it freezes, whatever copy is installed.
    source = (ROOT / "viewer" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(rf'^{name}\s*=\s*"([^"]+)"', source, re.MULTILINE)
    if not match:
        raise RuntimeError(f"viewer/__init__.py defines no {name}")
    return match.group(1)


def version() -> str:
    """The package version, the one source of truth for every artifact."""
    return _package_constant("__version__")


def app_name() -> str:
    """The program's name as people see it."""
    return _package_constant("APP_NAME")


def version_tuple() -> tuple[int, int, int, int]:
    """The version as four numbers, as Windows version resources want it (pre-release tags dropped)."""
    release = re.match(r"\d+(\.\d+)*", version())
    if not release:
        raise RuntimeError(f"version {version()!r} does not start with a number")
    numbers = [int(part) for part in release.group(0).split(".")][:4]
    numbers += [0] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]
