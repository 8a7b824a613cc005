"""The link and resource policy: what a click may open and which files an image may come from."""

import os
import socket

import pytest

from viewer.core.links import (
    MAX_RESOURCE_BYTES,
    ArticleLink,
    LinkKind,
    classify_link,
    is_local_resource,
    read_resource,
    resolve_article_link,
    resolve_resource,
)


@pytest.mark.parametrize(
    ("href", "kind"),
    [
        ("#b-high-response-rate", LinkKind.ANCHOR),
        ("https://example.org/x", LinkKind.EXTERNAL),
        ("HTTP://example.org", LinkKind.EXTERNAL),
        ("mailto:clinic@example.org", LinkKind.EXTERNAL),
        ("#", LinkKind.REFUSED),
        ("file:///etc/passwd", LinkKind.REFUSED),
        ("javascript:alert(1)", LinkKind.REFUSED),
        ("java\tscript:alert(1)", LinkKind.REFUSED),
        ("data:text/html,<b>x</b>", LinkKind.REFUSED),
        ("//example.org/x", LinkKind.REFUSED),
        ("other-article.md", LinkKind.ARTICLE),
        ("other.md#section", LinkKind.ARTICLE),
        ("./Other%20Notes.MARKDOWN", LinkKind.ARTICLE),
        ("sub/other.md", LinkKind.REFUSED),  # only the same folder
        ("../other.md", LinkKind.REFUSED),
        ("other.md?x=1", LinkKind.REFUSED),
        ("file:other.md", LinkKind.REFUSED),
        ("notes.txt", LinkKind.REFUSED),
        ("C:other.md", LinkKind.REFUSED),
        ("/etc/passwd", LinkKind.REFUSED),
        ("https:", LinkKind.REFUSED),
        ("https:///path-only", LinkKind.REFUSED),
        ("mailto:", LinkKind.REFUSED),
        ("https://example.org/\u202egpj.exe", LinkKind.REFUSED),  # a right-to-left override hides the real name
        ("https://exa\u200bmple.org", LinkKind.REFUSED),
        ("smb://server/share", LinkKind.REFUSED),
        ("//x]", LinkKind.REFUSED),  # urlsplit raises on this broken IPv6 host; found by the fuzz target
        ("https://[::1", LinkKind.REFUSED),
    ],
)
def test_what_a_link_may_do(href, kind):
    assert classify_link(href) is kind


@pytest.mark.parametrize("src", ["figure.png", "images/figure%201.png", "images/figure 1.png", "./figure.png", "ü.png"])
def test_relative_paths_inside_the_folder_are_resources(src):
    assert is_local_resource(src)


@pytest.mark.parametrize(
    "src",
    [
        "", "/dev/zero", "//dev/zero", "///dev/zero", "file:///dev/zero", "../secret.png", "images/../../secret.png",
        "%2e%2e/secret.png", "images/%2E%2E/%2e%2e/secret.png", "..%2fsecret.png", "..\\secret.png", "C:/x.png", "c:x.png",
        "\\\\server\\share\\x.png", "https://example.org/x.png", "data:image/png;base64,AAAA", "figure.png?size=big",
        "figure.png#part", "#figure", "a\x00b.png", "figure%00.png", "fig\nure.png", "//x]", "a]b[:", "[::1",
    ],
)  # fmt: skip
def test_everything_else_is_not_a_resource(src):
    assert not is_local_resource(src)


@pytest.fixture
def folder(tmp_path):
    article_folder = tmp_path / "article"
    article_folder.mkdir()
    (article_folder / "figure.png").write_bytes(b"picture")
    (tmp_path / "secret.png").write_bytes(b"secret")
    return article_folder


def test_a_file_in_the_folder_is_read(folder):
    assert resolve_resource(folder, "figure.png") == (folder / "figure.png").resolve()
    assert read_resource(folder, "figure.png") == b"picture"


def test_a_missing_file_is_none(folder):
    assert read_resource(folder, "nothing-here.png") is None


def test_a_symlink_that_leads_out_is_refused(folder):
    (folder / "innocent.png").symlink_to(folder.parent / "secret.png")
    (folder / "to-root").symlink_to("/")
    assert read_resource(folder, "innocent.png") is None
    assert read_resource(folder, "to-root/etc/passwd") is None


def test_a_symlink_that_stays_inside_is_followed(folder):
    (folder / "alias.png").symlink_to("figure.png")
    assert read_resource(folder, "alias.png") == b"picture"


def test_a_symlink_loop_is_refused(folder):
    (folder / "loop.png").symlink_to("loop.png")
    assert read_resource(folder, "loop.png") is None


def test_devices_pipes_sockets_and_folders_are_refused(folder):
    (folder / "zero.png").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.png")  # opening a pipe would block the window for ever
    (folder / "images").mkdir()
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "socket.png"))
    try:
        for name in ("zero.png", "pipe.png", "images", "socket.png"):
            assert read_resource(folder, name) is None, name
    finally:
        server.close()


def test_a_file_over_the_size_limit_is_refused(folder):
    with (folder / "huge.png").open("wb") as stream:
        stream.truncate(MAX_RESOURCE_BYTES + 1)  # sparse: costs no disk
    assert read_resource(folder, "huge.png") is None


def test_a_link_to_an_article_in_the_folder_leads_to_its_file_and_section(folder):
    (folder / "other notes.md").write_text("# Other")
    assert resolve_article_link(folder, "other%20notes.md#dosing-and-timing") == ArticleLink(
        (folder / "other notes.md").resolve(), "dosing-and-timing"
    )


@pytest.mark.parametrize(
    ("href", "reason"),
    [
        ("missing.md", "there is no article named 'missing.md' in this article's folder"),
        ("picture.png", "the viewer opens only links to Markdown articles (.md) in the same folder"),
        ("../outside.md", "the viewer opens only links to Markdown articles (.md) in the same folder"),
    ],
)
def test_a_link_the_viewer_will_not_follow_says_why(folder, href, reason):
    (folder.parent / "outside.md").write_text("# Outside")
    assert resolve_article_link(folder, href) == reason


def test_a_symlinked_article_that_leads_out_is_not_opened(folder):
    (folder.parent / "secret.md").write_text("# Secret")
    (folder / "innocent.md").symlink_to(folder.parent / "secret.md")
    assert isinstance(resolve_article_link(folder, "innocent.md"), str)


def test_kiosk_mode_keeps_links_inside_the_allowed_folder(folder):
    (folder / "other.md").write_text("# Other")
    assert isinstance(resolve_article_link(folder, "other.md", allowed_folder=folder), ArticleLink)
    elsewhere = folder / "elsewhere"
    elsewhere.mkdir()
    assert resolve_article_link(folder, "other.md", allowed_folder=elsewhere) == (
        "this article is outside the folder the viewer is set to show"
    )
