"""A smaller ICU data library for the Linux bundle.

QtCore links ICU on Linux, and PySide6's libicudata carries all of ICU's data: 31 MB, a third of the bundle. Qt
calls ICU only for collation (QCollator), legacy text encodings (QStringConverter), time-zone names (QTimeZone)
and locale-aware case mapping; its language, territory and currency names come from Qt's own CLDR tables. So
the categories that no Qt code path reads are taken out of the data package with ICU's own `icupkg`, and the
rest is linked back into a library of the same name with the GNU assembler and linker (binutils, which
PyInstaller needs on Linux anyway). tests/packaging checks that collation, encodings, time-zone names and case
mapping answer the same with the smaller library as with the original.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

# Data categories (folders in ICU's data package) that no Qt code path reads, with what they hold.
UNUSED_CATEGORIES = {
    "brkitr": "break-iterator rules and dictionaries (Qt breaks text with its own tables)",
    "curr": "currency names in every language",
    "lang": "language names in every language",
    "region": "territory names in every language",
    "unit": "measurement-unit names in every language",
    "rbnf": "rule-based number spell-out",
    "translit": "transliteration rules",
}


def is_icu_data_library(destination: str) -> bool:
    """Whether a bundle path is ICU's data library (libicudata.so.NN)."""
    return re.fullmatch(r"libicudata\.so\.\d+", Path(destination).name) is not None


def trimmed_icu_data_library(library: Path, workdir: Path) -> Path:
    """Build, in *workdir*, a copy of ICU data *library* without UNUSED_CATEGORIES; return its path."""
    major = library.name.rsplit(".", 1)[1]
    symbol, tree = f"icudt{major}_dat", f"icudt{major}l"  # "l": little-endian, as on every x86-64 and arm64
    workdir.mkdir(parents=True, exist_ok=True)
    full, trimmed = workdir / "full" / f"{tree}.dat", workdir / "trimmed" / f"{tree}.dat"
    for path in (full, trimmed):
        path.parent.mkdir(exist_ok=True)
    full.write_bytes(_symbol_bytes(library, symbol))
    unused = workdir / "unused-items.txt"
    unused.write_text("".join(f"{item}\n" for item in _unused_items(full)), encoding="utf-8")
    trimmed.unlink(missing_ok=True)
    _run(["icupkg", "--remove", str(unused), str(full), str(trimmed)])
    return _link_data_library(trimmed, symbol, library.name, workdir)


def _run(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _symbol_bytes(library: Path, symbol: str) -> bytes:
    """The bytes of a data symbol in an ELF library, found through its section's file offset."""
    address, size, section = _symbol_location(library, symbol)
    section_address, section_offset = _section_location(library, section)
    with library.open("rb") as file:
        file.seek(section_offset + address - section_address)
        return file.read(size)


def _symbol_location(library: Path, symbol: str) -> tuple[int, int, str]:
    for line in _run(["objdump", "--dynamic-syms", str(library)]).splitlines():
        fields = line.split()  # address, flags..., section, size, [version,] name
        if fields and fields[-1] == symbol:
            section = next(index for index, field in enumerate(fields) if field.startswith("."))
            return int(fields[0], 16), int(fields[section + 1], 16), fields[section]
    raise RuntimeError(f"{library.name} exports no {symbol}")


def _section_location(library: Path, section: str) -> tuple[int, int]:
    for line in _run(["objdump", "--section-headers", str(library)]).splitlines():
        fields = line.split()
        if len(fields) > 5 and fields[1] == section:
            return int(fields[3], 16), int(fields[5], 16)
    raise RuntimeError(f"{library.name} has no section {section}")


def _unused_items(package: Path) -> list[str]:
    items = _run(["icupkg", "--list", str(package)]).split()
    unused = [item for item in items if item.split("/", 1)[0] in UNUSED_CATEGORIES and "/" in item]
    if not unused or len(unused) == len(items):
        raise RuntimeError(f"{package.name}: unexpected ICU data layout ({len(unused)} of {len(items)} items unused)")
    return unused


def _link_data_library(package: Path, symbol: str, soname: str, workdir: Path) -> Path:
    """A shared library that exports *package* as *symbol*, as ICU's own data library does."""
    assembly = workdir / "icudata.s"
    assembly.write_text(
        "\n".join(
            [
                "    .section .rodata",
                f"    .globl {symbol}",
                f"    .type {symbol}, @object",
                "    .balign 16",  # ICU requires its data aligned to 16 bytes
                f"{symbol}:",
                f'    .incbin "{package}"',
                f"    .size {symbol}, . - {symbol}",
                '    .section .note.GNU-stack,"",@progbits',  # no executable stack
                "",
            ]
        ),
        encoding="utf-8",
    )
    output = workdir / soname
    _run(["as", "-o", str(workdir / "icudata.o"), str(assembly)])
    _run(["ld", "-shared", "-soname", soname, "-o", str(output), str(workdir / "icudata.o")])
    return output


def with_trimmed_icu_data(binaries: list[tuple[str, str, str]], workdir: Path) -> list[tuple[str, str, str]]:
    """PyInstaller's binary list with ICU's data library replaced by the trimmed copy."""
    return [
        (destination, str(trimmed_icu_data_library(Path(source), workdir)), kind)
        if is_icu_data_library(destination)
        else (destination, source, kind)
        for destination, source, kind in binaries
    ]
