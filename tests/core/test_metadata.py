"""The metadata block: both shapes, continuation lines, synonyms, and errors that name the line."""

import pytest

from viewer.core.errors import ArticleError
from viewer.core.metadata import split_metadata


def test_fenced_block_with_continuations():
    lines = ["---", "Title: T", "Keywords: a, b,", "    c", "Synonyms: x = y = z", "    p = q; r = s", "---", "# Body"]
    meta, body_start = split_metadata(lines)
    assert meta.title == "T"
    assert meta.keywords == ("a", "b", "c")
    assert meta.synonyms == (("x", "y", "z"), ("p", "q"), ("r", "s"))
    assert lines[body_start] == "# Body"


def test_open_block_ends_at_the_first_blank_line_like_the_meta_extension():
    meta, body_start = split_metadata(["Title: T", "Summary: S", "", "text"])
    assert (meta.title, meta.summary, body_start) == ("T", "S", 2)


def test_unknown_keys_are_kept():
    meta, _ = split_metadata(["Author: Someone", ""])
    assert meta.extra == {"author": "Someone"}


def test_a_file_without_metadata_starts_its_body_at_line_one():
    meta, body_start = split_metadata(["# Heading"])
    assert (meta.title, body_start) == ("", 0)


def test_a_repeated_key_is_an_error_naming_its_line():
    with pytest.raises(ArticleError) as raised:
        split_metadata(["---", "Title: a", "Title: b", "---"])
    assert raised.value.line == 3 and "twice" in raised.value.reason


def test_an_unclosed_fence_is_an_error():
    with pytest.raises(ArticleError, match="never closed"):
        split_metadata(["---", "Title: a"])
