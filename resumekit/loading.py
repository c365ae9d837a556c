"""YAML/JSON files -> validated models, keeping the line and column of every node.

Safety: only YAML's safe constructors run, files over ``MAX_FILE_BYTES`` are refused
before parsing, and a document whose aliases would expand past ``MAX_NODES`` nodes
(a "billion laughs" bomb) is refused while it is being walked, long before it is built.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Generic, TypeVar, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from .errors import ConfigError, LocatedError, Problem, ProfileError, TargetError, did_you_mean
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


MAX_DEPTH = 100
"""Deeper nesting than this is refused: a career file is a few levels deep."""

_YAML = "tag:yaml.org,2002:"
_PLAIN_TAGS = {
    yaml.MappingNode: {_YAML + "map"},
    yaml.SequenceNode: {_YAML + "seq"},
    yaml.ScalarNode: {_YAML + kind for kind in ("str", "int", "float", "bool", "null", "timestamp")},
}


def _path_text(path: PathKey) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def field_path(path: PathKey) -> str:
    """``('work', 0, 'startDate')`` -> ``work[0].startDate``."""
    return _path_text(path)


_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters PDF text and DOCX's XML cannot hold: C0 controls (but tab and newlines), surrogates."""


class _Walker:
    """Turns a composed YAML node tree into plain data, recording positions.

    Aliases are walked (not shared), so every value counts towards ``MAX_NODES``: that is
    what stops an alias bomb. Keys must be plain scalars and collections may carry no tag
    beyond YAML's own, so nothing but plain data is ever constructed.
    """

    def __init__(self, loader: yaml.SafeLoader, source: str) -> None:
        self.loader = loader
        self.source = source
        self.positions = Positions()
        self.problems: list[Problem] = []
        self.count = 0
        self.own_keys: dict[int, set[int]] = {}

    def _problem(self, node: yaml.Node, path: PathKey, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.source, mark.line + 1, mark.column + 1,
                                     field_path(path), message))

    def walk(self, node: yaml.Node, path: PathKey) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig
        if len(path) > MAX_DEPTH:
            self._problem(node, path, f"nested more than {MAX_DEPTH} levels deep; refused")
            return None
        mark = node.start_mark
        self.positions.values[path] = (mark.line + 1, mark.column + 1)
        if node.tag not in _PLAIN_TAGS.get(type(node), ()):
            tag = node.tag.replace(_YAML, "!!")
            self._problem(node, path, f"the YAML tag '{tag}' is not allowed here; "
                                      "resumekit reads plain YAML only")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _scalar(self, node: yaml.Node, path: PathKey) -> Any:
        try:
            value = self.loader.construct_object(node, deep=True)
        except ValueError:  # YAML read it as a date that does not exist: 2020-02-30
            self._problem(node, path, f"'{node.value}' is not a real date")
            return None
        if isinstance(value, str):
            bad = _UNPRINTABLE.search(value)
            if bad:
                self._problem(node, path, f"the text holds a control character (U+{ord(bad.group()):04X}) "
                                          "that documents cannot carry; delete it")
                return None
        return value

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[str, Any]:
        # The mapping's own keys, remembered before merge keys (<<) are flattened into it:
        # an alias walks the same node again, already flattened.
        own = self.own_keys.setdefault(id(node), {id(key_node) for key_node, _ in node.value})
        self.loader.flatten_mapping(node)  # merged keys first, then the mapping's own
        pairs: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            self.count += 1
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(key_node, path, "a key must be plain text, not a list or a mapping")
                continue
            if key_node.tag not in _PLAIN_TAGS[yaml.ScalarNode]:
                tag = key_node.tag.replace(_YAML, "!!")
                self._problem(key_node, path, f"the YAML tag '{tag}' is not allowed on a key")
                continue
            key = self.loader.construct_object(key_node, deep=True)
            key = key if isinstance(key, str) else str(key)
            earlier = pairs.get(key)
            if earlier is not None and id(earlier[0]) in own and id(key_node) in own:
                self._problem(key_node, (*path, key), "this key appears twice; keep only one")
            pairs[key] = (key_node, value_node)  # the last wins, as YAML merge keys intend
        result: dict[str, Any] = {}
        for key, (key_node, value_node) in pairs.items():
            child = (*path, key)
            km = key_node.start_mark
            self.positions.keys[child] = (km.line + 1, km.column + 1)
            result[key] = self.walk(value_node, child)
        return result


_YAML_HINTS = (
    ("mapping values are not allowed", "a ':' inside text that is not in quotes, or a key indented "
                                       "differently from the lines above; quote the text or line the key up"),
    ("expected <block end>", "the indentation here does not match the lines above"),
    ("could not find expected ':'", "a line that is neither 'key: value' nor a '- ' list item; "
                                    "check for a missing ':' or a line broken in two"),
    ("found character '\\t'", "a tab; YAML indents with spaces only"),
    ("found unexpected end of stream", "a quote or bracket opened and never closed"),
    ("while scanning a quoted scalar", "a quote opened and never closed"),
)


