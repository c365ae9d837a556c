"""A document's strings in reading order, as the plain text it shows."""

from resumekit.checking.expected import document_strings, expected_entries, section_titles
from resumekit.documents import Entry, Letter, Link, Resume, Section


def _resume() -> Resume:
    work = Section("work", "Experience", "entries", (
        Entry("Acme", "Analyst", "2020 – 2023", "Columbus, OH", bullets=("Cut costs **40%**",)),
        Entry("Acme", "Lead", "2023 – present", continued=True)))
    return Resume("Jane Doe", "Data Analyst", (Link("jane@example.com", "mailto:jane@example.com", "email"),),
                  (work, Section("summary", "Summary", "text", text="Turns *data* into decisions.")))


def test_resume_strings_run_name_label_contacts_then_each_entry_employer_position_place_dates():
    assert document_strings(_resume()) == ["Jane Doe", "Data Analyst", "jane@example.com", "Experience", "Acme",
                                           "Analyst", "Columbus, OH", "2020 – 2023", "Cut costs 40%", "Lead",
                                           "2023 – present", "Summary", "Turns data into decisions."]


def test_a_further_position_is_filed_under_its_employer():
    entries = expected_entries(_resume())
    assert [(e.employer, e.position, e.dates) for e in entries] == [("Acme", "Analyst", "2020 – 2023"),
                                                                    ("Acme", "Lead", "2023 – present")]
    assert section_titles(_resume()) == ["Experience", "Summary"]


def test_letter_strings_run_from_letterhead_to_signature():
    letter = Letter("Jane Doe", (), "15 January 2026", ("Ms. Rivera", "Acme"), "Re: Analyst", "Dear Ms. Rivera,",
                    ("I am writing.",), ("Led a team",), (), "Sincerely,", "Jane Doe")
    assert document_strings(letter) == ["Jane Doe", "15 January 2026", "Ms. Rivera", "Acme", "Re: Analyst",
                                        "Dear Ms. Rivera,", "I am writing.", "Led a team", "Sincerely,", "Jane Doe"]
