"""What the frozen bundle may hold: the rules the spec trims PyInstaller's collection by, and the checks build.py
runs on the result. One module, so that what is trimmed and what is checked cannot drift apart."""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath

from project import BUILD_SPEC

# Qt modules the viewer must never load: it has no network, no QML and no PDF code, and each of these would
# add megabytes (QtWebEngine alone is over a hundred) and, for QtNetwork, a way out of an offline program.
FORBIDDEN_QT_MODULES = ("QtNetwork", "QtQml", "QtQuick", "QtWebEngine", "QtPdf", "QtVirtualKeyboard")
_FORBIDDEN_NAME = re.compile(r"Qt6?(" + "|".join(m.removeprefix("Qt") for m in FORBIDDEN_QT_MODULES) + r")", re.IGNORECASE)
_BINARY_MAGIC = (b"\x7fELF", b"MZ", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe")

# PySide6 bindings the viewer does not import. PyInstaller's Qt hooks add some of them as hidden imports (QtDBus
# because QtGui links libQt6DBus), and excluding them by name keeps their Python side out; the plugins below are
# what would pull their libraries back in.
EXCLUDED_PYTHON_MODULES = [
    *(f"PySide6.{module}" for module in ("QtNetwork", "QtQml", "QtQuick", "QtQuickWidgets", "QtPdf", "QtPdfWidgets")),
    *(f"PySide6.{module}" for module in ("QtWebEngineCore", "QtWebEngineWidgets", "QtDBus", "QtOpenGL", "QtSvg")),
    "tkinter",  # another GUI toolkit with its own Tcl/Tk libraries
    "ssl",  # the viewer never opens a connection; its OpenSSL libraries weigh 5 MB
    "_ssl",
    # (_hashlib stays, with OpenSSL's libcrypto: the kiosk PIN's hashlib.scrypt exists only there.)
    "bz2",  # zipfile and tarfile treat these compressors as optional; articles are plain files
    "_bz2",
    "lzma",
    "_lzma",
    "sqlite3",
    "unittest",
    "pydoc",
    "doctest",
    # Pygments comes only with Markdown's codehilite extension, which the viewer does not use (and which runs
    # without it); 4.5 MB of lexers.
    "pygments",
    # rapidfuzz ships each scorer twice, for CPUs with and without AVX2, and falls back to the portable build when
    # the AVX2 one is missing; an article's index is too small for the difference to show, and it saves 5 MB.
    "rapidfuzz.fuzz_cpp_avx2",
    "rapidfuzz.distance.metrics_cpp_avx2",
    "rapidfuzz.process_cpp_avx2",
    # PyYAML's C loader: it carries LibYAML built in (Debian's lintian: embedded-library), and the pure-Python
    # loader reads an article's few lines of front matter just as well.
    "yaml._yaml",
    "_yaml",
    # East Asian legacy codecs: articles are read as UTF-8, Windows-1252 or Latin-1 (viewer/core/loader.py).
    *(f"_codecs_{region}" for region in ("cn", "hk", "iso2022", "jp", "kr", "tw")),
]

# Whole plugin folders the viewer never uses, each with what it would drag in.
DROPPED_PLUGIN_FOLDERS = {
    "tls": "QtNetwork (TLS back ends)",
    "networkinformation": "QtNetwork (network reachability)",
    "networkaccess": "QtNetwork",
    "generic": "touch and input drivers for framebuffer platforms; tuiotouch needs QtNetwork",
    "egldeviceintegrations": "EGLFS, for boards without a window system",
    "wayland-decoration-client": "Wayland: the xcb plugin runs under XWayland on every Wayland desktop",
    "wayland-graphics-integration-client": "Wayland (see above)",
    "wayland-graphics-integration-server": "the Wayland compositor module, QtQuick and QtQml",
    "wayland-shell-integration": "Wayland (see above)",
    "xcbglintegrations": "OpenGL on X11: the viewer's widgets paint without it",
    "qmltooling": "the QML debugger: QtQml and QtNetwork",
    "vectorimageformats": "Lottie: QtQuick and QtQml",
    "sqldrivers": "QtSql",
    "designer": "Qt Designer",
    "position": "QtPositioning",
    "multimedia": "QtMultimedia",
    "renderers": "Qt 3D",
    "sceneparsers": "Qt 3D",
}

# Single plugins the viewer never uses, in folders it otherwise needs, keyed "folder/name" (no lib prefix or suffix).
DROPPED_PLUGINS = {
    "platforminputcontexts/qtvirtualkeyboardplugin": "Qt Virtual Keyboard: QtQuick and QtQml",
    # Image decoders: the viewer decodes article pictures only as PNG, JPEG, GIF, BMP or WebP
    # (IMAGE_FORMATS in viewer/ui/article_images.py; PNG and BMP are built into QtGui). Every other decoder is
    # attack surface for an untrusted article and nothing else.
    "imageformats/qpdf": "PDF: QtPdf",
    "imageformats/qsvg": "SVG (the desktop theme's SVG icons still load through iconengines/qsvgicon)",
    "imageformats/qico": "Windows icons",
    "imageformats/qicns": "macOS icons",
    "imageformats/qtiff": "TIFF",
    "imageformats/qtga": "TGA",
    "imageformats/qwbmp": "WBMP",
    "imageformats/qmacheif": "HEIF, macOS",
    "imageformats/qmacjp2": "JPEG 2000, macOS",
    "platformthemes/qgtk3": "GTK 3 and its whole stack (cairo, pango, gdk-pixbuf)",
    "platforms/qwayland-egl": "Wayland (see wayland-* above)",
    "platforms/qwayland-generic": "Wayland (see wayland-* above)",
    "platforms/qwayland": "Wayland (see wayland-* above)",
    "platforms/qeglfs": "EGLFS, for boards without a window system",
    "platforms/qminimalegl": "EGL test platform",
    "platforms/qlinuxfb": "framebuffer, for boards without a window system",
    "platforms/qvnc": "VNC server platform: QtNetwork",
    "platforms/qvkkhrdisplay": "Vulkan display platform",
    "platforms/qminimal": "test platform; the self-test uses offscreen",
    "platforms/qdirect2d": "Windows Direct2D platform: the default qwindows is used",
}


def plugin_key(destination: str) -> tuple[str, str] | None:
    """(folder, name) of a Qt plugin from its path in the bundle, or None when it is no Qt plugin."""
    parts = PurePath(destination).parts
    if "PySide6" not in parts or "plugins" not in parts:
        return None
    folder_index = parts.index("plugins") + 1
    if folder_index >= len(parts) - 1:
        return None
    name = parts[-1].split(".")[0]
    return parts[folder_index], name.removeprefix("lib")


def keeps_file(destination: str) -> bool:
    """Whether a file PyInstaller collected belongs in the bundle, judged by its path there."""
    parts = PurePath(destination).parts
    if "PySide6" in parts and "translations" in parts:
        return False  # the viewer speaks English only and loads no Qt translation
    key = plugin_key(destination)
    if key is None:
        return True
    folder, name = key
    return folder not in DROPPED_PLUGIN_FOLDERS and f"{folder}/{name}" not in DROPPED_PLUGINS


def is_forbidden_name(name: str) -> bool:
    """Whether a file or library name belongs to a forbidden Qt module."""
    return _FORBIDDEN_NAME.search(name) is not None


def forbidden_files(bundle: Path) -> list[str]:
    """Files in *bundle* that belong to a forbidden Qt module, or that link one (which would load the machine's
    copy of it if the bundle had none)."""
    found = []
    for path in sorted(bundle.rglob("*")):
        relative = path.relative_to(bundle).as_posix()
        if is_forbidden_name(relative):
            found.append(relative)
        elif is_binary(path):
            found += [f"{relative} links {name}" for name in direct_imports(str(path)) if is_forbidden_name(name)]
    return found


def is_binary(path: Path) -> bool:
    """Whether *path* is a regular file holding an executable or shared library (ELF, PE or Mach-O)."""
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as file:
        return file.read(4).startswith(_BINARY_MAGIC)


@dataclass(frozen=True)
class SharedLibrary:
    """One line of linux/shared-libraries.txt."""

    soname: str
    package: str
    source: str  # "system" or "bundle"


def linux_shared_libraries(table: Path = BUILD_SPEC / "linux" / "shared-libraries.txt") -> dict[str, SharedLibrary]:
    """The Linux library table, by soname."""
    libraries = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            soname, package, source = line.split()[:3]
            if source not in ("system", "bundle"):
                raise ValueError(f"{table.name}: {soname}: source must be system or bundle, not {source!r}")
            libraries[soname] = SharedLibrary(soname, package, source)
    return libraries


def elf_needed(path: Path | str) -> list[str]:
    """The libraries an ELF file links directly (its DT_NEEDED entries).

    PyInstaller's own import scan on Linux runs ldd, which lists the whole transitive closure through system
    libraries; pruning and checking need the direct links only."""
    return [line.split()[1] for line in _elf_private_headers(path) if line.strip().startswith("NEEDED")]


def elf_symbol_versions(path: Path | str) -> set[str]:
    """The symbol versions an ELF file requires from other libraries, such as GLIBC_2.34 or GLIBCXX_3.4.29."""
    return {line.split()[-1] for line in _elf_private_headers(path) if line.startswith("    0x")}


def elf_run_path(path: Path | str) -> str | None:
    """The library search path an ELF file carries (RUNPATH, or the older RPATH), or None."""
    for line in _elf_private_headers(path):
        fields = line.split()
        if len(fields) == 2 and fields[0] in ("RUNPATH", "RPATH"):
            return fields[1]
    return None


def _elf_private_headers(path: Path | str) -> list[str]:
    return subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()


def direct_imports(path: str) -> list[str]:
    """Base names of the shared libraries a binary links directly, on any OS."""
    if sys.platform.startswith("linux"):
        return elf_needed(path)
    from PyInstaller.depend.bindepend import get_imports  # pefile on Windows, macholib on macOS: direct links only

    return [os.path.basename(name) for name, _resolved in get_imports(path)]


# PyInstaller's TOC entries: (path in the bundle, source path, type code).
TocEntry = tuple[str, str, str]


def trim_binaries(binaries: Iterable[TocEntry], python_library: str) -> list[TocEntry]:
    """The collected binaries minus dropped plugins, minus libraries the system provides, minus every library
    that only those needed. PyInstaller resolves dependencies before the spec can filter anything, so dropping a
    plugin alone would leave behind the modules it dragged in: they are pruned here by following direct links
    from what is really loaded (extension modules, the plugins kept, the Python library)."""
    system = {name for name, library in linux_shared_libraries().items() if library.source == "system"}
    kept = [
        entry
        for entry in binaries
        if keeps_file(entry[0]) and not (sys.platform.startswith("linux") and os.path.basename(entry[0]) in system)
    ]
    return _without_orphans(kept, python_library, direct_imports)


def _is_root(entry: TocEntry, python_library: str) -> bool:
    destination, _source, typecode = entry
    return typecode == "EXTENSION" or plugin_key(destination) is not None or os.path.basename(destination) == python_library


def _without_orphans(entries: list[TocEntry], python_library: str, imports_of: Callable[[str], list[str]]) -> list[TocEntry]:
    files = [entry for entry in entries if entry[2] != "SYMLINK"]
    by_name: dict[str, list[TocEntry]] = {}
    for entry in files:
        by_name.setdefault(os.path.normcase(os.path.basename(entry[0])), []).append(entry)
    pending = [entry for entry in files if _is_root(entry, python_library)]
    reached = {entry[0] for entry in pending}
    while pending:
        for name in imports_of(pending.pop()[1]):
            for dependency in by_name.get(os.path.normcase(name), []):
                if dependency[0] not in reached:
                    reached.add(dependency[0])
                    pending.append(dependency)
    # A symbolic link stays only with its target (PyInstaller links top-level names to libraries in subfolders).
    return [entry for entry in entries if (entry[1] if entry[2] == "SYMLINK" else entry[0]) in reached]


def trim_datas(datas: Iterable[TocEntry], collected: Iterable[TocEntry], kept: Iterable[TocEntry]) -> list[TocEntry]:
    """The collected data files minus dropped translations and plugins, minus symbolic links to libraries that
    trim_binaries dropped from *collected* (PyInstaller lists its links among the data), and minus everything in
    a macOS framework whose library was dropped (it would carry the forbidden module's name into the bundle)."""
    kept_names = {entry[0] for entry in kept}
    dropped = {entry[0] for entry in collected} - kept_names
    dropped_frameworks = {_framework_of(name) for name in dropped} - {_framework_of(name) for name in kept_names} - {None}

    def is_dropped(name: str) -> bool:
        return name in dropped or _framework_of(name) in dropped_frameworks

    return [
        entry
        for entry in datas
        if keeps_file(entry[0])
        and not is_dropped(entry[0])
        and not (entry[2] == "SYMLINK" and any(is_dropped(target) for target in _link_targets(entry)))
    ]


def _link_targets(entry: TocEntry) -> set[str]:
    """What a symbolic link may point at: PyInstaller gives the target as a path in the bundle or relative to the
    link's folder, and both readings are checked."""
    name, target = PurePath(entry[0]).as_posix(), PurePath(entry[1]).as_posix()
    return {target, posixpath.normpath(posixpath.join(posixpath.dirname(name), target))}


def _framework_of(destination: str) -> str | None:
    parts = PurePath(destination).parts
    for index, part in enumerate(parts):
        if part.endswith(".framework"):
            return PurePath(*parts[: index + 1]).as_posix()
    return None
