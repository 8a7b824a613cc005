"""The kiosk configuration: defaults, problems named by file, line and key, and setting the PIN hash in place."""

from __future__ import annotations

import os
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.kiosk_config import (
    DEFAULT_HELP_TEXT,
    KEYS,
    ConfigWriteError,
    KioskConfig,
    load_config,
    set_pin_hash,
    site_config_path,
    with_pin_hash,
)
from viewer.core.kiosk_pin import hash_pin, verify_pin

A_HASH = "scrypt$n=16384,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$" + "B" * 43 + "="


def write(tmp_path, text: str | bytes, name: str = "kiosk.toml"):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_the_defaults_are_the_safe_ones():
    config = KioskConfig()
    assert (config.kiosk, config.idle_seconds, config.countdown_seconds) == (False, 120, 15)
    assert (config.allow_print, config.hide_cursor, config.pin_hash) == (False, False, "")
    assert config.help_text == DEFAULT_HELP_TEXT and config.start_screen


def test_a_full_configuration_is_read(tmp_path):
    path = write(
        tmp_path,
        f"""# The waiting-room screen
kiosk = true
article = "articles/leaflet.md"
idle_seconds = 90
countdown_seconds = 20
help_text = "In crisis? Call 116 123 — or tell a member of staff"
allow_print = true
hide_cursor = true
pin_hash = "{A_HASH}"
text_size = 18
start_screen = false
""",
    )
    loaded = load_config(path)
    assert loaded.problems == ()
    assert loaded.config == KioskConfig(
        kiosk=True,
        article="articles/leaflet.md",
        idle_seconds=90,
        countdown_seconds=20,
        help_text="In crisis? Call 116 123 — or tell a member of staff",
        allow_print=True,
        hide_cursor=True,
        pin_hash=A_HASH,
        text_size=18,
        start_screen=False,
    )
    assert loaded.article_path() == tmp_path / "articles" / "leaflet.md"  # relative to the config's folder
    assert loaded.wants_kiosk


def test_no_file_at_the_default_place_is_no_problem(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "nothing-here"))
    loaded = load_config()
    assert loaded.config == KioskConfig() and not loaded.found and loaded.problems == ()
    assert not loaded.wants_kiosk


def test_the_default_place_is_the_system_wide_config_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path))
    assert site_config_path() == tmp_path / "ketamine-viewer" / "kiosk.toml"
    (tmp_path / "ketamine-viewer").mkdir()
    write(tmp_path / "ketamine-viewer", "kiosk = true\n")
    assert load_config().config.kiosk


def test_every_folder_of_a_longer_search_path_is_looked_in(tmp_path, monkeypatch):
    # Ubuntu's sessions set XDG_CONFIG_DIRS=/etc/xdg/xdg-ubuntu:/etc/xdg; the file is in /etc/xdg
    distribution, system = tmp_path / "xdg-ubuntu", tmp_path / "xdg"
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{distribution}:{system}")
    assert site_config_path() == system / "ketamine-viewer" / "kiosk.toml"  # none yet: where the guide says
    (system / "ketamine-viewer").mkdir(parents=True)
    write(system / "ketamine-viewer", "kiosk = true\n")
    assert load_config().config.kiosk
    (distribution / "ketamine-viewer").mkdir(parents=True)
    write(distribution / "ketamine-viewer", "kiosk = true\nidle_seconds = 45\n")
    assert load_config().config.idle_seconds == 45  # the first folder in the list is preferred


def test_a_named_file_that_is_missing_is_a_problem(tmp_path):
    loaded = load_config(tmp_path / "missing.toml")
    assert loaded.problems == (f"{tmp_path / 'missing.toml'}: cannot be read (no such file); the defaults are used",)
    assert loaded.config == KioskConfig()


@pytest.mark.parametrize(
    ("text", "line", "key", "words"),
    [
        ("kiosk = true\nidle_secs = 30\n", 2, "idle_secs", "unknown key"),
        ("kiosk = true\n\n# wait\nidle_seconds = '2 minutes'\n", 4, "idle_seconds", "whole number of seconds"),
        ("kiosk = 'yes'\n", 1, "kiosk", "true or false"),
        ("text_size = 40\n", 1, "text_size", "from 8 to 22"),
        ("idle_seconds = -1\n", 1, "idle_seconds", "from 0"),
        ("idle_seconds = 1.5\n", 1, "idle_seconds", "whole number"),
        ("countdown_seconds = true\n", 1, "countdown_seconds", "whole number"),
        ('pin_hash = "1234"\n', 1, "pin_hash", "--set-kiosk-pin"),
        ("kiosk = true\n[display]\nwidth = 3\n", 2, "display", "unknown key"),
        ('"allow_print" = 1\n', 1, "allow_print", "true or false"),
    ],
)
def test_a_wrong_key_or_value_is_named_with_file_and_line_and_the_rest_is_kept(tmp_path, text, line, key, words):
    path = write(tmp_path, "help_text = 'Ask at the desk'\n" + text)
    loaded = load_config(path)
    assert len(loaded.problems) == 1
    problem = loaded.problems[0]
    assert problem.startswith(f"{path}, line {line + 1}: ") and repr(key) in problem and words in problem
    assert getattr(loaded.config, key, None) == getattr(KioskConfig(), key, None)  # the default for what is wrong
    assert loaded.config.help_text == "Ask at the desk"  # the right ones are used


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("kiosk = true\nidle_seconds = \n", "not valid TOML"),
        ("kiosk = true\nkiosk = false\n", "not valid TOML"),
        (b"kiosk = true\nhelp_text = '\xff'\n", "not UTF-8"),
        ("x = 1\n" * 20000, "too large"),
    ],
)
def test_a_file_that_cannot_be_parsed_gives_the_defaults_and_keeps_the_screen_locked(tmp_path, content, words):
    path = write(tmp_path, content)
    loaded = load_config(path)
    assert loaded.config == KioskConfig()
    assert len(loaded.problems) == 1 and str(path) in loaded.problems[0] and words in loaded.problems[0]
    assert loaded.wants_kiosk  # it was meant for a kiosk: failing open would leave the desktop reachable


