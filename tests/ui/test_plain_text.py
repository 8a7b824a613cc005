"""viewer.ui.plain_text: a widget shows a string from an article exactly as written, never as rich text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QMainWindow, QMessageBox, QPushButton, QToolTip

from viewer.ui import plain_text

HOSTILE = '<img src="/dev/zero" width="400"> & <b>bold</b> &amp; [*] \\n'


def shown_as_rich_text(markup: str) -> str:
    """What Qt shows for *markup* taken as rich text (as a tooltip takes it), as plain text."""
    document = QTextDocument()
    document.setHtml(markup)
    return document.toPlainText()


# Controls are dropped on purpose; a no-break space Qt reports as a space, line and paragraph separators as breaks.
SHOWN_AS_THEY_ARE = st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"], exclude_characters="\xa0", include_characters="\n")


@settings(max_examples=300, deadline=None)
@given(st.text(SHOWN_AS_THEY_ARE, max_size=200))
def test_a_tooltip_shows_its_text_exactly_whatever_it_holds(qapp, text):
    markup = plain_text.tooltip(text)
    assert shown_as_rich_text(markup) == text.strip()
    assert plain_text.is_tooltip_markup(markup) or not text.strip()


def test_a_tooltip_of_markup_shows_the_markup_as_text(qapp):
    markup = plain_text.tooltip(HOSTILE)
    assert "<img" not in markup and "<b>" not in markup
    assert shown_as_rich_text(markup) == HOSTILE


def test_a_tooltip_keeps_line_breaks_and_runs_of_spaces(qapp):
    assert shown_as_rich_text(plain_text.tooltip("Title\n  indented   text")) == "Title\n  indented   text"


def test_a_tooltip_is_bounded():
    markup = plain_text.tooltip("x" * 1_000_000)
    assert len(markup) < plain_text.TOOLTIP_CHARACTERS + 100
    assert markup.endswith("…</p>")


def test_only_what_tooltip_makes_counts_as_its_markup():
    assert plain_text.is_tooltip_markup(plain_text.tooltip("<b>x</b>"))
    assert not plain_text.is_tooltip_markup('<p style="white-space:pre-wrap"><img src="x"></p>')
    assert not plain_text.is_tooltip_markup("<b>x</b>")
    assert plain_text.tooltip("") == ""


def test_a_label_shows_markup_as_text(qtbot):
    label = plain_text.label(HOSTILE, objectName="someLabel", wordWrap=True)
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == HOSTILE
    assert label.objectName() == "someLabel" and label.wordWrap()
    label.setText("<img src='/dev/zero'>")
    assert label.textFormat() == Qt.TextFormat.PlainText, "and whatever it is given later"


def test_a_message_shows_its_text_and_title_as_written(qtbot):
    box = plain_text.message(QMessageBox.Icon.Warning, "Title [*] <b>x</b>", f"{HOSTILE}\n\nmore")
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == f"{HOSTILE}\n\nmore"
    box.setInformativeText("<img src='/dev/zero'>")
    box.show()
    assert box.windowHandle().title() == "Title [*] <b>x</b>"


def test_ask_answers_yes_only_when_yes_is_pressed(qtbot, modal_messages):
    assert plain_text.ask(None, "Question", HOSTILE) is False
    modal_messages.answer = QMessageBox.StandardButton.Yes
    assert plain_text.ask(None, "Question", HOSTILE) is True
    assert modal_messages.texts(QMessageBox.Icon.Question) == [HOSTILE, HOSTILE]


def test_one_line_is_one_bounded_line_without_control_characters():
    assert plain_text.one_line("a\nb\r\n c\td\x1b[2J") == "a b c d[2J"
    assert len(plain_text.one_line("x" * 10_000)) == plain_text.LINE_CHARACTERS
    assert len(plain_text.one_line("x" * 10_000, 20)) == 20


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.integers(min_value=2, max_value=250))
def test_one_line_keeps_a_short_printable_line_and_breaks_no_other(text, limit):
    line = plain_text.one_line(text, limit)
    assert len(line) <= limit
    assert not any(c in line for c in "\n\r\t\u2028\u2029") and not any(ord(c) < 32 or ord(c) == 127 for c in line)
    if len(text) <= limit and text.isprintable():
        assert line == text


def test_a_window_title_shows_the_unsaved_changes_mark_as_written(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setWindowTitle(plain_text.window_title("Notes [*] on TRD"))
    window.show()
    assert window.windowHandle().title() == "Notes [*] on TRD"


def test_a_button_shows_an_ampersand_and_gets_no_shortcut_from_it(qtbot):
    button = QPushButton(plain_text.action_text("R&D"))
    qtbot.addWidget(button)
    assert button.text() == "R&&D" and button.shortcut().isEmpty()


def test_show_tooltip_shows_the_text_as_written(qtbot):
    anchor = QPushButton("anchor")
    qtbot.addWidget(anchor)
    anchor.show()
    plain_text.show_tooltip(anchor.mapToGlobal(QPoint(5, 5)), HOSTILE, anchor)
    assert QToolTip.isVisible() and GuiQt.mightBeRichText(QToolTip.text())
    assert shown_as_rich_text(QToolTip.text()) == HOSTILE
    QToolTip.hideText()
