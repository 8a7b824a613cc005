"""Rendering hostile Markdown: refused images show their alt text, slow or deep parts show as plain text.

Slow parts are converted in the render worker process, which is killed when its time runs out.
"""

from __future__ import annotations

import inspect
import logging
import os
import re
import sys
import time

import pytest

from tests.core.test_sanitize import unsafe_parts
from viewer.core import render, render_worker
from viewer.core.article import parse_article
from viewer.core.html_bounds import LONG_WORD
from viewer.core.render import ArticleRenderer, image_in_folder
from viewer.core.render_worker import FAILED, SLOW, RenderWorker


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


# Slow in Markdown yet within every bound of viewer.core.bounds (test_bounds.py has those that are not).
SLOW_IN_MARKDOWN = ["<a " * 20000, "x <a " * 15000, "<button " * 8000, "<a href=x " * 8000]


@pytest.mark.parametrize("hostile", SLOW_IN_MARKDOWN)
def test_a_section_that_takes_too_long_is_shown_as_plain_text(short_limits, hostile):
    html = ArticleRenderer().render(parse_article(f"# Slow\n\n{hostile}\n\n# Next\n\nFine *text*.\n")).html
    assert "This part took too long to format; it is shown as plain text." in html
    assert "Fine <em>text</em>." in html, "the sections after it are formatted as usual"
    assert unsafe_parts(html, rendered=True) == []


def test_the_whole_article_has_a_time_limit_too(short_limits):
    text = "".join(f"# Part {n}\n\n{SLOW_IN_MARKDOWN[0]}\n\n" for n in range(20))
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


def test_the_renderer_goes_on_formatting_after_a_time_out(short_limits):
    html = ArticleRenderer().render(parse_article("# A\n\n" + SLOW_IN_MARKDOWN[0] + "\n\n# B\n\n*fine*\n")).html
    assert "took too long" in html and "<p><em>fine</em></p>" in html


def test_the_time_limit_holds_with_a_trace_function_active(short_limits):
    # A debugger or coverage installs one: the old in-thread limit never fired under it.
    previous = sys.gettrace()  # coverage's, when it runs: put back afterwards
    sys.settrace(lambda *args: None)
    try:
        started = time.monotonic()
        html = ArticleRenderer().render(parse_article("# Slow\n\n" + SLOW_IN_MARKDOWN[0] + "\n")).html
    finally:
        sys.settrace(previous)
    assert "took too long" in html
    assert time.monotonic() - started < 30


def test_an_ordinary_article_never_starts_the_worker(bundled_article, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the render worker was started")

    monkeypatch.setattr(render_worker.RenderWorker, "submit", refuse)
    assert bundled_article.sections[-1].title in ArticleRenderer().render(bundled_article).html


def test_a_part_that_turns_out_slow_sends_the_rest_to_the_worker(monkeypatch, caplog):
    monkeypatch.setattr(render, "SLOW_HERE_SECONDS", 0.0)  # everything turns out slow
    caplog.set_level(logging.DEBUG, logger="viewer.render")
    html = ArticleRenderer().render(parse_article("# A\n\n*one*\n\n# B\n\n*two*\n\n# C\n\n*three*\n")).html
    assert [html.count(f"<em>{word}</em>") for word in ("one", "two", "three")] == [1, 1, 1]
    sent = [r.getMessage() for r in caplog.records if "converted in the render worker" in r.getMessage()]
    assert sent == [f"section {title!r} converted in the render worker: an earlier part was slow" for title in "BC"]


def wait_for(worker: RenderWorker, body: str, seconds: float = 5.0):
    worker.submit(body, seconds)
    return worker.wait()


def test_the_worker_converts_and_sanitizes():
    worker = RenderWorker()
    try:
        reply = wait_for(worker, "*fine* <script>alert(1)</script>\n\n## inside")
        again = wait_for(worker, "second")
    finally:
        worker.close()
    assert reply.html == '<p><em>fine</em> </p>\n<p class="body-heading"><b>inside</b></p>' and reply.problem == ""
    assert again.html == "<p>second</p>", "one process serves one body after another"


def test_the_worker_is_killed_when_its_time_runs_out():
    worker = RenderWorker()
    try:
        wait_for(worker, "warm up")
        process = worker._process
        started = time.monotonic()
        reply = wait_for(worker, "[" * 20000, seconds=0.3)
        took = time.monotonic() - started
        assert (reply.problem, reply.html, reply.seconds) == (SLOW, None, 0.3)
        assert 0.3 <= took < 5
        assert process.poll() is not None, "the process is gone"
        assert wait_for(worker, "*again*").html == "<p><em>again</em></p>", "a new one starts when needed"
    finally:
        worker.close()


def test_a_worker_that_dies_gives_a_failed_reply():
    worker = RenderWorker()
    try:
        wait_for(worker, "warm up")
        worker.submit("[" * 20000, 30)
        os.kill(worker._process.pid, 9)
        assert worker.wait().problem == FAILED
    finally:
        worker.close()


def test_a_worker_that_cannot_start_gives_a_failed_reply(monkeypatch, tmp_path):
    monkeypatch.setattr(render_worker, "worker_command", lambda: [str(tmp_path / "no-such-program")])
    worker = RenderWorker()
    assert wait_for(worker, "text").problem == FAILED


def test_the_worker_stops_when_the_viewer_closes_its_input_even_mid_conversion():
    worker = RenderWorker()
    worker.submit("[" * 20000, 60)
    process = worker._process
    while worker._deadline is None or worker._deadline.interval != 60:  # it said it started
        time.sleep(0.01)
    process.stdin.close()
    assert process.wait(timeout=10) == 0
    worker.kill()


def test_elements_nested_too_deep_lose_their_tags_but_keep_their_text():
    deep = "<blockquote>" * 40 + "<p>words</p>" + "</blockquote>" * 40 + "<p>after</p>"
    kept = render.limit_nesting(deep, 16)
    assert kept.count("<blockquote>") == kept.count("</blockquote>") == 16
    assert "<p>words</p>" not in kept and "words" in kept and kept.endswith("<p>after</p>")


def test_a_long_run_without_spaces_gets_break_opportunities_outside_tags_only():
    href = "https://example.org/" + "x" * (LONG_WORD + 100)
    broken = render.break_long_words(f'<p>{"&gt;" * (LONG_WORD + 20)} <a href="{href}">{"y" * (LONG_WORD * 2 + 10)}</a></p>')
    assert href in broken, "attributes are left alone"
    assert broken.count("\u200b") == 1 + 2
    assert "\u200b" in render.plain_text_html("[" * (LONG_WORD + 1), "slow")


@pytest.mark.parametrize(
    "block", ["```\n# not a heading\nx = 1\n```", "    # not a heading\n    x = 1", "~~~py\n# not a heading\nx = 1\n~~~"]
)
def test_a_code_block_is_one_box_holding_exactly_its_lines(block):
    html = ArticleRenderer().render(parse_article(f"# A\n\nBefore.\n\n{block}\n\nAfter.\n")).html
    assert html.count('<table class="code"') == 1 and html.count("</table>") == 1
    start = html.index("<pre>") + len("<pre>")
    code = re.sub(r"<[^>]+>", "", html[start : html.index("</pre>")])
    assert code == "# not a heading\nx = 1"  # as written: no empty line after the last
