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
    qtbot.waitUntil(lambda: window.indexer.is_ready, timeout=20_000)
    assert window.loader.complete
    assert window.article_view.toPlainText().count("What part") == 600


def test_a_section_not_rendered_yet_is_rendered_when_the_reader_asks_for_it(qtbot):
    window = MainWindow(long_article(3000))
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    click_row(qtbot, window.section_tree, "Part 2000")
    qtbot.waitUntil(lambda: window.article_view.reading.current_anchor == "part-2000", timeout=20_000)
    assert "What part 2000 says" in window.article_view.toPlainText()
    assert window.article_view.reading.section_at_top() == "part-2000"
    assert window.section_tree.currentIndex().data() == "Part 2000"


def test_searching_a_long_article_finds_its_last_section(qtbot):
    window = MainWindow(long_article(600))
    qtbot.addWidget(window)
    window.show()
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, '"part 599 says"')
    qtbot.waitUntil(lambda: window.search.result is not None, timeout=20_000)
    assert window.navigation.status_label.text() == "1 match in 1 section"
    assert window.article_view.reading.current_anchor == "part-599"


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


def loader_on(qtbot, article, first_screen_characters):
    """A pane and its loader, the first screen this many characters of Markdown."""
    from viewer.ui.article_view import ArticleView
    from viewer.ui.progressive_loader import ProgressiveLoader

    view = ArticleView()
    qtbot.addWidget(view)
    loader = ProgressiveLoader(view, view)
    loader.first_screen_characters = first_screen_characters
    loader.load(article)
    return view, loader


def test_sections_added_later_look_as_if_the_article_were_shown_at_once(qtbot, monkeypatch):
    from viewer.core.render import ArticleRenderer
    from viewer.ui import progressive_loader
    from viewer.ui.article_view import ArticleView

    monkeypatch.setattr(progressive_loader, "SECTIONS_PER_APPEND", 4)
    endings = ["- a list\n- that ends it", "| a | b |\n| - | - |\n| 1 | 2 |", "```\ncode at the end\n```"]
    endings += ["> a quote", "*emphasis*"]
    parts = [f"{'#' * (2 + n % 3)} Heading {n}\n\nText {n}.\n\n{endings[n % len(endings)]}" for n in range(40)]
    article = parse_article("# Varied\n\nIntroduction.\n\n" + "\n\n".join(parts))
    anchors = tuple(section.anchor for section in article.sections)
    at_once = ArticleView()
    qtbot.addWidget(at_once)
    at_once.set_document(ArticleRenderer().render(article).html, anchors, None)
    in_steps, loader = loader_on(qtbot, article, first_screen_characters=60)
    assert not loader.complete
    loader.start()
    qtbot.waitUntil(lambda: loader.complete)
    added, whole = _blocks(in_steps.document()), _blocks(at_once.document())
    assert len(added) == len(whole)
    # Only the empty block Qt keeps after a table may differ where sections were added: its font,
    # which it takes from the heading that follows when the whole article is imported at once.
    assert [b for b in added if b[0]] == [b for b in whole if b[0]]
    assert len(in_steps.headings) == len(article.sections)


def test_each_section_rendered_later_is_a_step_of_its_own(qtbot):
    # The background slices check the clock between steps: a slow section must not bring others along.
    article = parse_article("# Start\n\n" + "\n\n".join(f"## Part {n}\n\nText {n}." for n in range(1, 46)))
    view, loader = loader_on(qtbot, article, first_screen_characters=1)
    rendered = []
    for state in loader._work:
        rendered.append(len(view.headings) + len(loader._rendered))
        if rendered[-1] == len(article.sections):
            break
        assert state is None
    assert rendered == list(range(2, 47)), "one more section each step"


def test_a_failure_while_rendering_the_rest_is_shown_in_the_pane_and_reported(qtbot, monkeypatch):
    from viewer.core.render import ArticleRenderer

    real_steps = ArticleRenderer.section_steps

    def failing_steps(self, article):
        steps = real_steps(self, article)
        yield next(steps)
        yield next(steps)
        raise ValueError("formatting failed")

    monkeypatch.setattr(ArticleRenderer, "section_steps", failing_steps)
    view, loader = loader_on(qtbot, parse_article("# One\n\nFirst.\n\n## Two\n\nSecond part.\n\n## Three\n\nThird."), 1)
    with qtbot.captureExceptions() as exceptions, qtbot.waitSignal(loader.completed):
        loader.start()
    assert [kind for kind, _, _ in exceptions] == [ValueError]
    assert loader.complete
    assert "Second part." in view.toPlainText() and "could not be shown" in view.toPlainText()
    assert "Third." not in view.toPlainText()


def test_an_article_that_fits_its_first_screen_is_complete_at_once(qtbot, bundled_article):
    window = MainWindow(bundled_article)
    qtbot.addWidget(window)
    assert window.loader.complete


def test_an_article_whose_first_section_is_costly_appears_without_a_paint_first(qtbot):
    # Nothing to paint until the worker answers: the loader must not wait for a first paint.
    article = parse_article("# Costly\n\n" + "[" * 7000 + "\n\n## Next\n\nPlain text.\n")
    window = MainWindow(article)  # never shown
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.loader.complete, timeout=20_000)
    assert "Plain text." in window.article_view.toPlainText()
