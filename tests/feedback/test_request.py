"""The feedback-request email: its wording, its date, a standard .eml, and the user's template."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from pathlib import Path
from typing import Any

import pytest

import resumekit
from resumekit.errors import BuildError
from resumekit.feedback.request import RequestEmail, compose_request
from resumekit.models.feedback import Application
from resumekit.rendering.theme import Theme

from ..feedback_fixtures import PROFILES

CLASSIC = Theme.named("classic").fill


@pytest.fixture(scope="module")
def profile() -> resumekit.Profile:
    return resumekit.load_profile(PROFILES / "profile.yaml")


@pytest.fixture(scope="module")
def northwind() -> Application:
    return resumekit.load_feedback(PROFILES / "feedback.yaml").applications[1]


def application(**fields: Any) -> Application:
    return Application.model_validate({"id": "globex-2026", "employer": "Globex", **fields})


def parsed(mail: RequestEmail) -> email.message.EmailMessage:
    message = email.message_from_bytes(bytes(mail.to_message()), policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    return message


def test_the_email_is_addressed_to_the_contact_and_names_the_role(profile, northwind) -> None:
    mail = compose_request(northwind, profile, CLASSIC)
    assert mail.to == "Marcus Bell <marcus.bell@northwind.example>"
    assert mail.sender == "Maya Okafor <maya.okafor@example.com>"
    assert mail.subject == "Feedback on my Clinical Data Lead application"
    assert mail.body.startswith("Dear Marcus,\n\nThank you for letting me know your decision about the "
                                "Clinical Data Lead role at Northwind Clinics, and for the time you and the "
                                "team spent with me in the interviews.")
    assert mail.body.endswith("Kind regards,\nMaya Okafor\nmaya.okafor@example.com\n+1 614-555-0142\n")


def test_the_email_is_short_and_polite_and_asks_for_feedback(profile, northwind) -> None:
    body = compose_request(northwind, profile, CLASSIC).body
    assert len(body.split()) < 160
    assert "Thank you" in body and "feedback" in body
    assert "{{" not in body and "{#" not in body


def test_the_send_by_date_is_a_week_after_the_rejection(profile, northwind) -> None:
    assert compose_request(northwind, profile, CLASSIC).send_by == dt.date(2026, 11, 24)
    assert compose_request(application(rejected="2026-12-28"), profile, CLASSIC).send_by == dt.date(2027, 1, 4)
    assert compose_request(application(), profile, CLASSIC).send_by is None


def test_the_eml_reads_back_with_its_subject_to_and_body(profile, northwind) -> None:
    mail = compose_request(northwind, profile, CLASSIC)
    message = parsed(mail)
    assert message["Subject"] == mail.subject
    assert message["To"] == "Marcus Bell <marcus.bell@northwind.example>"
    [address] = message["To"].addresses
    assert (address.display_name, address.addr_spec) == ("Marcus Bell", "marcus.bell@northwind.example")
    assert message["From"].addresses[0].addr_spec == "maya.okafor@example.com"
    assert message["X-Unsent"] == "1"
    assert message.get_content().replace("\r\n", "\n") == mail.body


def test_a_name_with_a_comma_stays_one_address(profile) -> None:
    app = application(rejected="2026-10-01", contact={"name": "Lee, Dana", "email": "dana@globex.example"})
    [address] = parsed(compose_request(app, profile, CLASSIC))["To"].addresses
    assert (address.display_name, address.addr_spec) == ("Lee, Dana", "dana@globex.example")


def test_non_ascii_text_survives_the_round_trip(profile) -> None:
    app = application(employer="Café Müller GmbH", position="Analystin",
                      contact={"name": "José Núñez", "email": "jose@cafe.example"})
    mail = compose_request(app, profile, CLASSIC)
    message = parsed(mail)
    assert message["Subject"] == mail.subject and "Analystin" in mail.subject
    assert message["To"].addresses[0].display_name == "José Núñez"
    assert "Café Müller GmbH" in message.get_content()


def test_a_line_break_in_a_field_cannot_break_the_headers(profile) -> None:
    app = application(position="Senior\nAnalyst", contact={"name": "Dana\nLee", "email": "dana@globex.example"})
    mail = compose_request(app, profile, CLASSIC)
    assert mail.subject.endswith("on my Senior Analyst application")
    assert parsed(mail)["To"].addresses[0].display_name == "Dana Lee"


def test_without_a_contact_there_is_no_to_and_a_general_greeting(profile) -> None:
    mail = compose_request(application(position="Analyst"), profile, CLASSIC)
    assert mail.to == ""
    assert mail.body.startswith("Dear Hiring Team,")
    assert parsed(mail)["To"] is None


def test_without_a_position_the_wording_still_reads(profile) -> None:
    mail = compose_request(application(), profile, CLASSIC)
    assert mail.subject == "Feedback on my recent application"
    assert "your decision about the open role at Globex." in mail.body
    assert "interviews" not in mail.body  # no interview was recorded


# --- the user's own template ------------------------------------------------------------------


def own_theme(root: Path, text: str):
    theme = root / "mytheme"
    theme.mkdir(parents=True, exist_ok=True)
    (theme / "feedback-request.txt").write_text(text, encoding="utf-8")
    return Theme.named("mytheme", root).fill


def test_a_template_in_the_users_theme_folder_changes_the_wording(tmp_path: Path, profile, northwind) -> None:
    dirs = own_theme(tmp_path, "Subject: Quick question about {{ position }}\n\nHi {{ greeting_name }},\n"
                               "Could you share what I could improve?\n{{ sender }}\n")
    mail = compose_request(northwind, profile, dirs)
    assert mail.subject == "Quick question about Clinical Data Lead"
    assert mail.body == "Hi Marcus,\nCould you share what I could improve?\nMaya Okafor\n"


def test_a_template_without_a_subject_line_is_refused(tmp_path: Path, profile, northwind) -> None:
    with pytest.raises(BuildError, match="first line of feedback-request.txt must be 'Subject: ...'"):
        compose_request(northwind, profile, own_theme(tmp_path, "Hi {{ greeting_name }}\n"))


def test_a_broken_template_is_an_error_for_people(tmp_path: Path, profile, northwind) -> None:
    with pytest.raises(BuildError, match="template is broken"):
        compose_request(northwind, profile, own_theme(tmp_path, "Subject: {{ nope }}\n{% if %}\n"))


def test_an_unknown_variable_is_an_error_not_a_blank(tmp_path: Path, profile, northwind) -> None:
    with pytest.raises(BuildError, match="template is broken"):
        compose_request(northwind, profile, own_theme(tmp_path, "Subject: x\n{{ recipient }}\n"))
