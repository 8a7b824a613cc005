"""`pip install .` into a fresh virtual environment gives a working program with its resources."""

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.core.test_bundled_article import EXPECTED_OUTLINE

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.packaging


@pytest.fixture(scope="module")
def installed_program(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work), str(ROOT)], check=True)
    [wheel] = work.glob("ketamine_viewer-*.whl")
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True)
    subprocess.run([env_dir / "bin" / "python", "-m", "pip", "install", "-q", str(wheel)], check=True)
    return env_dir / "bin" / "ketamine-viewer"


def run_installed(program: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(cwd)}
    return subprocess.run([str(program), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def test_installed_outline_reads_the_bundled_article(installed_program, tmp_path):
    result = run_installed(installed_program, "--outline", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip("\n") == EXPECTED_OUTLINE


def test_installed_self_test_finds_every_resource(installed_program, tmp_path):
    result = run_installed(installed_program, "--self-test", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    resources = sum(1 for path in (ROOT / "resources").rglob("*") if path.is_file())
    assert "self-test passed" in result.stdout and f"{resources} resources" in result.stdout


def test_the_first_launch_after_installing_reads_the_bundled_article_from_the_wheels_render_cache(installed_program, tmp_path):
    result = run_installed(installed_program, "--quit-after-first-paint", cwd=tmp_path)  # a fresh home: nothing cached
    assert result.returncode == 0, result.stderr
    assert " cache=hit" in result.stdout, "the wheel's entry was not used: did the build and install pick other versions?"
