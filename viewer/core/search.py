"""The search index over an article's sections and the matching that decides what a filter shows."""

from __future__ import annotations

import bisect
import re
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import compress
from operator import attrgetter, not_

from rapidfuzz import process
from rapidfuzz.distance import OSA, JaroWinkler, Prefix

from viewer.core.query import Clause, SynonymTable, parse_query
from viewer.core.text import stem, tokenize

MIN_PREFIX_CHARS = 3  # shorter words match whole words only: "iv" must not find "ivy"
# A typo is allowed in words of five letters, two in words of nine (as Meilisearch and Typesense do): a
# shorter word one letter from another is usually that other word ("cost" is not "most").
MIN_FUZZY_CHARS = 5
TWO_TYPO_CHARS = 9
# Clauses remembered: the prefixes of the last dozen or so words typed, within a bound on the hits
# kept (about 150 bytes each: some 30 MB at most).
CLAUSE_CACHE_CLAUSES = 256
CLAUSE_CACHE_HITS = 200_000
# Jaro-Winkler similarity, 0-1, which weighs the start of a word most: people type that right.
# 'nausious' suggests 'nausea' (0.83), not 'various' (0.65).
SUGGESTION_MIN_SIMILARITY = 0.8
SUGGESTION_MAX_SLIPS = 2  # letters typed wrong, left out, added or swapped
SUGGESTION_SHARED_STEM = 4  # or as many first letters in common
_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029]")
_COUNT = attrgetter("count")
_FUZZY = attrgetter("fuzzy")


class SectionHits:
    """Where one section matches, as runs of word positions, and whether only approximately.

    Each run is (start positions, words long); character spans come from SearchIndex.spans,
    only for the sections that are drawn, because most filters never need most of them.
    A search makes one of these per matching section: slots and a count made once keep that cheap.
    """

    __slots__ = ("count", "fuzzy", "runs")

    def __init__(self, runs: list[tuple[list[int], int]] | None = None, fuzzy: bool = False, count: int | None = None) -> None:
        self.runs: list[tuple[list[int], int]] = runs if runs is not None else []
        # How many hits are marked (see marked_spans). Given by a caller that knows it: one run of
        # single words, which neither overlap nor join, has as many hits as starts.
        self.count = count if count is not None else len(marked_spans(self.runs))
        self.fuzzy = fuzzy

    def add_run(self, starts: list[int], length: int) -> None:
        """Add hits of a phrase *length* words long starting at *starts*."""
        self.runs.append((starts, length))
        self.count = len(marked_spans(self.runs))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SectionHits):
            return NotImplemented
        return (self.runs, self.fuzzy) == (other.runs, other.fuzzy)

    def __repr__(self) -> str:
        return f"SectionHits(runs={self.runs!r}, fuzzy={self.fuzzy!r})"


def marked_spans(runs: list[tuple[list[int], int]]) -> list[tuple[int, int]]:
    """(first, last) word positions of each hit the *runs* mark, in text order.

    Runs that overlap (a word typed twice, a synonym of another word typed) mark one hit, and words
    of different runs side by side are one hit: "side effects" typed as two words is one hit where
    the text says "side effects", marked whole. Words of the same run side by side stay apart.
    Called for each of thousands of sections a search finds: kept plain.
    """
    if len(runs) == 1 and runs[0][1] == 1:  # one word's places: distinct, never joined
        return [(start, start) for start in sorted(set(runs[0][0]))]
    pieces = sorted([(start, start + length - 1, run) for run, (starts, length) in enumerate(runs) for start in starts])
    merged: list[tuple[int, int]] = []
    last_end, last_run = -2, -1
    for first, last, run in pieces:
        if merged and (first <= last_end or (first == last_end + 1 and run != last_run)):
            last_end = max(last, last_end)
            merged[-1] = (merged[-1][0], last_end)
        else:
            merged.append((first, last))
            last_end = last
        last_run = run
    return merged


# What one clause matched: the hits by section, and the article's words a typo was taken for.
_ClauseHits = tuple[dict[int, SectionHits], list[str] | None]


