"""Reading what a PDF says, as a reader of the paper would: poppler-utils' pdftotext and pdfinfo."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: install poppler-utils (.ci/run does)")
    return found


def pdf_text(path: Path, page: int | None = None) -> str:
    """The text of the PDF (or of one page, counted from 1), ligatures spelled out, layout kept line by line."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    result = subprocess.run([_tool("pdftotext"), "-layout", *pages, str(path), "-"], capture_output=True, text=True, check=True)
    return unicodedata.normalize("NFKC", result.stdout)


def pdf_info(path: Path) -> dict[str, str]:
    """pdfinfo's fields: 'Pages', 'Page size', 'Title', …"""
    result = subprocess.run([_tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True)
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in result.stdout.splitlines())}


def pdf_page_images(path: Path, folder: Path, dpi: int = 50) -> list[Path]:
    """Each page drawn as a PNG, as pdftoppm (a renderer other than Qt's) sees it."""
    subprocess.run([_tool("pdftoppm"), "-png", "-r", str(dpi), str(path), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"))
