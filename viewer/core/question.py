"""Reading a search as a question: which words carry its subject, which only ask, and what else to look for.

The article's declared synonyms come first; the bundled plain-language vocabulary adds equivalents
only for what the article does not declare, and never a term the article gives another meaning.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.query import Clause, SynonymTable, parse_clauses
from viewer.core.text import stem, words
from viewer.core.vocabulary import Vocabulary


@dataclass(frozen=True)
class Term:
    """One thing a question asks about, as typed.

    *clause* matches what was typed with the article's synonyms (and typos); *equivalents*, when
    the vocabulary has any, matches its plain-language equivalents exactly. A *question_word* term
    (how, does, my, ...) with no equivalents is never needed for a section to answer.
    """

    typed: str
    clause: Clause
    equivalents: Clause | None = None
    question_word: bool = False

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """What to match for this term: any of these clauses."""
        return (self.clause,) if self.equivalents is None else (self.clause, self.equivalents)


class _ArticleFirst:
    """Joins words into declared terms, the article's before the vocabulary's; expands by the article's only."""

    def __init__(self, article: SynonymTable, vocabulary: SynonymTable) -> None:
        self._article, self._vocabulary = article, vocabulary

    def expand(self, phrase: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
        return self._article.expand(phrase)

    def longest_at(self, query_words: list[str], start: int) -> int:
        return self._article.longest_at(query_words, start) or self._vocabulary.longest_at(query_words, start)


def parse_question(text: str, article: SynonymTable, vocabulary: Vocabulary) -> list[Term]:
    """The terms of *text*, each with its plain-language equivalents and whether it is only a question word."""
    terms = []
    for clause in parse_clauses(text, _ArticleFirst(article, vocabulary.equivalents)):  # type: ignore[arg-type]
        typed = clause.variants[0]
        equivalents = equivalent_terms(typed, article, vocabulary.equivalents) if clause.loose else ()
        # "how long" asks for a duration; "take" alone asks nothing, whatever the vocabulary says
        asks_only = clause.loose and (not equivalents or len(typed) == 1) and all(w in vocabulary.question_words for w in typed)
        equivalents = () if asks_only else equivalents
        also = Clause(clause.typed, equivalents, loose=False) if equivalents else None
        terms.append(Term(clause.typed, clause, also, asks_only))
    return terms


def equivalent_terms(phrase: tuple[str, ...], article: SynonymTable, vocabulary: SynonymTable) -> tuple[tuple[str, ...], ...]:
    """The vocabulary's equivalents of *phrase* that the article does not already cover or contradict.

    None when the article declares *phrase* itself: its synonyms win. An equivalent the article
    declares in a group sharing nothing else with the vocabulary's means something else there.
    """
    group = vocabulary.group_of(phrase)
    if group is None or article.group_of(phrase) is not None:
        return ()
    own = _stems(phrase)
    in_group = {_stems(term) for term in group}
    kept = []
    for term in group:
        declared = article.group_of(term)
        contradicted = declared is not None and not ({_stems(t) for t in declared} - {_stems(term)}) & in_group
        if _stems(term) != own and not contradicted:
            kept.append(term)
    return tuple(kept)


def chosen_term(keyword: str, article: SynonymTable) -> Term:
    """A keyword chip as a term: its exact phrase, with the article's synonyms."""
    phrase = tuple(words(keyword))
    return Term(keyword, Clause(keyword, article.expand(phrase), loose=False))


def _stems(phrase: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(stem(word) for word in phrase)
