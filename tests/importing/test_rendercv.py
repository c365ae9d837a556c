"""A RenderCV input file -> a profile with every entry, each where JSON Resume keeps its kind."""

from __future__ import annotations

import json

import pytest
import yaml

from resumekit.errors import ProfileError
from resumekit.importing.rendercv import entry_kind, import_rendercv, section_title
from resumekit.importing.writing import checked
from resumekit.loading import read_profile

from ..importing_fixtures import RENDERCV, RENDERCV_ENTRIES


@pytest.fixture
def imported(tmp_path):
    path = tmp_path / "Mateo_CV.yaml"
    path.write_text(RENDERCV, encoding="utf-8")
    return checked(import_rendercv(path))


def test_the_header_gives_the_basics(imported):
    basics = imported.data["basics"]
    assert basics["name"] == "Mateo Álvarez" and basics["label"] == "Backend Engineer"
    assert basics["location"] == {"city": "Valencia", "countryCode": "ES"}
    assert basics["phone"] == "+34-600-123-456"  # without RenderCV's tel:
    assert basics["url"] == "https://mateo.example.dev/"
    assert basics["summary"].startswith("Backend engineer who keeps payment systems boring")
    assert basics["profiles"] == [
        {"network": "LinkedIn", "username": "mateo-alvarez-example",
         "url": "https://linkedin.com/in/mateo-alvarez-example"},
        {"network": "GitHub", "username": "mateo-example", "url": "https://github.com/mateo-example"},
        {"network": "Mastodon", "username": "@mateo@fosstodon.example", "url": "https://fosstodon.example/@mateo"}]


def test_each_entry_type_goes_where_json_resume_keeps_it(imported):
    data = imported.data
    assert [w["name"] for w in data["work"]] == ["Cobalto Pagos", "Ferrovial Digital"]
    assert data["work"][0]["startDate"] == "2020-03" and "endDate" not in data["work"][0]  # present: ongoing
    assert data["work"][1]["url"] == "https://ferrovial.example"  # the name's Markdown link
    assert data["volunteer"] == [{"organization": "CoderDojo Valencia", "position": "Mentor", "startDate": "2018-01",
                                  "highlights": ["Teach Go to teenagers on Saturday mornings"]}]
    assert data["education"] == [{"institution": "Universitat Politècnica de València", "area": "Computer Engineering",
                                  "studyType": "MSc", "startDate": "2014-09", "endDate": "2016-06"}]
    assert data["projects"][0] == {"name": "pgqueue", "url": "https://github.com/mateo-example/pgqueue",
                                   "description": "A job queue on PostgreSQL's SKIP LOCKED",
                                   "startDate": "2022", "endDate": "2022",
                                   "highlights": ["1,200 GitHub stars; used by three payment companies"]}
    assert data["publications"] == [{"name": "Exactly-once payments without distributed transactions",
                                     "publisher": "Proceedings of PGConf.EU 2023", "releaseDate": "2023-10",
                                     "url": "https://doi.org/10.5555/example.2023.42",
                                     "summary": "**Mateo Álvarez**, Lucía Ferrer"}]
    assert data["awards"] == [{"title": "Engineer of the Year", "date": "2022-12",
                               "summary": "Cobalto Pagos' award for the idempotency work"}]
    assert data["skills"] == [{"name": "Programming", "keywords": ["Go", "Python", "SQL"]},
                              {"name": "Infrastructure", "keywords": ["PostgreSQL", "Kafka", "Kubernetes"]}]
    assert data["languages"] == [{"language": "Spanish", "fluency": "Native"},
                                 {"language": "English", "fluency": "Professional (C1)"}]


def test_sections_json_resume_lacks_become_sections_of_ones_own(imported):
    sections = imported.data["sections"]
    assert sections["talks"]["title"] == "Talks"
    assert [e["name"] for e in sections["talks"]["entries"]] == ["Boring payments", "Queues on PostgreSQL"]
    assert sections["talks"]["entries"][1] == {"name": "Queues on PostgreSQL", "location": "Barcelona",
                                               "date": "2024-05", "highlights": ["Live demo of pgqueue failing over"]}
    assert sections["honors"] == {"title": "Honors", "bullets": ["Speaker, PGConf.EU 2023",
                                                                 "Mentor of the year, CoderDojo Valencia (2021)"]}
    assert sections["patents"]["bullets"][0].startswith("Method for idempotent settlement")


def test_every_entry_of_the_cv_is_in_the_profile(imported):
    text = json.dumps(imported.data, ensure_ascii=False)
    assert [entry for entry in RENDERCV_ENTRIES if entry not in text] == []


def test_what_has_no_place_is_listed_at_its_line(imported):
    listed = "\n".join(imported.unmapped)
    assert "Mateo_CV.yaml:24: location 'Valencia, Spain'" in listed  # an education has no place
    assert "Mateo_CV.yaml:26: highlights 'Thesis: Idempotent retries in distributed ledgers'" in listed
    assert "date 'Fall 2023' is not a date JSON Resume can hold" in listed
    assert "RenderCV's 'design:' is not imported" in listed and "RenderCV's 'locale:'" in listed


