"""Relevance: BM25F over sections, a word in a section's title counting for more than one in its body.

BM25 (Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009) scores
a section for each searched term by how rare the term is among sections (idf) and how often the
section mentions it, with diminishing returns and allowance for long sections. BM25F, the same
paper's extension to fields, weights each field's count before that saturation. A term here is what
one clause or question term matches: a word with its stems, prefixes and declared synonyms counts
as one term, as search engines count a synonym group.

Written here rather than taken from a library: the search index already holds every count this
needs, while the BM25 packages (rank-bm25, bm25s) bring numpy (and scipy) into the installer, and the
full-text engines (tantivy, whoosh) would keep a second index of every word.
"""

from __future__ import annotations

import heapq
import math
from collections import OrderedDict
from collections.abc import Hashable, Iterable
from operator import add

from viewer.core.search import SearchIndex, SectionHits

K1 = 1.2  # term-count saturation: the usual value
TITLE_WEIGHT = 3.0  # a title word counts as three body words
TITLE_LENGTH_EFFECT = 0.5  # titles are short and alike: their length matters less ...
BODY_LENGTH_EFFECT = 0.75  # ... than a body's (the usual b)
APPROXIMATE_WEIGHT = 0.5  # a typo taken for a word is less sure than the word
REMEMBER_FACTOR = 4  # a term is scored in all its sections, and remembered, when asked for in a quarter of them
REMEMBERED_SECTIONS = 200_000  # scores kept for the next keystrokes, over all terms: a few MB at most


def inverse_document_frequency(sections: int, matching: int) -> float:
    """How much finding a term says about a section: much when few sections mention it (never below 0)."""
    return math.log(1 + (sections - matching + 0.5) / (matching + 0.5))


class Relevance:
    """Scores sections of one index; the length allowances of every section are worked out once."""

    def __init__(self, index: SearchIndex) -> None:
        self._index = index
        average_title, average_body = index.average_field_lengths()
        # per section: title words, and what a hit in the title and in the body weighs before saturation
        self._weights = {
            number: (
                title,
                TITLE_WEIGHT / (1 - TITLE_LENGTH_EFFECT + TITLE_LENGTH_EFFECT * title / average_title),
                1 / (1 - BODY_LENGTH_EFFECT + BODY_LENGTH_EFFECT * body / average_body),
            )
            for number, (title, body) in index.all_field_lengths()
        }
        self._memory: OrderedDict[Hashable, dict[int, float]] = OrderedDict()
        self._remembered_sections = 0

    def scores(
        self, term_hits: Iterable[dict[int, SectionHits]], sections: Iterable[int], terms: Iterable[Hashable] | None = None
    ) -> dict[int, float]:
        """The BM25F score of each of *sections* for the terms whose hits are *term_hits*.

        *terms*, one a hit dict, name what each dict matched (a clause, say): the same name must
        always mean the same hits in this index. A named term's scores in all its sections are
        remembered for the next keystrokes; unnamed ones are scored afresh.
        """
        scores, term_hits = dict.fromkeys(sections, 0.0), list(term_hits)
        for hits, term in zip(term_hits, [None] * len(term_hits) if terms is None else terms, strict=True):
            if term is not None and len(hits) <= REMEMBER_FACTOR * len(scores):  # most of the term's sections are asked for
                per_section = self._remembered(term, hits)
            else:
                per_section = self._term_scores(hits, [n for n in scores if n in hits])
            shared = scores.keys() & per_section.keys()  # added in C: thousands of sections on a keystroke
            sums = map(add, map(scores.__getitem__, shared), map(per_section.__getitem__, shared))
            scores.update(zip(shared, sums, strict=True))
        return scores

    def _remembered(self, term: Hashable, hits: dict[int, SectionHits]) -> dict[int, float]:
        """The term's score in every section it matches, remembered for the next keystrokes.

        Typing on after a word ("is ketamine s", "is ketamine sa", ...) asks for the same term again.
        Only the scores are kept, by the term's name: a dict of numbers, which the garbage collector
        never walks. Keeping the hits themselves (hundreds of thousands of objects past the index's
        own memory of clauses) made every full collection walk them: 50 ms, every dozen keystrokes.
        """
        found = self._memory.get(term)
        if found is not None:
            self._memory.move_to_end(term)
            return found
        per_section = self._memory[term] = self._term_scores(hits, hits)
        self._remembered_sections += len(per_section)
        while len(self._memory) > 1 and self._remembered_sections > REMEMBERED_SECTIONS:
            _, dropped = self._memory.popitem(last=False)
            self._remembered_sections -= len(dropped)
        return per_section

    def _term_scores(self, hits: dict[int, SectionHits], numbers: Iterable[int]) -> dict[int, float]:
        """One term's BM25F score in each of *numbers* (sections it matches).

        This runs on a keystroke over up to every section: the loop is kept plain on purpose.
        """
        weights, scores = self._weights, {}
        scale = inverse_document_frequency(self._index.section_count, len(hits)) * (K1 + 1)
        for number in numbers:
            found = hits[number]
            title_words, title_weight, body_weight = weights[number]
            in_title = 0
            for starts, _ in found.runs:
                if min(starts) < title_words:
                    in_title += sum(1 for start in starts if start < title_words)
            weighted = in_title * title_weight + max(found.count - in_title, 0) * body_weight
            score = scale * weighted / (weighted + K1)
            scores[number] = score * APPROXIMATE_WEIGHT if found.fuzzy else score
        return scores


def by_relevance(scores: dict[int, float]) -> list[int]:
    """Section numbers, the highest score first, then in document order."""
    # Two sorts with C-level keys, not one with a tuple key made per section: thousands on a keystroke.
    # The second is stable, reverse or not, so equal scores keep the document order of the first.
    return sorted(sorted(scores), key=scores.__getitem__, reverse=True)


def best_by_relevance(scores: dict[int, float], count: int) -> list[int]:
    """by_relevance(scores)[:count], without ordering the sections past them (a few hundred µs at 10,000 sections)."""
    # nlargest is documented as sorted(..., reverse=True)[:count], a stable sort: equal scores stay in document order
    return heapq.nlargest(count, sorted(scores), key=scores.__getitem__)
