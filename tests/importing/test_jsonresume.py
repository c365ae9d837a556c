"""A resume.json of an older JSON Resume -> the same profile in 1.0's keys, nothing lost."""

from __future__ import annotations

import json

import pytest

from resumekit.errors import ProfileError
from resumekit.importing.jsonresume import import_jsonresume
from resumekit.loading import read_profile

from ..importing_fixtures import OLD_RESUME


@pytest.fixture
def old(tmp_path):
    path = tmp_path / "resume.json"
    path.write_text(OLD_RESUME, encoding="utf-8")
    return path


def test_the_old_keys_are_renamed_and_everything_else_kept(old):
    imported = import_jsonresume(old)
    original = json.loads(OLD_RESUME)
    data = imported.data
    assert [w["name"] for w in data["work"]] == ["Kudi Finance", "Paystack Labs"]
    assert data["work"][0]["url"] == "https://kudi.example" and "company" not in data["work"][0]
    assert data["basics"]["image"] == original["basics"]["picture"]
    assert data["basics"]["url"] == original["basics"]["website"]
    assert data["basics"]["location"]["region"] == "Lagos State"
    assert data["education"][0]["score"] == "4.5/5"
    assert data["awards"][0]["date"] == "2022-11-01"
    assert data["interests"] == [{"name": "Photography"}] and "hobbies" not in data
    assert list(data["work"][0]) == ["name", "position", "url", "startDate", "summary", "highlights"]  # the order kept
    assert data["skills"] == original["skills"] and data["languages"] == original["languages"]


def test_each_rename_is_listed_with_its_line_and_nothing_is_left_out(old):
    imported = import_jsonresume(old)
    assert "resume.json:13: work[0].company -> name" in imported.renamed
    assert "resume.json:31: hobbies -> interests" in imported.renamed
    assert len(imported.renamed) == 12
    assert imported.unmapped == []


def test_the_result_loads_without_a_warning(old):
    assert read_profile(import_jsonresume(old).data).warnings == []


def test_a_key_resumekit_does_not_know_is_kept_and_listed(tmp_path):
    path = tmp_path / "resume.json"
    path.write_text('{"basics": {"name": "A", "pronouns": "she/her"}, "work": [{"name": "X", "company": "Y"}]}',
                    encoding="utf-8")
    imported = import_jsonresume(path)
    assert imported.data["basics"]["pronouns"] == "she/her" and imported.data["work"][0]["company"] == "Y"
    assert len(imported.unmapped) == 2 and all("kept" in item for item in imported.unmapped)
    assert imported.renamed == []


def test_an_invalid_document_is_refused_with_its_problems_at_their_lines(tmp_path):
    path = tmp_path / "resume.json"
    path.write_text('{\n  "work": [\n    {"company": "Kudi", "startDate": "last year"}\n  ]\n}\n', encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        import_jsonresume(path)
    error = next(p for p in caught.value.problems if p.severity == "error")
    assert (error.field, error.line) == ("work[0].startDate", 3)


def test_a_document_with_none_of_json_resumes_keys_is_refused(tmp_path):
    # A RenderCV file named as JSON Resume validated (every key unknown, kept) and made a
    # profile with nothing in it; the summary even counted its 'cv' as a section.
    path = tmp_path / "cv.yaml"
    path.write_text("cv:\n  name: Mateo\n  sections: {}\ndesign:\n  theme: classic\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="import rendercv") as caught:
        import_jsonresume(path)
    assert caught.value.problems[0].file == str(path)


def test_a_kept_key_is_said_to_be_kept_once(tmp_path):
    path = tmp_path / "resume.json"
    path.write_text('{"basics": {"name": "A", "pronouns": "she/her"}}', encoding="utf-8")
    [item] = import_jsonresume(path).unmapped
    assert item.count("kept") == 1
