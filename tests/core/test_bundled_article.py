"""The bundled article parses into exactly the sections, titles and nesting of the source."""

from viewer.core.render import ArticleRenderer

EXPECTED_OUTLINE = """\
Ketamine for Treatment-Resistant Depression
  I. Introduction
    A. Definition of Ketamine
    B. What is Treatment-Resistant Depression?
    C. Ketamine’s Mechanism of Action
  II. Benefits of Ketamine for Treatment-Resistant Depression
    A. Rapid Onset of Antidepressant Effects
    B. High Response Rate
    C. Safety Profile
  III. How is Ketamine Administered for Treatment-Resistant Depression?
    A. Infusion Therapy
    B. Intranasal Administration
  IV. Precautions and Side Effects of Ketamine Treatment
    A. Monitoring and Safety Measures
    B. Common Side Effects
    C. Risks and Long-Term Effects
  V. Conclusion"""


def test_outline_matches_the_source_article(bundled_article):
    assert bundled_article.outline() == EXPECTED_OUTLINE


def test_title_is_the_one_h1_with_five_parts_under_it(bundled_article):
    assert bundled_article.title == "Ketamine for Treatment-Resistant Depression"
    [root] = bundled_article.roots
    assert root.level == 1
    assert [part.title.split(".")[0] for part in root.children] == ["I", "II", "III", "IV", "V"]
    assert [len(part.children) for part in root.children] == [3, 3, 2, 3, 0]
    assert all(point.level == 3 for part in root.children for point in part.children)


def test_metadata_has_the_twelve_keywords_summary_notice_and_synonyms(bundled_article):
    meta = bundled_article.metadata
    assert meta.keywords == (
        "Ketamine", "Treatment-Resistant Depression", "Antidepressant", "Rapid Onset", "Response Rate",
        "Safety Profile", "Infusion Therapy", "Intranasal Administration", "Precautions", "Side Effects",
        "Monitoring", "Risks",
    )  # fmt: skip
    assert "not medical advice" in meta.notice
    assert meta.summary
    assert ("TRD", "treatment-resistant depression") in meta.synonyms


def test_sections_keep_the_article_wording(bundled_article):
    monitoring = next(s for s in bundled_article.sections if s.title == "A. Monitoring and Safety Measures")
    assert monitoring.body.startswith("Ketamine treatment requires careful monitoring")
    risks = next(s for s in bundled_article.sections if s.title.startswith("C. Risks"))
    assert "bladder problems, cognitive impairment, and addiction" in risks.body


def test_web_page_debris_is_gone(bundled_article):
    text = "\n".join(s.body for s in bundled_article.sections)
    for debris in ("Shutterstock", "Top of Form", "Leave a Reply", "email address"):
        assert debris not in text


def test_rendered_article_has_every_anchor_and_the_notice(bundled_article):
    rendered = ArticleRenderer().render(bundled_article)
    assert rendered.anchors == tuple(section.anchor for section in bundled_article.sections)
    for section in bundled_article.sections:
        assert f"<h{section.level}>{section.title}</h{section.level}>" in rendered.html
    assert "not medical advice" in rendered.html
    assert len(set(rendered.anchors)) == len(bundled_article.sections)
