"""Asking the window a question: best answers first, partial matches ranked, suggestions, the hit counter, keys."""

import re

from PySide6.QtCore import Qt

from tests.ui.helpers import visible_titles
from viewer.ui.section_delegate import HITS_ROLE


def ask(qtbot, window, text):
    """Type *text* in the search box like a visitor and press Enter (which searches at once)."""
    window.filter_edit.setFocus()
    window.filter_edit.clear()
    qtbot.keyClicks(window.filter_edit, text)
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search.answer is not None and window.search.answer.typed == text)


def badges(window):
    """Title -> badge of every visible row that has one."""
    tree, found = window.section_tree, {}

    def visit(parent):
        for row in range(tree.model().rowCount(parent)):
            index = tree.model().index(row, 0, parent)
            if index.data(HITS_ROLE):
                found[index.data()] = index.data(HITS_ROLE)
            visit(index)

    visit(tree.rootIndex())
    return found


def current_row(window):
    return window.section_tree.currentIndex().data()


def status(window):
    return window.navigation.status_label.text()


def test_how_long_infusion_goes_to_the_infusion_section_and_says_what_else_it_searched(qtbot, window):
    ask(qtbot, window, "how long infusion")
    assert current_row(window) == "A. Infusion Therapy"
    assert badges(window)["A. Infusion Therapy"] == "#1"
    assert "also searched: minutes, hour" in status(window)
    assert not window.navigation.showing_empty_state


def test_urinary_finds_the_bladder_and_says_so(qtbot, window):
    ask(qtbot, window, "urinary")
    assert current_row(window) == "C. Risks and Long-Term Effects"
    assert "also searched: bladder" in status(window)
    assert "bladder" in [s.cursor.selectedText() for s in window.article_view.extraSelections()]


def test_is_ketamine_safe_answers_with_the_safety_profile_first(qtbot, window):
    ask(qtbot, window, "is ketamine safe")
    assert current_row(window) == "C. Safety Profile"
    assert badges(window)["C. Safety Profile"] == "#1"
    assert "left out: is" not in status(window)  # a stop word goes without saying


def test_best_partial_matches_are_ranked_in_the_tree_with_a_note_naming_the_missing_word(qtbot, window):
    ask(qtbot, window, "bladder nasal zebra")
    shown = badges(window)
    assert set(shown) == {"C. Risks and Long-Term Effects", "B. Intranasal Administration"}
    assert sorted(shown.values()) == ["#1", "#2"]
    note = window.navigation.answer_note
    assert note.isVisible()
    assert "No section mentions all of “bladder nasal zebra”" in note.text()
    assert "<s>zebra</s>" in note.text()
    titles = visible_titles(window.section_tree)
    assert titles.index("B. Intranasal Administration") < titles.index("C. Risks and Long-Term Effects")  # article order
    best = next(title for title, badge in shown.items() if badge == "#1")
    assert current_row(window) == best


def test_a_strict_search_looks_as_it_always_did(qtbot, window):
    ask(qtbot, window, "bladder")
    assert badges(window) == {"C. Risks and Long-Term Effects": "1"}
    assert status(window) == "1 match in 1 section"
    assert not window.navigation.answer_note.isVisible()


def test_the_hit_counter_counts_every_hit_and_follows_enter(qtbot, window):
    ask(qtbot, window, "monitoring")
    text = window.article_view.document().toPlainText()
    total = len(re.findall(r"\bmonitor\w*", text, re.IGNORECASE))
    counter = window.navigation.hit_counter
    assert counter.isVisible() and counter.text() == f"Hit 1 of {total}"
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
    assert counter.text() == f"Hit 2 of {total}"
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert counter.text() == f"Hit {total} of {total}"  # back past the first: the last
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Escape)
    assert not counter.isVisible()


def test_down_from_the_search_box_moves_into_the_results_and_up_comes_back(qtbot, window):
    ask(qtbot, window, "monitoring")
    landed = current_row(window)
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Down)
    assert window.section_tree.hasFocus()
    assert current_row(window) == landed  # the result being read
    qtbot.keyClick(window.section_tree, Qt.Key.Key_Down)
    below = current_row(window)
    assert below != landed
    qtbot.waitUntil(lambda: window.article_view.reading.current_anchor != "a-infusion-therapy")  # the pane follows the tree
    qtbot.keyClick(window.section_tree, Qt.Key.Key_Up)
    while badges(window).get(current_row(window)) and window.section_tree.hasFocus():
        qtbot.keyClick(window.section_tree, Qt.Key.Key_Up)
    assert window.filter_edit.hasFocus()


def test_up_from_the_search_box_enters_the_results_from_the_end_when_not_on_one(qtbot, window):
    ask(qtbot, window, "bladder")
    window.section_tree.setCurrentIndex(window.section_tree.model().index(0, 0))  # the title row, context only
    window.filter_edit.setFocus()
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Up)
    assert window.section_tree.hasFocus() and current_row(window) == "C. Risks and Long-Term Effects"


def test_nothing_found_offers_did_you_mean_and_topics(qtbot, window):
    ask(qtbot, window, "nausious")
    pane = window.navigation
    assert pane.showing_empty_state
    assert [chip.text() for chip in pane.suggestions.did_you_mean] == ["nausea"]
    assert [chip.text() for chip in pane.suggestions.topics] == list(window.article.metadata.keywords)
    qtbot.mouseClick(pane.suggestions.did_you_mean[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not pane.showing_empty_state)
    assert window.filter_edit.text() == "nausea"
    assert current_row(window) == "B. Common Side Effects"


def test_a_topic_chip_in_the_empty_state_shows_that_topic(qtbot, window):
    ask(qtbot, window, "zebra")
    pane = window.navigation
    risks = next(chip for chip in pane.suggestions.topics if chip.text() == "Risks")
    qtbot.mouseClick(risks, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not pane.showing_empty_state)
    assert window.filter_edit.text() == ""
    assert window.keyword_bar.selected() == ["Risks"]
    assert "C. Risks and Long-Term Effects" in badges(window)


def test_a_search_of_only_question_words_says_so(qtbot, window):
    ask(qtbot, window, "why would they")
    pane = window.navigation
    assert pane.showing_empty_state
    assert "only question words" in pane.empty_label.text()
    assert pane.suggestions.topics and not pane.suggestions.did_you_mean_label.isVisible()


def test_a_question_marks_the_keyword_chip_its_subject_matches(qtbot, window):
    ask(qtbot, window, "what are the risks")
    assert window.keyword_bar.chips["Risks"].property("matchesSearch") is True


def current_hit_text(window):
    """The text of the hit marked as current (the one drawn differently from the others)."""
    selections = window.article_view.extraSelections()
    colours = [s.format.background().color().name() for s in selections]
    current = [s for s, colour in zip(selections, colours, strict=True) if colours.count(colour) == 1]
    return current[0].cursor.selectedText() if len(current) == 1 else None


def test_the_current_hit_marks_every_word_of_a_two_word_search(qtbot, window):
    ask(qtbot, window, "side effects")
    marked = current_hit_text(window)
    assert marked is not None and marked.lower() == "side effects"
    total = len(re.findall(r"side effects", window.article_view.document().toPlainText(), re.IGNORECASE))
    assert window.navigation.hit_counter.text() == f"Hit 1 of {total}"
