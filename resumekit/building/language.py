"""Which language, paper and phrases one target's documents get, from the target, the
config and the profile, most specific first."""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

from ..documents.locale import BUILTIN_DIR, Locale, base_language, read_phrases
from ..errors import ConfigError, LocatedError, Problem, ProfileError, did_you_mean
from ..loading import Document, read_document
from ..loading.paths import is_inside, outside_message
from ..loading.translation import Translated, translate, translation_file, translation_files
from ..models import Profile, Target
from ..models.feedback import Feedback
from ..models.base import Paper
from ..rendering.theme import Theme
from .project import LOCALES_FOLDER, Project

LETTER_COUNTRIES = frozenset({"US", "CA"})
"""Where US Letter is the paper; A4 everywhere else."""


def language_of(project: Project, target: Target | None) -> str:
    """The language of the target's documents in this project (see :func:`document_language`)."""
    return document_language(target, project.config.language, project.profile)


def document_language(target: Target | None, configured: str | None, profile: Profile) -> str:
    """The target's ``language``, else the configured one, else the profile's ``meta.language``, else English."""
    return (target.language if target else None) or configured or profile.meta.language or "en"


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
    done = None
    profile = project.profile
    if path is not None:
        _confined(project, path)
        if language not in project.translations:
            summaries = {i.id: i.summary for i in project.feedback.improvements} if project.feedback else {}
            project.translations[language] = translate(project.profile, path, summaries)
        done = project.translations[language]
        profile = done.profile
    if base_language(language) != base_language(project.profile.meta.language or "en"):
        profile = _letter_in(profile, project.profile)
    return profile, done


def _confined(project: Project, path: Path) -> None:
    """A translation file is the project's own: one that leads out of it (a symlink) is
    refused, as every file the project names is, unless the config allows it."""
    if not project.config.allowOutside and not is_inside(path, project.root):
        raise ProfileError([Problem(str(path), None, None, "", outside_message(path.name, path, project.root))])


LETTER_PHRASES = ("greeting", "opening", "closing", "signoff")
"""The letter defaults of a profile that the document's language says for itself when the
profile's own are in another language."""


def _letter_in(profile: Profile, original: Profile) -> Profile:
    """``profile`` without the letter defaults it still has in the original's language (a
    translation left them): "Dear Hiring Manager," in a German letter gives way to the
    German phrase."""
    kept = {name: None for name in LETTER_PHRASES
            if getattr(profile.letter, name) is not None and getattr(profile.letter, name) == getattr(original.letter, name)}
    if not kept:
        return profile
    return profile.model_copy(update={"letter": profile.letter.model_copy(update=kept)})


def translated_feedback(project: Project, translation: Translated | None) -> Feedback | None:
    """The project's feedback with its improvements' summaries in the translation's language."""
    feedback = project.feedback
    if feedback is None or translation is None or not translation.summaries:
        return feedback
    improvements = [i.model_copy(update={"summary": translation.summaries[i.id]}) if i.id in translation.summaries
                    else i for i in feedback.improvements]
    return feedback.model_copy(update={"improvements": improvements})


def language_problems(project: Project) -> list[Problem]:
    """What is wrong in the project's translation files and phrase files, located: every
    key of a translation that points at nothing, and every phrase key resumekit does not
    know (a warning) or phrase with a blank it does not fill (an error)."""
    found: list[Problem] = []
    profile_path = project.root / project.config.profile
    summaries = {i.id: i.summary for i in project.feedback.improvements} if project.feedback else {}
    for path in translation_files(profile_path):
        try:
            _confined(project, path)
            translate(project.profile, path, summaries)
        except LocatedError as exc:
            found += exc.problems
    english = _flat(read_phrases(BUILTIN_DIR / "en.yaml"))
    for folder in locale_folders(project):
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
            try:
                doc = read_document(path, ConfigError)
            except LocatedError as exc:
                found += exc.problems
                continue
            found += _phrase_problems(doc, english)
    return found


def _flat(data: Any, prefix: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    out: dict[tuple[str, ...], Any] = {}
    for key, value in (data.items() if isinstance(data, dict) else ()):
        if isinstance(value, dict):
            out.update(_flat(value, (*prefix, str(key))))
        else:
            out[(*prefix, str(key))] = value
    return out


def _blanks(value: Any) -> set[str]:
    values = value if isinstance(value, list) else [value]
    return {f for v in values if isinstance(v, str) for _, f, _, _ in string.Formatter().parse(v) if f}


def _phrase_problems(doc: Document, english: dict[tuple[str, ...], Any]) -> list[Problem]:
    problems = []
    known = {".".join(k) for k in english}
    groups = {k[:i] for k in english for i in range(1, len(k))}
    for key, value in _flat(doc.data).items():
        line, column = doc.positions.of_key(key)
        name = ".".join(key)
        if key in groups:
            problems.append(Problem(doc.source, line, column, name, "this is a group of phrases (see resumekit's "
                                    "locales/en.yaml), not one phrase; it is left out"))
            continue
        if key in english and isinstance(english[key], list) != isinstance(value, list):
            kind = "a list of phrases" if isinstance(english[key], list) else "one phrase"
            problems.append(Problem(doc.source, line, column, name, f"this should be {kind}; it is left out"))
            continue
        if key not in english:
            problems.append(Problem(doc.source, line, column, name, "resumekit has no phrase of this name, so it "
                                    "is not used" + did_you_mean(name, known), severity="warning"))
            continue
        try:
            unknown = _blanks(value) - _blanks(english[key])
        except ValueError:
            unknown = {"(a stray brace)"}
        if unknown:
            problems.append(Problem(doc.source, line, column, name,
                                    f"the phrase names {', '.join(sorted(unknown))}, which resumekit does not fill; "
                                    f"it fills {', '.join(sorted(_blanks(english[key]))) or 'nothing here'}"))
    return problems
