"""Finding the sections before the first paint: the outline of plain and HTML-heavy articles, in CPU time.

For each article, parse_article() (metadata, the outline of viewer/core/blocks.py, titles, the
section tree) is timed in CPU time, best of a few runs, and beside it the HTML step alone as the
outline runs it (only over the parts with HTML, see viewer/core/html_blocks.py) and as one run of
Python-Markdown's preprocessor over the whole text (what the outline did before), with the number
of sections each way. Articles: the bundled one, 1 MB generated like it, 10,000 sections, and
generated documentation heavy in HTML (tables, notes spanning blank lines with '#' lines inside,
details, comments, figures, code) of 186 KB and 1 MB.

    python benchmarks/outline.py [--quick]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.article_gen import generate, generate_html
from benchmarks.common import BUNDLED_ARTICLE, print_table


def cpu_ms(action, repeats: int) -> float:
    """The least CPU time of *repeats* runs of *action*, in milliseconds."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        action()
        best = min(best, time.process_time() - start)
    return best * 1000


def html_step_inputs(text: str):
    """The lines and origins the outline hands to the HTML step, as find_outline prepares them."""
    from viewer.core.blocks import _without_fences, normalize_whitespace
    from viewer.core.dialect import new_markdown
    from viewer.core.fences import fences_as_commonmark, find_fences
    from viewer.core.html_blocks import escape_unclosed_markup, markdown_inside_containers

    md = new_markdown()
    md.reset()
    lines = fences_as_commonmark(normalize_whitespace(text))
    fences = find_fences(lines)
    code = {index for first, last in fences for index in range(first, last + 1)}
    lines = markdown_inside_containers(escape_unclosed_markup(lines, code), code)
    return md, *_without_fences(md, lines, fences)


def html_step_ms(text: str, repeats: int) -> tuple[float, float]:
    """The HTML step in parts, as the outline runs it, and in one run over the whole text (CPU ms)."""
    from viewer.core.blocks import Stage
    from viewer.core.html_blocks import extract_html_blocks, run_region

    def in_parts() -> None:
        md, lines, source = html_step_inputs(text)
        extract_html_blocks(md, lines, source)

    def whole() -> None:
        md, lines, source = html_step_inputs(text)
        run_region(md, Stage([], [], [], []), lines, source, 0, len(lines), last=True)

    return cpu_ms(in_parts, repeats), cpu_ms(whole, repeats)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    options = parser.parse_args(argv)
    repeats = 2 if options.quick else 5
    from viewer.core.article import parse_article

    articles = {
        "bundled article": BUNDLED_ARTICLE.read_text(encoding="utf-8"),
        "1 MB, shaped like the bundled one": generate(target_bytes=1_000_000),
        "10,000 sections": generate(sections=10_000),
        "186 KB documentation, HTML-heavy": generate_html(186_000),
        "1 MB documentation, HTML-heavy": generate_html(1_000_000),
    }
    rows = []
    for label, text in articles.items():
        tags = text.count("<")
        sections = len(parse_article(text).sections)
        parse = cpu_ms(lambda text=text: parse_article(text), repeats)
        in_parts, whole = html_step_ms(text, repeats) if tags else (0.0, 0.0)
        rows.append(
            [
                f"{label} ({len(text.encode()) / 1e3:,.0f} KB, {tags:,} '<')",
                f"{sections:,}",
                f"{parse:.1f} ms",
                f"{in_parts:.1f} ms" if tags else "—",
                f"{whole:.1f} ms" if tags else "—",
            ]
        )
    print("### Finding the sections (CPU time, best of a few runs)\n")
    header = ["article", "sections", "parse_article()", "HTML step, in parts", "HTML step, whole text at once"]
    print_table(header, rows)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
