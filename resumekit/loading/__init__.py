"""User files -> validated models: the only readers of a user's files.

Each ``read_*`` returns a :class:`Loaded` (the model, its warnings, the document with
every node's position, and the SHA-256 of every file read); each ``load_*`` of the public
API returns the model alone and issues the warnings as :class:`ResumekitWarning`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import ConfigError, Problem, ProfileError, TargetError
from ..models import Config, Profile, Target
from ..models.areas import Taxonomy
from .legacy import modernised
from .mapping import checked_areas, checked_path
from .problems import Loaded, hashes_of, validate_document
from .target import read_target, unknown_areas
from .yaml import Document, Positions, as_document, field_path, parse_text, read_document

__all__ = ["Document", "Loaded", "Positions", "ResumekitWarning", "as_document", "field_path", "hashes_of",
           "load_profile", "load_target", "parse_text", "read_config", "read_document", "read_profile",
           "read_target", "validate_document", "warn"]


class ResumekitWarning(UserWarning):
    """A doubtful but usable input, such as an unknown key."""


def warn(problems: list[Problem]) -> None:
    """Issue each problem as a :class:`ResumekitWarning`, attributed to the API's caller."""
    import warnings

    for problem in problems:
        warnings.warn(str(problem), ResumekitWarning, stacklevel=3)


def read_profile(source: str | Path | Mapping[str, Any], strict: bool = False) -> Loaded[Profile]:
    """The validated profile at ``source`` with its warnings; raises :class:`ProfileError`."""
    doc, old_keys = modernised(as_document(source, ProfileError, "profile"))
    if old_keys:  # warnings, as unknown keys are: --strict makes them errors
        doc = replace(doc, problems=[*doc.problems, *old_keys])
    return validate_document(doc, Profile, ProfileError, strict)


def load_profile(source: str | Path | Mapping[str, Any], strict: bool = False) -> Profile:
    """Load a profile (YAML/JSON file or parsed mapping); raises :class:`ProfileError`."""
    loaded = read_profile(source, strict)
    warn(loaded.warnings)
    return loaded.model


def load_target(source: str | Path | Mapping[str, Any], strict: bool = False,
                areas: Mapping[str, list[str]] | None = None) -> Target:
    """Load a target (a job); raises :class:`TargetError`, also for an area to ``emphasize``
    that is neither built in nor one of ``areas`` (the project's own, as in resumekit.yaml)."""
    loaded = read_target(source, strict)
    unknown = unknown_areas(loaded, Taxonomy(checked_areas(areas, TargetError)))
    if unknown:
        raise TargetError(unknown)
    warn(loaded.warnings)
    return loaded.model


def read_config(source: str | Path, strict: bool = False) -> Loaded[Config]:
    """The validated project config; raises :class:`ConfigError`."""
    source = checked_path(source, ConfigError, "config", or_mapping=False)
    if not source.exists():
        raise ConfigError([Problem(str(source), None, None, "",
                                   "file not found; start a project with 'resumekit init', or name "
                                   "the config with -c")])
    doc = read_document(source, ConfigError)
    return validate_document(doc, Config, ConfigError, strict)