@dataclass
class SearchResult:
    """What a query found, ready to be shown."""

    clauses: list[Clause]
    sections: dict[int, SectionHits]
    corrections: dict[str, list[str]]  # typed word -> the article's words it was taken for

    @cached_property
    def match_count(self) -> int:
        """Hits over all sections (counted once: the status line and every "Hit 2 of 5" ask)."""
        return sum(map(_COUNT, self.sections.values()))  # in C: thousands of sections on a keystroke

    def ranked(self) -> list[int]:
        """Section ids, exact matches before approximate ones, then in document order."""
        fuzzy = list(map(_FUZZY, self.sections.values()))  # in C: thousands of sections on a keystroke
        if not any(fuzzy):  # nearly always: a sort of plain ints, no key made per section
            return sorted(self.sections)
        return sorted(compress(self.sections, map(not_, fuzzy))) + sorted(compress(self.sections, fuzzy))


class SearchIndex:
    """Words of every section with their positions, for fast whole-word, stem, prefix and typo matching.

    The first line of a section's text is its title (the pane's heading block, or "title\\nbody"):
    relevance ranking counts a word there for more than one in the body.
    """

    def __init__(self, entries: Iterable[tuple[int, str]], synonyms: SynonymTable | None = None) -> None:
        self.synonyms = synonyms or SynonymTable()
        self._clause_cache: OrderedDict[Clause, _ClauseHits] = OrderedDict()
        self._cached_hits = 0  # sections with hits over all remembered clauses
        self._tokens: dict[int, list[tuple[str, int, int]]] = {}
        self._title_words: dict[int, int] = {}  # how many of a section's first words are its title
        self._title_total = 0
        self._postings: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        self._vocabulary: list[str] = []
        self._by_stem: dict[str, list[str]] = defaultdict(list)
        for number, text in entries:
            self._add(number, text)
        self._index_vocabulary()

    def _add(self, number: int, text: str, offset: int = 0) -> None:
        """Index *text* as section *number*'s (its first line the title), or as the rest of it from character *offset* on."""
        continued = number in self._tokens
        tokens = self._tokens.setdefault(number, [])
        first = len(tokens)
        tokens += [(t.norm, t.start + offset, t.end + offset) for t in tokenize(text)]
        if not continued:
            line_break = _LINE_BREAK.search(text)
            title_end = line_break.start() if line_break else len(text)
            title_words = self._title_words[number] = bisect.bisect_left(tokens, title_end, key=lambda token: token[1])
            self._title_total += title_words
        for position in range(first, len(tokens)):
            norm = tokens[position][0]
            if norm not in self._postings:  # stemmed as first seen: spread over the sections
                self._by_stem[stem(norm)].append(norm)
            self._postings[norm][number].append(position)

    def _index_vocabulary(self) -> None:
        self._vocabulary = sorted(self._postings)
        count = len(self._tokens) or 1
        body_total = sum(len(tokens) for tokens in self._tokens.values()) - self._title_total
        self._average_lengths = (max(self._title_total / count, 1.0), max(body_total / count, 1.0))

    def forget_clauses(self) -> None:
        """Drop every remembered clause: the next searches run as if typed for the first time."""
        self._clause_cache.clear()
        self._cached_hits = 0

    @property
    def section_count(self) -> int:
        """How many sections are indexed."""
        return len(self._tokens)

    def average_field_lengths(self) -> tuple[float, float]:
        """The mean title and body length in words over all sections (at least 1)."""
        return self._average_lengths

    def all_field_lengths(self) -> Iterator[tuple[int, tuple[int, int]]]:
        """(section number, (title words, body words)) for every section."""
        for number, tokens in self._tokens.items():
            title = self._title_words[number]
            yield number, (title, len(tokens) - title)

    def clause_hits(self, clause: Clause) -> tuple[dict[int, SectionHits], list[str] | None]:
        """Where *clause* matches, and the article's words a typo was taken for (None if matched exactly).

        Shared with the index's memory of recent clauses: read, never change.
        """
        return self._clause_hits(clause)

    def suggestions(self, word: str, limit: int = 3) -> list[str]:
        """The article's words most like *word*, commonest first among equals: for "did you mean"."""
        candidates = process.extract(
            word, self._vocabulary, scorer=JaroWinkler.similarity, score_cutoff=SUGGESTION_MIN_SIMILARITY, limit=limit * 4
        )
        ranked = sorted(candidates, key=lambda found: (-round(found[1], 2), -len(self._postings[found[0]]), found[0]))
        return [norm for norm, _, _ in ranked if norm != word and _could_be_meant(word, norm)][:limit]

    def search(
        self, text: str, required_phrases: Iterable[str] = (), question_words: frozenset[str] = frozenset()
    ) -> SearchResult:
        """Sections that mention every clause of *text* and every one of *required_phrases*.

        *question_words* in *text* are left out, as stop words are, unless nothing else is typed.
        """
        clauses = parse_query(text, self.synonyms, question_words)
        clauses += [c for phrase in required_phrases for c in parse_query(f'"{phrase}"', self.synonyms)]
        corrections: dict[str, list[str]] = {}
        matched = []
        for clause in clauses:
            hits, correction = self._clause_hits(clause)
            if correction:
                corrections[clause.typed] = correction
            matched.append(hits)
        return SearchResult(clauses, matching_all(matched) if clauses else {}, corrections)

    def _clause_hits(self, clause: Clause) -> _ClauseHits:
        """What *clause* matches, remembered for the next few searches.

        Typing on after a finished word ("TRD k", "TRD ke", ...) asks for the same clause on
        every keystroke, and a phrase or a typo can take a while on a long article. The hits
        are shared between results: nothing may change them after this.
        """
        found = self._clause_cache.get(clause)
        if found is not None:
            self._clause_cache.move_to_end(clause)
            return found
        found = self._clause_cache[clause] = self._match_clause(clause)
        self._cached_hits += len(found[0])
        while len(self._clause_cache) > CLAUSE_CACHE_CLAUSES or self._cached_hits > CLAUSE_CACHE_HITS:
            _, (hits, _) = self._clause_cache.popitem(last=False)
            self._cached_hits -= len(hits)
        return found

    def _match_clause(self, clause: Clause) -> _ClauseHits:
        hits: dict[int, SectionHits] = {}
        correction: list[str] | None = None
        for variant in clause.variants:
            word_sets = [self._matching_words(word) for word in variant]
            fuzzy = False
            if clause.loose and len(variant) == 1 and not word_sets[0] and len(variant[0]) >= MIN_FUZZY_CHARS:
                word_sets[0] = self._similar_words(variant[0])
                fuzzy = bool(word_sets[0])
                if fuzzy:
                    correction = sorted(word_sets[0])
            found = self._phrase_starts(word_sets)
            if not hits and len(variant) == 1:  # one word (nearly every keystroke): distinct positions, none overlapping
                hits = {number: SectionHits([(starts, 1)], fuzzy, len(starts)) for number, starts in found.items()}
                continue
            for number, starts in found.items():
                entry = hits.get(number)
                if entry is None:
                    single_words = len(variant) == 1  # distinct positions, none overlapping another
                    hits[number] = SectionHits([(starts, len(variant))], fuzzy, len(starts) if single_words else None)
                else:
                    entry.add_run(starts, len(variant))
                    entry.fuzzy = entry.fuzzy and fuzzy
        return hits, correction

    def matched_words(self, number: int, hits: SectionHits) -> list[str]:
        """The words (folded) that *hits* matched in section *number*, in text order, each once."""
        tokens = self._tokens[number]
        starts = sorted({(start, length) for run_starts, length in hits.runs for start in run_starts})
        return list(dict.fromkeys(" ".join(token[0] for token in tokens[start : start + length]) for start, length in starts))

    def spans(self, number: int, hits: SectionHits) -> list[tuple[int, int]]:
        """Character spans of *hits* in the text indexed for section *number*, in text order: hits.count of them."""
        tokens = self._tokens[number]
        return [(tokens[first][1], tokens[last][2]) for first, last in marked_spans(hits.runs)]

    def _matching_words(self, word: str) -> set[str]:
        found = set(self._by_stem.get(stem(word), ()))
        if word in self._postings:
            found.add(word)
        if len(word) >= MIN_PREFIX_CHARS:
            start = bisect.bisect_left(self._vocabulary, word)
            for norm in self._vocabulary[start:]:
                if not norm.startswith(word):
                    break
                found.add(norm)
        return found

    def _similar_words(self, word: str) -> set[str]:
        allowed = 1 if len(word) < TWO_TYPO_CHARS else 2
        candidates = process.extract(word, self._vocabulary, scorer=OSA.distance, score_cutoff=allowed, limit=None)
        return {norm for norm, _, _ in candidates}

    def _phrase_starts(self, word_sets: list[set[str]]) -> dict[int, list[int]]:
        if not word_sets or not all(word_sets):
            return {}
        first = self._positions(word_sets[0])
        if len(word_sets) == 1:
            return first
        candidates = set(first).intersection(*(self._sections_with(words) for words in word_sets[1:]))
        found: dict[int, list[int]] = {}
        for number, positions in first.items():
            if number not in candidates:
                continue
            starts = _phrases_at(self._tokens[number], positions, word_sets)
            if starts:
                found[number] = starts
        return found

    def _sections_with(self, norms: set[str]) -> set[int]:
        return set().union(*(self._postings[norm].keys() for norm in norms))

    def _positions(self, norms: set[str]) -> dict[int, list[int]]:
        if len(norms) == 1:
            return self._postings[next(iter(norms))]  # shared, read-only: no copy on the hot path
        # Start from the commonest word's postings (a copy made in C) and add the others: the lists
        # are shared with the index, so a section found twice gets a new list, never an extended one.
        postings = sorted((self._postings[norm] for norm in norms), key=len, reverse=True)
        merged = dict(postings[0])
        for other in postings[1:]:
            for number, positions in other.items():
                known = merged.get(number)
                merged[number] = positions if known is None else known + positions
        return merged


