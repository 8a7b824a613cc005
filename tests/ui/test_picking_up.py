"""Picking up where you left off: the next start opens the same article, section and line."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from tests.ui.desk_helpers import current_section, open_active, top_line
from tests.ui.helpers import click_row
from viewer.core.loader import load_article
from viewer.core.reading_place import start_place
from viewer.core.resources import DEFAULT_ARTICLE, resource_path
from viewer.core.settings import Settings, settings_path


def start(qtbot, given=None, anchor=None):
    """The window as a real start makes it: settings from the file, the article the command line or last run names."""
    settings = Settings.load()
    place = start_place(given, anchor, settings)
    article = load_article(place.path or resource_path(DEFAULT_ARTICLE))
    return open_active(qtbot, article, settings, place)


def test_the_next_start_opens_at_the_same_section_and_line(qtbot):
    first = start(qtbot)
    click_row(qtbot, first.section_tree, "C. Ketamine’s Mechanism of Action")
    first.article_view.setFocus()
    for _ in range(3):
        qtbot.keyClick(first.article_view, Qt.Key.Key_Down)
    reading, section = top_line(first), current_section(first)
    assert reading and not reading.startswith("C. Ketamine")  # inside the section, not at its heading
    first.close()
    second = start(qtbot)
    qtbot.waitUntil(lambda: top_line(second) == reading)
    assert current_section(second) == section
    assert second.section_tree.currentIndex().data() == "C. Ketamine’s Mechanism of Action"


def test_the_place_is_found_by_text_even_in_a_window_of_another_width(qtbot):
    first = start(qtbot)
    click_row(qtbot, first.section_tree, "B. Common Side Effects")
    first.close()
    settings = Settings.load()
    place = start_place(None, None, settings)
    second = open_active(qtbot, load_article(resource_path(DEFAULT_ARTICLE)), settings, place, size=(700, 500))
    qtbot.waitUntil(lambda: top_line(second).startswith("B. Common Side Effects"))


def test_another_article_is_reopened_and_a_path_given_wins(qtbot, write_article):
    path = write_article("# Notes\n\n## First\n\nOne.\n\n## Second\n\n" + "Two.\n\n" * 80)
    first = start(qtbot, given=path)
    click_row(qtbot, first.section_tree, "Second")
    first.close()
    second = start(qtbot)
    assert second.article.title == "Notes"
    qtbot.waitUntil(lambda: current_section(second) == "second")
    second.close()
    third = start(qtbot, given=resource_path(DEFAULT_ARTICLE))
    assert third.article.title.startswith("Ketamine") and current_section(third) == third.article.sections[0].anchor


def test_a_last_article_that_is_gone_falls_back_to_the_bundled_one_with_a_note(qtbot, write_article):
    path = write_article("# Notes\n\nText.\n")
    start(qtbot, given=path).close()
    path.unlink()
    window = start(qtbot)
    assert window.article.title.startswith("Ketamine")
    qtbot.waitUntil(lambda: str(path) in window.statusBar().currentMessage())
    assert "bundled" in window.statusBar().currentMessage()


def test_the_place_is_kept_a_few_seconds_after_the_reader_stops_without_closing(qtbot):
    window = start(qtbot)
    click_row(qtbot, window.section_tree, "A. Infusion Therapy")
    qtbot.waitUntil(lambda: settings_path().is_file() and "a-infusion-therapy" in settings_path().read_text(), timeout=8000)
    assert json.loads(settings_path().read_text())["last_section"] == "a-infusion-therapy"
