"""`ketamine-viewer --export-pdf OUT.pdf [--section ANCHOR]... [PATH]`: a handout with no window, and bad input as one line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.pdf_text import pdf_info, pdf_text
from viewer import main

SIDE_EFFECTS = "b-common-side-effects"


def run_viewer(*arguments, cwd=None, platform=None):
    """The program as a user starts it from a terminal: a process of its own, no display."""
    display = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    environment = {key: value for key, value in os.environ.items() if key not in display}
    if platform:
        environment["QT_QPA_PLATFORM"] = platform
    return subprocess.run(
        [sys.executable, "-m", "viewer", *map(str, arguments)],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        cwd=cwd,
    )


def test_a_section_handout_from_the_command_line_with_no_display(tmp_path, bundled_article):
    out = tmp_path / "side effects.pdf"
    # xcb, as the frozen Linux build names it for its windows: an export needs none
    result = run_viewer("--export-pdf", out, "--section", SIDE_EFFECTS, "--paper", "letter", platform="xcb")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip() == f"{out}: 1 page (US Letter)"
    assert pdf_info(out)["Page size"] == "612 x 792 pts (letter)"
    text = pdf_text(out)
    assert bundled_article.find(SIDE_EFFECTS).title in text and "Page 1 of 1" in text
    assert "I. Introduction" not in text


def test_path_anchor_and_several_sections(qapp, tmp_path, write_article, capsys):
    path = write_article("# Guide\n\n## Dosing\n\nDose text.\n\n## Risks\n\nRisk text.\n\n## Children\n\nChild text.\n")
    out = tmp_path / "two.pdf"
    assert main(["ketamine-viewer", "--export-pdf", str(out), "--section", "children", f"{path}#dosing"]) == 0
    text = " ".join(pdf_text(out).split())
    assert "Dose text." in text and "Child text." in text and "Risk text." not in text
    assert text.index("Dose text.") < text.index("Child text.")  # in the article's order, not the command line's


def test_the_whole_bundled_article_by_default(qapp, tmp_path, bundled_article, capsys):
    out = tmp_path / "whole.pdf"
    assert main(["ketamine-viewer", "--export-pdf", str(out)]) == 0
    text = " ".join(pdf_text(out).split())
    assert all(section.title in text for section in bundled_article.sections)


def one_line_naming(result, *parts):
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert all(part in lines[0] for part in parts), lines[0]


def test_a_bad_anchor_is_one_line_exit_2_and_leaves_an_existing_pdf_as_it_was(tmp_path):
    out = tmp_path / "old.pdf"
    out.write_bytes(b"%PDF- an older handout")
    result = run_viewer("--export-pdf", out, "--section", "common-side-effects")
    one_line_naming(result, "common-side-effects", "did you mean 'b-common-side-effects'")
    assert out.read_bytes() == b"%PDF- an older handout"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.pdf"]


def test_a_bad_anchor_after_the_path(tmp_path, write_article):
    path = write_article("# Guide\n\n## Dosing\n\nText.\n")
    out = tmp_path / "x.pdf"
    one_line_naming(run_viewer("--export-pdf", out, f"{path}#nothing-here"), "nothing-here", str(path))
    assert not out.exists()


@pytest.mark.parametrize(
    ("make_out", "reason"),
    [
        (lambda tmp: tmp / "missing-folder" / "x.pdf", "does not exist"),
        (lambda tmp: tmp, "is a folder"),
        (lambda tmp: tmp / "a-file" / "x.pdf", "does not exist"),
    ],
)
def test_an_unwritable_destination_is_one_line_naming_it_and_exit_2(tmp_path, make_out, reason):
    (tmp_path / "a-file").write_text("not a folder")
    out = make_out(tmp_path)
    one_line_naming(run_viewer("--export-pdf", out), str(out), reason)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder_is_refused(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    try:
        one_line_naming(run_viewer("--export-pdf", folder / "x.pdf"), str(folder / "x.pdf"), "cannot be written")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_write_that_fails_half_way_leaves_no_half_written_pdf(qapp, tmp_path, capsys, monkeypatch):
    out = tmp_path / "handout.pdf"
    out.write_bytes(b"%PDF- the one from yesterday")

    def disk_full(*_arguments):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", disk_full)
    assert main(["ketamine-viewer", "--export-pdf", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(out) in err and "No space left on device" in err
    assert out.read_bytes() == b"%PDF- the one from yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.pdf"]


def test_the_article_itself_is_never_overwritten(tmp_path, write_article):
    path = write_article("# Guide\n\nText.\n")
    one_line_naming(run_viewer("--export-pdf", path, path), str(path), "the article itself")
    assert path.read_text() == "# Guide\n\nText.\n"
