"""One profile in several languages: a translation file beside the profile
(``profile.de.yaml``) holds only the translated strings, addressed by the profile's own
structure, and is laid over the profile for documents in that language.

Entries are named as the profile names them (``work: {Acme Health: {...}}``, by the
field that names an entry in its section, by ``id``, or by position from 1), and
highlights and other lists by position (a list, with ``~`` for "as it is") or by position
or ``id`` (a mapping). A key that points at nothing in the profile is a located error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem, ProfileError, did_you_mean
from ..models import Profile
from ..models.profile import SECTION_INFO
from .document import Document, PathKey, field_path
from .yaml import read_document

COUNTED = frozenset({"label", "summary", "position", "description", "highlights", "studyType", "area", "courses",
                     "title", "fluency", "reference", "keywords", "roles", "greeting", "opening", "paragraphs",
                     "closing", "signoff", "text"})
"""The fields whose text a translation is expected to give: the build counts those it
leaves in the profile's language. Names of employers, schools and people are not counted."""
NAMED_TEXT = frozenset({"skills", "interests", "certificates", "projects", "publications", "awards", "languages"})
"""The sections whose entries' names are words to translate too (a skill group, a certificate)."""


def translation_file(profile_path: Path, language: str) -> Path | None:
    """``profile.de.yaml`` beside ``profile.yaml`` for ``de`` (or ``.yml``, ``.json``), if it exists."""
    for suffix in (".yaml", ".yml", ".json"):
        candidate = profile_path.with_name(f"{profile_path.stem}.{language}{suffix}")
        if candidate.is_file():
            return candidate
    return None


def translation_files(profile_path: Path) -> list[Path]:
    """Every translation file beside the profile."""
    return sorted(p for p in profile_path.parent.glob(f"{profile_path.stem}.*")
                  if p.suffix in (".yaml", ".yml", ".json") and p != profile_path
                  and p.name.count(".") == profile_path.name.count(".") + 1
                  and is_language(p.name[len(profile_path.stem) + 1:-len(p.suffix)]))


