"""The build manifest: for each output, the content hashes of every input it was made from.

It lives in the output folder (``.resumekit-manifest.json``). An output is up to date
when its recorded inputs hash the same as now and the file itself is the one written.
The check needs only hashlib and json (see :mod:`.quick`), so a build with nothing to do
never imports the renderers, nor even the models. A damaged or foreign manifest means "rebuild".
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..rendering.theme import theme_files as tree_files
from .writing import write_atomic

MANIFEST_NAME = ".resumekit-manifest.json"
FORMAT = "resumekit-manifest/1"


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes, or ``missing`` (for a FIFO or a device too, never opened)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return "missing"
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


def listing(place: str) -> list[str]:
    """The files of a folder (all of them, at any depth) or of a glob pattern, as sorted
    strings: what the manifest records of a place where a new file is a new input."""
    if glob.has_magic(place):
        return sorted(p for p in glob.glob(place) if os.path.isfile(p))
    return [str(p) for p in tree_files(Path(place))]


def target_listing(spec: str | None, root: Path) -> list[str]:
    """The target files a config's ``targets:`` names, as sorted strings (for change checks).

    Anything but a folder is listed, a FIFO too (never opened here), so that loading it
    refuses it by name rather than passing over it in silence.
    """
    if not spec:
        return []
    base = root / spec
    if base.is_dir():
        # a JSON Schema saved beside the targets (for editor completion) is not a job, nor is
        # a hidden file: an editor's (Emacs' `.#job.yaml` lock) or the system's (`._job.yaml`)
        return sorted(str(p) for p in base.iterdir() if p.suffix.lower() in {".yaml", ".yml", ".json"}
                      and not p.name.lower().endswith((".schema.json", ".schema.yaml"))
                      and not p.name.startswith(".") and not p.is_dir())
    if base.exists():
        return [str(base)]
    return sorted(p for p in glob.glob(str(base)) if not Path(p).is_dir())


@dataclass
class Hasher:
    """Hashes files once per build."""

    cache: dict[str, str] = field(default_factory=dict)

    def __call__(self, path: Path | str) -> str:
        key = str(path)
        if key not in self.cache:
            self.cache[key] = file_hash(Path(path))
        return self.cache[key]

    def key(self, inputs: Iterable[str], extra: Iterable[str]) -> str:
        """One hash for a set of input files (by content) plus other facts (version, date)."""
        digest = hashlib.sha256()
        for path in sorted(set(inputs)):
            digest.update(f"{path}\0{self(path)}\n".encode())
        for item in extra:
            digest.update(f"{item}\n".encode())
        return digest.hexdigest()


@dataclass
class OutputRecord:
    """What the manifest records about one output."""

    key: str
    sha256: str
    inputs: list[str]
    extra: list[str]
    target: str
    dated: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "sha256": self.sha256, "inputs": self.inputs, "extra": self.extra,
                "target": self.target, "dated": self.dated}


@dataclass
class Manifest:
    """Every output's entry, plus what the last build knew of the project."""

    version: str
    config: str = ""
    config_hash: str = ""
    targets_spec: str | None = None
    target_files: list[str] = field(default_factory=list)
    outputs: dict[str, OutputRecord] = field(default_factory=dict)
    planned: dict[str, tuple[str, str]] = field(default_factory=dict)  # path -> (target, format)
    folders: dict[str, list[str]] = field(default_factory=dict)  # folder -> its files (theme, feedback)
    warnings: list[str] = field(default_factory=list)  # what the last full build warned about

    @classmethod
    def load(cls, folder: Path, version: str) -> Manifest:
        """The manifest in ``folder``; an empty one if it is missing, damaged, foreign or old."""
        try:
            data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != version:
                raise ValueError("foreign or old manifest")
            outputs = {}
            for path, v in _mapping(data["outputs"]).items():
                entry = _mapping(v)
                outputs[path] = OutputRecord(_string(entry["key"]), _string(entry["sha256"]), _strings(entry["inputs"]),
                                      _strings(entry["extra"]), _string(entry["target"]),
                                      entry.get("dated") is True)
            planned = {}
            for path, v in _mapping(data["planned"]).items():
                target, fmt = _strings(v)
                planned[path] = (target, fmt)
            spec = data.get("targets_spec")
            if spec is not None:
                spec = _string(spec)
            folders = {path: _strings(files) for path, files in _mapping(data["folders"]).items()}
            warnings = _strings(data.get("warnings", []))
            return cls(version, _string(data["config"]), _string(data["config_hash"]), spec,
                       _strings(data["target_files"]), outputs, planned, folders, warnings)
        except (OSError, ValueError, LookupError, TypeError, RecursionError):
            # Whatever is there (garbage, another tool's JSON, a half-written file): rebuild.
            return cls(version)

    def save(self, folder: Path) -> None:
        """Write the manifest atomically."""
        data = {"format": FORMAT, "version": self.version, "config": self.config,
                "config_hash": self.config_hash, "targets_spec": self.targets_spec,
                "target_files": self.target_files,
                "planned": {k: list(v) for k, v in sorted(self.planned.items())},
                "warnings": self.warnings,
                "folders": dict(sorted(self.folders.items())),
                "outputs": {k: v.to_json() for k, v in sorted(self.outputs.items())}}
        write_atomic(folder / MANIFEST_NAME, (json.dumps(data, indent=1) + "\n").encode("utf-8"))

    def fresh(self, output: str, key: str, hasher: Hasher) -> bool:
        """Whether ``output`` was built from inputs that hash to ``key`` and is still intact."""
        entry = self.outputs.get(output)
        return entry is not None and entry.key == key and hasher(output) == entry.sha256

    def still_fresh(self, output: str, hasher: Hasher, today: str) -> bool:
        """The fast check: recorded inputs unchanged, the file intact, no new day for a letter."""
        entry = self.outputs.get(output)
        if entry is None:
            return False
        extra = [e for e in entry.extra if not e.startswith("today=")]
        if entry.dated:
            extra.append(f"today={today}")
        return hasher.key(entry.inputs, extra) == entry.key and hasher(output) == entry.sha256


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError("not a list of strings")
    return list(value)


def _mapping(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("not a mapping")
    return value
