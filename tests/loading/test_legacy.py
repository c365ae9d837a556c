"""Keys of JSON Resume before 1.0 are read with their meaning, and a warning says how to modernise."""

from __future__ import annotations

import warnings

import pytest

import resumekit
from resumekit.errors import ProfileError
from resumekit.loading import ResumekitWarning, read_profile
from resumekit.loading.legacy import LEGACY_KEYS, modernised, new_name
from resumekit.loading.yaml import parse_text

OLD = """\
basics:
  name: Hannah Okoro
  picture: https://hannah.example.com/me.jpg
  website: https://hannah.example.com
  location:
    city: Lagos
    state: Lagos State
work:
  - company: Kudi Finance
    position: Product Designer
    website: https://kudi.example
    startDate: 2021-02
education:
  - institution: University of Lagos
    gpa: "4.5/5"
awards:
  - title: Best Fintech UX
    awardDate: 2022-11
publications:
  - name: Designing for low bandwidth
    website: https://uxc.example/low
volunteer:
  - organization: Design Lagos
    website: https://designlagos.example
hobbies:
  - name: Photography
"""


def test_every_old_key_is_read_as_its_new_name(tmp_path):
    path = tmp_path / "resume.yaml"
    path.write_text(OLD, encoding="utf-8")
    profile = read_profile(path).model
    assert profile.work[0].name == "Kudi Finance" and profile.work[0].url == "https://kudi.example"
    assert profile.basics.image == "https://hannah.example.com/me.jpg"
    assert profile.basics.url == "https://hannah.example.com"
    assert profile.basics.location is not None and profile.basics.location.region == "Lagos State"
    assert profile.education[0].score == "4.5/5"
    assert profile.awards[0].date == "2022-11"
    assert profile.publications[0].url == "https://uxc.example/low"
    assert profile.volunteer[0].url == "https://designlagos.example"
    assert profile.interests[0].name == "Photography"


def test_each_old_key_warns_at_its_line_with_the_new_name_and_how_to_modernise(tmp_path):
    path = tmp_path / "resume.yaml"
    path.write_text(OLD, encoding="utf-8")
    found = {w.field: w for w in read_profile(path).warnings}
    company = found["work[0].company"]
    assert (company.line, company.column) == (9, 5)
    assert "read as 'name'" in company.message and "resumekit import jsonresume" in company.message
    assert found["hobbies"].line == 25 and "'interests'" in found["hobbies"].message
    assert set(found) == {"basics.picture", "basics.website", "basics.location.state", "work[0].company",
                          "work[0].website", "education[0].gpa", "awards[0].awardDate", "publications[0].website",
                          "volunteer[0].website", "hobbies"}
    assert len(found) == sum(len(renames) for renames in LEGACY_KEYS.values())  # each old key is tried here


def test_an_error_under_an_old_key_points_at_its_line(tmp_path):
    path = tmp_path / "resume.yaml"
    path.write_text("work:\n  - company: [Kudi, Finance]\n", encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        read_profile(path)
    problem = next(p for p in caught.value.problems if p.severity == "error")
    assert problem.field == "work[0].name" and problem.line == 2


def test_strict_makes_an_old_key_an_error(tmp_path):
    path = tmp_path / "resume.yaml"
    path.write_text("work:\n  - company: Kudi Finance\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="read as 'name'"):
        read_profile(path, strict=True)


def test_an_old_key_beside_its_new_name_is_left_alone():
    doc = parse_text("work:\n  - name: Kudi\n    company: Kudi Finance Ltd\n", "x.yaml", ProfileError)
    modern, renamed = modernised(doc)
    assert renamed == [] and modern.data == doc.data
    warned = read_profile({"work": [{"name": "Kudi", "company": "Kudi Finance Ltd"}]}).warnings
    assert [w.field for w in warned] == ["work[0].company"]  # the unknown-key warning, with its hint
    assert "did you mean 'name'" in warned[0].message


def test_the_document_is_not_changed_and_its_order_is_kept():
    doc = parse_text("work:\n  - company: Kudi\n    position: Designer\n", "x.yaml", ProfileError)
    before = repr(doc.data)
    modern, _ = modernised(doc)
    assert repr(doc.data) == before
    assert list(modern.data["work"][0]) == ["name", "position"]
    assert modern.positions.of_key(("work", 0, "name")) == (2, 5)


def test_keys_of_the_same_names_elsewhere_are_not_touched():
    data = {"projects": [{"name": "x", "website": "https://x.example"}], "skills": [{"name": "Design", "gpa": "4"}]}
    modern, renamed = modernised(parse_text(repr(data).replace("'", '"'), "x.json", ProfileError))
    assert renamed == [] and modern.data == data


def test_the_python_api_warns_and_keeps_the_meaning():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        profile = resumekit.load_profile({"work": [{"company": "Kudi Finance"}]})
    assert profile.work[0].name == "Kudi Finance"
    assert [w.category for w in caught] == [ResumekitWarning]


def test_new_name_names_the_1_0_key_of_an_old_one():
    assert new_name("work[3].company") == "name"
    assert new_name("basics.location.state") == "region"
    assert new_name("hobbies") == "interests"
    assert new_name("work[0].position") is None and new_name("projects[0].website") is None
