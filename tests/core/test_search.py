"""Search decides what the filter shows: words, phrases, stems, typos and declared synonyms."""

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.query import SynonymTable, parse_query
from viewer.core.search import SearchIndex
from viewer.core.text import fold, tokenize


@pytest.fixture(scope="module")
def article():
    from tests.conftest import BUNDLED_ARTICLE
    from viewer.core.loader import load_article

    return load_article(BUNDLED_ARTICLE)


@pytest.fixture(scope="module")
def index(article):
    entries = [(s.number, f"{s.title}\n{s.body}") for s in article.sections]
    return SearchIndex(entries, SynonymTable(article.metadata.synonyms))


def found(index, article, query):
    return [article.sections[n].title for n in index.search(query).sections]


def test_a_plain_word_finds_the_section_that_mentions_it(index, article):
    assert found(index, article, "bladder") == ["C. Risks and Long-Term Effects"]


def test_case_accents_and_hyphens_do_not_matter(index, article):
    expected = found(index, article, "treatment-resistant")
    assert found(index, article, '"TREATMENT résistant"') == expected
    assert "B. What is Treatment-Resistant Depression?" in expected


def test_every_word_must_occur(index, article):
    assert found(index, article, "bladder addiction") == ["C. Risks and Long-Term Effects"]
    assert found(index, article, "bladder intranasal") == []


def test_a_quoted_phrase_matches_only_as_a_phrase(index, article):
    assert found(index, article, '"safety profile"') == ["C. Safety Profile", "V. Conclusion"]
    assert found(index, article, '"profile safety"') == []


def test_word_stems_match(index, article):
    assert "A. Infusion Therapy" in found(index, article, "infusions")
    assert "A. Monitoring and Safety Measures" in found(index, article, "monitor")


@pytest.mark.parametrize(
    ("typed", "written", "found_as_typo"),
    [
        ("cost", "most", False),  # a short word one letter from another is usually another word, not a typo
        ("dose", "nose", False),
        ("nasel", "nasal", True),  # five letters: one typo (the usual rule: Meilisearch, Typesense)
        ("bladdr", "bladder", True),
        ("monitring", "monitoring", True),
        ("infuzian", "infusion", False),  # eight letters: still one typo only
        ("anesthetik", "anaesthetic", True),  # nine letters and more: two typos
    ],
)
def test_how_many_letters_a_word_needs_before_a_typo_is_allowed(typed, written, found_as_typo):
    index = SearchIndex([(0, f"Alpha {written} omega.")])
    assert bool(index.search(typed).sections) is found_as_typo


def test_small_typos_are_found_and_marked_as_approximate(index, article):
    for typo, right in [
        ("intranasel", "B. Intranasal Administration"),
        ("depresion", "B. What is Treatment-Resistant Depression?"),
    ]:
        result = index.search(typo)
        assert right in [article.sections[n].title for n in result.sections]
        assert all(hits.fuzzy for hits in result.sections.values())
        assert typo in result.corrections
    assert "A. Definition of Ketamine" in found(index, article, "ketamin")


def test_exact_hits_rank_before_approximate_ones():
    index = SearchIndex([(0, "the dosage was reduced"), (1, "the dosge was reduced"), (2, "nothing here")])
    result = index.search("dosge")
    assert not result.sections[1].fuzzy
    assert "dosge" not in result.corrections
    mixed = SearchIndex([(0, "a dosage"), (1, "a dosagx")]).search("dosage dosagy")
    assert mixed.ranked() == sorted(mixed.sections, key=lambda n: (mixed.sections[n].fuzzy, n))


