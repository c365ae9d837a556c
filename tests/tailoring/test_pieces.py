"""Where a piece of the profile sits, named for a reader."""

from __future__ import annotations

import pytest

from resumekit.tailoring.pieces import DETAILS, Place


@pytest.mark.parametrize("place, label", [
    (Place("work", 0, None, "Globex"), "Experience: Globex"),
    (Place("work", 1, 2, "Globex"), "Experience: Globex, highlight 3"),
    (Place("education", 0, DETAILS, "State U"), "Education: State U, courses and grade"),
    (Place("summary", 1), "Summary (variant 2)"),
    (Place("projects", 3), "Projects #4"),
])
def test_a_place_is_labelled_for_a_reader(place, label):
    assert place.label == label
