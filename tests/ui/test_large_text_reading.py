"""A reader at 200 % text size on a small screen: the hit counter and every section title can be read.

The window is the one the viewer opens on a 1024×600 screen (90 % of it); the reader uses the keyboard only.
Expected sizes come from the text shown and the font it is shown in, never from the code that lays it out.
"""

from __future__ import annotations

import re

import pytest

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import find_row, show_active, visible_titles
from viewer.ui.section_delegate import HITS_ROLE

CTRL = Qt.KeyboardModifier.ControlModifier
SMALL_SCREEN_WINDOW = (round(1024 * 0.9), round(600 * 0.9))  # the first window on a 1024×600 screen
ROW_TEXT_MARGINS = 5  # at either side of a row's text: the style sheet's 2 px of padding and the style's 3 px text margin


def at_text_size(qtbot, window, percent: int) -> None:
    """Press Ctrl++ in the article until the status line says the text is *percent* % large."""
    for _ in range(10):
        if window.statusBar().currentMessage() == f"Text size {percent} %":
            return
        qtbot.keyClick(window.article_view, Qt.Key.Key_Plus, CTRL)
    raise AssertionError(f"never reached {percent} %: {window.statusBar().currentMessage()!r}")


def sized(qtbot, window, width: int, height: int):
    show_active(qtbot, window)
    window.resize(width, height)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (width, height))
    QApplication.processEvents()
    return window


def search(qtbot, window, text: str) -> int:
    """Type *text* in the search box and press Enter; the number of matches the status line reports."""
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, text)
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: re.match(r"\d+ match", window.navigation.status_label.text()) is not None)
    return int(re.match(r"(\d+) match", window.navigation.status_label.text())[1])


def counter_problems(window, room_for: str = "Search, or a") -> list[str]:
    """What keeps the reader from reading the hit counter whole, or leaves the search box no room for *room_for*."""
    counter, box = window.navigation.hit_counter, window.filter_edit
    problems = []
    if not counter.isVisible():
        problems.append("the counter is hidden")
    needed = counter.fontMetrics().horizontalAdvance(counter.text())
    if needed > counter.contentsRect().width():
        problems.append(f"{counter.text()!r} needs {needed} px, has {counter.contentsRect().width()}")
    if counter.geometry().right() > counter.parentWidget().contentsRect().right():
        problems.append("the counter sticks out of the column")
    room = box.fontMetrics().horizontalAdvance(room_for)  # a few words of a search stay visible
    if box.width() < room:
        problems.append(f"the search box is {box.width()} px wide, narrower than {room}")
    return problems


@pytest.fixture
def reader(qtbot, window):
    """The bundled article at 200 %, in the window of a 1024×600 screen."""
    sized(qtbot, window, *SMALL_SCREEN_WINDOW)
    at_text_size(qtbot, window, 200)
    return window


def test_the_hit_counter_is_readable_while_stepping_at_200_percent(qtbot, reader):
    total = search(qtbot, reader, "ketamine")
    assert total >= 12, "enough hits for a two-digit counter"
    for number in range(2, 13):
        qtbot.keyClick(reader.filter_edit, Qt.Key.Key_Return)
        assert counter_problems(reader) == [], number
        assert re.fullmatch(rf"(Hit )?{number}( of |/){total}", reader.navigation.hit_counter.text())
        assert reader.navigation.hit_counter.accessibleName() == f"Hit {number} of {total}"


def test_the_hit_counter_follows_a_text_size_chosen_after_the_search(qtbot, window):
    sized(qtbot, window, *SMALL_SCREEN_WINDOW)
    total = search(qtbot, window, "ketamine")
    for _ in range(3):
        qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
    at_text_size(qtbot, window, 200)
    QApplication.processEvents()
    assert counter_problems(window) == []
    assert window.navigation.hit_counter.accessibleName() == f"Hit 4 of {total}"


def test_a_narrow_window_keeps_the_counter_and_the_search_box_readable(qtbot, window):
    sized(qtbot, window, 640, 480)
    at_text_size(qtbot, window, 200)
    search(qtbot, window, "ketamine")
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
    assert counter_problems(window, room_for="ketamine") == []  # the column is narrow: what was typed stays visible


def wrapped_lines(tree, index: QModelIndex) -> int:
    """How many lines the row's title takes at the width the row gives its text."""
    rect = tree.visualRect(index)
    width = rect.width() - 2 * ROW_TEXT_MARGINS
    badge = index.data(HITS_ROLE)
    if badge:
        width -= tree.fontMetrics().horizontalAdvance(badge) + 14 + 8  # the badge and its gap
    title = index.data(Qt.ItemDataRole.DisplayRole)
    metrics = row_metrics(tree, index)
    drawn = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, title)
    return max(1, round(drawn.height() / metrics.lineSpacing()))


