"""Printing and PDF handouts from the window: choosing what goes in, the print preview, saving the PDF."""

from __future__ import annotations

import re

import pytest

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QPushButton, QRadioButton

from tests.pdf_text import pdf_info, pdf_text
from tests.ui.desk_helpers import click_entry, open_active, press, right_click
from tests.ui.helpers import click_row, find_row
from viewer.core.handout import make_handout
from viewer.core.loader import load_article
from viewer.ui.handout import export_pdf

SIDE_EFFECTS_TITLE = "B. Common Side Effects"


def choose(qtbot, window, option: str, paper: str | None = None):
    """In the open 'what to put in the handout' dialog, click *option*, pick *paper*, and press its main button."""
    dialog = window.desk.handouts.dialog
    qtbot.waitUntil(dialog.isVisible)
    button = dialog.findChild(QRadioButton, option)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(10, button.height() // 2))  # on its round box
    assert button.isChecked()
    if paper is not None:
        combo = dialog.findChild(type(dialog.paper), "paperChoice")
        combo.setCurrentIndex(combo.findText(paper))
    go = dialog.findChild(QPushButton, "handoutGo")
    qtbot.mouseClick(go, Qt.MouseButton.LeftButton)


def preview_pages(qtbot, window) -> tuple[int, QPrintPreviewDialog]:
    qtbot.waitUntil(
        lambda: isinstance(window.desk.handouts.dialog, QPrintPreviewDialog) and window.desk.handouts.dialog.isVisible()
    )
    preview = window.desk.handouts.dialog
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > 0)
    return widget.pageCount(), preview


@pytest.fixture
def save_as(monkeypatch, tmp_path):
    """The file dialog, answered with a path in a temporary folder; remembers the name it offered."""
    offered = []

    def answer(parent, caption, directory, filter_text, *args):
        offered.append(directory)
        return str(tmp_path / "handout"), filter_text

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    answer.offered = offered
    answer.path = tmp_path / "handout.pdf"
    return answer


def test_ctrl_p_previews_a_one_page_handout_of_the_section_being_read(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    click_row(qtbot, window.section_tree, SIDE_EFFECTS_TITLE)
    press(qtbot, window, "Ctrl+P")
    dialog = window.desk.handouts.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert SIDE_EFFECTS_TITLE in dialog.findChild(QRadioButton, "currentSection").text()
    assert not dialog.findChild(QRadioButton, "foundSections").isEnabled()  # no search: nothing found to print
    assert dialog.findChild(QRadioButton, "currentSection").isChecked()  # what the reader went to, unless they change it
    choose(qtbot, window, "currentSection")
    pages, preview = preview_pages(qtbot, window)
    assert pages == 1
    preview.close()


def test_the_whole_article_previews_as_many_pages_as_its_pdf_has(qtbot, bundled_article, tmp_path):
    window = open_active(qtbot, bundled_article)
    window.actions["print"].trigger()
    choose(qtbot, window, "wholeArticle", "A4")
    pages, preview = preview_pages(qtbot, window)
    export_pdf(make_handout(bundled_article), tmp_path / "whole.pdf", "a4")
    assert pages == int(pdf_info(tmp_path / "whole.pdf")["Pages"]) > 1
    assert preview.printer().pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    preview.close()


def test_the_whole_article_is_offered_first_from_its_top(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    press(qtbot, window, "Ctrl+P")
    dialog = window.desk.handouts.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.findChild(QRadioButton, "wholeArticle").isChecked()
    dialog.close()


def test_print_in_the_preview_prints_the_one_page(qtbot, bundled_article, tmp_path):
    window = open_active(qtbot, bundled_article)
    click_row(qtbot, window.section_tree, SIDE_EFFECTS_TITLE)
    press(qtbot, window, "Ctrl+P")
    choose(qtbot, window, "currentSection")
    _, preview = preview_pages(qtbot, window)
    printed = tmp_path / "printed.pdf"
    preview.printer().setOutputFileName(str(printed))  # this machine's printer is "Print to File (PDF)"

    def answer_the_print_dialog() -> bool:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QPrintDialog):
            dialog.accept()
            return True
        return False

    [print_action] = [action for action in preview.findChildren(QAction) if action.text().replace("&", "") == "Print"]
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: answer_the_print_dialog() and timer.stop())
    timer.start()
    print_action.trigger()
    qtbot.waitUntil(printed.exists)
    text = " ".join(pdf_text(printed).split())
    assert SIDE_EFFECTS_TITLE in text and "Page 1 of 1" in text and int(pdf_info(printed)["Pages"]) == 1
    qtbot.waitUntil(lambda: "Sent the handout (1 page)" in window.statusBar().currentMessage())


