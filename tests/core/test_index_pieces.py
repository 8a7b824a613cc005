"""A section indexed a piece at a time (viewer.ui.search_indexing does so for long ones) is found as if whole."""

from __future__ import annotations

import itertools

from viewer.core.search import IndexBuilder


def build(sections: dict[int, list[tuple[int, str]]]):
    builder = IndexBuilder()
    for number, pieces in sections.items():
        for offset, piece in pieces:
            builder.add(number, piece, offset)
    return builder.finish()


def test_pieces_give_the_same_hits_and_spans_as_the_whole_text():
    text = "Ketamine acts fast. " * 50 + "A nasal spray of esketamine is approved. " + "Monitoring matters. " * 50
    cuts = [0, *(text.index(" ", near) for near in (137, 600, 1001)), len(text)]  # between words, as text_pieces cuts
    pieces = [(start, text[start:end]) for start, end in itertools.pairwise(cuts)]
    whole, in_pieces = build({0: [(0, text)], 1: [(0, "other")]}), build({0: pieces, 1: [(0, "other")]})
    for query in ("ketamine", '"nasal spray"', "esketamine approved", "monitoring", "other"):
        expected, found = whole.search(query), in_pieces.search(query)
        assert found.sections.keys() == expected.sections.keys(), query
        for number, hits in expected.sections.items():
            assert in_pieces.spans(number, found.sections[number]) == whole.spans(number, hits), query
    [(start, end)] = whole.spans(0, whole.search("esketamine").sections[0])
    assert text[start:end] == "esketamine"
