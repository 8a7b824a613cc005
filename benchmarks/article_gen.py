"""Large articles shaped like the bundled one, for the filter, memory and big-file benchmarks.

An H1 title, H2 parts ("## IV. …"), H3 points ("### B. …") with two to five sentences each, and a
metadata block with keywords and synonyms like resources/articles/ketamine-trd.md. Sentences are the
bundled article's own, mixed with sentences from templates that carry numbers, doses, study authors
and a broad vocabulary, so that the index sees a realistic number of distinct words. The output is
the same for the same arguments.

    python benchmarks/article_gen.py --sections 10000 > big.md
"""

from __future__ import annotations

import argparse
import random
import re
import sys

from benchmarks.common import BUNDLED_ARTICLE

ABSENT_WORD = "zebrafish"  # never generated: the benchmark's query for a word that is not there

METADATA = """---
Title: {title}
Keywords: Ketamine, Treatment-Resistant Depression, Antidepressant, Rapid Onset, Response Rate,
    Safety Profile, Infusion Therapy, Intranasal Administration, Precautions, Side Effects,
    Monitoring, Risks, Esketamine, Dissociation, Bladder Toxicity, Suicidal Ideation
Summary: A long review generated for benchmarks, in the shape of the bundled article.
Notice: Generated text for performance measurements, not medical advice.
Synonyms: TRD = treatment-resistant depression
    IV = intravenous
    nasal spray = intranasal
    SSRI = selective serotonin reuptake inhibitor
    SNRI = serotonin-norepinephrine reuptake inhibitor
    NMDA = N-methyl-D-aspartate
    BDNF = brain-derived neurotrophic factor
    ECT = electroconvulsive therapy
---
"""

# fmt: off
PART_TOPICS = [
    "Background", "Mechanism of Action", "Clinical Evidence", "Administration", "Dosing Strategies", "Side Effects",
    "Monitoring and Safety", "Special Populations", "Long-Term Outcomes", "Comparisons with ECT", "Patient Selection",
    "Service Organisation", "Regulatory Status", "Open Questions", "Case Reports",
]
POINT_TOPICS = [
    "Rapid Onset of Effects", "Response and Remission", "Infusion Protocols", "Intranasal Esketamine", "Oral Ketamine",
    "Blood Pressure Changes", "Dissociative Symptoms", "Bladder Problems", "Cognitive Effects", "Abuse Potential",
    "Suicidal Ideation", "Adolescents", "Older Adults", "Pregnancy", "Maintenance Treatment", "Relapse Prevention",
    "Combination with Psychotherapy", "Cost and Access", "Trial Design", "Placebo Response", "Biomarkers",
    "Sleep and Circadian Rhythm", "Anxiety Disorders", "Bipolar Depression", "Chronic Pain", "Monitoring Requirements",
]
DRUGS = [
    "ketamine", "esketamine", "arketamine", "lithium", "sertraline", "venlafaxine", "bupropion", "quetiapine",
    "lamotrigine", "midazolam", "clonidine", "psilocybin", "nitrous oxide", "memantine", "lanicemine",
]
OUTCOMES = [
    "remission", "response", "relapse", "dropout", "hospitalisation", "suicidal ideation", "anhedonia", "sleep quality",
    "cognitive function", "quality of life", "blood pressure", "heart rate", "dissociation", "nausea", "dizziness",
    "headache", "bladder symptoms", "liver enzymes", "craving", "anxiety",
]
SETTINGS = [
    "an outpatient clinic", "a university hospital", "a community mental health service", "primary care",
    "an inpatient ward", "a veterans' hospital", "a private infusion centre", "a rural practice",
]
STUDIES = [
    "randomised controlled trial", "open-label study", "cohort study", "case series", "meta-analysis", "crossover trial",
    "registry analysis", "pilot study", "naturalistic study", "systematic review",
]
CONNECTIVES = ["However", "In addition", "Notably", "By contrast", "Similarly", "Importantly", "Overall", "Still"]
VERBS = ["reported", "observed", "found", "described", "measured", "documented", "noted", "confirmed"]
SYLLABLES = [
    "ka", "lo", "mi", "ren", "sto", "var", "del", "ton", "bru", "nes", "hol", "gar", "wen", "pe", "zu", "ric", "man",
    "sen", "dor", "fel", "qui", "tas", "bel", "kor", "vin", "ash", "ler", "mot", "nab", "sul",
]
# fmt: on

