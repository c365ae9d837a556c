"""A parsed document: where each value and key stands, and how fields are named."""

from __future__ import annotations

from resumekit.errors import Problem, ProfileError
from resumekit.loading.document import Positions, by_place, field_path
from resumekit.loading.yaml import parse_text


def test_field_paths_read_as_in_the_file():
    assert field_path(("work", 0, "startDate")) == "work[0].startDate"
    assert field_path(()) == ""


def test_a_value_without_a_position_takes_its_nearest_parents():
    positions = Positions(values={("work",): (3, 1), ("work", 0): (4, 3)})
    assert positions.of_value(("work", 0, "highlights", 2)) == (4, 3)
    assert positions.of_value(("education",)) == (None, None)


def test_a_key_is_found_where_it_is_written():
    doc = parse_text("basics:\n  name: Jane\n", "p.yaml", ProfileError)
    assert doc.positions.of_key(("basics", "name")) == (2, 3)
    assert doc.positions.of_value(("basics", "name")) == (2, 9)


def test_problems_sort_in_file_order():
    late, early = Problem("p", 9, 1, "a", "x"), Problem("p", 2, 5, "b", "y")
    assert sorted([late, early], key=by_place) == [early, late]
