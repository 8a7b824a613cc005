"""Reading what the user typed: words, quoted phrases and declared synonyms, as clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.core.text import stem, words

MAX_QUERY_CHARS = 500  # a pasted page is cut here: nobody searches with more
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "which",
        "with",
    ]
)
_QUOTED = re.compile(r'"([^"]*)"?')


@dataclass(frozen=True)
class Clause:
    """Something a section must mention: any one of its variants, each a sequence of words.

    *typed* is what the user wrote for it; *loose* clauses may match approximately.
    """

    typed: str
    variants: tuple[tuple[str, ...], ...]
    loose: bool = True


class SynonymTable:
    """Groups of interchangeable terms, as declared in an article's metadata or a bundled vocabulary.

    Terms are compared by their word stems: 'infusions' finds a group declaring 'infusion'. Where a
    term is in two groups, the first declared wins; with *overlapping*, it has every term of both.
    """

    def __init__(self, groups: tuple[tuple[str, ...], ...] = (), overlapping: bool = False) -> None:
        self._groups = [tuple(t for t in (tuple(words(term)) for term in group) if t) for group in groups]
        self._group_by_stems: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
        for group in self._groups:
            for term in group:
                key = _stems(term)
                known = self._group_by_stems.get(key)
                if known is None:
                    self._group_by_stems[key] = group
                elif overlapping:
                    self._group_by_stems[key] = known + tuple(t for t in group if t not in known)
        self._longest_term = max((len(term) for group in self._groups for term in group), default=0)

    def group_of(self, phrase: tuple[str, ...]) -> tuple[tuple[str, ...], ...] | None:
        """The terms declared together with *phrase* (itself included), or None."""
        return self._group_by_stems.get(_stems(phrase))

    def expand(self, phrase: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
        """*phrase* and every synonym declared for it."""
        group = self.group_of(phrase)
        if group is None:
            return (phrase,)
        key = _stems(phrase)
        return (phrase, *(term for term in group if _stems(term) != key))

    def longest_at(self, query_words: list[str], start: int) -> int:
        """How many words from *start* form the longest declared term (0 if none)."""
        for length in range(min(self._longest_term, len(query_words) - start), 0, -1):
            if _stems(query_words[start : start + length]) in self._group_by_stems:
                return length
        return 0


def parse_query(text: str, synonyms: SynonymTable | None = None, question_words: frozenset[str] = frozenset()) -> list[Clause]:
    """Split *text* into clauses: quoted phrases, declared terms and single words.

    Stop words, and any *question_words* ("how", "does", "don't"), are left out unless nothing else is typed.
    """
    clauses = parse_clauses(text, synonyms)
    meaningful = [c for c in clauses if not _is_stop_word(c)]
    subject = [c for c in meaningful if not only_words_of(c, question_words)]
    return subject or meaningful or clauses


def parse_clauses(text: str, synonyms: SynonymTable | None = None) -> list[Clause]:
    """Every clause of *text*, stop words included, in the order typed."""
    synonyms = synonyms or SynonymTable()
    text = text[:MAX_QUERY_CHARS]
    clauses: list[Clause] = []
    position = 0
    for quoted in _QUOTED.finditer(text):
        clauses += _unquoted_clauses(text[position : quoted.start()], synonyms)
        phrase = tuple(words(quoted.group(1)))
        if phrase:
            clauses.append(Clause(quoted.group(1).strip(), synonyms.expand(phrase), loose=False))
        position = quoted.end()
    clauses += _unquoted_clauses(text[position:], synonyms)
    return clauses


def _unquoted_clauses(text: str, synonyms: SynonymTable) -> list[Clause]:
    clauses: list[Clause] = []
    for chunk in text.split():
        chunk_words = words(chunk)
        if len(chunk_words) > 1:  # "treatment-resistant" typed as one word is a phrase
            clauses.append(Clause(chunk, synonyms.expand(tuple(chunk_words))))
        elif chunk_words:
            clauses.append(Clause(chunk, ((chunk_words[0],),)))
    return _join_declared_terms(clauses, synonyms)


def _join_declared_terms(clauses: list[Clause], synonyms: SynonymTable) -> list[Clause]:
    single = [c.variants[0][0] if len(c.variants[0]) == 1 else "" for c in clauses]
    joined: list[Clause] = []
    index = 0
    while index < len(clauses):
        length = synonyms.longest_at(single, index) if single[index] else 0
        if length:
            term = tuple(single[index : index + length])
            typed = " ".join(c.typed for c in clauses[index : index + length])
            joined.append(Clause(typed, synonyms.expand(term)))
            index += length
        else:
            joined.append(clauses[index])
            index += 1
    return joined


def _stems(phrase: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(stem(word) for word in phrase)


def _is_stop_word(clause: Clause) -> bool:
    return clause.loose and clause.variants == ((clause.variants[0][0],),) and clause.variants[0][0] in STOP_WORDS


def only_words_of(clause: Clause, vocabulary: frozenset[str]) -> bool:
    """Whether *clause* is unquoted, has no declared synonyms, and each of its words is in *vocabulary*."""
    return clause.loose and len(clause.variants) == 1 and all(word in vocabulary for word in clause.variants[0])
