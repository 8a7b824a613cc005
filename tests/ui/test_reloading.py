"""Reloading the article again and again (the file watcher does on every save) keeps memory flat."""

from __future__ import annotations

import gc
import tracemalloc
import weakref

from PySide6.QtGui import QStandardItemModel

from viewer.core.loader import load_article

RELOADS = 50


def viewer_memory() -> int:
    """Bytes still held that the viewer's own code allocated (a tracer, such as coverage's, allocates too)."""
    snapshot = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, "*/viewer/*")])
    return sum(stat.size for stat in snapshot.statistics("filename"))


def test_fifty_reloads_keep_live_objects_and_memory_flat(qtbot, open_window, write_article):
    text = "# Notes\n\n" + "\n\n".join(f"## Part {n}\n\nWords about part {n}, and more words." for n in range(200))
    path = write_article(text)
    window = open_window(load_article(path))
    loaded = []

    def reload() -> None:
        article = load_article(path)
        loaded.append(weakref.ref(article))
        window.show_article(article)
        qtbot.waitUntil(lambda: window.indexer.is_ready)

    tracemalloc.start()
    try:
        for _ in range(10):
            reload()
        gc.collect()
        before = viewer_memory()  # one article shown, as after
        for _ in range(RELOADS - 10):
            reload()
        gc.collect()
        after = viewer_memory()
    finally:
        tracemalloc.stop()
    alive = [ref for ref in loaded if ref() is not None]
    assert alive == [loaded[-1]], f"{len(alive)} of {RELOADS} articles are still alive"
    assert len(window.findChildren(QStandardItemModel)) == 1, "one section model, the current article's"
    # *before* is about what one shown article holds (all traced allocations still alive): keeping
    # every replaced one would grow by 40 times that; collection timing varies by a part of one.
    assert after - before < before / 4, f"memory grew from {before} by {after - before} bytes over {RELOADS - 10} reloads"
