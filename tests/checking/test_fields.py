"""The fields a parser picks from a document's text."""

from resumekit.checking.expected import ExpectedEntry
from resumekit.checking.fields import pick_fields

TEXT = """Jane Doe
Data Analyst
jane.doe@example.com | +1 614-555-0142 | github.com/jane-doe
Experience
Acme Corp\tColumbus, OH
Analyst\t2020 – 2023
Education
State University, BSc\t2016 – 2020
"""


def test_the_first_line_is_the_name_and_the_first_email_and_phone_are_picked():
    fields = pick_fields(TEXT, ["mailto:jane.doe@example.com"], [], [])
    assert (fields.name, fields.email, fields.phone) == ("Jane Doe", "jane.doe@example.com", "+1 614-555-0142")
    assert fields.links == ["github.com/jane-doe", "mailto:jane.doe@example.com"]


def test_headings_and_the_lines_each_entry_is_read_from():
    entries = [ExpectedEntry("Experience", "Acme Corp", "Analyst", "2020 – 2023"),
               ExpectedEntry("Education", "State University", "BSc", "2016 – 2020")]
    fields = pick_fields(TEXT, [], ["Experience", "Education"], entries)
    assert fields.headings == ["Experience", "Education"]
    assert fields.entries[0].employer == "Acme Corp\tColumbus, OH"  # the place read as part of the employer
    assert fields.entries[0].dates == "Analyst\t2020 – 2023"
    assert fields.entries[1].employer == fields.entries[1].position == "State University, BSc\t2016 – 2020"


def test_a_year_range_is_not_a_phone_number():
    assert pick_fields("Jane\n2016 - 2020\n", [], [], []).phone == ""
