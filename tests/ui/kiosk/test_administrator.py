"""Leaving kiosk mode takes the administrator's PIN: a key chord or a long press in a top corner opens the pad."""

from __future__ import annotations

import io
import os
import sys

import pytest

from PySide6.QtCore import QPoint, Qt

from tests.ui.kiosk.conftest import press, release
from viewer import main
from viewer.core.kiosk_config import load_config
from viewer.core.kiosk_pin import hash_pin, verify_pin
from viewer.ui.kiosk.pin_pad import CORNER_PX, NO_PIN_TEXT

PIN = "2468"
PIN_HASH = hash_pin(PIN)


def tap_pin(qtbot, kiosk, digits: str) -> None:
    for digit in [*digits, "OK"]:
        qtbot.mouseClick(kiosk.pin_pad.keys[digit], Qt.MouseButton.LeftButton)


def press_chord(qtbot, kiosk) -> None:
    mods = Qt.KeyboardModifier
    qtbot.keyClick(kiosk.main.article_view, Qt.Key.Key_K, mods.ControlModifier | mods.AltModifier | mods.ShiftModifier)


def test_the_chord_opens_the_pin_pad_and_the_right_pin_ends_kiosk_mode(qtbot, open_kiosk):
    kiosk = open_kiosk(pin_hash=PIN_HASH)
    press_chord(qtbot, kiosk)
    assert kiosk.pin_pad.isVisible() and kiosk.pin_pad.dots.text() == "–"
    with qtbot.waitSignal(kiosk.left, timeout=5000):
        tap_pin(qtbot, kiosk, PIN)
    assert not kiosk.isVisible()


def test_digits_typed_on_a_keyboard_go_to_the_pad_not_the_search(qtbot, open_kiosk):
    kiosk = open_kiosk(pin_hash=PIN_HASH)
    kiosk.main.filter_edit.setFocus()
    press_chord(qtbot, kiosk)
    qtbot.keyClicks(kiosk.pin_pad, "24")
    assert kiosk.pin_pad.dots.text() == "●●" and kiosk.main.filter_edit.text() == ""
    qtbot.keyClick(kiosk.pin_pad, Qt.Key.Key_Backspace)
    assert kiosk.pin_pad.dots.text() == "●"
    qtbot.keyClick(kiosk.pin_pad, Qt.Key.Key_Escape)
    assert not kiosk.pin_pad.isVisible() and kiosk.isVisible()


def test_wrong_pins_are_refused_then_rate_limited(qtbot, open_kiosk):
    kiosk = open_kiosk(pin_hash=PIN_HASH)
    now = [1000.0]
    kiosk.pin_pad.clock = lambda: now[0]
    press_chord(qtbot, kiosk)
    left = []
    kiosk.left.connect(lambda: left.append(True))
    tap_pin(qtbot, kiosk, "1111")
    assert kiosk.pin_pad.message.text() == "Wrong PIN." and kiosk.pin_pad.keys["1"].isEnabled()
    tap_pin(qtbot, kiosk, "2222")
    tap_pin(qtbot, kiosk, "3333")
    assert kiosk.pin_pad.message.text().startswith("Wrong PIN. Try again in 30 s")
    assert not kiosk.pin_pad.keys["2"].isEnabled() and not kiosk.pin_pad.keys["OK"].isEnabled()
    kiosk.pin_pad.press("2"), kiosk.pin_pad.press("4"), kiosk.pin_pad.press("6"), kiosk.pin_pad.press("8")
    kiosk.pin_pad.press("OK")  # even the right PIN waits
    assert left == [] and kiosk.isVisible()
    now[0] += 31
    qtbot.waitUntil(lambda: kiosk.pin_pad.keys["2"].isEnabled(), timeout=3000)
    tap_pin(qtbot, kiosk, "4444")
    assert "Try again in 60 s" in kiosk.pin_pad.message.text(), "the wait grows"
    now[0] += 61
    qtbot.waitUntil(lambda: kiosk.pin_pad.keys["2"].isEnabled(), timeout=3000)
    with qtbot.waitSignal(kiosk.left, timeout=5000):
        tap_pin(qtbot, kiosk, PIN)


