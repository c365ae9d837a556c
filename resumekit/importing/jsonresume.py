"""A JSON Resume document of any version -> the same profile in JSON Resume 1.0's keys.

The profile loader already reads the keys of versions before 1.0 with their meaning
(:mod:`resumekit.loading.legacy`); this writes the result out, so the warnings go away
for good. A document that is not a valid profile is refused with its problems, at their
lines, as ``resumekit validate`` would report them.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem, ProfileError
from ..loading import read_profile
from ..loading.legacy import HOW_TO_MODERNISE, new_name
from ..models import Profile
from .writing import Imported

KEYS = frozenset(field.alias or name for name, field in Profile.model_fields.items())
"""A profile's top-level keys: a document with none of them is not a JSON Resume."""


def import_jsonresume(path: Path) -> Imported:
    """The profile at ``path`` with its pre-1.0 keys renamed; raises :class:`ProfileError`
    if it is not a valid profile."""
    loaded = read_profile(path)
    _refuse_another_format(path, loaded.document.data)
    imported = Imported(path, dict(loaded.document.data))
    for warning in loaded.warnings:
        where = f"{path.name}:{warning.line}" if warning.line else path.name
        new = new_name(warning.field) if HOW_TO_MODERNISE in warning.message else None
        if new:
            imported.renamed.append(f"{where}: {warning.field} -> {new}")
        else:
            kept = "" if "kept" in warning.message else " (kept as it is)"
            imported.note(where, f"{warning.field}: {warning.message}{kept}")
    return imported


def _refuse_another_format(path: Path, data: object) -> None:
    """A document with none of a profile's keys validates (each unknown key is kept), so
    a RenderCV file named as JSON Resume would become a profile with nothing in it."""
    if isinstance(data, dict) and KEYS.isdisjoint(data):
        hint = ("it looks like a RenderCV file: resumekit import rendercv FILE" if "cv" in data
                else "is this a JSON Resume document?")
        raise ProfileError([Problem(str(path), None, None, "", "has none of JSON Resume's keys (basics, work, "
                                    f"education...); {hint}")])
