"""Opening other articles in the window: bad files get a dialog and the current article stays."""

from PySide6.QtWidgets import QMessageBox

from tests.ui.helpers import run_in_own_process, visible_titles
from viewer.core.article import parse_article

ROOT = "Ketamine for Treatment-Resistant Depression"


def warnings(modal_messages) -> list[str]:
    """The texts of the modal warnings shown so far (recorded by modal_messages instead of blocking)."""
    return modal_messages.texts(QMessageBox.Icon.Warning)


def test_a_bad_file_gets_a_dialog_naming_it_and_the_article_stays(window, modal_messages, write_article):
    path, reason = write_article(b"\x00\x01binary"), "Looks like a binary file"
    assert window.open_article_file(path) is False
    [text] = warnings(modal_messages)
    assert str(path) in text and reason in text
    assert window.windowTitle().startswith(ROOT)
    assert visible_titles(window.section_tree)[0] == ROOT


def test_the_reason_in_the_dialog_keeps_its_capitals(window, modal_messages, write_article):
    from viewer.core.loader import MAX_ARTICLE_BYTES

    too_big = write_article(b"# Big\n" + b"x" * MAX_ARTICLE_BYTES, "big.md")
    assert window.open_article_file(too_big) is False
    assert window.open_article_file(write_article(b"\x00\x01binary", "Data.md")) is False
    big, binary = warnings(modal_messages)
    assert f"Is {too_big.stat().st_size / 1e6:.1f} MB; articles up to {MAX_ARTICLE_BYTES // 2**20} MB" in big
    assert "not Markdown text." in binary


def test_front_matter_that_is_not_yaml_opens_as_text_and_the_status_bar_names_the_line(window, modal_messages, write_article):
    path = write_article("---\ntitle: x\nlist:\n  - a\n  - [b\n---\n# Body\n\nText.\n")
    assert window.open_article_file(path) is True
    assert warnings(modal_messages) == []
    assert visible_titles(window.section_tree) == ["Article", "Body"]  # the text shown, named after article.md
    message = window.statusBar().currentMessage()
    assert path.name in message and "line 5" in message and "not valid YAML" in message
    assert "  - [b" in window.article_view.toPlainText()


def test_a_folder_or_missing_file_gets_a_dialog(window, modal_messages, tmp_path):
    assert window.open_article_file(tmp_path) is False
    assert window.open_article_file(tmp_path / "gone.md") is False
    shown = warnings(modal_messages)
    assert ["Is a folder" in shown[0], "No such file" in shown[1]] == [True, True]


def test_a_good_file_replaces_tree_chips_and_search(qtbot, window, write_article):
    path = write_article("---\nKeywords: Apples, Pears\n---\n# Fruit\n## Apples\nRed apples.\n## Pears\nGreen pears.\n")
    assert window.open_article_file(path) is True
    assert window.windowTitle().startswith("Fruit")
    assert visible_titles(window.section_tree) == ["Fruit", "Apples", "Pears"]
    assert list(window.keyword_bar.chips) == ["Apples", "Pears"]
    qtbot.keyClicks(window.filter_edit, "pear")
    qtbot.waitUntil(lambda: visible_titles(window.section_tree) == ["Fruit", "Pears"])


def test_a_file_that_vanishes_while_open_is_reported_and_the_text_stays(qtbot, window, write_article):
    path = write_article("# Notes\n## Kept\nStill here.\n")
    window.open_article_file(path)
    path.unlink()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "fileProblemMessage") is not None)
    message = window.findChild(QMessageBox, "fileProblemMessage")
    assert str(path) in message.text() and "moved or deleted" in message.text()
    assert not message.isModal()
    assert "Still here." in window.article_view.toPlainText()


def test_a_file_rewritten_while_open_is_shown_again(qtbot, window, write_article):
    path = write_article("# Notes\n## Old\n")
    window.open_article_file(path)
    path.write_text("# Notes\n## New\n", encoding="utf-8")
    qtbot.waitUntil(lambda: visible_titles(window.section_tree) == ["Notes", "New"])


def test_another_article_replaces_a_long_one_read_to_its_end():
    # In a process of its own: reading the old document's freed heading blocks crashed the viewer.
    result = run_in_own_process(
        """
        from PySide6.QtWidgets import QApplication
        from viewer.core.article import parse_article
        from viewer.ui.main_window import MainWindow

        def article(name, sections):
            return parse_article("\\n".join(f"{'#' if n == 0 else '##'} {name} {n}\\nWords {n}." for n in range(sections)))

        app = QApplication([])
        window = MainWindow(article("Long", 3000))
        window.show()
        app.processEvents()
        bar = window.article_view.verticalScrollBar()
        bar.setValue(bar.maximum())
        app.processEvents()
        window.show_article(article("Short", 3))
        app.processEvents()
        print(window.section_tree.model().index(0, 0).data(), window.article_view.reading.current_anchor)
        """
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["Short", "0", "short-0"]


def test_an_article_replaced_while_its_index_is_half_built_stops_indexing(qtbot, window, bundled_article):
    from inspect import GEN_CLOSED, getgeneratorstate

    long_article = parse_article("\n".join(f"## Part {n}\nWords about part {n}." for n in range(2000)))
    window.show_article(long_article)
    qtbot.waitUntil(lambda: window.indexer._steps is not None, timeout=20_000)
    half_built = window.indexer._steps
    window.show_article(bundled_article)
    assert getgeneratorstate(half_built) == GEN_CLOSED  # else it holds the half-built index alive
    qtbot.waitUntil(lambda: window.indexer.is_ready)
    assert len(window.indexer.index.search("1999").sections) == 0, "the index is the bundled article's"
    assert len(window.indexer.index.search("bladder").sections) == 1


def test_a_file_dropped_on_the_window_is_opened(qtbot, window, write_article):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    path = write_article("# Dropped\n\n## Inside\n\nText.\n")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    point = window.rect().center()
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert visible_titles(window.section_tree) == ["Dropped", "Inside"]
    assert window.article.path == path
