"""Where targets and projects are built: in this process, or on an executor's workers.

Each worker loads a project once per build (the per-worker cache is set by the pool's
initializer or on first use) and dies with the process that started it, so a killed
build leaves no orphan writing documents or holding the caller's pipes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Executor, Future, as_completed
from pathlib import Path

from ..errors import ConfigError, ResumekitError, UsageError
from .project import GENERAL_BUILD, Project, load_project
from .result import BuildResult, Failure
from .session import BuildOptions, BuildSession
from .target import build_target

Record = Callable[[str, BuildResult, dict[str, str]], None]
"""Takes one target's result and the hashes of the files it wrote."""

_PROJECTS: dict[tuple[str, bool, str], Project] = {}
"""The project each worker process has loaded, by (config, strict, fingerprint)."""


def die_with_parent() -> None:
    """Ask the kernel to end this process when its parent dies (Linux; elsewhere a no-op)."""
    import signal
    import sys

    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the handler `watch` set before forking


def _start_worker(parent: int) -> None:
    die_with_parent()
    if os.getppid() != parent:  # the parent died before the kernel was asked: end now
        os._exit(1)


def _project_in_worker(config_path: str, strict: bool, fingerprint: str, allow_outside: bool = False) -> Project:
    """The project, loaded once per worker process and build.

    ``fingerprint`` hashes every input file: a worker kept from an earlier build (a
    user's long-lived executor) must not reuse a project whose files have changed since.
    """
    key = (config_path, strict, fingerprint)
    project = _PROJECTS.get(key)
    if project is None:
        project = load_project(config_path, strict, keep_going=True, allow_outside=allow_outside)
        _PROJECTS.clear()
        _PROJECTS[key] = project
    return project


def build_one(config_path: str, strict: bool, tid: str, formats: list[str],
              fingerprint: str = "", allow_outside: bool = False) -> tuple[BuildResult, dict[str, str]]:
    """Build one target of a project: the unit of work an executor runs (picklable)."""
    try:
        project = _project_in_worker(config_path, strict, fingerprint, allow_outside)
        return build_target(project, tid, formats)
    except ResumekitError as exc:
        return BuildResult(failures=[Failure(tid, exc)]), {}


def run_targets(project: Project, todo: list[str], formats: list[str], options: BuildOptions,
                record: Record, session: BuildSession, fingerprint: str = "") -> None:
    """Build ``todo`` here, or on the options' executor, or on a pool of ``jobs`` processes."""
    total = len(todo)
    workers = options.jobs if options.jobs is not None else (os.cpu_count() or 1)
    if options.executor is None and (workers <= 1 or total <= 1):
        for done, tid in enumerate(todo, 1):
            try:
                one, hashes = build_target(project, tid, formats, session)
            except ResumekitError as exc:
                one, hashes = BuildResult(failures=[Failure(tid, exc)]), {}
            record(tid, one, hashes)
            if options.progress:
                options.progress(done, total, tid)
        return
    executor = options.executor or process_pool(min(workers, total), project, options.strict, fingerprint)
    try:
        futures: dict[Future[tuple[BuildResult, dict[str, str]]], str] = {
            executor.submit(build_one, str(project.config_path), options.strict, tid, formats, fingerprint,
                            options.allow_outside): tid
            for tid in todo}
        for done, future in enumerate(as_completed(futures), 1):
            tid = futures[future]
            one, hashes = future.result()
            record(tid, one, hashes)
            if options.progress:
                options.progress(done, total, tid)
    finally:
        if options.executor is None:
            executor.shutdown(wait=True, cancel_futures=True)


def process_pool(workers: int, project: Project | None = None, strict: bool = False,
                 fingerprint: str = "") -> Executor:
    """A process pool whose workers die with this process, start with the renderers
    imported (where they fork) and, given ``project``, with it loaded."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" in multiprocessing.get_all_start_methods():
        from ..rendering import warm_up

        warm_up()  # before forking, so no worker pays for it
        if project is not None:
            _PROJECTS.clear()
            _PROJECTS[(str(project.config_path), strict, fingerprint)] = project
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_start_worker, initargs=(os.getpid(),))
    return ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(os.getpid(),))


def _build_quietly(config_path: str, force: bool, strict: bool) -> BuildResult:
    from .run import build

    try:
        return build(config_path, BuildOptions(force=force, strict=strict, jobs=1))
    except ResumekitError as exc:
        return BuildResult(failures=[Failure(GENERAL_BUILD, exc, config_path)])


def build_many(
    config_paths: list[str | Path],
    jobs: int | None = None,
    executor: Executor | None = None,
    force: bool = False,
    strict: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> dict[str, BuildResult]:
    """Build many projects (one per person) in parallel; a bad project fails alone.

    Each project builds on ``executor`` (a process pool, ``dask.distributed``'s
    ``Client.get_executor()``, Ray's, ...) or, if none is given, on a process pool of
    ``jobs`` workers. Returns each config's result; errors are in ``result.failures``.
    """
    from ..loading.mapping import checked_path  # a wrong kind of argument: our error, not a TypeError

    if isinstance(config_paths, (str, bytes, os.PathLike)) or not isinstance(config_paths, (list, tuple)):
        raise UsageError(f"build_many needs a list of config paths, not {type(config_paths).__name__}; "
                         "for one project, call build")
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
        raise UsageError(f"build_many's jobs is a number of processes (1 or more) or None, not {jobs!r:.40}")
    paths = [str(checked_path(p, ConfigError, "config", or_mapping=False).resolve()) for p in config_paths]
    pool = executor or process_pool(jobs or os.cpu_count() or 1)
    results: dict[str, BuildResult] = {}
    try:
        futures = {pool.submit(_build_quietly, p, force, strict): p for p in paths}
        for done, future in enumerate(as_completed(futures), 1):
            results[futures[future]] = future.result()
            if progress:
                progress(done, len(paths), futures[future])
    finally:
        if executor is None:
            pool.shutdown(wait=True, cancel_futures=True)
    return {p: results[p] for p in paths}
