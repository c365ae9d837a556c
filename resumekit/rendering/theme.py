"""A theme: the ordered folders its files come from, and the one lookup through them.

A theme named in the config is a folder of the user's (searched first) or a built-in
theme; the built-in ``classic`` comes last, so a user's theme need hold only what it
changes. Every part of resumekit that needs a theme file asks a :class:`Theme`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import BuildError

if TYPE_CHECKING:
    import jinja2

    from ..documents.content import Look

    from ..loading.theme import ThemeSettings

_HERE = Path(__file__).resolve().parent.parent
FONT_SUFFIXES = {".ttf", ".otf"}
THEME_SETTINGS = "theme.yaml"
"""A theme's settings file: what it is for, whether it shows photos, its design."""
NOT_COPIED = frozenset({"make_reference_docx.py", "make_icon_fonts.py"})
"""A built-in theme's files that a copy of it does without (tools for resumekit's own themes)."""
MAX_THEME_FILE_BYTES = 32 * 1024 * 1024
"""A theme file larger than this (a font is a few hundred kilobytes) is refused."""


def _dir_attribute(text: str, direction: str = "ltr") -> Any:
    """`` dir="rtl"`` for a paragraph whose text runs the other way from the document's
    (an Arabic bullet in an English resume, an English one in a Hebrew resume), so it is
    aligned and punctuated as its own language is; nothing otherwise. A phone number
    or a year, which have no letters, reads left to right."""
    from markupsafe import Markup

    from .layout import direction_of

    own = direction_of(text or "") or ("ltr" if any(c.isdigit() for c in text or "") else None)
    return Markup(f' dir="{own}"') if own and own != direction else Markup("")


def builtin_theme_names() -> list[str]:
    """The names of the built-in themes, sorted."""
    return sorted(p.name for p in builtin_themes_dir().iterdir() if (p / "theme.yaml").is_file())


