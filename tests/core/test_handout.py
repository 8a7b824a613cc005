"""The handout model: which sections, what heads it, links as text, each page's footer."""

import datetime as dt
import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.core.article import parse_article
from viewer.core.handout import UnknownSection, chosen_sections, handout_html, links_as_text, make_handout
from viewer.core.render import ArticleRenderer

ARTICLE = parse_article(
    """---
Title: Dosing Guide
Notice: Check every dose with the prescriber.
Summary: How much and how often.
Reviewed: 2024-01-15
Review-due: 2025-01-15
Authors: A. Writer
---

# Dosing Guide

## Adults

Adult text. See [the children's part](#children) and [the NHS](https://www.nhs.uk/x?a=1&b=2).

### Older adults

Older text.

## Children

Children's text, <mailto:help@example.org>.

## Risks

Risk text.
"""
)
PRINTED = dt.date(2026, 3, 5)
RENDERER = ArticleRenderer()


def text_of(document: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", document))


def build(anchors=(), **options) -> str:
    handout = make_handout(ARTICLE, anchors, printed=PRINTED, **options)
    return handout_html(handout, RENDERER.bodies(handout.sections, None))


def test_the_whole_article_by_default():
    assert [s.anchor for s in chosen_sections(ARTICLE, [])] == [s.anchor for s in ARTICLE.sections]
    assert make_handout(ARTICLE, printed=PRINTED).whole


def test_a_section_comes_with_its_subsections_in_document_order():
    assert [s.title for s in chosen_sections(ARTICLE, ["risks", "adults"])] == ["Adults", "Older adults", "Risks"]
    assert [s.title for s in chosen_sections(ARTICLE, ["adults"], with_subsections=False)] == ["Adults"]
    assert [s.title for s in chosen_sections(ARTICLE, ["adults", "older-adults"])] == ["Adults", "Older adults"]


def test_a_section_is_also_named_by_the_anchor_github_makes_of_its_whole_heading():
    title = "Dosing for adults who have not responded to two or more antidepressants at adequate doses and durations"
    article = parse_article(f"# Notes\n\n## {title}\n\nText.\n")
    whole = "dosing-for-adults-who-have-not-responded-to-two-or-more-antidepressants-at-adequate-doses-and-durations"
    assert [section.title for section in chosen_sections(article, [whole])] == [title]


def test_an_unknown_anchor_is_refused_with_a_near_one_suggested():
    with pytest.raises(UnknownSection, match=r"'child'.*did you mean 'children'"):
        chosen_sections(ARTICLE, ["child"])


def test_the_handout_starts_with_title_reviewed_line_notice_and_summary_in_that_order():
    text = text_of(build(["risks"]))
    order = [
        "Dosing Guide",
        "By A. Writer",
        "Last reviewed 15 January 2024",
        "due for review on 15 January 2025",
        "Please note",
        "Check every dose with the prescriber.",
        "How much and how often.",
        "Risks",
        "Risk text.",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)


def test_exactly_the_chosen_sections_are_in_it():
    text = text_of(build(["children"]))
    assert "Children's text" in text
    for other in ("Adult text", "Older text", "Risk text", "Adults", "Risks"):
        assert other not in text


def test_a_section_printed_without_its_part_says_what_it_is_part_of():
    assert "Part of “Adults”" in text_of(build(["older-adults"]))
    assert "Part of" not in text_of(build(["adults"]))


def test_the_title_heading_is_not_repeated_and_the_top_chosen_level_becomes_h2():
    document = build()
    assert document.count("Dosing Guide") == 1
    assert "<h2>Adults</h2>" in document and "<h3>Older adults</h3>" in document
    assert "<h2>Older adults</h2>" in build(["older-adults"])


def test_links_are_printed_as_their_text_with_the_address_after():
    text = text_of(build(["adults", "children"]))
    assert "the NHS (https://www.nhs.uk/x?a=1&b=2)" in text
    assert "the children's part (see “Children”)" in text
    assert "help@example.org" in text and "mailto:" not in text
    assert "<a " not in build(["adults", "children"])


def test_a_link_whose_text_is_its_address_is_printed_once():
    body = RENDERER.body_html("Go to <https://example.org/x> now.")
    assert text_of(links_as_text(body, {})) == "Go to https://example.org/x now."


def test_the_footer_numbers_pages_and_gives_the_dates():
    footer = make_handout(ARTICLE, printed=PRINTED).footer(2, 3)
    assert footer.page == "Page 2 of 3"
    assert footer.title == "Dosing Guide"
    assert footer.dates == "Printed 5 March 2026 · Last reviewed 15 January 2024 · Review was due 15 January 2025"
    plain = make_handout(parse_article("# Plain\n\nText.\n"), printed=PRINTED).footer(1, 1)
    assert plain.dates == "Printed 5 March 2026"


def test_article_text_in_the_handout_is_escaped():
    hostile = parse_article("Title: <b>Bold</b> & co\nNotice: <script>x()</script>\n\n# <i>Head</i>\n\nBody.\n")
    handout = make_handout(hostile, printed=PRINTED)
    document = handout_html(handout, RENDERER.bodies(handout.sections, None))
    assert "<b>Bold</b>" not in document and "<script>" not in document
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in document


def test_the_file_name_offered_names_the_article_and_section_without_unsafe_characters():
    assert make_handout(ARTICLE, printed=PRINTED).file_name() == "Dosing Guide.pdf"
    assert make_handout(ARTICLE, ["children"], printed=PRINTED).file_name() == "Dosing Guide - Children.pdf"
    odd = parse_article("Title: A/B: C?\n\n# x\n")
    assert make_handout(odd, printed=PRINTED).file_name() == "A B C.pdf"


addresses = st.from_regex(r"https://[a-z]{1,10}\.org/[a-z0-9]{0,10}", fullmatch=True)
words = st.from_regex(r"[A-Za-z]{1,12}( [A-Za-z]{1,12}){0,3}", fullmatch=True)


@given(st.lists(st.tuples(words, addresses), min_size=1, max_size=5))
def test_every_link_address_is_printed_and_no_link_is_left(links):
    body = RENDERER.body_html(" and ".join(f"[{text}]({address})" for text, address in links))
    text = text_of(links_as_text(body, {}))
    for link_text, address in links:
        assert f"{link_text} ({address})" in text or (link_text == address and address in text)
    assert "<a" not in links_as_text(body, {})


def test_a_body_that_would_be_slow_to_format_is_printed_as_plain_text_in_time():
    hostile = parse_article("# Slow\n\n" + "[" * 30000 + "\n")
    handout = make_handout(hostile, printed=PRINTED)
    [body] = RENDERER.bodies(handout.sections, None)
    assert "shown as plain text" in body or "[[[[" in text_of(body)
