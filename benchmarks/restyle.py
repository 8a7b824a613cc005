"""Restyling the text on screen: a new text size or theme, against importing the same text afresh.

For the bundled article and generated ones of 2,000 and 10,000 sections: the longest pause (the part
restyled at once: what is on screen), the CPU time of the whole restyle in its slices, and, as the floor,
the CPU time of importing the same HTML with the new style sheet and laying it out down to the same
place (what restyling spares: and it would lose the search marks and the place within the line).

    python benchmarks/restyle.py [--rounds 5] [--sections 2000 10000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from benchmarks.article_gen import generate
from benchmarks.common import BUNDLED_ARTICLE
from viewer.core.article import parse_article
from viewer.core.render import ArticleRenderer
from viewer.core.stylesheets import ArticleStyle
from viewer.core.text_size import TextSize
from viewer.core.themes import THEMES


def measure(markdown: str, rounds: int) -> dict[str, list[float]]:
    from viewer.ui.article_view import ArticleView

    rendered = ArticleRenderer().render(parse_article(markdown))
    view = ArticleView()
    view.resize(900, 700)
    view.show()
    view.set_document(rendered.html, rendered.anchors, None)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    figures: dict[str, list[float]] = {"pause": [], "slice": [], "cpu": [], "import": []}
    styles = [ArticleStyle(THEMES["dark"], TextSize(2)), ArticleStyle(THEMES["light"], TextSize(0))]
    for number in range(rounds * 2):
        style = styles[number % 2]
        started, cpu = time.perf_counter(), time.process_time()
        view.apply_style(style)
        figures["pause"].append(time.perf_counter() - started)
        longest, before = 0.0, time.perf_counter()
        while view.restyler.busy:
            QApplication.processEvents()
            longest, before = max(longest, time.perf_counter() - before), time.perf_counter()
        figures["slice"].append(longest)
        figures["cpu"].append(time.process_time() - cpu)
        fresh = ArticleView()
        fresh.resize(900, 700)
        fresh.show()
        fresh.apply_style(style)
        cpu = time.process_time()
        fresh.set_document(rendered.html, rendered.anchors, None)
        fresh.verticalScrollBar().setValue(view.verticalScrollBar().value())  # laid out down to the same place
        fresh.cursorForPosition(fresh.viewport().rect().center())
        figures["import"].append(time.process_time() - cpu)
        fresh.deleteLater()
    view.deleteLater()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sections", type=int, nargs="*", default=[2000, 10000], help="sizes of generated articles")
    options = parser.parse_args(argv)
    rounds = options.rounds
    app = QApplication.instance() or QApplication(sys.argv[:1])
    articles = {"bundled": BUNDLED_ARTICLE.read_text(encoding="utf-8")}
    articles |= {f"{count:,} sections": generate(sections=count) for count in options.sections}
    print(f"restyle, {rounds * 2} changes each (medians, max in brackets; CPU seconds; load: see `uptime`)")
    for name, markdown in articles.items():
        figures = measure(markdown, rounds)
        pause, longest, cpu, floor = (statistics.median(figures[key]) * 1000 for key in ("pause", "slice", "cpu", "import"))
        print(
            f"  {name:>16}: pause {pause:6.1f} ms ({max(figures['pause']) * 1000:.1f}),"
            f" then slices of at most {longest:6.1f} ms ({max(figures['slice']) * 1000:.1f}),"
            f" whole restyle {cpu:7.1f} ms CPU, importing afresh {floor:7.1f} ms CPU ({cpu / floor:.2f}x)"
        )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
