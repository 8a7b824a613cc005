"""What a search answers: the strict filter first, then what comes after it when it finds nothing.

1. Every word (the strict filter): sections that mention every word typed, as before. Question words
   (how, does, my, ...) are left out as stop words always were; a search of nothing else is searched
   as typed and says so (ONLY_QUESTION_WORDS).
2. In other words: when the article's own words find nothing, the bundled plain-language vocabulary
   adds equivalents ("urinary" also finds "bladder"), after and never against the article's synonyms.
3. Some of the words: when no section mentions all of them, the sections that mention the most,
   ranked by relevance (BM25F), the best PARTIAL_LIMIT of them; the words found nowhere are named.
4. Nothing: with "did you mean" suggestions from the article's own words.

Every answer ranks its sections by relevance on request; the tree still shows them in article order.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from operator import attrgetter

from viewer.core.question import Term, chosen_term, parse_question
from viewer.core.ranking import Relevance, best_by_relevance, by_relevance
from viewer.core.search import SearchIndex, SearchResult, SectionHits, matching_all
from viewer.core.text import words
from viewer.core.vocabulary import Vocabulary, bundled_vocabulary

PARTIAL_LIMIT = 20  # best partial matches shown: past these, sections mention too little to be worth a look
FIRST_OFFERED = 20  # put in order on a keystroke (the ranks shown, the first hit); the rest only when stepped to
ALSO_SEARCHED_LIMIT = 6
ALSO_SEARCHED_SECTIONS = 50  # looked through for them: enough to name the commonest, cheap on a long article
SUGGESTION_MIN_CHARS = 3
_COUNT = attrgetter("count")


class AnswerKind(Enum):
    """Which rule found the sections of an answer."""

    EVERY_WORD = "every word"  # the strict filter, as before
    IN_OTHER_WORDS = "in other words"  # every word, some only through plain-language equivalents
    SOME_WORDS = "some words"  # no section mentions all: the best partial matches
    ONLY_QUESTION_WORDS = "only question words"  # nothing but how, what, is, my, ... was typed
    NOTHING = "nothing"


@dataclass
class Answer:
    """The sections a search answers with, and what to tell the reader about how they were found."""

    kind: AnswerKind
    typed: str
    result: SearchResult  # the sections shown with their hits, as the filter and highlights take them
    found: list[str] = field(default_factory=list)  # typed terms the sections shown mention (rules 2 and 3)
    missing: list[str] = field(default_factory=list)  # typed terms no section mentions
    left_out: list[str] = field(default_factory=list)  # question words not needed
    also_searched: list[str] = field(default_factory=list)  # the vocabulary's words found in the sections shown
    mentions: dict[int, list[str]] = field(default_factory=dict)  # section -> typed terms it mentions (rule 3)
    _scores: dict[int, float] | None = None
    _ranked: list[int] | None = None
    _best: list[int] | None = None  # the first of _ranked, found without ordering the rest
    _offered: list[int] | None = None
    _scoring: tuple[Relevance, list[dict[int, SectionHits]], list[Hashable]] | None = None
    _suggesting: tuple[SearchIndex, list[Term]] | None = None
    _suggestions: list[str] | None = None

    @property
    def sections(self) -> dict[int, SectionHits]:
        """The sections shown, by number, with their hits."""
        return self.result.sections

    @property
    def read_as_question(self) -> bool:
        """Whether the search was read as a question, not filtered word for word: offered by relevance, best first."""
        return self.kind in (AnswerKind.IN_OTHER_WORDS, AnswerKind.SOME_WORDS) or (
            self.kind is AnswerKind.EVERY_WORD and bool(self.left_out)
        )

    def offered(self) -> list[int]:
        """The sections in the order the reader is taken through them: by relevance for a question,
        else as the strict filter always did (article order, exact matches before approximate ones)."""
        if self._offered is None:  # asked on every step and for every "Hit 2 of 5": sorted once
            self._offered = self.ranked() if self.read_as_question else self.result.ranked()
        return self._offered

    def offered_first(self, count: int) -> list[int]:
        """offered()[:count], without putting every other section in order while nobody steps that far."""
        if self._offered is None and self.read_as_question:
            return self.ranked_first(count)
        return self.offered()[:count]

    def step(self, current: tuple[int, int] | None, forward: bool = True) -> tuple[int, int] | None:
        """The hit after (or before) *current*, as (section, index of the hit in it), in the order offered, wrapping round.

        With no current hit, the first (or last) one. None when there are no hits.
        """
        if not self.sections:  # every section shown has a hit
            return None
        if current is None or current[0] not in self.sections:
            number = self.offered_first(1)[0] if forward else self.offered()[-1]
            return number, 0 if forward else self.sections[number].count - 1
        order = self.offered()
        number, hit = current[0], current[1] + (1 if forward else -1)
        while not 0 <= hit < self.sections[number].count:
            number = order[(order.index(number) + (1 if forward else -1)) % len(order)]
            hit = 0 if forward else self.sections[number].count - 1
        return number, hit

    def hit_number(self, current: tuple[int, int]) -> int:
        """Where *current* stands among all hits in the order offered: 1 for the first."""
        number, hit = current
        for order in (self.offered_first(FIRST_OFFERED), self.offered()):  # the hit shown is nearly always a first one
            if number in order:  # summed in C: the section being read may come after thousands of others
                before = order[: order.index(number)]
                return sum(map(_COUNT, map(self.sections.__getitem__, before))) + hit + 1
        raise KeyError(number)

    def ranked(self) -> list[int]:
        """The sections shown, most relevant first (scored on first use: a strict answer may never need it)."""
        if self._ranked is None:
            self._ranked = by_relevance(self.scores())
        return self._ranked

    def ranked_first(self, count: int) -> list[int]:
        """ranked()[:count]: on a long answer, without ordering the sections past them."""
        if self._ranked is not None:
            return self._ranked[:count]
        if self._best is None or (len(self._best) < count and len(self._best) < len(self.sections)):
            self._best = best_by_relevance(self.scores(), max(count, FIRST_OFFERED))
        return self._best[:count]

    def scores(self) -> dict[int, float]:
        """Each shown section's relevance score."""
        if self._scores is None:
            ranking, term_hits, terms = self._scoring if self._scoring else (None, [], [])
            self._scores = ranking.scores(term_hits, self.sections, terms) if ranking else dict.fromkeys(self.sections, 0.0)
        return self._scores

    def ranks(self, limit: int | None = None) -> dict[int, int]:
        """Each shown section's place by relevance, 1 for the most relevant: the first *limit* places, or all."""
        order = self.ranked() if limit is None else self.ranked_first(limit)
        return {number: place for place, number in enumerate(order, start=1)}

    def suggestions(self, limit: int = 3) -> list[str]:
        """ "Did you mean" searches: what was typed with words found nowhere replaced by the article's nearest words."""
        if self._suggestions is None:
            index, missing = self._suggesting if self._suggesting else (None, [])
            self._suggestions = _suggest(index, self.typed, missing, limit) if index else []
        return self._suggestions


