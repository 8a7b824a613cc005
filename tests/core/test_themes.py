"""Themes keep every text readable: contrast computed as WCAG 2 does, for every pair of colours that meet."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.core.contrast import ENHANCED_TEXT_MINIMUM, contrast_ratio, relative_luminance
from viewer.core.resources import ARTICLE_STYLESHEET, READING_STYLESHEET, WINDOW_STYLESHEET, read_resource_text
from viewer.core.stylesheets import ArticleStyle, colour_roles, fill, reading_stylesheet, window_stylesheet
from viewer.core.text_size import TextSize
from viewer.core.themes import (
    AUTOMATIC,
    DARK,
    HIGH_CONTRAST,
    LIGHT,
    NON_TEXT_PAIRS,
    TEXT_PAIRS,
    THEMES,
    contrast_failures,
    theme_for,
)

colours = st.integers(0, 0xFFFFFF).map(lambda value: f"#{value:06x}")
TEMPLATES = (ARTICLE_STYLESHEET, WINDOW_STYLESHEET, READING_STYLESHEET)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("#000000", "#ffffff", 21.0),  # the extremes
        ("#ffffff", "#ffffff", 1.0),
        ("#777777", "#ffffff", 4.48),  # WCAG's own example of grey just below 4.5:1 on white
        ("#767676", "#ffffff", 4.54),  # and just above
        ("#0000ff", "#ffffff", 8.59),  # pure blue: luminance 0.0722
    ],
)
def test_contrast_ratio_matches_published_values(first, second, expected):
    assert contrast_ratio(first, second) == pytest.approx(expected, abs=0.01)


@given(colours, colours)
def test_contrast_is_symmetric_and_within_its_range(first, second):
    ratio = contrast_ratio(first, second)
    assert ratio == contrast_ratio(second, first)
    assert 1.0 <= ratio <= 21.0
    assert (ratio == 1.0) == (relative_luminance(first) == relative_luminance(second))


def test_a_colour_that_is_not_hex_is_refused():
    with pytest.raises(ValueError, match="rrggbb"):
        contrast_ratio("red", "#ffffff")


@pytest.mark.parametrize("theme", THEMES.values(), ids=THEMES)
def test_every_pair_that_meets_on_screen_has_enough_contrast(theme):
    assert contrast_failures(theme) == []


def test_high_contrast_holds_text_to_seven_to_one():
    assert HIGH_CONTRAST.text_minimum == ENHANCED_TEXT_MINIMUM
    assert min(HIGH_CONTRAST.ratio(text, background) for text, background in TEXT_PAIRS) >= 7.0


def test_a_failing_pair_is_reported_by_name():
    faded = type(LIGHT)("faded", "Faded", False, 4.5, {**LIGHT.colours, "muted": "#c0c0c0"})
    assert any(failure.startswith("faded: muted on window is") for failure in contrast_failures(faded))


@pytest.mark.parametrize("theme", THEMES.values(), ids=THEMES)
def test_every_theme_names_the_same_roles(theme):
    assert set(theme.colours) == set(LIGHT.colours)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", value) for value in theme.colours.values())


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_colour_a_style_sheet_uses_is_held_to_a_contrast_pair(name):
    # A colour added to a style sheet without saying what it is drawn on would escape the check.
    roles = colour_roles(read_resource_text(name))
    texts = {text for text, _ in TEXT_PAIRS}
    backgrounds = {background for _, background in TEXT_PAIRS}
    edges = {edge for edge, _ in NON_TEXT_PAIRS} | backgrounds | {"notice_border", "overdue_border"}  # frames are decoration
    shapes = {edge for edge, _ in NON_TEXT_PAIRS}  # a scroll handle: a shape of its own colour
    assert roles["color"] <= texts
    assert roles["background-color"] <= backgrounds | shapes
    assert roles["border-color"] <= edges
    assert any(roles.values())


@pytest.mark.parametrize("theme", THEMES.values(), ids=THEMES)
def test_every_style_sheet_fills_in_from_every_theme(theme):
    for name in TEMPLATES:
        filled = fill(read_resource_text(name), theme)
        assert "$" not in filled
    assert theme.colours["focus"] in window_stylesheet(theme)
    assert theme.colours["text"] in reading_stylesheet(theme, TextSize())


@pytest.mark.parametrize(("before", "after"), list(itertools.permutations(THEMES.values(), 2)))
def test_article_colours_can_be_told_apart_when_switching_themes(before, after):
    change = ArticleStyle(before, TextSize()).change_to(ArticleStyle(after, TextSize()))
    assert change.colours["color"][before.colours["text"]] == after.colours["text"]
    assert change.colours["background-color"][before.colours["notice_bg"]] == after.colours["notice_bg"]
    assert change.size_factor == 1.0


def test_a_change_of_text_size_only_scales():
    change = ArticleStyle(LIGHT, TextSize()).change_to(ArticleStyle(LIGHT, TextSize(step=3)))
    assert not any(change.colours.values())
    assert change.size_factor == pytest.approx(1.5)


def test_automatic_follows_the_system_and_a_named_theme_does_not():
    assert theme_for(AUTOMATIC, system_is_dark=True) is DARK
    assert theme_for(AUTOMATIC, system_is_dark=False) is LIGHT
    assert theme_for("high-contrast", system_is_dark=False) is HIGH_CONTRAST
    assert theme_for("light", system_is_dark=True) is LIGHT
    assert theme_for("no-such-theme", system_is_dark=True) is DARK


@pytest.mark.parametrize("theme", THEMES.values(), ids=THEMES)
def test_the_focus_colour_means_nothing_else(theme):
    # A search mark or a badge in the focus ring's colour would pass for the focus.
    focus = theme.colours["focus"]
    assert [role for role, colour in theme.colours.items() if colour == focus and role != "focus"] == []
