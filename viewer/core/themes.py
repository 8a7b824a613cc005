"""The colour themes: a table of named colours per theme, and which of them meet as text and background.

The style sheets (``resources/style/*.css``, ``*.qss``) name colours as ``$role``; a theme fills them
in. Every pair of colours that meets on screen is listed in :data:`TEXT_PAIRS` or
:data:`NON_TEXT_PAIRS`, so that a test can hold each theme to the contrast it promises.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.contrast import ENHANCED_TEXT_MINIMUM, NON_TEXT_MINIMUM, TEXT_MINIMUM, contrast_ratio

AUTOMATIC = "automatic"
"""Not a theme: the light or the dark one, as the system's colour scheme says."""


@dataclass(frozen=True)
class Theme:
    """One theme: its name in settings, its name in the menu, whether it is dark, its colours by role."""

    name: str
    label: str
    dark: bool
    text_minimum: float
    colours: dict[str, str]

    def ratio(self, first: str, second: str) -> float:
        """The contrast between the colours of two roles."""
        return contrast_ratio(self.colours[first], self.colours[second])


# fmt: off
LIGHT = Theme("light", "&Light", dark=False, text_minimum=TEXT_MINIMUM, colours={
    # the window
    "window": "#f3f5f8", "surface": "#ffffff", "text": "#1f2933", "muted": "#4f5b67", "border": "#7b8794",
    "accent": "#1d5f8a", "accent_text": "#ffffff", "focus": "#c2410c",
    "chip_bg": "#ffffff", "chip_text": "#243b53", "chip_border": "#7b8794",
    "chip_checked_bg": "#dcebf7", "chip_checked_text": "#0b3c5d", "chip_checked_border": "#1d5f8a",
    "chip_disabled_bg": "#eef1f4", "chip_disabled_text": "#5c6670", "match_outline": "#1d5f8a",
    "context_text": "#5c6670", "badge_bg": "#fff176", "badge_text": "#1f2933", "fuzzy_badge_bg": "#e4e7eb",
    "rank_badge_bg": "#c5e1f5",
    "tooltip_bg": "#1f2933", "tooltip_text": "#ffffff", "scroll_handle": "#6b7785",
    # the article
    "heading": "#0b3c5d", "subheading": "#1d5f8a", "minor_heading": "#334e68", "secondary": "#486581",
    "link": "#1565c0", "notice_bg": "#fff8e1", "notice_border": "#b7791f", "notice_text": "#5c4400",
    "warning_text": "#7a5600", "overdue_bg": "#fdecea", "overdue_border": "#d64545", "overdue_text": "#8a1c1c",
    "code_bg": "#f0f4f8", "table_border": "#7b8794", "table_header_bg": "#e4ebf2",
    "hit_bg": "#fff176", "hit_text": "#1f2933", "current_hit_bg": "#8f3f00", "current_hit_text": "#ffffff",
})

DARK = Theme("dark", "&Dark", dark=True, text_minimum=TEXT_MINIMUM, colours={
    "window": "#1b1f24", "surface": "#22272e", "text": "#e6edf3", "muted": "#aeb8c2", "border": "#768390",
    "accent": "#2f6fa8", "accent_text": "#ffffff", "focus": "#ffb454",
    "chip_bg": "#2d333b", "chip_text": "#e6edf3", "chip_border": "#768390",
    "chip_checked_bg": "#1c3d5a", "chip_checked_text": "#d6ebff", "chip_checked_border": "#6cb6ff",
    "chip_disabled_bg": "#24292f", "chip_disabled_text": "#9da7b1", "match_outline": "#6cb6ff",
    "context_text": "#a2acb6", "badge_bg": "#6b5900", "badge_text": "#fff8d6", "fuzzy_badge_bg": "#444c56",
    "rank_badge_bg": "#1f4e79",
    "tooltip_bg": "#e6edf3", "tooltip_text": "#1b1f24", "scroll_handle": "#8b96a2",
    "heading": "#9ccbff", "subheading": "#7fbaf5", "minor_heading": "#c3d3e3", "secondary": "#b4c2cf",
    "link": "#79c0ff", "notice_bg": "#3a3010", "notice_border": "#c69026", "notice_text": "#f5e6b8",
    "warning_text": "#f2cc60", "overdue_bg": "#3d1a1a", "overdue_border": "#e5534b", "overdue_text": "#ffd8d3",
    "code_bg": "#2d333b", "table_border": "#768391", "table_header_bg": "#2f3740",
    "hit_bg": "#5c4a00", "hit_text": "#fff8d6", "current_hit_bg": "#f0883e", "current_hit_text": "#1a1a1a",
})

