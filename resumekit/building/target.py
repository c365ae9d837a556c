"""One target's documents: rendered in memory, then written as a set."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..documents import Letter, Options, Resume, is_remote, letter_date
from ..documents.content import all_text
from ..documents.locale import Locale
from ..errors import BuildError, Problem, ProfileError, TargetError
from ..models import Profile, Target
from ..models.base import LANGUAGE_TAG, Paper
from ..rendering import FORMATS, Rendered, Theme, render_bytes
from ..rendering.jsonresume import render_json
from .look import look_for
from .language import document_language, paper_for, theme_locales
from .plan import Plan, content_for, options_for, plan_target
from .project import GENERAL_BUILD, Project
from .result import BuildResult, Output
from .session import BuildSession
from .writing import DOCUMENT_NAMES, REPORT, file_name, inside, write_set, write_atomic

if TYPE_CHECKING:
    from ..tailoring import Tailored


def _stamp(target: Target | None, options: Options) -> dt.datetime:
    day = letter_date(target, options)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def _profile_warnings(profile: Profile) -> list[str]:
    if is_remote(profile.basics.image):
        return [f"basics.image: {profile.basics.image} is on the network; resumekit never "
                "fetches, so it is ignored (use a file beside the profile)"]
    return []


def output_paths(project: Project, tid: str, formats: list[str]) -> dict[Path, tuple[str, str]]:
    """Every file one target's build writes: path -> (document, format)."""
    folder = inside(project.output_dir, tid)  # ids are checked at load: letters, digits, '.', '-', '_'
    job = project.target(tid)
    person = "" if job is not None and "name" in job.redact else project.profile.basics.name or ""
    paths: dict[Path, tuple[str, str]] = {inside(folder, file_name(person, d, f)): (d, f)
                                          for d in project.config.documents for f in formats
                                          if f != "json" or d == "resume"}  # the profile: one a target
    if tid != GENERAL_BUILD:
        paths[inside(folder, REPORT)] = ("report", "md")
    return paths


def render_job(content: Resume | Letter, fmt: str, theme: Theme, project_dir: Path | None,
               stamp: dt.datetime) -> Rendered:
    """One document rendered, in whichever process runs it (picklable in and out)."""
    return render_bytes(content, fmt, theme, project_dir, stamp)


def _check_glyphs(project: Project, content: Resume | Letter) -> None:
    """Refuse a document with a character no font can draw, saying where it was written
    and what would draw it: it would print as an empty box, and unreadable to parsers."""
    from ..rendering.fonts import describe, fix_for, undrawable

    missing = undrawable(all_text(content), project.theme, project.root)
    if not missing:
        return
    message = (f"no font here can draw {describe(missing)}: it would print as an empty box. "
               f"{fix_for(missing)}")
    found = project.where_written(missing[0])
    if found is None:
        raise BuildError(message)
    raise ProfileError([replace(found, message=message)])


def build_target(project: Project, tid: str, formats: list[str],
                 session: BuildSession | None = None) -> tuple[BuildResult, dict[str, str]]:
    """Render every document of one target in memory, then write them all as a set.

    With the session's ``render_pool`` (``watch`` keeps one warm), the documents render
    side by side; a resume the page budget has just laid out stays here, where that
    layout is, and is written once the others are on their way to the pool. Returns the
    result and the SHA-256 of each file written, for the manifest.
    """
    session = session or BuildSession()
    target = project.target(tid)
    result = BuildResult(warnings=_profile_warnings(project.profile))
    options = options_for(project, target)
    pool = session.render_pool
    plan = plan_target(project, target, session, speculate=pool is not None)
    if options.locale is not None and not options.locale.has_phrases:
        result.warnings.append(f"{tid}: resumekit has no phrases for the language '{options.language}': its "
                               f"headings and letter phrases are English; write locales/{options.language}.yaml "
                               f"(see docs/languages.md)")
    if plan.translation is not None and plan.translation.untranslated:
        told = plan.translation
        result.notes.append(f"{tid}: {Path(told.source).name} translates {told.translated} of "
                               f"{told.translated + told.untranslated} strings; the other {told.untranslated} "
                               f"stay as the profile has them")
    stamp = _stamp(target, options)
    jobs, here = _dispatch(project, tid, formats, plan, options, stamp, session)
    if plan.unconfirmed is not None and not plan.unconfirmed():
        for _path, _document, _fmt, future in jobs:  # made on an answer that no longer holds
            future.cancel()
        plan = plan_target(project, target, session)
        jobs, here = _dispatch(project, tid, formats, plan, options, stamp, session)
    for done, render in here:
        done.set_result(render())
    files: dict[Path, bytes] = {}
    for path, document, fmt, future in jobs:
        rendered = future.result()
        result.warnings += [w for w in rendered.warnings if w not in result.warnings]
        result.outputs.append(Output(path, tid, document, fmt, "built", rendered.pages))
        files[path] = rendered.data
    if plan.tailored is not None:
        result.warnings += [f"{tid}: {note}" for note in plan.tailored.notes]
    write_set(files)
    return result, {str(path): hashlib.sha256(data).hexdigest() for path, data in files.items()}


_Jobs = list[tuple[Path, str, str, Future[Rendered]]]
_Here = list[tuple[Future[Rendered], Callable[[], Rendered]]]


