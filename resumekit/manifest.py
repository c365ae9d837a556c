"""The build manifest: for each output, the content hashes of every input it was made from.

It lives in the output folder (``.resumekit-manifest.json``). An output is up to date
when its recorded inputs hash the same as now and the file itself is the one written.
The check needs only hashlib and json, so a build with nothing to do never imports the
renderers, nor even the models. A damaged or foreign manifest means "rebuild".
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MANIFEST_NAME = ".resumekit-manifest.json"
FORMAT = "resumekit-manifest/1"


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes, or ``missing``."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


def tree_files(folder: Path) -> list[Path]:
    """Every file under ``folder``, sorted, skipping caches and hidden files."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        found += [Path(root) / f for f in sorted(files) if not f.startswith(".") and not f.endswith(".pyc")]
    return found


def target_listing(spec: str | None, root: Path) -> list[str]:
    """The target files a config's ``targets:`` names, as sorted strings (for change checks)."""
    if not spec:
        return []
    base = root / spec
    if base.is_dir():
        # a JSON Schema saved beside the targets (for editor completion) is not a job, nor is
        # a hidden file: an editor's (Emacs' `.#job.yaml` lock) or the system's (`._job.yaml`)
        return sorted(str(p) for p in base.iterdir() if p.suffix.lower() in {".yaml", ".yml", ".json"}
                      and not p.name.lower().endswith((".schema.json", ".schema.yaml"))
                      and not p.name.startswith(".") and p.is_file())
    if base.is_file():
        return [str(base)]
    return sorted(p for p in glob.glob(str(base)) if Path(p).is_file())


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
class Entry:
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
    outputs: dict[str, Entry] = field(default_factory=dict)
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
                outputs[path] = Entry(_string(entry["key"]), _string(entry["sha256"]), _strings(entry["inputs"]),
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
        from .writing import write_atomic

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


def raw_config(config_path: Path) -> dict[str, Any] | None:
    """The config as plain YAML, without the models: what the quick paths read. ``None``
    if it cannot be read or is not a mapping (the full path then says why)."""
    import yaml

    try:
        data = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


def output_folder(config_path: Path, data: dict[str, Any] | None = None) -> Path | None:
    """Where the config's outputs (and so the manifest) go, from plain YAML; ``None`` if unknown."""
    data = raw_config(config_path) if data is None else data
    output = data.get("output", "out") if data is not None else None
    return (config_path.parent / output).resolve() if isinstance(output, str) else None


def last_warnings(config_path: Path, version: str) -> list[str]:
    """The warnings of the last full build, so an up-to-date build still repeats them."""
    folder = output_folder(config_path)
    return Manifest.load(folder, version).warnings if folder is not None else []


def up_to_date_without_loading(
    config_path: Path, version: str, targets: list[str] | None, formats: list[str] | None,
) -> list[str] | None:
    """The outputs asked for, if every one is up to date by the manifest alone; else ``None``.

    Only the config's ``output`` key is read (with plain YAML, no models). A changed
    config, a new or removed target file, a file added to the theme or feedback folder,
    any changed input, a missing or edited output, a target that failed to load last
    time, or a target or format the last full plan did not have, all mean ``None``: the
    caller then takes the full path.
    """
    data = raw_config(config_path)
    folder = output_folder(config_path, data)
    if data is None or folder is None:
        return None
    manifest = Manifest.load(folder, version)
    if not manifest.planned or manifest.config != str(config_path.resolve()):
        return None
    hasher = Hasher()
    if hasher(config_path) != manifest.config_hash:
        return None
    if target_listing(manifest.targets_spec, config_path.parent) != manifest.target_files:
        return None
    if any([str(p) for p in tree_files(Path(folder))] != files for folder, files in manifest.folders.items()):
        return None
    from .errors import ResumekitError
    from .resources import theme_dirs

    try:  # a theme folder of the user's, made since, shadows the one the manifest knows
        themes = theme_dirs(str(data.get("theme", "classic")), config_path.parent)
    except ResumekitError:
        return None
    if any(str(folder) not in manifest.folders for folder in themes):
        return None
    planned = manifest.planned
    known_targets = {t for t, _ in planned.values()}
    known_formats = {f for _, f in planned.values()}
    if targets and not set(targets) <= known_targets or formats and not set(formats) <= known_formats:
        return None
    chosen = [path for path, (target, fmt) in sorted(planned.items())
              if (not targets or target in targets) and (not formats or fmt in formats)]
    today = dt.date.today().isoformat()
    if not chosen or not all(manifest.still_fresh(path, hasher, today) for path in chosen):
        return None
    return chosen
