"""load -> apply feedback -> tailor -> render -> write: the one layer that chains the steps.

A build skips what is up to date (see :mod:`.manifest` and :mod:`.quick`), renders each
target's documents in memory and only then writes them, as a set, so a failed or killed
build leaves the previous documents whole. Targets build in parallel on any
``concurrent.futures.Executor``; one bad target fails alone.

Names are imported on first use, so that the quick path (``from .quick import
up_to_date``) never pays for the models or the renderers.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .project import Project, load_project
    from .result import GENERAL_BUILD
    from .result import BuildResult, Failure, Output
    from .run import build
    from .session import BuildOptions, BuildSession
    from .target import render
    from .workers import build_many

_HOMES = {
    "BuildOptions": "session", "BuildSession": "session",
    "BuildResult": "result", "Failure": "result", "Output": "result",
    "GENERAL_BUILD": "result", "Project": "project", "load_project": "project",
    "build": "run", "build_many": "workers", "render": "target",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value
