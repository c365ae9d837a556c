"""An imported profile -> a new YAML (or JSON) file: checked, commented, never over another.

The file is written whole beside its final name and then linked into place, which fails
if that name exists: a file that appears meanwhile is not replaced either, and an
interrupted import leaves no half-written profile.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import InternalError, Problem, ProfileError
from ..loading.document import field_path
from ..models import Profile


@dataclass
class Imported:
    """A profile made from another tool's data, and what of that data it could not hold."""

    source: Path
    data: dict[str, Any]
    """The profile as plain data, in JSON Resume's order."""
    unmapped: list[str] = field(default_factory=list)
    """What was not imported, one line each, saying where it was and why."""
    renamed: list[str] = field(default_factory=list)
    """Keys read under another name (JSON Resume's before 1.0), one line each."""

    def note(self, where: str, what: str) -> None:
        self.unmapped.append(f"{where}: {what}")


def default_output(source: Path) -> Path:
    """``profile.yaml`` beside the file imported."""
    return source.parent / "profile.yaml"


def _drop(data: Any, loc: tuple[Any, ...]) -> Any:
    """Remove the value at ``loc`` (a pydantic error's location) from ``data``; returns it."""
    node = data
    for part in loc[:-1]:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return None
    if isinstance(node, dict) and loc and loc[-1] in node:
        return node.pop(loc[-1])
    if isinstance(node, list) and loc and isinstance(loc[-1], int) and loc[-1] < len(node):
        return node.pop(loc[-1])
    return None


def checked(imported: Imported) -> Imported:
    """``imported`` with every value the profile would refuse taken out and listed.

    The importers only pass on what they could read, so this is a last guard (a date range
    that runs backwards, say), never the way values are chosen."""
    while True:
        try:
            Profile.model_validate(imported.data)
            return imported
        except ValidationError as exc:
            error = exc.errors(include_url=False)[0]  # one at a time: a drop moves what follows it
        loc = tuple(error["loc"])
        while loc and _drop(imported.data, loc) is None:
            loc = loc[:-1]  # a union names its member: drop the whole value
        if not loc:
            raise InternalError(f"an imported profile that does not validate: {error}")
        imported.note(field_path(loc), f"{error['msg'].removeprefix('Value error, ')}; left out")


def header(imported: Imported) -> str:
    """The comment at the top of the written profile: where it came from, what was left out."""
    lines = [f"Imported by resumekit from {imported.source.name}. Check it, then build.",
             "The profile format: JSON Resume 1.0.0 (see docs/profile-format.md)."]
    if imported.renamed:
        lines += ["", "Renamed to their JSON Resume 1.0 names:"]
        lines += [f"  - {item}" for item in imported.renamed]
    if imported.unmapped:
        lines += ["", "Not imported (move what you want into the profile yourself):"]
        lines += [f"  - {item}" for item in imported.unmapped]
    else:
        lines.append("Everything was imported.")
    return "".join(f"# {line}".rstrip() + "\n" for line in lines)


def as_text(imported: Imported, json_file: bool = False) -> str:
    """The profile's text: YAML with :func:`header` on top, or JSON (which has no comments)."""
    if json_file:
        return json.dumps(imported.data, indent=2, ensure_ascii=False) + "\n"
    import yaml

    class Dumper(yaml.SafeDumper):
        """Text of several lines as a block (``|``), as a person would write it."""

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        block = "\n" in value and not value.startswith((" ", "\t")) and value == value.rstrip()
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if block else None)

    Dumper.add_representer(str, text)
    body = yaml.dump(imported.data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
    return header(imported) + "\n" + body


def refuse_existing(path: Path, named: bool = True) -> None:
    """Raise :class:`ProfileError` if ``path`` exists (``named``: the user chose the name),
    or is not in a folder; checked before the import's work, as well as when writing."""
    if path.is_dir():
        raise ProfileError([Problem(str(path), None, None, "", "is a folder; name the new profile in it: "
                                    f"-o {path / 'profile.yaml'}")])
    if path.exists() or path.is_symlink():
        raise ProfileError([_exists(path, named)])
    if not path.parent.is_dir():
        raise ProfileError([Problem(str(path), None, None, "", f"there is no folder {path.parent}; make it "
                                    "first, or name a file in a folder that exists")])


def _exists(path: Path, named: bool) -> Problem:
    how = "name a new one" if named else "name a new one with -o FILE"
    return Problem(str(path), None, None, "", f"already exists; resumekit import never overwrites a file: {how}")


def write_new(path: Path, text: str, named: bool = True) -> None:
    """Write ``text`` to ``path``, which must not exist; raises :class:`ProfileError` if it
    does (or cannot be written), and leaves nothing behind."""
    refuse_existing(path, named)
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ProfileError([Problem(str(path), None, None, "", f"cannot write here: {exc.strerror or exc}")]) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.chmod(temporary, 0o644)  # mkstemp's 0600 is for the temporary, not the profile
        os.link(temporary, path)  # fails if the name was taken meanwhile: never a replace
    except FileExistsError:
        raise ProfileError([_exists(path, named)]) from None
    except OSError as exc:
        raise ProfileError([Problem(str(path), None, None, "", f"cannot write the file: {exc.strerror or exc}")]) from None
    finally:
        os.unlink(temporary)
