"""A translation file laid over the profile: by name, id or position; every key that points
at nothing is a located error; what it leaves out is counted."""

from __future__ import annotations

import pytest

from resumekit import load_profile
from resumekit.errors import ProfileError
from resumekit.loading.translation import translate, translation_file, translation_files

from ..helpers import write

PROFILE = {
    "basics": {"name": "Jane Doe", "label": "Data Analyst",
               "summary": [{"text": "Analyst who ships.", "tags": ["data"]}, {"text": "Nurse turned analyst."}]},
    "work": [{"name": "Acme", "position": "Analyst", "highlights": ["Built the model", "Ran the tests",
                                                                    {"text": "Led the team", "id": "lead"}]},
             {"name": "Acme", "id": "acme-early", "position": "Intern", "highlights": ["Cleaned data"]}],
    "skills": [{"name": "Analytics", "keywords": ["SQL", "statistics"]}],
}


def test_entries_are_found_by_name_id_or_position_and_highlights_by_position_or_id(tmp_path):
    path = write(tmp_path / "profile.de.yaml", """\
basics:
  label: Datenanalystin
  summary: ["Analystin, die liefert.", ~]
work:
  Acme:
    position: Analystin
    highlights: {2: Testete, lead: Leitete das Team}
  acme-early:
    highlights: [Bereinigte Daten]
skills:
  1:
    name: Analytik
    keywords: [~, Statistik]
""")
    done = translate(load_profile(PROFILE), path)
    profile = done.profile
    assert profile.basics.label == "Datenanalystin"
    assert [v.text for v in profile.basics.summary] == ["Analystin, die liefert.", "Nurse turned analyst."]
    assert [h.text for h in profile.work[0].highlights] == ["Built the model", "Testete", "Leitete das Team"]
    assert profile.work[0].highlights[2].tags == [] and profile.work[1].highlights[0].text == "Bereinigte Daten"
    assert (profile.skills[0].name, profile.skills[0].keywords) == ("Analytik", ["SQL", "Statistik"])
    assert profile.basics.name == "Jane Doe"  # names stay
    assert (done.translated, done.untranslated) == (8, 4)  # summary 2, highlight 1, the intern, SQL


@pytest.mark.parametrize("text, where, says", [
    ("work:\n  Acmee:\n    position: X\n", "profile.de.yaml:2:3: work.Acmee", "did you mean 'Acme'?"),
    ("work:\n  Acme:\n    highlights: {7: X}\n", "profile.de.yaml:3:18: work.Acme.highlights.7", "no number 7"),
    ("work:\n  Acme:\n    postion: X\n", "profile.de.yaml:3:5: work.Acme.postion", "did you mean 'position'?"),
    ("wrok: {}\n", "profile.de.yaml:1:1: wrok", "did you mean 'work'?"),
    ("basics:\n  label: [a, b]\n", "profile.de.yaml:2:3: basics.label", "not a list"),
    ("basics:\n  url: https://example.de\n", "profile.de.yaml:2:3: basics.url", "no basics.url"),
])
def test_a_key_that_points_at_nothing_is_located_with_a_suggestion(tmp_path, text, where, says):
    path = write(tmp_path / "profile.de.yaml", text)
    with pytest.raises(ProfileError) as caught:
        translate(load_profile(PROFILE), path)
    [problem] = caught.value.problems
    assert str(problem).startswith(str(tmp_path / where)) and says in problem.message


def test_every_wrong_key_is_reported_at_once(tmp_path):
    path = write(tmp_path / "profile.de.yaml", "work:\n  Nope: {position: X}\n  Nada: {position: Y}\n")
    with pytest.raises(ProfileError) as caught:
        translate(load_profile(PROFILE), path)
    assert len(caught.value.problems) == 2


def test_the_translation_files_are_found_beside_the_profile(tmp_path):
    profile = write(tmp_path / "profile.yaml", "basics: {name: Jane}\n")
    write(tmp_path / "profile.de.yaml", "basics: {}\n")
    write(tmp_path / "profile.pt-BR.yaml", "basics: {}\n")
    write(tmp_path / "other.de.yaml", "basics: {}\n")
    write(tmp_path / "profile.orig.yaml", "basics: {}\n")  # a backup, not a language
    assert translation_file(profile, "de") == tmp_path / "profile.de.yaml"
    assert translation_file(profile, "fr") is None
    assert [p.name for p in translation_files(profile)] == ["profile.de.yaml", "profile.pt-BR.yaml"]


def test_feedback_improvements_carry_their_summary_in_the_translation(tmp_path):
    path = write(tmp_path / "profile.de.yaml",
                 "improvements:\n  toastmasters:\n    summary: trat Toastmasters bei und hielt zehn Reden\n")
    done = translate(load_profile(PROFILE), path, {"toastmasters": "joined Toastmasters", "course": "took a course"})
    assert done.summaries == {"toastmasters": "trat Toastmasters bei und hielt zehn Reden"}
    assert done.untranslated == 12 + 1  # the other improvement's summary counts too
    wrong = write(tmp_path / "profile.fr.yaml", "improvements:\n  toastmaster:\n    summary: x\n")
    with pytest.raises(ProfileError, match="did you mean 'toastmasters'"):
        translate(load_profile(PROFILE), wrong, {"toastmasters": "joined Toastmasters"})
