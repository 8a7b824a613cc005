"""The kiosk configuration: one TOML file an administrator writes once, read with safe defaults.

Reading never fails and never stops the kiosk: a file that cannot be read or parsed gives the
defaults, and a wrong key or value gives the default for that key, each with a problem naming the
file, the line and the key. Nothing here imports Qt.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path

from viewer.core.atomic import write_atomically
from viewer.core.kiosk_site import site_config_path

MAX_CONFIG_BYTES = 64 * 1024  # a real one is a few hundred bytes
DEFAULT_HELP_TEXT = "Need help now? Please tell a member of staff."
MIN_TEXT_SIZE, MAX_TEXT_SIZE = 8, 22  # points for the article's body text; the desktop's normal is 12


@dataclass(frozen=True)
class KioskConfig:
    """The kiosk's settings, each with a safe default (also what a broken file gives)."""

    kiosk: bool = False
    article: str = ""
    idle_seconds: float = 120
    countdown_seconds: float = 15
    help_text: str = DEFAULT_HELP_TEXT
    allow_print: bool = False
    hide_cursor: bool = False
    pin_hash: str = ""
    text_size: int = 16
    start_screen: bool = True


@dataclass(frozen=True)
class ConfigKey:
    """What one key accepts, in words for the administrator and as a check."""

    kind: str
    accepts: Callable[[object], bool]


def _whole(low: int, high: int) -> Callable[[object], bool]:
    return lambda value: type(value) is int and low <= value <= high


def _is_bool(value: object) -> bool:
    return type(value) is bool


def _text(longest: int) -> Callable[[object], bool]:
    return lambda value: isinstance(value, str) and len(value) <= longest and "\x00" not in value


def _pin_hash(value: object) -> bool:
    from viewer.core.kiosk_pin import is_pin_hash  # the hashing module is only needed for this check

    return value == "" or (isinstance(value, str) and is_pin_hash(value))


KEYS = {
    "kiosk": ConfigKey("true or false", _is_bool),
    "article": ConfigKey("the path of a Markdown file, in quotes", _text(4096)),
    "idle_seconds": ConfigKey("a whole number of seconds from 0 (never) to 86400", _whole(0, 86400)),
    "countdown_seconds": ConfigKey("a whole number of seconds from 1 to 300", _whole(1, 300)),
    "help_text": ConfigKey("text in quotes, at most 300 characters", _text(300)),
    "allow_print": ConfigKey("true or false", _is_bool),
    "hide_cursor": ConfigKey("true or false", _is_bool),
    "pin_hash": ConfigKey("a hash written by ketamine-viewer --set-kiosk-pin", _pin_hash),
    "text_size": ConfigKey(
        f"a whole number of points from {MIN_TEXT_SIZE} to {MAX_TEXT_SIZE}", _whole(MIN_TEXT_SIZE, MAX_TEXT_SIZE)
    ),
    "start_screen": ConfigKey("true or false", _is_bool),
}
assert set(KEYS) == {f.name for f in fields(KioskConfig)}, "every setting needs a check, every check a setting"


@dataclass(frozen=True)
class LoadedConfig:
    """A configuration as read: the settings, the file, whether it was there and parsed, and what was wrong."""

    config: KioskConfig
    path: Path
    found: bool
    parsed: bool
    problems: tuple[str, ...] = ()

    @property
    def wants_kiosk(self) -> bool:
        """Kiosk mode on, or a configuration file there that could not be parsed: an unattended screen stays locked."""
        return self.config.kiosk or (self.found and not self.parsed)

    def article_path(self) -> Path | None:
        """The configured article, relative paths taken from the config file's folder; None for the bundled one."""
        if not self.config.article:
            return None
        path = Path(self.config.article).expanduser()
        if not path.is_absolute():
            path = self.path.parent / path
        return path


def load_config(path: Path | None = None) -> LoadedConfig:
    """Read the configuration at *path* (default: :func:`site_config_path`); never raises.

    A missing file at the default place is no problem (the defaults, found=False); a missing file the
    administrator named is one.
    """
    named = path is not None
    path = path or site_config_path()
    text, problem = _read_text(path)
    if text is None and problem is None:  # not there
        problems = (f"{path}: cannot be read (no such file); the defaults are used",) if named else ()
        return LoadedConfig(KioskConfig(), path, found=False, parsed=False, problems=problems)
    if text is None:
        return LoadedConfig(KioskConfig(), path, found=True, parsed=False, problems=(problem,))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        problem = f"{path}: is not valid TOML ({error}); the defaults are used"
        return LoadedConfig(KioskConfig(), path, found=True, parsed=False, problems=(problem,))
    values, problems = _check_values(path, text, data)
    return LoadedConfig(KioskConfig(**values), path, found=True, parsed=True, problems=tuple(problems))


