"""The Linux packages, both byte-for-byte reproducible from one commit: a .deb that installs under /opt with a
menu entry, and a portable .tar.xz folder."""

from __future__ import annotations

import gzip
import hashlib
import io
import lzma
import math
import os
import re
import shutil
import subprocess
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

import project
from bundle_rules import elf_needed, elf_run_path, elf_symbol_versions, is_binary, linux_shared_libraries
from run_paths import portable_run_path

LINUX_FILES = project.BUILD_SPEC / "linux"
INSTALL_DIR = f"opt/{project.APP_ID}"
# The oldest libstdc++ (by GCC release) that provides each GLIBCXX symbol version, for the Depends: line.
GCC_FOR_GLIBCXX = {25: 8, 26: 9, 27: 9, 28: 10, 29: 11, 30: 12, 31: 13, 32: 13, 33: 14, 34: 15}


@dataclass(frozen=True)
class LibraryCheck:
    """What the bundle links outside itself: problems that must fail the build, and the Debian dependencies."""

    problems: list[str]
    depends: list[str]
    glibc: str | None  # the oldest C library the bundle runs with


def check_shared_libraries(bundle: Path) -> LibraryCheck:
    """Every library a bundled binary links must be bundled or listed as a system library in
    linux/shared-libraries.txt, and no binary may search for libraries outside the bundle; the system libraries,
    with the C and C++ runtime versions needed, make the .deb's Depends:."""
    table = linux_shared_libraries()
    binaries = [path for path in sorted(bundle.rglob("*")) if is_binary(path)]
    bundled = {path.name for path in binaries}
    problems, packages = set(), set()
    for path in binaries:
        for name in set(elf_needed(path)) - bundled:
            library = table.get(name)
            if library is None:
                problems.add(f"{path.relative_to(bundle)} links {name}, which is neither bundled nor in shared-libraries.txt")
            elif library.source == "bundle":
                problems.add(f"{name} is missing from the bundle: install {library.package} on the build machine")
            else:
                packages.add(library.package)
        run_path = elf_run_path(path)
        if run_path is not None and portable_run_path(run_path) != run_path:
            problems.add(f"{path.relative_to(bundle)} searches libraries in {run_path}, outside the bundle")
    versions = set().union(*(elf_symbol_versions(path) for path in binaries))
    return LibraryCheck(sorted(problems), _versioned(sorted(packages), versions), _newest(versions, "GLIBC_"))


def _versioned(packages: list[str], symbol_versions: set[str]) -> list[str]:
    minimum = {"libc6": _newest(symbol_versions, "GLIBC_")}
    glibcxx = _newest(symbol_versions, "GLIBCXX_3.4.")
    if glibcxx:
        gcc = GCC_FOR_GLIBCXX.get(int(glibcxx))
        if gcc is None:
            raise RuntimeError(f"GLIBCXX_3.4.{glibcxx} is newer than linux_package.GCC_FOR_GLIBCXX knows: add it")
        minimum["libstdc++6"] = str(gcc)
    return [f"{package} (>= {minimum[package]})" if minimum.get(package) else package for package in packages]


def _newest(symbol_versions: set[str], prefix: str) -> str | None:
    found = [
        v.removeprefix(prefix) for v in symbol_versions if v.startswith(prefix) and re.fullmatch(r"[\d.]+", v[len(prefix) :])
    ]
    return max(found, key=lambda v: tuple(int(n) for n in v.split(".")), default=None)


def deb_path(dist: Path) -> Path:
    """Where the .deb goes."""
    return dist / f"{project.APP_ID}_{project.version()}_amd64.deb"


def tarball_path(dist: Path) -> Path:
    """Where the portable folder's archive goes."""
    return dist / f"{project.APP_ID}-{project.version()}-linux-x86_64.tar.xz"


def build_deb(bundle: Path, depends: list[str], stage: Path, output: Path, epoch: int) -> Path:
    """Stage the installed tree around *bundle* and pack it with dpkg-deb."""
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(bundle, stage / INSTALL_DIR, symlinks=True)
    _add_desktop_integration(stage)
    _add_documentation(stage, epoch)
    _normalize(stage, epoch, executables={stage / INSTALL_DIR / project.APP_ID})
    control = stage / "DEBIAN"
    control.mkdir(mode=0o755)
    (control / "control").write_text(_control(depends, _installed_kib(stage)), encoding="utf-8")
    (control / "md5sums").write_text(_md5sums(stage), encoding="utf-8")
    _normalize(control, epoch, executables=set())
    os.utime(stage, (epoch, epoch))
    environment = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}  # dpkg-deb stamps its members with it
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(output)],
        check=True,
        env=environment,
        stdout=subprocess.DEVNULL,
    )
    return output


def _add_desktop_integration(stage: Path) -> None:
    (stage / "usr/bin").mkdir(parents=True)
    # An absolute link: /usr and /opt are different top-level folders (Debian policy 10.5).
    (stage / "usr/bin" / project.APP_ID).symlink_to(f"/{INSTALL_DIR}/{project.APP_ID}")
    _install(LINUX_FILES / f"{project.APP_ID}.desktop", stage / "usr/share/applications")
    _install(project.ICON_PNG, stage / "usr/share/icons/hicolor/256x256/apps")
    _install(project.ICON_SVG, stage / "usr/share/icons/hicolor/scalable/apps")


