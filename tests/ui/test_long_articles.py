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


def _blocks(document):
    """What a reader sees of each block: text, heading level, spacing, list, font."""
    found, block = [], document.begin()
    while block.isValid():
        form, fragment = block.blockFormat(), block.begin().fragment()
        font = fragment.charFormat() if fragment.isValid() else None
        found.append(
            (
                block.text(),
                form.headingLevel(),
                round(form.topMargin()),
                round(form.bottomMargin()),
                (form.lineHeight(), form.lineHeightType()),
                block.textList() is not None,
                (font.fontPointSize(), font.fontWeight(), font.fontItalic()) if font else None,
            )
        )
        block = block.next()
    return found


def test_sections_added_later_look_as_if_the_article_were_shown_at_once(qtbot):
    from itertools import islice

    from viewer.core.render import ArticleRenderer, RenderedArticle, document_html
    from viewer.core.resources import ARTICLE_STYLESHEET, read_resource_text
    from viewer.ui.article_view import ArticleView

    endings = ["- a list\n- that ends it", "| a | b |\n| - | - |\n| 1 | 2 |", "```\ncode at the end\n```"]
    endings += ["> a quote", "*emphasis*"]
    parts = [f"{'#' * (2 + n % 3)} Heading {n}\n\nText {n}.\n\n{endings[n % len(endings)]}" for n in range(40)]
    article = parse_article("# Varied\n\nIntroduction.\n\n" + "\n\n".join(parts))
    renderer, stylesheet = ArticleRenderer(), read_resource_text(ARTICLE_STYLESHEET)
    anchors = tuple(section.anchor for section in article.sections)
    at_once, in_steps = ArticleView(), ArticleView()
    qtbot.addWidget(at_once)
    qtbot.addWidget(in_steps)
    at_once.show_article(renderer.render(article), None, stylesheet)
    sections = renderer.section_html(article)
    in_steps.show_article(RenderedArticle(document_html(islice(sections, 3)), anchors), None, stylesheet, more=sections)
    assert not in_steps.complete
    for _ in in_steps.rendering_steps(sections_per_step=4):
        pass
    assert in_steps.complete
    added, whole = _blocks(in_steps.document()), _blocks(at_once.document())
    assert len(added) == len(whole)
    # Only the empty block Qt keeps after a table may differ where sections were added: its font,
    # which it takes from the heading that follows when the whole article is imported at once.
    assert [b for b in added if b[0]] == [b for b in whole if b[0]]


def test_each_section_rendered_later_is_a_step_of_its_own(qtbot):
    # The background slices check the clock between steps: a slow section must not bring 19 more along.
    from viewer.core.render import RenderedArticle, document_html
    from viewer.ui.article_view import ArticleView

    view = ArticleView()
    qtbot.addWidget(view)
    later = (f"<h2>Part {n}</h2>\n<p>Text {n}.</p>" for n in range(1, 46))
    view.show_article(RenderedArticle(document_html(["<h1>Start</h1>"]), ("start",)), None, "", more=later)
    assert sum(1 for _ in view.rendering_steps(sections_per_step=20)) == 45
    assert view.complete and "Text 45." in view.toPlainText()


def test_a_failure_while_rendering_the_rest_is_shown_in_the_pane_and_reported(qtbot):
    import pytest

    from viewer.core.render import RenderedArticle, document_html
    from viewer.ui.article_view import ArticleView

    def sections():
        yield "<h2>Two</h2>\n<p>Second part.</p>"
        raise ValueError("formatting failed")

    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(RenderedArticle(document_html(["<h1>One</h1>"]), ("one", "two", "three")), None, "", more=sections())
    with pytest.raises(ValueError):
        view.finish_rendering()
    for _ in view.rendering_steps():  # as the background slices carry on: what was rendered goes in, with a note
        pass
    assert view.complete
    assert "Second part." in view.toPlainText() and "could not be shown" in view.toPlainText()


def test_an_article_that_fits_its_first_screen_is_complete_at_once(qtbot, bundled_article):
    window = MainWindow(bundled_article)
    qtbot.addWidget(window)
    assert window.article_view.complete
