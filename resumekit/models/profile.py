"""The career profile: JSON Resume 1.0.0 with resumekit's optional extensions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import Field

from .base import EndDate, Highlight, LanguageTag, Model, PartialDate, TaggedText

Tags = list[str]


_ID: Any = Field(None, description="A name for the entry that a translation file can address it by.")


def _tags() -> Any:
    return Field(default_factory=list, description="What this entry shows (resumekit extension).")


class Location(Model):
    address: str | None = Field(None, description="Street address; several lines separated by \\n.")
    postalCode: str | None = None
    city: str | None = None
    countryCode: str | None = Field(None, description="ISO-3166-1 ALPHA-2 code, e.g. US, GB, DE.")
    region: str | None = Field(None, description="State, province or region.")


class SocialProfile(Model):
    network: str | None = Field(None, description="e.g. LinkedIn, GitHub.")
    username: str | None = None
    url: str | None = None


class Basics(Model):
    name: str | None = None
    label: str | None = Field(None, description="e.g. Data Analyst.")
    image: str | None = Field(None, description="URL or path of a photo (not shown by the classic theme).")
    email: str | None = None
    phone: str | None = None
    url: str | None = Field(None, description="Personal website.")
    summary: str | list[TaggedText] | None = Field(
        None, description="A short summary, or variants ({text, tags}) for tailoring to choose from.")
    location: Location | None = None
    profiles: list[SocialProfile] = Field(default_factory=list)
    # Personal details some markets expect and others advise against (resumekit extension).
    # resumekit never prints them; validate and build say where the target's market
    # advises against them (see docs/languages.md, "Market conventions").
    birthDate: PartialDate | None = Field(None, description="Date of birth (customary in Germany, "
                                                            "Austria and Switzerland; never printed).")
    age: int | str | None = Field(None, description="Age (never printed).")
    nationality: str | None = Field(None, description="Nationality (never printed).")
    maritalStatus: str | None = Field(None, description="Marital status (never printed).")
    children: int | str | None = Field(None, description="Children (never printed).")
    gender: str | None = Field(None, description="Gender (never printed).")
    religion: str | None = Field(None, description="Religion (never printed).")
    health: str | None = Field(None, description="A health condition or disability (never printed).")


PERSONAL = ("image", "birthDate", "age", "nationality", "maritalStatus", "children", "gender", "religion", "health")
"""The personal details of ``basics`` that markets differ on, a photo first."""
REDACTED_DETAILS: dict[str, tuple[str, ...]] = {"photo": ("image",), "birthDate": ("birthDate", "age"),
                                                "personal": PERSONAL}
"""The details of ``basics`` that each of a target's ``redact:`` items leaves out of its
documents (``name``, ``contact``, ``address`` and ``references`` leave out more than details)."""


class Work(Model):
    name: str | None = Field(None, description="The employer.")
    location: str | None = None
    description: str | None = Field(None, description="What the employer does.")
    position: str | None = None
    url: str | None = None
    startDate: PartialDate | None = None
    endDate: EndDate | None = Field(None, description="Absent or 'present' for an ongoing role.")
    summary: str | None = None
    highlights: list[Highlight] = Field(default_factory=list)
    tags: Tags = _tags()
    id: str | None = _ID


class Volunteer(Model):
    organization: str | None = None
    position: str | None = None
    url: str | None = None
    startDate: PartialDate | None = None
    endDate: EndDate | None = None
    summary: str | None = None
    highlights: list[Highlight] = Field(default_factory=list)
    tags: Tags = _tags()
    id: str | None = _ID


class Education(Model):
    institution: str | None = None
    url: str | None = None
    area: str | None = Field(None, description="e.g. Computer Science.")
    studyType: str | None = Field(None, description="e.g. Bachelor, BSc, MSc.")
    startDate: PartialDate | None = None
    endDate: EndDate | None = None
    score: str | None = Field(None, description="e.g. 3.67/4.0.")
    courses: list[str] = Field(default_factory=list)
    tags: Tags = _tags()
    id: str | None = _ID


class Award(Model):
    title: str | None = None
    date: PartialDate | None = None
    awarder: str | None = None
    summary: str | None = None
    tags: Tags = _tags()
    id: str | None = _ID


class Certificate(Model):
    name: str | None = None
    date: PartialDate | None = None
    url: str | None = None
    issuer: str | None = None
    tags: Tags = _tags()
    id: str | None = _ID


class Publication(Model):
    name: str | None = None
    publisher: str | None = None
    releaseDate: PartialDate | None = None
    url: str | None = None
    summary: str | None = None
    tags: Tags = _tags()
    id: str | None = _ID


class Skill(Model):
    name: str | None = Field(None, description="A group, e.g. Analytics.")
    level: str | None = Field(None, description="e.g. Advanced.")
    keywords: list[str] = Field(default_factory=list)
    tags: Tags = _tags()
    id: str | None = _ID


class Language(Model):
    language: str | None = None
    fluency: str | None = None


class Interest(Model):
    name: str | None = None
    keywords: list[str] = Field(default_factory=list)


class Reference(Model):
    name: str | None = None
    reference: str | None = None


class Project(Model):
    name: str | None = None
    description: str | None = None
    highlights: list[Highlight] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    startDate: PartialDate | None = None
    endDate: EndDate | None = None
    url: str | None = None
    roles: list[str] = Field(default_factory=list)
    entity: str | None = Field(None, description="Organisation the project was for.")
    type: str | None = Field(None, description="e.g. volunteering, presentation, talk, application.")
    tags: Tags = _tags()
    id: str | None = _ID


class CustomEntry(Model):
    """An entry of a section of one's own: a talk, a patent, a clinical rotation..."""

    name: str | None = Field(None, description="What it is, e.g. the talk's title.")
    subtitle: str | None = Field(None, description="A second line, e.g. the event, the role.")
    location: str | None = None
    date: PartialDate | None = Field(None, description="When, for a thing of one day.")
    startDate: PartialDate | None = None
    endDate: EndDate | None = None
    url: str | None = None
    summary: str | None = None
    highlights: list[Highlight] = Field(default_factory=list)
    tags: Tags = _tags()
    id: str | None = _ID


