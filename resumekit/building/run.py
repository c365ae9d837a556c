"""The build: choose the targets, skip what is up to date, schedule the rest, keep the manifest."""

from __future__ import annotations

import dataclasses
import datetime as dt
import glob
import hashlib
import os
from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

from .._version import __version__
from ..errors import ConfigError, UsageError
from ..loading.feedback import APPLICATION_FILE
from ..rendering import FORMATS
from .lock import check_temp_space, clean_output, clean_temp, output_lock
from ..rendering.fonts import PROJECT_FONTS
from .manifest import Hasher, Manifest, OutputRecord, listing, target_listing
from .project import GENERAL_BUILD, LOCALES_FOLDER, Project, load_project
from .quick import up_to_date
from .result import BuildResult, Output
from .session import BuildOptions, BuildSession
from .target import output_paths
from .workers import run_targets
from .writing import document_of

_UNSET: Any = object()


def _dated(project: Project, tid: str) -> bool:
    target = project.target(tid)
    config = project.config
    dated = (target and target.letterDate) or config.letterDate or config.date
    return "letter" in config.documents and not dated


def _drop_renamed(manifest: Manifest, tid: str, written: dict[str, str]) -> None:
    """Remove what this build of ``tid`` replaced under another name (the person's name
    changed, or a blind version left it out): the same document and format, made by us
    (its bytes are as the manifest recorded) in the same folder, so a folder never holds
    two versions to send."""
    kinds = {(Path(p).parent, document_of(p), Path(p).suffix) for p in written}
    for path, record in list(manifest.outputs.items()):
        # only beside what was just written: a copied project's manifest names the original's files
        if record.target != tid or path in written or (Path(path).parent, document_of(path),
                                                        Path(path).suffix) not in kinds:
            continue
        old = Path(path)
        try:
            if hashlib.sha256(old.read_bytes()).hexdigest() == record.sha256:
                old.unlink()
        except OSError:
            pass  # gone already, or not ours to remove
        del manifest.outputs[path]


def _stale(project: Project, manifest: Manifest, known: set[str], clean: bool) -> list[Path]:
    """The output folders of targets that are gone; with ``clean``, their documents removed.

    Only files this project's builds wrote (the manifest knows them) are ever removed.
    """
    gone: dict[str, list[str]] = {}
    for path, record in manifest.outputs.items():
        if record.target not in known:
            gone.setdefault(record.target, []).append(path)
    folders = []
    for tid, paths in sorted(gone.items()):
        folder = project.output_dir / tid
        if not folder.exists():  # removed by hand: forget it
            for path in paths:
                del manifest.outputs[path]
            continue
        folders.append(folder)
        if clean:
            for path in paths:
                file = Path(path)
                if file.parent == folder:  # never outside the stale target's own folder
                    file.unlink(missing_ok=True)
                del manifest.outputs[path]
            try:
                folder.rmdir()
            except OSError:
                pass  # something of the user's is in it: leave the folder
    return folders


def _options(options: BuildOptions | None, keywords: dict[str, Any]) -> BuildOptions:
    chosen = options or BuildOptions()
    given = {k: v for k, v in keywords.items() if v is not _UNSET}
    for name in ("targets", "formats"):
        if name in given:
            given[name] = tuple(given[name] or ())
    return dataclasses.replace(chosen, **given) if given else chosen


