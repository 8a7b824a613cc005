"""Tree and pane move together: click or arrow onto a section, scroll the text, never a fight."""

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import click_row, show_active, visible_titles
from viewer.ui.section_model import ANCHOR_ROLE


def pane_top(window) -> int:
    return window.article_view.verticalScrollBar().value()


def heading_top(window, anchor) -> int:
    return round(window.article_view.headings.top(anchor))


def current_title(window) -> str:
    return window.section_tree.currentIndex().data()


def test_window_shows_the_article_title_the_full_tree_and_the_notice(window, bundled_article):
    assert window.windowTitle().startswith("Ketamine for Treatment-Resistant Depression")
    assert visible_titles(window.section_tree) == [s.title for s in bundled_article.sections]
    assert current_title(window) == "Ketamine for Treatment-Resistant Depression"
    assert "not medical advice" in window.article_view.toPlainText()
    assert pane_top(window) == 0


def test_clicking_a_section_brings_its_heading_to_the_top(qtbot, window):
    index = click_row(qtbot, window.section_tree, "B. High Response Rate")
    anchor = index.data(ANCHOR_ROLE)
    qtbot.waitUntil(lambda: pane_top(window) == heading_top(window, anchor))
    assert current_title(window) == "B. High Response Rate"


def test_arrow_keys_in_the_tree_scroll_the_pane(qtbot, window):
    click_row(qtbot, window.section_tree, "A. Definition of Ketamine")
    qtbot.keyClick(window.section_tree, Qt.Key.Key_Down)
    assert current_title(window) == "B. What is Treatment-Resistant Depression?"
    anchor = window.section_tree.currentIndex().data(ANCHOR_ROLE)
    qtbot.waitUntil(lambda: pane_top(window) == heading_top(window, anchor))


def test_scrolling_the_pane_moves_the_tree_along(qtbot, window):
    view = window.article_view
    target = heading_top(window, "c-safety-profile")
    view.verticalScrollBar().setValue(target + 10)
    qtbot.waitUntil(lambda: current_title(window) == "C. Safety Profile")
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert pane_top(window) > target
    assert current_title(window) != "C. Safety Profile"
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: current_title(window) == "Ketamine for Treatment-Resistant Depression")


def test_a_section_near_the_end_stays_current_even_though_it_cannot_reach_the_top(qtbot, window):
    click_row(qtbot, window.section_tree, "V. Conclusion")
    view = window.article_view
    qtbot.waitUntil(lambda: pane_top(window) == view.verticalScrollBar().maximum())
    assert current_title(window) == "V. Conclusion", "the pane must not pull the tree back"
    click_row(qtbot, window.section_tree, "C. Risks and Long-Term Effects")
    assert current_title(window) == "C. Risks and Long-Term Effects"


def test_following_the_pane_does_not_scroll_it_back(qtbot, window):
    view = window.article_view
    target = heading_top(window, "a-infusion-therapy") + 25
    view.verticalScrollBar().setValue(target)
    qtbot.waitUntil(lambda: current_title(window) == "A. Infusion Therapy")
    assert pane_top(window) == target, "the tree following must not snap the pane to the heading"


def test_the_window_tells_when_the_section_being_read_changes(qtbot, window):
    seen = []
    window.sectionChanged.connect(seen.append)
    view = window.article_view
    view.verticalScrollBar().setValue(heading_top(window, "c-safety-profile") + 10)
    qtbot.waitUntil(lambda: seen[-1:] == ["c-safety-profile"])
    click_row(qtbot, window.section_tree, "V. Conclusion")
    assert seen[-1] == "v-conclusion"
    assert len(seen) == len(set(seen)), "each change is told once"


def test_a_restricted_window_keeps_only_the_commands_it_allows(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from viewer.ui.window_actions import keep_only

    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: asked.append(a) or ("", ""))
    keep_only(window, window.actions, {"zoom_in", "zoom_out", "zoom_reset", "find"})
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert asked == [], "Open… is gone, its shortcut too"
    menus = {a.text(): a.isVisible() for a in window.menuBar().actions()}
    assert menus == {"&File": False, "&Go": False, "&Bookmarks": False, "&Search": True, "&View": True, "&Help": False}
    normal = window.article_view.font().pointSizeF()
    qtbot.keyClick(window.article_view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.article_view.font().pointSizeF() > normal, "an allowed command still works"


def test_scrolling_to_the_very_end_makes_the_last_section_current(qtbot, window, bundled_article):
    # At the end several short sections share the screen; none can reach the top, the last one is read.
    view = window.article_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert pane_top(window) == view.verticalScrollBar().maximum() > 0
    qtbot.waitUntil(lambda: current_title(window) == bundled_article.sections[-1].title)
    qtbot.keyClick(view, Qt.Key.Key_Up)  # one line back up: the section at the top is read again
    qtbot.waitUntil(lambda: current_title(window) != bundled_article.sections[-1].title)


def test_down_from_the_empty_search_box_goes_into_the_tree_and_up_comes_back(qtbot, window, bundled_article):
    show_active(qtbot, window)
    window.filter_edit.setFocus()
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Down)  # no search: the tree, at the section being read
    assert window.section_tree.hasFocus()
    assert current_title(window) == bundled_article.sections[0].title
    qtbot.keyClick(window.section_tree, Qt.Key.Key_Down)
    assert current_title(window) == bundled_article.sections[1].title
    qtbot.keyClick(window.section_tree, Qt.Key.Key_Up)
    qtbot.keyClick(window.section_tree, Qt.Key.Key_Up)  # on the first row: back to where the keys came from
    assert window.filter_edit.hasFocus()


def test_in_a_short_article_a_clicked_section_stays_chosen_and_the_pane_stops_at_its_end(qtbot, write_article):
    from tests.ui.desk_helpers import open_active
    from viewer.core.loader import load_article

    window = open_active(qtbot, load_article(write_article("# Short\n\nIntro.\n\n## Alpha\n\nOne.\n\n## Beta\n\nTwo.\n")))
    bar = window.article_view.verticalScrollBar()
    end = bar.maximum()  # the whole article fits, or nearly: it can scroll this far and no further
    click_row(qtbot, window.section_tree, "Beta")
    QApplication.processEvents()
    assert current_title(window) == "Beta"
    assert bar.maximum() == end and bar.value() <= end
    qtbot.keyClick(window.section_tree, Qt.Key.Key_Up)
    assert current_title(window) == "Alpha"


def test_clicking_a_row_cut_off_at_the_bottom_of_the_tree_chooses_that_row(qtbot, window):
    show_active(qtbot, window)
    tree = window.section_tree
    height = tree.viewport().height()
    index = tree.model().index(0, 0)
    while index.isValid() and tree.visualRect(index).bottom() < height:
        index = tree.indexBelow(index)
    assert index.isValid() and tree.visualRect(index).top() < height - 4, "a row the bottom edge cuts"
    title = index.data()
    where = QPoint(tree.visualRect(index).left() + 40, height - 2)  # its visible part's lower edge
    qtbot.mousePress(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    QApplication.processEvents()  # a real click: the press is handled before the release comes
    # and a window system reports the pointer where it is over the moved rows (X does, after a scroll)
    QApplication.sendEvent(
        tree.viewport(),
        QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(where),
            QPointF(tree.viewport().mapToGlobal(where)),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    qtbot.mouseRelease(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    QApplication.processEvents()
    assert current_title(window) == title
    assert [i.data() for i in tree.selectionModel().selectedIndexes()] == [title]
