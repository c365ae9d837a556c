"""Tailoring seen in the built files: real PDFs (read with pypdf) and DOCX (read with python-docx).

The example project is built twice, in two processes with different PYTHONHASHSEED
values, once per test session (the ``seeded_*`` fixtures); these tests only read the files.
"""

from __future__ import annotations

import re

import yaml

from ..tailoring_fixtures import (
    LETTER, PAT, RESUME, TARGETS, bullets, docx_paragraphs, docx_text, flat, in_order, outputs, pdf_text, roles,
)

STRUCTURE = {"summary", "experience", "education", "skills", "volunteering", "projects", "certificates",
             "languages", "awards", "publications", "references", "interests", "present", "page", "of",
             "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z'+#./-]*[A-Za-z+#]|[A-Za-z]", text)}


def test_every_output_is_byte_identical_across_processes_and_hash_seeds(seeded_example):
    one, two = outputs(seeded_example["1"] / "out"), outputs(seeded_example["2"] / "out")
    expected = {f"{tid}/{name}" for tid in TARGETS
                for name in (f"{RESUME}.pdf", f"{RESUME}.docx", f"{LETTER}.pdf", f"{LETTER}.docx", "report.md")}
    assert set(one) == set(two) == expected
    different = [name for name in one if one[name] != two[name]]
    assert not different


def test_the_data_and_nurse_resumes_order_highlights_for_their_jobs(seeded_out):
    data = roles(seeded_out / "brightpath-analyst" / f"{RESUME}.docx")
    nurse = roles(seeded_out / "riverside-nurse-educator" / f"{RESUME}.docx")
    assert list(data) == list(nurse)  # the same roles, in the same (chronological) order
    assert [b[0] for b in data.values()] != [b[0] for b in nurse.values()]
    assert "dbt" in data["Fernhill Health Technologies"][0]
    assert "Tableau" in data["Mercy Valley Health System"][0]
    assert re.search(r"EHR|training", nurse["Scioto Valley Medical Center"][0])
    assert sum(len(b) for b in nurse.values()) < sum(len(b) for b in data.values())  # one page


def test_the_pdf_shows_the_same_order_as_the_docx(seeded_out):
    for tid in TARGETS:
        shown = bullets(seeded_out / tid / f"{RESUME}.docx")
        assert shown
        assert in_order(pdf_text(seeded_out / tid / f"{RESUME}.pdf"), shown), tid


def test_the_summary_variant_fits_the_field(seeded_out):
    data = pdf_text(seeded_out / "brightpath-analyst" / f"{RESUME}.pdf")
    nurse = pdf_text(seeded_out / "riverside-nurse-educator" / f"{RESUME}.pdf")
    assert "Fluent in SQL, Python and dbt" in re.sub(r"\s+", " ", data)
    assert "Holds an active Ohio RN license" in re.sub(r"\s+", " ", nurse)
    assert "Fluent in SQL" not in re.sub(r"\s+", " ", nurse)


def test_excluded_work_is_in_neither_file(seeded_out):
    for path in (seeded_out / "riverside-nurse-educator" / f"{RESUME}.pdf",
                 seeded_out / "riverside-nurse-educator" / f"{RESUME}.docx"):
        text = flat(pdf_text(path) if path.suffix == ".pdf" else docx_text(path))
        assert flat("GitHub Actions CI for the analytics repository") not in text
        assert "dbt-fhir-starter" not in text


def test_no_term_the_profile_lacks_reaches_the_resume(missing_terms_build):
    for name in ("Pat-Quinn-Resume.pdf", "Pat-Quinn-Resume.docx"):
        path = missing_terms_build / "platform" / name
        text = (pdf_text(path) if path.suffix == ".pdf" else docx_text(path)).casefold()
        for term in ("kubernetes", "k8s", "terraform", "salesforce", "hubspot", "initech", "platform engineer"):
            assert term not in text, (name, term)


def test_every_sentence_of_the_resume_is_the_persons_own(missing_terms_build):
    own = yaml.safe_load(PAT)
    highlights = {h if isinstance(h, str) else h["text"] for section in ("work", "volunteer", "projects")
                  for e in own[section] for h in e["highlights"]}
    summaries = {v["text"] for v in own["basics"]["summary"]}
    path = missing_terms_build / "platform" / "Pat-Quinn-Resume.docx"
    shown = bullets(path)
    assert shown and set(shown) <= highlights
    paragraphs = [text for _, text in docx_paragraphs(path)]
    assert len([p for p in paragraphs if p in summaries]) == 1
    profile_words = _words(PAT) | STRUCTURE
    for text in (docx_text(path), pdf_text(missing_terms_build / "platform" / "Pat-Quinn-Resume.pdf")):
        assert _words(text) - profile_words == set()
