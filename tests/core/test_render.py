"""Rendering hostile Markdown: refused images show their alt text, slow or deep parts show as plain text."""

from __future__ import annotations

import inspect
import sys
import time

import pytest

from tests.core.test_sanitize import unsafe_parts
from viewer.core import render
from viewer.core.article import parse_article
from viewer.core.render import ArticleRenderer, image_in_folder
from viewer.core.time_limit import TimeLimit, TooSlow


@pytest.fixture
def article_in_folder(tmp_path):
    """Parse Markdown as if it was read from article.md in a folder that holds figure.png."""
    (tmp_path / "figure.png").write_bytes(b"\x89PNG picture")
    (tmp_path.parent / "outside.png").write_bytes(b"\x89PNG secret")

    def parse(text: str):
        article = parse_article(text)
        article.path = tmp_path / "article.md"
        return article

    return parse


def test_an_image_in_the_folder_stays(article_in_folder):
    html = ArticleRenderer().render(article_in_folder("# A\n\n![A figure](figure.png)\n")).html
    assert '<img alt="A figure" src="figure.png">' in html


@pytest.mark.parametrize("src", ["missing.png", "../outside.png", "/dev/zero", "https://example.org/x.png", "file:///etc/passwd"])
def test_a_refused_or_missing_image_shows_its_alt_text(article_in_folder, src):
    html = ArticleRenderer().render(article_in_folder(f"# A\n\n![Dose & <response>]({src})\n")).html
    assert "<img" not in html
    assert '<span class="missing-image">[image: Dose &amp; &lt;response&gt;]</span>' in html


def test_an_image_without_alt_text_still_says_an_image_was_there(article_in_folder):
    html = ArticleRenderer().render(article_in_folder('# A\n\n<img src="missing.png">\n')).html
    assert '<span class="missing-image">[image]</span>' in html


def test_an_article_without_a_file_shows_no_images():
    html = ArticleRenderer().render(parse_article("# A\n\n![Figure](figure.png)\n")).html
    assert "[image: Figure]" in html and "<img" not in html


def test_the_window_can_pass_a_stricter_image_check(article_in_folder):
    seen = []

    def never(folder, src):
        seen.append((folder.name, src))
        return False

    html = ArticleRenderer(image_check=never).render(article_in_folder("# A\n\n![Figure](figure%201.png)\n")).html
    assert "[image: Figure]" in html
    assert seen and seen[0][1] == "figure%201.png"


def test_the_default_image_check_needs_a_folder(tmp_path):
    (tmp_path / "figure.png").write_bytes(b"x")
    assert image_in_folder(tmp_path, "figure.png")
    assert not image_in_folder(None, "figure.png")


def test_control_characters_are_dropped_from_headings_and_text():
    html = ArticleRenderer().render(parse_article("# Ti\x01tle\x1b[2J\n\nBo\x07dy\x00 text\n")).html
    assert "Body text" in html
    assert not any(c in html for c in "\x00\x01\x07\x1b")


@pytest.fixture
def short_limits(monkeypatch):
    """Time limits short enough for a test; the real ones are seconds."""
    monkeypatch.setattr(render, "SECTION_SECONDS", 0.2)
    monkeypatch.setattr(render, "ARTICLE_SECONDS", 0.6)


@pytest.mark.parametrize("hostile", ["[" * 20000, "![" * 10000, "<![CDATA[" * 3000, "<a " * 20000])
def test_a_section_that_takes_too_long_is_shown_as_plain_text(short_limits, hostile):
    html = ArticleRenderer().render(parse_article(f"# Slow\n\n{hostile}\n\n# Next\n\nFine *text*.\n")).html
    assert "This part took too long to format; it is shown as plain text." in html
    assert "Fine <em>text</em>." in html, "the sections after it are formatted as usual"
    assert unsafe_parts(html, rendered=True) == []


def test_the_whole_article_has_a_time_limit_too(short_limits):
    text = "".join(f"# Part {n}\n\n{'[' * 20000}\n\n" for n in range(20))
    html = ArticleRenderer().render(parse_article(text)).html
    assert "There was no time left to format this part" in html
    assert html.count("<h1") == 20, "every heading is still there"


def test_nesting_too_deep_for_markdown_is_shown_as_plain_text():
    depth_here = len(inspect.stack(0))
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(depth_here + 150)  # the real limit takes a thousand levels and minutes to reach
    try:
        html = ArticleRenderer().body_html("\n".join("    " * level + "- item" for level in range(200)))
    finally:
        sys.setrecursionlimit(old_limit)
    assert "This part is nested too deeply to format; it is shown as plain text." in html
    assert ArticleRenderer().body_html("- fine") == "<ul>\n<li>fine</li>\n</ul>"


def test_the_renderer_works_again_after_a_time_out(short_limits):
    renderer = ArticleRenderer()
    assert "plain text" in renderer.body_html("[" * 20000)
    assert renderer.body_html("*fine*") == "<p><em>fine</em></p>"


def test_a_time_limit_that_is_not_reached_leaves_no_exception_behind():
    with TimeLimit() as limit:
        for _ in range(50):
            with limit.seconds(0.001):
                pass
        until = time.monotonic() + 0.05
        while time.monotonic() < until:  # Python steps, where a late watchdog's exception would land
            pass


def test_a_time_limit_interrupts_python_work():
    with TimeLimit() as limit, pytest.raises(TooSlow), limit.seconds(0.05):
        while True:
            pass
