"""What a build is asked to do (:class:`BuildOptions`), and what a long-lived caller keeps
warm between builds (:class:`BuildSession`), instead of module-wide state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from ..rendering.pdf import LayoutCache
    from ..tailoring.fitting import Settled

Progress = Callable[[int, int, str], None]
"""``progress(done, total, target)``, called as targets finish."""


@dataclass(frozen=True)
class BuildOptions:
    """How to build: which targets and formats, and on what."""

    targets: tuple[str, ...] = ()
    """Target ids to build (``general`` is the untailored version); empty: every target."""
    formats: tuple[str, ...] = ()
    """Formats to write; empty: the config's."""
    force: bool = False
    """Rebuild even what is up to date."""
    strict: bool = False
    """Warnings (unknown keys, say) are errors."""
    jobs: int | None = 1
    """Processes to build targets in (``None``: one per core; ``1``: this process)."""
    executor: Executor | None = None
    """Any ``concurrent.futures.Executor`` to build targets on, instead of ``jobs``."""
    progress: Progress | None = None
    clean: bool = False
    """Remove the output folders of targets that no longer exist."""
    allow_outside: bool = False
    """Let the project name files outside its folder (as ``allowOutside: true`` does)."""


@dataclass
class BuildSession:
    """The caches a long-lived caller (``watch``, a script) keeps between builds.

    A one-off build makes a fresh one. ``fitted`` remembers each target's last
    page-budget answer (the first guess of the next), and ``settled`` it with the layout
    it rests on (an edit that changes no height keeps it on one layout); ``render_pool``
    renders a target's documents side by side; ``layouts`` keeps the page budget's last
    layouts for the render that follows.
    """

    fitted: dict[str, int] = field(default_factory=dict)
    settled: dict[str, Settled] = field(default_factory=dict)
    render_pool: Executor | None = None
    _layouts: LayoutCache | None = None

    @property
    def layouts(self) -> LayoutCache:
        if self._layouts is None:
            from ..rendering.pdf import LayoutCache

            self._layouts = LayoutCache()
        return self._layouts
