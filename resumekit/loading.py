"""YAML/JSON files -> validated models, keeping the line and column of every node.

Safety: only YAML's safe constructors run, files over ``MAX_FILE_BYTES`` are refused
before parsing, and a document whose aliases would expand past ``MAX_NODES`` nodes
(a "billion laughs" bomb) is refused while it is being walked, long before it is built.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import ConfigError, LocatedError, Problem, ProfileError, TargetError
from .models import Config, Profile, Target

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000

PathKey = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


@dataclass
class Positions:
    """Where each value (and each mapping key) of a parsed document stands."""

    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, path: PathKey) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the value at ``path``, or of its nearest parent."""
        for end in range(len(path), -1, -1):
            spot = self.values.get(path[:end])
            if spot:
                return spot
        return None, None

    def of_key(self, path: PathKey) -> tuple[int | None, int | None]:
        """Line and column of the key that names ``path``, else of its value."""
        return self.keys.get(path) or self.of_value(path)


@dataclass
class Document:
    """A parsed user file: plain data plus where each node came from."""

    data: Any
    source: str
    positions: Positions


class _TooBig(Exception):
    pass


def _path_text(path: PathKey) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def field_path(path: PathKey) -> str:
    """``('work', 0, 'startDate')`` -> ``work[0].startDate``."""
    return _path_text(path)


class _Walker:
    """Turns a composed YAML node tree into plain data, recording positions."""

    def __init__(self, loader: yaml.SafeLoader, source: str) -> None:
        self.loader = loader
        self.source = source
        self.positions = Positions()
        self.problems: list[Problem] = []
        self.count = 0

    def walk(self, node: yaml.Node, path: PathKey) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig
        mark = node.start_mark
        self.positions.values.setdefault(path, (mark.line + 1, mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            self.loader.flatten_mapping(node)
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = self.loader.construct_object(key_node, deep=True)
                if not isinstance(key, str):
                    key = str(key)
                child = (*path, key)
                km = key_node.start_mark
                if key in result:
                    self.problems.append(Problem(
                        self.source, km.line + 1, km.column + 1, field_path(child),
                        "this key appears twice; keep only one"))
                self.positions.keys[child] = (km.line + 1, km.column + 1)
                result[key] = self.walk(value_node, child)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)


def _yaml_problem(source: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    reason = getattr(error, "problem", None) or str(error)
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    return Problem(source, line, column, "", f"this is not valid YAML: {reason}")


def parse_text(text: str, source: str, error: type[LocatedError]) -> Document:
    """Parse YAML (or JSON) text into a :class:`Document`; raise ``error`` if it cannot."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise error([Problem(source, None, None, "",
                             f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; "
                             "a career file is a few kilobytes, so this is refused")])
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        walker = _Walker(loader, source)
        data = walker.walk(node, ()) if node is not None else {}
    except _TooBig:
        raise error([Problem(source, None, None, "",
                             f"the document expands to more than {MAX_NODES:,} values "
                             "(too many aliases?); refused")]) from None
    except yaml.YAMLError as exc:
        if source.endswith(".json"):
            return _parse_json(text, source, error)
        raise error([_yaml_problem(source, exc)]) from None
    finally:
        loader.dispose()
    if walker.problems:
        raise error(walker.problems)
    return Document(data, source, walker.positions)


def _parse_json(text: str, source: str, error: type[LocatedError]) -> Document:
    """Fallback for JSON that YAML refuses (e.g. tab indentation); no positions kept."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise error([Problem(source, exc.lineno, exc.colno, "",
                             f"this is not valid JSON: {exc.msg}")]) from None
    return Document(data, source, Positions())


def read_document(path: str | Path, error: type[LocatedError]) -> Document:
    """Read and parse a user's file."""
    path = Path(path)
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise error([Problem(source, None, None, "",
                                 f"the file is {size / 1024 / 1024:.1f} MB; "
                                 f"the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB")])
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise error([Problem(source, None, None, "", "file not found")]) from None
    except IsADirectoryError:
        raise error([Problem(source, None, None, "", "this is a folder, not a file")]) from None
    except UnicodeDecodeError as exc:
        raise error([Problem(source, None, None, "",
                             f"the file is not UTF-8 text ({exc.reason})")]) from None
    except OSError as exc:
        raise error([Problem(source, None, None, "", f"cannot read the file: {exc.strerror}")]) from None
    return parse_text(text, source, error)


def as_document(
    source: str | Path | Mapping[str, Any], error: type[LocatedError], name: str
) -> Document:
    """A path is read and parsed; an already-parsed mapping is taken as it is."""
    if isinstance(source, Mapping):
        return Document(dict(source), f"<{name}>", Positions())
    return read_document(source, error)


# --- validation ---------------------------------------------------------------------