TEMPLATES = [
    "A {study} of {n} patients in {setting} {verb} {pct}% {outcome} after {weeks} weeks of {drug}.",
    "{Author} et al. ({year}) {verb} that {drug} at {dose} mg/kg changed {outcome} within {hours} hours.",
    "{Connective}, {outcome} was {verb} in {pct}% of participants given {drug} compared with {pct2}% on placebo.",
    "Clinicians in {setting} monitor {outcome} and {outcome2} for at least {hours} hours after each dose of {drug}.",
    "{Connective}, the {study} by {Author} and {Author2} included {n} adults with treatment-resistant depression.",
    "Doses between {dose} and {dose2} mg were given over {minutes} minutes, and {outcome} was rated on day {day}.",
    "Patients who combined {drug} with {drug2} {verb} fewer episodes of {outcome} than those on {drug2} alone.",
    "The {study} registered as NCT{nct} followed {n} participants for {weeks} weeks in {setting}.",
]


def bundled_sentences() -> list[str]:
    """Every sentence of the bundled article's section bodies."""
    from viewer.core.article import parse_article

    article = parse_article(BUNDLED_ARTICLE.read_text(encoding="utf-8"))
    return [s for section in article.sections for s in re.split(r"(?<=[.!?])\s+", section.body.strip()) if s]


def roman(number: int) -> str:
    """Roman numerals, the way the bundled article numbers its parts."""
    digits = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = ""
    for value, letters in digits:
        count, number = divmod(number, value)
        out += letters * count
    return out


class _Writer:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.bundled = bundled_sentences()

    def surname(self) -> str:
        return "".join(self.random.choice(SYLLABLES) for _ in range(self.random.randint(2, 3))).capitalize()

    def sentence(self) -> str:
        r = self.random
        if r.random() < 0.35:
            return r.choice(self.bundled)
        drug, drug2 = r.sample(DRUGS, 2)
        outcome, outcome2 = r.sample(OUTCOMES, 2)
        fields = {
            "study": r.choice(STUDIES),
            "n": r.randint(12, 2400),
            "setting": r.choice(SETTINGS),
            "verb": r.choice(VERBS),
            "pct": r.randint(5, 85),
            "pct2": r.randint(3, 60),
            "outcome": outcome,
            "outcome2": outcome2,
            "weeks": r.randint(1, 104),
            "drug": drug,
            "drug2": drug2,
            "Author": self.surname(),
            "Author2": self.surname(),
            "year": r.randint(1995, 2025),
            "dose": round(r.uniform(0.1, 1.0), 2),
            "dose2": r.randint(28, 112),
            "hours": r.randint(2, 72),
            "minutes": r.randint(20, 100),
            "day": r.randint(1, 28),
            "Connective": r.choice(CONNECTIVES),
            "nct": f"{r.randint(0, 99_999_999):08d}",
        }
        return r.choice(TEMPLATES).format(**fields)

    def paragraph(self) -> str:
        text = " ".join(self.sentence() for _ in range(self.random.randint(2, 5)))
        if self.random.random() < 0.1:
            text += "\n\n" + "\n".join(f"- {self.sentence()}" for _ in range(3))
        return text


def generate(sections: int | None = None, target_bytes: int | None = None, seed: int = 2024) -> str:
    """An article of *sections* sections (title and parts included), or of at least *target_bytes* bytes."""
    if (sections is None) == (target_bytes is None):
        raise ValueError("give sections or target_bytes")
    writer = _Writer(seed)
    title = "Ketamine for Treatment-Resistant Depression: A Long Review"
    chunks = [METADATA.format(title=title), f"# {title}\n", writer.paragraph() + "\n"]
    count, size, part, point = 1, sum(len(c.encode()) for c in chunks), 0, 0
    while (count < sections) if sections is not None else (size < target_bytes):
        if part == 0 or writer.random.random() < 0.11 or point >= 26:
            part += 1
            point = 0
            chunk = f"## {roman(part)}. {writer.random.choice(PART_TOPICS)}\n"
        else:
            chunk = f"### {chr(ord('A') + point)}. {writer.random.choice(POINT_TOPICS)}\n\n{writer.paragraph()}\n"
            point += 1
        chunks.append(chunk)
        count += 1
        size += len(chunk.encode()) + 1
    return "\n".join(chunks)


