"""What the program builds and imports before its first paint: counted, not timed, and guarded against creeping up.

PySide builds Python enum classes on first use (0.1-0.4 ms each: the ``Qt`` namespace alone is 93 of
them) and every module imported costs its load; both are counted at the first paint by the report
``--quit-after-first-paint`` prints (viewer/paint_report.py), for the viewer with its article in the
render cache and for the bare-Qt floor (benchmarks/floor.py) started the same way. The viewer may build
at most EXTRA_ENUM_CLASSES more than the floor. Raise it only knowing what the new ones cost
(benchmarks/startup.py measures it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.core.cache_builder import build_entry
from viewer.core.render_cache import RenderCache

pytestmark = pytest.mark.usefixtures("own_render_cache")  # what the cache holds is what they test

ROOT = Path(__file__).resolve().parents[2]
EXTRA_ENUM_CLASSES = 266
"""263 measured, 255 before the section tree's rows wrapped their titles: a delegate that measures its rows in Python
(SectionDelegate.sizeHint) costs 8 enum classes at the first paint, for the options Qt hands it.
255 measured: no viewport(), style() or QMessageBox, QFileDialog, QStyle before the first paint (from 263). The Qt
namespace is 93 of them (any ``Qt.`` before the first paint), and the keyword strip's viewport() and chip.style()
(viewer/ui/keyword_bar.py) 57 more: without those two calls the count is 198."""
NOT_BEFORE_FIRST_PAINT = ("markdown", "nh3", "yaml", "pygments", "viewer.core.render_worker", "rapidfuzz", "snowballstemmer")


def first_paint(*command: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, *command, "--quit-after-first-paint"], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    report = {}
    for line in result.stdout.splitlines():
        if line.startswith("first-paint "):
            report.update(item.split("=", 1) for item in line.split()[1:])
        elif line.startswith("first-paint-modules "):
            report["module_names"] = set(line.split()[1:])
    return report


@pytest.fixture(scope="module")
def floor() -> dict:
    return first_paint(str(ROOT / "benchmarks" / "floor.py"))


@pytest.fixture
def viewer_from_cache() -> dict:
    assert build_entry(ROOT / "resources" / "articles" / "ketamine-trd.md", RenderCache.standard())
    report = first_paint(str(ROOT / "build_spec" / "entry_point.py"))
    assert report["cache"] == "hit"
    return report


def test_the_viewer_builds_few_enum_classes_more_than_a_bare_window(floor, viewer_from_cache):
    extra = int(viewer_from_cache["enums"]) - int(floor["enums"])
    assert extra <= EXTRA_ENUM_CLASSES, f"{extra} enum classes more than the floor by the first paint"


def test_markdown_search_and_the_render_worker_wait_for_the_first_paint(viewer_from_cache):
    early = {
        name
        for name in viewer_from_cache["module_names"]
        if name.split(".")[0] in NOT_BEFORE_FIRST_PAINT or name in NOT_BEFORE_FIRST_PAINT
    }
    assert early == set()
