"""The look a target's documents are drawn with: the theme's ``theme.yaml``, then the
config's ``design:``, then the target's, setting by setting."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..documents.content import DESIGN_TO_LOOK, FontFace, Look
from ..errors import Problem, did_you_mean
from ..loading import Document
from ..loading.markets import redacted_details
from ..models.config import Config
from ..models.design import Design
from ..models.profile import Profile
from ..models.target import Target
from ..rendering.fonts import PROJECT_FONTS, font_families, font_files
from ..rendering.theme import FONT_SUFFIXES, Theme, builtin_themes_dir

if TYPE_CHECKING:
    from .project import Project

def available_fonts(theme: Theme, root: Path | None) -> dict[str, tuple[FontFace, ...]]:
    """Every font family a design may name: the theme's, every built-in theme's, then the
    project's ``fonts/`` folder's."""
    builtin = sorted(f for f in builtin_themes_dir().glob("*/fonts/*") if f.suffix.lower() in FONT_SUFFIXES)
    project = font_files(root / PROJECT_FONTS) if root is not None else []
    return font_families([*theme.fonts(), *builtin, *project])


def look_for(theme: Theme, root: Path | None, *designs: Design) -> Look:
    """The look of ``theme`` with ``designs`` laid over it in order, later ones winning."""
    base = theme.look()
    given: dict[str, Any] = {}
    for design in designs:
        given.update(design.given())
    look = base.designed(given)
    changed = tuple(k for k in given if getattr(look, DESIGN_TO_LOOK[k]) != getattr(base, DESIGN_TO_LOOK[k]))
    look = replace(look, changed=changed)
    if "font" in changed:
        look = replace(look, faces=available_fonts(theme, root).get(look.font, ()))
    return look


def font_problem(design: Design, document: Document, theme: Theme, root: Path) -> Problem | None:
    """A located error when ``design`` (of a config or a target) names a font that no
    shipped or project font file has."""
    if design.font is None:
        return None
    fonts = available_fonts(theme, root)
    if design.font in fonts:
        return None
    line, column = document.positions.of_value(("design", "font"))
    return Problem(document.source, line, column, "design.font",
                   f"no font named '{design.font}': resumekit ships {', '.join(sorted(fonts))}; put a "
                   f".ttf or .otf file of it in the project's {PROJECT_FONTS}/ folder to use another"
                   + did_you_mean(design.font, set(fonts)))


PHOTO_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
"""How a PNG and a JPEG file begin: the only photos a theme shows."""


def local_image(image: str | None) -> str | None:
    """The file path ``basics.image`` names (a ``file:`` URL's path, or the text itself);
    ``None`` for no image, a network URL, or a ``data:``/``mailto:`` URL (one letter is a drive)."""
    from urllib.parse import unquote, urlsplit

    from ..documents import is_remote

    if not image or is_remote(image):
        return None
    parts = urlsplit(image)
    if parts.scheme == "file":
        return unquote(parts.path)
    return image if len(parts.scheme) <= 1 else None


def photo_wanted(config: Config, target: Target | None) -> bool:
    """Whether the target's resume asks for the photo: its ``photo:``, else the config's."""
    return target.photo if target is not None and target.photo is not None else config.photo


def photo_file(profile_path: Path, image: str | None) -> Path | None:
    """The local PNG or JPEG file ``basics.image`` names (relative to the profile), if it is one;
    a URL is never fetched."""
    named = local_image(image)
    if named is None:
        return None
    path = (profile_path.parent / named).resolve()
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        return None
    return path if head.startswith(PHOTO_SIGNATURES) else None


def photo_of(project: Project, target: Target | None) -> str | None:
    """The photo the target's resume shows, as an absolute path: only when the config or the
    target says ``photo: true``, the theme shows photos, and no ``redact:`` leaves it out."""
    if not photo_wanted(project.config, target):
        return None
    if target is not None and "image" in redacted_details(list(target.redact)):
        return None
    if not project.theme.settings().photo:
        return None
    path = photo_file(project.root / project.config.profile, project.profile.basics.image)
    return str(path) if path is not None else None


def photo_problems(profile: Profile, document: Document, config: Config, targets: list[Target],
                   theme: Theme, profile_path: Path) -> list[Problem]:
    """Warnings, at the profile's ``image:`` line, when the photo it names will not be shown
    and the user might expect it to be: nothing asks for it, the theme shows no photos, or
    the file is no PNG or JPEG. A URL is warned about when a document is built."""
    from ..documents import is_remote

    image = profile.basics.image
    if not image or is_remote(image):
        return []
    asked = photo_wanted(config, None) or any(photo_wanted(config, t) for t in targets)
    why = None
    if not asked:
        why = ("is not shown: documents show a photo only where the config or a target says photo: true "
               "(see docs/themes.md, 'A photo')")
    elif not theme.settings().photo:
        why = "is not shown: the theme shows no photos (classic and compact do)"
    elif photo_file(profile_path, image) is None:
        why = f"{image} is not a PNG or JPEG file in the project, so it is not shown"
    if why is None:
        return []
    line, column = document.positions.of_value(("basics", "image"))
    return [Problem(document.source, line, column, "basics.image", why, severity="warning")]