def _add_documentation(stage: Path, epoch: int) -> None:
    docs = stage / "usr/share/doc" / project.APP_ID
    _install(LINUX_FILES / "copyright", docs)
    _write_gzip(docs / "changelog.gz", _changelog(epoch).encode("utf-8"))
    manual = (LINUX_FILES / f"{project.APP_ID}.1").read_text(encoding="utf-8").replace("@VERSION@", project.version())
    _write_gzip(stage / "usr/share/man/man1" / f"{project.APP_ID}.1.gz", manual.encode("utf-8"))
    _install(LINUX_FILES / "lintian-overrides", stage / "usr/share/lintian/overrides", name=project.APP_ID)


def _install(source: Path, folder: Path, name: str | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, folder / (name or source.name))


def _write_gzip(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as file:
        file.write(data)  # no name and no time in the header, so the bytes depend on the text alone


def _changelog(epoch: int) -> str:
    date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(epoch))
    return (
        f"{project.APP_ID} ({project.version()}) unstable; urgency=medium\n\n"
        f"  * Release {project.version()}, built from the project's repository.\n\n"
        f" -- {project.MAINTAINER}  {date}\n"
    )


def _control(depends: list[str], installed_kib: int) -> str:
    return (
        f"Package: {project.APP_ID}\n"
        f"Version: {project.version()}\n"
        "Architecture: amd64\n"
        f"Maintainer: {project.MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        "Section: text\n"
        "Priority: optional\n"
        f"Description: {project.SUMMARY}\n"
        f' {project.app_name()} shows the article "Ketamine for Treatment-Resistant\n'
        ' Depression", or any Markdown article of the same shape, with its sections\n'
        " in a tree beside the text and a search that finds the sections answering a\n"
        " question. It never uses the network.\n"
        " .\n"
        " The program is self-contained under /opt: it carries its own Python runtime\n"
        " and Qt.\n"
    )


def _normalize(root: Path, epoch: int, executables: set[Path]) -> None:
    """Give every file the same permissions and time on every machine, whatever umask or copy made it."""
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or path in executables else 0o644)
        os.utime(path, (epoch, epoch), follow_symlinks=False)


def _installed_kib(stage: Path) -> int:
    # As dpkg-gencontrol counts: each file's size rounded up to a KiB, one KiB for every folder and link.
    return sum(
        1 if path.is_dir() or path.is_symlink() else max(1, math.ceil(path.stat().st_size / 1024)) for path in stage.rglob("*")
    )


def _md5sums(stage: Path) -> str:
    files = sorted(
        path
        for path in stage.rglob("*")
        if path.is_file() and not path.is_symlink() and path.relative_to(stage).parts[0] != "DEBIAN"
    )
    return "".join(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {path.relative_to(stage).as_posix()}\n" for path in files)


def build_tarball(bundle: Path, output: Path, epoch: int, glibc: str | None) -> Path:
    """The bundle as a portable folder named after the version, in a tar.xz with fixed owners, times and order."""
    folder = f"{project.APP_ID}-{project.version()}"
    with (
        lzma.open(output, "wb", preset=6) as compressed,
        tarfile.open(fileobj=compressed, mode="w", format=tarfile.GNU_FORMAT) as tar,
    ):
        for path in [bundle, *sorted(bundle.rglob("*"))]:
            info = tar.gettarinfo(str(path), arcname="/".join([folder, *path.relative_to(bundle).parts]))
            if info.issym():
                raise RuntimeError(f"{path} is a symbolic link: the portable folder must copy onto file systems without them")
            _fix_owner_time_mode(info, epoch, executable=info.isdir() or path == bundle / project.APP_ID)
            if info.isfile():
                with path.open("rb") as file:
                    tar.addfile(info, file)
            else:
                tar.addfile(info)
        _add_text(tar, f"{folder}/README.txt", _portable_readme(glibc), epoch)
        # The licenses of everything bundled travel with the folder, as the .deb carries them in /usr/share/doc.
        _add_text(tar, f"{folder}/COPYRIGHT.txt", (LINUX_FILES / "copyright").read_text(encoding="utf-8"), epoch)
    return output


def _add_text(tar: tarfile.TarFile, name: str, text: str, epoch: int) -> None:
    data = text.encode("utf-8")
    info = _fix_owner_time_mode(tarfile.TarInfo(name), epoch, executable=False)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


def _fix_owner_time_mode(info: tarfile.TarInfo, epoch: int, executable: bool) -> tarfile.TarInfo:
    info.mtime, info.mode = epoch, 0o755 if executable else 0o644
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def _portable_readme(glibc: str | None) -> str:
    return (
        f"{project.app_name()} {project.version()}, portable folder for 64-bit Linux\n\n"
        f"Run ./{project.APP_ID} from this folder, wherever it is: it needs no installation and no network.\n"
        f"Open another Markdown article with ./{project.APP_ID} PATH; ./{project.APP_ID} --help lists the options.\n\n"
        f"It needs a 64-bit desktop Linux{f' with the C library glibc {glibc} or newer' if glibc else ''}, and the graphics\n"
        "and font libraries that every desktop has. On a stick formatted FAT32, Linux marks no file as a program:\n"
        "copy the folder to your home folder first, or use a stick formatted exFAT or ext4.\n"
    )