def _yaml_problem(source: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    reason = getattr(error, "problem", None) or str(error)
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    context = str(getattr(error, "context", "") or "")
    hint = next((h for phrase, h in _YAML_HINTS if phrase in reason or phrase in context), "")
    message = f"this is not valid YAML: {reason}" + (f" (likely {hint})" if hint else "")
    return Problem(source, line, column, "", message)


def _reader_problem(source: str, text: str, error: yaml.reader.ReaderError) -> Problem:
    """A character YAML does not allow (a pasted control character), at its line and column."""
    before = text[: error.position]
    line = before.count("\n") + 1
    column = error.position - (before.rfind("\n") + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or " ")
    return Problem(source, line, column, "",
                   f"the file contains a character YAML does not allow (U+{code:04X}); delete it")


def parse_text(text: str, source: str, error: type[LocatedError]) -> Document:
    """Parse YAML (or JSON) text into a :class:`Document`; raise ``error`` if it cannot."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise error([Problem(source, None, None, "",
                             f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; "
                             "a career file is a few kilobytes, so this is refused")])
    try:
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as exc:
        raise error([_reader_problem(source, text, exc)]) from None
    try:
        node = loader.get_single_node()
        walker = _Walker(loader, source)
        data = walker.walk(node, ()) if node is not None else {}
    except _TooBig:
        raise error([Problem(source, None, None, "",
                             f"the document expands to more than {MAX_NODES:,} values "
                             "(too many aliases?); refused")]) from None
    except RecursionError:
        raise error([Problem(source, None, None, "",
                             f"the document is nested more than {MAX_DEPTH} levels deep; refused")]) from None
    except yaml.YAMLError as exc:
        if source.endswith(".json"):
            return _parse_json(text, source, error)
        raise error([_yaml_problem(source, exc)]) from None
    finally:
        loader.dispose()
    if walker.problems:
        raise error(sorted(walker.problems, key=_by_place))
    return Document(data, source, walker.positions)


def _parse_json(text: str, source: str, error: type[LocatedError]) -> Document:
    """Fallback for JSON that YAML refuses (e.g. tab indentation); no positions kept."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise error([Problem(source, exc.lineno, exc.colno, "",
                             f"this is not valid JSON: {exc.msg}")]) from None
    return Document(data, source, Positions())


READ_HASHES: dict[str, str] = {}
"""The SHA-256 of the bytes last read from each user file, by resolved path: a build keys
its outputs on what it actually parsed, so a save made while it runs is never mistaken
for the version it built from."""


def read_document(path: str | Path, error: type[LocatedError]) -> Document:
    """Read and parse a user's file."""
    path = Path(path)
    source = str(path)
    limit = f"{MAX_FILE_BYTES // (1024 * 1024)} MB"
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise error([Problem(source, None, None, "",
                                 f"the file is {size / 1024 / 1024:.1f} MB; the limit is {limit}")])
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # bounded: a device or pipe may never end
        if len(raw) > MAX_FILE_BYTES:
            raise error([Problem(source, None, None, "", f"the file is larger than {limit}; refused")])
        READ_HASHES[str(path.resolve())] = hashlib.sha256(raw).hexdigest()
        text = raw.decode("utf-8-sig")
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


def _by_place(problem: Problem) -> tuple[int, int]:
    return (problem.line or 0, problem.column or 0)


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
        problems.append(Problem(doc.source, line, column, field_path(path) or "(top)",
                                _friendly_message(found[path])))
    return sorted(problems, key=_by_place)


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
            hint = did_you_mean(key, known) or " (kept, but resumekit does not use it)"
            line, column = doc.positions.of_key(child)
            warnings.append(Problem(doc.source, line, column, field_path(child),
                                    f"unknown key '{key}'{hint}", severity="warning"))
            continue
        annotation = fields[key]
        if isinstance(value, dict):
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
                             f"the file must hold a mapping of keys to values, not {_describe(doc.data)}")])
    warnings = unknown_keys(doc, model_type)
    try:
        model = model_type.model_validate(doc.data)
    except ValidationError as exc:
        problems = validation_problems(doc, exc)
        if strict:
            problems = sorted(problems + [_as_error(w) for w in warnings], key=_by_place)
        raise error(problems) from None
    if strict and warnings:
        raise error([_as_error(w) for w in warnings])
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


def _id_from_stem(stem: str) -> str:
    """A file's stem made fit to name a folder: ``Acme Lead (2026)`` -> ``Acme-Lead-2026``."""
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"\.{2,}", ".", re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_text))
    return slug.strip("-._")[:80] or stem


def read_target(source: str | Path | Mapping[str, Any], strict: bool = False) -> Loaded[Target]:
    """The validated target with its id filled in and its posting read; raises TargetError."""
    doc = as_document(source, TargetError, "target")
    loaded = validate_document(doc, Target, TargetError, strict)
    target = loaded.model
    base = Path(source).parent if not isinstance(source, Mapping) else Path.cwd()
    if target.id is None:
        target.id = _id_from_stem(Path(source).stem) if not isinstance(source, Mapping) else "target"
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,80}", target.id) or ".." in target.id:
        line, column = doc.positions.of_value(("id",))
        raise TargetError([Problem(doc.source, line, column, "id",
                                   f"'{target.id}' cannot name a folder; use letters, digits, '-', '_' or '.'")])
    if target.posting:
        posting = base / target.posting
        line, column = doc.positions.of_value(("posting",))
        try:
            with posting.open("rb") as handle:
                raw = handle.read(MAX_FILE_BYTES)
            READ_HASHES[str(posting.resolve())] = hashlib.sha256(raw).hexdigest()
            target.posting_text = raw.decode("utf-8-sig", "replace")
        except OSError as exc:
            reason = "file not found" if isinstance(exc, FileNotFoundError) else (exc.strerror or str(exc))
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
    if not Path(source).exists():
        raise ConfigError([Problem(str(source), None, None, "",
                                   "file not found; start a project with 'resumekit init', or name "
                                   "the config with -c")])
    doc = read_document(source, ConfigError)
    return validate_document(doc, Config, ConfigError, strict)