@pytest.mark.parametrize(
    ("query", "must_find"),
    [
        ("TRD", "A. Definition of Ketamine"),  # it says only "Treatment-Resistant Depression"
        ("nasal spray", "B. Intranasal Administration"),
        ("intravenous", "A. Infusion Therapy"),
        ("IV", "A. Infusion Therapy"),
        ("SSRI", "B. What is Treatment-Resistant Depression?"),
        ("selective serotonin reuptake inhibitor", "B. What is Treatment-Resistant Depression?"),
        ("NMDA", "C. Ketamine’s Mechanism of Action"),
        ("AMPA", "C. Ketamine’s Mechanism of Action"),
        ("BDNF", "C. Ketamine’s Mechanism of Action"),
    ],
)
def test_declared_synonyms_find_both_forms(index, article, query, must_find):
    assert must_find in found(index, article, query)


def test_hit_spans_point_at_the_matched_words(index, article):
    result = index.search("nasal spray")
    number = next(iter(result.sections))
    text = f"{article.sections[number].title}\n{article.sections[number].body}"
    matched = [text[a:b].lower() for a, b in index.spans(number, result.sections[number])]
    assert "nasal spray" in matched and "intranasal" in matched


def test_stop_words_alone_are_still_searched_but_do_not_narrow_a_query():
    index = SearchIndex([(0, "the cat"), (1, "a dog")])
    assert list(index.search("the cat").sections) == [0]
    assert list(index.search("the").sections) == [0]


def test_synonym_table_joins_declared_terms_typed_as_separate_words():
    table = SynonymTable((("nasal spray", "intranasal"),))
    [clause] = parse_query("nasal sprays", table)
    assert ("intranasal",) in clause.variants


queries = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.sampled_from(".*+?[](){}^$|\\\"'-\x00\x07\n\t é"), max_size=40),
    st.just("a" * 10_000),
    st.text(alphabet='ab "-', min_size=1, max_size=100).map(lambda s: (s * 10_000)[:10_000]),
)


@settings(max_examples=200, deadline=None)
@given(queries)
def test_any_query_never_raises_and_only_returns_real_matches(index, query):
    result = index.search(query)
    for number, hits in result.sections.items():
        assert hits.count > 0
        for start, end in index.spans(number, hits):
            assert start < end


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_any_word_of_a_section_finds_that_section(article, data):
    index = SearchIndex([(s.number, f"{s.title}\n{s.body}") for s in article.sections])  # no synonyms
    section = data.draw(st.sampled_from(article.sections))
    tokens = tokenize(f"{section.title}\n{section.body}")
    word = data.draw(st.sampled_from(tokens)).norm
    result = index.search(f'"{word}"')
    assert section.number in result.sections
    for number, hits in result.sections.items():
        text = f"{article.sections[number].title}\n{article.sections[number].body}"
        assert all(fold(text[a:b]).startswith(word[:3]) or len(word) < 3 for a, b in index.spans(number, hits))


def _summary(result):
    return {n: (hits.runs, hits.fuzzy) for n, hits in result.sections.items()}, result.corrections