class QuestionSearch:
    """Answers searches over one article's index, reading them as questions when the strict filter finds nothing."""

    def __init__(self, index: SearchIndex, vocabulary: Vocabulary | None = None) -> None:
        self.index = index
        self.vocabulary = vocabulary if vocabulary is not None else bundled_vocabulary()
        self.relevance = Relevance(index)

    def answer(self, text: str, chosen: Iterable[str] = ()) -> Answer:
        """The answer to *text* typed with the keyword chips *chosen*."""
        chosen = list(chosen)
        strict = self.index.search(text, chosen, self.vocabulary.question_words)
        terms = parse_question(text, self.index.synonyms, self.vocabulary) if words(text) else []
        needed = [term for term in terms if not term.question_word]
        left_out = [term.typed for term in terms if term.question_word]
        if terms and not needed:  # searched as typed, as a search of stop words alone always was
            return self._strict_answer(AnswerKind.ONLY_QUESTION_WORDS, strict, text, left_out, [])
        if strict.sections or not terms:
            kind = AnswerKind.EVERY_WORD if strict.sections else AnswerKind.NOTHING
            asking = self._asking_phrases(needed)  # left out of the filter too: they only rank
            return self._strict_answer(kind, strict, text, [t.typed for t in terms if t.question_word or t in asking], asking)
        chips = [chosen_term(keyword, self.index.synonyms) for keyword in chosen if words(keyword)]
        return _Asking(self.index, self.relevance, text, needed, chips, left_out).answer()

    def _strict_answer(
        self, kind: AnswerKind, strict: SearchResult, text: str, left_out: list[str], asking: list[Term]
    ) -> Answer:
        """The strict filter's sections; what a question phrase asks for ("how much": dose) only ranks them."""
        clauses = [*strict.clauses, *(term.equivalents for term in asking)] if strict.sections else []
        term_hits = [self.index.clause_hits(clause)[0] for clause in clauses]
        return Answer(kind, text, strict, left_out=left_out, _scoring=(self.relevance, term_hits, clauses))

    def _asking_phrases(self, needed: list[Term]) -> list[Term]:
        """Terms of question words only that the vocabulary gives equivalents ("how long", "how much")."""
        question_words = self.vocabulary.question_words
        return [t for t in needed if t.equivalents and all(word in question_words for word in t.clause.variants[0])]


