"""WeasyPrint loaded and set up for speed, without changing a byte of what it writes.

- Loading it on Linux: cffi looks each library name WeasyPrint tries up with
  ``ctypes.util.find_library``, which runs ``ldconfig``, ``gcc`` and ``ld`` (68 processes,
  0.2 s of CPU and 0.3 s of wall clock on a two-core machine) for the names that come
  before the soname the dynamic loader opens by itself (``libpango-1.0.so.0``). So the
  import runs with that lookup answering "not here" at once, and each library opens by
  its soname; should one have no such name on this machine, the import runs again with
  the real lookup, WeasyPrint's own way.
- Cutting fonts without HarfBuzz's subsetter: fontTools decompiles a font's GSUB and
  GPOS tables (for Lato, a whole kerning table each) before it drops them, as WeasyPrint
  asks it to. The subsetter WeasyPrint is given drops them first, so it never reads them.
- Cutting fonts with it: WeasyPrint asks cffi for arrays of glyph ids typed with their
  length (``hb_codepoint_t[57]``), a new C declaration for cffi to parse (2 ms with
  pycparser) for each font of each PDF; its font code gets arrays of the open type
  (``hb_codepoint_t[]``, parsed once) of the same length and items instead.
"""

from __future__ import annotations

import re
import sys
import threading
from contextlib import contextmanager
from collections.abc import Iterator
from functools import lru_cache
from types import ModuleType, SimpleNamespace
from typing import Any

_LOCK = threading.Lock()

SUBSETTER_MISSING = ("HarfBuzz's subsetter is not installed, so fonts are cut by fontTools, which "
                     "makes each PDF slower to write; install it (on Debian or Ubuntu: apt-get install "
                     "libharfbuzz-subset0; elsewhere HarfBuzz 4.1 or later with its subset library)")
"""The warning a build gives, once per process, where WeasyPrint falls back to fontTools."""


@lru_cache(maxsize=1)
def weasyprint() -> ModuleType:
    """The ``weasyprint`` package, imported once per process as this module's docstring says."""
    with _LOCK:
        if sys.platform.startswith("linux") and "weasyprint" not in sys.modules:
            try:
                with _no_library_search():
                    import weasyprint as loaded  # noqa: F401
            except OSError:  # a library without its usual soname here: WeasyPrint's own lookup
                for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
                    del sys.modules[name]
        import weasyprint as module

        _cut_fonts_frugally()
        _arrays_parsed_once()
    return module


@contextmanager
def _no_library_search() -> Iterator[None]:
    import ctypes.util

    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = search


def subsetter_missing() -> bool:
    """Whether WeasyPrint cuts fonts with fontTools here (no HarfBuzz subsetter, or one older
    than 4.1), as its ``Font.subset`` decides."""
    weasyprint()
    from weasyprint.pdf import fonts

    return not (fonts.harfbuzz_subset and fonts.harfbuzz.hb_version_atleast(4, 1, 0))


def _cut_fonts_frugally() -> None:
    """Give WeasyPrint's font code a fontTools subsetter that drops before it reads."""
    try:
        from weasyprint.pdf import fonts
    except ImportError:
        return
    if isinstance(getattr(fonts, "subset", None), ModuleType):  # fontTools.subset, not ours yet
        fonts.subset = SimpleNamespace(Options=fonts.subset.Options, Subsetter=_frugal_subsetter())


_SIZED_ARRAY = re.compile(r"([A-Za-z_][A-Za-z0-9_ ]*)\[(\d+)\]")


def _arrays_parsed_once() -> None:
    """Give WeasyPrint's font code a cffi whose sized arrays are made as open ones."""
    try:
        from weasyprint.pdf import fonts
    except ImportError:
        return
    ffi = getattr(fonts, "ffi", None)
    if ffi is None or isinstance(ffi, _OpenArrays):
        return
    fonts.ffi = _OpenArrays(ffi)


class _OpenArrays:
    """An FFI whose ``new("T[n]", items)`` is ``new("T[]", items)``: the same array, one type."""

    def __init__(self, ffi: Any) -> None:
        self._ffi = ffi

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ffi, name)

    def new(self, cdecl: Any, init: Any = None) -> Any:
        sized = _SIZED_ARRAY.fullmatch(cdecl) if isinstance(cdecl, str) else None
        if sized is not None:
            length = int(sized.group(2))
            if init is None:
                return self._ffi.new(f"{sized.group(1).strip()}[]", length)
            if len(init) == length:
                return self._ffi.new(f"{sized.group(1).strip()}[]", init)
        return self._ffi.new(cdecl, init)


@lru_cache(maxsize=1)
def _frugal_subsetter() -> type:
    from fontTools import subset

    class FrugalSubsetter(subset.Subsetter):  # type: ignore[misc]
        """fontTools' subsetter, which never decompiles the layout tables it is to drop."""

        def subset(self, font: Any) -> None:
            for tag in dropped_unread(font, self.options):
                del font[tag]
            super().subset(font)

    return FrugalSubsetter


def dropped_unread(font: Any, options: Any) -> list[str]:
    """The tables fontTools would decompile and then drop: GSUB and GPOS where the options
    drop them, and ``kern``, which it drops where the font has GPOS (it decides that
    before GPOS goes, so it must be decided here too, while GPOS is still there)."""
    layout = [tag for tag in ("GSUB", "GPOS") if tag in font and tag in options.drop_tables]
    if "GPOS" in layout and "kern" in font and not options.legacy_kern:
        layout.append("kern")
    return layout
