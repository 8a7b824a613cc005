"""No string from an article makes any widget read a file or take the program down: the whole window walked."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.payloads import CORPORA, article_text, chunks, payloads
from tests.ui.test_article_resources import FileWatch, png_bytes

ROOT = Path(__file__).resolve().parents[2]
WALK_SECONDS = 60  # and as much again per article: 7 s an article of 250 strings when the machine is idle


def every_field_article(secret: Path, fifo: Path) -> str:
    """An article whose every field (metadata, headings, body, links, pictures, titles) names files outside it."""
    read = f'<img src="{secret}" width="400">'
    read_quoted = f"<img src='{secret}' width='400'>"
    zero, zero_quoted = '<img src="/dev/zero">', "<img src='/dev/zero'>"
    pipe = f'<img src="{fifo}">'
    return f"""---
Title: {read} {zero}
Keywords: {read}, {zero}, {pipe}, <b>bold keyword</b>
Summary: {read} {zero}
Notice: {zero} {read}
Synonyms: {read} = {zero}
Author: {read}
---

# {read} the article

The body mentions `{read}`, `{zero}`, `{pipe}` and `<b>bold keyword</b>` in code, and {read} {zero} raw.

A [link with a title](https://example.org/ "{read_quoted}"), [another](#x "{zero_quoted}"),
an <abbr title="{zero_quoted}">TRD</abbr>, an <abbr title="{read_quoted}">IV</abbr>,
a picture ![{read_quoted}](picture.png "{zero_quoted}") and a [refused link](file:///etc/passwd "{read_quoted}").

## {zero}

Text under a heading that would read /dev/zero.

## {pipe}

Text under a heading that would open a pipe and wait.

### <b>{read}</b> and **{zero}**

Text.
"""


def broken_article(secret: Path) -> bytes:
    """What the article file is replaced with: a file that cannot be read, whose message names the file."""
    return b"\x00\x01" + f'<img src="{secret}"> <img src="/dev/zero">'.encode()


def walk_in_own_process(articles: list[Path], cwd: Path, rewrite_with: Path | None = None, kiosk: bool = False) -> dict:
    """Run tests/ui/window_walk.py on *articles*; fail on a crash, a hang or an unreadable report."""
    command = [sys.executable, "-m", "tests.ui.window_walk", *map(str, articles), *(["--kiosk"] if kiosk else [])]
    if rewrite_with is not None:
        command += ["--rewrite-with", str(rewrite_with)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    timeout = WALK_SECONDS * (1 + len(articles))
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            cwd=cwd,  # a picture named without a folder would be looked for here: beside the secret
            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30)),  # /dev/zero fails fast
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the walk did not finish in {timeout} s: a widget waits on something (a pipe?)")
    assert result.returncode == 0, f"the program died (status {result.returncode}):\n{result.stderr[-3000:]}"
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def outside(tmp_path):
    """A folder outside the article's, with a picture that must never be read and a pipe that must never be opened."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.png").write_bytes(png_bytes(400, 300))
    os.mkfifo(folder / "pipe.png")
    watch = FileWatch(folder / "secret.png")
    yield folder, watch
    watch.close()


def test_every_field_naming_a_file_outside_is_shown_as_text_and_the_file_is_never_read(tmp_path, outside):
    folder, watch = outside
    secret, fifo = folder / "secret.png", folder / "pipe.png"
    article_folder = tmp_path / "article"
    article_folder.mkdir()
    article = article_folder / '<img src="secret.png">.md'  # the file name is shown too
    article.write_text(every_field_article(secret, fifo), encoding="utf-8")
    broken = tmp_path / "broken.md"
    broken.write_bytes(broken_article(secret))
    report = walk_in_own_process([article], cwd=folder, rewrite_with=broken)
    assert report["breaches"] == []
    assert not watch.touched(), "a widget read the file outside the article's folder"
    counts = report["counts"]
    assert counts["indexes"] >= 5, "every section's row was visited"
    assert counts["chips tapped"] == counts["chips"] >= 3, "every keyword chip a reader can tap was tapped"
    assert counts["pane tooltips"] >= 3, "the title attributes the pane keeps (two abbreviations, a web link) were shown"
    assert counts["messages"] >= 3, "the question before a web link, the unreadable file and the vanished file were told"


def test_the_kiosk_shows_every_field_as_text_too(tmp_path, outside):
    folder, watch = outside
    article = tmp_path / "article" / '<img src="secret.png">.md'
    article.parent.mkdir()
    article.write_text(every_field_article(folder / "secret.png", folder / "pipe.png"), encoding="utf-8")
    report = walk_in_own_process([article], cwd=folder, kiosk=True)
    assert report["breaches"] == []
    assert not watch.touched(), "a widget read the file outside the article's folder"
    assert report["counts"]["indexes"] >= 5 and report["counts"]["chips tapped"] == report["counts"]["chips"] >= 3


SLOW_CORPORA = {"xss-payload-list", "deep-traversal"}  # 7,500 strings: minutes, run by CI's full test run


@pytest.mark.parametrize("corpus", [pytest.param(c, marks=pytest.mark.slow) if c in SLOW_CORPORA else c for c in CORPORA])
def test_the_public_lists_of_hostile_strings_walked_through_the_whole_window(tmp_path, outside, corpus):
    folder, watch = outside
    articles = []
    for number, strings in enumerate(chunks(corpus)):
        articles.append(tmp_path / f"{corpus}-{number}.md")
        articles[-1].write_text(article_text(strings), encoding="utf-8")
    report = walk_in_own_process(articles, cwd=folder)
    assert report["breaches"] == []
    assert not watch.touched()
    counts = report["counts"]
    assert counts["articles"] == len(articles)
    assert counts["indexes"] >= len(payloads(corpus)), "every string's row was visited"
    assert counts["chips tapped"] >= 1
