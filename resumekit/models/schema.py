"""JSON Schema of each file kind, generated from the models, for editor completion."""

from __future__ import annotations

from typing import Any

from . import Config, Profile, Target
from .base import NoNullSchema

TITLES = {
    "profile": "resumekit profile (JSON Resume 1.0.0 with extensions)",
    "feedback": "resumekit feedback: applications, what employers said, and improvements",
    "target": "resumekit target (JSON Resume job with extensions)",
    "config": "resumekit project config (resumekit.yaml)",
}


def _model(kind: str) -> Any:
    if kind == "feedback":
        from .feedback import Feedback

        return Feedback
    return {"profile": Profile, "target": Target, "config": Config}[kind]


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``kind``: profile, feedback, target or config."""
    schema = _model(kind).model_json_schema(by_alias=True, schema_generator=NoNullSchema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = TITLES[kind]
    return schema
