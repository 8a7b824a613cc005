"""Text size steps scale every size a style sheet gives, so headings keep their proportions."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.core.resources import ARTICLE_STYLESHEET, read_resource_text
from viewer.core.stylesheets import ArticleStyle
from viewer.core.text_size import LARGEST_STEP, SMALLEST_STEP, TextSize, body_points_of, scale_points
from viewer.core.themes import LIGHT

steps = st.integers(SMALLEST_STEP - 3, LARGEST_STEP + 3)


def rule_points(css: str, selector: str) -> float:
    match = re.search(rf"(?m)^{re.escape(selector)} \{{[^}}]*?font-size: ([\d.]+)pt", css)
    assert match, selector
    return float(match[1])


def test_the_steps_grow_and_normal_is_in_the_middle():
    factors = [TextSize(step).factor for step in range(SMALLEST_STEP, LARGEST_STEP + 1)]
    assert factors == sorted(factors) and len(set(factors)) == len(factors)
    assert TextSize().factor == 1.0
    assert TextSize(5).percent == 200, "Larger text five times reaches twice the size"


@given(steps)
def test_a_step_beyond_the_ends_stops_at_the_end(step):
    size = TextSize(step)
    assert SMALLEST_STEP <= size.step <= LARGEST_STEP
    assert TextSize(LARGEST_STEP).larger() == TextSize(LARGEST_STEP)
    assert TextSize(SMALLEST_STEP).smaller() == TextSize(SMALLEST_STEP)
    assert size.larger().factor >= size.factor >= size.smaller().factor
    assert size.normal() == TextSize()


@given(steps)
def test_headings_keep_the_style_sheets_proportions_at_every_step(step):
    original = read_resource_text(ARTICLE_STYLESHEET)
    css = ArticleStyle(LIGHT, TextSize(step)).css
    body = rule_points(css, "body")
    assert body == pytest.approx(rule_points(original, "body") * TextSize(step).factor, rel=1e-4)
    for selector in ("h1", "h2", "h3", "p.summary"):
        expected = rule_points(original, selector) / rule_points(original, "body")
        assert rule_points(css, selector) / body == pytest.approx(expected, rel=1e-3)


def test_scaling_touches_point_sizes_only():
    css = "body { font-size: 12pt; margin: 4px; line-height: 150%; } h1 { font-size: 22.5pt }"
    assert scale_points(css, 2.0) == "body { font-size: 24pt; margin: 4px; line-height: 150%; } h1 { font-size: 45pt }"
    assert scale_points(css, 1.0) == css


def test_a_base_makes_the_body_the_size_asked_for_and_steps_go_on_from_it():
    css = read_resource_text(ARTICLE_STYLESHEET)
    base = TextSize().with_base_points(18, css)
    assert body_points_of(css) * base.factor == pytest.approx(18)
    assert body_points_of(css) * base.larger().factor == pytest.approx(18 * 1.1)
    assert base.normal().base == base.base, "Normal size in a kiosk is the kiosk's size"
    assert body_points_of("h1 { font-size: 20pt }") == 12.0
