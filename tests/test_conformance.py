"""JSON Resume conformance: its own test fixtures, its sample resume and its sample job.

The fixtures in tests/conformance/jsonresume/ come from the JSON Resume project (MIT,
see LICENSE.md there): every ``...Valid*`` case must load, every ``...Invalid`` case must be
refused with a :class:`ProfileError`.
"""

from __future__ import annotations

import json
import shutil

import pytest

import resumekit
from resumekit import ProfileError, load_profile, load_target

from .helpers import CONFORMANCE, LETTER_DATE, Built, missing_in_order

FIXTURES = CONFORMANCE / "fixtures"


def _cases() -> list:
    cases = []
    for file in sorted(FIXTURES.glob("*.json")):
        if file.name == "dates.json":
            continue  # date strings, not profiles: see test_json_resume_date_strings
        for name, document in json.loads(file.read_text(encoding="utf-8")).items():
            valid = not name.lower().endswith("invalid")
            cases.append(pytest.param(document, valid, id=f"{file.stem}-{name}"))
    return cases


CASES = _cases()


def test_all_214_profile_cases_are_present():
    assert len(CASES) == 214


@pytest.mark.parametrize("document, valid", CASES)
def test_json_resume_fixture(document, valid):
    if valid:
        load_profile(document)
    else:
        with pytest.raises(ProfileError):
            load_profile(document)


DATES = json.loads((FIXTURES / "dates.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(DATES))
def test_json_resume_date_strings(name):
    value = DATES[name]
    profile = {"work": [{"startDate": value}]}
    if name == "invalid":
        with pytest.raises(ProfileError):
            load_profile(profile)
    else:
        assert load_profile(profile).work[0].startDate == value


def test_the_sample_resume_loads_with_every_entry():
    data = json.loads((CONFORMANCE / "sample.resume.json").read_text(encoding="utf-8"))
    profile = load_profile(CONFORMANCE / "sample.resume.json", strict=True)
    assert profile.basics.name == "Richard Hendriks"
    from resumekit.models.profile import SECTIONS

    for section in SECTIONS:
        assert len(getattr(profile, section)) == len(data.get(section, [])), section


def test_the_sample_job_loads_as_a_target():
    target = load_target(CONFORMANCE / "sample.job.json", strict=True)
    assert (target.title, target.company, target.date) == ("Web Developer", "Microsoft", "2024-07")
    assert target.location and target.location.city == "Berlin"
    assert [s.name for s in target.skills] == ["Web Development", "Database Management"]


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory) -> Built:
    """JSON Resume's sample resume, as it is, built with its sample job as the one target."""
    root = tmp_path_factory.mktemp("sample")
    shutil.copy(CONFORMANCE / "sample.resume.json", root)
    shutil.copy(CONFORMANCE / "sample.job.json", root)
    (root / "resumekit.yaml").write_text(
        f"profile: sample.resume.json\ntargets: sample.job.json\ndate: {LETTER_DATE}\n")
    return Built(root, resumekit.build(root / "resumekit.yaml", targets=["general", "sample.job"]))


def test_the_sample_resume_builds_every_document(sample_build):
    assert sample_build.result.failures == []
    documents = [o for o in sample_build.result.outputs if o.document in ("resume", "letter")]
    general = sorted(str(o.path.relative_to(sample_build.out)) for o in documents if o.target == "general")
    assert general == ["general/Richard-Hendriks-Cover-Letter.docx", "general/Richard-Hendriks-Cover-Letter.pdf",
                       "general/Richard-Hendriks-Resume.docx", "general/Richard-Hendriks-Resume.pdf"]
    assert len(documents) == 8
    assert all(o.path.stat().st_size > 0 for o in documents)


def test_the_sample_resume_pdf_shows_its_work_in_order(sample_build):
    from pypdf import PdfReader

    data = json.loads((CONFORMANCE / "sample.resume.json").read_text(encoding="utf-8"))
    reader = PdfReader(sample_build.out / "general" / "Richard-Hendriks-Resume.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages)
    work = data["work"][0]
    assert missing_in_order(text, [data["basics"]["name"], work["name"], work["position"], *work["highlights"]]) == []


def test_the_sample_job_letter_addresses_its_company(sample_build):
    from docx import Document

    [letter] = [o.path for o in sample_build.result.outputs
                if o.target != "general" and o.document == "letter" and o.format == "docx"]
    text = "\n".join(p.text for p in Document(str(letter)).paragraphs)
    assert "Web Developer" in text and "Microsoft" in text


def test_the_sample_job_builds_into_a_folder_named_by_its_id(sample_build):
    assert (sample_build.out / "sample.job" / "Richard-Hendriks-Resume.pdf").is_file()
