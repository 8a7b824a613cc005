"""Build Ketamine Viewer's packages for this OS into dist/, check and smoke-test them, and say what was made.

    pip install '.[build]'
    python build_spec/build.py                       # everything this OS can build
    python build_spec/build.py --check-reproducible  # build twice from scratch and compare the packages

Linux: a .deb and a portable .tar.xz. Windows: an NSIS installer. macOS: a .app in a .dmg. Every build is
one PyInstaller folder (build_spec/viewer.spec), checked for forbidden Qt modules and missing libraries, then
packaged, then smoke-tested as a user would get it (build_spec/smoke.py). Exit status 0 means all of it passed.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling modules, when run as a script

import bundle_rules
import project
import smoke
import windows_installer

IS_LINUX, IS_WINDOWS, IS_MACOS = sys.platform.startswith("linux"), sys.platform == "win32", sys.platform == "darwin"
SPEC = project.BUILD_SPEC / "viewer.spec"
MB = 1_000_000
T = TypeVar("T")
INSTALLED_BUDGET_MB, DEB_BUDGET_MB = 100, 40


@dataclass(frozen=True)
class Requirement:
    """Something the build runs, and how to get it."""

    name: str
    how_to_get: str
    is_module: bool = False

    def present(self) -> bool:
        return importlib.util.find_spec(self.name) is not None if self.is_module else shutil.which(self.name) is not None


REQUIREMENTS = [Requirement("PyInstaller", "pip install '.[build]'", is_module=True)]
if IS_LINUX:
    REQUIREMENTS += [
        *(
            Requirement(tool, "apt-get install binutils (PyInstaller strips and inspects libraries with it)")
            for tool in ("objdump", "strip", "as", "ld")
        ),
        Requirement("icupkg", "apt-get install icu-devtools (trims ICU's data, see icu_data.py)"),
        Requirement("chrpath", "apt-get install chrpath (removes the build machine's library paths, see run_paths.py)"),
        Requirement("dpkg-deb", "apt-get install dpkg"),
        Requirement("desktop-file-validate", "apt-get install desktop-file-utils"),
        Requirement("unshare", "apt-get install util-linux (the smoke test runs without network)"),
    ]
if IS_WINDOWS:
    REQUIREMENTS += [Requirement("makensis", "install NSIS 3 and put makensis on PATH")]
if IS_WINDOWS or IS_MACOS:
    REQUIREMENTS += [Requirement("PIL", "pip install '.[build]' (Pillow turns the PNG icon into .ico or .icns)", is_module=True)]
if IS_MACOS:
    REQUIREMENTS += [Requirement("hdiutil", "hdiutil comes with macOS")]


class BuildFailure(Exception):
    """A build that must not be called good, with the reason."""


@dataclass
class Build:
    """What one build made and measured."""

    bundle: Path
    dist: Path
    artifacts: list[Path] = field(default_factory=list)
    installed_bytes: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def main(argv: list[str] | None = None) -> int:
    options = _parse_arguments(argv)
    missing = [requirement for requirement in REQUIREMENTS if not requirement.present()]
    if missing:
        print("build.py: cannot build here; missing:", file=sys.stderr)
        for requirement in missing:
            print(f"  {requirement.name}: {requirement.how_to_get}", file=sys.stderr)
        return 2
    try:
        build = build_all(options.dist.resolve(), options.work.resolve())
        report(build)
        if options.check_reproducible:
            check_reproducible(build, options.work.resolve() / "second-build")
    except (BuildFailure, smoke.SmokeTestFailure, windows_installer.InstallerFailure) as failure:
        print(f"build.py: FAILED: {failure}", file=sys.stderr)
        return 1
    return 0


def _parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=project.ROOT / "dist", help="where the packages go (default: dist/)")
    parser.add_argument("--work", type=Path, default=project.ROOT / "build", help="scratch folder (default: build/)")
    parser.add_argument(
        "--check-reproducible", action="store_true", help="build a second time from scratch and require identical packages"
    )
    return parser.parse_args(argv)


def reproducible_environment() -> dict[str, str]:
    """The environment every build step runs in: time fixed to the commit's, Python's hashing fixed."""
    return {**os.environ, "SOURCE_DATE_EPOCH": str(source_date_epoch()), "PYTHONHASHSEED": "0"}


def source_date_epoch() -> int:
    """The time stamped on every packaged file: the caller's SOURCE_DATE_EPOCH, else the last commit's time."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project.ROOT, capture_output=True, text=True)
    if result.returncode != 0 or not result.stdout.strip():
        raise BuildFailure("not a git checkout: set SOURCE_DATE_EPOCH to the release's time (seconds since 1970)")
    return int(result.stdout)


