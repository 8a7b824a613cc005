"""Help → About names every part of the program with its licence, in step with the package's copyright file."""

import re
import tomllib
from pathlib import Path

from viewer.core.credits import COMPONENTS, version_of

ROOT = Path(__file__).resolve().parents[2]
LICENCE_NAMES = {  # the copyright file's short names, as About spells them
    "Expat": "MIT License",
    "PSF-2.0": "Python Software Foundation License",
    "LGPL-3": "Lesser General Public License v3",
    "Unicode-3.0": "Unicode License v3",
    "BSD-3-clause": "BSD 3-Clause License",
    "GPL-2+ with Bootloader exception": "General Public License v2 or later",
}


def test_every_licence_in_the_package_copyright_file_is_named_in_about():
    text = (ROOT / "build_spec" / "linux" / "copyright").read_text(encoding="utf-8")
    used = set(re.findall(r"^License: (.+)$", text, flags=re.MULTILINE))
    assert used <= set(LICENCE_NAMES), f"teach this test the new licence names: {used - set(LICENCE_NAMES)}"
    for short in used:
        assert any(LICENCE_NAMES[short] in component.licence for component in COMPONENTS), short


def test_every_runtime_dependency_is_credited_with_its_version():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [re.split(r"[<>=~! ;\[]", requirement, maxsplit=1)[0] for requirement in project["dependencies"]]
    credited = {component.distribution.lower(): component for component in COMPONENTS if component.distribution}
    for name in names:
        assert name.lower() in credited, name
        assert version_of(credited[name.lower()])


def test_the_qt_source_is_said_to_be_where_the_lgpl_wants_it():
    [qt] = [component for component in COMPONENTS if component.name.startswith("Qt")]
    assert "Lesser General Public License v3" in qt.licence and "download.qt.io" in qt.source
