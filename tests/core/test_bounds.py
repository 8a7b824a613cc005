"""Bounds before the slow steps: what is nested too deeply, too bracket-heavy or too long is shown as plain text."""

from __future__ import annotations

import html as htmlmod
import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.article_gen import generate
from benchmarks.freezing_inputs import FREEZING_INPUTS
from tests.conftest import BUNDLED_ARTICLE
from tests.core.test_render_properties import LINES
from tests.core.test_sanitize import inspect_html, unsafe_parts
from viewer.core.article import parse_article
from viewer.core.bounds import (
    FORMAT_WORD,
    MAX_BRACKETS,
    MAX_DEPTH,
    MAX_LINK_REFERENCES,
    MAX_OPEN_BRACKETS,
    MAX_TABLE_DEPTH,
    TOO_DEEP,
    TOO_MANY_BRACKETS,
    TOO_MANY_REFERENCES,
    WORD_TOO_LONG,
    Part,
    bounded_parts,
)
from viewer.core.html_bounds import LONG_WORD, PLAIN_BLOCK, ZERO_WIDTH_SPACE, break_long_words, html_pieces, plain_blocks
from viewer.core.render import ArticleRenderer

PLAIN = "it is shown as plain text"


def notes(body: str) -> list[str]:
    return [part.note for part in bounded_parts(body)]


def test_ordinary_articles_pass_every_bound_untouched():
    for text in (BUNDLED_ARTICLE.read_text(encoding="utf-8"), generate(sections=300)):
        for section in parse_article(text).sections:
            assert bounded_parts(section.body) == [Part(section.body)], section.title


def test_html_nested_one_level_deeper_than_the_limit_is_plain_text_and_at_the_limit_is_formatted():
    assert notes("<div>" * MAX_DEPTH + "x" + "</div>" * MAX_DEPTH) == [""]
    assert notes("<div>" * (MAX_DEPTH + 1) + "x" + "</div>" * (MAX_DEPTH + 1)) == [TOO_DEEP]


def test_markdown_quotes_and_lists_count_as_nesting_too():
    assert notes("> " * MAX_DEPTH + "quoted") == [""]
    assert notes("> " * (MAX_DEPTH + 1) + "quoted") == [TOO_DEEP]
    levels = MAX_DEPTH // 2  # a list and its item per level
    assert notes("\n".join("    " * level + "- item" for level in range(levels))) == [""]
    assert notes("\n".join("    " * level + "- item" for level in range(levels + 1))) == [TOO_DEEP]


def test_tables_inside_tables_have_a_limit_of_their_own():
    def nested(depth: int) -> str:
        return "<table><tr><td>" * depth + "x" + "</td></tr></table>" * depth

    assert notes(nested(MAX_TABLE_DEPTH)) == [""]
    assert notes(nested(MAX_TABLE_DEPTH + 1)) == [TOO_DEEP]


def test_elements_that_close_themselves_do_not_add_up():
    unclosed_items = "<ul>" + "<li>item " * 5000 + "</ul>"
    unclosed_paragraphs = "<p>para " * 5000
    rows = "<table>" + "<tr><td>cell <td>cell " * 2000 + "</table>"
    links = '<a href="#x">link ' * 3000
    voids = "<br><img src=x.png><hr>" * 3000
    for body in (unclosed_items, unclosed_paragraphs, rows, links, voids):
        assert notes(body) == [""], body[:30]


def test_tags_in_code_are_text_not_nesting():
    fenced = "```\n" + "<div>\n" * (MAX_DEPTH * 3) + "```\n"
    spans = "Write `<div>` to open one. " * (MAX_DEPTH * 3)
    assert notes(fenced) == [""]
    assert notes(spans) == [""]