def build(
    config_path: str | Path = "resumekit.yaml",
    options: BuildOptions | None = None,
    *,
    session: BuildSession | None = None,
    targets: list[str] | None = _UNSET,
    formats: list[str] | None = _UNSET,
    force: bool = _UNSET,
    strict: bool = _UNSET,
    jobs: int | None = _UNSET,
    executor: Executor | None = _UNSET,
    progress: Callable[[int, int, str], None] | None = _UNSET,
    clean: bool = _UNSET,
    allow_outside: bool = _UNSET,
) -> BuildResult:
    """What ``resumekit build`` does: every target's documents (none: the general ones).

    ``options`` (a :class:`BuildOptions`) or the keywords say what to build: up-to-date
    outputs are skipped unless ``force``; targets run on ``executor`` if given (any
    ``concurrent.futures.Executor``: a process pool, Dask's ``Client.get_executor()``,
    ...), else on a process pool of ``jobs`` workers (``None``: one per core; ``1``: in
    this process); ``progress(done, total, target)`` is called as targets finish.
    ``session`` keeps caches warm between builds (``watch`` keeps one). A build that has
    work to do holds the output folder's lock (see :mod:`.lock`): another build of it
    waits for this one. Raises on a bad config, profile or feedback file, or a full temp
    folder; a bad target is reported in ``result.failures`` and the others are built.
    """
    from ..loading.mapping import checked_path  # a wrong kind of argument: our error, not a TypeError

    config_path = checked_path(config_path, ConfigError, "config", or_mapping=False)
    for name, value in (("targets", targets), ("formats", formats)):
        if value is not _UNSET and value is not None and not (
                isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)):
            raise UsageError(f"build's {name} is a list of names, not {type(value).__name__}")
    if not (options is None or isinstance(options, BuildOptions)):
        raise UsageError(f"build's options is a BuildOptions, not {type(options).__name__}")
    options = _options(options, dict(targets=targets, formats=formats, force=force, strict=strict, jobs=jobs,
                                     executor=executor, progress=progress, clean=clean,
                                     allow_outside=allow_outside))
    session = session or BuildSession()
    config = Path(config_path).resolve()
    unknown = [f for f in options.formats if f not in FORMATS]
    if unknown:
        raise UsageError(f"unknown format '{unknown[0]}'; resumekit writes {', '.join(FORMATS)}")
    fresh = up_to_date(config, options)
    if fresh is not None:
        return fresh
    project = load_project(config, options.strict, keep_going=True, allow_outside=options.allow_outside)
    chosen_formats = list(options.formats or project.config.formats)
    target_ids = [t.id for t in project.targets if t.id]
    bad_ids = sorted({f.target for f in project.bad_targets})
    default_ids = target_ids if target_ids or project.bad_targets else [GENERAL_BUILD]
    all_ids = [GENERAL_BUILD, *target_ids]
    wanted = list(dict.fromkeys(options.targets or default_ids + bad_ids))
    result = BuildResult(warnings=[str(w) for w in project.warnings])
    for tid in wanted:
        failures = [f for f in project.bad_targets if f.target == tid]
        if failures:
            result.failures += failures
        elif tid not in all_ids:
            raise UsageError(f"no target '{tid}'; known: {', '.join(sorted(all_ids))}")

    # Under the lock no other build writes here: what it finds half-written is a killed
    # build's, and the manifest it loads and saves is the whole story.
    with output_lock(project.output_dir):
        clean_output(project.output_dir)
        clean_temp()
        check_temp_space()
        manifest = Manifest.load(project.output_dir, __version__)
        hasher = Hasher(dict(project.input_hashes))  # the files as they were parsed, not as they are now
        shared = project.shared_inputs()
        today = dt.date.today().isoformat()
        # Each key is of the inputs as they are now, before rendering: a file saved while the
        # build runs then no longer matches, and the next build redoes what it affects.
        keys: dict[str, tuple[list[str], list[str], str]] = {}
        todo: list[str] = []
        for tid in [t for t in wanted if t in all_ids]:
            inputs = shared + project.target_inputs(tid)
            extra = [f"version={__version__}", f"target={tid}"] + ([f"today={today}"] if _dated(project, tid) else [])
            key = hasher.key(inputs, extra)
            keys[tid] = (inputs, extra, key)
            paths = output_paths(project, tid, chosen_formats)
            if not options.force and all(manifest.fresh(str(p), key, hasher) for p in paths):
                result.outputs += [Output(p, tid, d, f, "up to date") for p, (d, f) in paths.items()]
            else:
                todo.append(tid)

        manifest.config, manifest.config_hash = str(config), hasher(config)
        manifest.targets_spec = project.config.targets
        manifest.target_files = target_listing(project.config.targets, project.root)
        # A bad target must be reported by every build, so the quick check may not pass over it.
        manifest.planned = {} if project.bad_targets else {
            str(p): (tid, f) for tid in default_ids
            for p, (_, f) in output_paths(project, tid, list(project.config.formats)).items()}
        # New files in these folders are new inputs, which the quick check must notice.
        # (and so are phrase files, fonts and translation files of the project's own)
        folders = [str(d) for d in project.theme.dirs]
        if project.config.feedback and (project.root / project.config.feedback).is_dir():
            folders.append(str(project.root / project.config.feedback))
        profile = (project.root / project.config.profile).resolve()
        records = project.root / project.config.applications
        folders += [glob.escape(str(records)) + os.sep + "*" + os.sep + APPLICATION_FILE]
        folders += [str(project.root / LOCALES_FOLDER), str(project.root / PROJECT_FONTS),
                    glob.escape(str(profile.parent)) + os.sep + glob.escape(profile.stem) + ".*"]
        manifest.folders = {place: listing(place) for place in folders}
        manifest.warnings = [str(w) for w in project.warnings]
        fingerprint = hasher.key(shared + manifest.target_files
                                 + [i for tid in target_ids for i in project.target_inputs(tid)],
                                 [__version__, f"strict={options.strict}", f"outside={options.allow_outside}"])

        def record(tid: str, one: BuildResult, hashes: dict[str, str]) -> None:
            result.merge(one)
            _drop_renamed(manifest, tid, hashes)
            inputs, extra, key = keys[tid]
            for path, digest in hashes.items():
                manifest.outputs[path] = OutputRecord(key, digest, sorted(set(inputs)), extra, tid,
                                                      _dated(project, tid))
            manifest.save(project.output_dir)  # after each target: a killed build loses only its own work

        result.stale = _stale(project, manifest, set(all_ids) | set(bad_ids), options.clean)
        run_targets(project, todo, chosen_formats, options, record, session, fingerprint)
        if not todo:
            manifest.save(project.output_dir)  # what it learnt (a target gone, say) keeps the next check quick
    return result
