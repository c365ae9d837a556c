"""Watch a project and rebuild what an edit affects, in one process that stays warm.

The renderers are imported and the fonts configured once, before the first change;
each rebuild then costs only the documents that changed (the manifest decides which).
A bad edit reports its located error and leaves the last good documents in place.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from concurrent.futures import Executor
from threading import Event

from ..errors import InternalError, ResumekitError
from .quick import output_folder
from .result import BuildResult
from .session import BuildOptions, BuildSession

DEBOUNCE_MS = 250
INPUT_SUFFIXES = {".yaml", ".yml", ".json", ".txt", ".html", ".css", ".docx", ".ttf", ".otf",
                  ".woff", ".woff2", ".png", ".jpg", ".jpeg", ".svg"}
"""Files that can feed a build; an editor's temporary files (no suffix, ~, .swp) cannot."""


@dataclass
class Rebuild:
    """What one burst of saves led to."""

    changed: list[str]
    result: BuildResult | None = None
    error: ResumekitError | InternalError | None = None
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


def render_pool() -> Executor | None:
    """Two warm processes that render a target's documents side by side (none on one core).

    They are forked before this process imports the renderers, and each warms itself up,
    so no process shares font state with another; they die with this process.
    """
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    from ..rendering import warm_up
    from .workers import die_with_parent

    if (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork"), initializer=die_with_parent)
    for warming in [pool.submit(warm_up) for _ in range(2)]:
        warming.result()
    return pool


def watched_paths(config_path: Path) -> list[Path]:
    """The project folder, plus a theme folder of the user's outside it."""
    paths = [config_path.parent.resolve()]
    try:
        from ..loading import read_config
        from ..rendering.theme import builtin_themes_dir

        theme = read_config(config_path).model.theme
        folder = (config_path.parent / theme).resolve()
        if folder.is_dir() and not folder.is_relative_to(paths[0]) and not folder.is_relative_to(builtin_themes_dir()):
            paths.append(folder)
    except ResumekitError:
        pass
    return paths


def _relevant(output_dir: Path | None) -> Callable[[object, str], bool]:
    def accept(_change: object, path: str) -> bool:
        p = Path(path)
        name = p.name
        if name.startswith(".") or p.suffix.lower() not in INPUT_SUFFIXES:
            return False
        if any(part in {".git", "__pycache__", ".venv", "node_modules"} for part in p.parts):
            return False
        return not (output_dir and p.resolve().is_relative_to(output_dir))
    return accept


def rebuild(config_path: Path, changed: Iterable[str], options: BuildOptions | None = None,
            session: BuildSession | None = None) -> Rebuild:
    """One rebuild after ``changed`` files; errors are caught and returned, not raised."""
    from .run import build

    started = time.perf_counter()
    event = Rebuild(sorted(changed))
    try:
        event.result = build(config_path, options or BuildOptions(), session=session, jobs=1)
    except ResumekitError as exc:
        event.error = exc
    except Exception as exc:  # a bug of ours must not end the session: say so, keep watching
        import traceback

        traceback.print_exc()
        event.error = InternalError(f"internal error ({type(exc).__name__}: {exc}); the last good "
                                    "documents are kept; please report this")
    event.seconds = time.perf_counter() - started
    return event


def watch(
    config_path: str | Path, report: Callable[[Rebuild], None], stop: Event | None = None,
    debounce_ms: int = DEBOUNCE_MS, options: BuildOptions | None = None,
) -> None:
    """Build once, then rebuild on every burst of saves until ``stop`` is set (or Ctrl-C)."""
    import watchfiles

    from ..rendering import warm_up

    config = Path(config_path).resolve()
    pool = render_pool()
    warm_up()
    session = BuildSession(render_pool=pool)
    output_dir = output_folder(config) or (config.parent / "out").resolve()
    started = False
    try:
        for changes in watchfiles.watch(*watched_paths(config), watch_filter=_relevant(output_dir),
                                        debounce=debounce_ms, step=50, stop_event=stop,
                                        raise_interrupt=True, rust_timeout=200, yield_on_timeout=True):
            if not started:
                # The first build waits for the watcher's first answer: from then on it is
                # live, so a file saved during that build is caught, not lost.
                started = True
                report(rebuild(config, ["(start)"], options, session))
            names = sorted({_relative(Path(path), config.parent) for _, path in changes})
            if names:
                report(rebuild(config, names, options, session))
    except KeyboardInterrupt:
        return  # Ctrl-C is how a user stops watching: not an error, and no traceback
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)
