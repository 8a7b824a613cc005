"""The six inputs that froze the window for tens of seconds open like any article (figures: benchmarks/freezing_inputs.py)."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt

from benchmarks.freezing_inputs import FREEZING_INPUTS
from tests.core.test_bounds import FREEZING_NOTES
from tests.ui.helpers import visible_titles
from viewer.core.loader import load_article

LAST_WORDS = {  # the text the input ends with, as the reader should find it at the end of the pane
    "nested-list-items": "</li></ul>",
    "nested-blockquotes": "</blockquote>",
    "nested-divs": "</div>",
    "brackets": "[[[[",
    "long-word": "aaaa",
    "link-references": "https://example.org/99999",
}


@pytest.mark.parametrize("name", FREEZING_INPUTS)
def test_a_freezing_input_opens_with_a_note_and_all_its_text(qtbot, open_window, write_article, name):
    window = open_window(load_article(write_article(FREEZING_INPUTS[name](), f"{name}.md")))
    qtbot.waitUntil(lambda: window.article_view.has_painted)
    qtbot.waitUntil(lambda: window.indexer.is_ready and window.loader.complete, timeout=60_000)
    text = window.article_view.toPlainText().replace("\u200b", "")
    assert f"{FREEZING_NOTES[name]}; it is shown as plain text." in text
    assert text.rstrip().endswith(LAST_WORDS[name]), "nothing is lost: the end of the input is in the pane"
    assert visible_titles(window.section_tree) == [window.article.sections[0].title]
    qtbot.keyClick(window.article_view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert window.article_view.verticalScrollBar().value() == window.article_view.verticalScrollBar().maximum() > 0