def test_with_no_pin_the_kiosk_cannot_be_left_from_the_screen(qtbot, kiosk):
    press_chord(qtbot, kiosk)
    assert kiosk.pin_pad.isVisible() and kiosk.pin_pad.message.text() == NO_PIN_TEXT
    assert not kiosk.pin_pad.keypad.isVisible()
    qtbot.mouseClick(kiosk.pin_pad.keys["Cancel"], Qt.MouseButton.LeftButton)
    assert not kiosk.pin_pad.isVisible() and kiosk.isVisible() and kiosk.isFullScreen()


@pytest.mark.parametrize("corner", ["left", "right"])
def test_a_long_press_in_a_top_corner_opens_the_pin_pad(qtbot, open_kiosk, corner):
    kiosk = open_kiosk(pin_hash=PIN_HASH)
    corner_point = QPoint(8 if corner == "left" else kiosk.width() - 8, 8)
    press(qtbot, kiosk, corner_point)
    qtbot.waitUntil(kiosk.pin_pad.isVisible, timeout=3000)
    release(qtbot, kiosk, corner_point)


def test_a_short_press_or_a_press_elsewhere_does_not(qtbot, open_kiosk):
    kiosk = open_kiosk(pin_hash=PIN_HASH)
    press(qtbot, kiosk, QPoint(8, 8))
    assert kiosk.corner.pending
    release(qtbot, kiosk, QPoint(8, 8))
    assert not kiosk.corner.pending
    for elsewhere in (QPoint(CORNER_PX + 40, 8), QPoint(8, kiosk.height() // 2)):
        press(qtbot, kiosk, elsewhere)
        assert not kiosk.corner.pending
        release(qtbot, kiosk, elsewhere)
    assert not kiosk.pin_pad.isVisible()


def pipe_in(monkeypatch, *lines: str) -> None:
    """The PIN piped in, as a set-up script would give it (a terminal is tried with a real one below)."""
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))


def test_set_kiosk_pin_asks_twice_and_writes_a_hash_that_verifies(tmp_path, monkeypatch, capsys):
    config = tmp_path / "kiosk.toml"
    config.write_text("# Waiting room\nkiosk = true\n", encoding="utf-8")
    pipe_in(monkeypatch, PIN, PIN)
    assert main(["ketamine-viewer", "--set-kiosk-pin", "--config", str(config)]) == 0
    text = config.read_text(encoding="utf-8")
    assert PIN not in text and text.startswith("# Waiting room\nkiosk = true\n")
    loaded = load_config(config)
    assert loaded.problems == () and verify_pin(PIN, loaded.config.pin_hash)
    out, err = capsys.readouterr()
    assert str(config) in out and "New kiosk PIN" in err and "same PIN again" in err and PIN not in out + err


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ([PIN, "1357"], "the two PINs differ"),
        (["12", "12"], "4 to 12 digits"),
        (["12ab", "12ab"], "digits only"),
        ([PIN], "no PIN was given"),
    ],
)
def test_set_kiosk_pin_refuses_and_changes_nothing(tmp_path, monkeypatch, capsys, typed, words):
    config = tmp_path / "kiosk.toml"
    config.write_text("kiosk = true\n", encoding="utf-8")
    pipe_in(monkeypatch, *typed)
    assert main(["ketamine-viewer", "--set-kiosk-pin", "--config", str(config)]) == 2
    assert words in capsys.readouterr().err
    assert config.read_text(encoding="utf-8") == "kiosk = true\n"


def test_set_kiosk_pin_with_a_config_in_a_folder_that_does_not_exist_makes_no_folder(tmp_path, monkeypatch, capsys):
    """A mistyped --config must not leave folders behind; only the system-wide default folder is made."""
    config = tmp_path / "no-such-folder" / "kiosk.toml"
    pipe_in(monkeypatch, PIN, PIN)
    assert main(["ketamine-viewer", "--set-kiosk-pin", "--config", str(config)]) == 2
    error = capsys.readouterr().err
    assert str(config.parent) in error and "does not exist" in error
    assert not config.parent.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="drives a real terminal (pty)")
