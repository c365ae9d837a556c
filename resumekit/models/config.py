"""The project config, ``resumekit.yaml``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import CountryCode, LanguageTag, Model, Paper, PartialDate, SectionName
from .design import Design

Format = Literal["pdf", "docx", "txt", "md", "html", "json"]
DocumentKind = Literal["resume", "letter"]
DateStyle = Literal["Mar 2024", "March 2024", "03/2024", "2024-03"]


class Config(Model):
    """Where a project's files are and what to build from them; paths are relative to it."""

    profile: str = Field("profile.yaml", description="The career profile.")
    feedback: str | None = Field(None, description="A feedback file or a folder of them.")
    targets: str | None = Field(None, description="A target file, a folder or a glob; none = one general build.")
    output: str = Field("out", description="Where documents go: <output>/<target id>/, a folder inside the project.")
    formats: list[Format] = Field(default_factory=lambda: list[Format](["pdf", "docx"]))
    documents: list[DocumentKind] = Field(default_factory=lambda: list[DocumentKind](["resume", "letter"]))
    theme: str = Field("classic", description="A built-in theme's name, or a folder of your own.")
    language: LanguageTag | None = Field(
        None, description="The documents' language, as a BCP 47 tag (en, en-GB, de, ja); a target's "
                          "language wins, and without either the profile's meta.language, else en.")
    dateFormat: DateStyle = Field("Mar 2024", description="How months are written, shown for March 2024: "
                                                          "'Mar 2024', 'March 2024' (both in the document's "
                                                          "language), '03/2024' or '2024-03'.")
    market: CountryCode | None = Field(None, description="The country whose hiring conventions documents are "
                                                         "checked against when a target names none; by default "
                                                         "the target's country, else the profile's.")
    sectionOrder: list[SectionName] = Field(
        default_factory=list, description="The resume's sections in this order (summary, work, education, "
                                          "skills, ...); the ones not named follow in the usual order.")
    design: Design = Field(default_factory=Design, description="The theme's look changed: accent colour, "
                                                               "font, sizes, margins, section titles, icons.")
    photo: bool = Field(False, description="Show basics.image (a PNG or JPEG file in the project) in the "
                                           "resume's header, in themes that show photos.")
    pageBreakBefore: list[SectionName] = Field(default_factory=list, description="Sections of the resume that "
                                                                                 "start on a new page.")
    page: Paper | None = Field(None, description="The paper: a4 or letter; by default Letter for the US and "
                                                 "Canada (the target's country, else the profile's) and A4 "
                                                 "elsewhere.")
    letterDate: PartialDate | None = Field(None, description="The date letters carry when a target sets none; "
                                                             "else the build date.")
    date: PartialDate | None = Field(None, description="The older name of letterDate.")
    applications: str = Field("applications", description="Where resumekit apply archives what was sent and "
                                                           "records each application: <applications>/<id>/, a "
                                                           "folder inside the project.")
    followUpAfter: int = Field(10, ge=1, le=60, description="Working days with no news after an application "
                                                            "or an interview before resumekit due suggests a "
                                                            "polite follow-up.")
    areas: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Feedback areas of your own, or more words for a built-in one: {area: [phrases]}.")
    allowOutside: bool = Field(
        False, description="Let the project read files outside its folder (profile, feedback, targets, "
                           "postings, theme, images); otherwise each must resolve inside it, symlinks "
                           "followed. The output folder stays inside the project either way.")
