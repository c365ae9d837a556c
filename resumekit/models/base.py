"""The one base model, and the field types the file formats share (dates, tagged text)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, WithJsonSchema, field_validator
from pydantic.json_schema import GenerateJsonSchema

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_parts(value: str) -> tuple[int, ...]:
    """``2024-06`` -> ``(2024, 6)``: a validated date as numbers, to compare or sort."""
    return tuple(int(p) for p in value.split("-"))


def before(a: str, b: str) -> bool:
    """Whether date ``a`` is strictly earlier than ``b`` at the precision both have."""
    pa, pb = date_parts(a), date_parts(b)
    n = min(len(pa), len(pb))
    return pa[:n] < pb[:n]


def first_day(value: str) -> dt.date:
    """The first day a date can mean: ``2024-06`` -> 1 June 2024."""
    parts = [*date_parts(value), 1, 1]
    return dt.date(parts[0], parts[1], parts[2])


class Model(BaseModel):
    """Base of every file model: unknown keys are kept (and warned about), nulls refused."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, frozen=False)

    @field_validator("*", mode="before")
    @classmethod
    def _refuse_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("is empty (null); give it a value or remove the key")
        return value

    @field_validator("endDate", check_fields=False)
    @classmethod
    def _end_after_start(cls, value: Any, info: ValidationInfo) -> Any:
        start = info.data.get("startDate")
        if isinstance(value, str) and isinstance(start, str) and value != "present":
            if before(value, start):
                raise ValueError(f"'{value}' is before the startDate '{start}'; check the dates")
        return value


_DATE_HINT = "must be a date such as 2024, 2024-06 or 2024-06-30"


def _coerce_date(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError(f"{_DATE_HINT}, not {str(value).lower()} (YAML reads yes/no/on/off as true/false)")
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    if isinstance(value, str):
        text = value.strip()
        match = _DATE.match(text)
        if not match:
            raise ValueError(f"'{value}' is not a date; write 2024, 2024-06 or 2024-06-30")
        year, month, day = match.groups()
        try:
            dt.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            raise ValueError(f"'{value}' is not a real date") from None
        return text
    raise ValueError(f"{_DATE_HINT}, not {value!r}")


def _coerce_end_date(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in {"present", "current", "now"}:
        return "present"
    return _coerce_date(value)


_DATE_SCHEMA = {
    "description": "A date: 2024, 2024-06 or 2024-06-30",
    "anyOf": [
        {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
        {"type": "integer", "minimum": 1000, "maximum": 9999},  # a bare year, as YAML reads it
    ],
}

PartialDate = Annotated[str, BeforeValidator(_coerce_date), WithJsonSchema(_DATE_SCHEMA)]
"""A JSON Resume date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (YAML dates and years too)."""

EndDate = Annotated[
    str,
    BeforeValidator(_coerce_end_date),
    WithJsonSchema({"anyOf": [_DATE_SCHEMA, {"const": "present"}],
                    "description": "An end date, or 'present' (absent also means ongoing)"}),
]


LANGUAGE_TAG = r"^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$"
"""A language tag in form (BCP 47, or with an underscore): ``en``, ``en-GB``, ``zh-Hant-TW``."""

LanguageTag = Annotated[str, Field(pattern=LANGUAGE_TAG, description="A BCP 47 language tag: en, en-GB, de, pt-BR, ja.")]
CountryCode = Annotated[str, Field(pattern=r"^[A-Za-z]{2}$", description="An ISO 3166-1 alpha-2 country code: US, DE, JP.")]
Paper = Literal["a4", "letter"]
SECTION_NAMES = ("summary", "work", "volunteer", "education", "awards", "certificates", "publications",
                 "skills", "languages", "interests", "references", "projects")
"""The resume's built-in sections, as ``sectionOrder`` names them."""
SectionName = Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_-]*$",
                                   description="A section: summary, work, volunteer, education, awards, "
                                               "certificates, publications, skills, languages, interests, "
                                               "references, projects, or one of the profile's sections:.")]


def _from_string(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class TaggedText(Model):
    """A piece of text with the tags that say what it shows."""

    text: str = Field(description="The text, as it will appear.")
    tags: list[str] = Field(default_factory=list, description="What this shows, e.g. leadership.")
    id: str | None = Field(None, description="A name for it that a translation file can address it by.")


_TAGGED_SCHEMA = {
    "anyOf": [
        {"type": "string"},
        {"type": "object", "required": ["text"],
         "properties": {"text": {"type": "string"},
                        "tags": {"type": "array", "items": {"type": "string"}},
                        "id": {"type": "string"}}},
    ]
}

Highlight = Annotated[TaggedText, BeforeValidator(_from_string), WithJsonSchema(_TAGGED_SCHEMA)]
"""A highlight: a plain string (as in JSON Resume) or ``{text, tags}``."""


class NoNullSchema(GenerateJsonSchema):
    """JSON Schema without ``null`` alternatives: files may omit a key, never set it to null."""

    def nullable_schema(self, schema: Any) -> Any:
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema: Any) -> Any:
        """Keep a real default (editors show it on hover); drop a ``null`` one."""
        generated = super().default_schema(schema)
        if isinstance(generated, dict) and generated.get("default", 0) is None:
            generated = {k: v for k, v in generated.items() if k != "default"}
        return generated
