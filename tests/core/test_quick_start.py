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
    assert screen.first.html[0] is not None and screen.rest() is not None


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
