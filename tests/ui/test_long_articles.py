"""Long articles appear at once: the first screen first, the rest rendered while the reader looks."""

from tests.ui.helpers import click_row, visible_titles
from viewer.core.article import parse_article
from viewer.ui.main_window import MainWindow


def long_article(parts: int):
    line = "says, in words enough to fill a line or two of the pane."
    body = "\n\n".join(f"## Part {n}\n\nWhat part {n} {line}" for n in range(parts))
    return parse_article(f"# A long article\n\n{body}\n")


def test_the_first_screen_is_shown_before_the_rest_is_rendered(qtbot):
    window = MainWindow(long_article(600))  # not shown yet: nothing renders the rest
    qtbot.addWidget(window)
    text = window.article_view.toPlainText()
    assert "What part 0 says" in text and "What part 599 says" not in text
    assert len(visible_titles(window.section_tree)) == 601  # the tree has every section from the start
    window.show()
    qtbot.waitUntil(lambda: window.search.index_ready, timeout=20_000)
    assert window.article_view.complete
    assert window.article_view.toPlainText().count("What part") == 600


def test_a_section_not_rendered_yet_is_rendered_when_the_reader_asks_for_it(qtbot):
    window = MainWindow(long_article(3000))
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    click_row(qtbot, window.section_tree, "Part 2000")
    assert window.article_view.complete
    assert window.article_view.current_anchor == "part-2000"
    assert window.article_view.section_at_top() == "part-2000"


def test_searching_a_long_article_finds_its_last_section(qtbot):
    window = MainWindow(long_article(600))
    qtbot.addWidget(window)
    window.show()
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, '"part 599 says"')
    qtbot.waitUntil(lambda: window.search.result is not None, timeout=20_000)
    assert window.navigation.status_label.text() == "1 match in 1 section"
    assert window.article_view.current_anchor == "part-599"
