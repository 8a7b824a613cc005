"""Bookmarks: kept per article between runs, found again after the article changed, safe from a corrupt file."""

import datetime as dt
import json

import pytest

from viewer.core.article import parse_article
from viewer.core.bookmarks import BUNDLED_KEY, Bookmark, Bookmarks, BookmarksError, article_key, bookmarks_path
from viewer.core.settings import settings_path

ARTICLE = parse_article("# Guide\n\n## Dosing\n\nText.\n\n## Side effects\n\nMore.\n")
TODAY = dt.date(2026, 3, 5)


def test_bookmarks_live_beside_the_settings():
    assert bookmarks_path().parent == settings_path().parent


def test_a_bookmark_is_kept_between_runs_per_article(tmp_path):
    path = tmp_path / "bookmarks.json"
    bookmarks = Bookmarks.load(path)
    bookmarks.add("/notes/guide.md", ARTICLE.find("side-effects"), TODAY)
    bookmarks.add(BUNDLED_KEY, ARTICLE.find("dosing"), TODAY)
    bookmarks.save()
    again = Bookmarks.load(path)
    assert again.problems == []
    assert again.of("/notes/guide.md") == [Bookmark("side-effects", "Side effects", "2026-03-05")]
    assert again.of(BUNDLED_KEY) == [Bookmark("dosing", "Dosing", "2026-03-05")]
    assert again.of("/notes/other.md") == []


def test_a_section_is_bookmarked_once_and_can_be_removed(tmp_path):
    bookmarks = Bookmarks.load(tmp_path / "bookmarks.json")
    section = ARTICLE.find("dosing")
    bookmarks.add("k", section)
    bookmarks.add("k", section)
    assert bookmarks.has("k", "dosing") and len(bookmarks.of("k")) == 1
    bookmarks.remove("k", "dosing")
    assert not bookmarks.has("k", "dosing") and bookmarks.of("k") == []


def test_a_bookmark_finds_its_section_by_anchor_then_by_title_and_else_is_gone():
    changed = parse_article("# Guide\n\n## Side effects\n\nMoved up.\n\n## Doses\n\nRenamed.\n")
    assert Bookmark("side-effects", "Side effects").find_in(changed).title == "Side effects"
    renamed_anchor = parse_article("# Guide\n\n## Side effects\n\nA.\n\n## Side effects\n\nB.\n")
    assert Bookmark("side-effects-3", "Side effects").find_in(renamed_anchor).anchor == "side-effects"
    assert Bookmark("dosing", "Dosing").find_in(changed) is None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{ not json", "is not valid JSON"),
        (b"\xff\xfe\x00binary", "is not valid JSON"),
        (b"[1, 2]", "is not a bookmarks file"),
        (json.dumps({"version": 1, "articles": {"k": [{"anchor": 3, "title": "x"}]}}).encode(), "not a short text"),
        (json.dumps({"version": 1, "articles": {"k": "dosing"}}).encode(), "not a list"),
        (json.dumps({"version": 1, "articles": {"k": ["dosing"]}}).encode(), "not an object"),
        (json.dumps({"version": 99, "articles": {}}).encode(), "is not a bookmarks file of version 1"),
    ],
)
def test_a_corrupt_file_starts_empty_says_so_and_is_kept_aside(tmp_path, content, reason):
    path = tmp_path / "bookmarks.json"
    path.write_bytes(content)
    bookmarks = Bookmarks.load(path)
    assert bookmarks.of("k") == []
    [problem] = bookmarks.problems
    assert str(path) in problem and reason in problem and "bookmarks.json.corrupt" in problem
    assert (tmp_path / "bookmarks.json.corrupt").read_bytes() == content
    bookmarks.add("k", ARTICLE.find("dosing"))
    bookmarks.save()
    assert (tmp_path / "bookmarks.json.corrupt").read_bytes() == content
    assert Bookmarks.load(path).problems == []  # said once: the next run finds a good file


def test_a_second_corrupt_file_does_not_replace_the_first_one_kept_aside(tmp_path):
    path = tmp_path / "bookmarks.json"
    (tmp_path / "bookmarks.json.corrupt").write_text("first")
    path.write_text("second")
    Bookmarks.load(path)
    assert (tmp_path / "bookmarks.json.corrupt").read_text() == "first"
    assert (tmp_path / "bookmarks.json.corrupt.2").read_text() == "second"


def test_a_corrupt_file_that_cannot_be_moved_aside_is_never_overwritten(tmp_path, monkeypatch):
    path = tmp_path / "bookmarks.json"
    path.write_text("{ broken")

    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.rename", refuse)
    bookmarks = Bookmarks.load(path)
    assert "are not saved" in bookmarks.problems[0]
    bookmarks.add("k", ARTICLE.find("dosing"))
    with pytest.raises(BookmarksError, match="not saved"):
        bookmarks.save()
    assert path.read_text() == "{ broken"


def test_a_failed_save_names_the_file(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    bookmarks = Bookmarks.load(blocker / "bookmarks.json")
    bookmarks.add("k", ARTICLE.find("dosing"))
    with pytest.raises(BookmarksError, match=str(blocker / "bookmarks.json")):
        bookmarks.save()


def test_the_bundled_article_has_one_key_wherever_it_is(tmp_path):
    bundled = tmp_path / "bundled.md"
    bundled.write_text("# A\n")
    assert article_key(bundled, bundled) == BUNDLED_KEY
    assert article_key(None, bundled) == BUNDLED_KEY
    other = tmp_path / "other.md"
    assert article_key(other, bundled) == str(other)


def test_the_bookmark_pointing_at_a_section_is_found_even_under_an_old_anchor(tmp_path):
    bookmarks = Bookmarks.load(tmp_path / "bookmarks.json")
    bookmarks.add("k", ARTICLE.find("side-effects"))
    renumbered = parse_article("# Guide\n\n## Intro\n\n## Side effects\n\nA.\n")
    renumbered.find("side-effects").anchor = "side-effects-2"  # as if a heading before it took the plain anchor
    [saved] = bookmarks.of("k")
    assert bookmarks.pointing_at("k", renumbered, "side-effects-2") == saved
    assert bookmarks.pointing_at("k", renumbered, "intro") is None
    assert bookmarks.pointing_at("k", renumbered, "missing") is None
