"""Which characters the fonts can draw, so that no document ever shows an empty box.

Text is drawn from the theme's fonts first; a character they lack falls back, through
fontconfig, to the fonts of the project's ``fonts/`` folder and then to the system's (for
CJK, Arabic, Hebrew, Devanagari, Thai and emoji, Debian's Noto packages). A character no
font has would be drawn as the ``.notdef`` glyph, a box, which also makes the whole font
unreadable to some text extractors: :func:`undrawable` finds such characters before a
document is rendered, so the build can refuse it with a clear message.
"""

from __future__ import annotations

import bisect
import os
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..documents.content import FontFace
from .theme import FONT_SUFFIXES, Theme

PROJECT_FONTS = "fonts"
"""A project's folder of fallback fonts (``.ttf``/``.otf``), used after the theme's."""

_SILENT = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})
"""Characters that draw nothing (controls, joiners, direction marks, spaces)."""
_DRAWN_FORMAT = frozenset({*range(0x0600, 0x0606), 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x110BD, 0x110CD})
"""Format characters that are drawn all the same: Unicode's prepended concatenation marks
(the Arabic number sign, the pound mark above...), which span the digits after them."""

FONT_PACKAGES = "fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji"
"""The Debian packages that cover the scripts the theme's fonts do not."""


@lru_cache(maxsize=64)
def _family(path: str) -> str | None:
    """A font file's family name (its name table), so the PDF names the font it embeds."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(path, lazy=True, fontNumber=0) as font:
            return font["name"].getDebugName(16) or font["name"].getDebugName(1)
    except (OSError, TTLibError, KeyError, AssertionError):
        return None


def needs_glyph(char: str) -> bool:
    """Whether ``char`` is drawn (a letter, a mark, a symbol), not a space or a control."""
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:  # variation selectors
        return False
    return code in _DRAWN_FORMAT or unicodedata.category(char) not in _SILENT


@lru_cache(maxsize=256)
def _cmap(path: str, stamp: tuple[int, int]) -> frozenset[int]:
    from fontTools.ttLib import TTFont, TTLibError

    from .hb_subset import harfbuzz_characters

    try:
        with open(path, "rb") as file:
            fast = harfbuzz_characters(file.read())
    except OSError:
        return frozenset()
    if fast is not None:
        return fast
    try:
        with TTFont(path, lazy=True, fontNumber=0) as font:
            return frozenset(font.getBestCmap() or {})
    except (OSError, TTLibError, KeyError, AssertionError):
        return frozenset()


def font_characters(path: Path) -> frozenset[int]:
    """The code points a font file maps to glyphs (its best cmap); none if unreadable."""
    try:
        stat = path.stat()
    except OSError:
        return frozenset()
    return _cmap(str(path), (stat.st_size, stat.st_mtime_ns))


def font_files(folder: Path) -> list[Path]:
    """The font files directly under ``folder``, sorted."""
    if not folder.is_dir():
        return []
    home = folder.resolve().parent  # a font is read only from inside its project (no symlink out)
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES and p.is_file()
                  and p.resolve().is_relative_to(home))


def project_font_faces(project_dir: Path | None) -> str:
    """``@font-face`` rules for the fonts of the project's ``fonts/`` folder: fontconfig
    then falls back to them, after the theme's fonts, for a character those lack."""
    if project_dir is None:
        return ""
    rules = []
    for i, path in enumerate(font_files(project_dir / PROJECT_FONTS)):
        family = (_family(str(path)) or f"resumekit fallback {i + 1}").replace('"', "")
        rules.append(f'@font-face {{ font-family: "{family}"; src: url("{path.resolve().as_uri()}"); }}')
    return "\n".join(rules)


