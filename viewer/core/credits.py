"""What the program is built from, under which licence, and where each part's source is: for Help → About.

Keep in step with ``build_spec/linux/copyright`` (a test checks that every licence there is named here).
"""

from __future__ import annotations

import importlib
import importlib.metadata
import platform
from dataclasses import dataclass


@dataclass(frozen=True)
class Component:
    """One part of the program as installed: its name, licence, where to get its source, and how to learn its version."""

    name: str
    licence: str
    source: str
    distribution: str = ""  # the Python package whose version is shown


COMPONENTS = (
    Component(
        "Qt 6 and Qt for Python (PySide6, Shiboken6)",
        "GNU Lesser General Public License v3 (LGPL-3.0). Qt's libraries are separate files in the installation and "
        "can be replaced with other builds of the same version.",
        "The source of Qt and Qt for Python for the version used is at https://download.qt.io/official_releases/qt/ "
        "and https://download.qt.io/official_releases/QtForPython/ (also https://code.qt.io).",
        "PySide6-Essentials",  # no module to fall back on: the core never imports Qt (the window asks Qt itself)
    ),
    Component("Python", "Python Software Foundation License 2 (PSF-2.0)", "https://www.python.org/downloads/source/"),
    Component("Python-Markdown", "BSD 3-Clause License", "https://github.com/Python-Markdown/markdown", "markdown"),
    Component(
        "nh3, and ammonia inside it",
        "MIT License",
        "https://github.com/messense/nh3, https://github.com/rust-ammonia/ammonia",
        "nh3",
    ),
    Component("PyYAML", "MIT License", "https://github.com/yaml/pyyaml", "pyyaml"),
    Component("RapidFuzz", "MIT License", "https://github.com/rapidfuzz/RapidFuzz", "rapidfuzz"),
    Component("snowballstemmer", "BSD 3-Clause License", "https://github.com/snowballstem/snowball", "snowballstemmer"),
    Component("platformdirs", "MIT License", "https://github.com/tox-dev/platformdirs", "platformdirs"),
    Component(
        "OpenSSL's libcrypto (the kiosk PIN's hashing; the machine's own on Linux, bundled on Windows)",
        "Apache License 2.0",
        "https://github.com/openssl/openssl",
    ),
    Component("ICU (Unicode support inside Qt)", "Unicode License v3", "https://github.com/unicode-org/icu"),
    Component(
        "XCB and xkbcommon libraries (Linux packages)", "MIT License", "https://xcb.freedesktop.org and https://xkbcommon.org"
    ),
    Component(
        "PyInstaller bootloader (installed packages)",
        "GNU General Public License v2 or later, with an exception that allows it in programs under any licence",
        "https://github.com/pyinstaller/pyinstaller",
    ),
)
OWN_LICENCE = "MIT License"
_PLAIN_MODULES = frozenset({"markdown", "nh3", "rapidfuzz", "snowballstemmer", "platformdirs"})  # importable by that name


def version_of(component: Component) -> str:
    """The version installed, or '' when it cannot be told (its metadata is not bundled, or it is not Python)."""
    if component.name == "Python":
        return platform.python_version()
    if not component.distribution:
        return ""
    try:
        return importlib.metadata.version(component.distribution)
    except importlib.metadata.PackageNotFoundError:  # a frozen build bundles the metadata of only some packages
        pass
    if component.distribution in _PLAIN_MODULES:
        return str(getattr(importlib.import_module(component.distribution), "__version__", ""))
    return ""
