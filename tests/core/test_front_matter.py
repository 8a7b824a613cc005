"""Under the title: who wrote the article, when it was last reviewed, and a warning once its review is overdue."""

import datetime as dt

from viewer.core.article import parse_article
from viewer.core.render import ArticleRenderer, front_matter_html

ARTICLE = parse_article(
    "Title: Dosing\nSource: Example Handbook\nAuthors: A. Writer\nReviewed: 2024-01-15\nReview-due: 2025-01-15\n"
    "Summary: How much.\n\n# Dosing\n\nText.\n"
)


def test_the_byline_and_review_date_come_before_the_summary():
    shown = front_matter_html(ARTICLE, today=dt.date(2024, 6, 1))
    assert "By A. Writer · Source: Example Handbook" in shown and "Last reviewed 15 January 2024" in shown
    assert shown.index("Last reviewed") < shown.index("How much.")
    assert "due for review" not in shown


def test_an_overdue_review_is_a_visible_warning_from_the_day_after():
    assert "due for review" not in front_matter_html(ARTICLE, today=dt.date(2025, 1, 15))
    shown = front_matter_html(ARTICLE, today=dt.date(2025, 1, 16))
    assert 'class="overdue"' in shown and "due for review on 15 January 2025" in shown


def test_it_is_rendered_under_the_first_heading():
    rendered = ArticleRenderer().render(ARTICLE).html
    assert rendered.index("<h1>Dosing</h1>") < rendered.index("Last reviewed 15 January 2024") < rendered.index("Text.")


def test_article_text_in_the_byline_is_escaped():
    hostile = parse_article("Source: <img src=x onerror=alert(1)>\nAuthors: A & B\n\n# X\n")
    shown = front_matter_html(hostile)
    assert "<img" not in shown and "&lt;img" in shown and "A &amp; B" in shown


def test_an_article_without_the_keys_shows_nothing_new():
    assert front_matter_html(parse_article("Summary: Only this.\n\n# X\n")) == '<p class="summary">Only this.</p>'