@lru_cache(maxsize=4)
def _system_ranges(config: str | None) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The code point ranges some system font covers, as sorted starts and ends, from
    ``fc-list`` (fontconfig's own tool; empty when it is not installed)."""
    tool = shutil.which("fc-list")
    out = None
    if tool is not None:
        try:
            out = subprocess.run([tool, "--format", "%{charset}\n"], capture_output=True, text=True,
                                 timeout=30, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            out = None
    spans: list[tuple[int, int]] = []
    if out is None:  # no fontconfig tool: read the fonts of the usual folders ourselves
        spans = [(code, code) for path in _font_folder_files() for code in font_characters(path)]
    for line in (out or "").split():
        first, _, last = line.partition("-")
        try:
            spans.append((int(first, 16), int(last or first, 16)))
        except ValueError:
            continue
    spans.sort()
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple(s for s, _ in merged), tuple(e for _, e in merged)


SYSTEM_FONT_FOLDERS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "~/.local/share/fonts",
                       "/Library/Fonts", "/System/Library/Fonts", "~/Library/Fonts")
"""Where fonts are, for a machine without fontconfig's ``fc-list``."""


def _font_folder_files() -> list[Path]:
    found = []
    for folder in SYSTEM_FONT_FOLDERS:
        root = Path(folder).expanduser()
        if root.is_dir():
            found += sorted(p for p in root.rglob("*") if p.suffix.lower() in {".ttf", ".otf", ".ttc"})
    return found


def system_covers(code: int) -> bool:
    """Whether any font fontconfig knows (the system's) has ``code``."""
    starts, ends = _system_ranges(os.environ.get("FONTCONFIG_FILE"))
    i = bisect.bisect_right(starts, code) - 1
    return i >= 0 and code <= ends[i]


def undrawable(texts: Iterable[str], theme: Theme, project_dir: Path | None = None) -> list[str]:
    """The characters of ``texts`` that no font can draw, in order of first use: not the
    theme's fonts, not the project's ``fonts/``, not the system's."""
    wanted = dict.fromkeys(c for text in texts for c in text if ord(c) > 0x7E and needs_glyph(c))
    if not wanted:
        return []
    covered: set[int] = set()
    for path in [*theme.fonts(), *(font_files(project_dir / PROJECT_FONTS) if project_dir else [])]:
        covered |= font_characters(path)
    left = [c for c in wanted if ord(c) not in covered]
    return [c for c in left if not system_covers(ord(c))]


def describe(chars: list[str]) -> str:
    """``'山' (U+5C71 CJK UNIFIED IDEOGRAPH-5C71)``, for the first few of ``chars``."""
    shown = [f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in chars[:5]]
    more = f" and {len(chars) - 5} more" if len(chars) > 5 else ""
    return ", ".join(shown) + more


def _package(char: str) -> str:
    code = ord(char)
    if 0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code:
        return "fonts-noto-cjk"
    if 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF:
        return "fonts-noto-color-emoji"
    return "fonts-noto-core"


def fix_for(chars: list[str]) -> str:
    """What would draw ``chars``: the Debian packages, or a font in the project's ``fonts/``."""
    packages = " ".join(dict.fromkeys(_package(c) for c in chars))
    return (f"Install fonts that have them (on Debian or Ubuntu: apt-get install {packages}), "
            f"or put a .ttf or .otf font that has them in the project's {PROJECT_FONTS}/ folder.")


@lru_cache(maxsize=64)
def _face(path: str) -> tuple[str, int, bool] | None:
    """A font file's family, weight class and italic flag (OS/2 and name tables)."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(path, lazy=True, fontNumber=0) as font:
            family = font["name"].getDebugName(16) or font["name"].getDebugName(1)
            os2 = font["OS/2"] if "OS/2" in font else None
            weight = int(os2.usWeightClass) if os2 is not None else 400
            italic = bool(os2.fsSelection & 1) if os2 is not None else bool(font["head"].macStyle & 2)
    except (OSError, TTLibError, KeyError, AssertionError):
        return None
    return (family, weight, italic) if family else None


def font_families(paths: Iterable[Path]) -> dict[str, tuple[FontFace, ...]]:
    """The families of the font files ``paths``, each with its files (first one of a weight
    and style wins, so a theme's own font shadows a later copy)."""
    found: dict[str, dict[tuple[int, bool], FontFace]] = {}
    for path in paths:
        face = _face(str(path))
        if face is not None:
            family, weight, italic = face
            found.setdefault(family, {}).setdefault((weight, italic), FontFace(str(path), weight, italic))
    return {family: tuple(faces.values()) for family, faces in found.items()}


def face_rules(family: str, faces: Iterable[FontFace]) -> str:
    """``@font-face`` rules that make ``faces`` the font ``family`` in CSS."""
    name = family.replace('"', "")
    return "\n".join(f'@font-face {{ font-family: "{name}"; src: url("{Path(f.path).as_uri()}"); '
                     f'font-weight: {f.weight}; font-style: {"italic" if f.italic else "normal"}; }}'
                     for f in faces)
