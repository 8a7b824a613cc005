"""Filtering as a user does it: typing, Enter/F3, chips, Esc — checked on the tree and the pane."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from PySide6.QtCore import Qt

from tests.ui.helpers import visible_titles
from viewer.ui.section_delegate import HITS_ROLE
from viewer.ui.section_filter import SectionFilterProxy
from viewer.ui.section_model import QtSectionModel

ROOT = "Ketamine for Treatment-Resistant Depression"


def type_filter(qtbot, window, text):
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, text)
    qtbot.waitUntil(lambda: window.search.result is not None)


def shown(window):
    return visible_titles(window.section_tree)


def badges(window):
    """Title -> hit badge of every visible row (None for context rows)."""
    result = {}
    tree = window.section_tree

    def visit(parent):
        for row in range(tree.model().rowCount(parent)):
            index = tree.model().index(row, 0, parent)
            result[index.data()] = index.data(HITS_ROLE)
            visit(index)

    visit(tree.rootIndex())
    return result


def highlighted(window):
    return [s.cursor.selectedText() for s in window.article_view.extraSelections()]


def status(window):
    return window.navigation.status_label.text()


def test_typing_bladder_shows_its_section_with_ancestors_as_context(qtbot, window):
    type_filter(qtbot, window, "bladder")
    assert shown(window) == [ROOT, "IV. Precautions and Side Effects of Ketamine Treatment", "C. Risks and Long-Term Effects"]
    assert badges(window) == {
        ROOT: None,
        "IV. Precautions and Side Effects of Ketamine Treatment": None,
        "C. Risks and Long-Term Effects": "1",
    }
    assert status(window) == "1 match in 1 section"
    assert highlighted(window) == ["bladder"]
    assert window.section_tree.currentIndex().data() == "C. Risks and Long-Term Effects"


def test_nasal_spray_finds_intranasal_through_the_declared_synonym(qtbot, window):
    type_filter(qtbot, window, "nasal spray")
    assert shown(window)[-1] == "B. Intranasal Administration"
    assert {"nasal spray", "Intranasal", "intranasal"} <= set(highlighted(window))


def test_trd_finds_the_long_form_too(qtbot, window):
    type_filter(qtbot, window, "TRD")
    titles = shown(window)
    assert "B. What is Treatment-Resistant Depression?" in titles
    assert "A. Definition of Ketamine" in titles  # says only "Treatment-Resistant Depression"
    assert "IV. Precautions and Side Effects of Ketamine Treatment" not in titles


def test_a_typo_is_found_and_marked_approximate(qtbot, window):
    type_filter(qtbot, window, "side efects")
    # three places say "side effects" (the title, twice in the text): each is one hit, both words marked
    assert badges(window)["B. Common Side Effects"] == "≈3"
    assert "approximate" in status(window) and "efects" in status(window)
    window.section_tree.setCurrentIndex(window.section_tree.model().index(0, 0))
    assert "side effects" in [text.lower() for text in highlighted(window)]  # the typo's word marked with its neighbour


def test_enter_and_f3_step_through_hits_and_the_tree_follows(qtbot, window):
    qtbot.waitUntil(lambda: window.indexer.is_ready)
    qtbot.keyClicks(window.filter_edit, "monitoring")
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)  # applies at once, on the first hit
    assert window.section_tree.currentIndex().data() == "A. Infusion Therapy"
    assert highlighted(window).count("monitoring") >= 1
    steps, scrolls = [], []
    for key in [Qt.Key.Key_Return, Qt.Key.Key_F3, Qt.Key.Key_F3, Qt.Key.Key_F3]:
        qtbot.keyClick(window.filter_edit, key)
        steps.append(window.section_tree.currentIndex().data())
        scrolls.append(window.article_view.verticalScrollBar().value())
    assert steps[0] == "A. Monitoring and Safety Measures"
    assert "V. Conclusion" in steps
    assert scrolls == sorted(scrolls), "stepping forward moves down the article"
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.section_tree.currentIndex().data() == steps[-2]


def test_keyword_chips_filter_with_a_stated_all_of_rule(qtbot, window):
    chip = window.keyword_bar.chips["Safety Profile"]
    qtbot.waitUntil(lambda: chip.text() == "Safety Profile  2")  # counted once the article is on screen
    assert chip.height() >= 34, "a chip must be big enough for a finger"
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.search.result is not None)
    assert [t for t, b in badges(window).items() if b] == ["C. Safety Profile", "V. Conclusion"]
    assert "all of: Safety Profile" in window.keyword_bar.rule_label.text()
    qtbot.mouseClick(window.keyword_bar.chips["Risks"], Qt.MouseButton.LeftButton)
    assert [t for t, b in badges(window).items() if b] == ["V. Conclusion"]
    assert "all of: Safety Profile, Risks" in window.keyword_bar.rule_label.text()


def test_no_match_shows_an_empty_state_that_offers_to_clear(qtbot, window):
    type_filter(qtbot, window, "zebra")
    assert window.navigation.showing_empty_state
    assert "No section mentions “zebra”" in window.navigation.empty_label.text()
    qtbot.mouseClick(window.navigation.clear_button, Qt.MouseButton.LeftButton)
    assert not window.navigation.showing_empty_state
    assert window.filter_edit.text() == ""
    assert len(shown(window)) == 17


def scroll_to_heading(qtbot, window, anchor, title):
    """Scroll the pane to a section's heading, wait for the tree to follow; return the scroll position."""
    view = window.article_view
    view.verticalScrollBar().setValue(round(view.headings.top(anchor)))
    qtbot.waitUntil(lambda: window.section_tree.currentIndex().data() == title)
    return view.verticalScrollBar().value()


