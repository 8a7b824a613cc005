"""The outline agrees with Python-Markdown: a section is exactly a heading it renders at the top level.

The oracle converts the whole (rewritten) document with Python-Markdown itself; the outline
finds its headings without converting. They must agree on generated documents, on every file
of the corpus in tests/data/markdown/ and tests/data/hostile/, and on the CommonMark spec's
heading, code block and HTML block examples. Rewriting is stable, and the text between two
headings, rendered alone as the renderer does, holds no heading of its own.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.core.markdown_oracle import rendered_headings
from viewer.core.blocks import find_outline
from viewer.core.dialect import new_markdown
from viewer.core.loader import decode_text, load_article
from viewer.core.metadata import read_metadata
from viewer.core.render import ArticleRenderer
from viewer.core.titles import heading_titles, html_text

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted(p for p in (ROOT / "tests" / "data" / "markdown").rglob("*.md") if p.parent.name != "commonmark")
# Not binary.md (refused), nor pathological-brackets.md: Python-Markdown itself takes minutes over the whole of it
# (the renderer shows it as plain text after its time limit), too long for an oracle.
TOO_SLOW_FOR_THE_ORACLE = {"binary.md", "pathological-brackets.md"}
HOSTILE = sorted(p for p in (ROOT / "tests" / "data" / "hostile").glob("*.md") if p.name not in TOO_SLOW_FOR_THE_ORACLE)
SPEC_EXAMPLES = json.loads((ROOT / "tests" / "data" / "markdown" / "commonmark" / "spec-examples.json").read_text("utf-8"))


def check_agreement(text: str) -> None:
    """The outline of *text* is what Python-Markdown renders, stays put when read again, and splits cleanly."""
    md = new_markdown()
    outline = find_outline(text, md)
    titles = heading_titles([h.markdown for h in outline.headings], md, outline.references)
    rewritten = "\n".join(outline.lines)
    assert [(h.level, t) for h, t in zip(outline.headings, titles, strict=True)] == rendered_headings(rewritten)
    again = find_outline(rewritten, md)
    assert again.lines == outline.lines
    assert [(h.level, h.markdown, h.line) for h in again.headings] == [(h.level, h.markdown, h.line) for h in outline.headings]
    ends = [h.line for h in outline.headings[1:]] + [len(outline.lines)] * bool(outline.headings)
    for heading, end in zip(outline.headings, ends, strict=True):
        body = "\n".join(outline.lines[heading.line + (2 if heading.underlined else 1) : end])
        assert rendered_headings(body) == [], f"the part under {heading.markdown!r} renders a heading of its own"


@pytest.mark.parametrize(
    "text",
    [
        "<a\n# A\n<p>x</p># y",  # a start tag left open at the start of a line, over the heading
        "# A <span\n<p>x</p># y",  # one opened on the heading line
        "x <!--\n# A\n<p>x</p># y\n-->",  # a comment opened inside a line, closed after the heading
        "<a\n\nTitle\n===\n<p>x</p># y",  # over an underlined heading, blank lines in the tag
    ],
)
def test_markup_left_open_over_a_heading_does_not_change_how_the_section_after_it_renders(text):
    md = new_markdown()
    outline = find_outline(text, md)
    heading = outline.headings[-1]
    body = "\n".join(outline.lines[heading.line + (2 if heading.underlined else 1) :])
    in_context = new_markdown().convert("\n".join(outline.lines))
    alone = new_markdown().convert(body)
    assert in_context.endswith("\n" + alone)  # the section's HTML is the tail of the whole article's


@pytest.mark.parametrize("text", ["</details>\n-\n```", "<hr>\n===\n---\n```"])
def test_a_dash_underline_in_an_html_block_leaves_it_one_block_with_what_follows(text):
    # CommonMark: "</details>" or "<hr>" opens an HTML block that runs to a blank line, the fence after it included
    outline = find_outline(text)
    assert outline.headings == []
    assert find_outline("\n".join(outline.lines)).lines == outline.lines
    assert "" not in outline.lines  # no blank line that would end the block before the fence


def body_of(path: Path) -> str:
    text, _ = decode_text(path.read_bytes())
    return read_metadata(text.replace("\r\n", "\n").replace("\r", "\n")).body


@pytest.mark.parametrize("path", CORPUS + HOSTILE + [ROOT / "resources" / "articles" / "ketamine-trd.md"], ids=lambda p: p.name)
def test_the_outline_agrees_with_python_markdown_on_every_corpus_file(path):
    check_agreement(body_of(path))


@pytest.mark.parametrize("example", SPEC_EXAMPLES, ids=lambda e: f"spec-{e['example']}")
def test_the_outline_agrees_with_python_markdown_on_the_commonmark_examples(example):
    check_agreement(example["markdown"])


_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.DOTALL)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_the_rendered_headings_are_the_section_titles_in_order_and_depth(path):
    article = load_article(path)
    shown = [(int(level), html_text(inner)) for level, inner in _HEADING.findall(ArticleRenderer().render(article).html)]
    assert shown == [(section.level, section.title) for section in article.sections]


LINES = [
    "# A", "## B #", "#tag", "  # C", "   ### D ##", "####### x", "# E\\", "## F#", "#", "# `c_d`", "\\# escaped",
    "Para", "more text", "===", "---", "  ---", "- - -", "* * *", "***", "= =", "",
    "- item", "1. one", "  - nested", "- # in a list", "> quote", "> # quoted", ">", "Term", ": definition", "[r]: /url",
    "    code", "        deeper", "```", "```py", "  ```", "~~~", "````", "```js title=x", "| a | b |", "|---|---|",
    "<div>", "</div>", "<div markdown=\"1\">", "<details>", "</details>", "<section>", "</section>", "<!--", "-->",
    "<!-- c -->", "<pre>", "</pre>", "<script>", "</script>", "<?php", "?>", "<!DOCTYPE html>", "<hr>", "<div/>",
    "<p>x</p># y", "<div>a</div>Title", "</div># tail", "<span>", "</span>", "<b>bold</b>", "&amp;", "Title\\",
]  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(LINES), st.from_regex(r"[ #>=*`~<\-a-z|:]{1,12}", fullmatch=True)), max_size=14))
@example(["<!--", "cargo run", "# copy the output here", "-->"])
@example(["- item", "---", "", "> quote", "---", "", "Para", "more", "==="])
@example(["<a", "# A", "<p>x</p># y"])
@example(["#tag", ":", ":<a", "===", "<!DOCTYPE html>"])
@example(["</details>", "-", "```"])
@example(["<hr>", "===", "---", "```"])
@example(["<", "# A", "<b>bold</b>"])  # a "<" of text starts the chunk: not an HTML block
def test_the_outline_agrees_with_python_markdown_on_generated_documents(lines):
    check_agreement("\n".join(lines))