def test_only_the_deep_stretch_is_plain_text_the_paragraphs_around_it_are_formatted():
    deep = "<div>" * 1000 + "deep text" + "</div>" * 1000
    body = f"Before *this*.\n\n{deep}\n\nAfter *that*."
    parts = bounded_parts(body)
    assert [part.note for part in parts] == ["", TOO_DEEP, ""]
    assert deep in parts[1].text and "Before" not in parts[1].text and "After" not in parts[1].text
    html = ArticleRenderer().body_html(body)
    assert "<em>this</em>" in html and "<em>that</em>" in html
    assert html.count(f"{TOO_DEEP}; {PLAIN}") == 1
    assert "deep text" in html and "&lt;div&gt;" in html


def test_a_deep_stretch_that_never_closes_runs_to_the_end_of_the_section():
    body = "Before.\n\n" + "<blockquote>" * (MAX_DEPTH * 2) + "\n\nstill inside\n\nand here"
    parts = bounded_parts(body)
    assert [part.note for part in parts] == ["", TOO_DEEP]
    assert parts[1].text.endswith("and here")


def test_nesting_too_deep_to_follow_counts_as_closed_at_the_next_blank_line():
    # Past four times the limit the scan stops following the elements (a hostile line may open a
    # hundred thousand); the deep stretch then ends at the next blank line, and what follows is
    # formatted on its own (the sanitizer closes what it opens).
    body = "<blockquote>" * (MAX_DEPTH * 5) + "\n\nafter *it*"
    assert notes(body) == [TOO_DEEP, ""]
    assert "<em>it</em>" in ArticleRenderer().body_html(body)


def test_link_references_after_the_limit_are_shown_as_written():
    count = MAX_LINK_REFERENCES + 5
    uses = " ".join(f"[ref {n}][r{n}]" for n in range(count))
    definitions = "\n".join(f"[r{n}]: https://example.org/{n}" for n in range(count))
    parts = bounded_parts(f"{uses}\n\n{definitions}")
    assert [part.note for part in parts] == ["", TOO_MANY_REFERENCES]
    assert parts[1].text.split("\n") == [f"[r{n}]: https://example.org/{n}" for n in range(MAX_LINK_REFERENCES, count)]
    html = ArticleRenderer().body_html(f"{uses}\n\n{definitions}")
    assert html.count('<a href="https://example.org/') == MAX_LINK_REFERENCES
    assert f"[r{count - 1}]: https://example.org/{count - 1}" in html


def test_reference_lookalikes_in_code_do_not_count():
    fenced = "```\n" + "\n".join(f"[r{n}]: x" for n in range(MAX_LINK_REFERENCES + 10)) + "\n```"
    assert notes(fenced) == [""]


def test_a_paragraph_with_too_many_brackets_is_plain_text():
    assert notes("[" * MAX_OPEN_BRACKETS) == [""]
    assert notes("[" * (MAX_OPEN_BRACKETS + 1)) == [TOO_MANY_BRACKETS]
    pairs = " ".join(f"[{n}]" for n in range(MAX_BRACKETS))
    assert notes(pairs) == [""], "brackets that pair up are cheap"
    assert notes(pairs + " [x]") == [TOO_MANY_BRACKETS]
    assert notes(pairs + "\n\n[x]") == [""], "counted per paragraph"


def test_a_word_too_long_to_format_makes_its_paragraph_plain_text():
    assert notes("a" * (FORMAT_WORD - 1)) == [""]
    assert notes("First.\n\n" + "a" * FORMAT_WORD + "\n\nLast.") == ["", WORD_TOO_LONG, ""]


@settings(max_examples=200, deadline=None)
@given(st.lists(LINES | st.sampled_from(["<div>" * 60, "> " * 50 + "q", "[" * 400, "</div>" * 60, "```", ""]), max_size=30))
def test_nothing_is_lost_the_parts_hold_every_line_in_order(lines):
    body = "\n".join(lines)
    parts = bounded_parts(body)
    assert "\n".join(part.text for part in parts) == body
    assert all(part.note in {"", TOO_DEEP, TOO_MANY_BRACKETS, WORD_TOO_LONG} for part in parts)


