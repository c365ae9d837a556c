"""Where the package's own files are: built-in themes and the ``init`` scaffold."""

from __future__ import annotations

from pathlib import Path

from .errors import BuildError

_HERE = Path(__file__).resolve().parent


def builtin_themes_dir() -> Path:
    """The built-in themes: inside the installed package, or beside it in a source checkout."""
    for candidate in (_HERE / "templates", _HERE.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise BuildError("resumekit's built-in themes are missing; reinstall the package")


def scaffold_dir() -> Path:
    """The small example project that ``resumekit init`` copies."""
    return _HERE / "scaffold"


def theme_dirs(theme: str, base: Path | None = None) -> list[Path]:
    """Folders to search for a theme's files, the user's first, then the built-in classic."""
    builtin = builtin_themes_dir()
    named = builtin / theme
    if named.is_dir() and "/" not in theme and "\\" not in theme:
        dirs = [named]
    else:
        user = (base / theme) if base is not None else Path(theme)
        if not user.is_dir():
            known = ", ".join(sorted(p.name for p in builtin.iterdir() if p.is_dir()))
            raise BuildError(f"theme '{theme}' is neither a built-in theme ({known}) nor a folder")
        dirs = [user.resolve()]
    if builtin / "classic" not in dirs:
        dirs.append(builtin / "classic")
    return dirs