HIGH_CONTRAST = Theme("high-contrast", "&High contrast", dark=True, text_minimum=ENHANCED_TEXT_MINIMUM, colours={
    "window": "#000000", "surface": "#000000", "text": "#ffffff", "muted": "#e0e0e0", "border": "#ffffff",
    "accent": "#00ffff", "accent_text": "#000000", "focus": "#ffff00",
    "chip_bg": "#000000", "chip_text": "#ffffff", "chip_border": "#ffffff",
    "chip_checked_bg": "#003b47", "chip_checked_text": "#ffffff", "chip_checked_border": "#00ffff",
    "chip_disabled_bg": "#000000", "chip_disabled_text": "#c8c8c8", "match_outline": "#00ff66",
    "context_text": "#d0d0d0", "badge_bg": "#ffffff", "badge_text": "#000000", "fuzzy_badge_bg": "#c0c0c0",
    "rank_badge_bg": "#ccffff",
    "tooltip_bg": "#ffffff", "tooltip_text": "#000000", "scroll_handle": "#f5f5f5",
    "heading": "#ffff66", "subheading": "#ccffff", "minor_heading": "#f0f0f0", "secondary": "#e6e6e6",
    "link": "#66ffff", "notice_bg": "#1a1400", "notice_border": "#ffd24d", "notice_text": "#fffbe6",
    "warning_text": "#ffd24d", "overdue_bg": "#1a0000", "overdue_border": "#ff6666", "overdue_text": "#ffe0e0",
    "code_bg": "#1a1a1a", "table_border": "#fefefe", "table_header_bg": "#262626",
    "hit_bg": "#00ffff", "hit_text": "#000000", "current_hit_bg": "#5a00a0", "current_hit_text": "#ffffff",
})
# fmt: on

THEMES = {theme.name: theme for theme in (LIGHT, DARK, HIGH_CONTRAST)}
THEME_CHOICES = (AUTOMATIC, *THEMES)
"""What the View → Theme menu and the ``theme`` setting offer."""

TEXT_PAIRS = (
    # (text, background) wherever one is drawn on the other
    ("text", "window"), ("text", "surface"), ("muted", "window"), ("muted", "surface"), ("accent_text", "accent"),
    ("chip_text", "chip_bg"), ("chip_checked_text", "chip_checked_bg"), ("chip_disabled_text", "chip_disabled_bg"),
    ("context_text", "surface"), ("badge_text", "badge_bg"), ("badge_text", "fuzzy_badge_bg"), ("badge_text", "rank_badge_bg"),
    ("tooltip_text", "tooltip_bg"),
    ("text", "surface"), ("heading", "surface"), ("subheading", "surface"), ("minor_heading", "surface"),
    ("secondary", "surface"), ("link", "surface"), ("notice_text", "notice_bg"), ("warning_text", "notice_bg"),
    ("warning_text", "surface"), ("overdue_text", "overdue_bg"), ("overdue_text", "window"), ("text", "code_bg"),
    ("text", "table_header_bg"),
    ("hit_text", "hit_bg"), ("current_hit_text", "current_hit_bg"),
)  # fmt: skip
NON_TEXT_PAIRS = (
    # (a focus ring or a control's edge, what it must stand out from)
    ("focus", "window"), ("focus", "surface"), ("focus", "chip_bg"), ("focus", "chip_checked_bg"),
    ("border", "window"), ("scroll_handle", "window"), ("scroll_handle", "surface"), ("chip_border", "window"),
    ("chip_checked_border", "window"),
    ("match_outline", "window"), ("table_border", "surface"), ("current_hit_bg", "hit_bg"),
)  # fmt: skip


def theme_for(choice: str, system_is_dark: bool) -> Theme:
    """The theme a *choice* (``automatic`` or a theme's name) means now; an unknown name means automatic."""
    if choice in THEMES:
        return THEMES[choice]
    return DARK if system_is_dark else LIGHT


def contrast_failures(theme: Theme) -> list[str]:
    """Every declared pair of *theme* below its minimum, described; empty when all pass."""
    failures = []
    for pairs, minimum in ((TEXT_PAIRS, theme.text_minimum), (NON_TEXT_PAIRS, NON_TEXT_MINIMUM)):
        for first, second in pairs:
            ratio = theme.ratio(first, second)
            if ratio < minimum:
                failures.append(f"{theme.name}: {first} on {second} is {ratio:.2f}:1, below {minimum}:1")
    return failures
