"""The frozen program as users get it: build_spec/build.py builds the .deb and the portable tarball once, and
each is unpacked and run offline, from outside the checkout, with an empty home folder (build_spec/smoke.py).
Also: lintian, the menu entry, the size budget, the libraries the program really loads, the trimmed ICU data,
the Windows installer script, and that a second build of the same commit gives identical packages."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.core.test_bundled_article import EXPECTED_OUTLINE
from tests.xvfb import start_xvfb

ROOT = Path(__file__).resolve().parents[2]
BUILD_SPEC = ROOT / "build_spec"
sys.path.insert(0, str(BUILD_SPEC))

import bundle_rules  # noqa: E402
import linux_package  # noqa: E402
import project  # noqa: E402
import smoke  # noqa: E402
import windows_installer  # noqa: E402

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .deb and tarball are built on Linux only"),
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is missing (apt-get install dpkg)"),
]
MB = 1_000_000
BUILD_TIMEOUT_S = 1200


class Built:
    """One run of build.py: where its packages and its PyInstaller folder are, and what it printed."""

    def __init__(self, dist: Path, work: Path, output: str) -> None:
        self.dist, self.work, self.output = dist, work, output
        self.deb = linux_package.deb_path(dist)
        self.tarball = linux_package.tarball_path(dist)
        self.bundle = work / "pyinstaller" / "dist" / project.APP_ID


def run_build(folder: Path, epoch: str) -> Built:
    dist, work = folder / "dist", folder / "work"
    result = subprocess.run(
        [sys.executable, str(BUILD_SPEC / "build.py"), "--dist", str(dist), "--work", str(work)],
        env={**os.environ, "SOURCE_DATE_EPOCH": epoch},
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )
    assert result.returncode == 0, f"build.py failed:\n{result.stdout}\n{result.stderr}"
    return Built(dist, work, result.stdout)


@pytest.fixture(scope="module")
def epoch() -> str:
    """One time stamp for every build of this session, as build.py would take it from the last commit; fixed
    here so that a commit made while the tests run cannot make two builds differ."""
    last_commit = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    return os.environ.get("SOURCE_DATE_EPOCH") or last_commit.stdout.strip() or "1700000000"


@pytest.fixture(scope="module")
def built(tmp_path_factory, epoch) -> Built:
    return run_build(tmp_path_factory.mktemp("frozen"), epoch)


@pytest.fixture(scope="module")
def deb_root(built, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("deb-root")
    smoke.unpack_deb(built.deb, root)
    return root


def test_build_prints_what_it_made_with_sizes(built):
    for artifact in (built.deb, built.tarball):
        assert artifact.is_file()
        assert f"{artifact}  {artifact.stat().st_size / MB:.1f} MB" in built.output
    assert "installed size" in built.output and "budget" in built.output


def test_sizes_are_within_budget(built):
    installed_kib = int(_deb_field(built.deb, "Installed-Size"))
    assert installed_kib * 1024 <= 100 * MB, f"installed {installed_kib * 1024 / MB:.1f} MB"
    assert built.deb.stat().st_size <= 40 * MB, f".deb {built.deb.stat().st_size / MB:.1f} MB"


@pytest.mark.parametrize("package", ["deb", "tarball"])
def test_packaged_program_passes_its_self_test_offline(package, built, tmp_path):
    program = _unpacked_program(package, built, tmp_path)
    assert smoke.network_isolation(), "the smoke test must run without network"
    [summary] = smoke.check_program(program, EXPECTED_OUTLINE, tmp_path / "run")
    resources = sum(1 for path in project.RESOURCES.rglob("*") if path.is_file())
    assert f"{resources} resources" in summary


@pytest.mark.parametrize("package", ["deb", "tarball"])
def test_packaged_program_prints_the_outline_offline(package, built, tmp_path):
    program = _unpacked_program(package, built, tmp_path)
    result = smoke.run_isolated(program, ["--outline"], tmp_path / "run")
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip("\n") == EXPECTED_OUTLINE
    assert not (tmp_path / "run" / "cwd").joinpath("build").exists()  # wrote nothing where it was started


def test_packaged_program_keeps_a_kiosk_pin_and_starts_kiosk_mode_offline(built, tmp_path):
    """The kiosk needs OpenSSL's scrypt, its style sheet and the print module, all from the bundle."""
    from viewer.core.kiosk_config import load_config
    from viewer.core.kiosk_pin import verify_pin

    program, config = str(built.bundle / project.APP_ID), tmp_path / "kiosk.toml"
    config.write_text("# the waiting room\nidle_seconds = 90\n", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    environment = {**smoke._minimal_environment(home), "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_DIRS": str(tmp_path)}
    run = [*smoke.network_isolation(), program, "--config", str(config)]
    pin = subprocess.run(
        [*run, "--set-kiosk-pin"], input="2468\n2468\n", env=environment, capture_output=True, text=True, timeout=120
    )
    assert pin.returncode == 0, pin.stderr
    assert verify_pin("2468", load_config(config).config.pin_hash) and "2468" not in config.read_text(encoding="utf-8")
    kiosk = subprocess.run(
        [*run, "--kiosk", "--quit-after-first-paint"], env=environment, capture_output=True, text=True, timeout=120
    )
    assert kiosk.returncode == 0 and "Traceback" not in kiosk.stderr, kiosk.stderr[-3000:]
    assert not (home / ".config").exists(), "kiosk mode wrote settings"


def _unpacked_program(package: str, built: Built, folder: Path) -> Path:
    if package == "deb":
        return smoke.unpack_deb(built.deb, folder / "root")
    return smoke.unpack_tarball(built.tarball, folder / "USB stick" / "Ketamine Viewer")


def test_deb_control_names_version_and_system_libraries(built):
    assert _deb_field(built.deb, "Package") == project.APP_ID
    assert _deb_field(built.deb, "Version") == project.version()
    assert _deb_field(built.deb, "Architecture") == "amd64"
    depends = _deb_field(built.deb, "Depends")
    for package in ("libc6 (>=", "libfontconfig1", "libxkbcommon0", "libegl1", "libdbus-1-3", "libglib2.0-0"):
        assert package in depends


def test_deb_installs_launcher_menu_entry_and_icons(deb_root):
    launcher = deb_root / "usr/bin" / project.APP_ID
    assert launcher.is_symlink() and os.readlink(launcher) == f"/opt/{project.APP_ID}/{project.APP_ID}"
    assert os.access(deb_root / "opt" / project.APP_ID / project.APP_ID, os.X_OK)
    for icon in ("256x256/apps/ketamine-viewer.png", "scalable/apps/ketamine-viewer.svg"):
        assert (deb_root / "usr/share/icons/hicolor" / icon).is_file()
    assert (deb_root / "usr/share/doc" / project.APP_ID / "copyright").is_file()


def test_menu_entry_is_valid_and_offered_for_markdown(deb_root):
    entry = deb_root / "usr/share/applications" / f"{project.APP_ID}.desktop"
    _require_tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    keys = dict(line.split("=", 1) for line in entry.read_text(encoding="utf-8").splitlines() if "=" in line)
    assert keys["Exec"].split()[0] == project.APP_ID and keys["Icon"] == project.APP_ID
    assert "text/markdown" in keys["MimeType"].split(";")


def test_lintian_reports_nothing_beyond_the_documented_overrides(built):
    _require_tool("lintian", "lintian")
    result = subprocess.run(["lintian", "--no-cfg", str(built.deb)], capture_output=True, text=True, timeout=600)
    findings = [line for line in result.stdout.splitlines() if line[:2] in ("E:", "W:")]
    assert not findings, "\n".join(findings)


def test_bundle_holds_no_forbidden_qt_module(built):
    assert bundle_rules.forbidden_files(built.bundle) == []
    assert linux_package.check_shared_libraries(built.bundle).problems == []


def test_bundle_holds_qt_print_support_and_its_cups_plugin(built):
    """Print and print preview need QtPrintSupport; on Linux its CUPS plugin talks to the machine's printers."""
    internal = [path.relative_to(built.bundle).as_posix() for path in built.bundle.rglob("*")]
    assert any(name.endswith("PySide6/QtPrintSupport.abi3.so") for name in internal)
    assert any("libQt6PrintSupport.so" in name for name in internal)
    assert any(name.endswith("plugins/printsupport/libcupsprintersupport.so") for name in internal)


def test_window_loads_qt_only_from_the_bundle_and_no_forbidden_module(built, tmp_path):
    """Open the real window on a virtual X screen, offline, and list every library the program loads."""
    display, xvfb = start_xvfb(tmp_path)
    try:
        home = tmp_path / "home"
        home.mkdir()
        environment = {"HOME": str(home), "PATH": os.defpath, "LANG": "C.UTF-8", "DISPLAY": display, "LD_DEBUG": "files"}
        environment["XDG_SESSION_TYPE"] = "wayland"  # as on a Wayland desktop, where the window runs under XWayland
        result = subprocess.run(
            [*smoke.network_isolation(), str(built.bundle / project.APP_ID), "--quit-after-first-paint"],
            cwd=tmp_path,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Could not find the Qt platform plugin" not in result.stderr
    # A fresh home, as after installing: the bundled article still comes from the render cache the build made.
    assert " cache=hit" in result.stdout, result.stdout[:500]
    # With LD_DEBUG=files the dynamic loader names every library it initialises, plugins included.
    loaded = {line.split("calling init:")[1].strip() for line in result.stderr.splitlines() if "calling init:" in line}
    assert any(path.endswith("plugins/platforms/libqxcb.so") for path in loaded), "the window did not use the xcb plugin"
    assert not [path for path in loaded if bundle_rules.is_forbidden_name(Path(path).name)]
    qt_outside = [path for path in loaded if "Qt6" in Path(path).name and not path.startswith(str(built.bundle))]
    assert not qt_outside, "Qt libraries loaded from outside the bundle"


def test_trimmed_icu_data_answers_like_the_full_data(built, tmp_path):
    """Collation, encodings, time-zone names and case mapping, from the venv's PySide6, once with its own ICU
    data and once with the bundle's trimmed copy in front of it."""
    trimmed = tmp_path / "trimmed"
    trimmed.mkdir()
    [library] = (built.bundle / "_internal/PySide6/Qt/lib").glob("libicudata.so.*")
    shutil.copy(library, trimmed)
    full = _icu_probe({})
    with_trimmed = _icu_probe({"LD_LIBRARY_PATH": str(trimmed)})
    assert str(trimmed) in with_trimmed.splitlines()[0] and str(trimmed) not in full.splitlines()[0]
    assert with_trimmed.splitlines()[1:] == full.splitlines()[1:]
    assert library.stat().st_size < 20 * MB


_ICU_PROBE = """
from PySide6.QtCore import QCollator, QLocale, QStringConverter, QStringDecoder, QTimeZone
print([line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line][:1])
for name in ("de_DE", "sv_SE", "fr_FR", "ja_JP", "tr_TR"):
    locale, collator = QLocale(name), QCollator(QLocale(name))
    print(name, [collator.compare(a, b) for a, b in (("ä", "z"), ("Ölung", "Zebra"), ("côte", "coté"), ("i", "I"))])
    print(name, locale.toUpper("istraße"), locale.toLower("İSTANBUL"))
    print(name, QTimeZone(b"Europe/Berlin").displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, locale))
print(sorted(QStringConverter.availableCodecs()))
print([QStringDecoder(name).isValid() for name in ("Shift_JIS", "GB18030", "IBM037", "KOI8-R", "windows-1252")])
"""


def _icu_probe(extra_environment: dict[str, str]) -> str:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra_environment}
    result = subprocess.run([sys.executable, "-c", _ICU_PROBE], capture_output=True, text=True, env=environment, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_tarball_is_one_portable_folder_without_links(built):
    with tarfile.open(built.tarball) as archive:
        members = archive.getmembers()
    folder = f"{project.APP_ID}-{project.version()}"
    assert all(member.name == folder or member.name.startswith(f"{folder}/") for member in members)
    assert not [member.name for member in members if member.issym() or member.islnk()]
    [program] = [member for member in members if member.name == f"{folder}/{project.APP_ID}"]
    assert program.mode & 0o111


def test_windows_installer_script_compiles_against_the_linux_files(built, tmp_path):
    _require_tool("makensis", "nsis")
    output = windows_installer.compile_installer(built.bundle, tmp_path / "placeholder-setup.exe", placeholder=True)
    assert output.read_bytes()[:2] == b"MZ"


def test_a_second_build_of_the_same_commit_gives_identical_packages(built, epoch, tmp_path):
    again = run_build(tmp_path, epoch)
    for first, second in ((built.deb, again.deb), (built.tarball, again.tarball)):
        assert _sha256(first) == _sha256(second), f"{first.name} differs between two builds"


def _deb_field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


def _require_tool(name: str, package: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: apt-get install {package} (.ci/run installs it)"
    return path


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