class _Asking:
    """Rules 2 and 3 for one search: each needed term with its equivalents, then all of them or the best partial matches."""

    def __init__(
        self, index: SearchIndex, relevance: Relevance, text: str, needed: list[Term], chips: list[Term], left_out: list[str]
    ) -> None:
        self.index, self.relevance, self.text, self.needed, self.left_out = index, relevance, text, needed, left_out
        self.corrections: dict[str, list[str]] = {}
        self.with_equivalents: list[Term] = []  # the terms the article's own words did not find
        self.terms: list[Hashable] = []  # what each of hits + chip_hits matched, named for the relevance memory
        self.chip_hits = [self._term_hits(term) for term in chips]
        self.hits = [self._term_hits(term) for term in needed]
        self.terms = self.terms[len(chips) :] + self.terms[: len(chips)]  # in the order of hits + chip_hits
        self.clauses = [
            clause for term in needed + chips for clause in (term.clauses if term in self.with_equivalents else [term.clause])
        ]

    def answer(self) -> Answer:
        every = matching_all(self.hits + self.chip_hits)
        if every:
            return self._answer(AnswerKind.IN_OTHER_WORDS, every, None)
        allowed = matching_all(self.chip_hits).keys() if self.chip_hits else None
        coverage: Counter[int] = Counter()
        for hits in self.hits:  # counted in C: a common word is in thousands of sections
            coverage.update(hits.keys() if allowed is None else hits.keys() & allowed)
        if not coverage:
            return self._answer(AnswerKind.NOTHING, {}, None)
        scores = self._best_partial(coverage)
        sections = {number: _merged([hits[number] for hits in self.hits + self.chip_hits if number in hits]) for number in scores}
        return self._answer(AnswerKind.SOME_WORDS, sections, scores)

    def _best_partial(self, coverage: Counter[int]) -> dict[int, float]:
        """The PARTIAL_LIMIT sections that mention the most terms, the most relevant first among equals, with their scores.

        Only the sections that can make it are scored: all of those mentioning more terms than the
        last ones taken, and those mentioning as many as the last ones, of which the best are taken.
        """
        sections_by_count, taken = Counter(coverage.values()), 0
        for least in sorted(sections_by_count, reverse=True):  # the fewest terms a section taken can mention
            if taken + sections_by_count[least] >= PARTIAL_LIMIT:
                break
            taken += sections_by_count[least]
        if len(sections_by_count) == 1:
            above, level = [], list(coverage)
        else:
            above = [number for number, count in coverage.items() if count > least]
            level = [number for number, count in coverage.items() if count == least]
        scores = self.relevance.scores(self.hits + self.chip_hits, above + level, self.terms)
        # nlargest is a stable sort's first few: equal scores keep document order, as the full sort did
        best = above + heapq.nlargest(PARTIAL_LIMIT - len(above), sorted(level), key=scores.__getitem__)
        return {number: scores[number] for number in best}

    def _answer(self, kind: AnswerKind, sections: dict[int, SectionHits], scores: dict[int, float] | None) -> Answer:
        partial = kind is AnswerKind.SOME_WORDS  # otherwise every section mentions every needed term
        mentions = {number: self._mentioned_in(number) for number in sections} if partial else {}
        mentioned = {typed for names in mentions.values() for typed in names} if partial else set(self._typed_needed)
        answer = Answer(
            kind,
            self.text,
            SearchResult(self.clauses, dict(sorted(sections.items())), self.corrections),
            found=[term.typed for term in self.needed if term.typed in mentioned],
            missing=[term.typed for term, hits in zip(self.needed, self.hits, strict=True) if not hits],
            left_out=self.left_out,
            also_searched=self._also_searched(sections),
            mentions=mentions,
            _scores=scores,
            _scoring=(self.relevance, self.hits + self.chip_hits, self.terms),
        )
        missing_terms = [term for term, hits in zip(self.needed, self.hits, strict=True) if not hits]
        answer._suggesting = (self.index, missing_terms) if missing_terms else None
        return answer

    def _term_hits(self, term: Term) -> dict[int, SectionHits]:
        """What *term* matches: its own words, or their equivalents when those find nothing; named in self.terms."""
        hits, correction = self.index.clause_hits(term.clause)
        if correction:
            self.corrections[term.typed] = correction
        if term.equivalents is None or (hits and not correction):
            self.terms.append(term.clause)
            return hits  # the article's own word, found as typed: no need for other words
        self.with_equivalents.append(term)
        equivalent_hits, _ = self.index.clause_hits(term.equivalents)
        if not hits:
            self.terms.append(term.equivalents)
            return equivalent_hits
        self.terms.append(term)  # the same term always makes the same union
        union = dict(hits)  # a typo taken for an article word, and the equivalents of what was meant
        for number, found in equivalent_hits.items():
            union[number] = _merged([union[number], found], fuzzy=union[number].fuzzy) if number in union else found
        return union

    @property
    def _typed_needed(self) -> list[str]:
        return [term.typed for term in self.needed]

    def _mentioned_in(self, number: int) -> list[str]:
        return [term.typed for term, hits in zip(self.needed, self.hits, strict=True) if number in hits]

    def _also_searched(self, sections: dict[int, SectionHits]) -> list[str]:
        """The vocabulary's words found in the sections shown: those of the first sections that have any."""
        found: dict[str, None] = {}
        for term in self.with_equivalents:
            hits, _ = self.index.clause_hits(term.equivalents)
            for looked, number in enumerate(n for n in sections if n in hits):
                found.update(dict.fromkeys(self.index.matched_words(number, hits[number])))
                if len(found) >= ALSO_SEARCHED_LIMIT or looked >= ALSO_SEARCHED_SECTIONS:
                    break
        return list(found)[:ALSO_SEARCHED_LIMIT]