def test_set_kiosk_pin_does_not_echo_the_pin_on_a_terminal(tmp_path):
    import pty
    import select
    import subprocess

    config = tmp_path / "kiosk.toml"
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "viewer", "--set-kiosk-pin", "--config", str(config)],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(__file__)))),
        start_new_session=True,
    )
    os.close(follower)
    seen = b""

    def read_until(marker: bytes) -> None:
        nonlocal seen
        while marker not in seen:
            ready, _, _ = select.select([leader], [], [], 30)
            assert ready, f"no {marker!r} in {seen!r}"
            seen += os.read(leader, 1024)

    read_until(b"New kiosk PIN")
    os.write(leader, b"97531\n")
    read_until(b"same PIN again")
    os.write(leader, b"97531\n")
    read_until(b"is set in")
    assert process.wait(timeout=30) == 0
    os.close(leader)
    assert b"97531" not in seen
    assert verify_pin("97531", load_config(config).config.pin_hash)


@pytest.mark.answers_modal_windows
def test_with_no_terminal_the_pin_is_asked_in_a_window(qtbot, tmp_path, monkeypatch):
    """The windowed Windows program has no stdin: the PIN is typed twice into a dialog, hidden."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

    from viewer.ui.kiosk.pin_dialog import SetPinDialog

    monkeypatch.setattr("sys.stdin", None)
    config = tmp_path / "kiosk.toml"
    seen: list[str] = []

    def answer_the_windows():
        window = QApplication.activeModalWidget()
        if isinstance(window, SetPinDialog):
            assert window.first.echoMode() == QLineEdit.EchoMode.Password
            qtbot.keyClicks(window.first, PIN)
            qtbot.keyClicks(window.second, "1357")
            qtbot.keyClick(window.second, Qt.Key.Key_Return)
            seen.append(window.problem.text())
            window.second.clear()
            qtbot.keyClicks(window.second, PIN)
            qtbot.keyClick(window.second, Qt.Key.Key_Return)
        elif isinstance(window, QMessageBox):
            seen.append(window.text())
            window.accept()
            return
        QTimer.singleShot(20, answer_the_windows)

    QTimer.singleShot(20, answer_the_windows)
    assert main(["ketamine-viewer", "--set-kiosk-pin", "--config", str(config)]) == 0
    assert seen[0] == "The two PINs differ." and seen[-1].startswith(f"The kiosk PIN is set in {config}")
    assert verify_pin(PIN, load_config(config).config.pin_hash)


def test_on_a_7_inch_screen_the_pin_pad_keys_stay_apart_and_the_help_strip_shows(qtbot, bundled_article):
    """800 x 480 with a wrong PIN's message showing: the tallest the pad gets, in the least room."""
    from viewer.core.kiosk_config import KioskConfig
    from viewer.ui.kiosk.window import KioskTimes, build_kiosk

    kiosk = build_kiosk(bundled_article, KioskConfig(kiosk=True, pin_hash=PIN_HASH), [], KioskTimes(60_000, 60_000))
    qtbot.addWidget(kiosk)
    kiosk.resize(800, 480)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    kiosk.open_pin_pad()
    tap_pin(qtbot, kiosk, "1357")
    qtbot.waitUntil(kiosk.pin_pad.message.isVisible)
    keys = [key for key in kiosk.pin_pad.keys.values() if key.isVisible()]
    boxes = [key.rect().translated(key.mapTo(kiosk, QPoint(0, 0))) for key in keys]
    assert len(boxes) == 13  # ten digits, delete, OK and Cancel
    overlapping = [
        (a.text(), b.text()) for i, a in enumerate(keys) for j, b in enumerate(keys) if i < j and boxes[i].intersects(boxes[j])
    ]
    assert overlapping == []
    assert all(key.height() >= key.minimumSizeHint().height() for key in keys), "no key squeezed below its own size"
    strip_top = kiosk.help_strip.mapTo(kiosk, QPoint(0, 0)).y()
    assert all(strip_top > box.bottom() for box in boxes)
