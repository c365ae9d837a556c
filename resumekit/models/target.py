"""A target: one job, in JSON Resume's job vocabulary, with resumekit's extensions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, PrivateAttr

from .base import CountryCode, LanguageTag, Model, Paper, PartialDate, SectionName
from .design import Design
from .profile import Location, Meta, Skill


Redactable = Literal["name", "contact", "address", "photo", "birthDate", "personal", "references"]


class TargetLetter(Model):
    """What the cover letter for this job says beyond the profile's defaults."""

    recipient: str | None = Field(None, description="e.g. 'Ms. Rivera'; the greeting addresses them.")
    greeting: str | None = Field(None, description="Overrides the greeting entirely.")
    address: list[str] = Field(default_factory=list, description="Lines of the employer's address.")
    why: str | None = Field(None, description="Why this employer: a sentence or two of your own.")
    paragraphs: list[str] = Field(default_factory=list, description="Extra paragraphs, in order.")
    closing: str | None = None


class Target(Model):
    """One job to apply for; every JSON Resume job document is one."""

    schema_: str | None = Field(None, alias="$schema")
    title: str | None = Field(None, description="The role, e.g. Lead Data Analyst.")
    company: str | None = None
    type: str | None = Field(None, description="e.g. Full-time.")
    date: PartialDate | None = Field(None, description="When the job was posted (it does not date the letter).")
    letterDate: PartialDate | None = Field(None, description="The date the cover letter carries; by default "
                                                             "the config's letterDate, else the build date.")
    description: str | None = None
    location: Location | None = None
    remote: str | None = Field(None, description="Full, Hybrid or None.")
    salary: str | None = None
    experience: str | None = Field(None, description="e.g. Senior or Mid-level.")
    responsibilities: list[str] = Field(default_factory=list)
    qualifications: list[str] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    meta: Meta = Field(default_factory=Meta)
    id: str | None = Field(None, description="Names the output folder; defaults to the file's stem.")
    posting: str | None = Field(None, description="A plain-text job posting file, relative to this file.")
    application: str | None = Field(None, description="The id of the earlier application this follows up.")
    emphasize: list[str] = Field(default_factory=list, description="Feedback areas to bring forward.")
    include: list[str] = Field(default_factory=list, description="Keep only entries/highlights with these tags.")
    exclude: list[str] = Field(default_factory=list, description="Drop entries/highlights with these tags.")
    pages: int | None = Field(None, ge=1, description="Page budget for the resume.")
    boldMatchedTerms: bool = Field(False, description="Set the job's terms that the resume's highlights "
                                                      "match in bold.")
    language: LanguageTag | None = Field(None, description="The language of this job's documents; "
                                                           "overrides the config's.")
    page: Paper | None = Field(None, description="The paper, a4 or letter; by default from the job's country.")
    sectionOrder: list[SectionName] = Field(default_factory=list,
                                            description="This job's resume's sections in this order; "
                                                        "overrides the config's.")
    design: Design = Field(default_factory=Design, description="This job's look, over the config's design: "
                                                               "the settings it names win.")
    photo: bool | None = Field(None, description="Show the photo (true) or not (false) for this job; "
                                                 "overrides the config's photo.")
    pageBreakBefore: list[SectionName] | None = Field(None, description="Sections that start on a new page; "
                                                                        "overrides the config's.")
    market: CountryCode | None = Field(None, description="The country whose hiring conventions the documents "
                                                         "are checked against; by default the job's country.")
    redact: list[Redactable] = Field(default_factory=list,
                                     description="What an anonymised version leaves out, for blind hiring: "
                                                 "name, contact, address, photo, birthDate, personal, references.")
    letter: TargetLetter = Field(default_factory=TargetLetter)

    _posting_text: str | None = PrivateAttr(None)

    @property
    def posting_text(self) -> str | None:
        """The text of the ``posting`` file, once the loader has read it."""
        return self._posting_text

    @posting_text.setter
    def posting_text(self, text: str | None) -> None:
        self._posting_text = text
