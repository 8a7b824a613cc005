"""Atomic writes: killed in the middle, a writer leaves the previous or the new version, never a torn file."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from viewer.core.atomic import write_atomically

ROOT = Path(__file__).resolve().parents[2]


def test_writes_text_and_bytes_and_creates_the_folder(tmp_path):
    target = tmp_path / "new" / "folder" / "file.json"
    write_atomically(target, "é")
    assert target.read_text(encoding="utf-8") == "é"
    write_atomically(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert [p.name for p in target.parent.iterdir()] == ["file.json"], "no temporary file is left behind"


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "shared.json"
    target.write_text("{}")
    target.chmod(0o644)
    write_atomically(target, "[]")
    assert target.stat().st_mode & 0o777 == 0o644


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file to someone else")
def test_a_replaced_file_keeps_its_owner_and_group(tmp_path):
    # /etc/xdg/ketamine-viewer/kiosk.toml as root:kiosk 0640: sudo --set-kiosk-pin must not make it root:root
    target = tmp_path / "kiosk.toml"
    target.write_text("kiosk = true\n")
    os.chown(target, 1, 2)
    target.chmod(0o640)
    write_atomically(target, "kiosk = false\n")
    assert (target.stat().st_uid, target.stat().st_gid, target.stat().st_mode & 0o777) == (1, 2, 0o640)


@pytest.mark.skipif(os.name != "posix", reason="file modes and umask are POSIX")
@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_new_file_gets_the_permissions_the_umask_allows(tmp_path, umask):
    """A handout saved for colleagues must be readable where the user's umask lets new files be read."""
    previous = os.umask(umask)
    try:
        write_atomically(tmp_path / "handout.pdf", b"%PDF")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "handout.pdf").stat().st_mode) == 0o666 & ~umask


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "settings.json"
    target.write_text("old")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


WRITER = textwrap.dedent(
    """
    import json, sys
    from viewer.core.atomic import write_atomically
    target, size = sys.argv[1], int(sys.argv[2])
    for version in range(1, 1_000_000):
        data = json.dumps({"version": version, "payload": str(version % 10) * size})
        print("writing", version, flush=True)
        write_atomically(target, data)
    """
)


@pytest.mark.parametrize("killed_while_writing", [2, 3, 5])
def test_a_writer_killed_mid_write_leaves_a_complete_version(tmp_path, killed_while_writing):
    target = tmp_path / "settings.json"
    size = 8 * 1024 * 1024  # large enough that writing takes a while: a plain write_text is torn by this test
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(target), str(size)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        while writer.stdout.readline().split() != ["writing", str(killed_while_writing)]:
            pass
        writer.send_signal(signal.SIGKILL)  # inside write_atomically, most often before the rename
        writer.wait(timeout=30)
    finally:
        if writer.poll() is None:
            writer.kill()
        writer.stdout.close()
    stored = json.loads(target.read_text())
    assert stored["version"] in (killed_while_writing - 1, killed_while_writing)
    assert stored["payload"] == str(stored["version"] % 10) * size