def test_long_words_get_break_opportunities_in_text_but_not_in_tags():
    url = "https://example.org/" + "p" * (LONG_WORD + 100)
    word = "b" * (LONG_WORD * 2 + 50)
    html = f'<p><a href="{url}" title="{"t" * (LONG_WORD + 100)}">{word}</a> short words stay</p>'
    broken = break_long_words(html)
    assert url in broken and "t" * (LONG_WORD + 100) in broken, "attributes are left alone"
    assert broken.replace(ZERO_WIDTH_SPACE, "") == html
    runs = "".join(inspect_html(broken).text).split()[0].split(ZERO_WIDTH_SPACE)
    assert [len(run) for run in runs] == [LONG_WORD, LONG_WORD, 50]


def test_a_character_reference_is_never_split():
    html = "<p>" + "&amp;" * (LONG_WORD * 3) + "</p>"
    broken = break_long_words(html)
    assert broken.replace(ZERO_WIDTH_SPACE, "") == html
    assert all(piece.startswith("&amp;") or piece == "<p>" for piece in broken.split(ZERO_WIDTH_SPACE)[1:])


def test_short_words_are_left_alone():
    html = "<p>" + "word " * 10_000 + "</p>"
    assert break_long_words(html) is html


def test_plain_text_comes_in_paragraphs_of_bounded_size_holding_every_character():
    text = "line\n" * 5000 + "x" * (PLAIN_BLOCK * 3 + 7) + "\nend"
    blocks = plain_blocks(text)
    assert all(len(block) <= PLAIN_BLOCK for block in blocks)
    assert "".join(blocks).replace("\n", "") == text.replace("\n", "")


FREEZING_NOTES = {  # the bound that catches each of the six inputs that froze the window
    "nested-list-items": TOO_DEEP,
    "nested-blockquotes": TOO_DEEP,
    "nested-divs": TOO_DEEP,
    "brackets": WORD_TOO_LONG,
    "long-word": WORD_TOO_LONG,
    "link-references": TOO_MANY_BRACKETS,
}


def test_the_six_inputs_that_froze_the_window_are_bounded_before_markdown_sees_them():
    for name, make in FREEZING_INPUTS.items():
        article = parse_article(make())
        body = article.sections[0].body
        assert FREEZING_NOTES[name] in notes(body), name
        html = ArticleRenderer().render(article).html
        assert unsafe_parts(html, rendered=True) == []
        assert longest_word(html) <= LONG_WORD, f"{name}: no word longer than {LONG_WORD} characters reaches Qt"


def longest_word(html: str) -> int:
    """The longest run of characters Qt could not break: across inline tags, up to white space or a block."""
    blocks_apart = re.sub(r"</?(?:p|br|h[1-6]|li|ul|ol|div|table|tr|td|th|blockquote|pre|dl|dt|dd)\b[^>]*>", " ", html)
    text = htmlmod.unescape(re.sub(r"<[^>]*>", "", blocks_apart)).replace(ZERO_WIDTH_SPACE, " ")
    return max(map(len, text.split()))


def test_a_word_cut_by_inline_tags_is_still_one_word():
    html = "<p>" + "<b>aaaa</b>a" * 200 + "</p>"  # 1,000 letters Qt lays out as one word
    assert longest_word(html) == 1000
    assert longest_word(break_long_words(html)) == LONG_WORD


def test_a_long_section_is_cut_between_paragraphs_only_and_nothing_is_lost():
    section = ArticleRenderer().body_html(
        "\n\n".join(f"Paragraph {n}.\n\nAnother {n}.\n\n- item\n- item\n\n| a |\n| - |\n| {n} |" for n in range(300))
    )
    pieces = html_pieces(section, 2_000)
    assert len(pieces) > 10 and "\n".join(pieces) == section
    for before, after in itertools.pairwise(pieces):
        assert before.endswith("</p>") and after.startswith("<p>"), (before[-40:], after[:40])
    assert all(len(piece) < 2_000 + 200 for piece in pieces), "about the size asked for"


def test_one_giant_element_stays_whole():
    table = "<table>\n" + "<tr><td>cell</td></tr>\n" * 5_000 + "</table>"
    assert html_pieces(table, 1_000) == [table]
    assert html_pieces("<p>short</p>", 1_000) == ["<p>short</p>"]
