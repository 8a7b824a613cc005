"""The core never imports Qt: it must run, and be tested, without a display or PySide6."""

import pkgutil
import subprocess
import sys

import viewer.core


def test_importing_every_core_module_loads_no_qt():
    modules = [f"viewer.core.{m.name}" for m in pkgutil.iter_modules(viewer.core.__path__)]
    code = f"import sys, importlib\nfor m in {modules!r}: importlib.import_module(m)\nprint('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_the_command_line_outline_loads_no_qt():
    code = "import sys, viewer; viewer.main(['kv', '--outline']); print('PySide6' in sys.modules, file=sys.stderr)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stderr.strip() == "False"