def test_a_syntax_error_names_its_line(tmp_path):
    path = write(tmp_path, "kiosk = true\n\nidle_seconds = = 4\n")
    assert "line 3" in load_config(path).problems[0]


def test_a_folder_instead_of_a_file(tmp_path):
    (tmp_path / "kiosk.toml").mkdir()
    loaded = load_config(tmp_path / "kiosk.toml")
    assert "it is a folder" in loaded.problems[0] and loaded.wants_kiosk


def test_every_key_has_a_description_for_the_administrator():
    assert all(check.kind for check in KEYS.values())


def test_the_pin_hash_is_set_in_place_keeping_every_other_line(tmp_path):
    original = "# Waiting room\nkiosk = true   # on\n\nidle_seconds = 60\n\n# ask IT before changing\n[later]\nx = 1\n"
    path = write(tmp_path, original)
    pin_hash = hash_pin("2468")
    set_pin_hash(path, pin_hash)
    text = path.read_text(encoding="utf-8")
    assert text.splitlines() == [*original.splitlines()[:4], f'pin_hash = "{pin_hash}"', *original.splitlines()[4:]]
    assert verify_pin("2468", load_config(path).config.pin_hash)
    assert "2468" not in text

    second = hash_pin("1357")
    set_pin_hash(path, second)
    again = path.read_text(encoding="utf-8")
    assert again == text.replace(pin_hash, second)  # replaced on its own line, nothing else moved


def test_setting_the_pin_hash_creates_a_missing_file_readable_by_the_kiosk_user(tmp_path):
    path = tmp_path / "etc" / "kiosk.toml"
    set_pin_hash(path, A_HASH)
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {"pin_hash": A_HASH}
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o644


def test_setting_the_pin_hash_keeps_windows_line_endings(tmp_path):
    path = write(tmp_path, "kiosk = true\r\nidle_seconds = 60")  # and no newline at the end
    set_pin_hash(path, A_HASH)
    assert path.read_bytes() == f'kiosk = true\r\nidle_seconds = 60\r\npin_hash = "{A_HASH}"\r\n'.encode()


def test_a_broken_file_is_not_touched(tmp_path):
    path = write(tmp_path, "kiosk = = true\n")
    with pytest.raises(ConfigWriteError, match=r"not valid TOML.*nothing was changed"):
        set_pin_hash(path, A_HASH)
    assert path.read_text(encoding="utf-8") == "kiosk = = true\n"


def test_a_pin_hash_over_several_lines_is_not_half_replaced(tmp_path):
    original = 'pin_hash = """\nold"""\nkiosk = true\n'
    path = write(tmp_path, original)
    with pytest.raises(ConfigWriteError, match="write this line in it yourself"):
        set_pin_hash(path, A_HASH)
    assert path.read_text(encoding="utf-8") == original


def test_a_folder_that_cannot_be_written_says_to_run_as_administrator(tmp_path, monkeypatch):
    path = write(tmp_path, "kiosk = true\n")

    def refuse(*_args, **_kwargs):  # what /etc/xdg gives a user who is not root (the tests may run as root)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("viewer.core.kiosk_config.write_atomically", refuse)
    with pytest.raises(ConfigWriteError, match=r"cannot be written \(Permission denied\).*administrator"):
        set_pin_hash(path, A_HASH)
    assert path.read_text(encoding="utf-8") == "kiosk = true\n"


_KEYS = st.sampled_from(["kiosk", "idle_seconds", "help_text", "article", "colour", "a-b"])
_VALUES = st.one_of(st.booleans(), st.integers(-5, 500), st.text(max_size=20))
_COMMENTS = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30).map(lambda t: "# " + t)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return '"' + "".join(c if c.isprintable() and c not in '"\\' else f"\\U{ord(c):08x}" for c in value) + '"'


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(_KEYS, _VALUES, max_size=5),
    st.lists(_COMMENTS, max_size=4),
    st.booleans(),
    st.sampled_from(["", "[tail]\nz = 1\n"]),
)
def test_setting_the_pin_hash_changes_only_that_key(tmp_path_factory, values, comments, had_hash, tail):
    lines = [f"{key} = {_toml_value(value)}" for key, value in values.items()] + comments
    if had_hash:
        lines.insert(len(lines) // 2, 'pin_hash = "old"')
    text = "\n".join(lines) + "\n" + tail
    path = tmp_path_factory.mktemp("cfg") / "kiosk.toml"
    result = with_pin_hash(path, text, A_HASH)
    assert tomllib.loads(result) == {**tomllib.loads(text), "pin_hash": A_HASH}
    kept = [line for line in result.splitlines() if not line.startswith("pin_hash")]
    assert kept == [line for line in text.splitlines() if not line.startswith("pin_hash")]
