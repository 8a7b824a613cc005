"""Whether and how kiosk mode starts: the flag, the system-wide configuration, the article, and what went wrong."""

from __future__ import annotations

import pytest

from viewer.core.kiosk_config import KioskConfig
from viewer.core.resources import DEFAULT_ARTICLE, resource_path
from viewer.kiosk_cli import KioskUsageError, plan_kiosk

BUNDLED = resource_path(DEFAULT_ARTICLE)


@pytest.fixture
def site_config(private_user_folders):
    """Write the system-wide kiosk.toml (what /etc/xdg/ketamine-viewer/kiosk.toml is on a real machine)."""
    folder = private_user_folders / "site-config" / "ketamine-viewer"

    def write(text: str):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "kiosk.toml").write_text(text, encoding="utf-8")
        return folder / "kiosk.toml"

    return write


def test_no_flag_and_no_configuration_is_the_ordinary_window():
    assert plan_kiosk(None, None, None, None) is None


def test_the_flag_alone_starts_a_kiosk_with_the_defaults_on_the_bundled_article():
    plan = plan_kiosk("", None, None, None)
    assert plan.config == KioskConfig() and plan.problems == () and plan.article.path == BUNDLED


def test_a_system_wide_configuration_with_kiosk_true_starts_it_without_the_flag(site_config):
    site_config("kiosk = true\nidle_seconds = 45\n")
    plan = plan_kiosk(None, None, None, None)
    assert plan is not None and plan.config.idle_seconds == 45


def test_kiosk_false_in_the_configuration_keeps_the_ordinary_window_unless_asked(site_config):
    site_config("kiosk = false\nidle_seconds = 45\n")
    assert plan_kiosk(None, None, None, None) is None
    assert plan_kiosk("", None, None, None).config.idle_seconds == 45


def test_a_configuration_that_cannot_be_parsed_still_starts_the_kiosk_with_defaults(site_config):
    path = site_config("kiosk = true\nidle_seconds = \n")
    plan = plan_kiosk(None, None, None, None)
    assert plan is not None and plan.config == KioskConfig()
    assert len(plan.problems) == 1 and str(path) in plan.problems[0] and "line 2" in plan.problems[0]


def test_the_article_comes_from_the_flag_then_the_configuration(site_config, write_article):
    leaflet = write_article("# Leaflet\n\n## Part\n\nText.\n", "leaflet.md")
    other = write_article("# Other\n\n## Part\n\nText.\n", "other.md")
    site_config(f"kiosk = true\narticle = '{leaflet}'\n")
    assert plan_kiosk(None, None, None, None).article.title == "Leaflet"
    assert plan_kiosk(str(other), None, None, None).article.title == "Other"
    assert plan_kiosk("", other, None, None).article.title == "Other"


def test_a_relative_article_is_found_beside_the_configuration(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "leaflet.md").write_text("# Leaflet\n\n## Part\n", encoding="utf-8")
    config = tmp_path / "kiosk.toml"
    config.write_text("kiosk = true\narticle = 'articles/leaflet.md'\n", encoding="utf-8")
    assert plan_kiosk(None, None, config, None).article.title == "Leaflet"


def test_an_article_that_cannot_be_read_gives_the_bundled_one_and_says_why(tmp_path):
    missing = tmp_path / "gone.md"
    plan = plan_kiosk(str(missing), None, None, None)
    assert plan.article.path == BUNDLED
    assert len(plan.problems) == 1 and str(missing) in plan.problems[0] and "bundled article" in plan.problems[0]


def test_idle_reset_overrides_the_configuration(site_config):
    site_config("kiosk = true\nidle_seconds = 45\n")
    assert plan_kiosk(None, None, None, 300).config.idle_seconds == 300
    assert plan_kiosk(None, None, None, 0).config.idle_seconds == 0


def test_idle_reset_without_kiosk_mode_is_a_usage_error():
    with pytest.raises(KioskUsageError, match="only in kiosk mode"):
        plan_kiosk(None, None, None, 60)


def test_a_named_configuration_that_is_missing_starts_the_kiosk_and_is_reported(tmp_path):
    for flag in ("", None):  # --config with a mistyped name was meant for a kiosk, with --kiosk or without
        plan = plan_kiosk(flag, None, tmp_path / "nope.toml", None)
        assert plan is not None and plan.config == KioskConfig()
        assert "nope.toml: cannot be read (no such file)" in plan.problems[0]