def test_the_profile_validates_without_a_warning(imported):
    loaded = read_profile(imported.data)
    assert loaded.warnings == []
    assert len(loaded.model.sections) == 3


def test_renderCVs_own_example_shape_imports(tmp_path):
    cv = {"cv": {"name": "John Doe", "headline": None, "photo": None, "location": "San Francisco, CA",
                 "sections": {"Welcome to RenderCV": ["RenderCV reads a CV written in a YAML file."],
                              "education": [{"institution": "Princeton University", "area": "Computer Science",
                                             "degree": "PhD", "date": None, "start_date": "2018-09",
                                             "end_date": "2023-05", "summary": None, "highlights": None}],
                              "experience": [{"company": "Nexus AI", "position": "Co-Founder & CTO", "date": None,
                                              "start_date": "2023-06", "end_date": "present", "highlights": None}],
                              "invited_talks": [{"reversed_number": "Scaling Laws — Stanford (2024)"}],
                              "education_extra": [{"name": "Summer school", "date": 2019}],
                              "empty": []}}}
    path = tmp_path / "cv.yaml"
    path.write_text(yaml.safe_dump(cv, allow_unicode=True), encoding="utf-8")
    result = checked(import_rendercv(path))
    assert result.data["education"][0]["institution"] == "Princeton University"
    assert result.data["work"][0] == {"name": "Nexus AI", "position": "Co-Founder & CTO", "startDate": "2023-06"}
    assert result.data["sections"]["welcome_to_rendercv"]["bullets"] == ["RenderCV reads a CV written in a YAML file."]
    assert result.data["sections"]["invited_talks"]["title"] == "Invited Talks"
    assert result.data["sections"]["education_extra"]["entries"] == [{"name": "Summer school", "date": "2019"}]
    assert result.unmapped == []  # nulls are RenderCV's way of leaving a field out


def test_one_section_of_two_shapes_becomes_two_sections(tmp_path):
    path = tmp_path / "cv.yaml"
    path.write_text("cv:\n  name: A\n  sections:\n    extras:\n      - name: A talk\n        date: 2020\n"
                    "      - bullet: A bullet\n", encoding="utf-8")
    sections = checked(import_rendercv(path)).data["sections"]
    assert sections == {"extras": {"title": "Extras", "entries": [{"name": "A talk", "date": "2020"}]},
                        "extras_2": {"title": "Extras", "bullets": ["A bullet"]}}
    assert read_profile({"sections": sections}).warnings == []


def test_an_entry_of_no_type_is_listed(tmp_path):
    path = tmp_path / "cv.yaml"
    path.write_text("cv:\n  sections:\n    odd:\n      - colour: blue\n      - 42\n", encoding="utf-8")
    result = import_rendercv(path)
    assert result.data == {}
    assert len([i for i in result.unmapped if "an entry of no RenderCV type" in i]) == 2


@pytest.mark.parametrize("text", ["name: Jane Doe\nwork: []\n", "- a list\n", "cv: just text\n"])
def test_a_file_that_is_not_a_rendercv_input_is_refused(tmp_path, text):
    path = tmp_path / "cv.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError, match="not a RenderCV input file"):
        import_rendercv(path)


def test_a_cv_saved_as_latin1_is_refused_at_the_byte(tmp_path):
    path = tmp_path / "cv.yaml"
    path.write_bytes("cv:\n  name: Mateo \u00c1lvarez\n".encode("latin-1"))
    with pytest.raises(ProfileError, match="not UTF-8") as caught:
        import_rendercv(path)
    assert (caught.value.problems[0].line, caught.value.problems[0].column) == (2, 15)


def test_broken_yaml_is_refused_at_its_line(tmp_path):
    path = tmp_path / "cv.yaml"
    path.write_text("cv:\n  name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        import_rendercv(path)
    assert caught.value.problems[0].line is not None


def test_section_titles_and_entry_types_follow_rendercv():
    assert section_title("education_and_training") == "Education and Training"
    assert section_title("Selected Work") == "Selected Work"
    assert entry_kind("text") == "text"
    assert entry_kind({"company": "x", "position": "y"}) == "experience"
    assert entry_kind({"label": "x", "details": "y"}) == "one_line"
    assert entry_kind({"title": "x", "authors": []}) == "publication"
    assert entry_kind({"institution": "x", "study_type": "BS"}) == "education"  # RenderCV before 1.0
    assert entry_kind({"colour": "blue"}) is None and entry_kind(3) is None


def test_a_misspelt_field_is_listed_with_the_field_it_was_meant_to_be(tmp_path):
    path = tmp_path / "cv.yaml"
    path.write_text("cv:\n  name: A\n  sections:\n    experience:\n      - company: Y\n        positon: Dev\n"
                    "        start_date: 2020-01\n        rank: 3\n", encoding="utf-8")
    unmapped = import_rendercv(path).unmapped
    assert "cv.yaml:6: positon 'Dev': this kind of entry has no place for it here; did you mean 'position'?" \
        in unmapped
    assert "cv.yaml:8: rank '3': this kind of entry has no place for it here" in unmapped  # nothing close
