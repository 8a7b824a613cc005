"""Which launches are plain, and what their first frame is drawn from."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BUNDLED_ARTICLE
from viewer.core.cache_builder import build_entry
from viewer.core.quick_start import PlainLaunch, first_screen, plain_launch
from viewer.core.render_cache import RenderCache, fingerprint
from viewer.core.settings import Settings


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ([], PlainLaunch(None, None, False)),
        (["notes.md"], PlainLaunch(Path("notes.md"), None, False)),
        (["notes.md#dosing"], PlainLaunch(Path("notes.md"), "dosing", False)),
        (["--section", "dosing"], PlainLaunch(None, "dosing", False)),
        (["--section=dosing", "notes.md"], PlainLaunch(Path("notes.md"), "dosing", False)),
        (["notes.md#first", "--section", "second"], PlainLaunch(Path("notes.md"), "first", False)),
        (["--quit-after-first-paint"], PlainLaunch(None, None, True)),
    ],
)
def test_launches_that_only_open_an_article_are_plain(arguments, expected):
    assert plain_launch(["ketamine-viewer", *arguments]) == expected


@pytest.mark.parametrize(
    "arguments",
    [
        ["--kiosk"],
        ["--kiosk", "notes.md"],
        ["--outline"],
        ["--debug"],
        ["--no-cache"],
        ["--version"],
        ["--help"],
        ["--export-pdf", "out.pdf"],
        ["--self-test"],
        ["--render-worker"],
        ["--section"],
        ["--section", ""],
        ["one.md", "two.md"],
        ["--config", "kiosk.toml"],
        ["-h"],
    ],
)
def test_anything_more_goes_to_the_full_command_line(arguments):
    assert plain_launch(["ketamine-viewer", *arguments]) is None


def test_debug_logging_from_the_environment_goes_to_the_full_command_line(monkeypatch):
    monkeypatch.setenv("KETAMINE_VIEWER_DEBUG", "render")
    assert plain_launch(["ketamine-viewer"]) is None


def test_a_system_wide_kiosk_configuration_goes_to_the_full_command_line(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path))
    assert plain_launch(["ketamine-viewer"]) is not None
    (tmp_path / "ketamine-viewer").mkdir()
    (tmp_path / "ketamine-viewer" / "kiosk.toml").write_text("kiosk = false\n")  # whatever it says: cli decides
    assert plain_launch(["ketamine-viewer"]) is None


@pytest.fixture
def cached_bundled_article():
    assert build_entry(BUNDLED_ARTICLE, RenderCache.standard())


def test_the_first_screen_comes_from_the_cache(cached_bundled_article):
    screen = first_screen(PlainLaunch(None, None, False))
    assert screen is not None and screen.path == BUNDLED_ARTICLE
    assert screen.outline.titles[0] == "Ketamine for Treatment-Resistant Depression"
    assert screen.first.html[0] is not None and screen.entry.texts("rest") is not None


def test_without_an_entry_there_is_no_first_screen():
    assert first_screen(PlainLaunch(None, None, False)) is None


def test_an_article_that_cannot_be_read_is_left_to_the_command_line(cached_bundled_article, tmp_path):
    for path in (tmp_path / "missing.md", tmp_path):
        assert first_screen(PlainLaunch(path, None, False)) is None


def test_the_place_read_last_is_where_the_first_screen_opens(cached_bundled_article, write_article):
    path = write_article("# Notes\n\n## Dosing\n\nText.\n")
    build_entry(path, RenderCache(Path(RenderCache.standard().folder), None, fingerprint()))
    settings = Settings.load()
    settings.set("last_article", str(path))
    settings.set("last_section", "dosing")
    settings.save()
    screen = first_screen(PlainLaunch(None, None, False))
    assert screen.path == path and screen.place.anchor == "dosing" and screen.place.restored
    assert screen.outline.anchors == ("notes", "dosing")


def test_the_debug_variable_is_the_one_the_log_reads():
    from viewer.core import logs, quick_start

    assert quick_start.DEBUG_VARIABLE == logs.DEBUG_VARIABLE


def test_the_first_frames_article_gets_its_other_bodies_once_completed(write_article):
    from viewer.core.loader import load_article
    from viewer.core.render import first_screen_sections

    text = "# Top\n\n" + "".join(f"## Part {n}\n\n{'Words here. ' * 400}\n\n" for n in range(12))
    path = write_article(text)
    assert build_entry(path, RenderCache.standard())
    screen = first_screen(PlainLaunch(path, None, False))
    article = screen.article()
    whole = load_article(path)
    first = first_screen_sections(whole)
    assert 1 < first < len(whole.sections) == screen.entry.sections
    assert [s.body for s in article.sections[:first]] == [s.body for s in whole.sections[:first]]
    assert all(s.body == "" for s in article.sections[first:]) and article.cache_slot.found[first:] == [None] * (13 - first)
    assert article.cache_slot.complete(article.sections)
    assert [s.body for s in article.sections] == [s.body for s in whole.sections]
    assert None not in article.cache_slot.found and article.cache_slot.pending is None
    assert article.outline() == whole.outline() and article.title == whole.title


def test_rendering_the_first_frames_article_reads_the_other_bodies_when_it_gets_there(write_article):
    from viewer.core.loader import load_article
    from viewer.core.render import ArticleRenderer

    path = write_article("# Top\n\n" + "".join(f"## Part {n}\n\n{'Words here. ' * 400}\n\n" for n in range(12)))
    assert build_entry(path, RenderCache.standard())
    article = first_screen(PlainLaunch(path, None, False)).article()
    assert ArticleRenderer().render(article).html == ArticleRenderer().render(load_article(path)).html
    assert article.cache_slot.pending is None


def test_the_first_frames_article_keeps_to_the_entrys_first_screen_until_completed(write_article):
    from viewer.core.render import first_screen_sections

    path = write_article("# Top\n\n" + "".join(f"## Part {n}\n\n{'Words here. ' * 400}\n\n" for n in range(12)))
    assert build_entry(path, RenderCache.standard())
    screen = first_screen(PlainLaunch(path, None, False))
    article = screen.article()
    assert first_screen_sections(article) == screen.entry.first  # not more, though the bodies after it are empty
    article.cache_slot.complete(article.sections)
    assert first_screen_sections(article) == screen.entry.first  # the same, counted from the bodies now
