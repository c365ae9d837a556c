"""YAML/JSON text -> plain data, keeping the line and column of every node.

Safety: only YAML's safe constructors run, files over ``MAX_FILE_BYTES`` are refused
before parsing, and a document whose aliases would expand past ``MAX_NODES`` nodes
(a "billion laughs" bomb) is refused while it is being walked, long before it is built.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping

from pathlib import Path
from typing import Any

import yaml

from ..errors import LocatedError, Problem
from .document import Document, PathKey, Positions, by_place, field_path
from .paths import Refused, open_regular
from .text import MAX_WORD, decode, text_problem

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "MAX_NODES", "MAX_WORD", "Document", "PathKey", "Positions",
           "as_document", "by_place", "field_path", "parse_text", "read_document", "text_problem"]


MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000


class _TooBig(Exception):
    """The document expands past MAX_NODES values; ``mark`` is where it did."""

    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__()
        self.mark = mark


MAX_DEPTH = 100
"""Deeper nesting than this is refused: a career file is a few levels deep."""


_YAML = "tag:yaml.org,2002:"
_KINDS = {"bool": "true or false", "int": "a whole number", "float": "a number", "null": "nothing (null)",
          "timestamp": "a date", "str": "text"}
_DATE_LIKE = re.compile(r"\d{4}-\d{1,2}(-\d{1,2})?([Tt ].*)?$")
_PLAIN_TAGS = {
    yaml.MappingNode: {_YAML + "map"},
    yaml.SequenceNode: {_YAML + "seq"},
    yaml.ScalarNode: {_YAML + kind for kind in ("str", "int", "float", "bool", "null", "timestamp")},
}


class _Walker:
    """Turns a composed YAML node tree into plain data, recording positions.

    Aliases are walked (not shared), so every value counts towards ``MAX_NODES``: that is
    what stops an alias bomb. Keys must be plain scalars and collections may carry no tag
    beyond YAML's own, so nothing but plain data is ever constructed.
    """

    def __init__(self, loader: yaml.SafeLoader, source: str, text: str = "") -> None:
        self.loader = loader
        self.source = source
        self.text = text
        self.positions = Positions()
        self.problems: list[Problem] = []
        self.broken: set[PathKey] = set()
        self.count = 0
        self.own_keys: dict[int, set[int]] = {}
        self.open: set[int] = set()  # the collections being walked: an alias to one is a loop

    def _problem(self, node: yaml.Node, path: PathKey, message: str, severity: str = "error") -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.source, mark.line + 1, mark.column + 1,
                                     field_path(path), message, severity))
        if severity == "error":
            self.broken.add(path)

    def walk(self, node: yaml.Node, path: PathKey) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig(node.start_mark)
        if id(node) in self.open:
            self._problem(node, path, "this alias (*name) points at the list or mapping that holds it, "
                                      "a loop that never ends; refused")
            return None
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
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
            self._split_numbers(node, path)
            return [self.walk(item, (*path, i)) for i, item in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def _split_numbers(self, node: yaml.Node, path: PathKey) -> None:
        """Warn when a flow list's comma sat inside a number: ``[Taught 60,000+ students]``."""
        if not getattr(node, "flow_style", False) or not self.text:
            return
        items = node.value
        for first, second in zip(items, items[1:]):
            if not (isinstance(first, yaml.ScalarNode) and isinstance(second, yaml.ScalarNode)):
                continue
            if first.style or second.style:  # quoted: the user chose the split
                continue
            between = self.text[first.end_mark.index:second.start_mark.index]
            if between == "," and first.value[-1:].isdigit() and second.value[:1].isdigit():
                joined = f"{first.value},{second.value}"
                self._problem(node, path, f"the comma in '{joined}' split this list in two; if it is one "
                                          f"item, put it in quotes: [\"{joined}...\"]", severity="warning")
                return

    def _scalar(self, node: yaml.Node, path: PathKey) -> Any:
        try:
            value = self.loader.construct_object(node, deep=True)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError):
            kind = node.tag.replace(_YAML, "")
            if kind == "timestamp" and _DATE_LIKE.match(node.value):  # 2020-02-30, read as a date
                self._problem(node, path, f"'{node.value}' is not a real date")
            else:
                self._problem(node, path, f"'{node.value}' cannot be read as {_KINDS.get(kind, kind)} "
                                          f"(the YAML tag !!{kind}); remove the tag or fix the value")
            return None
        if isinstance(value, str):
            wrong = text_problem(value)
            if wrong:
                self._problem(node, path, wrong)
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
    reason = getattr(error, "problem", None) or str(error)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if "end of stream" in str(reason) and getattr(error, "context_mark", None) is not None:
        mark = error.context_mark  # where the quote or bracket was opened, not the end of the file
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
        walker = _Walker(loader, source, text)
        data = walker.walk(node, ()) if node is not None else {}
    except _TooBig as exc:
        raise error([Problem(source, exc.mark.line + 1, exc.mark.column + 1, "",
                             f"the document expands to more than {MAX_NODES:,} values "
                             "(too many aliases?); refused")]) from None
    except RecursionError:
        line, column = _too_deep(text)
        raise error([Problem(source, line, column, "",
                             f"the document is nested more than {MAX_DEPTH} levels deep; refused")]) from None
    except yaml.YAMLError as exc:
        if source.endswith(".json"):
            return _parse_json(text, source, error)
        raise error([_yaml_problem(source, exc)]) from None
    finally:
        loader.dispose()
    problems = sorted(walker.problems, key=by_place)
    return Document(data, source, walker.positions, problems, walker.broken)


_OPENS = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken, yaml.BlockSequenceStartToken,
          yaml.BlockMappingStartToken)
_CLOSES = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken, yaml.BlockEndToken)


def _too_deep(text: str) -> tuple[int | None, int | None]:
    """Where nesting first passes MAX_DEPTH, from the tokens (the scanner does not recurse)."""
    depth = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, _OPENS):
                depth += 1
                if depth > MAX_DEPTH:
                    return token.start_mark.line + 1, token.start_mark.column + 1
            elif isinstance(token, _CLOSES):
                depth -= 1
    except yaml.YAMLError:
        pass
    return None, None


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
        raw = open_regular(path, MAX_FILE_BYTES)  # a FIFO, device or folder is never opened
        digest = hashlib.sha256(raw).hexdigest()
        text = decode(raw, source, error)
    except Refused as exc:
        raise error([Problem(source, None, None, "", exc.reason)]) from None
    except UnicodeDecodeError as exc:
        raise error([Problem(source, None, None, "",
                             f"the file is not UTF-8 text ({exc.reason})")]) from None
    doc = parse_text(text, source, error)
    doc.sha256 = digest
    return doc


def as_document(
    source: str | Path | Mapping[str, Any], error: type[LocatedError], name: str
) -> Document:
    """A path is read and parsed; an already-parsed mapping is checked as a file would be."""
    from .mapping import checked_path, plain_data  # it builds on this module's rules

    if isinstance(source, Mapping):
        return Document(plain_data(source, f"<{name}>", error), f"<{name}>", Positions())
    return read_document(checked_path(source, error, name), error)
