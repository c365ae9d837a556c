"""LinkedIn's data export -> a profile: each table where JSON Resume keeps it, and what has
no place listed, never dropped without a word."""

from __future__ import annotations

import pytest

from resumekit.errors import ProfileError
from resumekit.importing.linkedin import FILES, import_linkedin
from resumekit.importing.writing import checked
from resumekit.loading import read_profile

from ..importing_fixtures import LINKEDIN, linkedin_zip


@pytest.fixture
def imported(tmp_path):
    return checked(import_linkedin(linkedin_zip(tmp_path / "export.zip")))


def test_the_profile_table_gives_the_basics(imported):
    basics = imported.data["basics"]
    assert basics["name"] == "Priya Raman"
    assert basics["label"] == "Supply Chain Analyst | Demand Planning"
    assert basics["summary"].startswith("Analyst who turns order data") and "\n\nSeven years" in basics["summary"]
    assert basics["location"] == {"city": "Leeds", "region": "England", "countryCode": "GB"}
    assert basics["email"] == "priya.raman@example.com"  # the primary one, not the first
    assert basics["phone"] == "+44 7700 900123"
    assert basics["url"] == "https://priya.example.com"
    assert {"network": "Blog", "url": "https://notes.priya.example.com"} in basics["profiles"]
    assert {"network": "X", "username": "priyaraman", "url": "https://x.com/priyaraman"} in basics["profiles"]


def test_positions_become_work_with_dates_and_bulleted_highlights(imported):
    first, second, third = imported.data["work"]
    assert first == {
        "name": "Northwind Freight", "position": "Senior Supply Chain Analyst", "location": "Leeds, United Kingdom",
        "startDate": "2021-03", "summary": "Own the weekly demand forecast for 4,000 SKUs.",
        "highlights": ["Cut forecast error from 31% to 18% with a seasonal model in Python",
                       "Built the stock-out dashboard the buying team opens every morning",
                       "Trained six planners to read the forecast's intervals"]}
    assert (second["startDate"], second["endDate"]) == ("2018-08", "2021-02")
    assert second["summary"] == "Replenishment analysis for 120 stores, in SQL and Excel."
    assert (third["startDate"], third["endDate"]) == ("2017", "2018") and "summary" not in third


def test_every_other_table_has_its_section(imported):
    data = imported.data
    assert data["education"] == [{"institution": "University of Leeds",
                                   "studyType": "BSc Logistics and Supply Chain Management",
                                   "startDate": "2013", "endDate": "2017"}]
    assert data["skills"] == [{"name": "Skills", "keywords": ["Demand Planning", "Python", "SQL", "Forecasting"]}]
    assert data["certificates"][0] == {"name": "APICS Certified Supply Chain Professional (CSCP)", "issuer": "ASCM",
                                       "date": "2022-06", "url": "https://www.credly.com/badges/cscp-example"}
    assert data["languages"] == [{"language": "English", "fluency": "Native or bilingual proficiency"},
                                 {"language": "Tamil", "fluency": "Full professional proficiency"}]
    assert data["projects"][0]["name"] == "Open freight-lane dataset"
    assert data["projects"][0]["description"].startswith("Cleaned and published")
    assert data["volunteer"][0] == {"organization": "Leeds Food Bank", "position": "Logistics Volunteer",
                                    "startDate": "2020-01",
                                    "summary": "Plan the Saturday collection rounds for 14 drivers."}
    assert data["awards"][0] == {"title": "Analyst of the Year", "date": "2023-12",
                                 "summary": "Northwind Freight's award for 2023"}
    assert data["publications"][0]["releaseDate"] == "2022-11"
    assert list(data) == ["basics", "work", "volunteer", "education", "awards", "certificates", "publications",
                          "skills", "languages", "projects"]  # JSON Resume's order


def test_what_has_no_place_is_listed_with_its_table_and_line(imported):
    listed = "\n".join(imported.unmapped)
    for expected in ("Profile.csv:2: Address '12 Elm Row, Leeds'", "Profile.csv:2: Birth Date",
                     "Education.csv:2: Notes 'Dissertation on bullwhip", "Education.csv:2: Activities",
                     "Certifications.csv:2: License Number 'CSCP-0042'", "Volunteering.csv:2: Cause",
                     "Email Addresses.csv:2: another email address, 'p.raman@oldmail.example'",
                     "2 other files of the export"):
        assert expected in listed
    assert "Tom Reed" not in listed and "Hello" not in listed  # connections and messages are never read


def test_what_is_listed_names_the_export_without_the_folder_it_is_in(tmp_path, imported):
    assert imported.unmapped and not any(str(tmp_path) in item for item in imported.unmapped)
    assert all(item.startswith(("export.zip/", "export.zip:")) for item in imported.unmapped)


def test_the_profile_validates_without_a_warning(tmp_path, imported):
    loaded = read_profile(imported.data)
    assert loaded.warnings == []
    assert loaded.model.work[0].name == "Northwind Freight"