def is_language(tag: str) -> bool:
    """Whether ``tag`` names a language CLDR knows (``de``, ``pt-BR``), not a backup's
    ``orig`` or ``old``: only such files beside the profile are its translations."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(tag.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return False
    return True


@dataclass
class Translated:
    """A profile in another language, and how much of it the translation left as it was."""

    profile: Profile
    translated: int
    untranslated: int
    source: str
    summaries: dict[str, str] = field(default_factory=dict)
    """The translated ``summary`` of each feedback improvement, by its id: how the growth
    paragraph tells what was done."""


@dataclass
class _Pass:
    doc: Document
    problems: list[Problem] = field(default_factory=list)
    done: set[PathKey] = field(default_factory=set)

    def problem(self, path: PathKey, message: str) -> None:
        line, column = self.doc.positions.of_key(path)
        self.problems.append(Problem(self.doc.source, line, column, field_path(path), message))

    def lay(self, into: Any, over: Any, at: PathKey, target: PathKey) -> Any:
        """``over`` laid on ``into`` (the profile's value at ``target``); ``at`` is where
        ``over`` is in the translation file."""
        if over is None:
            return into
        if isinstance(over, str):
            if not isinstance(into, str):
                self.problem(at, f"the profile's {field_path(target) or 'value'} is not text to translate"
                             if into is not None else f"the profile has no {field_path(target)} to translate")
                return into
            self.done.add(target)
            return over
        if isinstance(over, list):
            if not isinstance(into, list):
                self.problem(at, f"the profile's {field_path(target)} is not a list")
                return into
            return self._list(into, dict(enumerate(over, 1)), at, target, by_position_only=True)
        if isinstance(over, dict):
            if isinstance(into, list):
                return self._list(into, over, at, target)
            if not isinstance(into, dict):
                self.problem(at, f"the profile has no {field_path(target)} with fields to translate")
                return into
            out = dict(into)
            for key, value in over.items():
                if key not in into:
                    self.problem((*at, key), f"the profile has no {field_path((*target, key))}"
                                 + did_you_mean(str(key), [str(k) for k in into]))
                    continue
                out[key] = self.lay(into[key], value, (*at, key), (*target, key))
            return out
        self.problem(at, f"a translation is text, not {type(over).__name__}")
        return into

    def _list(self, into: list[Any], over: dict[Any, Any], at: PathKey, target: PathKey,
              by_position_only: bool = False) -> list[Any]:
        out = list(into)
        section = str(target[0]) if len(target) == 1 else None
        for key, value in over.items():
            spot = key - 1 if by_position_only else None
            where = (*at, key - 1) if by_position_only else (*at, key)
            if spot is None:
                spot = _find(into, key, section)
            if spot is None or not 0 <= spot < len(into):
                names = _names(into, section)
                if isinstance(key, int) or str(key).isdigit():
                    self.problem(where, f"the profile's {field_path(target)} has {len(into)}, so there is "
                                 f"no number {key} (counting from 1) to translate")
                else:
                    self.problem(where, f"nothing in the profile's {field_path(target)} is named {key!r} "
                                 f"(it has {len(into)})" + did_you_mean(str(key), names))
                continue
            item = into[spot]
            if isinstance(item, dict) and "text" in item and isinstance(value, str):  # a tagged highlight
                out[spot] = {**item, "text": self.lay(item["text"], value, where, (*target, spot, "text"))}
            else:
                out[spot] = self.lay(item, value, where, (*target, spot))
        return out


def _name_of(item: Any, section: str | None) -> str | None:
    if not isinstance(item, dict):
        return None
    info = SECTION_INFO.get(section or "")
    return item.get(info.name_field) if info else None


def _names(items: list[Any], section: str | None) -> list[str]:
    found = [str(n) for item in items for n in (_name_of(item, section), item.get("id") if isinstance(item, dict)
                                                else None) if n]
    return found


def _find(items: list[Any], key: Any, section: str | None) -> int | None:
    """The position of the item ``key`` names: its id, its name, else (a number) its position from 1."""
    for i, item in enumerate(items):
        if isinstance(item, dict) and (item.get("id") == key or _name_of(item, section) == key):
            return i
    if isinstance(key, int) and not isinstance(key, bool):
        return key - 1
    if isinstance(key, str) and key.isdigit():
        return int(key) - 1
    return None


def _counted(data: Any, path: PathKey, key: Any = None) -> list[PathKey]:
    """The paths of every string the translation is expected to translate: those under a
    :data:`COUNTED` key (items of a list take the list's key), and the names of entries
    in :data:`NAMED_TEXT`."""
    if isinstance(data, str):
        named = len(path) == 3 and path[0] in NAMED_TEXT and key == SECTION_INFO[str(path[0])].name_field
        return [path] if key in COUNTED or named else []
    if isinstance(data, dict):
        return [p for k, value in data.items() for p in _counted(value, (*path, k), k)]
    if isinstance(data, list):
        return [p for i, item in enumerate(data) for p in _counted(item, (*path, i), key)]
    return []


def translate(profile: Profile, source: Path | Document, summaries: Mapping[str, str | None] | None = None
              ) -> Translated:
    """``profile`` with the translation at ``source`` laid over it; raises
    :class:`ProfileError` naming every key of the translation that points at nothing.

    ``summaries`` are the feedback improvements' own summaries, by id: a translation's
    ``improvements: {id: {summary: ...}}`` translates them."""
    summaries = dict(summaries or {})
    doc = source if isinstance(source, Document) else read_document(source, ProfileError)
    data = profile.model_dump(mode="json", by_alias=True, exclude_none=True)
    if not isinstance(doc.data, dict):
        raise ProfileError([Problem(doc.source, 1, 1, "", "a translation file holds the profile's sections "
                                                          "(basics, work, ...) with the translated strings")])
    job = _Pass(doc)
    out = dict(data)
    told: dict[str, str] = {}
    for key, value in doc.data.items():
        if key == "language":
            continue
        if key == "improvements":
            laid: dict[str, Any] = job.lay({k: {"summary": v} for k, v in summaries.items() if v}, value,
                                           (key,), (key,))
            told = {k: str(v["summary"]) for k, v in laid.items() if isinstance(v, dict)}
            continue
        if key not in data:
            job.problem((key,), f"the profile has no {key} to translate"
                        + did_you_mean(str(key), [str(k) for k in data]))
            continue
        out[key] = job.lay(data[key], value, (key,), (key,))
    if job.problems:
        raise ProfileError(job.problems)
    expected = _counted(data, ()) + [("improvements", k, "summary") for k, v in summaries.items() if v]
    missing = [p for p in expected if p not in job.done]
    changed = {k: v for k, v in told.items() if ("improvements", k, "summary") in job.done}
    return Translated(Profile.model_validate(out), len(expected) - len(missing), len(missing), doc.source,
                      changed)