def _merged(parts: list[SectionHits], fuzzy: bool | None = None) -> SectionHits:
    """One section's hits from several terms; approximate if any term matched only approximately, unless told."""
    runs = [run for part in parts for run in part.runs]
    return SectionHits(runs, any(part.fuzzy for part in parts) if fuzzy is None else fuzzy)


def _suggest(index: SearchIndex, typed: str, missing: list[Term], limit: int) -> list[str]:
    """Searches with each word found nowhere replaced by its nearest article words: the best first, then others."""
    replacements: list[tuple[str, list[str]]] = []
    for term in missing:
        typed_words = term.clause.variants[0]
        if term.clause.loose and len(typed_words) == 1 and len(typed_words[0]) >= SUGGESTION_MIN_CHARS:
            near = index.suggestions(typed_words[0], limit)
            if near:
                replacements.append((term.typed, near))
    if not replacements:
        return []
    queries = [_replace_all(typed, [(old, near[0]) for old, near in replacements])]
    first_old, first_near = replacements[0]
    for other in first_near[1:]:
        queries.append(_replace_all(typed, [(first_old, other)] + [(old, near[0]) for old, near in replacements[1:]]))
    return list(dict.fromkeys(queries))[:limit]


def _replace_all(text: str, replacements: list[tuple[str, str]]) -> str:
    chunks = text.split()
    for old, new in replacements:
        if old in chunks:
            chunks[chunks.index(old)] = new
    return " ".join(chunks)
