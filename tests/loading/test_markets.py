"""Market conventions: a documented table, and warnings located at the profile's line."""

from __future__ import annotations

import pytest

import resumekit
from resumekit.errors import ProfileError
from resumekit.loading.markets import known_markets, market

from ..building.test_look import png
from ..helpers import make_project, run_cli

PROFILE = """\
basics:
  name: Jane Doe
  birthDate: 1990-05-04
  image: photo.png
  health: Type 1 diabetes
  location: {city: Columbus, countryCode: US}
work:
  - name: Acme
    position: Analyst
    highlights: [Built the churn model]
"""
TARGET = "title: Analyst\ncompany: Globex\nlocation: {{countryCode: {country}}}\n{extra}"


def _project(tmp_path, country, extra=""):
    config = make_project(tmp_path, profile=PROFILE, targets={"job.yaml": TARGET.format(country=country,
                                                                                         extra=extra)})
    png(tmp_path / "photo.png")
    return config


def test_the_table_covers_the_markets_the_issue_names_with_a_reason_each():
    assert {"US", "GB", "CA", "IE", "AU", "DE", "AT", "CH", "PL"} <= set(known_markets())
    assert all(market(code).why for code in known_markets())
    assert set(market("us").advise_against) >= {"image", "birthDate", "age", "maritalStatus", "children",
                                                 "nationality", "religion", "gender", "health"}
    assert {"image", "birthDate"} <= set(market("DE").customary) and "image" not in market("DE").advise_against
    assert market("PL").expects == ("dataConsent",) and market("XX") is None


def test_a_us_target_warns_at_the_lines_of_the_date_of_birth_and_of_a_photo_it_shows(tmp_path):
    done = run_cli("validate", "-c", str(_project(tmp_path, "US", "photo: true\n")))
    assert done.returncode == 0
    assert "profile.yaml:3:3: basics.birthDate: warning: the target job is in the United States" in done.stderr
    assert "profile.yaml:4:3: basics.image: warning: the resume for the target job shows a photo" in done.stderr
    assert "profile.yaml:5:3: basics.health: warning:" in done.stderr


def test_a_photo_no_document_shows_is_no_concern_in_the_us(tmp_path):
    done = run_cli("validate", "-c", str(_project(tmp_path, "US")))
    assert done.returncode == 0 and "basics.birthDate" in done.stderr
    assert "shows a photo" not in done.stderr  # photo: true is not set, so no document carries it
    assert "basics.image: warning: is not shown: documents show a photo only where" in done.stderr


def test_a_german_target_does_not_warn_about_the_photo_or_the_date_of_birth(tmp_path):
    warnings = [str(w) for w in resumekit.build(_project(tmp_path, "DE", "photo: true\n"), formats=["docx"]).warnings]
    assert not [w for w in warnings if "basics.image" in w or "basics.birthDate" in w]
    assert [w for w in warnings if "basics.health" in w]  # health is nobody's business there either


def test_strict_turns_the_warnings_into_errors(tmp_path):
    with pytest.raises(ProfileError, match="basics.birthDate"):
        resumekit.build(_project(tmp_path, "US"), strict=True)
    assert run_cli("validate", "--strict", "-c", str(_project(tmp_path / "again", "US"))).returncode == 1


def test_what_the_target_redacts_is_no_concern(tmp_path):
    config = _project(tmp_path, "US", "redact: [photo, birthDate, personal]\n")
    warnings = [str(w) for w in resumekit.build(config, formats=["docx"]).warnings]
    assert not [w for w in warnings if "basics." in w and "United States" in w]


def test_a_polish_target_expects_a_consent_clause_and_prints_it(tmp_path):
    config = _project(tmp_path, "PL")
    assert [w for w in resumekit.build(config, formats=["docx"]).warnings if "add one as consent:" in str(w)]
    profile = (tmp_path / "profile.yaml").read_text(encoding="utf-8")
    (tmp_path / "profile.yaml").write_text(profile + "consent: Wyrażam zgodę na przetwarzanie moich danych.\n",
                                           encoding="utf-8")
    result = resumekit.build(config, formats=["docx"])
    assert not [w for w in result.warnings if "add one as consent:" in str(w)]
    import docx

    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "out" / "job" / "Jane-Doe-Resume.docx")).paragraphs)
    assert text.rstrip().endswith("Wyrażam zgodę na przetwarzanie moich danych.")


def test_a_health_condition_is_never_in_a_document_unless_written_in_a_highlight(tmp_path):
    config = _project(tmp_path, "DE")
    resumekit.build(config, formats=["docx"])
    import docx

    for path in (tmp_path / "out" / "job").glob("*.docx"):
        assert "diabetes" not in "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_a_market_the_table_lacks_is_said_at_its_line(tmp_path):
    config = _project(tmp_path, "US", "market: KE\n")
    done = run_cli("validate", "-c", str(config))
    assert "job.yaml:4:9: market: warning: resumekit has no conventions for the market KE" in done.stderr


def test_a_photo_left_out_by_redact_personal_is_no_concern_either(tmp_path):
    config = _project(tmp_path, "US", "redact: [personal]\nphoto: true\n")
    warnings = [str(w) for w in resumekit.build(config, formats=["docx"]).warnings]
    assert not [w for w in warnings if "basics.image" in w]
