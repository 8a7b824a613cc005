"""Each document of tests/data/markdown/ gives the outline a reader expects (its .outline file, written by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.core.article import parse_article
from viewer.core.loader import load_article

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "data" / "markdown"
EXPECTED = sorted(CORPUS.glob("*.outline"))


def test_the_corpus_has_a_document_for_each_style():
    assert len(EXPECTED) >= 10


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.stem)
def test_the_outline_is_the_one_a_reader_expects(expected):
    article = load_article(expected.with_suffix(".md"))
    assert article.outline() == expected.read_text(encoding="utf-8").rstrip("\n")


# The minimal inputs of the issue (tests/data is for whole documents; these are one idea each).
@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("Getting started\n===\n\nText.\n\nInstalling\n---\n\nRun it.", [(0, "Getting started"), (1, "Installing")]),
        ("## `CURL_DISABLE_ALTSVC`", [(0, "CURL_DISABLE_ALTSVC")]),
        ("## `_` in patterns", [(0, "_ in patterns")]),
        ("# pg_waldump", [(0, "pg_waldump")]),
        ('### <a id="csharp"></a>C\\#', [(0, "C#")]),
        ("### Install <!-- omit in toc -->", [(0, "Install")]),
        ("### [Introduction](topics/introduction/)", [(0, "Introduction")]),
        ("# [![logo](a.png)](b)", [(0, "logo")]),
        ("## Fish &amp; Chips", [(0, "Fish & Chips")]),
        ("### from \\_\\_future\\_\\_ imports", [(0, "from __future__ imports")]),
        ("<!--\ncargo run\n# copy the output here\n-->\n\n# Real", [(0, "Real")]),
        ("<pre>\n# shell comment\n</pre>\n\n# Real", [(0, "File name"), (0, "Real")]),  # the introduction, then Real
        ("<div>\n# x\n</div>\n\n# Real", [(0, "File name"), (0, "Real")]),
        ("  # Title", [(0, "Title")]),
        ("Link: <http://example.com/>.\n\n# Real", [(0, "File name"), (0, "Real")]),
        ("Markdown: Basics\n====", [(0, "Markdown: Basics")]),
    ],
)
def test_each_example_of_the_issue(text, titles):
    article = parse_article(text, fallback_title="File name")
    assert [(s.depth, s.title) for s in article.sections] == titles


def test_a_div_without_headings_outside_names_the_article_after_its_file():
    article = parse_article("<div>\n# x\n</div>", fallback_title="File name")
    assert article.title == "File name" and [s.title for s in article.sections] == ["File name"]


def test_the_unfenced_link_line_stays_in_the_article():
    article = parse_article("Link: <http://example.com/>.\n\n# Real", fallback_title="File name")
    assert "Link: <http://example.com/>." in article.sections[0].body