def test_an_export_with_only_positions_imports_what_it_has(tmp_path):
    result = import_linkedin(linkedin_zip(tmp_path / "e.zip", {"Positions.csv": LINKEDIN["Positions.csv"]}))
    assert list(result.data) == ["work"] and len(result.data["work"]) == 3


def test_an_archive_with_none_of_the_tables_is_refused(tmp_path):
    path = linkedin_zip(tmp_path / "photos.zip", {"messages.csv": LINKEDIN["messages.csv"], "cat.jpg": b"\xff\xd8"})
    with pytest.raises(ProfileError, match="none of the tables of LinkedIn's data export") as caught:
        import_linkedin(path)
    assert caught.value.problems[0].file == str(path)


def test_a_table_named_otherwise_is_read_as_linkedins(tmp_path):
    files = {"EMAIL_ADDRESSES.CSV": LINKEDIN["Email Addresses.csv"], "Skills.csv": "Name\nSQL\n"}
    result = import_linkedin(linkedin_zip(tmp_path / "e.zip", files))
    assert result.data["basics"] == {"email": "priya.raman@example.com"}
    assert not any("column" in item for item in result.unmapped)  # Confirmed, Primary... are LinkedIn's own


def test_missing_columns_leave_their_fields_out_and_an_unknown_one_is_named(tmp_path):
    files = {"Positions.csv": "Title,Company Name,Team\nAnalyst,Globex,Data\n,,\n"}
    result = import_linkedin(linkedin_zip(tmp_path / "e.zip", files))
    assert result.data["work"] == [{"name": "Globex", "position": "Analyst"}]
    assert any("column 'Team' is not one resumekit knows" in item for item in result.unmapped)


def test_a_date_that_is_not_one_is_listed_and_left_out(tmp_path):
    files = {"Positions.csv": "Company Name,Title,Started On,Finished On\nGlobex,Analyst,Spring 2020,Dec 2021\n"}
    result = import_linkedin(linkedin_zip(tmp_path / "e.zip", files))
    assert result.data["work"] == [{"name": "Globex", "position": "Analyst", "endDate": "2021-12"}]
    assert any("Positions.csv:2: Started On 'Spring 2020' is not a date" in item for item in result.unmapped)


def test_an_end_before_the_start_is_left_out_and_listed(tmp_path):
    files = {"Positions.csv": "Company Name,Title,Started On,Finished On\nGlobex,Analyst,Mar 2022,Jan 2020\n"}
    result = checked(import_linkedin(linkedin_zip(tmp_path / "e.zip", files)))
    assert result.data["work"] == [{"name": "Globex", "position": "Analyst", "startDate": "2022-03"}]
    assert any(item.startswith("work[0].endDate:") and "before the startDate" in item for item in result.unmapped)


def test_control_characters_are_dropped_and_an_unprintable_word_is_listed(tmp_path):
    files = {"Skills.csv": "Name\nS\x00Q\x07L\n" + "x" * 12_000 + "\n"}
    result = import_linkedin(linkedin_zip(tmp_path / "e.zip", files))
    assert result.data["skills"] == [{"name": "Skills", "keywords": ["SQL"]}]
    assert any("Skills.csv:3: Name: the text holds a word of 12,000 characters" in item for item in result.unmapped)


def test_the_tables_read_are_the_ones_named_in_the_docs():
    assert set(FILES) == {"Profile.csv", "Email Addresses.csv", "PhoneNumbers.csv", "Positions.csv", "Education.csv",
                          "Skills.csv", "Certifications.csv", "Languages.csv", "Projects.csv", "Volunteering.csv",
                          "Honors.csv", "Publications.csv"}


def test_a_missing_column_that_names_the_entries_is_listed(tmp_path):
    # Work entries without their employers, or a name without its first name, validate:
    # only the list says what the export lacked.
    files = {"Positions.csv": "Title,Started On\nAnalyst,Mar 2021\n",
             "Profile.csv": "Last Name,Headline\nRaman,Analyst\n", "Skills.csv": "Skill\nSQL\n"}
    result = import_linkedin(linkedin_zip(tmp_path / "e.zip", files))
    assert result.data["work"] == [{"position": "Analyst", "startDate": "2021-03"}]
    assert any("Positions.csv:1: no column 'Company Name'" in item for item in result.unmapped)
    assert any("Profile.csv:1: no column 'First Name'" in item for item in result.unmapped)
    assert any("Skills.csv:1: no column 'Name'" in item for item in result.unmapped)
    assert not any("'Last Name'" in item or "'Title'" in item for item in result.unmapped)


def test_publications_named_by_title_lack_no_column(tmp_path):
    files = {"Publications.csv": "Title,Publisher\nForecasting,Logistics Today\n"}
    result = import_linkedin(linkedin_zip(tmp_path / "e.zip", files))
    assert result.data["publications"] == [{"name": "Forecasting", "publisher": "Logistics Today"}]
    assert not any("no column" in item for item in result.unmapped)
