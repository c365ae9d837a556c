"""Fonts cut to the characters a document uses, by HarfBuzz's subsetter when the machine
has it (``libharfbuzz-subset0``): a few milliseconds, where fontTools takes most of a
second per font to read a kerning table; and the characters a font has, read by HarfBuzz
in a millisecond where fontTools takes ten (it names every glyph first). ``None`` means
"not here": use fontTools.

The library is called through ctypes, whose prototypes cost nothing to set up; cffi would
first parse these declarations with pycparser (40 ms, more than the work itself).
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

_P, _UINT, _U32 = ctypes.c_void_p, ctypes.c_uint, ctypes.c_uint32
_PROTOTYPES: dict[str, tuple[Any, list[Any]]] = {
    "hb_blob_create": (_P, [ctypes.c_char_p, _UINT, ctypes.c_int, _P, _P]),
    "hb_blob_destroy": (None, [_P]),
    "hb_blob_get_data": (_P, [_P, ctypes.POINTER(_UINT)]),
    "hb_face_create": (_P, [_P, _UINT]),
    "hb_face_destroy": (None, [_P]),
    "hb_face_reference_blob": (_P, [_P]),
    "hb_face_collect_unicodes": (None, [_P, _P]),
    "hb_set_create": (_P, []),
    "hb_set_destroy": (None, [_P]),
    "hb_set_add": (None, [_P, _U32]),
    "hb_set_add_range": (None, [_P, _U32, _U32]),
    "hb_set_get_population": (_UINT, [_P]),
    "hb_set_next_many": (_UINT, [_P, _U32, ctypes.POINTER(_U32), _UINT]),
    "hb_subset_input_create_or_fail": (_P, []),
    "hb_subset_input_destroy": (None, [_P]),
    "hb_subset_input_set": (_P, [_P, ctypes.c_int]),
    "hb_subset_input_set_flags": (None, [_P, _UINT]),
    "hb_subset_or_fail": (_P, [_P, _P]),
}
_DUPLICATE = 0  # HB_MEMORY_MODE_DUPLICATE
_UNICODE, _NAME_ID = 1, 4  # hb_subset_sets_t
_NOTDEF_OUTLINE = 0x40  # hb_subset_flags_t: keep .notdef's drawing, as fontTools' notdef_outline
_INVALID = 0xFFFFFFFF  # HB_SET_VALUE_INVALID: "start before the first"
FONT_SIGNATURES = (b"\x00\x01\x00\x00", b"OTTO", b"true")
"""How a TrueType or OpenType font file begins."""
LIBRARIES = ("libharfbuzz-subset.so.0", "libharfbuzz-subset.0.dylib", "libharfbuzz-subset-0.dll")


@lru_cache(maxsize=1)
def _library() -> Any | None:
    """The subset library with its functions' prototypes set (it links HarfBuzz, so it has
    ``hb_blob_*`` and the rest too); ``None`` where it, or one of them (HarfBuzz before
    4.2), is missing."""
    for name in LIBRARIES:
        try:
            hb = ctypes.CDLL(name)
            for function, (result, arguments) in _PROTOTYPES.items():
                getattr(hb, function).restype = result
                getattr(hb, function).argtypes = arguments
        except (OSError, AttributeError):
            continue
        return hb
    return None


def harfbuzz_characters(font: bytes) -> frozenset[int] | None:
    """The code points ``font`` maps to glyphs (its cmap, as HarfBuzz reads it); ``None``
    when the subsetter's library is not installed or ``font`` is no TrueType or OpenType font."""
    hb = _library()
    if hb is None or not font.startswith(FONT_SIGNATURES):
        return None
    with _face(hb, font) as face:
        codes = hb.hb_set_create()
        try:
            hb.hb_face_collect_unicodes(face, codes)
            count = hb.hb_set_get_population(codes)
            out = (_U32 * max(count, 1))()
            got = hb.hb_set_next_many(codes, _INVALID, out, count) if count else 0
            return frozenset(out[:got])
        finally:
            hb.hb_set_destroy(codes)


@contextmanager
def _face(hb: Any, font: bytes) -> Iterator[Any]:
    """HarfBuzz's face of the font file ``font`` (a copy of its bytes), for the block."""
    blob = hb.hb_blob_create(font, len(font), _DUPLICATE, None, None)
    face = hb.hb_face_create(blob, 0)
    try:
        yield face
    finally:
        hb.hb_face_destroy(face)
        hb.hb_blob_destroy(blob)


def harfbuzz_cut(font: bytes, text: str) -> bytes | None:
    """``font`` cut to the glyphs ``text`` needs, with every name and its kerning and
    hinting; ``None`` when HarfBuzz's subsetter is not installed or refuses the font."""
    hb = _library()
    if hb is None or not font.startswith(FONT_SIGNATURES):
        return None
    with _face(hb, font) as face:
        return _cut(hb, face, text)


def _cut(hb: Any, face: Any, text: str) -> bytes | None:
    wanted = hb.hb_subset_input_create_or_fail()
    try:
        if not wanted:
            return None
        codes = hb.hb_subset_input_set(wanted, _UNICODE)
        for char in set(text):
            hb.hb_set_add(codes, ord(char))
        hb.hb_set_add_range(hb.hb_subset_input_set(wanted, _NAME_ID), 0, 0x7FFF)  # all names
        hb.hb_subset_input_set_flags(wanted, _NOTDEF_OUTLINE)
        cut = hb.hb_subset_or_fail(face, wanted)
        if not cut:
            return None
        out = hb.hb_face_reference_blob(cut)
        length = _UINT()
        pointer = hb.hb_blob_get_data(out, ctypes.byref(length))
        data = ctypes.string_at(pointer, length.value) if pointer else b""
        hb.hb_blob_destroy(out)
        hb.hb_face_destroy(cut)
        return data or None
    finally:
        if wanted:
            hb.hb_subset_input_destroy(wanted)