def _phrases_at(tokens: list[tuple[str, int, int]], positions: list[int], word_sets: list[set[str]]) -> list[int]:
    """The *positions* where the words that follow match the rest of the phrase.

    Two- and three-word phrases (nearly all declared terms) are spelt out: the general form's
    generator costs about as much as the check itself, on thousands of positions a keystroke.
    """
    last = len(tokens) - len(word_sets)
    if len(word_sets) == 2:
        second = word_sets[1]
        return [p for p in positions if p <= last and tokens[p + 1][0] in second]
    if len(word_sets) == 3:
        second, third = word_sets[1], word_sets[2]
        return [p for p in positions if p <= last and tokens[p + 1][0] in second and tokens[p + 2][0] in third]
    return [p for p in positions if p <= last and all(tokens[p + i][0] in word_sets[i] for i in range(1, len(word_sets)))]


class IndexBuilder:
    """Builds a SearchIndex one section at a time, so that a caller can stay responsive between sections.

    The index is usable only once finish() has returned it.
    """

    def __init__(self, synonyms: SynonymTable | None = None) -> None:
        self._index = SearchIndex((), synonyms)

    def add(self, number: int, text: str, offset: int = 0) -> None:
        """Index the text of section *number*; called again for it, index *text* as its continuation
        from character *offset* on (a long section a piece at a time, cut between words)."""
        self._index._add(number, text, offset)

    def finish(self) -> SearchIndex:
        """The index of every section added."""
        self._index._index_vocabulary()
        return self._index


def _could_be_meant(typed: str, word: str) -> bool:
    """Whether *word* is a likely meaning of *typed*: a slip or two of the keys, or the same stem ("nauseous",
    "nausea"). Similar-sounding words are not ("covered" is no typo for "over", nor "headache" for "healthcare")."""
    return OSA.distance(typed, word) <= SUGGESTION_MAX_SLIPS or Prefix.similarity(typed, word) >= SUGGESTION_SHARED_STEM


def matching_all(per_clause: list[dict[int, SectionHits]]) -> dict[int, SectionHits]:
    """Sections that every clause matched, with the hits of all clauses."""
    if len(per_clause) == 1:
        return per_clause[0]
    smallest = min(per_clause, key=len)
    combined: dict[int, SectionHits] = {}
    for number in sorted(set(smallest).intersection(*per_clause)):  # intersected in C: thousands of sections
        runs = [run for hits in per_clause for run in hits[number].runs]
        combined[number] = SectionHits(runs, fuzzy=any(hits[number].fuzzy for hits in per_clause))
    return combined
