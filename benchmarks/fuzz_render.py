"""Fuzz the parser, renderer and sanitizer with many generated articles; not part of the test suite.

    python -m benchmarks.fuzz_render                     # 20,000 examples, a few minutes
    python -m benchmarks.fuzz_render --examples 200000 --seed 7

Every example is Markdown mixed with hostile HTML, URLs and runs of the characters that make
Python-Markdown slow. For each one: parsing raises nothing but ArticleError; rendering finishes
within the renderer's time limits; the HTML keeps only allowed tags, attributes and URLs; every
section anchor is there once; the outline's titles appear in order. A failure prints the
smallest example Hypothesis can find and exits with status 1.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script from anywhere

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.core.test_render_properties import LINES  # noqa: E402
from tests.core.test_sanitize import html_fragments, inspect_html, unsafe_parts  # noqa: E402
from viewer.core import render  # noqa: E402
from viewer.core.article import parse_article  # noqa: E402
from viewer.core.errors import ArticleError  # noqa: E402
from viewer.core.sanitize import sanitize_html  # noqa: E402

SLOW_PIECES = ["[", "![", "](", ")", "]", "<", "<a ", "<![CDATA[", "<!--", "-->", "`", "*", "_", ">", "&", "#", " ", "\n", "    "]
PATHOLOGICAL = st.lists(st.sampled_from(SLOW_PIECES), max_size=3000).map("".join)
ARTICLES = st.lists(LINES | PATHOLOGICAL, max_size=40).map("\n".join)
MARGIN_SECONDS = 2.0  # the limits are checked between Python steps; one long C call may overrun a little


def check(text: str, renderer: render.ArticleRenderer) -> None:
    """Every property the viewer promises for one article text."""
    try:
        article = parse_article(text)
    except ArticleError as error:
        assert error.reason, "an ArticleError says what is wrong"
        return
    started = time.monotonic()
    rendered = renderer.render(article)
    took = time.monotonic() - started
    assert took < render.ARTICLE_SECONDS + MARGIN_SECONDS, f"rendering took {took:.1f} s"
    assert unsafe_parts(rendered.html, rendered=True) == []
    found = inspect_html(rendered.html)
    names = [attributes["name"] for tag, attributes in found.tags if tag == "a" and "name" in attributes]
    assert names == [section.anchor for section in article.sections]
    shown, position = "".join(found.text), 0
    for section in article.sections:
        title = render.printable(section.title)
        position = shown.find(title, position)
        assert position >= 0, f"title {title!r} is not shown in order"
        position += len(title)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=20_000, help="how many articles to try (default 20,000)")
    parser.add_argument("--seed", type=int, default=None, help="repeat a run exactly")
    options = parser.parse_args(argv)
    renderer = render.ArticleRenderer()
    fuzz_settings = settings(
        max_examples=options.examples,
        deadline=None,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )

    @fuzz_settings
    @given(ARTICLES)
    def fuzz_articles(text: str) -> None:
        check(text, renderer)

    @fuzz_settings
    @given(html_fragments())
    def fuzz_sanitizer(html: str) -> None:
        once = sanitize_html(html)
        assert unsafe_parts(once) == []

    started = time.monotonic()
    for target in (fuzz_sanitizer, fuzz_articles):
        if options.seed is not None:
            target = seed(options.seed)(target)
        try:
            target()
        except Exception as failure:  # the exception's notes hold the smallest failing example
            print(f"{target.__name__}: FAILED", *traceback.format_exception_only(failure), sep="\n", file=sys.stderr)
            return 1
        print(f"{target.__name__}: {options.examples} examples passed ({time.monotonic() - started:.0f} s so far)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
