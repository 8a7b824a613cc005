"""Properties over generated Markdown: parsing fails only with ArticleError, rendering is safe and complete."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.test_sanitize import URLS, html_fragments, inspect_html, unsafe_parts
from viewer.core.article import parse_article
from viewer.core.errors import ArticleError
from viewer.core.loader import decode_text
from viewer.core.render import ArticleRenderer, printable

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=24)
WORDS = st.text("abc XYZ*_`#[]()<>!-:=\\é\u202e\u200b", max_size=24)


def _heading(level: int, text: str, closing: bool) -> str:
    return "#" * level + " " + text + (" ##" if closing else "")


LINES = st.one_of(
    st.builds(_heading, st.integers(1, 6), TEXT | WORDS, st.booleans()),
    st.builds(lambda n: "#" * n, st.integers(1, 8)),
    TEXT,
    WORDS,
    st.sampled_from(["", "", "```", "~~~", "````python", "---", "...", "    indented", "Title: x", "Synonyms: a = b"]),
    st.builds(
        lambda indent, marker, text: " " * indent + marker + " " + text,
        st.integers(0, 12),
        st.sampled_from(["-", "*", "1.", ">"]),
        WORDS,
    ),
    st.builds(lambda alt, url: f"![{alt}]({url})", WORDS, URLS),
    st.builds(lambda text, url: f"[{text}]({url})", WORDS, URLS),
    st.builds(lambda url: f"<{url}>", URLS),
    html_fragments(),
)
MARKDOWN = st.lists(LINES, max_size=30).map("\n".join)


@given(MARKDOWN)
@settings(max_examples=200, deadline=None)
def test_parsing_raises_nothing_but_article_error(text):
    try:
        parse_article(text)
    except ArticleError as error:
        assert error.reason and str(error)


@given(st.binary(max_size=200) | MARKDOWN.map(lambda text: text.encode("utf-8", "surrogatepass")))
@settings(max_examples=200, deadline=None)
def test_reading_any_bytes_raises_nothing_but_article_error(data):
    try:
        text, _warnings = decode_text(data)
        parse_article(text)
    except ArticleError as error:
        assert error.reason


def _parsed(text: str):
    try:
        return parse_article(text)
    except ArticleError:
        return None


ARTICLES = MARKDOWN.map(_parsed).filter(lambda article: article is not None)


@given(ARTICLES)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
def test_every_section_anchor_resolves_once_in_the_rendered_html(article):
    rendered = ArticleRenderer().render(article)
    # The pane takes the n-th heading element for the n-th anchor: there must be one per section, no more.
    headings = [tag for tag, _ in inspect_html(rendered.html).tags if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}]
    assert len(headings) == len(article.sections)
    assert rendered.anchors == tuple(section.anchor for section in article.sections)
    assert len(set(rendered.anchors)) == len(rendered.anchors)


@given(ARTICLES)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
def test_the_outline_titles_appear_in_the_rendered_text_in_order(article):
    text = "".join(inspect_html(ArticleRenderer().render(article).html).text)
    position = 0
    for section in article.sections:
        found = text.find(printable(section.title), position)
        assert found >= 0, f"{section.title!r} missing after position {position}"
        position = found + len(printable(section.title))


@given(ARTICLES)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
def test_the_rendered_article_keeps_only_allowed_tags_attributes_and_urls(article):
    assert unsafe_parts(ArticleRenderer().render(article).html, rendered=True) == []
