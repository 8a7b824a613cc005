"""Starting kiosk mode as the program does: a broken configuration is told and survived; nothing is written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.kiosk.test_administrator import PIN, PIN_HASH, press_chord, tap_pin
from tests.ui.kiosk.test_idle_reset import SHORT_IDLE, use_the_kiosk_like_a_visitor
from viewer.kiosk_cli import plan_kiosk
from viewer.ui.kiosk.window import KioskTimes, build_kiosk

ROOT = Path(__file__).resolve().parents[3]


def run_viewer(*arguments: str, home: Path) -> subprocess.CompletedProcess:
    """The real program, offscreen, with its own settings, log and system-wide config folders."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KETAMINE_VIEWER_CONFIG_DIR": str(home / "config"),
        "KETAMINE_VIEWER_LOG_DIR": str(home / "log"),
        "XDG_CONFIG_DIRS": str(home / "site"),
    }
    command = [sys.executable, "-m", "viewer", *arguments, "--quit-after-first-paint"]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)


def test_a_corrupt_configuration_starts_the_kiosk_and_says_which_line_and_key(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text("kiosk = true\nhelp_text = 'Ask at the desk'\nidle_secs = 30\ntext_size = 'huge'\n", encoding="utf-8")
    result = run_viewer("--config", str(config), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{config}, line 3: unknown key 'idle_secs'" in result.stderr
    assert f"{config}, line 4: 'text_size' should be" in result.stderr


def test_a_configuration_that_is_not_toml_at_all_still_starts_the_kiosk(tmp_path):
    site = tmp_path / "site" / "ketamine-viewer"
    site.mkdir(parents=True)
    (site / "kiosk.toml").write_bytes(b"\x00\xff not toml [")
    result = run_viewer(home=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert f"{site / 'kiosk.toml'}: cannot be read (it is not UTF-8 text)" in result.stderr


def test_the_real_program_writes_nothing_to_the_settings_folder_in_kiosk_mode(tmp_path):
    assert run_viewer("--kiosk", home=tmp_path).returncode == 0
    assert not (tmp_path / "config").exists()


def test_the_problems_are_on_the_screen_for_the_administrator(qtbot, tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text("kiosk = true\nidle_secs = 30\n", encoding="utf-8")
    plan = plan_kiosk(None, None, config, None)
    kiosk = build_kiosk(plan.article, plan.config, list(plan.problems), KioskTimes(60_000, 60_000))
    kiosk.activate()
    try:
        qtbot.waitExposed(kiosk)
        assert kiosk.problems.isVisible() and kiosk.problems.textFormat() == Qt.TextFormat.PlainText
        assert f"{config}, line 2: unknown key 'idle_secs'" in kiosk.problems.text()
        assert not kiosk.start_screen.geometry().intersects(kiosk.problems.geometry()), "not hidden by the start screen"
    finally:
        kiosk.deactivate()
        kiosk.close()


def test_a_whole_visit_leaves_the_user_folders_as_they_were(qtbot, open_kiosk, private_user_folders):
    before = sorted(private_user_folders.rglob("*"))
    kiosk = open_kiosk(times=SHORT_IDLE, pin_hash=PIN_HASH)
    use_the_kiosk_like_a_visitor(qtbot, kiosk)
    qtbot.waitUntil(kiosk.start_screen.isVisible, timeout=5000)
    qtbot.mouseClick(kiosk.start_screen, Qt.MouseButton.LeftButton)
    use_the_kiosk_like_a_visitor(qtbot, kiosk)
    mods = Qt.KeyboardModifier
    for key, modifiers in ((Qt.Key.Key_D, mods.ControlModifier), (Qt.Key.Key_Plus, mods.ControlModifier)):
        qtbot.keyClick(kiosk.main.article_view, key, modifiers)  # bookmark, larger text: refused, nothing kept
    press_chord(qtbot, kiosk)
    with qtbot.waitSignal(kiosk.left, timeout=5000):
        tap_pin(qtbot, kiosk, PIN)
    assert sorted(private_user_folders.rglob("*")) == before
