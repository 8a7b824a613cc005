"""The metadata block: the meta form, YAML front matter, the unfenced rule, and blocks that are shown as text."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.article import parse_article
from viewer.core.metadata import read_metadata


def test_fenced_meta_form_with_continuations():
    text = "---\nTitle: T\nKeywords: a, b,\n    c\nSynonyms: x = y = z\n    p = q; r = s\n---\n# Body"
    block = read_metadata(text)
    assert block.metadata.title == "T"
    assert block.metadata.keywords == ("a", "b", "c")
    assert block.metadata.synonyms == (("x", "y", "z"), ("p", "q"), ("r", "s"))
    assert block.body == "# Body"
    assert block.warnings == ()


YAML_PAGE = """---
title: "Ketamine: a guide"
keywords:
  - ketamine
  - depression
layout: post
tags: [a, b]
nested: {deeper: [1, 2]}
reviewed: 2024-05-01
review_due: 2026-05-01
authors:
  - A. Smith
  - B. Jones
source: NICE guideline NG222
synonyms:
  TRD: treatment-resistant depression
  IV: [intravenous, i.v.]
summary: >
  Folded over
  two lines.
---
# Body
"""


def test_yaml_front_matter_with_lists_and_unknown_keys_opens():
    block = read_metadata(YAML_PAGE)
    meta = block.metadata
    assert meta.title == "Ketamine: a guide"
    assert meta.keywords == ("ketamine", "depression")
    assert meta.summary == "Folded over two lines."
    assert meta.synonyms == (("TRD", "treatment-resistant depression"), ("IV", "intravenous", "i.v."))
    assert block.body == "# Body\n"
    assert block.warnings == ()


def test_the_clinicians_keys_are_text_in_extra_however_written():
    meta = read_metadata(YAML_PAGE).metadata
    assert meta.extra["reviewed"] == "2024-05-01"
    assert meta.extra["review-due"] == "2026-05-01"  # review_due, Review-Due and review due are one key
    assert meta.extra["authors"] == "A. Smith, B. Jones"
    assert meta.extra["source"] == "NICE guideline NG222"
    meta_form = read_metadata("---\nReviewed: 2024-05-01\nReview-Due: 2026-05-01\nAuthors: A. Smith, B. Jones\n---\n").metadata
    assert {k: meta_form.extra[k] for k in ("reviewed", "review-due", "authors")} == {
        "reviewed": "2024-05-01",
        "review-due": "2026-05-01",
        "authors": "A. Smith, B. Jones",
    }


def test_keywords_as_a_comma_string_in_yaml():
    assert read_metadata("---\nkeywords: a, b ,c\n---\n").metadata.keywords == ("a", "b", "c")


def test_synonyms_as_yaml_lines_or_list():
    lines = read_metadata("---\nsynonyms: |\n  TRD = treatment-resistant depression\n  IV = intravenous\n---\n").metadata
    assert lines.synonyms == (("TRD", "treatment-resistant depression"), ("IV", "intravenous"))
    listed = read_metadata("---\nsynonyms:\n  - TRD = treatment-resistant depression\n  - [IV, intravenous]\n---\n").metadata
    assert listed.synonyms == (("TRD", "treatment-resistant depression"), ("IV", "intravenous"))


def test_malformed_yaml_is_shown_as_text_with_a_warning_naming_the_line():
    text = "---\ntitle: x\nkeywords:\n  - a\n  - [b\nsummary: s\n---\n# Body\n"
    article = parse_article(text, fallback_title="Notes")
    [warning] = article.warnings
    assert "not valid YAML" in warning and "line 5" in warning  # the line of "  - [b", never closed
    assert article.metadata.title == ""
    assert "  - [b" in article.sections[0].body  # the reader still sees what was written
    assert [s.title for s in article.sections] == ["Notes", "Body"]  # the text shown is named after the file


@pytest.mark.parametrize(
    ("line", "keywords"),
    [("keywords: [a, b]", ("a", "b")), ("keywords: {a: 1}", ()), ("keywords: >\n    one,\n    two", ("one", "two"))],
)
def test_a_key_line_written_in_yaml_is_read_as_yaml(line, keywords):
    # Every line looks like "Key: value", but "[a, b]" is a YAML list, not the keyword "[a"
    block = read_metadata(f"---\ntitle: T\n{line}\n---\n# Body\n")
    assert block.metadata.keywords == keywords and block.warnings == ()


def test_a_meta_form_value_with_brackets_is_still_text():
    block = read_metadata("---\nTitle: [Draft] Dosing\nKeywords: a, b\n---\n# Body\n")
    assert block.metadata.title == "[Draft] Dosing" and block.metadata.keywords == ("a", "b") and block.warnings == ()


def test_a_yaml_flow_value_never_closed_is_shown_as_text_with_a_warning():
    article = parse_article("---\ntitle: [unclosed\n---\n\n# Body\n", fallback_title="Notes")
    [warning] = article.warnings
    assert "not valid YAML" in warning and "line 2" in warning
    assert article.metadata.title == "" and "title: [unclosed" in article.sections[0].body


def test_an_unclosed_fence_is_article_text_with_a_warning():
    article = parse_article("---\nTitle: Never closed\n\n# Body\n", fallback_title="Notes")
    assert article.warnings and "never closed" in article.warnings[0]
    assert [s.title for s in article.sections] == ["Notes", "Body"]  # the text shown, named after the file


def test_a_repeated_key_keeps_the_first_value_and_says_so():
    block = read_metadata("---\nTitle: a\nTitle: b\n---\n")
    assert block.metadata.title == "a"
    assert block.warnings == ("gives the metadata key 'title' twice (line 3); the first is used",)


def test_a_rule_at_the_top_is_not_front_matter():
    text = "---\n\n# Title\n\n---\n\nmore"
    assert read_metadata(text).body == text


def test_open_block_of_known_keys_ends_at_the_first_blank_line_like_the_meta_extension():
    block = read_metadata("Title: T\nSummary: S\n\ntext")
    assert (block.metadata.title, block.metadata.summary, block.body) == ("T", "S", "\ntext")


@pytest.mark.parametrize(
    ("text", "title"),
    [("Link: <http://example.com/>.\n\nText.", "Notes"), ("Markdown: Basics\n====\n\nText.", "Markdown: Basics")],
)
def test_an_unfenced_first_line_with_an_unknown_key_is_article_text(text, title):
    article = parse_article(text, fallback_title="Notes")
    assert article.title == title
    assert text.split("\n")[0].split(":")[0] in "\n".join(s.title + "\n" + s.body for s in article.sections)


def test_a_file_without_metadata_is_all_body():
    block = read_metadata("# Heading")
    assert (block.metadata.title, block.body) == ("", "# Heading")


yaml_scalars = st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.dates(), st.none())


# Keys of one line: a key with a line break in it is dumped as a "? " complex key, which no article's front matter uses
# (and which the viewer reads as text after a rule, as Python-Markdown does).
one_line_keys = st.text(
    st.characters(blacklist_characters="\r\n\x85\u2028\u2029", blacklist_categories=("Cs",)), min_size=1, max_size=10
)


@settings(max_examples=200)
@given(st.dictionaries(one_line_keys, st.one_of(yaml_scalars, st.lists(yaml_scalars, max_size=4)), max_size=6))
def test_any_yaml_mapping_opens(mapping):
    import yaml

    text = "---\n" + yaml.safe_dump(mapping, allow_unicode=True) + "---\n# Body\n"
    article = parse_article(text, fallback_title="Notes")
    assert article.sections[-1].title == "Body"
    assert all(isinstance(value, str) for value in article.metadata.extra.values())