_FRIENDLY = {
    "missing": "is required",
    "string_type": "must be text",
    "list_type": "must be a list",
    "dict_type": "must be a mapping of keys to values",
    "model_type": "must be a mapping of keys to values",
    "model_attributes_type": "must be a mapping of keys to values",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "literal_error": None,
    "enum": None,
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
    return repr(value)


def _friendly_message(err: Mapping[str, Any]) -> str:
    kind = err["type"]
    value = err.get("input")
    if kind == "value_error" or kind == "assertion_error":
        message = str(err["msg"])
        for prefix in ("Value error, ", "Assertion failed, "):
            message = message.removeprefix(prefix)
        return message
    base = _FRIENDLY.get(kind)
    if base is None:
        return str(err["msg"])
    if kind == "missing":
        return base
    hint = ""
    if kind == "string_type" and isinstance(value, (int, float, bool)) and value is not None:
        hint = "; put it in quotes"
    return f"{base}, not {_describe(value)}{hint}"


def _real_path(data: Any, loc: tuple[Any, ...]) -> PathKey:
    """Keep the parts of a pydantic location that name real keys or indexes in ``data``."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and len(path) == len(loc) - 1:
            path.append(part)  # a missing key: name it, point at its parent
            node = None
    return tuple(path)


def validation_problems(doc: Document, exc: ValidationError) -> list[Problem]:
    """Turn pydantic's errors into located, plain-English problems, one per place."""
    problems: dict[PathKey, Problem] = {}
    for err in exc.errors(include_url=False):
        path = _real_path(doc.data, tuple(err["loc"]))
        if path in problems:
            continue  # a union reports once per member; the first reads best
        line, column = doc.positions.of_value(path)
        problems[path] = Problem(doc.source, line, column, field_path(path) or "(top)",
                                 _friendly_message(err))
    return list(problems.values())


def unknown_key_warnings(doc: Document, model: BaseModel, path: PathKey = ()) -> list[Problem]:
    """Warn about keys no model field knows, with a "did you mean" when one is close."""
    warnings: list[Problem] = []
    extra = model.__pydantic_extra__ or {}
    known = [f.alias or name for name, f in type(model).model_fields.items()]
    for key in extra:
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else " (kept, but resumekit does not use it)"
        line, column = doc.positions.of_key((*path, key))
        warnings.append(Problem(doc.source, line, column, field_path((*path, key)),
                                f"unknown key '{key}'{hint}", severity="warning"))
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        key = info.alias or name
        if isinstance(value, BaseModel):
            warnings += unknown_key_warnings(doc, value, (*path, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    warnings += unknown_key_warnings(doc, item, (*path, key, i))
    return warnings


@dataclass
class Loaded(Generic[M]):
    """A validated model, the warnings found on the way, and the document it came from."""

    model: M
    warnings: list[Problem]
    document: Document


def validate_document(
    doc: Document, model_type: type[M], error: type[LocatedError], strict: bool = False
) -> Loaded[M]:
    """Validate ``doc`` against ``model_type``; every problem is raised at once."""
    if not isinstance(doc.data, dict):
        line, column = doc.positions.of_value(())
        raise error([Problem(doc.source, line, column, "(top)",
                             f"the file must hold a mapping of keys to values, not {_describe(doc.data)}")])
    try:
        model = model_type.model_validate(doc.data)
    except ValidationError as exc:
        raise error(validation_problems(doc, exc)) from None
    warnings = unknown_key_warnings(doc, model)
    if strict and warnings:
        raise error([Problem(w.file, w.line, w.column, w.field, w.message) for w in warnings])
    return Loaded(model, warnings, doc)


# --- the loaders of the public API ----------------------------------------------------


class ResumekitWarning(UserWarning):
    """A doubtful but usable input, such as an unknown key."""


def _warn(problems: list[Problem]) -> None:
    import warnings

    for problem in problems:
        warnings.warn(str(problem), ResumekitWarning, stacklevel=3)


def read_profile(source: str | Path | Mapping[str, Any], strict: bool = False) -> Loaded[Profile]:
    """The validated profile at ``source`` with its warnings; raises :class:`ProfileError`."""
    doc = as_document(source, ProfileError, "profile")
    return validate_document(doc, Profile, ProfileError, strict)


def load_profile(source: str | Path | Mapping[str, Any], strict: bool = False) -> Profile:
    """Load a profile (YAML/JSON file or parsed mapping); raises :class:`ProfileError`."""
    loaded = read_profile(source, strict)
    _warn(loaded.warnings)
    return loaded.model


def read_target(source: str | Path | Mapping[str, Any], strict: bool = False) -> Loaded[Target]:
    """The validated target with its id filled in and its posting read; raises TargetError."""
    doc = as_document(source, TargetError, "target")
    loaded = validate_document(doc, Target, TargetError, strict)
    target = loaded.model
    base = Path(source).parent if not isinstance(source, Mapping) else Path.cwd()
    if target.id is None:
        target.id = Path(source).stem if not isinstance(source, Mapping) else "target"
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,80}", target.id) or ".." in target.id:
        line, column = doc.positions.of_value(("id",))
        raise TargetError([Problem(doc.source, line, column, "id",
                                   f"'{target.id}' cannot name a folder; use letters, digits, '-', '_' or '.'")])
    if target.posting:
        posting = base / target.posting
        line, column = doc.positions.of_value(("posting",))
        try:
            target.posting_text = posting.read_text(encoding="utf-8-sig")[:MAX_FILE_BYTES]
        except (OSError, UnicodeDecodeError) as exc:
            reason = "file not found" if isinstance(exc, FileNotFoundError) else str(exc)
            raise TargetError([Problem(doc.source, line, column, "posting",
                                       f"cannot read the posting '{posting}': {reason}")]) from None
    return loaded


def load_target(source: str | Path | Mapping[str, Any], strict: bool = False) -> Target:
    """Load a target (a job); raises :class:`TargetError`."""
    loaded = read_target(source, strict)
    _warn(loaded.warnings)
    return loaded.model


def read_config(source: str | Path, strict: bool = False) -> Loaded[Config]:
    """The validated project config; raises :class:`ConfigError`."""
    doc = read_document(source, ConfigError)
    return validate_document(doc, Config, ConfigError, strict)
