"""Hit counts and stepping agree with what is marked: each marked span counts once and is stepped on once.

The expected counts come from the text the pane shows, found with a regular expression written here,
never from the search index under test.
"""

from __future__ import annotations

import re

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tests.ui.helpers import section_texts


def expected_hits(window, pattern: str) -> dict[str, int]:
    """Title -> how many times *pattern* occurs in that section's text, for the sections where it does."""
    found = {title: len(re.findall(pattern, text, re.IGNORECASE)) for title, text in section_texts(window).items()}
    return {title: count for title, count in found.items() if count}


def current_hit(window) -> tuple[int, str]:
    """(document position, text) of the hit marked as current."""
    current = QColor(window.appearance.theme.colours["current_hit_bg"])
    [selection] = [s for s in window.article_view.extraSelections() if s.format.background().color() == current]
    return selection.cursor.selectionStart(), selection.cursor.selectedText()


def search_for(qtbot, window, text: str) -> None:
    qtbot.waitUntil(lambda: window.indexer.is_ready)
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, text)
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)  # applies at once, on the first hit
    qtbot.waitUntil(lambda: window.navigation.status_label.text() != "")


@pytest.mark.parametrize(
    ("typed", "pattern"),
    [
        ("bladder bladder", r"\bbladder\b"),
        ("nasal spray intranasal", r"\bnasal spray\b|\bintranasal\b"),
        ("infusion infusions", r"\binfusions?\b"),
        ("ketamine", r"\bketamine\b"),
    ],
)
def test_counts_and_steps_are_the_distinct_marked_spans(qtbot, window, typed, pattern):
    hits = expected_hits(window, pattern)
    total = sum(hits.values())
    search_for(qtbot, window, typed)
    matches = "match" if total == 1 else "matches"
    sections = "section" if len(hits) == 1 else "sections"
    assert window.navigation.status_label.text() == f"{total} {matches} in {len(hits)} {sections}"
    visited = [current_hit(window)]
    for _ in range(total):
        qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
        visited.append(current_hit(window))
    assert len(set(visited[:total])) == total, "each marked hit is stepped on once"
    assert visited[total] == visited[0], "after the last hit, stepping wraps to the first"
    assert all(re.fullmatch(pattern, text, re.IGNORECASE) for _, text in visited)
