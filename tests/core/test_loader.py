"""Reading files: every problem a user can cause names the file and says what is wrong."""

import errno
import os

import pytest

from viewer.core.errors import ArticleError
from viewer.core.loader import MAX_ARTICLE_BYTES, load_article


def reason_for(path) -> str:
    with pytest.raises(ArticleError) as raised:
        load_article(path)
    assert raised.value.path == path
    assert str(path) in str(raised.value)
    return raised.value.reason


def test_utf8_with_bom_reads_cleanly(write_article):
    article = load_article(write_article("\ufeff# Café\n".encode()))
    assert article.title == "Café" and not article.warnings


def test_legacy_encoding_falls_back_to_windows_1252_and_says_so(write_article):
    article = load_article(write_article("# Caf\xe9 \x93quoted\x94\n".encode("latin-1")))
    assert article.title == "Café “quoted”"
    assert "not valid UTF-8" in article.warnings[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_read_cleanly(write_article, encoding):
    # what Windows Notepad saves as "Unicode": the byte order mark says how to read it
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    article = load_article(write_article((bom + "# Café ✓\n\n## Dose\nText.\n").encode(encoding)))
    assert [s.title for s in article.sections] == ["Café ✓", "Dose"] and not article.warnings


def test_utf16_that_cannot_be_decoded_is_named_as_such(write_article):
    assert "UTF-16" in reason_for(write_article("\ufeff# A".encode("utf-16-le") + b"\x00\xd8"))  # a lone surrogate


@pytest.mark.parametrize("content", [b"", b"   \n\n\t\n", "\ufeff".encode()])
def test_an_empty_file_opens_with_a_warning_that_says_so(write_article, content):
    article = load_article(write_article(content))
    assert len(article.sections) == 1 and article.sections[0].body.strip() == ""
    assert any("empty" in warning for warning in article.warnings)


def test_binary_data_is_refused(write_article):
    assert "binary" in reason_for(write_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00"))


def test_a_folder_is_refused(tmp_path):
    assert "folder" in reason_for(tmp_path)


def test_a_missing_file_is_refused(tmp_path):
    assert reason_for(tmp_path / "gone.md") == "no such file"


def test_an_unreadable_file_is_refused(write_article, monkeypatch):
    path = write_article("# x")
    if os.geteuid() == 0:  # root reads any file: make the refusal the system would give
        real_open = type(path).open

        def refuse(self, *args, **kwargs):
            if self == path:
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(type(path), "open", refuse)
    else:
        path.chmod(0)
    assert reason_for(path) == "permission denied"


def test_a_file_over_the_size_limit_is_refused(write_article):
    path = write_article(b"a" * (MAX_ARTICLE_BYTES + 1))
    assert "MB" in reason_for(path)


def test_bad_metadata_is_a_warning_naming_the_line(write_article):
    path = write_article("---\nTitle: x\nthis is wrong\n---\n# Body\n")
    [warning] = load_article(path).warnings
    assert warning == (
        "has front matter (lines 1–4) that is not valid YAML: line 3: could not find expected ':'; it is shown as text"
    )