def test_us_letter_reaches_the_printer(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    window.actions["print"].trigger()
    choose(qtbot, window, "wholeArticle", "US Letter")
    _, preview = preview_pages(qtbot, window)
    assert preview.printer().pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    preview.close()


def test_export_as_pdf_saves_the_section_offering_its_name(qtbot, bundled_article, save_as):
    window = open_active(qtbot, bundled_article)
    click_row(qtbot, window.section_tree, SIDE_EFFECTS_TITLE)
    window.actions["export_pdf"].trigger()
    choose(qtbot, window, "currentSection")
    assert save_as.offered[0].endswith(f"{bundled_article.title} - {SIDE_EFFECTS_TITLE}.pdf")
    text = " ".join(pdf_text(save_as.path).split())  # ".pdf" added to the name typed
    assert SIDE_EFFECTS_TITLE in text and "Page 1 of 1" in text and "A. Infusion Therapy" not in text
    assert str(save_as.path) in window.statusBar().currentMessage()


def test_the_sections_the_search_found_make_the_handout(qtbot, bundled_article, save_as):
    window = open_active(qtbot, bundled_article)
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, "side effects")
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search.result is not None)
    sections = bundled_article.sections[1:]  # the title's own section holds no text of its own to print
    mentioning = [
        s.title for s in sections if all(re.search(rf"\b{word}", f"{s.title} {s.body}", re.I) for word in ("side", "effect"))
    ]
    assert len(mentioning) > 1
    window.actions["export_pdf"].trigger()
    choose(qtbot, window, "foundSections")
    text = re.sub(r"Part of “[^”]*”", "", " ".join(pdf_text(save_as.path).split()))  # a part named for context only
    assert [s.title for s in sections if s.title in text] == mentioning


def test_the_tree_menu_prints_the_section_right_clicked(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    tree = window.section_tree
    right_click(qtbot, tree.viewport(), tree.visualRect(find_row(tree, "C. Safety Profile")).center())
    click_entry(qtbot, window.desk.menus.menu, "printSectionEntry")
    pages, preview = preview_pages(qtbot, window)
    assert pages == 1
    preview.close()


def test_cancelling_the_choice_prints_nothing(qtbot, bundled_article):
    window = open_active(qtbot, bundled_article)
    window.actions["print"].trigger()
    dialog = window.desk.handouts.dialog
    qtbot.waitUntil(dialog.isVisible)
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.desk.handouts.dialog is dialog  # no preview followed


def test_a_long_section_title_is_shortened_in_the_dialog_and_whole_in_its_tooltip(qtbot, write_article):
    long_title = "A section with a remarkably long heading " + "that goes on " * 8 + "and ends here"
    window = open_active(qtbot, load_article(write_article(f"# Short\n\nIntro.\n\n## {long_title}\n\nText.\n")))
    click_row(qtbot, window.section_tree, "A section with")
    press(qtbot, window, "Ctrl+P")
    dialog = window.desk.handouts.dialog
    qtbot.waitUntil(dialog.isVisible)
    option = dialog.findChild(QRadioButton, "currentSection")
    assert option.text().startswith("This section: A section with") and option.text().endswith("…")
    assert long_title in option.toolTip()
    assert dialog.width() <= 0.9 * dialog.screen().availableGeometry().width()
    dialog.close()
