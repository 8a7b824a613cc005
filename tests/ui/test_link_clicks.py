"""Clicking links in the pane, with the real mouse: anchors scroll, other articles open, the web and mail ask first."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from PySide6.QtWidgets import QMessageBox

from tests.ui.helpers import click_link
from viewer.core.article import parse_article
from viewer.core.loader import load_article
from viewer.core.render import ArticleRenderer
from viewer.ui.section_model import ANCHOR_ROLE

ARTICLE = """# Links

See [the dosing part](#dosing), [the guideline](https://example.org/guideline), [write to us](mailto:team@example.org)
and [a local file](file:///etc/passwd).

## Background

{filler}

## Dosing

Start low.

{filler}
"""


@pytest.fixture
def dialogs(modal_messages):
    """The modal dialogs, answered by the test: set dialogs.answer to Yes or No."""

    class Dialogs:
        answer = property(lambda self: modal_messages.answer, lambda self, value: setattr(modal_messages, "answer", value))
        questions = property(lambda self: modal_messages.texts(QMessageBox.Icon.Question))
        notes = property(lambda self: modal_messages.texts(QMessageBox.Icon.Information))

    return Dialogs()


@pytest.fixture
def link_window(open_window, tmp_path):
    article = parse_article(ARTICLE.format(filler="\n\n".join(["Filler text to scroll past."] * 60)))
    article.path = tmp_path / "links.md"
    return open_window(article)


def link_hrefs(view) -> set[str]:
    hrefs = set()
    block = view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            hrefs.add(fragments.fragment().charFormat().anchorHref())
            fragments += 1
        block = block.next()
    return hrefs - {""}


def test_an_anchor_link_scrolls_to_its_section_and_the_tree_follows(qtbot, link_window, dialogs, opened_urls):
    view = link_window.article_view
    click_link(qtbot, view, "#dosing")
    qtbot.waitUntil(lambda: link_window.section_tree.currentIndex().data(ANCHOR_ROLE) == "dosing")
    assert view.verticalScrollBar().value() == round(view.headings.top("dosing"))
    assert dialogs.questions == [] and opened_urls == []


@pytest.mark.parametrize("href", ["https://example.org/guideline", "mailto:team@example.org"])
def test_a_web_or_mail_link_opens_only_after_the_reader_agrees(qtbot, link_window, dialogs, opened_urls, href):
    click_link(qtbot, link_window.article_view, href)
    assert len(dialogs.questions) == 1 and href.removeprefix("mailto:") in dialogs.questions[0]
    assert opened_urls == [], "the reader said no"
    dialogs.answer = QMessageBox.StandardButton.Yes
    click_link(qtbot, link_window.article_view, href)
    assert opened_urls == [href]


def test_a_file_link_in_markdown_is_not_even_a_link(link_window):
    hrefs = link_hrefs(link_window.article_view)
    assert hrefs == {"#dosing", "https://example.org/guideline", "mailto:team@example.org"}
    assert "a local file" in link_window.article_view.toPlainText()


@pytest.mark.parametrize("href", ["file:///etc/passwd", "javascript:alert(1)", "smb://server/share", "ftp://example.org/x"])
def test_any_other_link_that_reaches_the_pane_is_refused_with_a_short_message(qtbot, link_window, dialogs, opened_urls, href):
    # The sanitizer removes such links; the pane refuses them too, in case one slips through.
    view = link_window.article_view
    html = ArticleRenderer().render(link_window.article).html.replace("</body>", f'<p><a href="{href}">sneaky</a></p></body>')
    view.set_document(html, (), None)
    text_before = view.toPlainText()
    click_link(qtbot, view, href)
    assert len(dialogs.notes) == 1 and href in dialogs.notes[0] and len(dialogs.notes[0]) < 200
    assert dialogs.questions == [] and opened_urls == []
    assert view.toPlainText() == text_before and view.source().isEmpty(), "the pane did not open the file"


def show_links(view, links: list[str]) -> None:
    view.set_document(
        "<html><body>" + "".join(f'<p><a href="{href}">link {n}</a></p>' for n, href in enumerate(links)) + "</body></html>",
        (),
        None,
    )


def test_a_look_alike_host_is_shown_as_the_network_sees_it(qtbot, link_window, dialogs, opened_urls):
    href = "https://ex\u0430mple.org/login"  # a Cyrillic a: looks like example.org
    show_links(link_window.article_view, [href])
    click_link(qtbot, link_window.article_view, href)
    [question] = dialogs.questions
    assert "xn--exmple-4nf.org" in question, "the host in punycode"
    assert "ex\u0430mple.org" in question, "beside the form the article wrote"


def test_a_long_address_is_shortened_in_the_middle(qtbot, link_window, dialogs, opened_urls):
    href = "https://example.org/" + "a" * 300 + "/end"
    show_links(link_window.article_view, [href])
    click_link(qtbot, link_window.article_view, href)
    [question] = dialogs.questions
    assert "https://example.org/aaa" in question and "/end" in question and "…" in question
    assert len(question) < 400


def test_a_mail_link_keeps_only_its_address_and_subject(qtbot, link_window, dialogs, opened_urls):
    href = "mailto:team@example.org?subject=Dosing%20question&attach=/etc/passwd&body=" + "x" * 500
    show_links(link_window.article_view, [href])
    dialogs.answer = QMessageBox.StandardButton.Yes
    click_link(qtbot, link_window.article_view, href)
    assert opened_urls == ["mailto:team@example.org?subject=Dosing question"]
    assert "passwd" not in dialogs.questions[0] and "Dosing question" in dialogs.questions[0]


LINKED = Path(__file__).resolve().parents[1] / "data" / "markdown" / "linked"


@pytest.fixture
def linked_window(open_window, tmp_path):
    """The window on index.md of a folder of articles that link to each other."""
    folder = tmp_path / "articles"
    shutil.copytree(LINKED, folder)
    return open_window(load_article(folder / "index.md"))


def test_a_link_to_another_article_opens_it_at_the_section_it_names(qtbot, linked_window, dialogs, opened_urls):
    click_link(qtbot, linked_window.article_view, "dosing.md#nasal-spray")
    qtbot.waitUntil(lambda: linked_window.article.title == "Dosing")
    assert linked_window.article.path.name == "dosing.md"
    qtbot.waitUntil(lambda: linked_window.section_tree.currentIndex().data(ANCHOR_ROLE) == "nasal-spray")
    view = linked_window.article_view
    qtbot.waitUntil(
        lambda: (
            view.verticalScrollBar().value() == min(round(view.headings.top("nasal-spray")), view.verticalScrollBar().maximum())
        )
    )
    assert "56 mg or 84 mg" in view.toPlainText()
    click_link(qtbot, view, "index.md")  # and back
    qtbot.waitUntil(lambda: linked_window.article.title == "Ketamine service")
    assert dialogs.questions == [] and dialogs.notes == [] and opened_urls == []


def test_links_the_viewer_will_not_follow_are_plain_text(linked_window):
    view = linked_window.article_view
    assert link_hrefs(view) == {"dosing.md", "dosing.md#nasal-spray"}
    text = view.toPlainText()
    assert "a missing page" in text and "a picture" in text and "a file" in text


def test_an_article_that_is_gone_when_clicked_is_explained_in_the_status_bar(qtbot, linked_window, dialogs):
    (linked_window.article.path.parent / "dosing.md").unlink()
    click_link(qtbot, linked_window.article_view, "dosing.md")
    assert linked_window.article.title == "Ketamine service"
    message = linked_window.statusBar().currentMessage()
    assert message == "Link not opened: there is no article named 'dosing.md' in this article's folder."
    assert dialogs.notes == []


def test_kiosk_mode_keeps_the_reader_inside_its_folder(qtbot, linked_window, tmp_path):
    elsewhere = tmp_path / "kiosk-folder"
    elsewhere.mkdir()
    linked_window.article_links.allowed_folder = elsewhere
    click_link(qtbot, linked_window.article_view, "dosing.md")
    assert linked_window.article.title == "Ketamine service"
    assert "outside the folder" in linked_window.statusBar().currentMessage()
