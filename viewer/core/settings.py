"""The viewer's settings: one registry of names, defaults and kinds, kept as JSON in the user's config folder.

Reading never fails: a missing file means the defaults, and a corrupt file or a wrong value
means the default for what is wrong, with the problem in :attr:`Settings.problems` naming the
file. Writing is atomic (:func:`viewer.core.atomic.write_atomically`).
"""

from __future__ import annotations

import copy
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from viewer.core.atomic import write_atomically
from viewer.core.text_size import LARGEST_STEP, SMALLEST_STEP
from viewer.core.themes import AUTOMATIC, THEME_CHOICES

APP_DIR_NAME = "ketamine-viewer"
CONFIG_DIR_VARIABLE = "KETAMINE_VIEWER_CONFIG_DIR"
"""Set it to keep the settings elsewhere: a kiosk image, a read-only home, a test."""
SETTINGS_FILE = "settings.json"
MAX_SETTINGS_BYTES = 1024 * 1024  # ours are a few hundred bytes: anything bigger is not ours


@dataclass(frozen=True)
class Setting:
    """One setting: its name in the file, its default, and which values it accepts, in words and as a check."""

    name: str
    default: object
    kind: str
    accepts: Callable[[object], bool]


def _whole_number(low: int, high: int) -> Callable[[object], bool]:
    return lambda value: type(value) is int and low <= value <= high


def _whole_numbers(count: int, low: int, high: int) -> Callable[[object], bool]:
    return lambda value: isinstance(value, list) and len(value) == count and all(_whole_number(low, high)(v) for v in value)


def _one_of(choices: tuple[str, ...]) -> Callable[[object], bool]:
    return lambda value: isinstance(value, str) and value in choices


def _yes_or_no(value: object) -> bool:
    return isinstance(value, bool)


def _text(longest: int) -> Callable[[object], bool]:
    return lambda value: isinstance(value, str) and len(value) <= longest


_BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")


def _base64(longest: int) -> Callable[[object], bool]:
    return lambda value: _text(longest)(value) and _BASE64.fullmatch(value) is not None


SETTINGS = {
    setting.name: setting
    for setting in (
        Setting("window_geometry", "", "Qt's saveGeometry() in Base64, at most 4096 characters", _base64(4096)),
        Setting("splitter_sizes", [380, 820], "two widths in pixels, tree then article", _whole_numbers(2, 0, 20000)),
        Setting(
            "zoom",
            0,
            f"text size steps from {SMALLEST_STEP} to {LARGEST_STEP}, 0 being normal",
            _whole_number(SMALLEST_STEP, LARGEST_STEP),
        ),
        Setting("theme", AUTOMATIC, f"one of {', '.join(THEME_CHOICES)}", _one_of(THEME_CHOICES)),
        Setting("show_keyword_chips", True, "true or false", _yes_or_no),
        Setting("show_section_tree", True, "true or false", _yes_or_no),
        Setting("last_article", "", "the path of the article opened last, empty for the bundled one", _text(4096)),
        Setting("last_section", "", "the anchor of the section read last, empty for the top", _text(4096)),
        Setting("last_position", 0, "characters from that section's start to the first text shown", _whole_number(0, 10**9)),
    )
}


class SettingsError(Exception):
    """The settings could not be written; the message names the file and the reason."""


def settings_path() -> Path:
    """Where the settings live: $KETAMINE_VIEWER_CONFIG_DIR, else the user's config folder."""
    folder = os.environ.get(CONFIG_DIR_VARIABLE) or platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)
    return Path(folder) / SETTINGS_FILE


class Settings:
    """The settings as read from one file; change them with :meth:`set`, keep them with :meth:`save`."""

    def __init__(self, path: Path, values: dict[str, object], problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        self._values = values  # only the registered names, each valid

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Read the settings at *path* (default: :func:`settings_path`); never raises."""
        path = path or settings_path()
        stored, problems = _read(path)
        values = {name: copy.deepcopy(setting.default) for name, setting in SETTINGS.items()}
        for name, value in stored.items():
            setting = SETTINGS.get(name)
            if setting is None:
                continue  # a newer version's setting, or a typo: ignored, and dropped on the next save
            if setting.accepts(value):
                values[name] = value
            else:
                problems.append(f"{path}: {name!r} should be {setting.kind}, not {_short(value)}; the default is used")
        return cls(path, values, problems)

    def get(self, name: str) -> object:
        """The value of setting *name*."""
        return copy.deepcopy(self._values[_registered(name).name])

    def set(self, name: str, value: object) -> None:
        """Change setting *name*; ValueError if *value* is not of its kind."""
        setting = _registered(name)
        if not setting.accepts(value):
            raise ValueError(f"setting {name!r} should be {setting.kind}, not {_short(value)}")
        self._values[name] = copy.deepcopy(value)

    def save(self) -> None:
        """Write every setting to the file atomically; SettingsError naming the file if that fails."""
        text = json.dumps(self._values, indent=2, sort_keys=True) + "\n"
        try:
            write_atomically(self.path, text)
        except OSError as error:
            raise SettingsError(f"{self.path}: the settings could not be saved ({error.strerror or error})") from None


def _registered(name: str) -> Setting:
    if name not in SETTINGS:
        raise KeyError(f"no setting called {name!r}; the settings are {sorted(SETTINGS)}")
    return SETTINGS[name]


def _read(path: Path) -> tuple[dict[str, object], list[str]]:
    """The file's settings as a dict, and what was wrong with it."""
    try:
        if path.stat().st_size > MAX_SETTINGS_BYTES:
            return {}, [f"{path}: is too large to be a settings file; the defaults are used"]
        data = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return {}, []  # the first run: nothing to report
    except OSError as error:
        return {}, [f"{path}: cannot be read ({error.strerror or error}); the defaults are used"]
    except UnicodeDecodeError:
        return {}, [f"{path}: is not UTF-8 text; the defaults are used"]
    except json.JSONDecodeError as error:
        return {}, [f"{path}: is not valid JSON (line {error.lineno}: {error.msg}); the defaults are used"]
    except RecursionError:
        return {}, [f"{path}: nests too deeply to be a settings file; the defaults are used"]
    if not isinstance(data, dict):
        return {}, [f"{path}: should hold a JSON object of settings; the defaults are used"]
    return data, []


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
