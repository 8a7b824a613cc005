"""The render cache on disk: found by the article's bytes, name and fingerprint; misses for anything off; bounded."""

from __future__ import annotations

import ast
import os
import time
from pathlib import Path

import pytest

from tests.core.test_cache_entry import article_and_html, shape
from viewer.core.cache_entry import article_from
from viewer.core.render_cache import (
    CACHE_DIR_VARIABLE,
    RENDER_FORMAT,
    RenderCache,
    fingerprint,
    installed_versions,
    user_cache_folder,
)

FINGERPRINT = "viewer 1.0.0, format 1, markdown 3.11.3, nh3 0.3.8, pyyaml 6.0.4"


@pytest.fixture
def cache(tmp_path) -> RenderCache:
    return RenderCache(tmp_path / "cache", tmp_path / "bundled", FINGERPRINT)


def kept(cache: RenderCache, data: bytes = b"# Notes\n", name: str = "Notes"):
    article, html = article_and_html()
    key = cache.key(data, name)
    assert cache.keep(key, article, html, 2)
    return key, article, html


def test_a_kept_entry_is_found_by_the_same_bytes_and_name(cache):
    _, article, html = kept(cache)
    entry = cache.find(cache.key(b"# Notes\n", "Notes"))
    assert entry is not None
    bodies = entry.texts("first").bodies + entry.texts("rest").bodies
    assert shape(article_from(entry.outline(), bodies)) == shape(article)
    assert list(entry.texts("first").html + entry.texts("rest").html) == html


@pytest.mark.parametrize(
    ("data", "name", "other_fingerprint"),
    [(b"# Notes\n\nEdited.\n", "Notes", None), (b"# Notes\n", "Other", None), (b"# Notes\n", "Notes", "viewer 1.0.1")],
    ids=["edited", "renamed", "upgraded"],
)
def test_an_edited_renamed_or_upgraded_article_misses(cache, data, name, other_fingerprint):
    kept(cache)
    looking = RenderCache(cache.folder, cache.bundled, other_fingerprint or FINGERPRINT)
    assert looking.find(looking.key(data, name)) is None


def test_without_a_fingerprint_nothing_is_found_or_kept(tmp_path):
    off = RenderCache(tmp_path / "cache", None, None)
    article, html = article_and_html()
    assert off.key(b"x", "x") is None and off.find(None) is None
    assert not off.keep(None, article, html, 0) and not (tmp_path / "cache").exists()
    assert RenderCache.off().key(b"x", "x") is None


def test_a_corrupt_entry_is_a_miss_and_the_next_keep_replaces_it(cache):
    key, article, html = kept(cache)
    path = cache.folder / key.file_name()
    path.write_bytes(path.read_bytes()[:-10])
    assert cache.find(key) is None
    assert cache.keep(key, article, html, 2) and cache.find(key) is not None


def test_the_bundled_folder_is_read_after_the_users_and_never_written(tmp_path):
    bundled = RenderCache(tmp_path / "bundled", None, FINGERPRINT)  # as the package build writes it
    key, _, _ = kept(bundled)
    user = RenderCache(tmp_path / "user", tmp_path / "bundled", FINGERPRINT)
    assert user.find(key) is not None
    assert not (tmp_path / "user").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("kind", ["symlink", "fifo", "folder", "huge"])
def test_what_is_not_a_regular_entry_file_is_a_miss_without_blocking(cache, tmp_path, kind, monkeypatch):
    key, _, _ = kept(cache)
    path = cache.folder / key.file_name()
    real = tmp_path / "elsewhere.kvrc"
    real.write_bytes(path.read_bytes())
    path.unlink()
    if kind == "symlink":
        path.symlink_to(real)  # the real entry, through a link: still not followed
    elif kind == "fifo":
        os.mkfifo(path)  # opening it to read would wait for a writer forever
    elif kind == "folder":
        path.mkdir()
    else:
        monkeypatch.setattr("viewer.core.render_cache.MAX_ENTRY_BYTES", 100)
        path.write_bytes(real.read_bytes())
    assert cache.find(key) is None


def test_keep_never_raises_when_the_folder_cannot_be_written(tmp_path):
    (tmp_path / "blocked").write_text("a file where the folder should be")
    cache = RenderCache(tmp_path / "blocked" / "cache", None, FINGERPRINT)
    article, html = article_and_html()
    assert not cache.keep(cache.key(b"x", "x"), article, html, 1)


