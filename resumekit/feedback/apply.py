"""apply_feedback: a profile with every improvement in place. Pure: no I/O, inputs untouched.

Each added entry and highlight carries ``origin`` (the improvement's id, the areas it
addresses and the applications that prompted it), so documents and reports can say
where it came from. Applying the same feedback again changes nothing.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..errors import FeedbackError, Problem, ProfileError
from ..loading.feedback import origin_of
from ..models.base import TaggedText, before
from ..models.feedback import Extension, Feedback, Improvement
from ..models.profile import SECTION_INFO, Profile


def provenance(improvement: Improvement) -> dict[str, Any]:
    """What an added entry or highlight records about where it came from."""
    return {"improvement": improvement.id, "addresses": list(improvement.addresses),
            "prompted_by": list(improvement.prompted_by)}


def provenance_of(item: BaseModel) -> dict[str, Any] | None:
    """The provenance ``apply_feedback`` attached to an entry or highlight, if any."""
    extra = item.__pydantic_extra__ or {}
    value = extra.get("origin")
    return value if isinstance(value, dict) else None


def _without_origin(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_origin(v) for k, v in value.items() if k != "origin"}
    if isinstance(value, list):
        return [_without_origin(v) for v in value]
    return value


def _content(item: BaseModel) -> Any:
    """An entry's data without provenance, to recognise one that is already there."""
    return _without_origin(item.model_dump(exclude_defaults=True))


def _entry_date(section: str, entry: BaseModel) -> str:
    name = SECTION_INFO[section].date_field
    return str(getattr(entry, name, "") or "") if name else ""


def _ascending(dates: list[str]) -> bool:
    """Whether the user keeps this section oldest first (the usual order is newest first)."""
    pairs = list(zip(dates, dates[1:]))
    return bool(pairs) and all(not before(b, a) for a, b in pairs) and any(before(a, b) for a, b in pairs)


def _insert_by_date(entries: list[Any], entry: Any, section: str, fallback: str | None = None) -> None:
    """Put ``entry`` where its date belongs in the section's own order (newest or oldest first).

    An undated entry takes its improvement's date; with no date at all it goes last.
    """
    date = _entry_date(section, entry) or fallback or ""
    if date:
        ascending = _ascending([d for d in (_entry_date(section, e) for e in entries) if d])
        for i, existing in enumerate(entries):
            other = _entry_date(section, existing)
            if other and (before(date, other) if ascending else before(other, date)):
                entries.insert(i, entry)
                return
    entries.append(entry)


def _matches(section: str, entry: Any, ext: Extension) -> bool:
    name = getattr(entry, SECTION_INFO[section].name_field, None) or ""
    if name.strip().casefold() != ext.match.strip().casefold():
        return False
    return ext.position is None or (getattr(entry, "position", "") or "").casefold() == ext.position.casefold()


def _add(profile: Profile, improvement: Improvement) -> None:
    stamp = provenance(improvement)
    for section in type(improvement.add).model_fields:
        entries = getattr(profile, section)
        present = [_content(e) for e in entries]
        for new in getattr(improvement.add, section):
            if _content(new) in present:
                continue
            entry = new.model_copy(deep=True)
            entry.__pydantic_extra__ = {**(entry.__pydantic_extra__ or {}), "origin": stamp}
            if isinstance(getattr(entry, "highlights", None), list):
                for highlight in entry.highlights:
                    highlight.__pydantic_extra__ = {**(highlight.__pydantic_extra__ or {}), "origin": stamp}
            _insert_by_date(entries, entry, section, improvement.date)


def _extend(profile: Profile, improvement: Improvement, problems: list[Problem]) -> None:
    stamp = provenance(improvement)
    where = origin_of(improvement)
    for j, ext in enumerate(improvement.extend):
        entries = getattr(profile, ext.section)
        found = [e for e in entries if _matches(ext.section, e, ext)]
        if len(found) != 1:
            names = sorted({getattr(e, SECTION_INFO[ext.section].name_field) or "" for e in entries} - {""})
            if found:
                message = (f"'{ext.match}' matches {len(found)} {ext.section} entries; "
                           "add 'position' to choose one")
            else:
                message = (f"no {ext.section} entry is named '{ext.match}'"
                           + (f" (entries: {', '.join(names)})" if names else ""))
            problems.append(where.problem("extend", j, "match", message=message))
            continue
        entry = found[0]
        texts = {h.text for h in entry.highlights}
        for highlight in ext.highlights:
            if highlight.text in texts:
                continue
            added = TaggedText(text=highlight.text, tags=list(highlight.tags))
            added.__pydantic_extra__ = {"origin": stamp}
            entry.highlights.append(added)


def apply_feedback(profile: Profile, feedback: Feedback) -> Profile:
    """A new profile with every improvement in place; raises FeedbackError on a bad match."""
    for name, value, kind, error in (("profile", profile, Profile, ProfileError),
                                     ("feedback", feedback, Feedback, FeedbackError)):
        if not isinstance(value, kind):
            raise error([Problem(f"<{name}>", None, None, name,
                                 f"apply_feedback needs a Profile and a Feedback, not {type(value).__name__} "
                                 f"as its {name}; load one with resumekit.load_{name}")])
    result = profile.model_copy(deep=True)
    problems: list[Problem] = []
    # Every addition first, so an improvement may extend an entry another one added.
    for improvement in feedback.improvements:
        _add(result, improvement)
    for improvement in feedback.improvements:
        _extend(result, improvement, problems)
    if problems:
        raise FeedbackError(problems)
    return result
