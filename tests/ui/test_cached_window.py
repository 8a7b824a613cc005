"""The window keeps what it rendered in the render cache, and shows the same from it; --no-cache leaves it alone."""

from __future__ import annotations

import pytest

from tests.conftest import BUNDLED_ARTICLE
from viewer import main
from viewer.core.loader import load_article
from viewer.core.render_cache import RenderCache, fingerprint
from viewer.ui.main_window import MainWindow


@pytest.fixture
def cache(tmp_path) -> RenderCache:
    return RenderCache(tmp_path / "cache", None, fingerprint())


def shown(qtbot, article) -> MainWindow:
    window = MainWindow(article)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    with qtbot.waitSignal(window.loader.completed, timeout=20_000):
        window.show()
    return window


def entries(cache: RenderCache) -> list:
    return sorted(cache.folder.glob("*.kvrc")) if cache.folder.exists() else []


def test_the_window_keeps_the_article_once_rendered_and_shows_the_same_from_it(qtbot, cache, write_article):
    path = write_article("# Notes\n\nSome *text*.\n\n## More\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    first = shown(qtbot, load_article(path, cache))
    qtbot.waitUntil(lambda: len(entries(cache)) == 1)
    again = load_article(path, cache)
    assert again.cache_slot.hit
    second = shown(qtbot, again)
    assert second.article_view.toPlainText() == first.article_view.toPlainText()
    assert second.article_view.toHtml() == first.article_view.toHtml()
    assert second.windowTitle() == first.windowTitle() == "Notes — Ketamine Viewer"


def test_files_opened_later_in_the_window_go_through_its_cache(qtbot, cache, write_article):
    window = shown(qtbot, load_article(BUNDLED_ARTICLE, cache))
    other = write_article("# Other\n\nText.\n", name="other.md")
    with qtbot.waitSignal(window.loader.completed, timeout=20_000):
        assert window.open_article_file(other)
    qtbot.waitUntil(lambda: len(entries(cache)) == 2)


def test_a_damaged_entry_still_opens_the_article_and_is_written_again(qtbot, cache):
    shown(qtbot, load_article(BUNDLED_ARTICLE, cache))
    qtbot.waitUntil(lambda: len(entries(cache)) == 1)
    [entry] = entries(cache)
    good = entry.read_bytes()
    entry.write_bytes(good[: len(good) // 2])
    article = load_article(BUNDLED_ARTICLE, cache)
    assert not article.cache_slot.hit
    window = shown(qtbot, article)
    assert "Ketamine is a dissociative anesthetic" in window.article_view.toPlainText()
    qtbot.waitUntil(lambda: entry.read_bytes() == good)


@pytest.mark.parametrize(("arguments", "cached"), [([], True), (["--no-cache"], False)])
def test_the_command_line_opens_through_the_cache_unless_told_not_to(monkeypatch, arguments, cached):
    opened = []

    def run_window(article, argv, settings, place, quit_after_first_paint=False):
        opened.append(article)
        return 0

    def run_first_frame(screen, argv, quit_after_first_paint=False):  # a plain launch whose article is cached already
        opened.append(screen.article())
        return 0

    monkeypatch.setattr("viewer.ui.app.run_window", run_window)
    monkeypatch.setattr("viewer.ui.first_frame.run_first_frame", run_first_frame)
    assert main(["ketamine-viewer", *arguments]) == 0
    [article] = opened
    assert (article.cache_slot is not None) == cached
