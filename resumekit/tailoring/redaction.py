"""An anonymised profile for blind hiring: what a target's ``redact:`` list names is left
out of every document made for it (and of the files' names)."""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Profile
from ..models.profile import REDACTED_DETAILS

def redacted(profile: Profile, redact: Iterable[str]) -> Profile:
    """``profile`` without what ``redact`` names: ``name``, ``contact`` (email, phone,
    website, social profiles), ``address`` (street and postal code; the city stays),
    ``photo``, ``birthDate`` (and age), ``personal`` (every personal detail) and
    ``references`` (the names of the people; what they said stays)."""
    items = set(redact)
    if not items:
        return profile
    basics: dict[str, object] = {}
    if "name" in items:
        basics["name"] = None
    if "contact" in items:
        basics.update(email=None, phone=None, url=None, profiles=[])
    if "address" in items and profile.basics.location is not None:
        basics["location"] = profile.basics.location.model_copy(update={"address": None, "postalCode": None})
    for item in sorted(items):
        basics.update(dict.fromkeys(REDACTED_DETAILS.get(item, ())))
    update: dict[str, object] = {"basics": profile.basics.model_copy(update=basics)}
    if "references" in items:
        update["references"] = [r.model_copy(update={"name": None}) for r in profile.references]
    if "name" in items:
        update["letter"] = profile.letter.model_copy(update={"signature": None})
    return profile.model_copy(update=update)
