"""The plain-language vocabulary and question words: read from editable files, the article's own synonyms first."""

import pytest

from viewer.core import vocabulary as vocabulary_module
from viewer.core.query import SynonymTable
from viewer.core.question import equivalent_terms, parse_question
from viewer.core.vocabulary import bundled_vocabulary, parse_equivalents, parse_question_words, vocabulary_from_text


def test_groups_are_read_one_a_line_and_comments_and_blank_lines_are_skipped():
    text = "# a comment\n\nurinary = bladder\n  # indented comment\nsleepy = drowsy = sedation\n"
    groups, problems = parse_equivalents(text, "plain.txt")
    assert groups == (("urinary", "bladder"), ("sleepy", "drowsy", "sedation"))
    assert problems == []


@pytest.mark.parametrize("line", ["urinary", "urinary =", "= bladder", "urinary = ... = bladder"])
def test_a_line_that_is_not_a_group_is_left_out_and_named_with_its_file_and_line(line):
    groups, problems = parse_equivalents(f"sleepy = drowsy\n{line}\npainkiller = pain relief\n", "plain.txt")
    assert groups == (("sleepy", "drowsy"), ("painkiller", "pain relief"))
    assert problems == ["plain.txt, line 2: expected terms separated by '=', such as 'urinary = bladder'"]


def test_question_words_are_folded_and_may_share_lines():
    assert parse_question_words("# asking\nHow what\nDOES\n") == {"how", "what", "does"}


def test_a_term_in_two_groups_has_the_equivalents_of_both():
    table = vocabulary_from_text("drip = infusion\nvein = intravenous = drip\n", "").equivalents
    assert set(table.group_of(("drip",))) == {("drip",), ("infusion",), ("vein",), ("intravenous",)}
    assert set(table.group_of(("infusion",))) == {("drip",), ("infusion",)}  # one group: no chaining through drip


def test_the_bundled_vocabulary_reads_cleanly_and_knows_the_issues_examples():
    vocabulary = bundled_vocabulary()
    assert vocabulary.problems == ()
    examples = [("urinary", "bladder"), ("sleepy", "sedation"), ("painkiller", "pain relief"), ("duration", "minutes")]
    for plain, medical in examples:
        assert tuple(medical.split()) in vocabulary.equivalents.group_of((plain,)), plain
    assert {"how", "what", "is", "does", "can", "will", "my", "i"} <= vocabulary.question_words


def test_an_unreadable_vocabulary_is_reported_and_search_goes_on_without_it(monkeypatch):
    def missing(name):
        raise FileNotFoundError(2, "No such file", f"/bundle/resources/{name}")

    monkeypatch.setattr(vocabulary_module, "read_resource_text", missing)
    bundled_vocabulary.cache_clear()
    try:
        vocabulary = bundled_vocabulary()
    finally:
        bundled_vocabulary.cache_clear()
    assert vocabulary.problems == (
        "/bundle/resources/vocabulary/plain-language.txt: the search vocabulary cannot be read (FileNotFoundError)",
    )
    assert vocabulary.equivalents.group_of(("urinary",)) is None


def terms(text, article=(), plain="", question_words="how long is does my i"):
    return parse_question(text, SynonymTable(article), vocabulary_from_text(plain, question_words))


def test_question_words_are_marked_and_the_subject_is_not():
    found = terms("how does my infusion")
    assert [(t.typed, t.question_word) for t in found] == [("how", True), ("does", True), ("my", True), ("infusion", False)]


def test_a_phrase_of_question_words_with_equivalents_asks_for_them():
    [how_long, infusion] = terms("how long infusion", plain="how long = duration = minutes\n")
    assert how_long.typed == "how long" and not how_long.question_word
    assert how_long.equivalents.variants == (("duration",), ("minutes",))
    assert infusion.equivalents is None


def test_a_single_question_word_stays_one_whatever_the_vocabulary_says():
    [take] = terms("take", plain="take = administered\n", question_words="take")
    assert take.question_word and take.equivalents is None


def test_a_quoted_phrase_gets_no_equivalents():
    [quoted] = terms('"urinary"', plain="urinary = bladder\n")
    assert quoted.equivalents is None and not quoted.question_word


def test_the_articles_synonyms_win_over_the_vocabulary_for_a_term_it_declares():
    article = (("IV", "intravenous"),)
    vocabulary = SynonymTable((("iv", "four"),), overlapping=True)
    assert equivalent_terms(("iv",), SynonymTable(article), vocabulary) == ()


def test_an_equivalent_the_article_gives_another_meaning_is_left_out():
    article = SynonymTable((("IV", "intravenous"),))
    vocabulary = SynonymTable((("four", "iv", "quartet"),), overlapping=True)
    assert equivalent_terms(("four",), article, vocabulary) == (("quartet",),)


def test_an_equivalent_the_article_declares_with_the_same_meaning_is_kept():
    article = SynonymTable((("nasal spray", "intranasal"),))
    vocabulary = SynonymTable((("nose spray", "nasal spray", "intranasal"),), overlapping=True)
    assert equivalent_terms(("nose", "spray"), article, vocabulary) == (("nasal", "spray"), ("intranasal",))