def test_escape_resets_and_the_reader_stays_on_the_section_the_search_reached(qtbot, window):
    # As a browser's find bar: the hit the reader went to is what they wanted to read.
    view = window.article_view
    before = scroll_to_heading(qtbot, window, "c-safety-profile", "C. Safety Profile")
    type_filter(qtbot, window, "bladder")
    reached = view.verticalScrollBar().value()
    assert reached != before
    assert window.section_tree.currentIndex().data() == "C. Risks and Long-Term Effects"
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Escape)
    assert window.filter_edit.text() == "" and len(shown(window)) == 17
    assert view.verticalScrollBar().value() == reached
    assert window.section_tree.currentIndex().data() == "C. Risks and Long-Term Effects"
    assert highlighted(window) == []
    window.actions["back"].trigger()  # the place before the search is one step back
    qtbot.waitUntil(lambda: window.section_tree.currentIndex().data() == "C. Safety Profile")
    assert view.verticalScrollBar().value() == before


def test_filtering_keeps_the_current_section_when_it_still_matches(qtbot, window):
    view = window.article_view
    before = scroll_to_heading(qtbot, window, "b-intranasal-administration", "B. Intranasal Administration")
    type_filter(qtbot, window, "infusion")
    assert window.section_tree.currentIndex().data() == "B. Intranasal Administration"
    assert view.verticalScrollBar().value() == before


def test_typing_a_query_that_matches_a_keyword_marks_its_chip(qtbot, window):
    type_filter(qtbot, window, "intranasal")
    assert window.keyword_bar.chips["Intranasal Administration"].property("matchesSearch") is True
    assert window.keyword_bar.chips["Risks"].property("matchesSearch") is False


@pytest.mark.parametrize("query", ["[(*.+?", "\x00\x07", '"unclosed', "a" * 10_000])
def test_odd_input_never_breaks_the_filter(qtbot, window, query):
    # None of these has a word the article contains: each is reported as found nowhere.
    qtbot.waitUntil(lambda: window.indexer.is_ready)
    window.filter_edit.setText(query)
    window.search.apply_now()
    assert window.navigation.showing_empty_state
    assert window.navigation.empty_label.text() == f"No section mentions “{query.strip()[:60]}”."
    window.filter_edit.setText("bladder")  # and the filter goes on working
    window.search.apply_now()
    assert shown(window)[-1] == "C. Risks and Long-Term Effects"


def test_models_pass_the_qt_model_tester(qtmodeltester, bundled_article):
    from viewer.core.search import SearchResult, SectionHits

    model = QtSectionModel(bundled_article)
    qtmodeltester.check(model)
    proxy = SectionFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    last = len(bundled_article.sections) - 1
    proxy.set_result(SearchResult([], {3: SectionHits([([0], 1)]), last: SectionHits([([0], 1)], fuzzy=True)}, {}))
    assert proxy.rowCount() > 0 and proxy.index(0, 0).data(HITS_ROLE) is None, "filtered, with context rows"
    qtmodeltester.check(proxy)


