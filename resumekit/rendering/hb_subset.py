"""Fonts cut to the characters a document uses, by HarfBuzz's subsetter when the machine
has it (``libharfbuzz-subset0``): a few milliseconds, where fontTools takes most of a
second per font to read a kerning table. ``None`` means "not here": use fontTools."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_DECLARATIONS = """
typedef struct hb_blob_t hb_blob_t;
typedef struct hb_face_t hb_face_t;
typedef struct hb_set_t hb_set_t;
typedef struct hb_subset_input_t hb_subset_input_t;
hb_blob_t *hb_blob_create(const char *data, unsigned int length, int mode, void *user_data, void *destroy);
void hb_blob_destroy(hb_blob_t *blob);
const char *hb_blob_get_data(hb_blob_t *blob, unsigned int *length);
hb_face_t *hb_face_create(hb_blob_t *blob, unsigned int index);
void hb_face_destroy(hb_face_t *face);
hb_blob_t *hb_face_reference_blob(hb_face_t *face);
void hb_set_add(hb_set_t *set, uint32_t codepoint);
void hb_set_add_range(hb_set_t *set, uint32_t first, uint32_t last);
hb_subset_input_t *hb_subset_input_create_or_fail(void);
void hb_subset_input_destroy(hb_subset_input_t *input);
hb_set_t *hb_subset_input_set(hb_subset_input_t *input, int set_type);
void hb_subset_input_set_flags(hb_subset_input_t *input, unsigned value);
hb_face_t *hb_subset_or_fail(hb_face_t *source, const hb_subset_input_t *input);
"""
_DUPLICATE = 0  # HB_MEMORY_MODE_DUPLICATE
_UNICODE, _NAME_ID = 1, 4  # hb_subset_sets_t
_NOTDEF_OUTLINE = 0x40  # hb_subset_flags_t: keep .notdef's drawing, as fontTools' notdef_outline
FONT_SIGNATURES = (b"\x00\x01\x00\x00", b"OTTO", b"true")
"""How a TrueType or OpenType font file begins."""
LIBRARIES = ("libharfbuzz-subset.so.0", "libharfbuzz-subset.0.dylib", "libharfbuzz-subset-0.dll")


@lru_cache(maxsize=1)
def _library() -> tuple[Any, Any] | None:
    try:
        import cffi
    except ImportError:
        return None
    ffi = cffi.FFI()
    ffi.cdef(_DECLARATIONS)
    for name in LIBRARIES:
        try:
            return ffi, ffi.dlopen(name)  # the subset library links HarfBuzz, so it has hb_blob_* too
        except (OSError, AttributeError):
            continue
    return None


def harfbuzz_cut(font: bytes, text: str) -> bytes | None:
    """``font`` cut to the glyphs ``text`` needs, with every name and its kerning and
    hinting; ``None`` when HarfBuzz's subsetter is not installed or refuses the font."""
    found = _library()
    if found is None or not font.startswith(FONT_SIGNATURES):
        return None
    ffi, hb = found
    blob = hb.hb_blob_create(font, len(font), _DUPLICATE, ffi.NULL, ffi.NULL)
    face = hb.hb_face_create(blob, 0)
    wanted = hb.hb_subset_input_create_or_fail()
    try:
        if wanted == ffi.NULL:
            return None
        codes = hb.hb_subset_input_set(wanted, _UNICODE)
        for char in set(text):
            hb.hb_set_add(codes, ord(char))
        hb.hb_set_add_range(hb.hb_subset_input_set(wanted, _NAME_ID), 0, 0x7FFF)  # all names
        hb.hb_subset_input_set_flags(wanted, _NOTDEF_OUTLINE)
        cut = hb.hb_subset_or_fail(face, wanted)
        if cut == ffi.NULL:
            return None
        out = hb.hb_face_reference_blob(cut)
        length = ffi.new("unsigned int *")
        data = bytes(ffi.buffer(hb.hb_blob_get_data(out, length), length[0]))
        hb.hb_blob_destroy(out)
        hb.hb_face_destroy(cut)
        return data or None
    finally:
        if wanted != ffi.NULL:
            hb.hb_subset_input_destroy(wanted)
        hb.hb_face_destroy(face)
        hb.hb_blob_destroy(blob)