def builtin_themes_dir() -> Path:
    """The built-in themes: inside the installed package, or beside it in a source checkout."""
    for candidate in (_HERE / "templates", _HERE.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise BuildError("resumekit's built-in themes are missing; reinstall the package")


def _entries(folder: Path) -> list[Path]:
    """Everything but folders under ``folder``, sorted, skipping caches and hidden files;
    symlinked folders are not followed. Nothing is opened."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        found += [Path(root) / f for f in sorted(files) if not f.startswith(".") and not f.endswith(".pyc")]
    return found


def theme_files(folder: Path) -> list[Path]:
    """Every regular file under ``folder``, sorted, skipping caches and hidden files.

    A FIFO or a device is left out without being opened: hashing it could hang a build
    (:meth:`Theme.problems` refuses a theme that holds one).
    """
    return [f for f in _entries(folder) if _is_regular(f)]


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


@dataclass(frozen=True)
class Theme:
    """A theme's folders, the user's first and the built-in ``classic`` last (picklable)."""

    dirs: tuple[Path, ...]

    @classmethod
    def named(cls, theme: str = "classic", base: Path | None = None) -> Theme:
        """The theme a config names: a folder (relative to ``base``) or a built-in theme's name."""
        builtin = builtin_themes_dir()
        named = builtin / theme
        user = (base / theme) if base is not None else Path(theme)
        if user.is_dir():
            dirs = [user.resolve()]  # a folder of the user's wins, even one named like a built-in theme
        elif named.is_dir() and "/" not in theme and "\\" not in theme:
            dirs = [named]
        else:
            known = ", ".join(sorted(p.name for p in builtin.iterdir() if p.is_dir()))
            raise BuildError(f"theme '{theme}' is neither a built-in theme ({known}) nor a folder")
        if builtin / "classic" not in dirs:
            dirs.append(builtin / "classic")
        return cls(tuple(dirs))

    @property
    def user_dirs(self) -> tuple[Path, ...]:
        """The folders of the user's own, not the built-in themes."""
        builtin = builtin_themes_dir()
        return tuple(d for d in self.dirs if not d.is_relative_to(builtin))

    def problems(self, inside: Path | None = None) -> list[str]:
        """What is wrong with the user's theme folders, cheaply checked (nothing is rendered):
        a FIFO or device among its files, a file over the size cap, a font fontTools cannot
        open, a ``reference.docx`` that is no DOCX; with ``inside``, a file that links out
        of that folder. The built-in themes are not checked."""
        from ..loading.paths import HOW_TO_ALLOW, is_inside, why_not_a_file  # not on the quick path

        found: list[str] = []
        for folder in self.user_dirs:
            for path in _entries(folder):
                shown = path.relative_to(folder).as_posix()
                reason = why_not_a_file(path)
                if reason == "file not found":
                    continue  # a dangling link: no theme lookup will find it
                if reason is not None:
                    found.append(f"{shown} in the theme: {reason}")
                elif inside is not None and not is_inside(path, inside):
                    found.append(f"{shown} in the theme links to {path.resolve()}, outside the project "
                                 f"({inside}); {HOW_TO_ALLOW}")
                elif path.stat().st_size > MAX_THEME_FILE_BYTES:
                    found.append(f"{shown} in the theme is larger than the limit of "
                                 f"{MAX_THEME_FILE_BYTES // (1024 * 1024)} MB")
                elif shown.startswith("fonts/") and path.suffix.lower() in FONT_SUFFIXES:
                    found += [f"{shown} in the theme: {why}" for why in _font_problem(path)]
                elif shown == "reference.docx" and not _is_docx(path):
                    found.append(f"{shown} in the theme is not a Word (DOCX) file")
        return found

    def find(self, name: str) -> Path | None:
        """The first folder's ``name`` (``"reference.docx"``, ``"style.css"``), or ``None``."""
        for folder in self.dirs:
            if (folder / name).is_file():
                return folder / name
        return None

    def require(self, name: str) -> Path:
        """Like :meth:`find`, but a theme without the file raises :class:`BuildError`."""
        path = self.find(name)
        if path is None:
            raise BuildError(f"no {name} in the theme ({', '.join(str(d) for d in self.dirs)})")
        return path

    def files(self) -> list[Path]:
        """Every file of every folder of the theme: what its documents may depend on."""
        return [f for folder in self.dirs for f in theme_files(folder)]

    def fonts(self) -> tuple[Path, ...]:
        """The font files the theme ships (``fonts/*.ttf``, ``*.otf``), sorted."""
        return tuple(sorted(f for d in self.dirs for f in d.glob("fonts/*") if f.suffix.lower() in FONT_SUFFIXES))

    @property
    def base(self) -> Path:
        """The folder relative URLs in the theme's HTML resolve against: the one with the CSS."""
        style = self.find("style.css")
        return style.parent if style else self.dirs[0]

    def settings(self) -> ThemeSettings:
        """The theme's ``theme.yaml`` (the first of its folders that has one); a bad one
        raises a located :class:`~resumekit.errors.ConfigError`."""
        path = self.find(THEME_SETTINGS)
        if path is None:
            from ..loading.theme import ThemeSettings

            return ThemeSettings()
        stat = path.stat()
        return _settings(str(path), (stat.st_size, stat.st_mtime_ns))

    def look(self) -> Look:
        """The look the theme's ``theme.yaml`` gives its documents (before any ``design:``)."""
        from ..documents.content import Look

        return Look().designed(self.settings().design.given())

    def whole(self) -> dict[str, Path]:
        """Every file the theme's documents are made from, by its path in a theme folder:
        the first folder's file where several have one (what ``theme copy`` writes out)."""
        found: dict[str, Path] = {}
        fonts_from = next((folder for folder in self.dirs if (folder / "fonts").is_dir()), None)
        for folder in self.dirs:
            for path in theme_files(folder):
                name = path.relative_to(folder).as_posix()
                if name.startswith("fonts/") and folder != fonts_from:
                    continue  # the theme's own fonts, not those of the theme it builds on
                if name not in NOT_COPIED:
                    found.setdefault(name, path)
        return dict(sorted(found.items()))

    def jinja_env(self) -> jinja2.Environment:
        """The theme's HTML templates, autoescaped (built once per theme and process)."""
        return _html_environment(self.dirs)

    def fill(self, name: str, values: Mapping[str, Any]) -> str:
        """The plain-text template ``name`` (an email, say) filled with ``values``."""
        import jinja2

        path = self.require(name)
        env = jinja2.Environment(autoescape=False, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
        try:
            return env.from_string(path.read_text(encoding="utf-8")).render(**values)
        except (jinja2.TemplateError, UnicodeDecodeError, OSError) as exc:
            raise BuildError(f"{path}: the {name} template is broken: {exc}") from None


@lru_cache(maxsize=16)
def _settings(path: str, stamp: tuple[int, int]) -> ThemeSettings:
    from ..loading.theme import read_theme_settings

    return read_theme_settings(path).model


def _font_problem(path: Path) -> list[str]:
    """Why fontTools cannot open the font at ``path`` (it reads only the table directory)."""
    from fontTools.ttLib import TTFont

    try:
        TTFont(path, lazy=True).close()
    except Exception:  # fontTools raises many kinds on a damaged file; none is worth showing
        return ["fontTools cannot open it as a TrueType or OpenType font; replace or remove it"]
    return []


def _is_docx(path: Path) -> bool:
    import zipfile

    if not zipfile.is_zipfile(path):
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


@lru_cache(maxsize=8)
def _html_environment(dirs: tuple[Path, ...]) -> jinja2.Environment:
    import jinja2

    from .layout import contact_rows, inline_html, kind_name

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["contact_rows"] = contact_rows
    environment.filters["kind_name"] = kind_name
    environment.filters["dir"] = _dir_attribute
    environment.filters["md"] = inline_html
    return environment
