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
    return dirs
