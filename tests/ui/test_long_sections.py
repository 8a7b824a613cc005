"""One section of megabytes goes into the pane, and into the search index, a piece at a time."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from tests.ui.test_long_articles import _blocks, loader_on
from viewer.core import html_bounds
from viewer.core.article import parse_article
from viewer.core.render import ArticleRenderer
from viewer.ui.article_view import ArticleView
from viewer.ui.main_window import MainWindow
from viewer.ui.search_indexing import text_pieces

ENDINGS = ["- a list\n- that ends it", "| a | b |\n| - | - |\n| 1 | 2 |", "```\ncode at the end\n```", "> a quote", "*emphasis*"]


def one_long_section(parts: int) -> str:
    blocks = [f"Paragraph {n} says a few words.\n\n{ENDINGS[n % len(ENDINGS)]}" for n in range(parts)]
    return "# One long section\n\n" + "\n\n".join(blocks) + "\n"


def test_a_long_section_added_in_pieces_looks_as_if_shown_at_once(qtbot, monkeypatch):
    monkeypatch.setattr(html_bounds, "PIECE_CHARACTERS", 300)
    article = parse_article(one_long_section(60))
    html = ArticleRenderer().render(article).html
    section = next(ArticleRenderer().section_steps(article))
    assert len(html_bounds.html_pieces(section)) > 10, "the section is cut into many pieces"
    at_once = ArticleView()
    qtbot.addWidget(at_once)
    at_once.set_document(html, (article.sections[0].anchor,), None)
    in_pieces, loader = loader_on(qtbot, article, first_screen_characters=60)
    assert not loader.complete, "the first screen holds the first piece only"
    loader.start()
    qtbot.waitUntil(lambda: loader.complete)
    added, whole = _blocks(in_pieces.document()), _blocks(at_once.document())
    assert [b for b in added if b[0]] == [b for b in whole if b[0]]  # as in test_long_articles: empty blocks after tables
    assert in_pieces.toPlainText() == at_once.toPlainText()


def test_a_word_at_the_end_of_a_long_section_is_found_where_it_stands(qtbot):
    filler = " ".join(f"word{n}" for n in range(40_000))  # 300,000 characters, 40,000 words new to the index
    window = MainWindow(parse_article(f"# Long\n\n{filler}\n\nThe zebrafinch sings at the end.\n"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.indexer.is_ready, timeout=60_000)
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, "zebrafinch")
    qtbot.waitUntil(lambda: window.search.result is not None, timeout=20_000)
    assert window.navigation.status_label.text() == "1 match in 1 section"
    selections = window.article_view.extraSelections()
    [hit] = [QTextCursor(selection.cursor) for selection in selections]
    assert hit.selectedText() == "zebrafinch"
    cursor = QTextCursor(window.article_view.document())
    cursor.setPosition(hit.selectionStart())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "zebrafinch sings at the end."


def test_text_is_cut_for_the_index_between_words_only():
    text = " ".join(f"w{n}" for n in range(5000)) + "\u200b" + "x" * 3000 + " end"
    pieces = list(text_pieces(text, size=700))
    assert "".join(piece for _, piece in pieces) == text
    assert [start for start, _ in pieces] == [sum(len(p) for _, p in pieces[:n]) for n in range(len(pieces))]
    assert all(text[start - 1 : start + 1][:1].isspace() or text[start] in " \u200b" for start, _ in pieces[1:])
    assert len(pieces) > 10
    assert list(text_pieces("")) == [(0, "")], "an empty section is indexed too"
