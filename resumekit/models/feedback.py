"""Feedback: applications, what employers said, and what was done about it."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, PrivateAttr, WithJsonSchema

from .base import Highlight, Model, PartialDate
from .profile import Award, Certificate, Education, Project, Publication, Skill, Volunteer, Work

_SLUG = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"


def _check_slug(value: str) -> str:
    if not re.fullmatch(_SLUG, value):
        raise ValueError(f"'{value}' is not a valid id: use letters, digits, '-', '_' and '.', "
                         "starting with a letter or digit (e.g. acme-analyst-2026)")
    return value


Slug = Annotated[str, AfterValidator(_check_slug), WithJsonSchema({"type": "string", "pattern": _SLUG})]


class Contact(Model):
    """Who gave the feedback; never shown in documents or reports unless asked for."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    role: str | None = Field(None, description="e.g. Hiring Manager, Recruiter.")
    greeting: str | None = Field(None, description="How to address them in an email, e.g. 'Dana' or 'Ms. Lee'.")


class FeedbackPoint(Model):
    """One thing the employer said."""

    text: str = Field(description="What they said, in your words or theirs.")
    areas: list[str] = Field(default_factory=list,
                             description="Feedback areas; inferred from the text when absent.")


def _point_from_string(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


Point = Annotated[
    FeedbackPoint,
    BeforeValidator(_point_from_string),
    WithJsonSchema({"anyOf": [
        {"type": "string"},
        {"type": "object", "required": ["text"],
         "properties": {"text": {"type": "string"},
                        "areas": {"type": "array", "items": {"type": "string"}}}},
    ]}),
]


InterviewKind = Literal["phone", "video", "panel", "technical", "onsite", "other"]


class Interview(Model):
    """One interview of an application: when, what kind, and whether you thanked them."""

    date: PartialDate = Field(description="The day of the interview, e.g. 2026-11-20.")
    kind: InterviewKind = Field("other", description="phone, video, panel, technical, onsite or other.")
    with_: str | None = Field(None, alias="with", description="Who you met; private, never shown in documents.")
    thanked: PartialDate | None = Field(None, description="When you sent the thank-you note: none is then due.")
    notes: str | None = Field(None, description="Private notes; never shown in documents.")


class Application(Model):
    """One application, its stages from applied to the outcome, and the feedback it brought."""

    id: Slug = Field(description="A unique slug, e.g. acme-analyst-2026.")
    employer: str
    position: str | None = None
    url: str | None = Field(None, description="The job posting.")
    target: str | None = Field(None, description="The id of the target the application was built from "
                                                 "(resumekit apply records it).")
    applied: PartialDate | None = None
    interviews: list[Interview] = Field(default_factory=list, description="Each interview, in the order held.")
    offer: PartialDate | None = Field(None, description="When an offer came.")
    accepted: PartialDate | None = Field(None, description="When you accepted the offer.")
    withdrawn: PartialDate | None = Field(None, description="When you withdrew the application.")
    rejected: PartialDate | None = None
    followUps: list[PartialDate] = Field(default_factory=list,
                                         description="When you sent a follow-up asking for news.")
    feedbackRequested: PartialDate | None = None
    feedbackReceived: PartialDate | None = None
    interviewed: bool = Field(False, description="Whether you had interviews (implied by 'interviews'); the "
                                                 "feedback request then asks about them.")
    contact: Contact | None = None
    feedback: list[Point] = Field(default_factory=list)
    notes: str | None = Field(None, description="Private notes; never shown in documents.")

    _origin: Any = PrivateAttr(None)

    @property
    def had_interviews(self) -> bool:
        """Whether any interview is recorded, by date or by ``interviewed: true``."""
        return self.interviewed or bool(self.interviews)


class Additions(Model):
    """New entries, by JSON Resume section."""

    work: list[Work] = Field(default_factory=list)
    volunteer: list[Volunteer] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    certificates: list[Certificate] = Field(default_factory=list)
    publications: list[Publication] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)


ExtendableSection = Literal["work", "volunteer", "projects"]


class Extension(Model):
    """New highlights for an entry the profile already has."""

    section: ExtendableSection = Field(description="work, volunteer or projects.")
    match: str = Field(description="The entry's name (work, projects) or organization (volunteer).")
    position: str | None = Field(None, description="Narrows the match when one employer has several entries.")
    highlights: list[Highlight] = Field(min_length=1)


class Improvement(Model):
    """Something done to answer feedback, and what it adds to the profile."""

    id: Slug = Field(description="A unique slug.")
    addresses: list[str] = Field(min_length=1, description="The feedback areas it answers.")
    prompted_by: list[str] = Field(default_factory=list, description="Ids of the applications it answers.")
    date: PartialDate | None = Field(None, description="When it was done; defaults to its entries' dates.")
    summary: str | None = Field(
        None, description="How the growth paragraph of a letter says it, after 'I': e.g. "
                          "'led six volunteers to ship a food-bank dashboard'.")
    add: Additions = Field(default_factory=Additions)
    extend: list[Extension] = Field(default_factory=list)

    _origin: Any = PrivateAttr(None)


class Feedback(Model):
    """Applications and improvements: the record of the feedback loop."""

    schema_: str | None = Field(None, alias="$schema")
    applications: list[Application] = Field(default_factory=list)
    improvements: list[Improvement] = Field(default_factory=list)
