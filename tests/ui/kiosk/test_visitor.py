"""What a visitor gets: touch-sized controls, finger scrolling, an on-screen keyboard, the help strip, the start screen."""

from __future__ import annotations

import subprocess

import pytest

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.helpers import click_row, visible_titles
from tests.ui.kiosk.conftest import center_of, tap
from tests.ui.test_text_size import wheel
from viewer.core.article import parse_article
from viewer.ui.kiosk import printing
from viewer.ui.kiosk.touch import stop_scrolling
from viewer.ui.section_model import ANCHOR_ROLE

TOUCH_PX = 44
DESKTOP_BODY_POINTS = 12  # article.css: body text; kiosk_config.text_size is the same body text's points
HELP = "In crisis? Call 116 123 — or tell a member of staff"


def long_article(sections: int = 40):
    text = "# A long article\n\n" + "".join(
        f"## Part {n}\n\n" + "Some words to read on a screen in a waiting room. " * 40 + "\n\n" for n in range(sections)
    )
    return parse_article(text)


def drag(qtbot, widget, start: QPoint, end: QPoint, steps: int = 12) -> None:
    """A finger drag: press, a move every 16 ms as a touch screen reports them, release.

    The pauses are the gesture itself, not a wait for a result: kinetic scrolling measures the finger's
    speed by the clock, and a drag with no time in it is a drag that did not move.
    """
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, steps + 1):
        qtbot.wait(16)
        qtbot.mouseMove(widget, start + (end - start) * step / steps)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


def rows(tree, parent=QModelIndex()):
    model = tree.model()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from rows(tree, index)


def test_everything_a_finger_touches_is_at_least_44_px_high(qtbot, open_kiosk):
    kiosk = open_kiosk()
    main = kiosk.main
    heights = {f"row {index.data()}": main.section_tree.visualRect(index).height() for index in rows(main.section_tree)}
    heights |= {f"chip {name}": chip.height() for name, chip in main.keyword_bar.chips.items()}
    heights |= {"search box": main.filter_edit.height(), "start again": kiosk.start_again.height()}
    qtbot.mouseClick(main.filter_edit, Qt.MouseButton.LeftButton)
    heights |= {f"key {name}": key.height() for name, key in kiosk.keyboard.keys.items()}
    kiosk.open_pin_pad()
    heights |= {f"pin {name}": key.height() for name, key in kiosk.pin_pad.keys.items() if key.isVisible()}
    assert len(heights) > 40
    assert {name: height for name, height in heights.items() if height < TOUCH_PX} == {}
    assert main.article_view.verticalScrollBar().width() >= 20


def test_the_article_text_is_larger_than_on_a_desktop(qtbot, open_kiosk, open_window, bundled_article):
    desktop = open_window(bundled_article)
    kiosk = open_kiosk(text_size=18)

    def body_line_height(view) -> float:
        block = view.document().findBlock(view.document().toPlainText().index("Ketamine is a dissociative"))
        return block.layout().lineAt(0).height()

    assert body_line_height(kiosk.main.article_view) >= body_line_height(desktop.article_view) * 18 / 12 * 0.95


def test_a_finger_drag_scrolls_the_article_and_selects_nothing(qtbot, open_kiosk):
    kiosk = open_kiosk(article=long_article())
    view = kiosk.main.article_view
    middle = view.viewport().rect().center()
    drag(qtbot, view.viewport(), middle + QPoint(0, 200), middle - QPoint(0, 200))
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 150, timeout=3000)
    assert not view.textCursor().hasSelection()


def test_a_finger_drag_scrolls_the_tree_and_a_tap_still_opens_a_section(qtbot, open_kiosk):
    kiosk = open_kiosk(article=long_article(60))
    tree = kiosk.main.section_tree
    middle = tree.viewport().rect().center()
    drag(qtbot, tree.viewport(), middle + QPoint(0, 150), middle - QPoint(0, 150))
    qtbot.waitUntil(lambda: tree.verticalScrollBar().value() > 100, timeout=3000)
    stop_scrolling(tree)  # a tap on a list still gliding only stops it, as on a phone
    click_row(qtbot, tree, "Part 3")
    qtbot.waitUntil(lambda: tree.currentIndex().data() == "Part 3")
    qtbot.waitUntil(lambda: kiosk.main.article_view.reading.current_anchor == tree.currentIndex().data(ANCHOR_ROLE))


