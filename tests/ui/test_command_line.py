"""The command line: outline, version, and one-line errors with exit status 2."""

import os
import subprocess
import sys

import pytest

from tests.core.test_bundled_article import EXPECTED_OUTLINE
from viewer import __version__, main


def test_outline_prints_the_section_tree(capsys):
    assert main(["ketamine-viewer", "--outline"]) == 0
    assert capsys.readouterr().out.rstrip("\n") == EXPECTED_OUTLINE


def test_outline_of_another_file(capsys, write_article):
    path = write_article("# One\n## Two\n")
    assert main(["ketamine-viewer", "--outline", str(path)]) == 0
    assert capsys.readouterr().out == "One\n  Two\n"


def test_version(capsys):
    assert main(["ketamine-viewer", "--version"]) == 0
    assert __version__ in capsys.readouterr().out


@pytest.mark.parametrize(
    ("make_path", "reason"),
    [
        (lambda tmp: tmp / "missing.md", "no such file"),
        (lambda tmp: tmp, "is a folder"),
    ],
)
def test_a_bad_path_is_one_line_on_stderr_and_exit_2(capsys, tmp_path, make_path, reason):
    path = make_path(tmp_path)
    assert main(["ketamine-viewer", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and reason in err
    assert len(err.strip().splitlines()) == 1


def test_a_bad_path_from_a_real_process_has_no_traceback(tmp_path):
    missing = tmp_path / "nope.md"
    result = subprocess.run(
        [sys.executable, "-m", "viewer", "--outline", str(missing)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr == f"ketamine-viewer: {missing}: no such file\n"


@pytest.mark.skipif(os.name != "posix", reason="a pipe nobody reads is a POSIX notion")
def test_an_outline_piped_into_a_reader_that_stopped_ends_quietly():
    """`ketamine-viewer --outline | head -1`: head is gone before the outline is written."""
    reading_end, writing_end = os.pipe()
    os.close(reading_end)  # nobody will read: the first write fails as it does after head exits
    try:
        result = subprocess.run(
            [sys.executable, "-m", "viewer", "--outline"], stdout=writing_end, stderr=subprocess.PIPE, text=True, timeout=120
        )
    finally:
        os.close(writing_end)
    assert result.stderr == ""
    assert result.returncode != 0, "the outline was not all written"


def test_the_self_test_passes_on_the_bundled_article():
    result = subprocess.run([sys.executable, "-m", "viewer", "--self-test"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("self-test passed") and "render worker" in result.stdout


def test_debug_logging_says_why_a_section_is_plain_text(tmp_path, write_article):
    path = write_article("# Slow\n\n" + "<a " * 2667 + "\n")  # within the bounds, long enough for the worker
    result = subprocess.run(
        [sys.executable, "-m", "viewer", "--debug", "--quit-after-first-paint", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert "viewer.render: section 'Slow' converted in the render worker: it is 8,001 characters long" in result.stderr
