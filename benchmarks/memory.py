"""How memory grows with the article: the search index alone at 1k, 10k and 100k sections, the whole window at 1k and 10k.

Each measurement runs in a child process of its own.

- index: the Qt-free SearchIndex over parse_article() of a generated article (built in memory: 100k
  sections is about 42 MB, past the loader's 5 MB limit), indexing each section's title and Markdown
  body. Its size is what tracemalloc sees allocated by the build and still held; the time is untraced.
- window: the main window on a generated article, painted, with its search index built (what a reader
  has after start-up); the child's peak RSS. Not at 100k sections: the file is past the loader's limit and
  rendering it takes far too long (see the start-up figures for the 1 MB article).

    python benchmarks/memory.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc

from benchmarks.common import BUNDLED_ARTICLE, ROOT, child_env, print_table

INDEX_SIZES = [1_000, 10_000, 100_000]
WINDOW_SIZES = [0, 1_000, 10_000]  # 0: the bundled article


def measure_index(sections: int) -> dict:
    """Build the index over a generated article; its bytes (tracemalloc) and build time."""
    from benchmarks.article_gen import generate
    from viewer.core.article import parse_article
    from viewer.core.query import SynonymTable
    from viewer.core.search import SearchIndex

    article = parse_article(generate(sections=sections))
    entries = [(s.number, f"{s.title}\n{s.body}") for s in article.sections]
    synonyms = SynonymTable(article.metadata.synonyms)
    start = time.perf_counter()
    SearchIndex(entries, synonyms)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    index = SearchIndex(entries, synonyms)
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    text_bytes = sum(len(text.encode()) for _, text in entries)
    words = len(index._vocabulary)
    return {"sections": len(article.sections), "bytes": held, "seconds": seconds, "text_bytes": text_bytes, "words": words}


def measure_window(sections: int) -> dict:
    """Open the window on the bundled or a generated article, let it build its index; the process's peak RSS."""
    from benchmarks.filter import open_window, time_background_build

    if sections:
        from benchmarks.article_gen import generate
        from viewer.core.article import parse_article

        article = parse_article(generate(sections=sections))
    else:
        from viewer.core.loader import load_article

        article = load_article(BUNDLED_ARTICLE)
    window, open_s = open_window(article)
    time_background_build(window)
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports kilobytes
    return {"sections": len(article.sections), "peak_rss_mb": peak_rss_mb, "open_s": open_s}


def in_child(kind: str, sections: int) -> dict:
    """Run one measurement in a fresh interpreter; its result."""
    command = [sys.executable, "-m", "benchmarks.memory", "--child", kind, str(sections)]
    output = subprocess.run(command, cwd=ROOT, env=child_env(), check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def index_row(r: dict) -> list[str]:
    """One line of the index table."""
    per_section_kb = r["bytes"] / r["sections"] / 1024
    return [
        f"{r['sections']:,}",
        f"{r['text_bytes'] / 1e6:.1f} MB",
        f"{r['words']:,}",
        f"{r['bytes'] / 1e6:.1f} MB",
        f"{per_section_kb:.1f} KB",
        f"{r['seconds'] * 1000:.0f} ms",
    ]


def window_row(r: dict, bundled: dict) -> list[str]:
    """One line of the window table; growth is counted from the bundled article."""
    extra_sections = r["sections"] - bundled["sections"]
    growth = f"{(r['peak_rss_mb'] - bundled['peak_rss_mb']) * 1024 / extra_sections:.1f} KB" if extra_sections else "—"
    label = f"{r['sections']:,}" if extra_sections else f"{r['sections']} (bundled)"
    return [label, f"{r['peak_rss_mb']:.0f} MB", growth, f"{r['open_s'] * 1000:.0f} ms"]


def main(argv: list[str] | None = None) -> int:
    """Measure every size; print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the 100k-section index and the 10k-section window")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "SECTIONS"), help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        kind, sections = options.child[0], int(options.child[1])
        print(json.dumps(measure_index(sections) if kind == "index" else measure_window(sections)))
        return 0

    print("### Memory: search index alone (Qt-free SearchIndex, article built in memory)\n")
    header = ["sections", "indexed text", "distinct words", "index size", "per section", "build time"]
    print_table(header, [index_row(in_child("index", size)) for size in INDEX_SIZES[: 2 if options.quick else 3]])
    windows = [in_child("window", size) for size in WINDOW_SIZES[: 2 if options.quick else 3]]
    print("### Memory: whole window with its index built (peak RSS of the process)\n")
    header = ["sections", "peak RSS", "growth per section over the bundled", "window to first paint"]
    print_table(header, [window_row(r, windows[0]) for r in windows])
    return 0


if __name__ == "__main__":
    sys.exit(main())
