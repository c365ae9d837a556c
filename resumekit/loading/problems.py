"""pydantic's errors -> located, plain-English problems; unknown keys; validation of a document."""

from __future__ import annotations

import datetime as dt

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import UnionType
from typing import Annotated, Any, Generic, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ..errors import LocatedError, Problem, did_you_mean
from ..models.design import PATTERN_WORDS
from .yaml import Document, PathKey, by_place, field_path

M = TypeVar("M", bound=BaseModel)

_FRIENDLY = {
    "missing": "is required",
    "string_type": "must be text",
    "list_type": "must be a list",
    "dict_type": "must be a mapping of keys to values",
    "model_type": "must be a mapping of keys to values",
    "model_attributes_type": "must be a mapping of keys to values",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
}

_BOUNDS = {
    "greater_than_equal": ("ge", "at least"),
    "greater_than": ("gt", "more than"),
    "less_than_equal": ("le", "at most"),
    "less_than": ("lt", "less than"),
    "too_short": ("min_length", "at least this many items:"),
    "too_long": ("max_length", "at most this many items:"),
}


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"the date {value.isoformat()}"  # YAML read 2026-12-01 as a date: say it as written
    return repr(value)


def _friendly_message(err: Mapping[str, Any]) -> str:
    kind = err["type"]
    value = err.get("input")
    context = err.get("ctx") or {}
    if kind in ("value_error", "assertion_error"):
        message = str(err["msg"])
        for prefix in ("Value error, ", "Assertion failed, "):
            message = message.removeprefix(prefix)
        return message
    if kind == "missing":
        return "is required"
    if kind == "string_pattern_mismatch" and context.get("pattern") in PATTERN_WORDS:
        return f"{PATTERN_WORDS[context['pattern']]}, not {_describe(value)}"
    if kind == "literal_error" and "expected" in context:
        return f"must be {context['expected']}, not {_describe(value)}"
    if kind in _BOUNDS:
        name, words = _BOUNDS[kind]
        if name in context:
            return f"must be {words} {context[name]}, not {_describe(value)}"
    base = _FRIENDLY.get(kind)
    if base is None:
        return str(err["msg"])
    hint = ""
    if kind == "string_type" and isinstance(value, (int, float, bool)):
        hint = "; put it in quotes"
    if kind == "list_type" and isinstance(value, str):
        hint = f"; write [{value}]"
    return f"{base}, not {_describe(value)}{hint}"


def _real_path(data: Any, loc: tuple[Any, ...]) -> PathKey:
    """Keep the parts of a pydantic location that name real keys or indexes in ``data``.

    The parts that do not (the names pydantic gives the members of a union) are dropped;
    a missing key, the location's last part, is kept so the problem can name it.
    """
    path: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and i == len(loc) - 1:
            path.append(part)
            node = None
    return tuple(path)


def validation_problems(doc: Document, exc: ValidationError) -> list[Problem]:
    """Turn pydantic's errors into located, plain-English problems, one per place, in file order."""
    found: dict[PathKey, Mapping[str, Any]] = {}
    for err in exc.errors(include_url=False):
        path = _real_path(doc.data, tuple(err["loc"]))
        found.setdefault(path, err)  # a union reports once per member; the first reads best
    # A union that fails on a part of a value also fails on the whole value ("must be
    # text, not a list"); the part says what is really wrong, so the whole is dropped.
    deepest = [path for path in found
               if not any(len(other) > len(path) and other[:len(path)] == path for other in found)]
    problems = []
    for path in deepest:
        line, column = doc.positions.of_value(path)
        message = _friendly_message(found[path])
        if message.startswith("is empty (null)") and _comment_after_key(doc.source, line):
            message = ("is empty: YAML reads a # after a space as the start of a comment; put the value "
                       "in quotes, e.g. \"#004f90\"")
        problems.append(Problem(doc.source, line, column, field_path(path) or "(top)", message))
    return sorted(problems, key=by_place)


def _comment_after_key(source: str, line: int | None) -> bool:
    """Whether line ``line`` of the file ``source`` is ``key: #...`` (a colour left unquoted)."""
    import re
    from pathlib import Path

    if line is None:
        return False
    try:
        lines = Path(source).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return 0 < line <= len(lines) and re.search(r":\s+#", lines[line - 1]) is not None