def _nested_article():
    from viewer.core.article import parse_article

    lines = ["# Root", "Intro."]
    for part in range(6):
        lines += [f"## Part {part}", f"Part {part} text."]
        for point in range(5):
            lines += [f"### Point {part}.{point}", "Text."]
            lines += [f"#### Detail {part}.{point}.{d}\n\nMore." for d in range(2)]
    return parse_article("\n\n".join(lines))


def _proxy_numbers(proxy, parent=None):
    from PySide6.QtCore import QModelIndex

    from viewer.ui.section_model import NUMBER_ROLE

    parent = parent if parent is not None else QModelIndex()
    numbers = set()
    for row in range(proxy.rowCount(parent)):
        index = proxy.index(row, 0, parent)
        numbers.add(index.data(NUMBER_ROLE))
        numbers |= _proxy_numbers(proxy, index)
    return numbers


_ARTICLE = _nested_article()
_subsets = st.one_of(st.none(), st.sets(st.integers(0, len(_ARTICLE.sections) - 1)))


@settings(max_examples=60, deadline=None)
@given(st.lists(_subsets, min_size=1, max_size=10))
def test_the_filter_shows_exactly_the_found_sections_and_their_ancestors(qapp, searches):
    from viewer.core.search import SearchResult, SectionHits

    proxy = SectionFilterProxy()
    proxy.setSourceModel(QtSectionModel(_ARTICLE))
    for found in searches:
        result = None if found is None else SearchResult([], {n: SectionHits([([0], 1)]) for n in found}, {})
        proxy.set_result(result)
        expected = set(range(len(_ARTICLE.sections))) if found is None else set()
        for number in found or ():
            section = _ARTICLE.sections[number]
            while section is not None:
                expected.add(section.number)
                section = section.parent
        assert _proxy_numbers(proxy) == expected


def test_hit_counts_follow_every_keystroke_even_when_the_same_sections_match(qtbot, window):
    import re

    from tests.ui.helpers import section_texts

    window.filter_edit.setFocus()
    qtbot.waitUntil(lambda: window.indexer.is_ready)
    for typed in ["ket", "keta", "ketam", "ketamine"]:
        qtbot.keyClicks(window.filter_edit, typed[len(window.filter_edit.text()) :])
        window.search.apply_now()
        # Three letters or more also find the words they begin: count those in what the pane shows.
        counts = {title: len(re.findall(rf"\b{typed}\w*", text, re.IGNORECASE)) for title, text in section_texts(window).items()}
        expected = {title: str(count) for title, count in counts.items() if count}
        assert {t: b for t, b in badges(window).items() if b} == expected, typed
        assert status(window) == f"{sum(counts.values())} matches in {len(expected)} sections"


def test_typing_before_the_index_is_built_says_so_then_searches_when_it_is(qtbot, bundled_article):
    from viewer.ui.main_window import MainWindow

    window = MainWindow(bundled_article)  # never shown: nothing starts the index but the typing
    qtbot.addWidget(window)
    qtbot.keyClicks(window.filter_edit, "bladder")
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
    assert not window.indexer.is_ready and window.search.result is None
    assert status(window) == "Preparing the search…"
    with qtbot.waitSignal(window.search.resultShown):
        pass
    assert status(window) == "1 match in 1 section"
    assert badges(window)["C. Risks and Long-Term Effects"] == "1"


def test_new_hit_counts_for_the_same_sections_are_painted(qtbot, open_window):
    from PySide6.QtCore import QEvent, QObject

    from tests.ui.helpers import find_row
    from viewer.core.article import parse_article

    window = open_window(parse_article("# Root\n\n## A\n\nfoo fooa foo\n\n## B\n\nfooa\n"))
    type_filter(qtbot, window, "foo")
    assert {t: b for t, b in badges(window).items() if b} == {"A": "3", "B": "1"}

    class PaintedRegions(QObject):
        def __init__(self):
            super().__init__()
            self.regions = []

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                self.regions.append(event.region())
            return False

    painted = PaintedRegions()
    tree = window.section_tree
    tree.viewport().installEventFilter(painted)
    qtbot.keyClicks(window.filter_edit, "a")
    window.search.apply_now()
    qtbot.waitUntil(lambda: any(r.contains(tree.visualRect(find_row(tree, "A"))) for r in painted.regions))
    assert {t: b for t, b in badges(window).items() if b} == {"A": "1", "B": "1"}
    tree.viewport().removeEventFilter(painted)
