"""What the search box says: the strict filter's line as before, a question's line, the partial and empty messages."""

import pytest

from viewer.core.answer_text import empty_message, hit_position, partial_heading, quoted, status_text
from viewer.core.answers import QuestionSearch
from viewer.core.query import SynonymTable
from viewer.core.search import SearchIndex
from viewer.core.vocabulary import vocabulary_from_text

SECTIONS = {
    0: "Infusion Therapy\nA slow drip over 40 minutes to an hour; the infusion is watched.",
    1: "Risks\nBladder problems and addiction.",
    2: "Side Effects\nDizziness and nausea.",
}


@pytest.fixture(scope="module")
def search():
    index = SearchIndex(SECTIONS.items(), SynonymTable())
    return QuestionSearch(index, vocabulary_from_text("how long = minutes\nurinary = bladder\n", "how what is are the my"))


def test_a_plain_search_says_what_it_always_said(search):
    assert status_text(search.answer("infusion")) == "2 matches in 1 section"
    assert status_text(search.answer("infusoin")) == "2 matches in 1 section · ≈ approximate: “infusoin” taken as infusion"


def test_a_question_says_it_is_ranked_and_what_was_left_out_or_added(search):
    assert status_text(search.answer("what are the side effects")) == "1 section, best answer first · left out: what"
    assert status_text(search.answer("urinary")) == "1 section, best answer first · also searched: bladder"


def test_a_search_of_question_words_that_finds_something_says_what_to_add(search):
    assert status_text(search.answer("is")).endswith("only question words: add what you want to know about")


def test_the_partial_heading_names_what_was_searched_and_what_was_found(search):
    answer = search.answer("bladder nausea zebra")
    assert partial_heading(answer) == (
        "No section mentions all of “bladder nausea zebra”; sections that mention “bladder” or “nausea”, best first:"
    )
    assert answer.missing == ["zebra"]


def test_empty_messages(search):
    assert empty_message(search.answer("zebra"), []) == "No section mentions “zebra”."
    assert empty_message(search.answer("zebra"), ["Risks"]) == "No section mentions “zebra” and “Risks”."
    assert empty_message(search.answer("what is my"), []) == (
        "“what is my” has only question words. Type what you want to know about, or try a topic."
    )


def test_long_typed_text_is_cut_when_quoted():
    assert quoted("a" * 100) == "“" + "a" * 60 + "”"
    assert quoted("  two words ") == "“two words”"


def test_hit_position():
    assert hit_position(2, 5) == "Hit 2 of 5"


def test_stepping_goes_through_every_hit_in_the_order_offered_and_wraps(search):
    answer = search.answer("infusion drip")  # section 0 only: "Infusion", "drip", "infusion"
    hits, current = [], None
    for _ in range(answer.result.match_count + 1):
        current = answer.step(current)
        hits.append(current)
    assert hits == [(0, 0), (0, 1), (0, 2), (0, 0)]
    assert [answer.hit_number(hit) for hit in hits] == [1, 2, 3, 1]
    assert answer.step((0, 0), forward=False) == (0, 2)


def test_a_questions_hits_are_stepped_best_section_first(search):
    answer = search.answer("bladder nausea infusion")
    order = answer.ranked()
    current, visited = None, []
    for _ in range(answer.result.match_count):
        current = answer.step(current)
        if current[0] not in visited:
            visited.append(current[0])
    assert visited == order
