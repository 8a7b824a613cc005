"""Parsing edge cases: intro text, code fences, skipped levels, duplicates, odd headings."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.article import parse_article, slugify
from viewer.core.errors import ArticleError


def titles(article):
    return [(s.depth, s.title) for s in article.sections]


def test_text_before_the_first_heading_is_an_intro_section_named_after_the_file():
    article = parse_article("Some words first.\n\n# Title\n\nBody", fallback_title="Notes")
    assert titles(article) == [(0, "Notes"), (0, "Title")]  # not "Title" twice
    assert article.title == "Title"
    assert article.sections[0].body == "Some words first."
    assert article.sections[0].anchor != article.sections[1].anchor


def test_the_intro_section_takes_the_metadata_title_unless_the_first_heading_repeats_it():
    named = parse_article("Title: Leaflet\n\nSome words first.\n\n# Dosing\n", fallback_title="Notes")
    assert titles(named) == [(0, "Leaflet"), (0, "Dosing")]
    repeated = parse_article("Title: Dosing\n\nSome words first.\n\n# Dosing\n", fallback_title="dosing")
    assert titles(repeated) == [(0, "Introduction"), (0, "Dosing")]
    introduction = parse_article("Some words first.\n\n# Introduction\n", fallback_title="Introduction")  # introduction.md
    assert titles(introduction) == [(0, "Beginning"), (0, "Introduction")]


def test_a_file_without_headings_is_one_section_named_after_the_file():
    article = parse_article("just text\n\nmore", fallback_title="Notes")
    assert titles(article) == [(0, "Notes")]
    assert "more" in article.sections[0].body


def test_empty_text_gives_one_empty_section():
    article = parse_article("", fallback_title="Empty")
    assert titles(article) == [(0, "Empty")]


def test_headings_inside_fenced_code_are_not_sections():
    text = "# A\n\n```\n# not a heading\n```\n\n~~~python\n## nor this\n~~~\n\n## B\n"
    assert titles(parse_article(text)) == [(0, "A"), (1, "B")]
    assert "# not a heading" in parse_article(text).sections[0].body


def test_skipped_levels_nest_under_the_nearest_shallower_heading():
    text = "## Part\n#### Deep\n### Middle\n# Top\n###### Six\n"
    assert titles(parse_article(text)) == [(0, "Part"), (1, "Deep"), (1, "Middle"), (0, "Top"), (1, "Six")]


def test_duplicate_titles_get_unique_anchors():
    article = parse_article("## Notes\n## Notes\n## Notes 2\n## Notes\n")
    anchors = [s.anchor for s in article.sections]
    assert anchors[0] == "notes" and len(set(anchors)) == 4


def test_closing_hashes_and_inline_markup_are_not_part_of_the_title():
    article = parse_article("## *Dose* and `timing` ##\n#hashtag is text\n")
    assert titles(article) == [(0, "Dose and timing")]
    assert "#hashtag" in article.sections[0].body


def test_windows_line_endings_parse_like_unix_ones():
    assert titles(parse_article("# A\r\n\r\n## B\r\ntext\r\n")) == [(0, "A"), (1, "B")]


def test_metadata_title_wins_over_the_first_heading():
    article = parse_article("Title: From metadata\n\n# Heading\n")
    assert article.title == "From metadata"


def test_slugs_are_ascii_and_never_empty():
    assert slugify("Ketamine’s Mechanism of Action") == "ketamines-mechanism-of-action"
    assert slugify("Ça, c'est très bien!") == "ca-cest-tres-bien"
    assert slugify("???") == "section"


markdown_lines = st.one_of(
    st.from_regex(r"#{1,7}[ \t]?[^\n]{0,20}", fullmatch=True),
    st.sampled_from(["```", "~~~", "", "---", "Key: value", "    indented"]),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=30).map(lambda s: s.replace("\n", " ")),
)


@settings(max_examples=300)
@given(st.lists(markdown_lines, max_size=40))
def test_any_markdown_parses_into_a_consistent_tree(lines):
    try:
        article = parse_article("\n".join(lines))
    except ArticleError:
        return
    anchors = [s.anchor for s in article.sections]
    assert len(anchors) == len(set(anchors))
    assert article.sections, "there is always at least one section"
    assert [s for root in article.roots for s in root.walk()] == article.sections
    for section in article.sections:
        assert section.parent is None or section.parent.level < section.level
    assert len(article.outline().splitlines()) == len(article.sections)


@pytest.mark.parametrize(("text", "line"), [("---\nTitle: x\n", ""), ("---\nTitle: x\nnot a key line\n---\n", "line 3")])
def test_malformed_metadata_is_a_warning_naming_the_line(text, line):
    [warning] = parse_article(text).warnings
    assert line in warning
    assert "Title: x" in parse_article(text).sections[0].body


NAMES = ["Introduction", "Beginning", "introduction", "Notes", "Dosing"]


@given(st.sampled_from(["", *NAMES]), st.sampled_from(NAMES), st.sampled_from(NAMES))
def test_the_intro_never_takes_the_first_headings_name(metadata_title, file_title, heading):
    metadata = f"Title: {metadata_title}\n\n" if metadata_title else ""
    article = parse_article(f"{metadata}Words first.\n\n# {heading}\n", fallback_title=file_title)
    intro, first = article.sections[0], article.sections[1]
    assert intro.body == "Words first." and first.title == heading
    assert intro.title.casefold() != heading.casefold()
