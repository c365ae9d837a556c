"""One profile, documents in the target's language, on the paper of the job's country; the
bundled bilingual example; translation files as the build reads them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

import resumekit
from resumekit.building.language import paper_for
from resumekit.models import Profile, Target

from ..build_fixtures import example_copy
from ..helpers import make_project, needs_script_fonts, run_cli

PROFILE = """\
basics:
  name: Jane Doe
  label: Data Analyst
  location: {city: Columbus, countryCode: US}
work:
  - name: Acme Health
    position: Data Analyst
    startDate: 2022-04
    highlights: [Built the churn model in SQL and Python]
education:
  - institution: Ohio State University
    studyType: Bachelor
    area: Statistics
    startDate: 2015-09
    endDate: 2019-06
"""
JOB = "title: Data Analyst\ncompany: Globex\nlocation: {{city: {city}, countryCode: {country}}}\nlanguage: {lang}\n" \
      "qualifications: [SQL and Python]\n"
EXPECTED = {
    # language: (country, headings, range, letter phrases, paper)
    "de": ("DE", ["Berufserfahrung", "Ausbildung"], "Apr. 2022 – heute", ["Sehr geehrte Damen und Herren",
                                                                        "Mit freundlichen Grüßen"], "a4"),
    "fr": ("FR", ["Expérience professionnelle", "Formation"], "avr. 2022 – aujourd’hui", ["Madame, Monsieur"], "a4"),
    "ja": ("JP", ["職務経歴", "学歴"], "2022年4月 – 現在", ["敬具"], "a4"),
    "ar": ("US", ["الخبرة العملية", "التعليم"], "2022", ["وتفضلوا بقبول فائق الاحترام والتقدير"], "letter"),
}
PAGE_SIZES = {"a4": (595, 842), "letter": (612, 792)}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("languages")
    targets = {f"{lang}.yaml": JOB.format(city="City", country=country, lang=lang)
               for lang, (country, *_) in EXPECTED.items()}
    config = make_project(root, profile=PROFILE, targets=targets)
    result = resumekit.build(config)
    assert result.ok, result.failures
    return root / "out"


def _pdf(path: Path) -> tuple[str, str, tuple[int, int]]:
    reader = PdfReader(path)
    box = reader.pages[0].mediabox
    return ("\n".join(p.extract_text() for p in reader.pages), str(reader.trailer["/Root"]["/Lang"]),
            (round(float(box.width)), round(float(box.height))))


def _docx_language(path: Path) -> str:
    styles = zipfile.ZipFile(path).read("word/styles.xml").decode()
    match = re.search(r'<w:rPrDefault>.*?<w:lang w:val="([^"]+)"', styles, re.S)
    assert match
    return match.group(1)


@needs_script_fonts  # Japanese, Arabic and Korean documents
@pytest.mark.parametrize("lang", EXPECTED)
def test_the_resume_is_in_the_targets_language_on_its_countrys_paper(built, lang):
    _, headings, dates, _, paper = EXPECTED[lang]
    text, tag, size = _pdf(built / lang / "Jane-Doe-Resume.pdf")
    assert [h for h in headings if h not in text] == []
    assert dates.replace("’", "'") in text.replace("’", "'")
    assert (tag, size) == (lang, PAGE_SIZES[paper])
    document = docx.Document(str(built / lang / "Jane-Doe-Resume.docx"))
    words = "\n".join(p.text for p in document.paragraphs)
    assert [h for h in headings if h not in words] == []
    assert _docx_language(built / lang / "Jane-Doe-Resume.docx") == lang
    assert (document.sections[0].page_width.mm, document.sections[0].page_height.mm) == pytest.approx(
        {"a4": (210, 297), "letter": (215.9, 279.4)}[paper], abs=0.2)


@needs_script_fonts  # Japanese, Arabic and Korean documents
@pytest.mark.parametrize("lang", EXPECTED)
def test_the_letter_uses_the_languages_phrases_and_dates(built, lang):
    *_, phrases, _ = EXPECTED[lang]
    text, tag, _ = _pdf(built / lang / "Jane-Doe-Cover-Letter.pdf")
    squashed = re.sub(r"\s+", " ", text)
    assert [p for p in phrases if p not in squashed] == [], lang
    assert "Dear" not in text and "Sincerely" not in text and tag == lang
    assert "2026" in text and "January" not in text  # the letter's date, in the language


@needs_script_fonts  # Japanese, Arabic and Korean documents
def test_an_arabic_document_runs_right_to_left_in_both_formats(built):
    document = docx.Document(str(built / "ar" / "Jane-Doe-Resume.docx"))
    heading = next(p for p in document.paragraphs if "الخبرة العملية" in p.text)
    assert heading._p.pPr.find(docx.oxml.ns.qn("w:bidi")) is not None
    english = next(p for p in document.paragraphs if "churn model" in p.text)
    assert english._p.pPr is None or english._p.pPr.find(docx.oxml.ns.qn("w:bidi")) is None
    arabic_runs = [r for p in document.paragraphs for r in p.runs if "الخبرة" in r.text]
    assert arabic_runs and all(r._r.rPr.find(docx.oxml.ns.qn("w:rtl")) is not None for r in arabic_runs)


def test_a_us_target_gets_letter_paper_and_a_german_one_a4():
    profile = Profile.model_validate({"basics": {"location": {"countryCode": "DE"}}})
    us, de = Target(location={"countryCode": "US"}), Target(location={"countryCode": "DE"})
    assert [paper_for(None, profile, t, "en") for t in (us, de, None)] == ["letter", "a4", "a4"]
    assert paper_for("letter", profile, de, "de") == "letter"  # page: in the target or config wins
    nowhere = Profile()
    assert [paper_for(None, nowhere, None, tag) for tag in ("en", "en-GB", "de", "en-CA")] == [
        "letter", "a4", "a4", "letter"]


def test_the_bilingual_example_builds_english_and_german_from_one_profile(tmp_path):
    config = example_copy(tmp_path / "p")
    result = resumekit.build(config, targets=["acme-lead", "berlin-gesundheitsdaten"], formats=["pdf"])
    assert result.ok
    english = _pdf(config.parent / "out" / "acme-lead" / "Maya-Okafor-Resume.pdf")
    german = _pdf(config.parent / "out" / "berlin-gesundheitsdaten" / "Maya-Okafor-Resume.pdf")
    letter = _pdf(config.parent / "out" / "berlin-gesundheitsdaten" / "Maya-Okafor-Cover-Letter.pdf")
    assert "Experience" in english[0] and english[1:] == ("en", PAGE_SIZES["letter"])
    assert "Berufserfahrung" in german[0] and german[1:] == ("de", PAGE_SIZES["a4"])
    assert "Datenanalystin" in german[0] and "Data Analyst\n" not in german[0]  # the translated label
    assert "Mit freundlichen Grüßen" in letter[0]
    assert any("profile.de.yaml translates" in note for note in result.notes)


def test_a_translation_of_a_highlight_that_is_not_there_is_a_located_error(tmp_path):
    config = example_copy(tmp_path / "p", targets="targets/berlin-gesundheitsdaten.yaml")
    translation = config.parent / "profile.de.yaml"
    text = translation.read_text(encoding="utf-8")
    translation.write_text(text.replace("  Fernhill Health Technologies:", "  Fernhill Health Technologie:", 1),
                           encoding="utf-8")
    line = next(i for i, row in enumerate(translation.read_text(encoding="utf-8").splitlines(), 1)
                if row.startswith("  Fernhill Health Technologie:"))
    done = run_cli("build", "-c", str(config))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"profile.de.yaml:{line}:3: work.Fernhill Health Technologie:" in done.stderr
    assert "did you mean 'Fernhill Health Technologies'?" in done.stderr


def test_an_edited_translation_rebuilds_the_german_documents(tmp_path):
    config = example_copy(tmp_path / "p", targets="targets/")
    resumekit.build(config, formats=["pdf"])
    translation = config.parent / "profile.de.yaml"
    translation.write_text(translation.read_text(encoding="utf-8").replace(
        "label: Datenanalystin", "label: Analystin für Gesundheitsdaten", 1), encoding="utf-8")
    again = resumekit.build(config, formats=["pdf"])
    rebuilt = {o.target for o in again.built}
    assert "berlin-gesundheitsdaten" in rebuilt
    assert "Analystin für Gesundheitsdaten" in _pdf(
        config.parent / "out" / "berlin-gesundheitsdaten" / "Maya-Okafor-Resume.pdf")[0]


@needs_script_fonts  # Japanese, Arabic and Korean documents
def test_a_language_without_phrases_says_so_and_keeps_its_own_dates(tmp_path):
    config = make_project(tmp_path, profile=PROFILE, formats=["pdf"], documents=["resume"], language="ko")
    result = resumekit.build(config)
    assert [w for w in result.warnings if "no phrases for the language 'ko'" in w and "locales/ko.yaml" in w]
    text, tag, _ = _pdf(tmp_path / "out" / "general" / "Jane-Doe-Resume.pdf")
    assert "Experience" in text and "2022년 4월" in text and tag == "ko"


def test_validate_checks_the_translation_and_phrase_files(tmp_path):
    config = example_copy(tmp_path / "p", targets="targets/berlin-gesundheitsdaten.yaml")
    root = config.parent
    assert run_cli("validate", "-c", str(config)).returncode == 0
    (root / "locales").mkdir()
    (root / "locales" / "de.yaml").write_text("sections:\n  wrok: Werdegang\nletter:\n  subject: 'Bewerbung als {rolle}'\n",
                                              encoding="utf-8")
    translation = root / "profile.de.yaml"
    translation.write_text(translation.read_text(encoding="utf-8").replace(
        "  Fernhill Health Technologies:", "  Fernhill Health Technologie:", 1), encoding="utf-8")
    done = run_cli("validate", "-c", str(config))
    assert done.returncode == 1 and "ok:" not in done.stdout
    assert "did you mean 'Fernhill Health Technologies'?" in done.stderr
    assert "locales/de.yaml:2:3: sections.wrok: warning:" in done.stderr and "did you mean 'sections.work'" in done.stderr
    assert "locales/de.yaml:4:3: letter.subject: the phrase names rolle" in done.stderr and "it fills role" in done.stderr


def test_the_letter_says_its_own_greeting_where_the_profiles_is_in_another_language(tmp_path):
    profile = PROFILE + "letter:\n  greeting: Dear Hiring Manager,\n  closing: Thank you for your time.\n"
    job = JOB.format(city="München", country="DE", lang="de")
    config = make_project(tmp_path, profile=profile, targets={"de.yaml": job}, formats=["docx"])
    resumekit.build(config)
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "out" / "de" / "Jane-Doe-Cover-Letter.docx")).paragraphs)
    assert "Sehr geehrte Damen und Herren," in text and "Dear" not in text and "Thank you" not in text
    assert "München, Deutschland" in text  # the country named in the letter's language


def test_a_blind_rebuild_leaves_no_named_copy_beside_it(tmp_path):
    job = "title: Analyst\ncompany: Globex\n"
    config = make_project(tmp_path, profile=PROFILE, targets={"blind.yaml": job}, formats=["pdf"])
    resumekit.build(config)
    assert (tmp_path / "out" / "blind" / "Jane-Doe-Resume.pdf").is_file()
    (tmp_path / "targets" / "blind.yaml").write_text(job + "redact: [name]\n", encoding="utf-8")
    resumekit.build(config)
    assert sorted(p.name for p in (tmp_path / "out" / "blind").glob("*.pdf")) == ["Cover-Letter.pdf", "Resume.pdf"]
    text, _, _ = _pdf(tmp_path / "out" / "blind" / "Resume.pdf")
    assert "Jane" not in text and "– Page" not in text and "Page 1 of 1" in text


def test_a_file_of_the_users_with_the_old_name_is_never_removed(tmp_path):
    job = "title: Analyst\ncompany: Globex\n"
    config = make_project(tmp_path, profile=PROFILE, targets={"blind.yaml": job}, formats=["pdf"])
    resumekit.build(config)
    mine = tmp_path / "out" / "blind" / "Jane-Doe-Resume.pdf"
    mine.write_bytes(b"%PDF-1.7 edited by hand")
    (tmp_path / "targets" / "blind.yaml").write_text(job + "redact: [name]\n", encoding="utf-8")
    resumekit.build(config)
    assert mine.read_bytes() == b"%PDF-1.7 edited by hand"


def test_validate_says_a_group_or_a_list_of_phrases_was_written_as_one(tmp_path):
    config = make_project(tmp_path, profile=PROFILE)
    (tmp_path / "locales").mkdir()
    (tmp_path / "locales" / "de.yaml").write_text("sections: Werdegang\nletter:\n  leadIns: Nur einer\n",
                                                  encoding="utf-8")
    done = run_cli("validate", "-c", str(config))
    assert done.returncode == 1
    assert "de.yaml:1:1: sections: this is a group of phrases" in done.stderr
    assert "de.yaml:3:3: letter.leadIns: this should be a list of phrases" in done.stderr


def test_a_translation_file_that_leads_out_of_the_project_is_refused(tmp_path):
    secret = tmp_path / "elsewhere.yaml"
    secret.write_text("basics: {label: Geheim}\n", encoding="utf-8")
    job = JOB.format(city="Berlin", country="DE", lang="de")
    config = make_project(tmp_path / "p", profile=PROFILE, targets={"de.yaml": job}, formats=["docx"])
    (tmp_path / "p" / "profile.de.yaml").symlink_to(secret)
    result = resumekit.build(config)
    assert [f.target for f in result.failures] == ["de"]
    assert "outside" in str(result.failures[0].error)
    assert not list((tmp_path / "p" / "out" / "de").glob("*.docx"))
