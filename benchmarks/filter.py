"""Filtering as you type, on the bundled article and on a generated 10,000-section one.

For each article, in a shown main window (offscreen unless QT_QPA_PLATFORM says otherwise):

- index build: a fresh SearchIndexer's steps run in one go over the shown window
  (text of the pane's sections, the index, the keyword chip counts), repeated;
- ready after 1st paint: the window's own build, which it runs in slices between other events right
  after the first paint and which also lays out the whole document; the longest pause is the longest
  single pass of the event loop meanwhile (how long a keystroke could wait);
- query: QuestionSearch.answer() (the strict filter, then question reading when it finds nothing) for
  every prefix of the queries, as typed character by character, each query as if for the first time
  (the index remembers recent clauses; it is told to forget them);
- keystroke to updated tree: from a key event delivered to the filter box (QTest.keyClick) through
  SearchPresenter.apply_now() (called directly, so without the TYPING_PAUSE_MS debounce, reported apart)
  and QApplication.processEvents() (tree, status, highlights and the window repainted) to reading the
  tree's row count. Each query is typed first as if for the first time (the budget applies to these)
  and then once more right after, when the index remembers its clauses.

    python benchmarks/filter.py [--quick] [--sections 10000]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass

from benchmarks.article_gen import ABSENT_WORD, generate
from benchmarks.common import BUNDLED_ARTICLE, median, ms, p95, print_table

QUERIES = ["ketamine", "bladder", "nasal spray", "side efects", "TRD", "monitoring", ABSENT_WORD]
BUDGET_BUNDLED_S, BUDGET_LARGE_S = 0.016, 0.050


@dataclass
class Figures:
    """What one article measured, in seconds."""

    label: str
    sections: int
    budget_s: float
    open_s: float
    first_build_s: float
    longest_pause_s: float
    builds: list[float]
    queries: list[float]
    keystrokes: list[float]
    keystrokes_again: list[float]
    queries_typed: list[str]


def open_window(article):
    """A main window on *article*, shown and painted once; returns it and the seconds to first paint."""
    from viewer.ui.app import ensure_application
    from viewer.ui.main_window import MainWindow

    app = ensure_application([sys.argv[0]])
    start = time.perf_counter()
    window = MainWindow(article)
    painted = []
    window.article_view.firstPainted.connect(lambda: painted.append(time.perf_counter()))
    window.resize(1200, 820)
    window.show()
    while not painted:
        app.processEvents()
    return window, painted[0] - start


def time_background_build(window) -> tuple[float, float]:
    """The window's own index build, in slices after the first paint: seconds until the index is
    ready, and the longest single pause it caused (one pass of the event loop)."""
    from PySide6.QtWidgets import QApplication

    start, longest = time.perf_counter(), 0.0
    deadline = start + 600
    while not window.indexer.is_ready and time.perf_counter() < deadline:
        before = time.perf_counter()
        QApplication.processEvents()
        longest = max(longest, time.perf_counter() - before)
    if not window.indexer.is_ready:
        raise RuntimeError("the search index was not ready after 10 minutes")
    return time.perf_counter() - start, longest


def time_builds(window, repeats: int) -> list[float]:
    """A fresh SearchIndexer's steps, run in one go, over the same shown pane."""
    from shiboken6 import Shiboken

    from viewer.ui.search_indexing import SearchIndexer

    taken = []
    for _ in range(repeats):
        indexer = SearchIndexer(window.loader, window.article_view.headings)
        indexer.reset(window.article)
        start = time.perf_counter()
        for _ in indexer._index_steps(window.article):
            pass
        taken.append(time.perf_counter() - start)
        Shiboken.delete(indexer)
    return taken


def time_queries(index, rounds: int, queries: list[str]) -> list[float]:
    """QuestionSearch.answer() for every prefix of every query, as typing produces them, each query
    as if typed for the first time (the index remembers clauses only from the same query)."""
    from viewer.core.answers import QuestionSearch

    answers, taken = QuestionSearch(index), []
    for _ in range(rounds):
        for query in queries:
            index.forget_clauses()
            for end in range(1, len(query) + 1):
                start = time.perf_counter()
                answers.answer(query[:end])
                taken.append(time.perf_counter() - start)
    return taken


