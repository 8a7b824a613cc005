"""The kiosk's part of the command line: whether to start kiosk mode, on what, and setting the administrator's PIN.

Kiosk mode never ends on the desktop or in a traceback: a configuration or article that cannot be
read gives the defaults (or the bundled article) and a problem to show, not an exit.
"""

from __future__ import annotations

import getpass
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from viewer.core.article import Article
from viewer.core.errors import ArticleError
from viewer.core.kiosk_config import ConfigWriteError, KioskConfig, load_config, set_pin_hash, site_config_path
from viewer.core.kiosk_pin import PinError, check_pin, hash_pin
from viewer.core.loader import load_article
from viewer.core.resources import DEFAULT_ARTICLE, resource_path

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


class KioskUsageError(Exception):
    """A kiosk option used where it means nothing."""


@dataclass(frozen=True)
class KioskPlan:
    """What kiosk mode starts with: the article, the settings, and the problems to show the administrator."""

    article: Article
    config: KioskConfig
    problems: tuple[str, ...]


def plan_kiosk(kiosk: str | None, path: Path | None, config_path: Path | None, idle_reset: int | None) -> KioskPlan | None:
    """The kiosk to start for these options, or None for the ordinary window.

    *kiosk* is the ``--kiosk`` option: None when absent, "" without a path. Kiosk mode starts with
    ``--kiosk``, or with a configuration that says ``kiosk = true``, or with one that cannot be parsed,
    or with one named by ``--config`` that cannot be read: a screen meant to be locked stays locked.
    """
    loaded = load_config(config_path)
    named_but_unread = config_path is not None and not loaded.parsed  # meant for a kiosk, whatever it says
    if kiosk is None and not loaded.wants_kiosk and not named_but_unread:
        if idle_reset is not None:
            raise KioskUsageError("--idle-reset works only in kiosk mode (--kiosk, or kiosk = true in the configuration)")
        return None
    config = loaded.config if idle_reset is None else replace(loaded.config, idle_seconds=idle_reset)
    problems = list(loaded.problems)
    article = _kiosk_article(Path(kiosk) if kiosk else path or loaded.article_path(), problems)
    return KioskPlan(article, config, tuple(problems))


def _kiosk_article(path: Path | None, problems: list[str]) -> Article:
    bundled = resource_path(DEFAULT_ARTICLE)
    if path is not None:
        try:
            return load_article(path)
        except ArticleError as error:
            problems.append(f"the kiosk's article cannot be shown ({error}); the bundled article is shown instead")
    return load_article(bundled)


def set_kiosk_pin(prog: str, config_path: Path | None) -> int:
    """Ask for a PIN twice without echo and keep its hash in the configuration; return the exit status.

    From a terminal (or a pipe) it asks there; a program with no terminal at all (the windowed
    Windows program started from a shortcut or a prompt) asks in a small window and answers in one.
    """
    path = config_path or site_config_path()
    windowed = sys.stdin is None
    if config_path is not None and not config_path.parent.is_dir():  # a typo; only the site folder is made
        return _answer(prog, f"{path}: the folder {path.parent} does not exist; nothing was changed", EXIT_BAD_INPUT, windowed)
    try:
        pin = _pin_from_a_window(path) if windowed else _pin_from_the_terminal()
    except (EOFError, KeyboardInterrupt):
        return _answer(prog, "no PIN was given; nothing was changed", EXIT_BAD_INPUT, windowed)
    except PinError as error:
        return _answer(prog, f"{error}; nothing was changed", EXIT_BAD_INPUT, windowed)
    try:
        set_pin_hash(path, hash_pin(pin))
    except ConfigWriteError as error:
        return _answer(prog, str(error), EXIT_FAILURE, windowed)
    return _answer(prog, f"The kiosk PIN is set in {path}. Restart the kiosk for it to take effect.", EXIT_OK, windowed)


def _pin_from_the_terminal() -> str:
    pin = _ask("New kiosk PIN (4 to 12 digits): ")
    check_pin(pin)
    if _ask("The same PIN again: ") != pin:
        raise PinError("the two PINs differ")
    return pin


def _pin_from_a_window(path: Path) -> str:
    from viewer.ui.kiosk.pin_dialog import ask_pin_in_a_window

    pin = ask_pin_in_a_window(str(path))
    if pin is None:
        raise EOFError
    return pin


def _answer(prog: str, text: str, status: int, windowed: bool) -> int:
    if status == EXIT_OK:
        print(text)
    else:
        print(f"{prog}: {text}", file=sys.stderr)
    if windowed:
        from viewer.ui.kiosk.pin_dialog import tell_in_a_window

        tell_in_a_window(text, ok=status == EXIT_OK)
    return status


def _ask(prompt: str) -> str:
    """A line typed at a terminal without echo, or read from a pipe (a set-up script can pipe the PIN in)."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    print(prompt, end="", file=sys.stderr, flush=True)
    line = sys.stdin.readline()
    print(file=sys.stderr)  # a piped answer is not echoed: end the prompt's line
    if not line:
        raise EOFError
    return line.rstrip("\r\n")
