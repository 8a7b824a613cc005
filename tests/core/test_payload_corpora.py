"""The public lists of hostile strings, each string in every place an article can hold one, render safely."""

from __future__ import annotations

import pytest

from tests.core.test_sanitize import inspect_html, unsafe_parts
from tests.payloads import CORPORA, article_text, chunks, payloads
from viewer.core.article import parse_article
from viewer.core.render import ArticleRenderer, image_in_folder


def test_every_list_is_there_with_the_strings_its_source_has():
    counts = {corpus: len(payloads(corpus)) for corpus in CORPORA}
    # From the sources' own files (see tests/data/payloads/README.md); a count of 0 would test nothing.
    assert counts == {
        "naughty-strings": 515,
        "xss-payload-list": 6613,
        "xss-polyglots": 16,
        "markdown-xss": 13,
        "directory-traversal": 140,
        "deep-traversal": 887,
    }


@pytest.mark.parametrize("corpus", [pytest.param(c, marks=pytest.mark.slow) if c == "xss-payload-list" else c for c in CORPORA])
def test_every_string_of_a_list_renders_safely_wherever_it_stands(corpus, tmp_path):
    renderer = ArticleRenderer()
    for number, strings in enumerate(chunks(corpus)):
        article = parse_article(article_text(strings))
        article.path = tmp_path / f"{corpus}-{number}.md"
        html = renderer.render(article).html
        assert unsafe_parts(html, rendered=True) == [], f"{corpus}, article {number}"
        pictures = [attributes["src"] for tag, attributes in inspect_html(html).tags if tag == "img"]
        assert all(image_in_folder(tmp_path, src) for src in pictures), pictures
        assert len(article.sections) >= len(strings), "each string made a heading of its own"
        assert article.metadata.keywords, "and the keywords"