def _read_text(path: Path) -> tuple[str | None, str | None]:
    """The file's text, or None and a problem (None as the problem: the file is simply not there)."""
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            too_large = f"over {MAX_CONFIG_BYTES // 1024} KB: too large for a kiosk configuration"
            return None, f"{path}: cannot be read ({too_large}); the defaults are used"
        return path.read_bytes().decode("utf-8"), None
    except FileNotFoundError:
        return None, None
    except IsADirectoryError:
        return None, f"{path}: cannot be read (it is a folder); the defaults are used"
    except OSError as error:
        return None, f"{path}: cannot be read ({error.strerror or error}); the defaults are used"
    except UnicodeDecodeError:
        return None, f"{path}: cannot be read (it is not UTF-8 text); the defaults are used"


def _check_values(path: Path, text: str, data: dict[str, object]) -> tuple[dict[str, object], list[str]]:
    values: dict[str, object] = {}
    problems: list[str] = []
    for key, value in data.items():
        where = f"{path}, line {key_line(text, key)}"
        check = KEYS.get(key)
        if check is None:
            problems.append(f"{where}: unknown key {key!r} (the keys are {', '.join(KEYS)}); it is ignored")
        elif not check.accepts(value):
            default = getattr(KioskConfig(), key)
            problems.append(f"{where}: {key!r} should be {check.kind}, not {_short(value)}; the default {default!r} is used")
        else:
            values[key] = value
    return values, problems


def key_line(text: str, key: str) -> int:
    """The number of the line where top-level *key* is set (bare or quoted), 0 when it cannot be found."""
    pattern = re.compile(rf"""^\s*(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')\s*[=.\[]""")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line) or line.strip() in (f"[{key}]", f"[[{key}]]"):
            return number
    return 0


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class ConfigWriteError(Exception):
    """The configuration could not be changed; the message names the file and says what to do."""


def set_pin_hash(path: Path, pin_hash: str) -> None:
    """Set ``pin_hash`` in the configuration at *path* atomically, keeping every other line and comment.

    A missing file is created (readable by everyone: the kiosk user must read it; the hash is salted
    and slow, not the PIN). Raises ConfigWriteError naming the file.
    """
    text, problem = _read_text(path)
    if problem is not None:
        raise ConfigWriteError(problem.removesuffix("; the defaults are used") + "; nothing was changed")
    existed = text is not None
    new_text = with_pin_hash(path, text or "", pin_hash)
    try:
        write_atomically(path, new_text)
        if not existed:
            os.chmod(path, 0o644)
    except OSError as error:
        hint = " (run it as an administrator, e.g. with sudo)" if isinstance(error, PermissionError) else ""
        raise ConfigWriteError(f"{path}: cannot be written ({error.strerror or error}){hint}; nothing was changed") from None


_TABLE_HEADER = re.compile(r"^\s*\[")


def with_pin_hash(path: Path, text: str, pin_hash: str) -> str:
    """*text* with ``pin_hash`` set: its line replaced, or a line added before the first table; nothing else moves."""
    try:
        before = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigWriteError(f"{path}: is not valid TOML ({error}); fix it first, nothing was changed") from None
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    top_end = next((n for n, line in enumerate(lines) if _TABLE_HEADER.match(line)), len(lines))
    assignment = f'pin_hash = "{pin_hash}"'
    at = next((n for n in range(top_end) if key_line(lines[n], "pin_hash") == 1), None)
    if at is not None:
        ending = lines[at][len(lines[at].rstrip("\r\n")) :] or newline
        lines[at] = assignment + ending
    else:
        # After the last setting, not after the comments and blank lines that introduce a table.
        settings = [n for n in range(top_end) if lines[n].strip() and not lines[n].lstrip().startswith("#")]
        at = settings[-1] + 1 if settings else top_end
        if at and not lines[at - 1].endswith(("\n", "\r")):
            lines[at - 1] += newline
        lines.insert(at, assignment + newline)
    result = "".join(lines)
    if _parsed_or_none(result) != {**before, "pin_hash": pin_hash}:  # e.g. a pin_hash written over several lines
        raise ConfigWriteError(f"{path}: pin_hash could not be set safely; write this line in it yourself: {assignment}")
    return result


def _parsed_or_none(text: str) -> dict[str, object] | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
