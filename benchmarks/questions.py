"""How well search answers visitors' questions, and what that costs: question score, keystroke latency, index memory.

1. Question score on the bundled article, for the questions in tests/data/questions/ (each with the
   sections that answer it): the set the vocabulary and ranking were tuned on, and a held-out set
   written afterwards and never tuned on. Searched in the shown window's own index, in the order a
   reader is offered them:
   - before: the strict filter alone, as main did before question reading (SearchIndex.search: every
     word must occur; sections in article order, exact matches before approximate ones);
   - after: QuestionSearch.answer().offered(): a search read as a question (question words left out,
     plain-language equivalents, partial matches) by relevance, best first; a search of the
     article's words found word for word in article order, exactly as before.
   The share of questions answered by the first result and within the first three, and the misses.
2. Keystroke latency, in the same run: benchmarks/filter.py's measurement (budgets p95 ≤ 16 ms on the
   bundled article, ≤ 50 ms at 10,000 sections) with its queries plus typed questions.
3. Index memory and build time at 10,000 sections, in a child process: the SearchIndex, and what
   question reading adds to it (QuestionSearch: the relevance weights of every section, the vocabulary).

    python benchmarks/questions.py [--quick] [--sections 10000] [--only score]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import BUNDLED_ARTICLE, ROOT, child_env, print_table

QUESTION_SETS = {
    "tuned on": ROOT / "tests" / "data" / "questions" / "ketamine-trd.txt",
    "held out": ROOT / "tests" / "data" / "questions" / "ketamine-trd-held-out.txt",
}
TYPED_QUESTIONS = ["how long infusion", "is ketamine safe", "urinary problems", "can I get hooked on ketamine zebrafish"]
TARGET_TOP3 = 0.80


@dataclass(frozen=True)
class Question:
    """A question as a visitor types it, and the titles of the sections that answer it."""

    text: str
    answers: tuple[str, ...]
    line: int


def load_questions(path: Path) -> list[Question]:
    """The questions of a question file: 'question -> title | title' a line, # comments."""
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        text, arrow, answers = line.partition(" -> ")
        titles = tuple(title.strip() for title in answers.split(" | ") if title.strip())
        if not arrow or not text.strip() or not titles:
            raise ValueError(f"{path}, line {number}: expected 'question -> section title | section title'")
        questions.append(Question(text.strip(), titles, number))
    return questions


@dataclass
class Score:
    """How many questions one way of searching answered."""

    label: str
    first: int
    first_three: int
    asked: int
    missed: list[tuple[Question, list[str]]]

    def row(self) -> list[str]:
        share_1, share_3 = self.first / self.asked, self.first_three / self.asked
        verdict = "target met" if share_3 >= TARGET_TOP3 else "target missed"
        first_three = f"{self.first_three}/{self.asked} ({share_3:.0%}) {verdict}"
        return [self.label, f"{self.first}/{self.asked} ({share_1:.0%})", first_three]


def score(label: str, questions: list[Question], titles: dict[int, str], order_for) -> Score:
    """Ask every question; *order_for(text)* gives the section numbers a reader is offered, first first."""
    first = first_three = 0
    missed = []
    for question in questions:
        offered = [titles[number] for number in order_for(question.text)]
        first += bool(offered[:1]) and offered[0] in question.answers
        within = bool(set(offered[:3]) & set(question.answers))
        first_three += within
        if not within:
            missed.append((question, offered[:3]))
    return Score(label, first, first_three, len(questions), missed)


def check_titles(article, questions: list[Question], path: Path) -> None:
    """Fail loudly on a question whose answer names no section of *article*: the set has gone stale."""
    known = {section.title for section in article.sections}
    for question in questions:
        unknown = set(question.answers) - known
        if unknown:
            raise ValueError(f"{path}, line {question.line}: no section titled {sorted(unknown)}")


def question_scores(article, index, name: str, questions: list[Question]) -> list[Score]:
    """Before and after, on one index."""
    from viewer.core.answers import QuestionSearch

    titles = {section.number: section.title for section in article.sections}
    answers = QuestionSearch(index)
    return [
        score(f"{name}, before: strict filter, article order", questions, titles, lambda text: index.search(text).ranked()),
        score(f"{name}, after: question reading", questions, titles, lambda text: answers.answer(text).offered()),
    ]


