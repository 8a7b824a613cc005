"""What a plain launch shows first, found without Markdown: the start place, and the article's outline and first
screen from the render cache.

A launch is plain when it only opens an article (``ketamine-viewer [PATH[#ANCHOR]] [--section ANCHOR]``):
then the window's first frame can be drawn from the render cache before the rest of the program is
imported (viewer.ui.first_frame). Anything else — another option, kiosk mode or its configuration,
debug logging, an article the cache does not hold or that cannot be read — is left to the full command
line (viewer.cli), which does all it did before.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.core.cache_entry import ArticleKey, CacheMiss, Entry, Outline, Texts, article_from
from viewer.core.errors import ArticleError
from viewer.core.loader import read_article_bytes, title_from_name
from viewer.core.reading_place import StartPlace, start_place
from viewer.core.render_cache import CacheSlot, RenderCache
from viewer.core.settings import Settings

if TYPE_CHECKING:
    from viewer.core.article import Article

DEBUG_VARIABLE = "KETAMINE_VIEWER_DEBUG"  # viewer.core.logs's (a test keeps them equal): that module loads logging
QUIT_OPTION = "--quit-after-first-paint"
SECTION_OPTION = "--section"


@dataclass(frozen=True)
class PlainLaunch:
    """A launch that only opens an article: which (None: where the reader left off), at which section."""

    path: Path | None
    anchor: str | None
    quit_after_first_paint: bool


def plain_launch(argv: list[str]) -> PlainLaunch | None:
    """The plain launch *argv* (program name first) asks for; None when it asks for anything more."""
    if os.environ.get(DEBUG_VARIABLE) or _kiosk_configured():
        return None
    paths: list[str] = []
    anchors: list[str] = []
    quit_after_first_paint = False
    arguments = iter(argv[1:])
    for argument in arguments:
        if argument == QUIT_OPTION:
            quit_after_first_paint = True
        elif argument == SECTION_OPTION:
            anchor = next(arguments, "")
            if anchor.startswith("-"):
                return None  # argparse takes it for an option and says the anchor is missing
            anchors.append(anchor)
        elif argument.startswith(SECTION_OPTION + "="):
            anchors.append(argument.partition("=")[2])
        elif argument.startswith("-") or paths:
            return None  # an option for viewer.cli, or a second path (argparse says what is wrong)
        else:
            paths.append(argument)
    if "" in anchors:
        return None
    path, link_anchor = _split(paths[0]) if paths and paths[0] else (None, None)  # an empty path: none, as in viewer.cli
    anchors = ([link_anchor] if link_anchor else []) + anchors
    return PlainLaunch(path, anchors[0] if anchors else None, quit_after_first_paint)


def _split(argument: str) -> tuple[Path, str | None]:
    from viewer.core.section_link import split_section_link

    return split_section_link(argument)


def _kiosk_configured() -> bool:
    """Whether a system-wide kiosk configuration exists: whatever it says, viewer.cli decides what it means."""
    from viewer.core.kiosk_site import site_config_path

    try:
        return site_config_path().exists()
    except OSError:
        return True


@dataclass(frozen=True)
class FirstScreen:
    """Everything the first frame shows: the settings and start place, and the article's outline and first sections."""

    settings: Settings
    place: StartPlace
    path: Path
    data: bytes  # the article's bytes, read once
    cache: RenderCache
    key: ArticleKey
    entry: Entry
    outline: Outline
    first: Texts

    def article(self) -> Article:
        """The article as the first frame needs it: every section's place and title, the first screen's bodies.

        The other bodies are read by its ``cache_slot.complete()``, once the first frame is drawn.
        """
        first, count = self.entry.first, self.entry.sections
        article = article_from(self.outline, self.first.bodies + ("",) * (count - first))
        article.path = self.path
        found = list(self.first.html) + [None] * (count - first)
        pending = self.entry if count > first else None
        article.cache_slot = CacheSlot(self.cache, self.key, found, hit=True, pending=pending, source=self.data)
        return article


def first_screen(launch: PlainLaunch) -> FirstScreen | None:
    """What the first frame of *launch* shows; None when the render cache cannot tell or the article cannot be read."""
    from viewer.core.resources import DEFAULT_ARTICLE, resource_path

    settings = Settings.load()
    place = start_place(launch.path, launch.anchor, settings)
    path = place.path or resource_path(DEFAULT_ARTICLE)
    try:
        data = read_article_bytes(path)
    except ArticleError:
        return None  # viewer.cli names the file and the problem, or falls back to the bundled article
    cache = RenderCache.standard()
    key = cache.key(data, title_from_name(path))
    entry = cache.find(key)
    if entry is None:
        return None
    try:
        return FirstScreen(settings, place, path, data, cache, key, entry, entry.outline(), entry.texts("first"))
    except CacheMiss:
        return None