def time_keystrokes(window, rounds: int, queries: list[str]) -> tuple[list[float], list[float]]:
    """Key event to filter box, apply_now(), processEvents(), read the tree's row count.

    Each query is typed twice a round: first as if for the first time (nothing remembered from
    earlier queries), then again right after (its clauses remembered). Returns both sets of times.
    """
    first, again = [], []
    for _ in range(rounds):
        for query in queries:
            window.indexer.index.forget_clauses()
            first += type_query(window, query)
            again += type_query(window, query)
    window.search.reset()
    return first, again


def type_query(window, query: str) -> list[float]:
    """Clear the filter, then type *query* a key at a time; the time of each keystroke."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    edit, tree, taken = window.filter_edit, window.section_tree, []
    edit.setFocus()
    window.search.reset()
    QApplication.processEvents()
    for char in query:
        start = time.perf_counter()
        QTest.keyClick(edit, char)
        window.search.apply_now()
        QApplication.processEvents()
        tree.model().rowCount()
        taken.append(time.perf_counter() - start)
    if edit.text() != query:
        raise RuntimeError(f"typed {query!r} but the filter box holds {edit.text()!r}")
    return taken


def measure(label: str, article, budget_s: float, builds: int, rounds: int, queries: list[str] = QUERIES) -> Figures:
    """Every figure for one article."""
    window, open_s = open_window(article)
    if "no time left to format" in window.article_view.document().toPlainText():
        label += " (render time limit hit: some sections shown as plain text)"
    first_build, longest_pause = time_background_build(window)
    figures = Figures(
        label,
        len(article.sections),
        budget_s,
        open_s,
        first_build,
        longest_pause,
        time_builds(window, builds),
        time_queries(window.indexer.index, rounds, queries),
        *time_keystrokes(window, rounds, queries),
        queries,
    )
    window.close()
    window.deleteLater()
    return figures


def report(all_figures: list[Figures]) -> None:
    """The tables."""
    from viewer.ui.search_presenter import TYPING_PAUSE_MS

    rows = []
    for f in all_figures:
        verdict = "holds" if p95(f.keystrokes) <= f.budget_s else f"missed ×{p95(f.keystrokes) / f.budget_s:.1f}"
        rows.append(
            [
                f"{f.label} ({f.sections} sections)",
                f"{ms(median(f.builds))} / {ms(p95(f.builds))}",
                f"{ms(f.first_build_s)} (longest pause {ms(f.longest_pause_s)})",
                f"{ms(median(f.queries))} / {ms(p95(f.queries))}",
                f"{ms(median(f.keystrokes))} / {ms(p95(f.keystrokes))}",
                f"{ms(median(f.keystrokes_again))} / {ms(p95(f.keystrokes_again))}",
                f"≤ {ms(f.budget_s)}: {verdict}",
                ms(f.open_s),
            ]
        )
    print("### Filter (median / p95)\n")
    header = [
        "article",
        "index build",
        "ready after 1st paint",
        "query per keystroke",
        "keystroke → updated tree",
        "same, query typed again",
        "budget (p95)",
        "window to 1st paint",
    ]
    print_table(header, rows)
    samples = ", ".join(f"{f.label}: {len(f.builds)} builds, {len(f.keystrokes)} keystrokes" for f in all_figures)
    typed = list(dict.fromkeys(query for f in all_figures for query in f.queries_typed))
    print(f"Queries typed character by character: {', '.join(typed)}. Samples: {samples}.")
    print(f"Not included above: the deliberate typing pause of {TYPING_PAUSE_MS} ms (TYPING_PAUSE_MS) before a search runs.\n")


def main(argv: list[str] | None = None) -> int:
    """Measure the bundled article and a generated large one; print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--sections", type=int, default=10_000, help="size of the generated article")
    options = parser.parse_args(argv)
    from viewer.core.article import parse_article
    from viewer.core.loader import load_article

    large = parse_article(generate(sections=options.sections))
    bundled = load_article(BUNDLED_ARTICLE)
    figures = [
        measure("bundled", bundled, BUDGET_BUNDLED_S, builds=5 if options.quick else 30, rounds=2 if options.quick else 10),
        measure("generated", large, BUDGET_LARGE_S, builds=1 if options.quick else 5, rounds=1 if options.quick else 3),
    ]
    report(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