def build_all(dist: Path, work: Path) -> Build:
    """Freeze, check, package and smoke-test; return what was made."""
    environment = reproducible_environment()
    dist.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}
    build = Build(bundle=_timed(timings, "PyInstaller", lambda: freeze(work, environment)), dist=dist, timings=timings)
    _timed(timings, "bundle checks", lambda: check_bundle(build.bundle))
    package = package_linux if IS_LINUX else package_windows if IS_WINDOWS else package_macos
    _timed(timings, "packaging", lambda: package(build, dist, work, environment))
    _timed(timings, "smoke test", lambda: smoke_test(build))
    return build


def _timed(timings: dict[str, float], name: str, step: Callable[[], T]) -> T:
    print(f"build.py: {name}...", flush=True)
    started = time.perf_counter()
    result = step()
    timings[name] = time.perf_counter() - started
    return result


def freeze(work: Path, environment: dict[str, str]) -> Path:
    """Run PyInstaller on the spec from a clean work folder; return the one-folder bundle."""
    frozen, log = work / "pyinstaller", work / "pyinstaller.log"
    shutil.rmtree(frozen, ignore_errors=True)
    frozen.mkdir(parents=True)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(frozen / "dist"), "--workpath", str(frozen / "work"), str(SPEC)]
    # A cache of our own, emptied with the rest: PyInstaller's default one is shared by every build of the user,
    # and a stale or concurrently written entry there would make this build depend on another.
    environment = {**environment, "PYINSTALLER_CONFIG_DIR": str(frozen / "cache")}
    with log.open("w", encoding="utf-8") as output:
        result = subprocess.run(command, env=environment, stdout=output, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        raise BuildFailure(
            f"PyInstaller failed; the end of {log}:\n" + "".join(log.read_text(encoding="utf-8").splitlines(True)[-30:])
        )
    return frozen / "dist" / project.APP_ID


def check_bundle(bundle: Path) -> None:
    """Fail when a forbidden Qt module slipped back in, or (Linux) when a library the bundle links is missing."""
    forbidden = bundle_rules.forbidden_files(bundle)
    if forbidden:
        modules = ", ".join(bundle_rules.FORBIDDEN_QT_MODULES)
        raise BuildFailure(f"the bundle holds or links forbidden Qt modules ({modules}):\n  " + "\n  ".join(forbidden))
    if IS_LINUX:
        import linux_package

        problems = linux_package.check_shared_libraries(bundle).problems
        if problems:
            raise BuildFailure("the bundle links libraries it lacks:\n  " + "\n  ".join(problems))


def package_linux(build: Build, dist: Path, work: Path, environment: dict[str, str]) -> None:
    """The .deb and the portable tarball, compressed side by side (xz is the slow part, and there are two cores)."""
    import linux_package

    desktop_file = linux_package.LINUX_FILES / f"{project.APP_ID}.desktop"
    validation = subprocess.run(["desktop-file-validate", str(desktop_file)], capture_output=True, text=True)
    if validation.returncode != 0 or validation.stdout.strip():
        raise BuildFailure(f"desktop-file-validate {desktop_file.name}:\n{validation.stdout}{validation.stderr}")
    libraries = linux_package.check_shared_libraries(build.bundle)
    epoch = int(environment["SOURCE_DATE_EPOCH"])
    deb, tarball = linux_package.deb_path(dist), linux_package.tarball_path(dist)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        jobs = [
            pool.submit(linux_package.build_deb, build.bundle, libraries.depends, work / "deb-root", deb, epoch),
            pool.submit(linux_package.build_tarball, build.bundle, tarball, epoch, libraries.glibc),
        ]
        build.artifacts += [job.result() for job in jobs]
    build.installed_bytes = _tree_bytes(work / "deb-root") - _tree_bytes(work / "deb-root" / "DEBIAN")
    build.notes.append(f"Depends: {', '.join(libraries.depends)}")


def package_windows(build: Build, dist: Path, work: Path, environment: dict[str, str]) -> None:
    """The NSIS installer around the bundle."""
    installer = windows_installer.installer_path(dist)
    windows_installer.compile_installer(build.bundle, installer, environment=environment)
    build.artifacts.append(installer)
    build.installed_bytes = _tree_bytes(build.bundle)


def package_macos(build: Build, dist: Path, work: Path, environment: dict[str, str]) -> None:
    """The .app bundle, and a .dmg holding it beside a link to /Applications to drag it onto."""
    app = build.bundle.parent / f"{project.app_name()}.app"
    staging = work / "dmg"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    shutil.copytree(app, staging / app.name, symlinks=True)
    (staging / "Applications").symlink_to("/Applications")
    dmg = dist / f"{project.APP_ID}-{project.version()}-macos.dmg"
    dmg.unlink(missing_ok=True)
    command = ["hdiutil", "create", "-volname", project.app_name(), "-srcfolder", str(staging), "-format", "UDZO", str(dmg)]
    subprocess.run(command, check=True, env=environment, stdout=subprocess.DEVNULL)
    build.artifacts.append(dmg)
    build.installed_bytes = _tree_bytes(app)


def smoke_test(build: Build) -> None:
    """Run every packaged program as a user would get it; raise SmokeTestFailure if one misbehaves."""
    expected_outline = smoke.source_outline()
    scratch = Path(tempfile.mkdtemp(prefix="ketamine-viewer-smoke-"))  # outside the checkout
    try:
        for name, program in _programs_to_smoke_test(build, scratch):
            [summary] = smoke.check_program(program, expected_outline, scratch / "run")
            build.notes.append(f"smoke test, {name}: {summary}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if not smoke.network_isolation():
        build.notes.append("smoke test ran with the network present: this OS has no unshare")


def _programs_to_smoke_test(build: Build, scratch: Path) -> list[tuple[str, Path]]:
    if IS_LINUX:
        import linux_package

        deb, tarball = linux_package.deb_path(build.dist), linux_package.tarball_path(build.dist)
        return [
            (deb.name, smoke.unpack_deb(deb, scratch / "deb-root")),
            (tarball.name, smoke.unpack_tarball(tarball, scratch / "USB stick" / "Ketamine Viewer")),
        ]
    if IS_MACOS:
        return [
            (
                f"{project.app_name()}.app",
                build.bundle.parent / f"{project.app_name()}.app" / "Contents" / "MacOS" / project.APP_ID,
            )
        ]
    return [(f"{project.APP_ID}.exe", build.bundle / f"{project.APP_ID}.exe")]


def _tree_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def report(build: Build) -> None:
    """Print what was made, the sizes against the budget, the time each step took and the notes."""
    print("\nbuild.py: built")
    for artifact in build.artifacts:
        budget = (
            f"  (budget {DEB_BUDGET_MB} MB{_over(artifact.stat().st_size, DEB_BUDGET_MB)})" if artifact.suffix == ".deb" else ""
        )
        print(f"  {artifact}  {artifact.stat().st_size / MB:.1f} MB{budget}")
    installed = build.installed_bytes
    print(f"  installed size {installed / MB:.1f} MB  (budget {INSTALLED_BUDGET_MB} MB{_over(installed, INSTALLED_BUDGET_MB)})")
    print("  " + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in build.timings.items()))
    for note in build.notes:
        print(f"  {note}")


def _over(size: int, budget_mb: int) -> str:
    return f", OVER by {(size - budget_mb * MB) / MB:.1f} MB" if size > budget_mb * MB else ", within"


def check_reproducible(first: Build, work: Path) -> None:
    """Build again in a fresh work folder and require every package to be byte-for-byte the same."""
    shutil.rmtree(work, ignore_errors=True)
    second = build_all(work / "dist", work / "work")
    for mine, theirs in zip(first.artifacts, second.artifacts, strict=True):
        if _sha256(mine) != _sha256(theirs):
            raise BuildFailure(f"{mine.name} differs between two builds of one commit (second copy: {theirs})")
        print(f"build.py: reproducible: {mine.name} sha256 {_sha256(mine)}")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


if __name__ == "__main__":
    sys.exit(main())
