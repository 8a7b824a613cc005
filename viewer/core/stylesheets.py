"""The style sheets as the screen gets them: colours from a theme, text sizes scaled.

``resources/style/article.css`` styles the article; ``window.qss`` the window around it, and
``reading.qss`` the part of the window that is read like the article (the search box, the section
tree, the messages over it), whose text sizes follow the article's. Colours in them are ``$role``
names from :mod:`viewer.core.themes`.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from viewer.core.resources import ARTICLE_STYLESHEET, READING_STYLESHEET, WINDOW_STYLESHEET, read_resource_text
from viewer.core.text_size import TextSize, body_points_of, scale_points
from viewer.core.themes import Theme

COLOUR_PROPERTIES = ("color", "background-color", "border-color")
_COLOUR_USE = re.compile(r"\b(color|background-color|border-color|background|border(?:-[a-z]+)?)\s*:[^;}]*?\$(\w+)")


def fill(template: str, theme: Theme) -> str:
    """*template* with each ``$role`` replaced by *theme*'s colour; KeyError names a role the theme lacks."""
    return string.Template(template).substitute(theme.colours)


def colour_roles(template: str) -> dict[str, set[str]]:
    """The roles *template* uses, by the property they colour (``border`` shorthands count as ``border-color``)."""
    found: dict[str, set[str]] = {name: set() for name in COLOUR_PROPERTIES}
    for used_for, role in _COLOUR_USE.findall(template):
        name = used_for if used_for in COLOUR_PROPERTIES else ("background-color" if used_for == "background" else "border-color")
        found[name].add(role)
    return found


def window_stylesheet(theme: Theme) -> str:
    """The style sheet of the window's chrome: the keyword chips, the frame of the article."""
    return fill(read_resource_text(WINDOW_STYLESHEET), theme)


def reading_stylesheet(theme: Theme, size: TextSize) -> str:
    """The style sheet of the reading column (search box, section tree), its text sizes following *size*."""
    return scale_points(fill(read_resource_text(READING_STYLESHEET), theme), size.factor)


@dataclass(frozen=True)
class StyleChange:
    """How to turn text styled one way into text styled another: colours by what they colour, sizes by a factor."""

    colours: dict[str, dict[str, str]]
    size_factor: float

    @property
    def is_empty(self) -> bool:
        return self.size_factor == 1.0 and not any(self.colours.values())


@dataclass(frozen=True)
class ArticleStyle:
    """The article's style sheet in one theme at one text size."""

    theme: Theme
    size: TextSize

    @property
    def css(self) -> str:
        return scale_points(fill(read_resource_text(ARTICLE_STYLESHEET), self.theme), self.size.factor)

    @property
    def body_points(self) -> float:
        """The size of the body text, in points."""
        return body_points_of(read_resource_text(ARTICLE_STYLESHEET)) * self.size.factor

    def change_to(self, other: ArticleStyle) -> StyleChange:
        """What turns text styled by this style into text styled by *other*.

        A colour is recognised by its value: two roles that colour the same property must not share
        a value in one theme and differ in another (ValueError; the themes' tests check it).
        """
        roles = colour_roles(read_resource_text(ARTICLE_STYLESHEET))
        colours: dict[str, dict[str, str]] = {}
        for used_for, names in roles.items():
            mapping: dict[str, str] = {}
            for role in sorted(names):
                old, new = self.theme.colours[role], other.theme.colours[role]
                if mapping.setdefault(old, new) != new:
                    raise ValueError(f"{self.theme.name} → {other.theme.name}: {old} ({used_for}) would become two colours")
            colours[used_for] = {old: new for old, new in mapping.items() if old != new}
        return StyleChange(colours, other.size.factor / self.size.factor)
