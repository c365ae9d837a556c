"""Which language, paper and phrases one target's documents get, from the target, the
config and the profile, most specific first."""

from __future__ import annotations

from pathlib import Path

from ..documents.locale import Locale
from ..loading.translation import Translated, translate, translation_file
from ..models import Profile, Target
from ..models.base import Paper
from ..rendering.theme import Theme
from .project import LOCALES_FOLDER, Project

LETTER_COUNTRIES = frozenset({"US", "CA"})
"""Where US Letter is the paper; A4 everywhere else."""


def language_of(project: Project, target: Target | None) -> str:
    """The target's ``language``, else the config's, else the profile's ``meta.language``, else English."""
    return ((target.language if target else None) or project.config.language
            or project.profile.meta.language or "en")


def country_of(profile: Profile, target: Target | None) -> str | None:
    """The country the job is in (the target's location), else the person's; upper case."""
    for location in (target.location if target else None, profile.basics.location):
        if location is not None and location.countryCode:
            return location.countryCode.strip().upper()
    return None


def paper_of(project: Project, target: Target | None) -> Paper:
    """``page`` of the target or the config, else the paper of the job's country."""
    return paper_for((target.page if target else None) or project.config.page, project.profile, target,
                     language_of(project, target))


def paper_for(chosen: Paper | None, profile: Profile, target: Target | None, language: str) -> Paper:
    """``chosen``, else Letter in the US and Canada and A4 elsewhere; with no country named
    at all, the language's region decides (en-GB: A4), and without one English keeps Letter
    and every other language takes A4."""
    if chosen:
        return chosen
    country = country_of(profile, target)
    if country is None:
        parts = language.replace("_", "-").split("-")
        region = next((p.upper() for p in parts[1:] if len(p) == 2), None)
        if region is None:
            return "letter" if parts[0].casefold() == "en" else "a4"
        country = region
    return "letter" if country in LETTER_COUNTRIES else "a4"


def theme_locales(theme: Theme) -> list[Path]:
    """A theme's phrase folders, the built-in theme's first and the user's last."""
    return [d / LOCALES_FOLDER for d in reversed(theme.dirs)]


def locale_folders(project: Project) -> list[Path]:
    """Where phrase files of the user's may be, laid over the built-in ones in this order:
    each theme folder's ``locales/`` (the built-in theme first, the user's last), then the
    project's own ``locales/``."""
    return theme_locales(project.theme) + [project.root / LOCALES_FOLDER]


def locale_of(project: Project, target: Target | None) -> Locale:
    """The phrases and date rules of the target's documents."""
    return Locale.load(language_of(project, target), locale_folders(project), project.config.dateFormat)


def translated_profile(project: Project, target: Target | None) -> tuple[Profile, Translated | None]:
    """The profile in the target's language: laid over with ``profile.<tag>.yaml`` when
    the project has one (read once per project and language), else as written."""
    language = language_of(project, target)
    path = translation_file(project.root / project.config.profile, language)
    if path is None:
        return project.profile, None
    if language not in project.translations:
        project.translations[language] = translate(project.profile, path)
    done = project.translations[language]
    return done.profile, done
