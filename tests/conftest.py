"""Shared test set-up: Qt runs offscreen and settings go to a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from viewer.core.loader import load_article
from viewer.core.resources import DEFAULT_ARTICLE, resource_path

BUNDLED_ARTICLE = resource_path(DEFAULT_ARTICLE)


@pytest.fixture(autouse=True)
def private_user_folders(tmp_path_factory, monkeypatch):
    """Settings, logs and the render cache go to a fresh folder per test, never the real user's; no system-wide kiosk
    configuration."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("KETAMINE_VIEWER_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("KETAMINE_VIEWER_LOG_DIR", str(home / "log"))
    monkeypatch.setenv("KETAMINE_VIEWER_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(home / "site-config"))  # where /etc/xdg/ketamine-viewer/kiosk.toml would be
    return home


@pytest.fixture
def bundled_article():
    """The article the viewer ships with, freshly parsed."""
    return load_article(BUNDLED_ARTICLE)


@pytest.fixture
def write_article(tmp_path: Path):
    """Write Markdown to a file in a temporary folder and return its path."""

    def write(text: str | bytes, name: str = "article.md") -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write
