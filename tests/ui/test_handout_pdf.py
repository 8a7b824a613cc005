"""Handouts on paper: the PDF a clinician hands over holds what they chose, laid out page by page with footers."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from PySide6.QtCore import QBuffer
from PySide6.QtGui import QColor, QImage, QPalette, QPdfWriter
from PySide6.QtWidgets import QApplication

from tests.pdf_text import pdf_info, pdf_page_images, pdf_text
from viewer.core.article import parse_article
from viewer.core.handout import make_handout
from viewer.core.loader import load_article
from viewer.core.provenance import format_date
from viewer.ui.handout import PagedHandout, export_pdf, page_layout

SIDE_EFFECTS = "b-common-side-effects"


def export(tmp_path, article, anchors=(), paper="a4", name="handout.pdf"):
    destination = tmp_path / name
    pages = export_pdf(make_handout(article, anchors), destination, paper)
    return destination, pages


def test_the_whole_article_holds_title_notice_summary_every_section_and_a_footer_on_every_page(qapp, tmp_path, bundled_article):
    pdf, pages = export(tmp_path, bundled_article)
    assert pdf.read_bytes().startswith(b"%PDF-") and int(pdf_info(pdf)["Pages"]) == pages > 1
    text = " ".join(pdf_text(pdf).split())
    meta = bundled_article.metadata
    for expected in (bundled_article.title, "Please note", " ".join(meta.notice.split()), " ".join(meta.summary.split())):
        assert expected in text
    for section in bundled_article.sections:
        assert section.title in text
    printed = f"Printed {format_date(dt.date.today())}"
    for page in range(1, pages + 1):
        page_text = pdf_text(pdf, page)
        assert f"Page {page} of {pages}" in page_text and printed in page_text


def test_one_section_is_one_page_with_exactly_that_section(qapp, tmp_path, bundled_article):
    pdf, pages = export(tmp_path, bundled_article, [SIDE_EFFECTS])
    assert pages == 1 == int(pdf_info(pdf)["Pages"])
    text = " ".join(pdf_text(pdf).split())
    chosen = bundled_article.find(SIDE_EFFECTS)
    assert chosen.title in text and " ".join(chosen.body.split()) in text
    assert bundled_article.title in text and "Please note" in text and "Page 1 of 1" in text
    others = [s for s in bundled_article.sections if s is not chosen and s.title != bundled_article.title]
    assert [s.title for s in others if s.title in text] == ["IV. Precautions and Side Effects of Ketamine Treatment"]
    assert "Part of “IV. Precautions and Side Effects of Ketamine Treatment”" in text  # named as context only


@pytest.mark.parametrize(("paper", "size"), [("a4", "595 x 842 pts (A4)"), ("letter", "612 x 792 pts (letter)")])
def test_a4_and_us_letter(qapp, tmp_path, bundled_article, paper, size):
    pdf, _ = export(tmp_path, bundled_article, paper=paper)
    assert pdf_info(pdf)["Page size"] == size


def test_review_dates_and_links_are_printed(qapp, tmp_path, write_article):
    path = write_article(
        "Title: Dosing\nReviewed: 2024-01-15\nReview-due: 2025-01-15\n\n# Dosing\n\n"
        "Read [the leaflet](https://example.org/leaflet) or write to <mailto:help@example.org>.\n"
    )
    pdf, _ = export(tmp_path, load_article(path))
    text = " ".join(pdf_text(pdf).split())
    assert "Last reviewed 15 January 2024" in text
    assert "due for review on 15 January 2025" in text  # long past: the handout says so
    assert "the leaflet (https://example.org/leaflet)" in text and "help@example.org" in text


def test_black_on_white_even_under_a_dark_theme(qapp, tmp_path, bundled_article):
    dark = QPalette(QColor("#202020"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#101010"))
    original = QApplication.palette()
    QApplication.setPalette(dark)
    try:
        pdf, _ = export(tmp_path, bundled_article)
    finally:
        QApplication.setPalette(original)
    for png in pdf_page_images(pdf, tmp_path):
        image = QImage(str(png))
        colours = [image.pixelColor(x, y) for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)]
        assert sum(c.lightness() > 240 for c in colours) > 0.8 * len(colours)  # white paper
        assert any(c.lightness() < 60 for c in colours)  # black text on it
        assert all(c.hsvSaturation() < 40 for c in colours)  # and nothing in colour


def long_article(sections: int) -> str:
    """Parts of 23 different lengths: some of their headings come to the foot of a page (9 in 200 on A4)."""
    words = "Words to fill a page with text that wraps over several lines of the handout. " * 9
    return "# Long\n\n" + "".join(f"## Part {n}\n\n{words[: 37 * (n % 23 + 1)]}\n\n" for n in range(sections))


def test_a_heading_never_stands_alone_at_the_foot_of_a_page(qapp):
    handout = make_handout(parse_article(long_article(200)))
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setPageLayout(page_layout("a4"))
    paged = PagedHandout(handout, writer)
    document, layout = paged.document, paged.document.documentLayout()
    page_height = document.pageSize().height()
    headings = 0
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0 and block.text().startswith("Part "):
            follower = block.next()
            follower_line = follower.layout().lineAt(0)
            heading_page = int(layout.blockBoundingRect(block).top() // page_height)
            text_page = int((layout.blockBoundingRect(follower).top() + follower_line.y()) // page_height)
            assert heading_page == text_page, block.text()
            headings += 1
        block = block.next()
    assert headings == 200 and paged.page_count > 30


def test_a_wide_picture_is_shrunk_to_the_page_keeping_its_shape(qapp, tmp_path, write_article):
    picture = QImage(3000, 300, QImage.Format.Format_RGB32)
    picture.fill(QColor("black"))
    picture.save(str(tmp_path / "wide.png"))
    handout = make_handout(load_article(write_article("# Pictures\n\n![wide](wide.png)\n")))
    pdf = tmp_path / "out.pdf"
    export_pdf(handout, pdf, "a4")
    [png] = pdf_page_images(pdf, tmp_path, dpi=25)
    image = QImage(str(png))
    dark_rows = [y for y in range(image.height()) if image.pixelColor(image.width() // 2, y).lightness() < 60]
    dark_columns = [x for x in range(image.width()) if image.pixelColor(x, dark_rows[len(dark_rows) // 2]).lightness() < 60]
    width, height = len(dark_columns), len(dark_rows)
    assert width < image.width() * 0.85  # inside the margins
    assert width / height == pytest.approx(10, rel=0.15)  # 3000 x 300, not squashed


def test_the_pdf_is_titled_after_the_article(qapp, tmp_path, bundled_article):
    pdf, _ = export(tmp_path, bundled_article)
    assert pdf_info(pdf)["Title"] == bundled_article.title


def test_page_numbers_count_up(qapp, tmp_path):
    pdf, pages = export(tmp_path, parse_article(long_article(30)))
    numbers = [int(m[1]) for page in range(1, pages + 1) for m in re.finditer(r"Page (\d+) of", pdf_text(pdf, page))]
    assert numbers == list(range(1, pages + 1))