def _dispatch(project: Project, tid: str, formats: list[str], plan: Plan, options: Options, stamp: dt.datetime,
              session: BuildSession) -> tuple[_Jobs, _Here]:
    """Each document of ``plan``, sent to the session's render pool, or made ready to render
    here (a budgeted resume's PDF, whose layout is here; everything without a pool)."""
    target, pool = plan.target, session.render_pool
    jobs: _Jobs = []
    here: _Here = []
    for path, (document, fmt) in output_paths(project, tid, formats).items():
        done: Future[Rendered] = Future()
        if document == "report":
            from ..tailoring import explain
            from ..tailoring.explanation import explanation_markdown

            assert plan.tailored is not None
            done.set_result(Rendered(explanation_markdown(explain(plan.tailored), plan.tailored).encode("utf-8")))
            jobs.append((path, document, fmt, done))
            continue
        if fmt == "json":  # the tailored profile itself, as JSON Resume
            done.set_result(Rendered(render_json(plan.profile)))
            jobs.append((path, document, fmt, done))
            continue
        content = content_for(plan, document, options)
        if fmt == "pdf":
            _check_glyphs(project, content)
        laid_out_here = document == "resume" and fmt == "pdf" and target is not None and bool(target.pages)
        if pool is not None and not laid_out_here:
            jobs.append((path, document, fmt, pool.submit(render_job, content, fmt, project.theme,
                                                          project.root, stamp)))
        else:
            here.append((done, partial(render_bytes, content, fmt, project.theme, project.root, stamp,
                                       session.layouts)))
            jobs.append((path, document, fmt, done))
    return jobs, here


_LANGUAGE_TAG = re.compile(LANGUAGE_TAG)


def _check_render_arguments(profile: object, target: object, path: object, document: object,
                            theme: object, language: object) -> None:
    """Raise the error a caller of :func:`render` can act on for any argument of the wrong kind."""
    from ..tailoring import Tailored

    if not isinstance(profile, (Profile, Tailored)):
        raise ProfileError([Problem("<profile>", None, None, "profile",
                                    f"render needs a Profile (or a tailored one), not {type(profile).__name__}; "
                                    "load one with resumekit.load_profile")])
    if target is not None and not isinstance(target, Target):
        raise TargetError([Problem("<target>", None, None, "target",
                                   f"render needs a Target (or None), not {type(target).__name__}; "
                                   "load one with resumekit.load_target")])
    if not isinstance(path, (str, os.PathLike)) or not isinstance(os.fspath(path), str):
        raise BuildError(f"render needs the path of the file to write (such as 'out/resume.pdf'), "
                         f"not {type(path).__name__}")
    if "\x00" in os.fspath(path):
        raise BuildError("the path to write holds a NUL character (\\0), which no file name can")
    if not isinstance(document, str):
        raise BuildError(f"unknown document {document!r:.40}; choose resume or letter")
    if not isinstance(theme, str) or not theme.strip() or "\x00" in theme:
        raise BuildError(f"the theme is named by text, such as 'classic', not {theme!r:.40}")
    if not isinstance(language, str) or not _LANGUAGE_TAG.fullmatch(language):
        raise BuildError(f"the language {language!r:.40} is not a language tag; use one such as en, en-GB or de")


def render(
    profile: Profile | Tailored,
    path: str | Path,
    document: str = "resume",
    target: Target | None = None,
    theme: str = "classic",
    language: str | None = None,
    page: str | None = None,
) -> Path:
    """Render one document of a profile (or a tailored one) to ``path``; format from the suffix.

    ``language`` defaults to the target's, else the profile's ``meta.language``, else English;
    ``page`` (``a4`` or ``letter``) to the paper of the job's country.
    """
    from ..tailoring import Tailored

    person = profile.profile if isinstance(profile, Tailored) else profile
    job = target or (profile.target if isinstance(profile, Tailored) else None)
    if isinstance(person, Profile) and language is None:
        language = document_language(job if isinstance(job, Target) else None, None, person)
    _check_render_arguments(profile, target, path, document, theme, language)
    if page not in (None, "a4", "letter"):
        raise BuildError(f"unknown paper {page!r:.40}; choose a4 or letter")
    out = Path(path)
    fmt = out.suffix.lower().lstrip(".")
    if document not in DOCUMENT_NAMES:
        raise BuildError(f"unknown document '{document}'; choose resume or letter")
    if fmt not in FORMATS:
        raise BuildError(f"unknown format '{fmt}' (from {out.name}); resumekit writes {', '.join(FORMATS)}")
    if fmt == "json" and document != "resume":
        raise BuildError(f"{out.name}: json is the (tailored) profile, the resume's; a letter has none "
                         "(write it as pdf, docx, txt, md or html)")
    chosen = Theme.named(theme)
    tag = str(language)
    designs = (job.design,) if isinstance(job, Target) else ()
    options = Options(language=tag, locale=Locale.load(tag, theme_locales(chosen)),
                      paper=paper_for(cast(Paper | None, page), person, job, tag), look=look_for(chosen, None, *designs))
    if isinstance(profile, Tailored):
        plan = Plan(target or profile.target, profile.profile, profile)
    else:
        plan = Plan(target, profile)
    if fmt == "json":
        write_atomic(out, render_json(plan.profile))
        return out
    content = content_for(plan, document, options)
    rendered = render_bytes(content, fmt, chosen, None, _stamp(plan.target, options))
    write_atomic(out, rendered.data)
    return out
