"""An anonymised version for blind hiring: what ``redact:`` names never reaches a document."""

from __future__ import annotations

import docx

import resumekit
from resumekit import load_profile
from resumekit.tailoring.redaction import redacted

from ..helpers import make_project

PROFILE = {
    "basics": {"name": "Jane Doe", "email": "jane@example.com", "phone": "+1 555 0100", "image": "me.png",
               "birthDate": "1990-05-04", "nationality": "Irish", "url": "https://jane.example",
               "profiles": [{"network": "LinkedIn", "username": "janedoe"}],
               "location": {"address": "1 Main St", "postalCode": "43004", "city": "Columbus"}},
    "references": [{"name": "Dr. Helen Marsh", "reference": "Jane is excellent."}],
}


def test_each_item_leaves_out_what_it_names_and_nothing_else():
    profile = load_profile(PROFILE)
    blind = redacted(profile, ["name", "contact", "address", "photo", "birthDate", "references"])
    basics = blind.basics
    assert (basics.name, basics.email, basics.phone, basics.url, basics.profiles, basics.image) == (
        None, None, None, None, [], None)
    assert (basics.location.address, basics.location.postalCode, basics.location.city) == (None, None, "Columbus")
    assert basics.birthDate is None and basics.nationality == "Irish"  # "personal" would take that too
    assert blind.references[0].name is None and blind.references[0].reference == "Jane is excellent."
    assert redacted(profile, []) is profile and profile.basics.name == "Jane Doe"  # the original is untouched
    assert redacted(profile, ["personal"]).basics.nationality is None


def test_a_blind_target_names_no_one_in_its_documents_or_their_file_names(tmp_path):
    job = "title: Analyst\ncompany: Globex\nredact: [name, contact, references]\n"
    profile = ("basics:\n  name: Jane Doe\n  email: jane@example.com\n  phone: +1 555 0100\n"
               "work:\n  - name: Acme\n    position: Analyst\n    highlights: [Built the churn model]\n"
               "references:\n  - name: Dr. Helen Marsh\n    reference: She is excellent.\n")
    config = make_project(tmp_path, profile=profile, targets={"blind.yaml": job}, formats=["docx"])
    resumekit.build(config)
    files = sorted(p.name for p in (tmp_path / "out" / "blind").iterdir())
    assert files == ["Cover-Letter.docx", "Resume.docx", "report.md"]
    for name in ("Cover-Letter.docx", "Resume.docx"):
        text = "\n".join(p.text for p in docx.Document(str(tmp_path / "out" / "blind" / name)).paragraphs)
        assert not [s for s in ("Jane", "jane@example.com", "555", "Helen Marsh") if s in text], name
    assert "Jane" in redacted(load_profile(config.parent / "profile.yaml"), ["contact"]).basics.name  # only named items go
