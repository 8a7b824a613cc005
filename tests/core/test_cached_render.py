"""Rendering through the render cache shows exactly what rendering afresh shows; only clean HTML is kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_ARTICLE
from tests.core.test_hostile_articles import HOSTILE, HOSTILE_ARTICLES
from tests.core.test_sanitize import unsafe_parts
from viewer.core import render
from viewer.core.cache_builder import build_entry
from viewer.core.errors import ArticleError
from viewer.core.loader import load_article
from viewer.core.render import ArticleRenderer, first_screen_sections
from viewer.core.render_cache import RenderCache, fingerprint

PICTURE = bytes.fromhex(  # a 1x1 PNG
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
def cache(tmp_path) -> RenderCache:
    return RenderCache(tmp_path / "cache", None, fingerprint())


def rendered_afresh(path: Path) -> str:
    return ArticleRenderer().render(load_article(path)).html


def rendered_through(cache: RenderCache, path: Path) -> tuple[str, bool]:
    article = load_article(path, cache)
    html = ArticleRenderer().render(article).html
    hit = article.cache_slot.hit
    article.cache_slot.keep(article, first_screen_sections(article))
    return html, hit


def test_the_bundled_article_from_the_cache_is_what_rendering_gives(cache):
    fresh = rendered_afresh(BUNDLED_ARTICLE)
    assert rendered_through(cache, BUNDLED_ARTICLE) == (fresh, False)
    assert rendered_through(cache, BUNDLED_ARTICLE) == (fresh, True)
    again = load_article(BUNDLED_ARTICLE, cache)
    plain = load_article(BUNDLED_ARTICLE)
    assert again.outline() == plain.outline() and again.metadata == plain.metadata and again.title == plain.title
    assert [s.body for s in again.sections] == [s.body for s in plain.sections]
    assert again.references == plain.references and again.warnings == plain.warnings


@pytest.mark.parametrize("name", [n for n in HOSTILE_ARTICLES if n != "binary.md"])
def test_hostile_articles_from_the_cache_are_what_rendering_gives(cache, monkeypatch, tmp_path, name):
    monkeypatch.setattr(render, "SECTION_SECONDS", 0.3)
    monkeypatch.setattr(render, "ARTICLE_SECONDS", 1.0)
    path = tmp_path / name
    shutil.copy(HOSTILE / name, path)
    fresh = rendered_afresh(path)
    first, _ = rendered_through(cache, path)
    second, hit = rendered_through(cache, path)
    assert hit and first == second == fresh
    assert unsafe_parts(second, rendered=True) == []


def test_the_binary_file_is_refused_with_or_without_a_cache(cache):
    for with_cache in (None, cache):
        with pytest.raises(ArticleError, match="looks like a binary file"):
            load_article(HOSTILE / "binary.md", with_cache)


def test_sections_cut_short_by_a_limit_or_bound_are_never_kept(cache, monkeypatch, tmp_path):
    monkeypatch.setattr(render, "SECTION_SECONDS", 0.3)
    path = tmp_path / "mixed.md"
    path.write_text("# Fine\n\nOrdinary *text*.\n\n# Slow\n\n" + "[" * 8000 + "\n\n# Deep\n\n" + "> " * 400 + "x\n", "utf-8")
    rendered_through(cache, path)
    article = load_article(path, cache)
    assert article.cache_slot.hit
    found = article.cache_slot.found
    assert found[0] is not None and "<em>text</em>" in found[0]
    assert found[1] is None and found[2] is None  # out of time; nested too deeply: rendered afresh every time


def test_pictures_and_links_to_other_articles_are_checked_afresh(cache, tmp_path):
    path = tmp_path / "article.md"
    path.write_text("# Notes\n\n![a chart](chart.png) and [the other one](other.md).\n", "utf-8")
    (tmp_path / "chart.png").write_bytes(PICTURE)
    (tmp_path / "other.md").write_text("# Other\n", "utf-8")
    with_both, _ = rendered_through(cache, path)
    assert '<img alt="a chart" src="chart.png"' in with_both and 'href="other.md"' in with_both
    (tmp_path / "chart.png").unlink()
    (tmp_path / "other.md").unlink()
    without, hit = rendered_through(cache, path)
    assert hit and "<img" not in without and "[image: a chart]" in without
    assert 'href="other.md"' not in without and "the other one" in without


def test_an_edited_article_misses_and_shows_its_new_text(cache, tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\nFirst version.\n", "utf-8")
    rendered_through(cache, path)
    path.write_text("# Notes\n\nSecond version.\n", "utf-8")
    html, hit = rendered_through(cache, path)
    assert not hit and "Second version." in html and "First version." not in html


def test_a_damaged_entry_is_rendered_afresh_and_replaced(cache, tmp_path):
    rendered_through(cache, BUNDLED_ARTICLE)
    [entry] = cache.folder.iterdir()
    entry.write_bytes(entry.read_bytes().replace(b"Ketamine", b"Xetamine", 1))
    html, hit = rendered_through(cache, BUNDLED_ARTICLE)
    assert not hit and html == rendered_afresh(BUNDLED_ARTICLE)
    assert rendered_through(cache, BUNDLED_ARTICLE) == (html, True)


def test_the_builder_makes_the_entry_the_window_would_use(cache, tmp_path):
    assert build_entry(BUNDLED_ARTICLE, cache)
    article = load_article(BUNDLED_ARTICLE, cache)
    assert article.cache_slot.hit and all(html is not None for html in article.cache_slot.found)
    assert ArticleRenderer().render(article).html == rendered_afresh(BUNDLED_ARTICLE)


def test_without_a_fingerprint_the_builder_makes_nothing(tmp_path):
    assert not build_entry(BUNDLED_ARTICLE, RenderCache(tmp_path / "cache", None, None))
    assert not (tmp_path / "cache").exists()
