"""Themes as a reader meets them: chosen from the View menu or followed from the system, remembered, and
every text and focus ring drawn with enough contrast — measured on the pixels drawn, not taken from the tables."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QToolButton

from tests.ui.helpers import show_active
from tests.ui.pixels import drawn, text_contrast
from tests.ui.test_restyle import VARIED
from viewer.core.article import parse_article
from viewer.core.contrast import contrast_ratio, relative_luminance
from viewer.core.settings import Settings
from viewer.ui.main_window import MainWindow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
MINIMUM = {"light": 4.5, "dark": 4.5, "high-contrast": 7.0}  # WCAG AA for text; AAA in high contrast
FOCUS_MINIMUM = 3.0
THEMES = list(MINIMUM)


def page_colours(window) -> tuple[str, str]:
    """(background, text) of the article as drawn."""
    _, text, background = text_contrast(drawn(window.article_view.viewport()))
    return background, text


def themed(window, name):
    window.appearance.choose_theme(name)
    QApplication.processEvents()
    return window


def test_the_view_menu_offers_the_themes_one_at_a_time_with_keys(window):
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    [theme_menu] = [a.menu() for a in view_menu.actions() if a.menu() is not None]
    entries = [(a.text().replace("&", ""), a.isCheckable(), a.shortcut().isEmpty()) for a in theme_menu.actions()]
    assert [text for text, _, _ in entries] == ["Automatic (as the system)", "Light", "Dark", "High contrast"]
    assert all(checkable and not no_keys for _, checkable, no_keys in entries)
    assert [a.isChecked() for a in theme_menu.actions()] == [True, False, False, False]


def test_a_theme_chosen_by_its_keys_colours_the_article_and_is_remembered(qtbot, bundled_article):
    window = MainWindow(bundled_article, Settings.load())
    qtbot.addWidget(window)
    show_active(qtbot, window)
    qtbot.keyClick(window.article_view, Qt.Key.Key_D, CTRL_SHIFT)
    background, text = page_colours(window)
    assert relative_luminance(background) < 0.05 and relative_luminance(text) > 0.5, "light text on a dark page"
    assert window.actions["theme_dark"].isChecked()
    window.close()
    again = MainWindow(bundled_article, Settings.load())
    qtbot.addWidget(again)
    show_active(qtbot, again)
    assert page_colours(again) == (background, text)
    qtbot.keyClick(again.article_view, Qt.Key.Key_H, CTRL_SHIFT)
    assert page_colours(again) == ("#000000", "#ffffff")
    qtbot.keyClick(again.article_view, Qt.Key.Key_L, CTRL_SHIFT)
    background, text = page_colours(again)
    assert relative_luminance(background) > 0.9 and relative_luminance(text) < 0.05
    again.close()
    third = MainWindow(bundled_article, Settings.load())  # Light, chosen: the same colours as Automatic here
    qtbot.addWidget(third)
    assert third.actions["theme_light"].isChecked() and not third.actions["theme_automatic"].isChecked()


@pytest.fixture
def system_scheme():
    """Tell the window the system switched colour scheme, as the platform does; back to unknown after."""
    hints = QGuiApplication.styleHints()
    yield hints.colorSchemeChanged.emit
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Unknown)


def test_automatic_follows_the_system_and_a_chosen_theme_does_not(window, system_scheme):
    light = page_colours(window)
    system_scheme(Qt.ColorScheme.Dark)
    assert relative_luminance(page_colours(window)[0]) < 0.05
    assert window.appearance.theme.name == "dark"
    system_scheme(Qt.ColorScheme.Light)
    assert page_colours(window) == light
    window.actions["theme_light"].trigger()
    system_scheme(Qt.ColorScheme.Dark)
    assert page_colours(window) == light, "a theme the reader chose stays"


def fragment_areas(view):
    """(text, area in the viewport) of each run of text in one format that is on screen now."""
    document, top = view.document(), view.verticalScrollBar().value()
    block = document.begin()
    while block.isValid():
        box = document.documentLayout().blockBoundingRect(block)
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            iterator += 1
            if len(fragment.text().strip()) < 3:
                continue
            for number in range(block.layout().lineCount()):
                line = block.layout().lineAt(number)
                start = max(fragment.position(), block.position() + line.textStart())
                end = min(fragment.position() + fragment.length(), block.position() + line.textStart() + line.textLength())
                if end - start < 3:
                    continue
                left, right = (line.cursorToX(p - block.position())[0] for p in (start, end))
                area = QRect(round(box.x() + left), round(box.y() + line.y() - top), round(right - left), round(line.height()))
                if view.viewport().rect().contains(area):
                    yield fragment.text()[:30], area
        block = block.next()


@pytest.mark.parametrize("theme", THEMES)
def test_every_run_of_article_text_is_drawn_with_enough_contrast(qtbot, open_window, theme):
    window = themed(open_window(parse_article(VARIED)), theme)
    view, measured = window.article_view, []
    for top in range(0, view.verticalScrollBar().maximum() + view.viewport().height(), view.viewport().height() // 2):
        view.verticalScrollBar().setValue(top)
        measured += [(text, text_contrast(drawn(view.viewport(), area))) for text, area in fragment_areas(view)]
    assert len({text for text, _ in measured}) >= 12, "headings, summary, notice, link, code, table, quote, list"
    too_low = [(text, round(ratio, 2), fg, bg) for text, (ratio, fg, bg) in measured if ratio < MINIMUM[theme]]
    assert too_low == []


@pytest.mark.parametrize("theme", THEMES)
def test_search_marks_are_readable(qtbot, window, theme):
    themed(window, theme)
    qtbot.waitUntil(lambda: window.indexer.is_ready)
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, "ketamine")
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)  # the second hit is current, the first one not
    view = window.article_view
    kinds = set()
    for selection in view.extraSelections():
        cursor = QTextCursor(selection.cursor)
        start, end = view.cursorRect(_at(cursor, cursor.selectionStart())), view.cursorRect(_at(cursor, cursor.selectionEnd()))
        area = QRect(start.left(), start.top(), end.left() - start.left(), start.height())
        if start.top() == end.top() and view.viewport().rect().contains(area):
            ratio, _, background = text_contrast(drawn(view.viewport(), area))
            kinds.add(background)
            assert ratio >= MINIMUM[theme], (selection.cursor.selectedText(), ratio)
    assert len(kinds) == 2, "a current hit and others, in two colours"


def _at(cursor: QTextCursor, position: int) -> QTextCursor:
    moved = QTextCursor(cursor)
    moved.setPosition(position)
    return moved


@pytest.mark.parametrize("theme", THEMES)
def test_every_text_of_the_window_is_drawn_with_enough_contrast(qtbot, window, theme):
    themed(window, theme)
    qtbot.waitUntil(lambda: window.indexer.is_ready)
    chips = list(window.keyword_bar.chips.values())
    qtbot.mouseClick(chips[1], Qt.MouseButton.LeftButton)  # a chosen chip, a context row, hit badges
    window.statusBar().showMessage("Text size 150 %")
    QApplication.processEvents()
    measured = {f"chip {chip.text()}": drawn(chip) for chip in chips[:3]}
    for widget in [*window.findChildren(QLabel), *window.findChildren(QLineEdit)]:
        if widget.isVisible() and widget.width() > 20:
            measured[f"{type(widget).__name__} {widget.objectName()}"] = drawn(widget)
    measured["menu bar"] = drawn(window.menuBar())
    for button in window.findChildren(QToolButton):
        if button.isVisible() and button.text():
            measured[f"toolbar {button.text()}"] = drawn(button)
    measured["tabs"] = drawn(window.desk.sidebar.tabBar())
    measured["status bar"] = drawn(window.statusBar())
    measured.update(tree_rows(window))
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, "zebrafish")  # found nowhere: the empty state
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
    measured["empty state"] = drawn(window.navigation.empty_label)
    measured["clear button"] = drawn(window.navigation.clear_button)
    window.search.reset()
    measured["placeholder"] = drawn(window.filter_edit)
    results = {name: text_contrast(counted) for name, counted in measured.items()}
    assert {name for name in results if name.startswith("row")} >= {"row context", "row selected", "row badge"}
    assert {name: round(r[0], 2) for name, r in results.items() if r[0] < MINIMUM[theme]} == {}


def tree_rows(window) -> dict:
    """The drawn colours of a context row, the selected row and a hit badge."""
    tree, found = window.section_tree, {}
    model = tree.model()
    index = model.index(0, 0)
    while index.isValid():
        area = tree.visualRect(index)
        if not tree.viewport().rect().contains(area):  # a long title wraps: rows further down are off screen
            index = tree.indexBelow(index)
            continue
        if index.data(Qt.ItemDataRole.UserRole + 10):  # HITS_ROLE: the badge is drawn at the right, in the middle
            line = tree.fontMetrics().height()
            found["row badge"] = drawn(tree.viewport(), QRect(area.right() - 30, area.center().y() - line // 2 + 2, 22, line - 4))
            found["row selected" if tree.currentIndex() == index else "row hit"] = drawn(
                tree.viewport(), area.adjusted(0, 0, -50, 0)
            )
        else:
            found["row context"] = drawn(tree.viewport(), area)
        index = tree.indexBelow(index)
    tree.setCurrentIndex(model.index(0, 0))
    found["row selected"] = drawn(tree.viewport(), tree.visualRect(model.index(0, 0)))
    return found


@pytest.mark.parametrize("theme", THEMES)
def test_the_focus_shows_on_every_control_with_enough_contrast(qtbot, window, theme):
    show_active(qtbot, window)
    themed(window, theme)
    qtbot.waitUntil(lambda: window.indexer.is_ready)
    focus = window.appearance.theme.colours["focus"]
    window_background = drawn(window.centralWidget(), QRect(0, 0, 6, 6)).most_common(1)[0][0]
    chips = list(window.keyword_bar.chips.values())
    chips[2].setChecked(True)
    controls = {"search box": window.filter_edit, "tree": window.section_tree, "article": window.article_view}
    controls |= {"tabs": window.desk.sidebar.tabBar()}
    controls |= {"chip": chips[0], "chosen chip": chips[2]}
    for name, control in controls.items():
        (window.article_view if control is window.filter_edit else window.filter_edit).setFocus()
        QApplication.processEvents()
        assert drawn(control)[focus] == 0, f"{name} shows a focus it does not have"
        control.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        counted = drawn(control)
        assert counted[focus] >= 2 * min(control.width(), control.height()), f"{name} shows no focus ring"
        for neighbour in {window_background, counted.most_common(1)[0][0]}:
            assert contrast_ratio(focus, neighbour) >= FOCUS_MINIMUM, (name, focus, neighbour)
    assert isinstance(chips[2], QPushButton) and chips[2].isChecked()


@pytest.mark.parametrize("theme", THEMES)
def test_answers_suggestions_and_bookmarks_are_drawn_with_enough_contrast(qtbot, window, theme):
    """The parts the question search and the clinician's desk added: the note over a partial answer, rank
    badges, the hit counter, the suggestions when nothing is found, the bookmarks list."""
    themed(window, theme)
    qtbot.waitUntil(lambda: window.indexer.is_ready)
    pane, measured = window.navigation, {}
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, "bladder infusion insurance")  # no section has all three: ranked
    qtbot.waitUntil(lambda: pane.answer_note.isVisible() and pane.hit_counter.isVisible())
    measured["answer note"] = drawn(pane.answer_note)
    measured["hit counter"] = drawn(pane.hit_counter)
    measured.update({name: counted for name, counted in tree_rows(window).items() if name == "row badge"})
    window.search.reset()
    qtbot.keyClicks(window.filter_edit, "zebrafish")  # found nowhere: did you mean, topics
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in pane.findChildren(QPushButton, "suggestionChip")))
    for widget in [*pane.findChildren(QPushButton, "suggestionChip"), *pane.findChildren(QLabel, "suggestionHeading")]:
        if widget.isVisible():
            measured[f"{widget.objectName()} {widget.text()}"] = drawn(widget)
    window.search.reset()
    for section in window.article.sections[0].children[:2]:
        window.desk.shelf.toggle_section(section.anchor)
    window.desk.show_bookmarks()
    bookmarks = window.desk.bookmarks_pane.list
    bookmarks.setCurrentRow(0)
    QApplication.processEvents()
    for row, name in ((0, "bookmark chosen"), (1, "bookmark")):
        measured[name] = drawn(bookmarks.viewport(), bookmarks.visualItemRect(bookmarks.item(row)))
    results = {name: text_contrast(counted) for name, counted in measured.items()}
    assert {"answer note", "hit counter", "row badge", "bookmark", "bookmark chosen"} <= set(results)
    assert any(name.startswith("suggestionChip") for name in results)
    assert {name: round(r[0], 2) for name, r in results.items() if r[0] < MINIMUM[theme]} == {}
