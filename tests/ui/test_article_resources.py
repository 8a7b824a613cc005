"""Images come only from the article's folder: no device, pipe, escape, remote URL or giant picture is read."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import resource
import struct
import textwrap
import zlib
from pathlib import Path

import pytest

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from tests.ui.helpers import run_in_own_process
from viewer.core.article import parse_article
from viewer.core.render import ArticleRenderer
from viewer.ui.article_images import can_show_image, image_source, load_image
from viewer.ui.article_view import ArticleView

IMAGE = QTextDocument.ResourceType.ImageResource.value


def png_bytes(width: int, height: int, pixels: bool = True) -> bytes:
    """A PNG of *width* x *height* grey pixels; with pixels=False only the header, which still claims the size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
    body = chunk(b"IDAT", zlib.compress(b"".join(b"\x00" + b"\x80" * width for _ in range(height)))) if pixels else b""
    return b"\x89PNG\r\n\x1a\n" + header + body + chunk(b"IEND", b"")


class FileWatch:
    """Reports whether any process opened or read a file, through Linux inotify (it sees Qt's C++ reads too)."""

    IN_ACCESS, IN_OPEN = 0x1, 0x20

    def __init__(self, path: Path) -> None:
        self._libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        self._fd = self._libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self._fd < 0 or self._libc.inotify_add_watch(self._fd, os.fsencode(path), self.IN_ACCESS | self.IN_OPEN) < 0:
            pytest.skip("inotify is not available here")

    def touched(self) -> bool:
        try:
            return bool(os.read(self._fd, 4096))
        except BlockingIOError:
            return False

    def close(self) -> None:
        os.close(self._fd)


@pytest.fixture
def article_folder(tmp_path):
    """An article folder with one good picture, next to a secret file that must never be read."""
    folder = tmp_path / "article"
    folder.mkdir()
    (folder / "figure.png").write_bytes(png_bytes(40, 30))
    (tmp_path / "secret.png").write_bytes(png_bytes(10, 10))
    return folder


@pytest.fixture
def secret_watch(article_folder):
    watch = FileWatch(article_folder.parent / "secret.png")
    yield watch
    watch.close()


def test_the_file_watch_sees_a_read(article_folder, secret_watch):
    assert not secret_watch.touched()
    (article_folder.parent / "secret.png").read_bytes()
    assert secret_watch.touched(), "without this the checks below would prove nothing"


def test_a_picture_in_the_folder_is_loaded(qapp, article_folder):
    image = load_image(article_folder, "figure.png")
    assert (image.width(), image.height()) == (40, 30)
    assert can_show_image(article_folder, "figure.png")


@pytest.mark.parametrize(
    "src",
    [
        "../secret.png", "/dev/zero", "//dev/zero", "file:///dev/zero", "https://example.org/x.png", "missing.png",
        "data:image/png;base64,iVBORw0KGgo=", "%2e%2e/secret.png", "",
    ],
)  # fmt: skip
def test_a_refused_picture_is_an_empty_image_never_none(qapp, article_folder, secret_watch, src):
    view = ArticleView()
    result = view.loadResource(IMAGE, QUrl(src))
    assert isinstance(result, QImage) and result.isNull(), "None would let Qt read the file itself"
    assert not can_show_image(article_folder, src)
    assert not secret_watch.touched()


def test_symlinks_out_devices_and_pipes_in_the_folder_are_refused(qapp, article_folder, secret_watch):
    (article_folder / "innocent.png").symlink_to(article_folder.parent / "secret.png")
    (article_folder / "zero.png").symlink_to("/dev/zero")
    os.mkfifo(article_folder / "pipe.png")
    for name in ("innocent.png", "zero.png", "pipe.png"):
        assert load_image(article_folder, name).isNull(), name
    assert not secret_watch.touched()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("giant.png", png_bytes(60000, 60000, pixels=False)),  # claims 3.6 gigapixels in 45 bytes
        ("empty.png", b""),
        ("drawing.png", b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
        ("document.png", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
        ("text.png", b"just some words"),
    ],
)
def test_giant_or_non_raster_pictures_are_refused(qapp, article_folder, name, content):
    (article_folder / name).write_bytes(content)
    assert not can_show_image(article_folder, name)
    assert load_image(article_folder, name).isNull()


def test_file_urls_count_only_inside_the_folder(article_folder):
    inside = QUrl.fromLocalFile(str(article_folder / "figure.png"))
    outside = QUrl.fromLocalFile(str(article_folder.parent / "secret.png"))
    assert image_source(inside, article_folder) == "figure.png"
    assert image_source(outside, article_folder) == ""
    assert image_source(inside, None) == ""
    assert image_source(QUrl("figure%201.png"), article_folder) == "figure%201.png"


def test_other_resources_such_as_stylesheets_are_never_loaded(qapp, article_folder):
    view = ArticleView()
    assert view.loadResource(QTextDocument.ResourceType.StyleSheetResource.value, QUrl("style.css")) == ""


def test_the_pane_shows_only_allowed_pictures_even_from_unsanitized_html(qtbot, article_folder, secret_watch):
    view = ArticleView()
    qtbot.addWidget(view)
    outside = article_folder.parent
    sources = ["figure.png", "../secret.png", f"file://{outside}/secret.png", f"{outside}/secret.png"]
    html = "<p>" + "".join(f'<img src="{src}">' for src in sources) + "</p>"
    view.set_document(html, (), article_folder)
    view.show()
    qtbot.waitUntil(lambda: view.has_painted)
    assert not secret_watch.touched()


def test_an_image_of_dev_zero_does_not_take_the_program_down(tmp_path):
    # A plain QTextBrowser reads /dev/zero until memory runs out and aborts with std::bad_alloc.
    folder = tmp_path / "article"
    folder.mkdir()
    (folder / "zero.png").symlink_to("/dev/zero")
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from viewer.core.render import RenderedArticle
        from viewer.ui.article_view import ArticleView
        app = QApplication([])
        view = ArticleView()
        html = ''.join(f'<img src="{{src}}">' for src in
                       ["/dev/zero", "file:///dev/zero", "//dev/zero", "zero.png", "../../../../../../dev/zero"])
        view.set_document("<p>before</p>" + html + "<p>after</p>", (), Path({str(folder)!r}))
        view.show()
        app.processEvents()
        view.grab()
        print(view.toPlainText().replace("\\ufffc", "").split())
        """
    )
    result = run_in_own_process(
        script,
        timeout=120,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30)),  # fail fast, not the machine
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['before', 'after']"
    assert "bad_alloc" not in result.stderr


def test_with_the_panes_image_check_a_picture_it_cannot_show_becomes_its_alt_text(qtbot, article_folder):
    (article_folder / "giant.png").write_bytes(png_bytes(60000, 60000, pixels=False))
    article = parse_article("# Pictures\n\n![a figure](figure.png) ![a giant](giant.png) ![a missing one](gone.png)\n")
    article.path = article_folder / "article.md"
    view = ArticleView()
    qtbot.addWidget(view)
    rendered = ArticleRenderer(image_check=can_show_image).render(article)
    view.set_document(rendered.html, rendered.anchors, article_folder)
    text = view.toPlainText()
    assert "[image: a giant]" in text and "[image: a missing one]" in text
    assert "[image: a figure]" not in text and "\ufffc" in text, "the good picture is an image object"
