"""Links to a section: "Copy link to this section" gives PATH#anchor, and the viewer opens there."""

from __future__ import annotations

import subprocess
import sys

import pytest

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from tests.ui.desk_helpers import click_entry, current_section, open_active, press, right_click, top_line
from tests.ui.helpers import click_row, find_row
from viewer.core.loader import load_article
from viewer.core.reading_place import start_place
from viewer.core.section_link import split_section_link
from viewer.core.settings import Settings

SIDE_EFFECTS = "b-common-side-effects"


def test_the_tree_context_menu_copies_a_link_to_the_row_right_clicked(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    tree = window.section_tree
    tree.scrollTo(find_row(tree, "B. Common Side Effects"))  # wholly in view, as a reader would have it
    row = tree.visualRect(find_row(tree, "B. Common Side Effects")).center()
    right_click(qtbot, tree.viewport(), row)
    click_entry(qtbot, window.desk.menus.menu, "copyLinkEntry")
    link = QApplication.clipboard().text()
    assert link == f"{bundled_article.path.absolute()}#{SIDE_EFFECTS}"
    assert link in window.statusBar().currentMessage()


def test_the_article_context_menu_copies_a_link_to_the_section_under_the_mouse(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    click_row(qtbot, window.section_tree, "B. Common Side Effects")
    view = window.article_view
    right_click(qtbot, view.viewport(), QPoint(view.viewport().width() // 2, 40))
    menu = window.desk.menus.menu
    assert "Select All" in [action.text().replace("&", "").split("\t")[0] for action in menu.actions()]  # the usual ones stay
    click_entry(qtbot, menu, "copyLinkEntry")
    assert QApplication.clipboard().text().endswith(f"#{SIDE_EFFECTS}")


def test_ctrl_shift_c_copies_the_link_to_the_section_being_read(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    click_row(qtbot, window.section_tree, "A. Infusion Therapy")
    press(qtbot, window, "Ctrl+Shift+C")
    assert QApplication.clipboard().text().endswith("#a-infusion-therapy")


def test_a_copied_link_opens_the_viewer_at_that_section(qtbot, bundled_article, write_article):
    path = write_article(bundled_article.path.read_text(encoding="utf-8"), name="copy of the article.md")
    link = f"{path}#{SIDE_EFFECTS}"
    given, anchor = split_section_link(link)
    window = open_active(qtbot, load_article(given), Settings.load(), start_place(given, anchor, Settings.load()))
    qtbot.waitUntil(lambda: current_section(window) == SIDE_EFFECTS)
    assert top_line(window).startswith("B. Common Side Effects")
    assert window.section_tree.currentIndex().data() == "B. Common Side Effects"


LONG_TITLE = "Part twelve: an extraordinarily long heading that goes on and on, well past eighty characters in all"


@pytest.mark.parametrize(
    "anchor",
    [
        "part-twelve-an-extraordinarily-long-heading-that-goes-on-and-on-well-past-eighty-characters-in-all",
        "part-twelve-an-extraordinarily-long-heading-that-goes-on-and-on-well-past-eighty-characters-in-all".upper(),
    ],
    ids=["whole-slug", "in-capitals"],
)
def test_a_start_anchor_made_from_the_whole_heading_opens_that_section(qtbot, write_article, anchor):
    """An anchor built from the heading as documentation sites build it (GitHub's, never shortened) works too."""
    text = f"# Notes\n\n## First\n\n{'Text. ' * 400}\n\n## {LONG_TITLE}\n\nThe far part.\n\n## Last\n\n{'More. ' * 400}\n"
    path = write_article(text)
    article = load_article(path)
    window = open_active(qtbot, article, Settings.load(), start_place(path, anchor, Settings.load()))
    qtbot.waitUntil(lambda: window.section_tree.currentIndex().data() == LONG_TITLE)
    assert top_line(window).startswith("Part twelve")
    assert "no section" not in window.statusBar().currentMessage()


def test_a_missing_anchor_opens_the_top_and_says_so(qtbot, bundled_article):
    place = start_place(bundled_article.path, "no-such-section", Settings.load())
    window = open_active(qtbot, bundled_article, Settings.load(), place)
    qtbot.waitUntil(lambda: "no-such-section" in window.statusBar().currentMessage())
    assert current_section(window) == bundled_article.sections[0].anchor
    assert top_line(window).strip() and bundled_article.title.startswith(top_line(window).strip())  # its first line


def run_window_process(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "viewer", *arguments, "--quit-after-first-paint"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_path_anchor_and_section_on_the_command_line_open_with_exit_0(bundled_article):
    for arguments in ([f"{bundled_article.path}#{SIDE_EFFECTS}"], ["--section", SIDE_EFFECTS], ["--section", "nothing-like-it"]):
        result = run_window_process(*arguments)
        assert result.returncode == 0, (arguments, result.stderr)
        assert "no such file" not in result.stderr
