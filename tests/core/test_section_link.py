"""PATH#anchor: the link "Copy link to this section" gives and the command line opens."""

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from viewer.core.section_link import section_link, split_section_link


def never_a_file(_path):
    return False


def test_a_path_with_an_anchor_is_split_at_the_last_hash():
    assert split_section_link("notes.md#dosing", never_a_file) == (Path("notes.md"), "dosing")
    assert split_section_link("a#b/notes.md#dosing", never_a_file) == (Path("a#b/notes.md"), "dosing")


def test_a_file_really_named_with_a_hash_is_taken_whole(tmp_path):
    odd = tmp_path / "notes#2.md"
    odd.write_text("# X\n")
    assert split_section_link(str(odd)) == (odd, None)


def test_no_hash_or_an_empty_anchor_means_the_top():
    assert split_section_link("notes.md", never_a_file) == (Path("notes.md"), None)
    assert split_section_link("notes.md#", never_a_file) == (Path("notes.md"), None)


def test_a_file_url_works_too():
    assert split_section_link("file:///home/me/my%20notes.md#side-effects") == (Path("/home/me/my notes.md"), "side-effects")


def test_a_link_names_the_absolute_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert section_link(Path("notes.md"), "dosing") == f"{tmp_path / 'notes.md'}#dosing"


anchors = st.text(st.characters(codec="ascii", categories=("Ll", "Nd")) | st.just("-"), min_size=1, max_size=20)
names = st.text(st.characters(codec="utf-8", exclude_characters="/\x00", exclude_categories=("Cs",)), min_size=1, max_size=20)


@given(names, anchors)
def test_a_copied_link_opens_the_same_article_at_the_same_section(name, anchor):
    path = Path("/articles") / name
    assert split_section_link(section_link(path, anchor), never_a_file) == (path, anchor)