def test_pruning_removes_the_least_recently_used_first(cache):
    keys = []
    for number in range(4):
        key, _, _ = kept(cache, data=f"article {number}".encode())
        os.utime(cache.folder / key.file_name(), (1000 + number, 1000 + number))
        keys.append(key)
    size = (cache.folder / keys[0].file_name()).stat().st_size
    cache.used(keys[0])  # read just now: it goes last
    cache.prune(limit=2 * size)
    remaining = {path.name for path in cache.folder.iterdir()}
    assert remaining == {keys[0].file_name(), keys[3].file_name()}


def test_keeping_an_entry_keeps_the_folder_bounded(cache, monkeypatch):
    first_key, _, _ = kept(cache, data=b"first")
    size = (cache.folder / first_key.file_name()).stat().st_size
    os.utime(cache.folder / first_key.file_name(), (time.time() - 60, time.time() - 60))
    monkeypatch.setattr("viewer.core.render_cache.MAX_CACHE_BYTES", size + size // 2)
    second_key, _, _ = kept(cache, data=b"second")
    assert [path.name for path in cache.folder.iterdir()] == [second_key.file_name()]


def test_the_cache_folder_can_be_moved_by_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "elsewhere"))
    assert user_cache_folder() == tmp_path / "elsewhere"


def make_distribution(place: Path, folder: str) -> None:
    (place / folder).mkdir(parents=True)


def test_versions_are_read_from_package_metadata_first_on_the_path(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    make_distribution(first, "Markdown-3.11.3.dist-info")
    make_distribution(first, "PyYAML-6.0.4.dist-info")
    make_distribution(second, "markdown-2.0.dist-info")
    make_distribution(second, "nh3-0.3.8.dist-info")
    make_distribution(second, "nh3_extra-9.9.dist-info")
    places = [str(tmp_path / "missing"), str(tmp_path / "archive.zip"), str(first), str(second)]
    versions = installed_versions(["markdown", "nh3", "pyyaml", "absent"], places)
    assert versions == {"markdown": "3.11.3", "nh3": "0.3.8", "pyyaml": "6.0.4"}


def test_the_fingerprint_names_the_viewer_the_format_and_the_libraries_installed():
    import importlib.metadata

    import viewer

    text = fingerprint()
    assert text is not None
    assert f"viewer {viewer.__version__}" in text and f"format {RENDER_FORMAT}" in text
    for distribution in ("markdown", "nh3", "pyyaml"):
        assert f"{distribution} {importlib.metadata.version(distribution)}" in text


# What the cache keeps is made by these modules: the loader and the renderer, and every viewer.core module they
# import, at the top or inside a function. RENDERING_CODE is their digest at the RENDER_FORMAT it was recorded with.
RENDERING_CODE = (5, "2cffcae7762b5b22896938e54539da6c4462bd56757f06965bfc7e083c7605eb")


def rendering_modules() -> list[Path]:
    core = Path(__import__("viewer.core").core.__file__).parent
    found, waiting = set(), ["loader", "render"]
    while waiting:
        name = waiting.pop()
        if name in found or name == "render_cache":
            continue
        found.add(name)
        tree = ast.parse((core / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            waiting += [n.split(".")[2] for n in names if n.startswith("viewer.core.") and n.count(".") == 2]
    return sorted(core / f"{name}.py" for name in found)


def test_the_render_format_is_bumped_when_the_rendering_code_changes():
    from viewer.core.cache_entry import digest

    sources = b"".join(path.name.encode() + b"\0" + path.read_bytes() for path in rendering_modules())
    now = (RENDER_FORMAT, digest(sources))
    assert now == RENDERING_CODE, (
        "The code that makes what the render cache keeps has changed "
        f"({', '.join(p.name for p in rendering_modules())}). If the same article could now give another outline, "
        "metadata or HTML, add one to RENDER_FORMAT in viewer/core/render_cache.py, so that no entry made by the old "
        "code is used; if it cannot (a comment, a log message), leave RENDER_FORMAT alone. Either way, then set "
        f"RENDERING_CODE in this file to {now!r}."
    )