def _models_in(annotation: Any, in_list: bool) -> list[type[BaseModel]]:
    """The models an annotation allows for a mapping value (``in_list``: for a list's items)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _models_in(get_args(annotation)[0], in_list)
    if origin in (Union, UnionType):
        return [m for arg in get_args(annotation) for m in _models_in(arg, in_list)]
    if origin is list:
        args = get_args(annotation)
        return _models_in(args[0], False) if in_list and args else []
    if not in_list and isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


def _field_names(model: type[BaseModel]) -> dict[str, Any]:
    """Every key a model accepts (by alias and by name) and the annotation behind it."""
    names: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        names[name] = info.annotation
        if info.alias:
            names[info.alias] = info.annotation
    return names


RENAMED = {"company": "name", "website": "url", "picture": "image", "gpa": "score",
           "organisation": "organization", "institute": "institution"}
"""Keys of older JSON Resume versions (and common variants), and what they are called now."""


def unknown_keys(doc: Document, model: type[BaseModel], data: Any = None,
                 path: PathKey = ()) -> list[Problem]:
    """Warn about keys no model field knows, with a "did you mean" when one is close.

    Works on the data, not on a validated model, so it can report alongside errors.
    """
    data = doc.data if data is None and not path else data
    if not isinstance(data, dict):
        return []
    fields = _field_names(model)
    known = [info.alias or name for name, info in model.model_fields.items()]
    warnings: list[Problem] = []
    for key, value in data.items():
        child = (*path, key)
        if key not in fields:
            renamed = RENAMED.get(key)
            if renamed in known:
                hint = f"; did you mean '{renamed}'? (older JSON Resume versions called it '{key}')"
            elif isinstance(value, list) and "sections" in known and not did_you_mean(key, known):
                # a list of one's own (talks, patents) at the top of a profile: say how to print it
                hint = (f": it is not printed; to print it as a section of your own, move it under "
                        f"sections: as {key}: {{title: ..., entries: [...]}} (see docs/profile-format.md)")
            else:
                hint = did_you_mean(key, known) or " (kept, but resumekit does not use it)"
            line, column = doc.positions.of_key(child)
            warnings.append(Problem(doc.source, line, column, field_path(child),
                                    f"unknown key '{key}'{hint}", severity="warning"))
            continue
        annotation = fields[key]
        if isinstance(value, dict) and get_origin(annotation) is dict:  # {name: model}, as sections:
            models = _models_in(get_args(annotation)[1], in_list=False)
            if len(models) == 1:
                for name, item in value.items():
                    warnings += unknown_keys(doc, models[0], item, (*child, name))
        elif isinstance(value, dict):
            models = _models_in(annotation, in_list=False)
            if len(models) == 1:
                warnings += unknown_keys(doc, models[0], value, child)
        elif isinstance(value, list):
            models = _models_in(annotation, in_list=True)
            if len(models) == 1:
                for i, item in enumerate(value):
                    warnings += unknown_keys(doc, models[0], item, (*child, i))
    return warnings


@dataclass
class Loaded(Generic[M]):
    """A validated model, the warnings found on the way, and the document it came from."""

    model: M
    warnings: list[Problem]
    document: Document
    hashes: dict[str, str] = field(default_factory=dict)
    """The SHA-256 of every file read for the model, by resolved path."""


def _under(problem: Problem, doc: Document) -> bool:
    """Whether ``problem`` is about a value the parser already refused (or one inside it)."""
    return any(problem.field == field_path(path) or problem.field.startswith(field_path(path) + ".")
               or problem.field.startswith(field_path(path) + "[") for path in doc.broken if path)


def _as_error(problem: Problem) -> Problem:
    return Problem(problem.file, problem.line, problem.column, problem.field, problem.message)


def validate_document(
    doc: Document, model_type: type[M], error: type[LocatedError], strict: bool = False
) -> Loaded[M]:
    """Validate ``doc`` against ``model_type``; every problem is raised at once.

    With ``strict``, unknown keys are errors too, reported with the others.
    """
    if not isinstance(doc.data, dict):
        line, column = doc.positions.of_value(())
        raise error([Problem(doc.source, line, column, "(top)",
                             "the file must hold a mapping of keys to values, not "
                             # the text itself is not shown: the file may be one that is not the user's
                             + ("text" if isinstance(doc.data, str) else _describe(doc.data)))])
    warnings = [w for w in doc.problems if w.severity == "warning"] + unknown_keys(doc, model_type)
    problems = [p for p in doc.problems if p.severity == "error"]
    model = None
    try:
        model = model_type.model_validate(doc.data)
    except ValidationError as exc:
        # A value the parser refused reads as None; validation need not say so again.
        problems += [p for p in validation_problems(doc, exc) if not _under(p, doc)] or \
            ([] if problems else validation_problems(doc, exc))
    if strict:
        problems += [_as_error(w) for w in warnings]
        warnings = []
    if problems or model is None:
        # Errors and warnings together: a user fixes them in one round.
        raise error(sorted(problems + warnings, key=by_place))
    return Loaded(model, warnings, doc, hashes_of(doc))


def hashes_of(*docs: Document) -> dict[str, str]:
    """The SHA-256 of each document that was read from a file, by resolved path."""
    from pathlib import Path

    return {str(Path(d.source).resolve()): d.sha256 for d in docs if d.sha256 is not None}