def _html_section(writer: _Writer, number: int) -> str:
    """One part of a documentation page: a heading, prose with inline tags, and HTML blocks of the usual kinds."""
    r = writer.random
    sentence = writer.sentence

    def prose() -> str:
        words = sentence().split(" ")
        for _ in range(r.randint(1, 4)):  # inline tags inside the prose: bold, code, links, superscripts
            at = r.randrange(len(words))
            tag = r.choice(["b", "code", "em", "sup", "kbd"])
            words[at] = f"<{tag}>{words[at]}</{tag}>"
        if r.random() < 0.4:
            words.append(f'(see <a href="#part-{r.randint(1, 400)}">part {r.randint(1, 400)}</a>)')
        return " ".join(words)

    chunks = [f"{'#' * r.choice([2, 2, 3, 3, 4])} {number}. {r.choice(POINT_TOPICS)}", prose() + " " + prose()]
    kind = r.random()
    if kind < 0.25:  # a table, one tag per cell
        rows = "\n".join(
            "<tr>" + "".join(f"<td>{r.choice(DRUGS)}</td><td>{r.randint(1, 99)} mg</td>" for _ in range(2)) + "</tr>"
            for _ in range(r.randint(3, 8))
        )
        chunks.append(f'<table class="doses">\n<thead><tr><th>Drug</th><th>Dose</th></tr></thead>\n{rows}\n</table>')
    elif kind < 0.45:  # a note whose HTML block spans blank lines, with a "#" line inside that is not a heading
        chunks.append(f'<div class="note">\n<p>{prose()}</p>\n\n# not a heading: inside the note\n\n<p>{prose()}</p>\n</div>')
    elif kind < 0.6:  # collapsed Markdown (details holds Markdown, GitHub style)
        chunks.append(f"<details>\n<summary>{r.choice(OUTCOMES)}</summary>\n\n{prose()}\n\n</details>")
    elif kind < 0.75:  # code with HTML and "#" lines in it
        chunks.append(f'```html\n<!-- {r.choice(OUTCOMES)} -->\n<div id="x{number}">\n# comment, not a heading\n</div>\n```')
    elif kind < 0.85:  # a comment block
        chunks.append(f"<!--\nEditor's note: {sentence()}\n\n## not a heading either\n-->")
    else:  # an image in a figure
        image = f'<img src="figure-{number}.png" alt="{r.choice(OUTCOMES)}">'
        chunks.append(f"<figure>\n{image}\n<figcaption>{prose()}</figcaption>\n</figure>")
    if r.random() < 0.5:
        chunks.append(prose())
    return "\n\n".join(chunks) + "\n"


def generate_html(target_bytes: int, seed: int = 2024) -> str:
    """Documentation heavy in HTML, of at least *target_bytes* bytes: headings between prose with inline tags,
    tables, notes whose HTML spans blank lines (with "#" lines inside), details, comments, figures and code."""
    writer = _Writer(seed)
    chunks = ["# Generated documentation with HTML\n", writer.paragraph() + "\n"]
    size, number = sum(len(c.encode()) for c in chunks), 0
    while size < target_bytes:
        number += 1
        chunk = _html_section(writer, number)
        chunks.append(chunk)
        size += len(chunk.encode()) + 1
    return "\n".join(chunks)


def main(argv: list[str] | None = None) -> int:
    """Write a generated article to stdout."""
    parser = argparse.ArgumentParser(description="Generate a large article shaped like the bundled one.")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--sections", type=int, help="number of sections (headings), title and parts included")
    group.add_argument("--bytes", type=int, help="at least this many bytes of Markdown")
    parser.add_argument("--html", action="store_true", help="documentation heavy in HTML (with --bytes)")
    parser.add_argument("--seed", type=int, default=2024)
    options = parser.parse_args(argv)
    if options.html:
        if options.bytes is None:
            parser.error("--html needs --bytes")
        sys.stdout.write(generate_html(options.bytes, options.seed))
    else:
        sys.stdout.write(generate(options.sections, options.bytes, options.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