class CustomLine(Model):
    """A one-line row of a section of one's own: ``label: text``."""

    label: str | None = Field(None, description="e.g. Licences.")
    text: str | None = Field(None, description="e.g. RN, Ohio, 2019.")
    tags: Tags = _tags()
    id: str | None = _ID


class CustomSection(Model):
    """A section of one's own, with a title and entries, rows or bullets (resumekit extension)."""

    title: str = Field(description="The section's heading, e.g. Talks.")
    entries: list[CustomEntry] = Field(default_factory=list, description="Entries with a name, dates, a "
                                                                         "place and highlights.")
    lines: list[CustomLine] = Field(default_factory=list, description="One-line 'label: text' rows.")
    bullets: list[Highlight] = Field(default_factory=list, description="A bullet list.")


class Meta(Model):
    canonical: str | None = None
    version: str | None = None
    lastModified: str | None = None
    language: LanguageTag | None = Field(None, description="The language the profile is written in "
                                                           "(resumekit extension); documents use it unless "
                                                           "the config or a target names another.")


class LetterDefaults(Model):
    """Defaults for every cover letter (resumekit extension)."""

    greeting: str | None = Field(None, description="e.g. 'Dear Hiring Manager,'.")
    opening: str | None = Field(None, description="The first paragraph, when no target gives one.")
    paragraphs: list[str] = Field(default_factory=list, description="Paragraphs for every letter.")
    closing: str | None = Field(None, description="The last paragraph, e.g. thanks.")
    signoff: str | None = Field(None, description="The word before the signature; by default the "
                                                  "document's language says it (Sincerely,).")
    signature: str | None = Field(None, description="The name signed; defaults to basics.name.")


class Profile(Model):
    """A career profile: every JSON Resume 1.0.0 document is one."""

    schema_: str | None = Field(None, alias="$schema", description="JSON Schema reference.")
    basics: Basics = Field(default_factory=Basics)
    work: list[Work] = Field(default_factory=list)
    volunteer: list[Volunteer] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    certificates: list[Certificate] = Field(default_factory=list)
    publications: list[Publication] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    interests: list[Interest] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    meta: Meta = Field(default_factory=Meta)
    letter: LetterDefaults = Field(default_factory=LetterDefaults)
    consent: str | None = Field(None, description="A clause consenting to the processing of your data, "
                                                  "printed at the foot of the resume (expected in Poland; "
                                                  "resumekit extension).")
    sections: dict[str, CustomSection] = Field(
        default_factory=dict, description="Sections of your own (talks, patents, teaching...), by the name "
                                          "sectionOrder uses; printed after the others (resumekit extension).")
    feedback: Any = Field(None, description="Feedback, inline (see `resumekit schema feedback`).")


@dataclass(frozen=True)
class SectionInfo:
    """What the code needs to know of one JSON Resume section of entries."""

    name_field: str
    """The field that names an entry (``extend: match`` compares it): ``name``, ``organization``..."""
    date_field: str
    """The field that dates an entry, ``""`` for undated sections."""
    title: str
    """The section's heading in an English document."""
    highlighted: bool = False
    """Whether its entries carry ``highlights``."""


SECTION_INFO: dict[str, SectionInfo] = {
    "work": SectionInfo("name", "startDate", "Experience", highlighted=True),
    "volunteer": SectionInfo("organization", "startDate", "Volunteering", highlighted=True),
    "education": SectionInfo("institution", "startDate", "Education"),
    "awards": SectionInfo("title", "date", "Awards"),
    "certificates": SectionInfo("name", "date", "Certificates"),
    "publications": SectionInfo("name", "releaseDate", "Publications"),
    "skills": SectionInfo("name", "", "Skills"),
    "languages": SectionInfo("language", "", "Languages"),
    "interests": SectionInfo("name", "", "Interests"),
    "references": SectionInfo("name", "", "References"),
    "projects": SectionInfo("name", "startDate", "Projects", highlighted=True),
}
"""The one table of the sections of entries: feedback, tailoring and documents read it."""

SECTIONS = tuple(SECTION_INFO)
"""The JSON Resume sections that hold lists of entries."""

HIGHLIGHTED = tuple(name for name, info in SECTION_INFO.items() if info.highlighted)
"""The sections whose entries carry highlights."""
