"""Where the viewer opens: the command line's choice, else where the reader left off."""

from pathlib import Path

from viewer.core.reading_place import StartPlace, remember_place, start_place
from viewer.core.settings import Settings


def settings_in(tmp_path) -> Settings:
    return Settings.load(tmp_path / "settings.json")


def test_the_first_start_opens_the_bundled_article_at_the_top(tmp_path):
    assert start_place(None, None, settings_in(tmp_path)) == StartPlace(None, None, 0, restored=True)


def test_the_next_start_opens_the_last_article_where_the_reader_was(tmp_path):
    article = tmp_path / "notes.md"
    article.write_text("# Notes\n")
    settings = settings_in(tmp_path)
    remember_place(settings, article, "dosing", 420)
    settings.save()
    assert start_place(None, None, settings_in(tmp_path)) == StartPlace(article, "dosing", 420, restored=True)


def test_the_bundled_article_is_remembered_as_itself(tmp_path):
    settings = settings_in(tmp_path)
    remember_place(settings, None, "b-common-side-effects", 7)
    assert settings.get("last_article") == ""
    assert start_place(None, None, settings) == StartPlace(None, "b-common-side-effects", 7, restored=True)


def test_a_path_on_the_command_line_wins_over_the_last_place(tmp_path):
    settings = settings_in(tmp_path)
    remember_place(settings, None, "dosing", 420)
    given = Path("other.md")
    assert start_place(given, None, settings) == StartPlace(given, None)
    assert start_place(None, "risks", settings) == StartPlace(None, "risks")


def test_the_article_read_last_given_again_by_path_opens_where_the_reader_was(tmp_path, monkeypatch):
    """As a PDF reader does: reopening the same file, by any spelling of its path, picks up the place."""
    article = tmp_path / "notes.md"
    article.write_text("# Notes\n")
    settings = settings_in(tmp_path)
    remember_place(settings, article, "dosing", 420)
    monkeypatch.chdir(tmp_path)
    for given in (article, Path("notes.md"), Path("./notes.md")):
        assert start_place(given, None, settings) == StartPlace(given, "dosing", 420, restored=True)
    assert start_place(article, "risks", settings) == StartPlace(article, "risks"), "an anchor given still wins"


def test_a_last_article_that_is_gone_falls_back_to_the_bundled_one_with_a_note(tmp_path):
    settings = settings_in(tmp_path)
    gone = tmp_path / "moved-away.md"
    remember_place(settings, gone, "dosing", 420)
    place = start_place(None, None, settings)
    assert place.path is None and place.anchor is None and place.position == 0
    assert str(gone) in place.note and "bundled" in place.note


def test_a_path_too_long_to_keep_is_not_kept(tmp_path):
    settings = settings_in(tmp_path)
    remember_place(settings, Path("/" + "x" * 5000), "dosing", 420)
    assert (settings.get("last_article"), settings.get("last_section"), settings.get("last_position")) == ("", "", 0)
