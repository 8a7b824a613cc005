"""The bundled article's render-cache entry, made when a package is built, so the first launch needs no Markdown.

The entry is named after the Markdown, nh3 and PyYAML versions of the Python that makes it
(viewer.core.render_cache.fingerprint); the program uses it only where it finds the same versions.
A frozen build bundles the very libraries the build ran with, so there it always matches. A wheel is
built by pip in an environment of its own (pyproject.toml's build requirements name the three
libraries for that), usually with the versions pip then installs beside it; where they differ the entry
is simply not used and the first launch renders the article and keeps it in the user's cache.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER_IN_PACKAGE = "render-cache"  # viewer.core.render_cache.BUNDLED_FOLDER, beside the resources


def make_entries(folder: Path) -> list[Path]:
    """Build the bundled article's entry into *folder* with this Python; the files made (none if it cannot be made)."""
    folder.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    command = [sys.executable, "-m", "viewer.core.cache_builder", str(folder)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        print(f"no render cache entry for the bundled article: {result.stderr.strip()[-500:]}", file=sys.stderr)
    return sorted(folder.glob("*.kvrc"))


try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # imported by the PyInstaller spec, where hatchling need not be installed
    BuildHookInterface = object


class PrebuiltCacheHook(BuildHookInterface):
    """Hatchling's hook for the wheel (pyproject.toml): the entry goes in as viewer/render-cache/<name>.

    Never for an editable install (that one reads the checkout, and keeps its entries in the user's cache);
    a build that cannot make the entry still gives a working wheel.
    """

    def initialize(self, version: str, build_data: dict) -> None:
        if version == "editable":
            return
        import tempfile

        self._folder = Path(tempfile.mkdtemp(prefix="ketamine-viewer-render-cache-"))
        for entry in make_entries(self._folder):
            build_data["force_include"][str(entry)] = f"viewer/{FOLDER_IN_PACKAGE}/{entry.name}"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)