typed_queries = st.lists(
    st.sampled_from(["TRD", "TRD ket", "ketamin", "side efects", '"nasal spray"', "bladder", "iv", "monitor", "xyzzy", ""]),
    min_size=1,
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(typed_queries)
def test_remembered_clauses_give_what_a_fresh_index_gives(article, queries):
    entries = [(s.number, f"{s.title}\n{s.body}") for s in article.sections]
    synonyms = SynonymTable(article.metadata.synonyms)
    warm = SearchIndex(entries, synonyms)
    for query in queries:
        assert _summary(warm.search(query)) == _summary(SearchIndex(entries, synonyms).search(query)), query


def test_a_clause_remembered_for_one_query_is_not_changed_by_the_next(index):
    alone = _summary(index.search("TRD"))
    index.search("TRD ketamine bladder")
    index.search("TRD side efects")
    assert _summary(index.search("TRD")) == alone


def test_an_index_built_a_section_at_a_time_finds_what_one_built_at_once_finds(article, index):
    from viewer.core.search import IndexBuilder

    builder = IndexBuilder(SynonymTable(article.metadata.synonyms))
    for section in article.sections:
        builder.add(section.number, f"{section.title}\n{section.body}")
    built = builder.finish()
    for query in ["TRD", "bladder", "side efects", '"nasal spray"', "monitor ketamine"]:
        assert _summary(built.search(query)) == _summary(index.search(query)), query


def test_the_clause_memory_stays_within_its_bounds(article, monkeypatch):
    import viewer.core.search as search

    monkeypatch.setattr(search, "CLAUSE_CACHE_CLAUSES", 4)
    monkeypatch.setattr(search, "CLAUSE_CACHE_HITS", 12)
    index = SearchIndex([(s.number, f"{s.title}\n{s.body}") for s in article.sections])
    for query in ["ketamine", "depression", "bladder", "infusion", "dose", "ketamine", "nasal"]:
        index.search(query)
        remembered = index._clause_cache.values()
        assert len(remembered) <= 4
        assert sum(len(hits) for hits, _ in remembered) <= max(12, len(index.search(query).sections))
    assert _summary(index.search("ketamine")) == _summary(SearchIndex(index_entries(article)).search("ketamine"))


def index_entries(article):
    return [(s.number, f"{s.title}\n{s.body}") for s in article.sections]


def test_word_forms_found_in_one_section_add_up_without_changing_the_index():
    index = SearchIndex([(0, "One infusion, then infusions weekly; infusion again."), (1, "Infusions only.")])
    for _ in range(2):  # the second search must see the index as the first did
        index.forget_clauses()
        result = index.search("infusion")
        assert {n: hits.count for n, hits in result.sections.items()} == {0: 3, 1: 1}
        assert [b - a for a, b in index.spans(0, result.sections[0])] == [8, 9, 8]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["the", "word", "words", "a", '"a word"', "word word", "wor"]), min_size=1, max_size=4))
def test_a_hit_count_is_the_number_of_distinct_spans_marked(words):
    text = "A word, the words; a word word the a. Words the word."
    index = SearchIndex([(0, text)])
    result = index.search(" ".join(words))
    for number, hits in result.sections.items():
        spans = index.spans(number, hits)
        assert hits.count == len(spans)
        assert all(end <= next_start for (_, end), (next_start, _) in pairwise(spans)), "no overlap"


def test_a_word_typed_twice_marks_each_occurrence_once():
    text = "bladder problems and bladder pain"
    index = SearchIndex([(0, text)])
    hits = index.search("bladder bladder").sections[0]
    assert [text[a:b] for a, b in index.spans(0, hits)] == ["bladder", "bladder"]
    assert hits.count == text.count("bladder")


def test_words_of_a_search_side_by_side_are_one_hit_marked_whole():
    text = "Title\nCommon side effects; a side note; effects side effects."
    index = SearchIndex([(0, text)])
    hits = index.search("side effects").sections[0]
    marked = [text[a:b] for a, b in index.spans(0, hits)]
    assert marked == ["side effects", "side", "effects side effects"]  # the last: three words in a row, two clauses
    assert hits.count == len(marked)


def test_the_same_word_twice_in_a_row_is_two_hits():
    index = SearchIndex([(0, "Title\ndose dose")])
    hits = index.search("dose").sections[0]
    assert hits.count == 2 and len(index.spans(0, hits)) == 2


def test_suggestions_are_slips_of_the_keys_or_the_same_stem_never_just_similar_words():
    index = SearchIndex([(0, "Over the years, the infusion caused nausea; healthcare staff watched the ketamine dose.")])
    assert index.suggestions("infusoin") == ["infusion"]  # two letters swapped
    assert index.suggestions("letamine") == ["ketamine"]  # a slip on the first letter
    assert index.suggestions("nauseous") == ["nausea"]  # the same stem
    assert index.suggestions("covered") == []  # sounds like "over", but nobody typing "covered" meant it
    assert index.suggestions("headache") == []  # nor "healthcare"
