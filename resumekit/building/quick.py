"""Up to date from the manifest alone: the one quick path that ``build`` and the CLI share.

It reads the config with plain YAML and the manifest with json, and imports neither the
models nor the renderers: that import is most of a no-op build's time.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .._version import __version__
from ..errors import ResumekitError
from ..rendering.theme import Theme, builtin_themes_dir
from .lock import clean_if_idle
from .manifest import Hasher, Manifest, listing, target_listing
from .result import GENERAL_BUILD, BuildResult, Output
from .session import BuildOptions
from .writing import document_of


def up_to_date(config_path: str | Path, options: BuildOptions) -> BuildResult | None:
    """What the build asked for, if every output is up to date by the manifest; else ``None``."""
    if options.force or options.strict or options.clean:
        return None
    config = Path(config_path).resolve()
    state = _read_state(config, __version__)
    if state is None:
        return None
    data, folder, manifest = state
    fresh = _fresh(config, data, manifest, list(options.targets) or None, list(options.formats) or None,
                   options.allow_outside)
    if fresh is None:
        return None
    clean_if_idle(folder)  # a killed build's leftovers go even when nothing is to build
    outputs = [Output(Path(p), Path(p).parent.name, document_of(p), Path(p).suffix.lstrip("."), "up to date")
               for p in fresh]
    # the warnings of the last full build, so an up-to-date build still repeats them
    return BuildResult(outputs=outputs, warnings=list(manifest.warnings))


def raw_config(config_path: Path) -> dict[str, Any] | None:
    """The config as plain YAML, without the models: what the quick paths read. ``None``
    if it cannot be read or is not a mapping (the full path then says why)."""
    import yaml

    try:
        data = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError, yaml.YAMLError):
        # Anything unusual (a date that does not exist, a tag, a broken file): the full path says what.
        return None
    return data if isinstance(data, dict) else None


def output_folder(config_path: Path, data: dict[str, Any] | None = None) -> Path | None:
    """Where the config's outputs (and so the manifest) go, from plain YAML; ``None`` if unknown."""
    data = raw_config(config_path) if data is None else data
    output = data.get("output", "out") if data is not None else None
    if not isinstance(output, str):
        return None
    root, folder = config_path.parent.resolve(), (config_path.parent / output).resolve()
    # only a folder inside the project, as the full path insists: a manifest planted anywhere
    # else is never taken for this project's
    return folder if folder != root and folder.is_relative_to(root) else None


def _read_state(config_path: Path, version: str) -> tuple[dict[str, Any], Path, Manifest] | None:
    """The config as plain YAML, its output folder and the manifest there, each read once;
    ``None`` when the config cannot be read plainly or names no folder of the project."""
    data = raw_config(config_path)
    folder = output_folder(config_path, data)
    if data is None or folder is None:
        return None
    return data, folder, Manifest.load(folder, version)


def fresh_outputs(
    config_path: Path, version: str, targets: list[str] | None, formats: list[str] | None, *,
    allow_outside: bool = False,
) -> list[str] | None:
    """The outputs asked for, if every one is up to date by the manifest alone; else ``None``.

    Only the config's ``output`` key is read (with plain YAML, no models). A changed
    config, a new or removed target file, a file added to the theme or feedback folder,
    any changed input, a missing or edited output, a target that failed to load last
    time, or a target or format the last full plan did not have, all mean ``None``: the
    caller then takes the full path.
    """
    state = _read_state(config_path, version)
    if state is None:
        return None
    data, _, manifest = state
    return _fresh(config_path, data, manifest, targets, formats, allow_outside)


def _fresh(config_path: Path, data: dict[str, Any], manifest: Manifest,
           targets: list[str] | None, formats: list[str] | None, allow_outside: bool) -> list[str] | None:
    if not manifest.planned or manifest.config != str(config_path.resolve()):
        return None
    hasher = Hasher()
    if hasher(config_path) != manifest.config_hash:
        return None
    if target_listing(manifest.targets_spec, config_path.parent) != manifest.target_files:
        return None
    if any(listing(place) != files for place, files in manifest.folders.items()):
        return None
    try:  # a theme folder of the user's, made since, shadows the one the manifest knows
        themes = Theme.named(str(data.get("theme", "classic")), config_path.parent).dirs
    except ResumekitError:
        return None
    if any(str(theme) not in manifest.folders for theme in themes):
        return None
    planned = manifest.planned
    known_targets = {t for t, _ in planned.values()}
    if {record.target for record in manifest.outputs.values()} - known_targets - {GENERAL_BUILD}:
        return None  # a target gone since: the full build reports (or cleans) its documents
    known_formats = {f for _, f in planned.values()}
    if targets and not set(targets) <= known_targets or formats and not set(formats) <= known_formats:
        return None
    chosen = [path for path, (target, fmt) in sorted(planned.items())
              if (not targets or target in targets) and (not formats or fmt in formats)]
    today = dt.date.today().isoformat()
    if not chosen or not all(manifest.still_fresh(path, hasher, today) for path in chosen):
        return None
    if not (allow_outside or data.get("allowOutside") is True) and not _all_inside(
            config_path, [i for path in chosen for i in manifest.outputs[path].inputs]):
        return None  # built from a file outside the project, allowed then: the full path refuses it now
    return chosen


def _all_inside(config_path: Path, inputs: list[str]) -> bool:
    """Whether every input is in the project's folder (or a built-in theme)."""
    root, builtin = config_path.parent.resolve(), builtin_themes_dir()
    return all(Path(p).is_relative_to(root) or Path(p).is_relative_to(builtin) for p in inputs)
