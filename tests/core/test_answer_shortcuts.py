"""A keystroke orders only what it shows: the first places by relevance, the best partial matches.

Each shortcut must give exactly what the whole computation gives: the places of the first
sections, the first hit, the hit numbers, and the partial matches chosen. Checked against the
plain computations on indexes with many equal scores (sections repeated word for word) and
answers longer than the places shown.
"""

import heapq
from collections import Counter
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.answers import FIRST_OFFERED, PARTIAL_LIMIT, QuestionSearch, _Asking
from viewer.core.ranking import Relevance, best_by_relevance, by_relevance
from viewer.core.search import SearchIndex
from viewer.core.vocabulary import vocabulary_from_text

WORDS = ["dose", "bladder", "infusion", "nausea", "spray", "risk", "sleep", "pain"]
PLAIN = "urinary = bladder\nsick = nausea\n"
QUESTION_WORDS = "how is does can my what the"

section_words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)
# Few distinct sections, each repeated: many sections score exactly alike.
articles = st.lists(section_words, min_size=1, max_size=8).flatmap(
    lambda kinds: st.lists(st.sampled_from(kinds), min_size=FIRST_OFFERED + 5, max_size=70)
)
queries = st.lists(st.sampled_from([*WORDS, "urinary", "sick", "how", "is", "zebra", "dosse", "infus"]), min_size=1, max_size=5)


def question_search(sections: list[list[str]]) -> QuestionSearch:
    index = SearchIndex((n, f"Section {n % 3}\n" + " ".join(body)) for n, body in enumerate(sections))
    return QuestionSearch(index, vocabulary_from_text(PLAIN, QUESTION_WORDS))


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.integers(0, 500), st.sampled_from([0.0, 0.5, 1.0, 1.5]), max_size=60), st.integers(1, 30))
def test_the_best_by_relevance_are_the_first_of_the_full_order(scores, count):
    assert best_by_relevance(scores, count) == by_relevance(scores)[:count]


@settings(max_examples=120, deadline=None)
@given(articles, queries, st.sampled_from([[], ["dose"], ["spray"]]))
def test_the_first_places_and_hits_are_those_of_the_full_order(sections, typed, chosen):
    search, query = question_search(sections), " ".join(typed)
    shortcut, whole = search.answer(query, chosen), search.answer(query, chosen)
    everything = whole.ranked()
    for count in (1, 3, FIRST_OFFERED, FIRST_OFFERED + 3):
        assert shortcut.ranks(count) == {number: place for number, place in whole.ranks().items() if place <= count}
        assert shortcut.offered_first(count) == whole.offered()[:count]
    assert everything == by_relevance(whole.scores())
    fresh = search.answer(query, chosen)
    assert fresh.step(None) == (whole.step(None) if whole.sections else None)
    if whole.sections:
        assert fresh.step(None) == (whole.offered()[0], 0)
        counts = [whole.sections[number].count for number in whole.offered()]
        for place, number in enumerate(whole.offered()):
            for hit in (0, counts[place] - 1):
                assert search.answer(query, chosen).hit_number((number, hit)) == sum(counts[:place]) + hit + 1


def best_partial_in_full(asking: _Asking) -> tuple[Counter, dict[int, float]]:
    """Every section mentioning a term scored, then the best PARTIAL_LIMIT by (terms mentioned, score, article order)."""
    allowed = None
    if asking.chip_hits:
        allowed = set.intersection(*(set(hits) for hits in asking.chip_hits))
    coverage = Counter(number for hits in asking.hits for number in hits if allowed is None or number in allowed)
    scores = Relevance(asking.index).scores(asking.hits + asking.chip_hits, coverage)
    best = heapq.nsmallest(PARTIAL_LIMIT, coverage, key=lambda number: (-coverage[number], -scores[number], number))
    return coverage, {number: scores[number] for number in best}


@settings(max_examples=150, deadline=None)
@given(articles, queries, st.sampled_from([[], ["dose"], ["pain"]]))
def test_the_best_partial_matches_are_those_of_scoring_every_section(sections, typed, chosen):
    search = question_search(sections)
    original = _Asking._best_partial
    compared = []

    def checked(asking: _Asking, coverage: Counter) -> dict[int, float]:
        expected_coverage, expected = best_partial_in_full(asking)
        found = original(asking, coverage)
        assert coverage == expected_coverage
        assert found == expected  # the same sections, with the same scores to the last bit
        compared.append(found)
        return found

    with mock.patch.object(_Asking, "_best_partial", checked):
        answer = search.answer(" ".join(typed) + " zebra", chosen)  # a word found nowhere: partial or nothing
    if compared:
        assert set(answer.sections) == set(compared[0])
