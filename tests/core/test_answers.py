"""What a search answers: the strict filter first, then question words left out, plain-language
equivalents, the best partial matches and "did you mean"."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.answers import PARTIAL_LIMIT, AnswerKind, QuestionSearch
from viewer.core.query import SynonymTable
from viewer.core.search import SearchIndex
from viewer.core.text import blank_enumerator, words
from viewer.core.vocabulary import vocabulary_from_text

SECTIONS = {
    0: "Infusion Therapy\nA slow drip into the bloodstream over 40 minutes to an hour.",
    1: "Risks\nLong-term use may be associated with bladder problems and addiction.",
    2: "Nasal Spray\nA spray into the nose; less invasive than infusion therapy.",
    3: "Side Effects\nDizziness and nausea resolve quickly.",
}
PLAIN = "how long = duration = minutes = hours\nurinary = bladder = urine\nsick = nausea\n"
QUESTION_WORDS = "how is does can will my i what the a an"


@pytest.fixture(scope="module")
def search():
    index = SearchIndex(SECTIONS.items(), SynonymTable((("IV", "intravenous"),)))
    return QuestionSearch(index, vocabulary_from_text(PLAIN, QUESTION_WORDS))


def test_a_search_the_strict_filter_answers_is_answered_exactly_as_before(search):
    for query in ["infusion", "spray nose", "bladder", '"infusion therapy"', "nausea dizziness", "long"]:
        answer = search.answer(query)
        assert answer.kind is AnswerKind.EVERY_WORD
        assert answer.result == search.index.search(query), query


def test_question_words_never_make_a_search_fail(search):
    answer = search.answer("what does the spray")
    assert answer.kind is AnswerKind.EVERY_WORD
    assert answer.result == search.index.search("spray")
    assert answer.left_out == ["what", "does", "the"]


def test_a_search_of_only_question_words_is_searched_as_typed_and_says_so(search):
    answer = search.answer("what is")
    assert answer.kind is AnswerKind.ONLY_QUESTION_WORDS
    assert answer.left_out == ["what", "is"]
    assert answer.result == search.index.search("what is")


def test_a_question_phrase_finds_its_plain_language_equivalents(search):
    answer = search.answer("how long infusion")
    assert answer.kind is AnswerKind.IN_OTHER_WORDS
    assert list(answer.sections) == [0]
    assert answer.also_searched == ["minutes", "hour"]  # "hours" finds "hour" as any word finds its forms


def test_the_vocabulary_is_used_only_after_the_articles_own_words(search):
    assert search.answer("bladder").also_searched == []
    answer = search.answer("urinary")
    assert list(answer.sections) == [1]
    assert answer.also_searched == ["bladder"]


def test_a_search_of_only_question_words_that_finds_nothing_says_so(search):
    answer = search.answer("can I will")
    assert answer.kind is AnswerKind.ONLY_QUESTION_WORDS
    assert answer.sections == {}
    assert answer.left_out == ["can", "I", "will"]


def test_when_no_section_mentions_every_word_the_best_partial_matches_are_ranked(search):
    answer = search.answer("bladder nausea spray")
    assert answer.kind is AnswerKind.SOME_WORDS
    assert set(answer.sections) == {1, 2, 3}
    assert answer.found == ["bladder", "nausea", "spray"] and answer.missing == []
    assert answer.mentions == {1: ["bladder"], 2: ["spray"], 3: ["nausea"]}
    assert answer.ranked()[0] == 2  # "spray" twice, and in its title
    assert answer.ranks() == {n: place for place, n in enumerate(answer.ranked(), start=1)} and len(answer.ranks()) == 3


def test_sections_mentioning_more_of_the_words_rank_first(search):
    answer = search.answer("infusion therapy zebra spray")
    assert answer.kind is AnswerKind.SOME_WORDS
    assert answer.ranked()[:2] == [2, 0]  # infusion, therapy and spray; then infusion and therapy
    assert answer.missing == ["zebra"]


def test_words_found_nowhere_are_named_and_the_found_ones_answer(search):
    answer = search.answer("how long infusion zebra")
    assert answer.kind is AnswerKind.SOME_WORDS
    assert answer.found == ["how long", "infusion"]
    assert answer.missing == ["zebra"]
    assert answer.ranked()[0] == 0


def test_at_most_the_best_partial_limit_sections_are_shown():
    index = SearchIndex((n, f"Section {n}\n" + "dose " * (n % 7 + 1) + "word " * n) for n in range(PARTIAL_LIMIT * 3))
    answer = QuestionSearch(index, vocabulary_from_text("", "")).answer("dose zebra")
    assert answer.kind is AnswerKind.SOME_WORDS
    assert len(answer.sections) == PARTIAL_LIMIT
    every = QuestionSearch(index, vocabulary_from_text("", "")).answer("dose")
    assert set(answer.sections) == set(every.ranked()[:PARTIAL_LIMIT])


def test_chosen_keywords_stay_required_in_a_partial_answer(search):
    answer = search.answer("bladder spray", chosen=["infusion therapy"])
    assert answer.kind is AnswerKind.SOME_WORDS
    assert set(answer.sections) == {2}  # the only one with the chosen keyword, and it mentions spray


def test_nothing_found_suggests_the_articles_nearest_words(search):
    answer = search.answer("nauseous")
    assert answer.kind is AnswerKind.NOTHING
    assert answer.suggestions() == ["nausea"]


def test_suggestions_replace_only_the_words_found_nowhere(search):
    assert search.answer("spray nauseous").suggestions() == ["spray nausea"]
    answer = search.answer("infusion bloodstreem zzzz")
    assert answer.missing == ["zzzz"]  # a small typo is taken for its word, as before
    assert answer.result.corrections == {"bloodstreem": ["bloodstream"]}
    assert answer.suggestions() == []  # nothing in the article is like "zzzz"


def test_an_approximate_match_is_reported_as_a_correction(search):
    answer = search.answer("nausia zebra")
    assert answer.kind is AnswerKind.SOME_WORDS
    assert answer.result.corrections == {"nausia": ["nausea"]}
    assert answer.sections[3].fuzzy


typed_words = st.sampled_from(["how", "long", "infusion", "bladder", "urinary", "zebra", "nausia", "i", "the", '"', "spray"])


@settings(max_examples=150, deadline=None)
@given(st.lists(typed_words, max_size=6))
def test_any_search_gets_a_consistent_answer(search, chosen_words):
    query = " ".join(chosen_words)
    answer = search.answer(query)
    assert sorted(answer.ranked()) == sorted(answer.sections)
    assert len(answer.sections) <= max(PARTIAL_LIMIT, len(SECTIONS))
    assert all(hits.count > 0 for hits in answer.sections.values())
    if answer.kind in (AnswerKind.EVERY_WORD, AnswerKind.IN_OTHER_WORDS, AnswerKind.SOME_WORDS):
        assert answer.sections
    if answer.kind is AnswerKind.NOTHING:
        assert not answer.sections
    strict = search.index.search(query)
    if strict.sections and not set(words(query)) & search.vocabulary.question_words:
        assert answer.result == strict


# The bundled article, as the window indexes it, and the questions the issue names.


@pytest.fixture(scope="module")
def bundled():
    from tests.conftest import BUNDLED_ARTICLE
    from viewer.core.loader import load_article

    article = load_article(BUNDLED_ARTICLE)
    entries = [(s.number, f"{blank_enumerator(s.title)}\n{s.body}") for s in article.sections]
    return article, QuestionSearch(SearchIndex(entries, SynonymTable(article.metadata.synonyms)))


@pytest.mark.parametrize(
    ("question", "answering_section"),
    [
        ("how long infusion", "A. Infusion Therapy"),
        ("infusion duration", "A. Infusion Therapy"),
        ("infusion time", "A. Infusion Therapy"),
        ("urinary", "C. Risks and Long-Term Effects"),
        ("is ketamine safe", "C. Safety Profile"),
    ],
)
def test_the_issues_questions_find_their_section_in_the_first_three(bundled, question, answering_section):
    article, search = bundled
    first_three = [article.sections[n].title for n in search.answer(question).ranked()[:3]]
    assert answering_section in first_three


def test_a_plain_search_is_offered_in_article_order_and_a_question_by_relevance(search):
    plain = search.answer("infusion")
    assert not plain.read_as_question
    assert plain.offered() == [0, 2]  # article order, as the strict filter always offered them
    asked = search.answer("what does infusion")
    assert asked.read_as_question and asked.left_out == ["what", "does"]
    assert asked.offered() == asked.ranked() == [0, 2]  # 0 says "infusion" in its title
    partial = search.answer("bladder spray")
    assert partial.read_as_question and partial.offered() == partial.ranked()


odd_queries = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.sampled_from(".*+?[](){}^$|\\\"'-\x00\n é how long is"), max_size=40),
    st.just("a" * 10_000),
    st.lists(st.sampled_from(["how", "long", "urinary", "infusion", "zzz", "nausious", "is", '"', "-"]), max_size=8).map(
        " ".join
    ),
)


@settings(max_examples=200, deadline=None)
@given(odd_queries)
def test_any_text_gets_an_answer_whose_hits_can_be_stepped_through(bundled, query):
    _, search = bundled
    answer = search.answer(query)
    answer.suggestions()
    current, seen = None, set()
    for _ in range(min(answer.result.match_count, 50)):
        current = answer.step(current)
        assert current not in seen
        seen.add(current)
        assert 1 <= answer.hit_number(current) <= answer.result.match_count
        assert len(search.index.spans(current[0], answer.sections[current[0]])) > current[1]
