"""Back and forward through the places visited: tree clicks, links in the article, search steps, other articles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from tests.ui.desk_helpers import current_section, open_active, press, top_line
from tests.ui.helpers import click_link, click_row
from viewer.core.article import parse_article
from viewer.core.loader import load_article

SIDE_EFFECTS, INFUSION, TOP = "b-common-side-effects", "a-infusion-therapy", "ketamine-for-treatment-resistant-depression"


def test_alt_left_and_alt_right_go_back_and_forward_through_tree_clicks(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    assert not window.actions["back"].isEnabled()
    click_row(qtbot, window.section_tree, "B. Common Side Effects")
    click_row(qtbot, window.section_tree, "A. Infusion Therapy")
    assert current_section(window) == INFUSION
    press(qtbot, window, "Alt+Left")
    qtbot.waitUntil(lambda: current_section(window) == SIDE_EFFECTS)
    assert top_line(window).startswith("B. Common Side Effects")
    press(qtbot, window, "Alt+Left")
    qtbot.waitUntil(lambda: current_section(window) == TOP)
    assert not window.actions["back"].isEnabled() and window.actions["forward"].isEnabled()
    press(qtbot, window, "Alt+Right")
    qtbot.waitUntil(lambda: current_section(window) == SIDE_EFFECTS)
    assert window.section_tree.currentIndex().data() == "B. Common Side Effects"  # the tree follows


def test_back_returns_to_the_very_line_the_reader_had_scrolled_to(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    click_row(qtbot, window.section_tree, "I. Introduction")
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_PageDown)
    reading = top_line(window)
    assert reading and not reading.startswith("I. Introduction")
    click_row(qtbot, window.section_tree, "V. Conclusion")
    [back_button] = [b for b in window.findChildren(QToolButton) if b.defaultAction() is window.actions["back"]]
    qtbot.mouseClick(back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: top_line(window) == reading)


def test_the_mouse_back_and_forward_buttons(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    click_row(qtbot, window.section_tree, "B. Common Side Effects")
    qtbot.mouseClick(window.article_view.viewport(), Qt.MouseButton.BackButton)
    qtbot.waitUntil(lambda: current_section(window) == TOP)
    qtbot.mouseClick(window.section_tree.viewport(), Qt.MouseButton.ForwardButton)
    qtbot.waitUntil(lambda: current_section(window) == SIDE_EFFECTS)


def test_links_inside_the_article_are_steps_back_can_undo(qtbot, write_article):
    filler = "\n\n".join(["Filler text to scroll past."] * 60)
    path = write_article(
        f"# Guide\n\nSee [the dosing part](#dosing).\n\n## Background\n\n{filler}\n\n## Dosing\n\nStart low.\n\n{filler}\n"
    )
    window = open_active(qtbot, load_article(path))
    click_link(qtbot, window.article_view, "#dosing")
    qtbot.waitUntil(lambda: current_section(window) == "dosing")
    press(qtbot, window, "Alt+Left")
    qtbot.waitUntil(lambda: current_section(window) == "guide")
    assert "See the dosing part." in window.article_view.toPlainText()[:200]
    assert top_line(window).startswith("Guide")


def test_back_after_a_search_returns_to_where_the_reader_was_before_it(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    click_row(qtbot, window.section_tree, "V. Conclusion")
    reading = top_line(window)
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, "nasal spray")
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: current_section(window) == "b-intranasal-administration")
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_F3)  # more steps of the same search
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_F3)
    window.article_view.setFocus()
    press(qtbot, window, "Alt+Left")
    qtbot.waitUntil(lambda: current_section(window) == "v-conclusion")
    assert top_line(window) == reading
    press(qtbot, window, "Alt+Left")  # and before that, the top, where the window opened
    qtbot.waitUntil(lambda: current_section(window) == TOP)


def test_backspace_in_the_search_box_edits_it_and_does_not_go_back(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    click_row(qtbot, window.section_tree, "B. Common Side Effects")
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, "nause")
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Backspace)
    assert window.filter_edit.text() == "naus"
    assert current_section(window) == SIDE_EFFECTS


def test_back_returns_to_the_article_read_before_another_was_opened(qtbot, bundled_article, write_article):
    window = open_active(qtbot, bundled_article)
    click_row(qtbot, window.section_tree, "B. Common Side Effects")
    other = write_article("# Other notes\n\n## Dosing\n\nStart low.\n")
    assert window.open_article_file(other)
    assert window.article.title == "Other notes"
    press(qtbot, window, "Alt+Left")
    qtbot.waitUntil(lambda: window.article.title == bundled_article.title and current_section(window) == SIDE_EFFECTS)
    press(qtbot, window, "Alt+Right")
    qtbot.waitUntil(lambda: window.article.title == "Other notes")


def test_going_back_to_an_article_that_is_gone_says_so_and_stays(qtbot, write_article, modal_messages):
    from PySide6.QtWidgets import QMessageBox

    first = write_article("# First\n\n## Part\n\nText.\n", name="first.md")
    window = open_active(qtbot, load_article(first))
    second = write_article("# Second\n\nText.\n", name="second.md")
    assert window.open_article_file(second)
    first.unlink()
    press(qtbot, window, "Alt+Left")
    warnings = modal_messages.texts(QMessageBox.Icon.Warning)
    assert warnings and str(first) in warnings[0]
    assert window.article.title == "Second"
    assert window.actions["back"].isEnabled()  # the place is kept: the file may come back


def test_an_article_without_a_file_still_has_history(qtbot):
    window = open_active(qtbot, parse_article("# A\n\n## B\n\nText.\n\n## C\n\nMore.\n"))
    click_row(qtbot, window.section_tree, "C")
    press(qtbot, window, "Alt+Left")
    qtbot.waitUntil(lambda: current_section(window) == "a")


def test_back_into_a_long_article_waits_for_its_section_and_lands_on_the_same_line(qtbot, write_article):
    line = "says, in words enough to fill a line or two of the pane, and then some more words."
    body = "\n\n".join(f"## Part {n}\n\nWhat part {n} {line}\n\nMore of part {n} {line}" for n in range(400))
    long_path = write_article(f"# A long article\n\n{body}\n", name="long.md")
    window = open_active(qtbot, load_article(long_path))
    click_row(qtbot, window.section_tree, "Part 300")
    qtbot.waitUntil(lambda: current_section(window) == "part-300", timeout=20_000)
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_Down)
    qtbot.keyClick(window.article_view, Qt.Key.Key_Down)
    reading = top_line(window)
    assert window.open_article_file(write_article("# Short\n\nText.\n", name="short.md"))
    press(qtbot, window, "Alt+Left")  # the long article opens again with its first screen only
    qtbot.waitUntil(lambda: top_line(window) == reading, timeout=20_000)
    assert current_section(window) == "part-300"


def test_one_back_undoes_a_link_to_a_section_of_another_article(qtbot, write_article):
    """Opening the article and going to the section the link names is one step, as in a browser."""
    write_article("# Dosing\n\n## Tablets\n\n" + "Swallow whole.\n\n" * 60 + "## Nasal spray\n\nOne puff.\n", "dosing.md")
    start = write_article("# Index\n\n## Where to read\n\nSee [nasal spray](dosing.md#nasal-spray).\n", "index.md")
    window = open_active(qtbot, load_article(start))
    reading_before = current_section(window)
    click_link(qtbot, window.article_view, "dosing.md#nasal-spray")
    qtbot.waitUntil(lambda: window.article.title == "Dosing" and current_section(window) == "nasal-spray")
    press(qtbot, window, "Alt+Left")
    qtbot.waitUntil(lambda: window.article.title == "Index")
    assert current_section(window) == reading_before
    press(qtbot, window, "Alt+Right")
    qtbot.waitUntil(lambda: window.article.title == "Dosing" and current_section(window) == "nasal-spray")
