"""The bundled plain-language vocabulary: words readers use for what articles say in other words, and question words.

Two files under resources/vocabulary/, both plain text an editor can extend (docs/search-vocabulary.md):

- plain-language.txt: one group a line, terms that mean the same to a reader separated by "=",
  as in an article's Synonyms metadata ("urinary = bladder = urine"); a term in several groups
  has the equivalents of each;
- question-words.txt: question and filler words ("how", "does", "my"), separated by spaces or lines.

Lines starting with # are comments. A line that cannot be read is left out and reported with its
file and line number; the rest still works.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache

from viewer.core.query import STOP_WORDS, SynonymTable
from viewer.core.resources import read_resource_text, resource_path
from viewer.core.text import words

PLAIN_LANGUAGE = "vocabulary/plain-language.txt"
QUESTION_WORDS = "vocabulary/question-words.txt"
_log = logging.getLogger("viewer.search")


@dataclass(frozen=True)
class Vocabulary:
    """Plain-language equivalents and the words a question is made of besides its subject."""

    equivalents: SynonymTable = field(default_factory=SynonymTable)
    question_words: frozenset[str] = STOP_WORDS
    problems: tuple[str, ...] = ()  # lines left out, each naming its file and line


def parse_equivalents(text: str, source: str) -> tuple[tuple[tuple[str, ...], ...], list[str]]:
    """The groups of a plain-language file, and a message for every line that is not one."""
    groups, problems = [], []
    for number, line in _content_lines(text):
        terms = tuple(term.strip() for term in line.split("=") if term.strip())
        if len(terms) < 2 or not all(words(term) for term in terms):
            problems.append(f"{source}, line {number}: expected terms separated by '=', such as 'urinary = bladder'")
            continue
        groups.append(terms)
    return tuple(groups), problems


def parse_question_words(text: str) -> frozenset[str]:
    """The folded words of a question-words file."""
    return frozenset(word for _, line in _content_lines(text) for word in words(line))


def _content_lines(text: str) -> list[tuple[int, str]]:
    lines = enumerate(text.splitlines(), start=1)
    return [(number, line) for number, line in lines if line.strip() and not line.lstrip().startswith("#")]


def vocabulary_from_text(plain_language: str, question_words: str, source: str = PLAIN_LANGUAGE) -> Vocabulary:
    """A vocabulary from the text of its two files; lines that cannot be read are named in its problems."""
    groups, problems = parse_equivalents(plain_language, source)
    return Vocabulary(SynonymTable(groups, overlapping=True), STOP_WORDS | parse_question_words(question_words), tuple(problems))


@cache
def bundled_vocabulary() -> Vocabulary:
    """The vocabulary shipped with the viewer (read once); without it, search still works as before."""
    try:
        plain_language, question_words = read_resource_text(PLAIN_LANGUAGE), read_resource_text(QUESTION_WORDS)
        vocabulary = vocabulary_from_text(plain_language, question_words, str(resource_path(PLAIN_LANGUAGE)))
    except (OSError, UnicodeDecodeError) as error:
        name = getattr(error, "filename", None) or "resources/vocabulary"
        vocabulary = Vocabulary(problems=(f"{name}: the search vocabulary cannot be read ({error.__class__.__name__})",))
    for problem in vocabulary.problems:
        _log.warning("%s", problem)
    return vocabulary
