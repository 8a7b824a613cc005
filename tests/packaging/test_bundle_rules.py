"""The rules the PyInstaller spec trims by and build.py checks with, on made-up file lists: fast, no build."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "build_spec"))

import bundle_rules
import project
from run_paths import portable_run_path


@pytest.mark.parametrize(
    "path",
    [
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/plugins/tls/qschannelbackend.dll",
        "PySide6/plugins/generic/qtuiotouchplugin.dll",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/translations/qt_fr.qm",
    ],
)
def test_plugins_that_drag_in_unused_modules_and_translations_are_dropped(path):
    assert not bundle_rules.keeps_file(path)


@pytest.mark.parametrize(
    "path",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",  # the self-test renders offscreen
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",  # QtPrintSupport stays allowed
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "resources/articles/ketamine-trd.md",
        "markdown-3.11.3.dist-info/entry_points.txt",
    ],
)
def test_what_the_viewer_uses_is_kept(path):
    assert bundle_rules.keeps_file(path)


def test_exactly_the_image_decoders_the_viewer_accepts_are_kept():
    from viewer.ui.article_images import IMAGE_FORMATS

    built_into_qtgui = {"png", "bmp"}
    candidates = {"jpeg", "gif", "webp", "svg", "ico", "icns", "tiff", "tga", "wbmp", "pdf"} | set(IMAGE_FORMATS)
    kept = {name for name in candidates if bundle_rules.keeps_file(f"PySide6/Qt/plugins/imageformats/libq{name}.so")}
    assert kept - built_into_qtgui == set(IMAGE_FORMATS) - built_into_qtgui


def test_libraries_only_a_dropped_plugin_needed_are_pruned():
    links = {
        "/src/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/src/libQt6Gui.so.6": ["libQt6Core.so.6"],
        "/src/libqtuiotouchplugin.so": ["libQt6Network.so.6"],
        "/src/libQt6Network.so.6": ["libQt6Core.so.6"],
    }
    binaries = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/src/libQt6Network.so.6", "BINARY"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
    ]
    kept = bundle_rules._without_orphans(binaries, "libpython3.11.so.1.0", lambda source: links.get(source, []))
    assert [entry[0] for entry in kept] == [
        "PySide6/QtGui.abi3.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "libpython3.11.so.1.0",
    ]


def test_links_to_pruned_libraries_and_frameworks_of_pruned_libraries_go():
    core = ("PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore", "/src/QtCore", "BINARY")
    network = ("PySide6/Qt/lib/QtNetwork.framework/Versions/A/QtNetwork", "/src/QtNetwork", "BINARY")
    linux_network = ("PySide6/Qt/lib/libQt6Network.so.6", "/src/libQt6Network.so.6", "BINARY")
    datas = [
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("QtCore", "PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore", "SYMLINK"),
        ("PySide6/Qt/lib/QtCore.framework/QtCore", "Versions/Current/QtCore", "SYMLINK"),
        ("PySide6/Qt/lib/QtNetwork.framework/QtNetwork", "Versions/Current/QtNetwork", "SYMLINK"),
        ("PySide6/Qt/lib/QtNetwork.framework/Resources/Info.plist", "/src/Info.plist", "DATA"),
        ("PySide6/Qt/lib/QtCore.framework/Resources/Info.plist", "/src/Info.plist", "DATA"),
    ]
    kept = bundle_rules.trim_datas(datas, collected=[core, network, linux_network], kept=[core])
    assert [entry[0] for entry in kept] == [
        "QtCore",
        "PySide6/Qt/lib/QtCore.framework/QtCore",
        "PySide6/Qt/lib/QtCore.framework/Resources/Info.plist",
    ]


def test_forbidden_modules_are_found_by_file_and_folder_name(tmp_path):
    for name in ("_internal/PySide6/Qt/lib/libQt6Network.so.6", "QtQml.framework/Resources/Info.plist", "qtquick/qmldir"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    (tmp_path / "_internal/PySide6/Qt/lib/libQt6Widgets.so.6").write_text("")
    found = bundle_rules.forbidden_files(tmp_path)
    assert "_internal/PySide6/Qt/lib/libQt6Network.so.6" in found
    assert "QtQml.framework/Resources/Info.plist" in found
    assert "qtquick/qmldir" in found
    assert not [path for path in found if "Widgets" in path]


def test_every_linux_library_is_either_taken_from_the_system_or_bundled():
    table = bundle_rules.linux_shared_libraries()
    assert {library.source for library in table.values()} == {"system", "bundle"}
    assert table["libxcb-cursor.so.0"].source == "bundle"  # Qt's xcb plugin will not start without it
    assert table["libfontconfig.so.1"].source == "system"


def test_only_run_paths_relative_to_the_library_are_kept():
    assert portable_run_path("/root/.pyenv/versions/3.11.7/lib") == ""
    assert portable_run_path("$ORIGIN:/opt/build/lib:$ORIGIN/../lib") == "$ORIGIN:$ORIGIN/../lib"


@pytest.mark.parametrize(("version", "numbers"), [("1.0.0", (1, 0, 0, 0)), ("2.3rc1", (2, 3, 0, 0)), ("1.2.3.4.5", (1, 2, 3, 4))])
def test_windows_version_resources_get_four_numbers(version, numbers, monkeypatch):
    monkeypatch.setattr(project, "version", lambda: version)
    assert project.version_tuple() == numbers
