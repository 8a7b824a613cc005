"""Finding the bundled resources from a source checkout, an installed wheel or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath

DEFAULT_ARTICLE = "articles/ketamine-trd.md"
ARTICLE_STYLESHEET = "style/article.css"
HANDOUT_STYLESHEET = "style/handout.css"
WINDOW_STYLESHEET = "style/window.qss"
READING_STYLESHEET = "style/reading.qss"
APP_ICON = "icons/ketamine-viewer.png"


def resources_root() -> Path:
    """The folder that holds the bundled resources."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    package_dir = Path(__file__).resolve().parent.parent
    installed = package_dir / "resources"  # the wheel maps resources/ into the package
    return installed if installed.is_dir() else package_dir.parent / "resources"


def resource_path(relative: str) -> Path:
    """The path of a bundled resource; refuses absolute paths and '..'."""
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise ValueError(f"not a bundled resource name: {relative!r}")
    return resources_root().joinpath(*pure.parts)


def read_resource_text(relative: str) -> str:
    """The text of a bundled resource (UTF-8)."""
    return resource_path(relative).read_text(encoding="utf-8")


def bundled_resources() -> list[str]:
    """Names of every bundled resource file, relative to the resources folder."""
    root = resources_root()
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