def test_the_on_screen_keyboard_types_into_the_search_box(qtbot, kiosk):
    edit = kiosk.main.filter_edit
    assert not kiosk.keyboard.isVisible()
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert kiosk.keyboard.isVisible()
    below_the_box = edit.mapTo(kiosk, QPoint(0, edit.height()))
    assert kiosk.keyboard.y() >= below_the_box.y() and kiosk.keyboard.geometry().bottom() <= kiosk.main.geometry().bottom()
    for name in ["n", "a", "s", "a", "l", "Space", "s", "p", "r", "a", "y", "x", "⌫"]:
        qtbot.mouseClick(kiosk.keyboard.keys[name], Qt.MouseButton.LeftButton)
    assert edit.text() == "nasal spray"
    qtbot.waitUntil(lambda: kiosk.main.search.result is not None)
    titles = visible_titles(kiosk.main.section_tree)
    assert any("Intranasal" in title for title in titles) and len(titles) < 10, "the tree is filtered as if typed"
    qtbot.mouseClick(kiosk.keyboard.keys["Clear"], Qt.MouseButton.LeftButton)
    assert edit.text() == ""
    for digit in "12":
        qtbot.mouseClick(kiosk.keyboard.keys[digit], Qt.MouseButton.LeftButton)
    assert edit.text() == "12"
    qtbot.mouseClick(kiosk.keyboard.keys["Done"], Qt.MouseButton.LeftButton)
    assert not kiosk.keyboard.isVisible()
    assert set(kiosk.keyboard.keys) >= set("abcdefghijklmnopqrstuvwxyz0123456789") | {"Space", "⌫", "Clear", "Done"}


def test_the_count_of_what_was_found_shows_above_the_keyboard(qtbot, kiosk):
    qtbot.mouseClick(kiosk.main.filter_edit, Qt.MouseButton.LeftButton)
    for name in "spray":
        qtbot.mouseClick(kiosk.keyboard.keys[name], Qt.MouseButton.LeftButton)
    status = kiosk.main.navigation.status_label
    qtbot.waitUntil(status.isVisible)
    assert "match" in status.text()
    assert status.mapTo(kiosk, QPoint(0, status.height())).y() <= kiosk.keyboard.y()


def test_a_touch_elsewhere_puts_the_keyboard_away_and_still_does_what_it_touched(qtbot, kiosk):
    qtbot.mouseClick(kiosk.main.filter_edit, Qt.MouseButton.LeftButton)
    assert kiosk.keyboard.isVisible()
    chip_name, chip = next(iter(kiosk.main.keyword_bar.chips.items()))
    tap(qtbot, kiosk, center_of(chip, kiosk))
    assert not kiosk.keyboard.isVisible() and kiosk.main.keyword_bar.selected() == [chip_name]


def test_the_help_strip_stays_visible_over_every_screen(qtbot, open_kiosk):
    kiosk = open_kiosk(help_text=HELP, begin=False)
    strip = kiosk.help_strip
    assert strip.text() == HELP and strip.objectName() == "kioskHelpStrip"

    def strip_on_top() -> bool:
        point = center_of(strip, kiosk)
        return strip.isVisible() and kiosk.childAt(point) is strip

    assert kiosk.start_screen.isVisible() and strip_on_top()
    qtbot.mouseClick(kiosk.start_screen, Qt.MouseButton.LeftButton)
    assert strip_on_top()
    qtbot.mouseClick(kiosk.main.filter_edit, Qt.MouseButton.LeftButton)
    assert kiosk.keyboard.isVisible() and strip_on_top()
    kiosk._on_idle()
    assert kiosk.countdown.isVisible() and strip_on_top()
    kiosk.open_pin_pad()
    assert kiosk.pin_pad.isVisible() and strip_on_top()


