"""build_spec/build.py refuses to start, naming what is missing, when a tool it needs is absent."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BUILD_SCRIPT = Path(__file__).resolve().parents[2] / "build_spec" / "build.py"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux tool list is checked on Linux")
def test_build_refuses_and_names_the_missing_tools(tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    result = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "work")],
        env={"PATH": str(empty)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    for tool, package in (("icupkg", "icu-devtools"), ("dpkg-deb", "dpkg"), ("objdump", "binutils")):
        assert f"{tool}: apt-get install {package}" in result.stderr
    assert not (tmp_path / "dist").exists() and not (tmp_path / "work").exists()
