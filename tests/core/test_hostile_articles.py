"""The hostile and broken articles in tests/data/hostile: each gives a safe rendering or a clear error naming it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.test_sanitize import inspect_html, unsafe_parts
from viewer.core import render
from viewer.core.errors import ArticleError
from viewer.core.loader import MAX_ARTICLE_BYTES, load_article
from viewer.core.render import ArticleRenderer, image_in_folder

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "data" / "hostile"
HOSTILE_ARTICLES = sorted(p.name for p in HOSTILE.glob("*.md"))
EXPECTED_ERRORS = {"binary.md": "looks like a binary file"}
EXPECTED_WARNINGS = {  # a metadata block that cannot be read is shown as text, never a reason to refuse the article
    "malformed-metadata.md": "not valid YAML: line 4: could not find expected ':'",
    "unterminated-metadata.md": "opens with a '---' block that is never closed",
    "duplicate-metadata-key.md": "gives the metadata key 'title' twice (line 3)",
}


@pytest.fixture(autouse=True)
def short_limits(monkeypatch):
    """Keep the pathological files quick; test_render checks the limits themselves."""
    monkeypatch.setattr(render, "SECTION_SECONDS", 0.3)
    monkeypatch.setattr(render, "ARTICLE_SECONDS", 1.0)


def test_there_are_at_least_twenty_hostile_articles():
    assert len(HOSTILE_ARTICLES) >= 20


def check_safe_or_clear(path: Path) -> str:
    """Load and render *path*; return 'error' or 'rendered' after checking the result is safe or clear."""
    try:
        article = load_article(path)
    except ArticleError as error:
        assert error.path == path and str(error).startswith(str(path)), "the message names the file"
        assert "\n" not in str(error) and len(str(error)) < 300 + len(str(path))
        return "error"
    rendered = ArticleRenderer().render(article)
    assert unsafe_parts(rendered.html, rendered=True) == []
    for tag, attributes in inspect_html(rendered.html).tags:
        if tag == "img":
            assert image_in_folder(path.parent, attributes["src"]), attributes
    assert rendered.anchors == tuple(section.anchor for section in article.sections)
    return "rendered"


@pytest.mark.parametrize("name", HOSTILE_ARTICLES)
def test_each_hostile_article_renders_safely_or_fails_clearly(name):
    path = HOSTILE / name
    outcome = check_safe_or_clear(path)
    assert outcome == ("error" if name in EXPECTED_ERRORS else "rendered")
    if name in EXPECTED_ERRORS:
        with pytest.raises(ArticleError, match=f"^{path}(, line \\d+)?: ") as raised:
            load_article(path)
        assert EXPECTED_ERRORS[name] in str(raised.value)
    if name in EXPECTED_WARNINGS:
        [warning] = load_article(path).warnings
        assert EXPECTED_WARNINGS[name] in warning


def outline(*paths: Path) -> list[subprocess.CompletedProcess]:
    """Run ``--outline`` on every path in parallel processes, as a user would from a terminal."""
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "viewer", "--outline", str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
            cwd=ROOT,
        )
        for path in paths
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


def test_outline_of_every_hostile_article_exits_0_or_2_with_one_line_naming_the_file():
    for name, result in zip(HOSTILE_ARTICLES, outline(*(HOSTILE / n for n in HOSTILE_ARTICLES)), strict=True):
        assert "Traceback" not in result.stderr, name
        if name in EXPECTED_ERRORS:
            assert result.returncode == 2, name
            [line] = result.stderr.strip().splitlines()
            assert str(HOSTILE / name) in line and EXPECTED_ERRORS[name] in line
        else:
            assert result.returncode == 0, (name, result.stderr)
            assert result.stdout.strip(), f"{name}: an outline has at least one line"


def test_outline_sends_no_control_characters_to_the_terminal():
    [result] = outline(HOSTILE / "unicode-tricks.md")
    assert not any(c in result.stdout for c in "\x1b\x07\x00")


@pytest.fixture
def copied(tmp_path):
    """The hostile folder copied where the test may add files, beside a secret the articles must not reach."""
    folder = tmp_path / "hostile"
    shutil.copytree(HOSTILE, folder)
    (tmp_path / "secret.png").write_bytes((HOSTILE / "giant.png").read_bytes())
    return folder


def test_a_symlink_that_leads_out_of_the_folder_shows_its_alt_text(copied):
    (copied / "innocent.png").symlink_to(copied.parent / "secret.png")
    (copied / "inside.png").symlink_to("giant.png")
    path = copied / "symlink-out.md"
    path.write_text("# Symlinks\n\n![leads out](innocent.png) ![stays in](inside.png)\n")
    assert check_safe_or_clear(path) == "rendered"
    html = ArticleRenderer().render(load_article(path)).html
    assert "[image: leads out]" in html and 'src="inside.png"' in html


def test_ten_thousand_headings_load_render_and_outline(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "ARTICLE_SECONDS", 30)
    path = tmp_path / "ten-thousand.md"
    path.write_text("".join(f"{'#' * (1 + n % 6)} Heading {n}\n\nText {n}.\n\n" for n in range(10_000)))
    article = load_article(path)
    assert len(article.sections) == 10_000
    assert check_safe_or_clear(path) == "rendered"
    [result] = outline(path)
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 10_000


def test_a_20_mb_file_is_refused_with_the_limit_in_the_message(tmp_path):
    path = tmp_path / "twenty-megabytes.md"
    with path.open("wb") as stream:
        stream.truncate(20 * 1024 * 1024)  # sparse: no 20 MB written
    with pytest.raises(ArticleError) as raised:
        load_article(path)
    assert str(raised.value) == f"{path}: is 21.0 MB; articles up to {MAX_ARTICLE_BYTES // 1024 // 1024} MB can be opened"
    [result] = outline(path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "MB" in result.stderr


def test_an_enormous_single_line_renders(tmp_path):
    path = tmp_path / "one-line.md"
    path.write_text("# One line\n\n" + "word " * 800_000 + "\n")  # 4 MB, under the 5 MB limit
    assert check_safe_or_clear(path) == "rendered"


def test_nul_bytes_after_the_binary_check_are_dropped(tmp_path):
    path = tmp_path / "late-nul.md"
    path.write_bytes(b"# Late NUL\n\n" + b"text " * 20_000 + b"\x00\x00 after\n")
    html = ArticleRenderer().render(load_article(path)).html
    assert "\x00" not in html and "after" in html


def test_a_folder_named_like_an_article_is_refused(tmp_path):
    (tmp_path / "folder.md").mkdir()
    assert check_safe_or_clear(tmp_path / "folder.md") == "error"