def report_scores(scores: list[Score]) -> None:
    sets = ", ".join(f"{name} {path.relative_to(ROOT)}" for name, path in QUESTION_SETS.items())
    print(f"### Questions answered (bundled article; {sets})\n")
    print_table(["questions, search", "first result", f"first three (target ≥ {TARGET_TOP3:.0%})"], [s.row() for s in scores])
    for after in scores[1::2]:
        if after.missed:
            print(f"Not answered in the first three ({after.label}):\n")
            for question, offered in after.missed:
                print(f"- “{question.text}” (wanted {' or '.join(question.answers)}); offered: {'; '.join(offered) or 'nothing'}")
            print()


def measure_memory(sections: int) -> dict:
    """In this process: the index over a generated article, then the question search over it; bytes and seconds."""
    from benchmarks.article_gen import generate
    from viewer.core.answers import QuestionSearch
    from viewer.core.article import parse_article
    from viewer.core.query import SynonymTable
    from viewer.core.search import SearchIndex
    from viewer.core.text import blank_enumerator
    from viewer.core.vocabulary import bundled_vocabulary

    article = parse_article(generate(sections=sections))
    entries = [(s.number, f"{blank_enumerator(s.title)}\n{s.body}") for s in article.sections]
    synonyms = SynonymTable(article.metadata.synonyms)
    bundled_vocabulary()  # read once per process, like the window does: not part of either figure
    tracemalloc.start()
    start = time.perf_counter()
    index = SearchIndex(entries, synonyms)
    index_s = time.perf_counter() - start
    index_bytes = tracemalloc.get_traced_memory()[0]
    start = time.perf_counter()
    answers = QuestionSearch(index)
    answers_s = time.perf_counter() - start
    answers_bytes = tracemalloc.get_traced_memory()[0] - index_bytes
    tracemalloc.stop()
    del answers
    return {
        "sections": sections,
        "index_bytes": index_bytes,
        "index_s": index_s,
        "answers_bytes": answers_bytes,
        "answers_s": answers_s,
    }


def report_memory(sections: int) -> None:
    command = [sys.executable, "-m", "benchmarks.questions", "--memory-child", str(sections)]
    output = subprocess.run(command, cwd=ROOT, env=child_env(), check=True, capture_output=True, text=True).stdout
    r = json.loads(output.strip().splitlines()[-1])
    print(f"### Index memory and build time ({r['sections']:,} sections, traced by tracemalloc, build traced too)\n")
    rows = [
        ["SearchIndex (words, positions, title lengths)", f"{r['index_bytes'] / 1e6:.1f} MB", f"{r['index_s'] * 1000:.0f} ms"],
        ["QuestionSearch over it (relevance weights)", f"{r['answers_bytes'] / 1e6:.2f} MB", f"{r['answers_s'] * 1000:.1f} ms"],
    ]
    print_table(["part", "held", "build time"], rows)


def main(argv: list[str] | None = None) -> int:
    """Score the questions, then the latency and memory figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--sections", type=int, default=10_000, help="size of the generated article")
    parser.add_argument("--only", choices=["score"], help="only the question score (a few seconds)")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.memory_child:
        print(json.dumps(measure_memory(options.memory_child)))
        return 0
    from benchmarks import filter as typing
    from viewer.core.article import parse_article
    from viewer.core.loader import load_article

    bundled = load_article(BUNDLED_ARTICLE)
    window, _ = typing.open_window(bundled)
    typing.time_background_build(window)  # the window's own index, built as it builds it
    scores = []
    for name, path in QUESTION_SETS.items():
        questions = load_questions(path)
        check_titles(bundled, questions, path)
        scores += question_scores(bundled, window.indexer.index, name, questions)
    report_scores(scores)
    window.close()
    if options.only == "score":
        return 0
    from benchmarks.article_gen import generate

    queries = typing.QUERIES + TYPED_QUESTIONS
    builds, rounds = (1, 1) if options.quick else (5, 5)
    large = parse_article(generate(sections=options.sections))
    figures = [
        typing.measure("bundled", bundled, typing.BUDGET_BUNDLED_S, builds, rounds * 2, queries),
        typing.measure("generated", large, typing.BUDGET_LARGE_S, 1, rounds, queries),
    ]
    typing.report(figures)
    report_memory(options.sections)
    return 0


if __name__ == "__main__":
    sys.exit(main())
