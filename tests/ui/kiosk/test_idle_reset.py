"""Left alone, the kiosk counts down and returns to its start; any input keeps the visitor's place."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextCursor, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.helpers import click_row
from tests.ui.kiosk.conftest import center_of, tap
from viewer.ui.kiosk.window import KioskTimes
from viewer.ui.section_model import ANCHOR_ROLE

# Idle times long enough that a loaded machine cannot take one for a visitor's pause between two taps.
SHORT_IDLE = KioskTimes(idle_ms=1200, countdown_ms=400, long_press_ms=300, tick_ms=20)
COUNTDOWN_STAYS = KioskTimes(idle_ms=1200, countdown_ms=60_000, long_press_ms=300, tick_ms=20)


def use_the_kiosk_like_a_visitor(qtbot, kiosk) -> None:
    """Leave something of everything the reset must undo."""
    main = kiosk.main
    chip = next(iter(main.keyword_bar.chips.values()))
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(main.filter_edit, Qt.MouseButton.LeftButton)  # brings the on-screen keyboard
    for letter in "ketamine":
        qtbot.mouseClick(kiosk.keyboard.keys[letter], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main.search.result is not None)
    main.appearance.step_text_size(3)  # as a pinch or Ctrl+wheel would
    cursor = main.article_view.textCursor()
    cursor.setPosition(10)
    cursor.setPosition(60, QTextCursor.MoveMode.KeepAnchor)
    main.article_view.setTextCursor(cursor)
    main.article_view.verticalScrollBar().setValue(main.article_view.verticalScrollBar().maximum() // 2)


def test_the_defaults_are_two_minutes_then_fifteen_seconds(bundled_article):
    from viewer.core.kiosk_config import KioskConfig

    times = KioskTimes.from_config(KioskConfig())
    assert (times.idle_ms, times.countdown_ms, times.long_press_ms) == (120_000, 15_000, 5_000)


def test_left_alone_the_kiosk_restores_every_part_of_its_start(qtbot, open_kiosk, bundled_article):
    kiosk = open_kiosk(times=SHORT_IDLE)
    main = kiosk.main
    start_size = main.article_view.font().pointSizeF()
    use_the_kiosk_like_a_visitor(qtbot, kiosk)
    assert kiosk.keyboard.isVisible() and main.filter_edit.text() == "ketamine"
    assert main.article_view.font().pointSizeF() > start_size

    qtbot.waitUntil(kiosk.countdown.isVisible, timeout=5000)
    assert not kiosk.keyboard.isVisible()  # the countdown is not hidden behind it
    qtbot.waitUntil(kiosk.start_screen.isVisible, timeout=5000)

    assert not kiosk.countdown.isVisible()
    assert main.article.title == bundled_article.title
    assert main.filter_edit.text() == "" and main.keyword_bar.selected() == []
    assert main.search.result is None
    assert main.section_tree.currentIndex().data(ANCHOR_ROLE) == bundled_article.sections[0].anchor
    assert main.article_view.verticalScrollBar().value() == 0
    assert main.article_view.font().pointSizeF() == start_size
    assert not main.article_view.textCursor().hasSelection()
    assert not kiosk.keyboard.isVisible() and not kiosk.pin_pad.isVisible()
    assert kiosk.start_screen.title.text() == bundled_article.title
    assert not kiosk.idle.armed  # nothing to reset until the next visitor touches it


def test_a_reset_closes_what_is_open_and_returns_to_the_configured_article(qtbot, open_kiosk, write_article):
    kiosk = open_kiosk(times=SHORT_IDLE)
    other = write_article("# Leaflet\n\n## Part\n\nText.\n", "leaflet.md")
    kiosk.main.open_article_file(other)  # what following a link to another article in the folder does
    assert kiosk.main.article.title == "Leaflet"
    kiosk.open_pin_pad()
    kiosk.policy.uninstall()  # a message that got past the kiosk's guard
    box = QMessageBox(QMessageBox.Icon.Information, "Note", "Left open", parent=kiosk.main)
    box.show()
    kiosk.policy.install()
    kiosk.idle.note_input()
    qtbot.waitUntil(kiosk.start_screen.isVisible, timeout=5000)
    assert not box.isVisible() and not kiosk.pin_pad.isVisible()
    assert kiosk.main.article.title != "Leaflet"


def test_input_postpones_the_countdown(qtbot, open_kiosk):
    kiosk = open_kiosk(times=KioskTimes(idle_ms=60_000, countdown_ms=60_000, long_press_ms=300, tick_ms=20))
    timer = kiosk.idle._timer
    view = kiosk.main.article_view
    inputs = [
        lambda: qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(50, 50)),
        lambda: qtbot.keyClick(view, Qt.Key.Key_Down),
        lambda: QApplication.sendEvent(view.viewport(), wheel_event(view.viewport())),
        lambda: QTest.touchEvent(kiosk, TOUCH).press(0, QPoint(300, 300)).commit(),
    ]
    for give_input in inputs:
        qtbot.waitUntil(lambda: timer.remainingTime() < 59_900)
        give_input()
        assert timer.remainingTime() > 59_900


TOUCH = QTest.createTouchDevice()


def wheel_event(widget) -> QWheelEvent:
    where = QPointF(40, 40)
    return QWheelEvent(
        where,
        QPointF(widget.mapToGlobal(where.toPoint())),
        QPoint(),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )


def test_a_touch_on_the_countdown_keeps_the_visitors_place_and_touches_nothing_else(qtbot, open_kiosk):
    kiosk = open_kiosk(times=COUNTDOWN_STAYS)
    main = kiosk.main
    click_row(qtbot, main.section_tree, "B. Intranasal")
    qtbot.keyClicks(main.filter_edit, "spray")
    qtbot.waitUntil(lambda: main.search.result is not None)
    place = main.article_view.verticalScrollBar().value()
    qtbot.waitUntil(kiosk.countdown.isVisible, timeout=5000)
    chip = next(iter(main.keyword_bar.chips.values()))
    tap(qtbot, kiosk, center_of(chip, kiosk))  # a touch right over a chip
    assert not kiosk.countdown.isVisible()
    assert not chip.isChecked(), "the touch that stopped the countdown went no further"
    assert main.filter_edit.text() == "spray" and main.article_view.verticalScrollBar().value() == place
    assert not kiosk.start_screen.isVisible()


def test_a_finger_on_the_countdown_stops_it(qtbot, open_kiosk):
    kiosk = open_kiosk(times=COUNTDOWN_STAYS)
    qtbot.keyClicks(kiosk.main.filter_edit, "spray")
    qtbot.waitUntil(kiosk.countdown.isVisible, timeout=5000)
    QTest.touchEvent(kiosk, TOUCH).press(0, QPoint(400, 300)).commit()
    QTest.touchEvent(kiosk, TOUCH).release(0, QPoint(400, 300)).commit()
    assert not kiosk.countdown.isVisible() and kiosk.main.filter_edit.text() == "spray"


def test_the_countdown_shows_the_seconds_left(qtbot, open_kiosk):
    kiosk = open_kiosk(times=KioskTimes(idle_ms=1200, countdown_ms=9_000, long_press_ms=300, tick_ms=20))
    qtbot.keyClick(kiosk.main.article_view, Qt.Key.Key_Down)
    qtbot.waitUntil(kiosk.countdown.isVisible, timeout=5000)
    assert kiosk.countdown.remaining_label.text() in ("Starting again in 9 seconds", "Starting again in 8 seconds")
    assert kiosk.countdown.findChild(type(kiosk.countdown.remaining_label), "idleCountdownTitle").text() == "Still reading?"


def test_no_idle_time_means_no_reset(qtbot, open_kiosk):
    kiosk = open_kiosk(times=KioskTimes(idle_ms=0, countdown_ms=100, long_press_ms=300, tick_ms=20))
    qtbot.keyClick(kiosk.main.article_view, Qt.Key.Key_Down)
    assert not kiosk.idle.armed


def test_start_again_resets_at_once(qtbot, kiosk):
    qtbot.keyClicks(kiosk.main.filter_edit, "spray")
    qtbot.mouseClick(kiosk.start_again, Qt.MouseButton.LeftButton)
    assert kiosk.start_screen.isVisible() and kiosk.main.filter_edit.text() == ""


def test_without_a_start_screen_the_reset_shows_the_article(qtbot, open_kiosk):
    kiosk = open_kiosk(times=SHORT_IDLE, start_screen=False, begin=False)
    assert not kiosk.start_screen.isVisible()
    qtbot.keyClicks(kiosk.main.filter_edit, "spray")
    qtbot.waitUntil(lambda: kiosk.main.filter_edit.text() == "" and not kiosk.countdown.isVisible(), timeout=5000)
    assert not kiosk.start_screen.isVisible() and QApplication.activeModalWidget() is None
