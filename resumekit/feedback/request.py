"""A short, polite feedback-request email for one application, from a template users override.

The template is filled by the caller (the theme owns templates, and Jinja stays in the
rendering layer); this module chooses the values and reads the result as an email.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import re
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from collections.abc import Callable, Mapping
from typing import Any

from ..errors import BuildError
from ..models.feedback import Application
from ..models.profile import Profile
from .report import request_due

Fill = Callable[[str, Mapping[str, Any]], str]
"""Fills the named template with values: ``fill("feedback-request.txt", {...})``."""

TEMPLATE = "feedback-request.txt"


@dataclass(frozen=True)
class RequestEmail:
    """The email to send, and when to send it by."""

    to: str
    sender: str
    subject: str
    body: str
    send_by: dt.date | None

    def to_message(self) -> EmailMessage:
        """A standard email message (opens as a draft in common mail clients)."""
        # Headers are not folded: Python's folding can move a whole subject to a
        # continuation line, which readers then show with a leading space.
        message = EmailMessage(policy=email.policy.SMTP.clone(max_line_length=998))
        if self.to:
            message["To"] = self.to
        if self.sender:
            message["From"] = self.sender
        message["Subject"] = self.subject
        message["X-Unsent"] = "1"
        message.set_content(self.body)
        return message


def _one_line(text: str | None) -> str:
    """``text`` on one line: a line break would end a mail header, or the subject line."""
    return " ".join((text or "").split())


def _mailbox(name: str | None, address: str | None) -> str:
    """``Name <address>``, quoted where the name needs it (``"Lee, Dana" <...>``)."""
    name, address = _one_line(name), _one_line(address)
    if not address:
        return ""
    try:
        return str(Address(display_name=name, addr_spec=address))
    except (ValueError, IndexError):  # not an address the parser accepts: keep it as written
        return address


def _greeting_name(application: Application) -> str:
    contact = application.contact
    if contact is None:
        return ""
    return _one_line(contact.greeting or contact.name or "")


def compose_email(template: str, application: Application, profile: Profile, fill: Fill,
                  send_by: dt.date | None, **values: Any) -> RequestEmail:
    """An email about ``application`` from the theme's plain-text ``template``, whose first
    line is the subject; ``values`` are filled in beside the ones every email has."""
    basics = profile.basics
    text = fill(template, {
        "greeting_name": _greeting_name(application), "position": _one_line(application.position),
        "employer": _one_line(application.employer), "interviewed": application.had_interviews,
        "sender": basics.name or "", "sender_email": basics.email or "",
        "sender_phone": basics.phone or "", "applied": application.applied or "",
        "rejected": application.rejected or "", **values})
    # "... at Acme Inc." + "." reads "Inc.."; an ellipsis (three or more) is kept.
    text = re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)
    first, _, body = text.lstrip().partition("\n")
    if not first.lower().startswith("subject:"):
        raise BuildError(f"the first line of {template} must be 'Subject: ...'")
    contact = application.contact
    to = _mailbox(contact.name, contact.email) if contact else ""
    sender = _mailbox(basics.name, basics.email)
    return RequestEmail(to=to, sender=sender, subject=first.split(":", 1)[1].strip(),
                        body=body.strip() + "\n", send_by=send_by)


def compose_request(application: Application, profile: Profile, fill: Fill) -> RequestEmail:
    """The feedback-request email for ``application``, from the theme's template."""
    return compose_email(TEMPLATE, application, profile, fill, request_due(application))
