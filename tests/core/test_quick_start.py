"""Which launches are plain, and what their first frame is drawn from."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.conftest import BUNDLED_ARTICLE
from viewer.cli import build_parser
from viewer.core.cache_builder import build_entry
from viewer.core.cache_entry import MAGIC
from viewer.core.quick_start import PlainLaunch, first_screen, plain_launch
from viewer.core.render_cache import RenderCache, fingerprint
from viewer.core.section_link import split_section_link
from viewer.core.settings import Settings

pytestmark = pytest.mark.usefixtures("own_render_cache")  # what the cache holds is what they test


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ([], PlainLaunch(None, None, False)),
        (["notes.md"], PlainLaunch(Path("notes.md"), None, False)),
        (["notes.md#dosing"], PlainLaunch(Path("notes.md"), "dosing", False)),
        (["--section", "dosing"], PlainLaunch(None, "dosing", False)),
        (["--section=dosing", "notes.md"], PlainLaunch(Path("notes.md"), "dosing", False)),
        (["notes.md#first", "--section", "second"], PlainLaunch(Path("notes.md"), "first", False)),
        (["--quit-after-first-paint"], PlainLaunch(None, None, True)),
    ],
)
def test_launches_that_only_open_an_article_are_plain(arguments, expected):
    assert plain_launch(["ketamine-viewer", *arguments]) == expected


@pytest.mark.parametrize(
    "arguments",
    [
        ["--kiosk"],
        ["--kiosk", "notes.md"],
        ["--outline"],
        ["--debug"],
        ["--no-cache"],
        ["--version"],
        ["--help"],
        ["--export-pdf", "out.pdf"],
        ["--self-test"],
        ["--render-worker"],
        ["--section"],
        ["--section", ""],
        ["one.md", "two.md"],
        ["--config", "kiosk.toml"],
        ["-h"],
    ],
)
def test_anything_more_goes_to_the_full_command_line(arguments):
    assert plain_launch(["ketamine-viewer", *arguments]) is None


def test_debug_logging_from_the_environment_goes_to_the_full_command_line(monkeypatch):
    monkeypatch.setenv("KETAMINE_VIEWER_DEBUG", "render")
    assert plain_launch(["ketamine-viewer"]) is None


def test_a_system_wide_kiosk_configuration_goes_to_the_full_command_line(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path))
    assert plain_launch(["ketamine-viewer"]) is not None
    (tmp_path / "ketamine-viewer").mkdir()
    (tmp_path / "ketamine-viewer" / "kiosk.toml").write_text("kiosk = false\n")  # whatever it says: cli decides
    assert plain_launch(["ketamine-viewer"]) is None


@pytest.fixture
def cached_bundled_article():
    assert build_entry(BUNDLED_ARTICLE, RenderCache.standard())


def test_the_first_screen_comes_from_the_cache(cached_bundled_article):
    screen = first_screen(PlainLaunch(None, None, False))
    assert screen is not None and screen.path == BUNDLED_ARTICLE
    assert screen.outline.titles[0] == "Ketamine for Treatment-Resistant Depression"
    assert screen.first.html[0] is not None and screen.entry.texts("rest") is not None


def test_without_an_entry_there_is_no_first_screen():
    assert first_screen(PlainLaunch(None, None, False)) is None


def test_an_article_that_cannot_be_read_is_left_to_the_command_line(cached_bundled_article, tmp_path):
    for path in (tmp_path / "missing.md", tmp_path):
        assert first_screen(PlainLaunch(path, None, False)) is None


def test_the_place_read_last_is_where_the_first_screen_opens(cached_bundled_article, write_article):
    path = write_article("# Notes\n\n## Dosing\n\nText.\n")
    build_entry(path, RenderCache(Path(RenderCache.standard().folder), None, fingerprint()))
    settings = Settings.load()
    settings.set("last_article", str(path))
    settings.set("last_section", "dosing")
    settings.save()
    screen = first_screen(PlainLaunch(None, None, False))
    assert screen.path == path and screen.place.anchor == "dosing" and screen.place.restored
    assert screen.outline.anchors == ("notes", "dosing")


def test_the_debug_variable_is_the_one_the_log_reads():
    from viewer.core import logs, quick_start

    assert quick_start.DEBUG_VARIABLE == logs.DEBUG_VARIABLE


def test_the_first_frames_article_gets_its_other_bodies_once_completed(write_article):
    from viewer.core.loader import load_article
    from viewer.core.render import first_screen_sections

    text = "# Top\n\n" + "".join(f"## Part {n}\n\n{'Words here. ' * 400}\n\n" for n in range(12))
    path = write_article(text)
    assert build_entry(path, RenderCache.standard())
    screen = first_screen(PlainLaunch(path, None, False))
    article = screen.article()
    whole = load_article(path)
    first = first_screen_sections(whole)
    assert 1 < first < len(whole.sections) == screen.entry.sections
    assert [s.body for s in article.sections[:first]] == [s.body for s in whole.sections[:first]]
    assert all(s.body == "" for s in article.sections[first:]) and article.cache_slot.found[first:] == [None] * (13 - first)
    assert article.cache_slot.complete(article.sections)
    assert [s.body for s in article.sections] == [s.body for s in whole.sections]
    assert None not in article.cache_slot.found and article.cache_slot.pending is None
    assert article.outline() == whole.outline() and article.title == whole.title


def test_rendering_the_first_frames_article_reads_the_other_bodies_when_it_gets_there(write_article):
    from viewer.core.loader import load_article
    from viewer.core.render import ArticleRenderer

    path = write_article("# Top\n\n" + "".join(f"## Part {n}\n\n{'Words here. ' * 400}\n\n" for n in range(12)))
    assert build_entry(path, RenderCache.standard())
    article = first_screen(PlainLaunch(path, None, False)).article()
    assert ArticleRenderer().render(article).html == ArticleRenderer().render(load_article(path)).html
    assert article.cache_slot.pending is None


def test_the_first_frames_article_keeps_to_the_entrys_first_screen_until_completed(write_article):
    from viewer.core.render import first_screen_sections

    path = write_article("# Top\n\n" + "".join(f"## Part {n}\n\n{'Words here. ' * 400}\n\n" for n in range(12)))
    assert build_entry(path, RenderCache.standard())
    screen = first_screen(PlainLaunch(path, None, False))
    article = screen.article()
    assert first_screen_sections(article) == screen.entry.first  # not more, though the bodies after it are empty
    article.cache_slot.complete(article.sections)
    assert first_screen_sections(article) == screen.entry.first  # the same, counted from the bodies now


# The full command line (viewer.cli) is the specification: a launch quick_start calls plain must mean there what it
# means here. Tokens are drawn from what a reader or a desktop file would type, including the awkward ones.
_TOKENS = st.sampled_from(
    ["notes.md", "notes.md#dosing", "a b.md", "#x", "x#", "-", "--", "-x", "--section", "--section=dosing",
     "--section=", "--sec", "dosing", "--quit-after-first-paint", "--no-cache", "--kiosk", "ünï.md", "--section=-x"]
)  # fmt: skip


@given(st.lists(_TOKENS | st.text(max_size=8), max_size=5))
@example(["--section", "-x"])
@example(["--section", "--no-cache"])
@example([""])
def test_a_plain_launch_means_what_the_full_command_line_means(arguments):
    launch = plain_launch(["ketamine-viewer", *arguments])
    if launch is None:
        return  # left to viewer.cli, whatever it makes of it
    with contextlib.redirect_stderr(io.StringIO()):
        options = build_parser("ketamine-viewer").parse_args(arguments)  # a SystemExit here fails the test
    path, anchor = split_section_link(options.path) if options.path else (None, None)
    anchors = ([anchor] if anchor else []) + options.section
    assert launch == PlainLaunch(path, anchors[0] if anchors else None, options.quit_after_first_paint)
    assert not (options.kiosk or options.no_cache or options.outline or options.debug or options.export_pdf)


def cached(path: Path) -> Path:
    """The one entry the standard cache holds for the article at *path*, built for it."""
    assert build_entry(path, RenderCache.standard())
    [entry] = [e for e in Path(RenderCache.standard().folder).glob("*.kvrc")]
    return entry


def test_an_article_changed_since_it_was_cached_has_no_first_screen(write_article):
    path = write_article("# Notes\n\n## Dosing\n\nText.\n")
    cached(path)
    path.write_text("# Notes\n\n## Dosing\n\nOther text.\n", encoding="utf-8")
    assert first_screen(PlainLaunch(path, None, False)) is None


@pytest.mark.parametrize("damage", ["header", "outline", "first"])
def test_a_damaged_entry_has_no_first_screen(write_article, damage):
    path = write_article("# Notes\n\n## Dosing\n\nSome text about dosing.\n")
    entry = cached(path)
    data = entry.read_bytes()
    header_end = data.index(b"\n", len(MAGIC))
    spot = {"header": len(MAGIC) + 2, "outline": header_end + 3, "first": data.index(b'"bodies"') + 12}[damage]
    entry.write_bytes(data[:spot] + bytes([data[spot] ^ 0x20]) + data[spot + 1 :])
    assert first_screen(PlainLaunch(path, None, False)) is None


LONG = "# Top\n\n" + "".join(f"## Part {n}\n\n{'Words here. ' * 400}\n\nPart {n} ends.\n\n" for n in range(12))


def test_a_damaged_last_block_is_read_from_the_article_and_the_entry_written_again(write_article):
    from viewer.core.loader import load_article
    from viewer.core.render import ArticleRenderer, first_screen_sections

    path = write_article(LONG)
    entry = cached(path)
    good = entry.read_bytes()
    entry.write_bytes(good[:-40] + b"x" * 40)  # the rest block's digest no longer matches; header, outline, first do
    article = first_screen(PlainLaunch(path, None, False)).article()
    shown = ArticleRenderer().render(article).html
    assert shown == ArticleRenderer().render(load_article(path)).html
    assert "Part 11 ends." in shown
    assert article.cache_slot.keep(article, first_screen_sections(load_article(path)))
    assert entry.read_bytes() == good


def test_the_first_screen_of_a_long_article_holds_only_its_first_sections(write_article):
    from viewer.core.loader import load_article
    from viewer.core.render import first_screen_sections

    path = write_article(LONG)
    cached(path)
    screen = first_screen(PlainLaunch(path, None, False))
    whole = load_article(path)
    assert screen.outline.titles == tuple(s.title for s in whole.sections)
    assert len(screen.first.bodies) == first_screen_sections(whole) < len(whole.sections)
