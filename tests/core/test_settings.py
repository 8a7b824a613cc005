"""Settings: one registry, defaults for anything missing or wrong, problems named, written atomically."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from viewer.core.settings import CONFIG_DIR_VARIABLE, SETTINGS, Settings, SettingsError, settings_path


@pytest.fixture
def path(tmp_path, monkeypatch):
    monkeypatch.setenv(CONFIG_DIR_VARIABLE, str(tmp_path / "config"))
    return tmp_path / "config" / "settings.json"


def defaults() -> dict:
    return {name: setting.default for name, setting in SETTINGS.items()}


def test_the_config_folder_can_be_moved_by_the_environment(path):
    assert settings_path() == path


def test_the_first_run_has_the_defaults_and_no_problems(path):
    settings = Settings.load()
    assert {name: settings.get(name) for name in SETTINGS} == defaults()
    assert settings.problems == []
    assert not path.exists(), "reading never creates the file"


def test_every_default_is_accepted_by_its_own_check():
    assert all(setting.accepts(setting.default) for setting in SETTINGS.values())


def test_settings_survive_a_save_and_load(path):
    settings = Settings.load()
    settings.set("splitter_sizes", [300, 900])
    settings.set("zoom", 2)
    settings.set("last_article", "/home/kiosk/notes.md")
    settings.save()
    again = Settings.load()
    assert again.get("splitter_sizes") == [300, 900] and again.get("zoom") == 2
    assert again.get("last_article") == "/home/kiosk/notes.md"
    assert again.problems == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"{ not json", "is not valid JSON (line 1"),
        (b'{"zoom": 1,\n', "is not valid JSON (line 2"),
        (b"[1, 2, 3]", "should hold a JSON object"),
        (b"\xff\xfe\x00", "is not UTF-8 text"),
        (b"[" * 100_000, "nests too deeply"),
        (b"", "is not valid JSON"),
    ],
)
def test_a_corrupt_file_gives_the_defaults_and_names_the_file(path, content, problem):
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    settings = Settings.load()
    assert {name: settings.get(name) for name in SETTINGS} == defaults()
    [message] = settings.problems
    assert message.startswith(str(path)) and problem in message


def test_a_wrong_value_falls_back_to_its_default_alone(path):
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"zoom": "big", "splitter_sizes": [200, 1000], "last_article": True, "from_the_future": 1}))
    settings = Settings.load()
    assert settings.get("zoom") == 0 and settings.get("last_article") == ""
    assert settings.get("splitter_sizes") == [200, 1000], "the good value is kept"
    assert len(settings.problems) == 2
    assert "'zoom' should be text size steps from -3 to 7, 0 being normal, not 'big'" in settings.problems[0]


def test_a_huge_file_is_not_read(path):
    path.parent.mkdir(parents=True)
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    assert "too large" in Settings.load().problems[0]


def test_setting_an_unknown_name_or_a_wrong_kind_is_a_programming_error(path):
    settings = Settings.load()
    with pytest.raises(KeyError, match="no setting called 'colour'"):
        settings.set("colour", "red")
    with pytest.raises(ValueError, match="zoom"):
        settings.set("zoom", 99)
    with pytest.raises(ValueError):
        settings.set("zoom", True)  # a bool is an int to Python, not a zoom step
    with pytest.raises(ValueError):
        settings.set("splitter_sizes", [1, 2, 3])


def test_values_handed_out_are_copies(path):
    settings = Settings.load()
    sizes = settings.get("splitter_sizes")
    sizes.append(5)
    assert settings.get("splitter_sizes") == SETTINGS["splitter_sizes"].default


def test_a_failed_save_names_the_file_and_keeps_the_old_one(path, monkeypatch):
    Settings.load().save()
    settings = Settings.load()
    settings.set("zoom", 3)

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(os, "fsync", full_disk)
        with pytest.raises(SettingsError, match=f"{path}: the settings could not be saved \\(No space left on device\\)"):
            settings.save()
    assert Settings.load().get("zoom") == 0


def test_a_folder_in_the_way_gives_a_clear_error(path):
    path.mkdir(parents=True)  # a folder where the file should be
    settings = Settings.load()
    assert "cannot be read" in settings.problems[0]
    with pytest.raises(SettingsError, match="could not be saved"):
        settings.save()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
settings_objects = st.dictionaries(st.sampled_from(sorted(SETTINGS)) | st.text(max_size=12), json_values, max_size=6)


def assert_usable(settings: Settings) -> None:
    """Every setting holds a value its own check accepts."""
    for name, setting in SETTINGS.items():
        assert setting.accepts(settings.get(name)), name


@hypothesis_settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000))
def test_any_bytes_in_the_file_give_usable_settings(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    assert_usable(Settings.load())


@hypothesis_settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(json_values | settings_objects)
def test_any_json_in_the_file_gives_usable_settings(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value), encoding="utf-8")
    assert_usable(Settings.load())


@pytest.mark.parametrize("geometry", ["é", "not base64!", "QUJD\n", "=" * 8])
def test_a_geometry_that_is_not_base64_text_falls_back_to_the_default(path, geometry):
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"window_geometry": geometry}), encoding="utf-8")
    settings = Settings.load()
    assert settings.get("window_geometry") == ""
    assert "window_geometry" in settings.problems[0]
