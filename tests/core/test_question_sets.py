"""The question sets the benchmark scores search with: well-formed, about real sections, and answered."""

import pytest

from benchmarks.questions import QUESTION_SETS, TARGET_TOP3, check_titles, load_questions, score
from viewer.core.answers import QuestionSearch
from viewer.core.query import SynonymTable
from viewer.core.search import SearchIndex
from viewer.core.text import blank_enumerator


@pytest.fixture(scope="module")
def article():
    from tests.conftest import BUNDLED_ARTICLE
    from viewer.core.loader import load_article

    return load_article(BUNDLED_ARTICLE)


@pytest.mark.parametrize("name", QUESTION_SETS)
def test_every_question_names_sections_the_article_has(article, name):
    questions = load_questions(QUESTION_SETS[name])
    assert questions
    check_titles(article, questions, QUESTION_SETS[name])


def test_the_tuned_set_asks_at_least_forty_questions_and_several_about_each_section_with_text(article):
    questions = load_questions(QUESTION_SETS["tuned on"])
    assert len(questions) >= 40
    for section in article.sections:
        if section.body.strip():
            asking = [q for q in questions if section.title in q.answers]
            assert len(asking) >= 2, section.title


def test_a_malformed_line_is_named_with_its_file_and_line(tmp_path):
    path = tmp_path / "questions.txt"
    path.write_text("# comment\nhow long -> A. Infusion Therapy\nno arrow here\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"questions.txt, line 3: expected 'question -> section title"):
        load_questions(path)


@pytest.mark.parametrize("name", QUESTION_SETS)
def test_search_answers_the_target_share_within_the_first_three(article, name):
    entries = [(s.number, f"{blank_enumerator(s.title)}\n{s.body}") for s in article.sections]
    answers = QuestionSearch(SearchIndex(entries, SynonymTable(article.metadata.synonyms)))
    titles = {s.number: s.title for s in article.sections}
    result = score(name, load_questions(QUESTION_SETS[name]), titles, lambda text: answers.answer(text).offered())
    assert result.first_three / result.asked >= TARGET_TOP3, [q.text for q, _ in result.missed]
