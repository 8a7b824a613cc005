"""BM25F relevance: rare words weigh more, titles more than bodies, repeats less and less, long sections less."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.query import parse_query
from viewer.core.ranking import Relevance, by_relevance, inverse_document_frequency
from viewer.core.search import SearchIndex

FILLER = " ".join(f"word{n}" for n in range(20))


def scores(entries, query):
    index = SearchIndex(entries)
    term_hits = [index.clause_hits(clause)[0] for clause in parse_query(query)]
    return Relevance(index).scores(term_hits, [number for number, _ in entries])


def test_a_word_in_the_title_counts_for_more_than_the_same_word_in_the_body():
    found = scores([(0, f"Other things\nbladder {FILLER}"), (1, f"Bladder\nother {FILLER}")], "bladder")
    assert by_relevance(found) == [1, 0]


def test_the_rarer_of_two_words_decides_between_sections_that_each_mention_one():
    entries = [(0, "Title\ncommon rare"), (1, "Title\ncommon"), (2, "Title\ncommon"), (3, "Title\ncommon"), (4, "Title\ncommon")]
    found = scores([*entries, (5, "Title\nrare other")], "common rare")
    assert found[5] > found[1]
    assert by_relevance(found)[0] == 0  # both words


def test_more_mentions_rank_higher_with_diminishing_returns():
    body = {n: ("dose " * n + FILLER) for n in (1, 2, 4)}
    found = scores([(n, f"Title\n{text}") for n, text in body.items()], "dose")
    assert found[1] < found[2] < found[4]
    assert found[4] - found[2] < 2 * (found[2] - found[1])


def test_of_two_sections_mentioning_a_word_once_the_shorter_ranks_first():
    found = scores([(0, f"Title\ndose {FILLER} {FILLER}"), (1, "Title\ndose here")], "dose")
    assert by_relevance(found) == [1, 0]


def test_equal_scores_keep_article_order():
    assert by_relevance({3: 1.0, 1: 1.0, 2: 2.0}) == [2, 1, 3]


def test_a_word_every_section_mentions_still_scores_above_nothing():
    assert inverse_document_frequency(10, 10) > 0
    assert inverse_document_frequency(10, 1) > inverse_document_frequency(10, 5)
    assert math.isclose(inverse_document_frequency(3, 1), math.log(1 + 2.5 / 1.5))


def test_an_approximate_match_ranks_below_an_exact_one():
    index = SearchIndex([(0, "Title\ndosage"), (1, "Title\nother")])
    exact = index.clause_hits(parse_query("dosage")[0])[0]
    typo = index.clause_hits(parse_query("dosagx")[0])[0]
    assert typo[0].fuzzy
    ranking = Relevance(index)
    assert ranking.scores([typo], [0])[0] < ranking.scores([exact], [0])[0]


words = st.sampled_from(["dose", "bladder", "infusion", "nausea", "rapid"])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.lists(words, max_size=3), st.lists(words, max_size=12)), min_size=1, max_size=8), words)
def test_every_score_is_finite_and_positive_exactly_where_the_word_occurs(sections, query):
    entries = [(n, " ".join(title) + "\n" + " ".join(body)) for n, (title, body) in enumerate(sections)]
    found = scores(entries, query)
    for number, (title, body) in enumerate(sections):
        assert math.isfinite(found[number])
        assert (found[number] > 0) == (query in title + body)


def test_remembered_term_scores_give_what_fresh_ones_give():
    entries = [(n, f"Section {n}\n" + "dose " * (n % 3) + "bladder " * (n % 2) + "word " * n) for n in range(40)]
    index = SearchIndex(entries)
    warm = Relevance(index)
    for query in ["dose", "dose bladder", "bladder", "dose", "dose word"]:
        term_hits = [index.clause_hits(clause)[0] for clause in parse_query(query)]
        for sections in ([n for n, _ in entries], [1, 2, 5]):
            assert warm.scores(term_hits, sections) == Relevance(index).scores(term_hits, sections), query
