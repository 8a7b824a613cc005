"""How the outline compares with CommonMark's headings (markdown-it-py), on the corpus and the spec's examples.

The differences that remain are on purpose and listed in docs/article-format.md; this test keeps
that list true: a new difference, or one that went away, fails it.
"""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from tests.core.test_outline_agreement import CORPUS, SPEC_EXAMPLES, body_of
from viewer.core.blocks import find_outline
from viewer.core.dialect import new_markdown
from viewer.core.titles import heading_titles, html_text, tidy

_COMMONMARK = MarkdownIt("commonmark")

# file (or spec example) → why the outline differs from CommonMark's headings there
DIFFERENCES = {
    "html-blocks.md": "a heading after a blank line inside a raw HTML table is HTML to Python-Markdown",
    "guideline-export.md": "headings inside a blockquote or a list item are not sections",
    "markdown-basics.md": "a heading inside a blockquote is not a section",
    "spec-91": "a tag spread over three lines is inline HTML, so its middle line is not a setext underline",
}


def commonmark_headings(text: str) -> list[tuple[int, str]]:
    """(level, text) of every heading CommonMark sees, nested ones included."""
    tokens = _COMMONMARK.parse(text)
    render = _COMMONMARK.renderer.renderInline
    return [
        (int(token.tag[1]), tidy(html_text(render(tokens[index + 1].children, _COMMONMARK.options, {}))))
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def outline_headings(text: str) -> list[tuple[int, str]]:
    md = new_markdown()
    outline = find_outline(text, md)
    titles = heading_titles([h.markdown for h in outline.headings], md, outline.references)
    return [(h.level, title) for h, title in zip(outline.headings, titles, strict=True)]


CASES = [(path.name, body_of(path)) for path in CORPUS] + [(f"spec-{e['example']}", e["markdown"]) for e in SPEC_EXAMPLES]


@pytest.mark.parametrize(("name", "text"), CASES, ids=[name for name, _ in CASES])
def test_the_outline_matches_commonmark_except_where_documented(name, text):
    agrees = outline_headings(text) == commonmark_headings(text)
    undocumented = "differs from CommonMark, and docs/article-format.md does not say so"
    assert agrees != (name in DIFFERENCES), DIFFERENCES.get(name, undocumented)


def test_the_documented_figures_are_the_measured_ones():
    documented = (CORPUS[0].parents[3] / "docs" / "article-format.md").read_text(encoding="utf-8")
    spec_total = len(SPEC_EXAMPLES)
    spec_same = spec_total - sum(name.startswith("spec-") for name in DIFFERENCES)
    corpus_same = len(CORPUS) - sum(not name.startswith("spec-") for name in DIFFERENCES)
    assert f"{spec_same} of the {spec_total}" in documented
    assert f"{corpus_same} of its {len(CORPUS)}" in documented