def test_the_help_text_is_plain_text(qtbot, open_kiosk):
    kiosk = open_kiosk(help_text="<b>bold</b> <a href='https://x.org'>link</a>")
    assert kiosk.help_strip.textFormat() == Qt.TextFormat.PlainText


def test_the_start_screen_shows_the_title_and_summary_and_a_touch_begins(qtbot, open_kiosk, bundled_article):
    kiosk = open_kiosk(begin=False)
    screen = kiosk.start_screen
    assert screen.objectName() == "startScreen" and screen.isVisible()
    assert screen.title.text() == bundled_article.title and screen.summary.text() == bundled_article.metadata.summary
    assert screen.begin_button.text() == "Touch to begin"
    assert screen.geometry() == kiosk.main.geometry(), "it covers the whole viewer"
    tap(qtbot, kiosk, QPoint(kiosk.width() // 2, kiosk.height() // 4))  # anywhere, not only the button
    assert not screen.isVisible()


def test_the_new_parts_have_their_names(open_kiosk):
    kiosk = open_kiosk()
    names = {"kioskHelpStrip", "idleCountdown", "onScreenKeyboard", "pinPad", "startScreen"}
    assert {name for name in names if kiosk.findChild(QWidget, name) is not None} == names


def test_the_cursor_can_be_hidden_for_a_touch_screen(qtbot, open_kiosk):
    kiosk = open_kiosk(hide_cursor=True)
    assert QApplication.overrideCursor() is not None and QApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
    kiosk.deactivate()
    assert QApplication.overrideCursor() is None


def test_printing_is_off_unless_allowed(qtbot, kiosk):
    assert not kiosk.print_button.isVisible()


def test_when_allowed_printing_goes_straight_to_the_printer(qtbot, open_kiosk, monkeypatch, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    pdf = tmp_path / "printed.pdf"

    def printer_to_a_file():
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setOutputFileName(str(pdf))
        return printer

    monkeypatch.setattr(printing, "default_printer", printer_to_a_file)
    kiosk = open_kiosk(allow_print=True)
    assert kiosk.print_button.isVisible()
    click_row(qtbot, kiosk.main.section_tree, "B. Common Side Effects")
    qtbot.mouseClick(kiosk.print_button, Qt.MouseButton.LeftButton)
    assert kiosk.notice.text() == "Your copy is printing (1 page)." and not kiosk.print_button.isEnabled()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not kiosk and w.isWindow()] == []
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "Common Side" in text and "dizziness" in text and "Page 1 of 1" in text  # "ﬀ" may come out as a ligature
    assert "dissociative anesthetic" not in text, "the section being read, not the whole article"


def test_with_no_printer_the_visitor_is_told(qtbot, open_kiosk, monkeypatch):
    monkeypatch.setattr(printing, "default_printer", lambda: None)
    kiosk = open_kiosk(allow_print=True)
    qtbot.mouseClick(kiosk.print_button, Qt.MouseButton.LeftButton)
    assert kiosk.notice.text().startswith("No printer is set up")


@pytest.mark.parametrize("size", [12, 22])
def test_the_configured_text_size_is_kept_through_a_reset(qtbot, open_kiosk, size):
    kiosk = open_kiosk(text_size=size)
    view = kiosk.main.article_view
    before = view.font().pointSizeF(), view.document().defaultStyleSheet()
    kiosk.reset_to_start()
    assert (view.font().pointSizeF(), view.document().defaultStyleSheet()) == before
    assert f"font-size: {size:.4g}pt" in view.document().defaultStyleSheet()


@pytest.mark.parametrize("size", [10, 22])
def test_the_configured_text_size_scales_the_search_box_and_the_tree_with_the_article(qtbot, open_kiosk, open_window, size):
    """One text size: the kiosk's search box and section tree grow with its article text, as on a desktop."""
    desktop = open_window(parse_article("# Title\n\n## Part\n\nWords.\n"))
    kiosk = open_kiosk(text_size=size)
    factor = size / DESKTOP_BODY_POINTS
    for part in ("section_tree", "filter_edit"):
        shown, normal = getattr(kiosk.main, part).font().pointSizeF(), getattr(desktop, part).font().pointSizeF()
        assert shown == pytest.approx(normal * factor, rel=0.02), part


def test_a_larger_text_step_in_the_kiosk_grows_the_tree_with_the_article(qtbot, open_kiosk):
    main = open_kiosk().main
    body, tree = main.article_view.font().pointSizeF(), main.section_tree.font().pointSizeF()
    wheel(main, 120, Qt.KeyboardModifier.ControlModifier)  # Ctrl+wheel, as a mouse on a kiosk would
    grown = main.article_view.font().pointSizeF() / body
    assert grown > 1
    assert main.section_tree.font().pointSizeF() / tree == pytest.approx(grown, rel=0.05)


def test_on_a_small_touch_screen_the_keyboard_never_covers_the_search_box(qtbot, bundled_article):
    """A 7-inch 800 x 480 screen: the compact style, and the chips make way while typing."""
    from viewer.core.kiosk_config import KioskConfig
    from viewer.ui.kiosk.window import KioskTimes, build_kiosk

    kiosk = build_kiosk(bundled_article, KioskConfig(kiosk=True), [], KioskTimes(60_000, 60_000))
    qtbot.addWidget(kiosk)
    kiosk.resize(800, 480)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    assert kiosk.property("compact") is True
    edit, bar = kiosk.main.filter_edit, kiosk.main.keyword_bar
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert kiosk.keyboard.isVisible() and not bar.isVisible()
    box = edit.rect().translated(edit.mapTo(kiosk, QPoint(0, 0)))
    assert not box.intersects(kiosk.keyboard.geometry())
    assert kiosk.keyboard.geometry().bottom() <= kiosk.main.geometry().bottom()
    qtbot.mouseClick(kiosk.keyboard.keys["Done"], Qt.MouseButton.LeftButton)
    assert bar.isVisible()
    rows = {chip.y() for chip in bar.chips.values()}
    assert all(chip.height() >= TOUCH_PX for chip in bar.chips.values()) and len(rows) <= 3


def test_a_suggested_topic_answers_a_tap_on_a_touch_screen(qtbot, kiosk):
    """The empty state scrolls by finger like the rest, and a tap on a suggested topic still chooses it."""
    from PySide6.QtWidgets import QPushButton

    qtbot.keyClicks(kiosk.main.filter_edit, "zebra giraffe")
    qtbot.keyClick(kiosk.main.filter_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.main.navigation.showing_empty_state)
    chip = next(c for c in kiosk.main.findChildren(QPushButton, "suggestionChip") if c.isVisible() and c.text() == "Ketamine")
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.main.keyword_bar.selected() == ["Ketamine"])
    assert kiosk.main.filter_edit.text() == "" and not kiosk.main.navigation.showing_empty_state


def test_on_a_small_touch_screen_every_chip_stays_in_sight(qtbot, bundled_article):
    """Not one row that scrolls sideways as in a small desktop window: a visitor sees every topic."""
    from viewer.core.kiosk_config import KioskConfig
    from viewer.ui.kiosk.window import KioskTimes, build_kiosk

    kiosk = build_kiosk(bundled_article, KioskConfig(kiosk=True), [], KioskTimes(60_000, 60_000))
    qtbot.addWidget(kiosk)
    kiosk.resize(800, 480)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    bar = kiosk.main.keyword_bar
    assert len(bar.chips) == len(bundled_article.metadata.keywords)
    out_of_sight = [
        name
        for name, chip in bar.chips.items()
        if not kiosk.rect().contains(chip.geometry().translated(chip.parentWidget().mapTo(kiosk, QPoint(0, 0))))
    ]
    assert out_of_sight == []