def row_metrics(tree, index: QModelIndex) -> QFontMetrics:
    """The metrics of the font the row is drawn in: the tree's, italic for a row shown as context."""
    font = index.data(Qt.ItemDataRole.FontRole)
    return QFontMetrics(font.resolve(tree.font()) if font is not None else tree.font())


def unreadable_rows(tree) -> list[str]:
    """The rows on screen too short to show their whole title, once the tree has laid them out."""
    QApplication.processEvents()  # the tree lays its rows out again after a change, at the next pass of the event loop
    rows = []
    index = tree.indexAt(tree.viewport().rect().topLeft())
    while index.isValid() and tree.visualRect(index).top() < tree.viewport().height():
        lines = wrapped_lines(tree, index)
        if tree.visualRect(index).height() < lines * row_metrics(tree, index).lineSpacing():
            rows.append(f"{index.data()!r}: {lines} lines in {tree.visualRect(index).height()} px")
        index = tree.indexBelow(index)
    return rows


def test_every_title_in_the_tree_can_be_read_whole_at_200_percent(qtbot, reader):
    tree = reader.section_tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Home)
    assert unreadable_rows(tree) == []
    for _ in visible_titles(tree):  # down the whole tree, as a reader looking for a section
        qtbot.keyClick(tree, Qt.Key.Key_Down)
        current = tree.visualRect(tree.currentIndex())
        assert tree.viewport().rect().contains(current), tree.currentIndex().data()
    assert unreadable_rows(tree) == []  # once the tree has laid out its rows at its new width


def test_the_titles_wrap_again_when_the_tree_narrows(qtbot, reader):
    tree = reader.section_tree
    search(qtbot, reader, "ketamine")  # badges take room from the titles too
    assert unreadable_rows(tree) == []
    sized(qtbot, reader, 700, SMALL_SCREEN_WINDOW[1])
    assert unreadable_rows(tree) == []


def test_a_row_tells_its_whole_title_on_hover(reader):
    tree = reader.section_tree
    for title in visible_titles(tree):
        assert title in find_row(tree, title).data(Qt.ItemDataRole.ToolTipRole)


@pytest.mark.parametrize("word", ["nausea", "monitoring", "infusion"])
def test_the_rows_a_search_keeps_show_their_whole_titles(qtbot, window, word):
    sized(qtbot, window, 1024, 600)
    at_text_size(qtbot, window, 200)
    search(qtbot, window, word)
    assert unreadable_rows(window.section_tree) == []


def line_spans(view) -> list[tuple[str, float, float]]:
    """Every line of text in the article: its words and its top and bottom in the document."""
    document, spans = view.document(), []
    block = document.begin()
    while block.isValid():
        top = document.documentLayout().blockBoundingRect(block).top()
        layout = block.layout()
        for number in range(layout.lineCount() if block.text().strip() else 0):
            line = layout.lineAt(number)
            words = block.text()[line.textStart() : line.textStart() + line.textLength()]
            spans.append((words, top + line.y(), top + line.y() + line.height()))
        block = block.next()
    return spans


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [(Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier)],
)
def test_paging_down_the_article_shows_every_line_whole(qtbot, reader, key, modifiers):
    view = reader.article_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)
    bar, height = view.verticalScrollBar(), view.viewport().height()
    unseen = {(words, top) for words, top, _bottom in line_spans(view)}
    lines = line_spans(view)
    for _ in range(1000):
        unseen -= {(words, top) for words, top, bottom in lines if bar.value() <= top and bottom <= bar.value() + height}
        if bar.value() == bar.maximum():
            break
        qtbot.keyClick(view, key, modifiers)
    assert bar.value() == bar.maximum(), "paging reaches the end"
    assert sorted(unseen, key=lambda line: line[1]) == [], "lines never seen whole"


def test_paging_up_shows_every_line_whole_too(qtbot, reader):
    view = reader.article_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, CTRL)
    bar, height = view.verticalScrollBar(), view.viewport().height()
    lines = line_spans(view)
    unseen = {(words, top) for words, top, _bottom in lines}
    for _ in range(1000):
        unseen -= {(words, top) for words, top, bottom in lines if bar.value() <= top and bottom <= bar.value() + height}
        if bar.value() == 0:
            break
        qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert bar.value() == 0
    assert sorted(unseen, key=lambda line: line[1]) == []


@pytest.mark.parametrize("percent", [100, 200])
def test_paging_to_the_end_makes_the_last_section_current(qtbot, window, percent):
    sized(qtbot, window, *SMALL_SCREEN_WINDOW)
    if percent != 100:
        at_text_size(qtbot, window, percent)
    view, tree, bar = window.article_view, window.section_tree, window.article_view.verticalScrollBar()
    view.setFocus()
    _words, _top, last_bottom = line_spans(view)[-1]
    pages = 0
    while last_bottom > bar.value() + view.viewport().height() and pages < 200:  # until the last line is on screen
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
        pages += 1
    QApplication.processEvents()
    assert pages > 3
    assert tree.currentIndex().data() == visible_titles(tree)[-1]
