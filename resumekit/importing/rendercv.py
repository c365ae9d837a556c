"""A RenderCV input file (``cv:`` with ``sections:``) -> a profile, every entry kept.

RenderCV's sections are named freely and typed by their entries' fields, as RenderCV
itself types them: ``institution``/``area``/``degree`` make an EducationEntry,
``company``/``position`` an ExperienceEntry, ``title``/``authors``/``doi``/``journal`` a
PublicationEntry, ``label``/``details`` a OneLineEntry, ``bullet`` a BulletEntry,
``number``/``reversed_number`` a (reversed) NumberedEntry, ``name`` a NormalEntry, and
plain text a TextEntry. Each goes where JSON Resume keeps its kind:

| RenderCV | becomes |
| --- | --- |
| ExperienceEntry | work (volunteer in a section named for volunteering) |
| EducationEntry | education |
| PublicationEntry | publications (the authors lead the summary) |
| NormalEntry | projects, awards or certificates in a section so named, else a section of one's own |
| OneLineEntry | skills in a skills section (details split at commas), else a section's lines |
| BulletEntry, NumberedEntry, TextEntry | a section of one's own, as bullets (text under summary: basics.summary) |

A field the target has no place for (an education's highlights, an award's location) and
a date that is text (``Fall 2023``) are listed as not imported; RenderCV's ``design``,
``locale`` and ``settings`` are not either (a resumekit theme does their work).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import Problem, ProfileError, did_you_mean
from ..loading.document import Document, PathKey
from ..loading.yaml import read_document
from ..models.base import SECTION_NAMES
from .values import clean_text, is_present, location, partial_date, section_key, split_link
from .writing import Imported

NETWORK_URLS = {
    "LinkedIn": "https://linkedin.com/in/", "GitHub": "https://github.com/", "GitLab": "https://gitlab.com/",
    "IMDB": "https://imdb.com/name/", "Instagram": "https://instagram.com/", "ORCID": "https://orcid.org/",
    "StackOverflow": "https://stackoverflow.com/users/", "ResearchGate": "https://researchgate.net/profile/",
    "YouTube": "https://youtube.com/@", "Google Scholar": "https://scholar.google.com/citations?user=",
    "Telegram": "https://t.me/", "WhatsApp": "https://wa.me/", "Leetcode": "https://leetcode.com/u/",
    "X": "https://x.com/", "Twitter": "https://twitter.com/", "Bluesky": "https://bsky.app/profile/",
    "Reddit": "https://reddit.com/user/",
}
"""RenderCV's social networks and the address each username goes after (Mastodon is
``@user@server``)."""

KINDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("education", frozenset({"institution", "area", "degree", "study_type"})),
    ("experience", frozenset({"company", "position"})),
    ("publication", frozenset({"title", "authors", "doi", "journal"})),
    ("one_line", frozenset({"label", "details"})),
    ("bullet", frozenset({"bullet"})),
    ("numbered", frozenset({"number", "reversed_number"})),
    ("normal", frozenset({"name"})),
)
"""RenderCV's entry types by the fields only they have, in the order RenderCV tries them."""

_TEXT = {"summary": "summary", "highlights": "highlights"}
RECIPES: dict[str, tuple[dict[str, str], str | None, dict[str, str]]] = {
    "work": ({"company": "name", "position": "position", "location": "location", "url": "url"}, None, _TEXT),
    "volunteer": ({"company": "organization", "position": "position", "url": "url"}, None, _TEXT),
    "education": ({"institution": "institution", "url": "url", "area": "area", "degree": "studyType",
                   "study_type": "studyType"}, None, {}),
    "projects": ({"name": "name", "summary": "description", "url": "url"}, None, {"highlights": "highlights"}),
    "awards": ({"name": "title"}, "date", {"summary": "summary"}),
    "certificates": ({"name": "name", "url": "url"}, "date", {}),
    "custom": ({"name": "name", "location": "location", "url": "url"}, "date", _TEXT),
}
"""How an entry becomes one of each target: (RenderCV field -> the profile's, before the
dates), the one date field of a thing of one day (``None``: a start and an end), (the
fields after the dates). A field of the entry that none names is listed as not imported."""

FIELDS = frozenset().union(*(fields for _, fields in KINDS), *(r[0].keys() | r[2].keys() for r in RECIPES.values()),
                           {"date", "start_date", "end_date"})
"""The fields of RenderCV's entries, to name the one a misspelt field was meant to be."""

NORMAL_HOMES = (("projects", ("project",)), ("awards", ("award", "honor", "honour", "prize")),
                ("certificates", ("certif",)))
"""Where a NormalEntry goes by words in its section's name; elsewhere, to a section of one's own."""

_SMALL_WORDS = {"a", "and", "as", "at", "but", "by", "for", "from", "if", "in", "into", "like", "near", "nor",
                "of", "off", "on", "onto", "or", "over", "so", "than", "that", "to", "upon", "when", "with", "yet"}


def section_title(key: str) -> str:
    """A section's heading as RenderCV prints it: ``education_and_training`` -> ``Education and
    Training``; a key with a space or a capital is already its title."""
    if " " in key or any(c.isupper() for c in key):
        return key
    return " ".join(w if w in _SMALL_WORDS else w.capitalize() for w in key.replace("_", " ").split(" "))


def entry_kind(entry: Any) -> str | None:
    """The RenderCV type of an entry (``text`` for a string), or ``None`` if it has none."""
    if isinstance(entry, str):
        return "text"
    if isinstance(entry, dict):
        return next((kind for kind, fields in KINDS if fields & entry.keys()), None)
    return None


class _Converter:
    """One RenderCV file's conversion: the profile so far, and what was left out, by line."""

    def __init__(self, doc: Document, imported: Imported) -> None:
        self.doc = doc
        self.imported = imported
        self.data = imported.data
        self.custom: dict[str, dict[str, Any]] = {}

    def where(self, path: PathKey) -> str:
        line, _ = self.doc.positions.of_value(path)
        return f"{Path(self.doc.source).name}:{line}" if line else Path(self.doc.source).name

    def note(self, path: PathKey, what: str) -> None:
        self.imported.note(self.where(path), what)

    def text(self, value: Any, path: PathKey, name: str) -> str | None:
        found = clean_text(value)
        if found is None and value not in (None, ""):
            self.note(path, f"{name}: not text a document can carry; not imported")
        return found

    # --- the header -------------------------------------------------------------------------

    def basics(self, cv: dict[str, Any]) -> None:
        basics: dict[str, Any] = {}
        for key, target in (("name", "name"), ("headline", "label"), ("label", "label"), ("photo", "image")):
            value = self.text(cv.get(key), ("cv", key), key)
            if value and target not in basics:
                basics[target] = value
        place = self.text(cv.get("location"), ("cv", "location"), "location")
        if place:
            basics["location"] = location(place)
        for key, target in (("email", "email"), ("phone", "phone"), ("website", "url")):
            given = cv.get(key)
            values: list[Any] = given if isinstance(given, list) else [given]
            found = [v for i, item in enumerate(values) if (v := self.text(item, ("cv", key, i), key))]
            if key == "phone":
                found = [v.removeprefix("tel:") for v in found]
            if found:
                basics[target] = found[0]
            for extra in found[1:]:
                self.note(("cv", key), f"another {key}, {extra!r}; a resume shows one")
        profiles = self.profiles(cv)
        if profiles:
            basics["profiles"] = profiles
        if basics:
            self.data["basics"] = basics
        known = {"name", "headline", "label", "photo", "location", "email", "phone", "website",
                 "social_networks", "custom_connections", "sections"}
        for key, value in cv.items():
            if key not in known and value not in (None, "", [], {}):
                self.note(("cv", key), f"'{key}' is not a field of RenderCV's cv that resumekit knows; not imported")

    def profiles(self, cv: dict[str, Any]) -> list[dict[str, str]]:
        profiles = []
        for i, item in enumerate(cv.get("social_networks") or []):
            network = self.text(item.get("network"), ("cv", "social_networks", i), "network") \
                if isinstance(item, dict) else None
            username = self.text(item.get("username"), ("cv", "social_networks", i), "username") \
                if isinstance(item, dict) else None
            if not network or not username:
                self.note(("cv", "social_networks", i), "a social network without a network and a username; "
                                                        "not imported")
                continue
            profile = {"network": network, "username": username}
            if network == "Mastodon" and username.count("@") == 2:
                _, user, server = username.split("@")
                profile["url"] = f"https://{server}/@{user}"
            elif network in NETWORK_URLS:
                profile["url"] = NETWORK_URLS[network] + username
            profiles.append(profile)
        for i, item in enumerate(cv.get("custom_connections") or []):
            label = self.text(item.get("placeholder"), ("cv", "custom_connections", i), "placeholder") \
                if isinstance(item, dict) else None
            if not label:
                self.note(("cv", "custom_connections", i), "a connection without a placeholder; not imported")
                continue
            url = self.text(item.get("url"), ("cv", "custom_connections", i), "url")
            profiles.append({"network": label, **({"url": url} if url else {})})
        return profiles

    # --- the sections -----------------------------------------------------------------------

    def sections(self, sections: dict[str, Any]) -> None:
        for key, entries in sections.items():
            path: PathKey = ("cv", "sections", key)
            if not isinstance(entries, list):
                self.note(path, f"the section '{key}' is not a list of entries; not imported")
                continue
            for i, entry in enumerate(entries):
                self.entry(key, entry, (*path, i))

    def entry(self, section: str, entry: Any, path: PathKey) -> None:
        kind = entry_kind(entry)
        if kind is None:
            self.note(path, "an entry of no RenderCV type (see RenderCV's entry types); not imported")
            return
        word = section.casefold()
        if kind == "text":
            self.text_entry(section, entry, path)
        elif kind == "experience":
            target = "volunteer" if "volunteer" in word else "work"
            self.add(target, self.made(target, entry, path), entry, path)
        elif kind == "education":
            self.add("education", self.made("education", entry, path), entry, path)
        elif kind == "publication":
            self.add("publications", self.publication(entry, path), entry, path)
        elif kind == "normal":
            self.normal(section, entry, path)
        elif kind == "one_line":
            self.one_line(section, entry, path)
        else:
            field = next(f for f in ("bullet", "number", "reversed_number") if f in entry)
            text = self.text(entry.get(field), (*path, field), field)
            if text:
                self.custom_item(section, "bullets", text)
            self.unused(entry, path, {field})

    def add(self, section: str, made: tuple[dict[str, Any], set[str]], entry: dict[str, Any], path: PathKey) -> None:
        """Append the entry ``made`` (with the RenderCV fields it used) to ``section``."""
        item, used = made
        self.data.setdefault(section, []).append(item)
        self.unused(entry, path, used)

    def unused(self, entry: Any, path: PathKey, used: set[str]) -> None:
        """Note each field of ``entry`` with a value that the conversion did not use."""
        if not isinstance(entry, dict):
            return
        for key, value in entry.items():
            if key not in used and value not in (None, "", [], {}):
                shown = value if isinstance(value, str) else "; ".join(map(str, value)) \
                    if isinstance(value, list) else str(value)
                shown = shown if len(shown) <= 80 else shown[:77] + "..."
                self.note((*path, key), f"{key} {shown!r}: this kind of entry has no place for it here"
                                        f"{did_you_mean(str(key), FIELDS - entry.keys())}")

    def dates(self, entry: dict[str, Any], path: PathKey, item: dict[str, Any], single: str | None = None) -> set[str]:
        """Fill ``item``'s dates from RenderCV's ``date`` (a day or a text), ``start_date`` and
        ``end_date``; ``single`` names the target's one date field, for a thing of one day."""
        used = {"date", "start_date", "end_date"}
        date, start, end = (entry.get(k) for k in ("date", "start_date", "end_date"))
        if date in (None, "") and start in (None, "") and end not in (None, "") and not is_present(end):
            date, end = end, None  # RenderCV reads an end without a start as the date
        if date not in (None, ""):
            day = partial_date(date)
            if day is None:
                self.note((*path, "date"), f"date {str(date)!r} is not a date JSON Resume can hold; left out")
            elif single:
                item[single] = day
            else:
                item["startDate"] = item["endDate"] = day
            return used
        first = partial_date(start) if start not in (None, "") else None
        if start not in (None, "") and first is None:
            self.note((*path, "start_date"), f"start_date {str(start)!r} is not a date; left out")
        last = None if end in (None, "") or is_present(end) else partial_date(end)
        if end not in (None, "") and not is_present(end) and last is None:
            self.note((*path, "end_date"), f"end_date {str(end)!r} is not a date; left out")
        if single and first:
            item[single] = first
            if last:
                self.note((*path, "end_date"), f"end_date {str(end)!r}: this kind of entry has one date; left out")
        else:
            item.update({k: v for k, v in (("startDate", first), ("endDate", last)) if v})
        return used

    def fill(self, entry: dict[str, Any], path: PathKey, item: dict[str, Any], fields: dict[str, str]) -> set[str]:
        """Copy the text of each RenderCV field of ``fields`` to the profile's name for it;
        ``highlights`` are a list. Returns the fields read."""
        for source, target in fields.items():
            value = entry.get(source)
            if source == "highlights":
                found = [t for i, h in enumerate(value if isinstance(value, list) else [value])
                         if (t := self.text(h, (*path, source, i), source))]
                if found:
                    item[target] = found
                continue
            text = self.text(value, (*path, source), source)
            link = None
            if text and target in ("name", "organization", "institution", "title"):
                text, link = split_link(text)  # '[FlashInfer](https://...)': the name, and its link
            if text:
                item[target] = text
            if link and "url" not in item and "url" not in entry:
                item["url"] = link
        return set(fields)

    def made(self, target: str, entry: dict[str, Any], path: PathKey) -> tuple[dict[str, Any], set[str]]:
        """``entry`` as an entry of ``target`` (a JSON Resume section, or ``custom``), by its
        :data:`RECIPES`; with the RenderCV fields it used."""
        head, single, tail = RECIPES[target]
        if target == "custom" and entry.get("date") in (None, ""):
            single = None  # a range, as a job's
        item: dict[str, Any] = {}
        used = self.fill(entry, path, item, head)
        used |= self.dates(entry, path, item, single=single)
        used |= self.fill(entry, path, item, tail)
        return item, used

    def publication(self, entry: dict[str, Any], path: PathKey) -> tuple[dict[str, Any], set[str]]:
        item: dict[str, Any] = {}
        used = self.fill(entry, path, item, {"title": "name", "journal": "publisher"})
        used |= self.dates(entry, path, item, single="releaseDate")
        doi = self.text(entry.get("doi"), (*path, "doi"), "doi")
        url = f"https://doi.org/{doi}" if doi else self.text(entry.get("url"), (*path, "url"), "url")
        if url:
            item["url"] = url
        authors = entry.get("authors")
        names = [t for a in (authors if isinstance(authors, list) else [authors]) if (t := clean_text(a))]
        summary = self.text(entry.get("summary"), (*path, "summary"), "summary")
        lead = ", ".join(names)
        if lead or summary:
            item["summary"] = f"{lead}. {summary}" if lead and summary else lead or summary
        return item, used | {"doi", "url", "authors", "summary"}

    def normal(self, section: str, entry: dict[str, Any], path: PathKey) -> None:
        """A NormalEntry: a project, award or certificate in a section so named, else an entry
        of a section of one's own."""
        word = section.casefold()
        target = next((t for t, words in NORMAL_HOMES if any(w in word for w in words)), "custom")
        if target == "custom":
            item, used = self.made("custom", entry, path)
            self.custom_item(section, "entries", item)
            self.unused(entry, path, used)
        else:
            self.add(target, self.made(target, entry, path), entry, path)

    def one_line(self, section: str, entry: dict[str, Any], path: PathKey) -> None:
        label = self.text(entry.get("label", entry.get("name")), (*path, "label"), "label")
        details = self.text(entry.get("details"), (*path, "details"), "details")
        word = section.casefold()
        if ("skill" in word or "technolog" in word) and details:
            keywords = [k.strip() for k in details.split(",") if k.strip()]
            self.data.setdefault("skills", []).append({**({"name": label} if label else {}), "keywords": keywords})
        elif word == "languages" and label:
            self.data.setdefault("languages", []).append({"language": label, **({"fluency": details} if details else {})})
        else:
            self.custom_item(section, "lines", {k: v for k, v in (("label", label), ("text", details)) if v})
        self.unused(entry, path, {"label", "name", "details"})

    def text_entry(self, section: str, entry: str, path: PathKey) -> None:
        text = self.text(entry, path, "text")
        if not text:
            return
        if section.casefold() in ("summary", "about", "about_me", "about me", "profile", "objective"):
            basics = self.data.setdefault("basics", {})
            basics["summary"] = f"{basics['summary']}\n\n{text}" if "summary" in basics else text
        else:
            self.custom_item(section, "bullets", text)

    def custom_item(self, section: str, shape: str, item: Any) -> None:
        """Add ``item`` to the section of one's own made for RenderCV's ``section`` in ``shape``
        (``entries``, ``lines`` or ``bullets``; one section may hold only one shape)."""
        if not item:
            return
        home = self.custom.get(f"{section}\0{shape}")
        if home is None:
            taken = {c["key"] for c in self.custom.values()}
            home = {"key": section_key(section, taken, SECTION_NAMES), "title": section_title(section), shape: []}
            self.custom[f"{section}\0{shape}"] = home
        home[shape].append(item)

    def finish(self) -> None:
        """Put the sections of one's own in, after JSON Resume's sections."""
        if self.custom:
            self.data["sections"] = {c["key"]: {"title": c["title"], **{k: v for k, v in c.items()
                                                                        if k not in ("key", "title")}}
                                     for c in self.custom.values()}


_ORDER = ("basics", "work", "volunteer", "education", "awards", "certificates", "publications", "skills",
          "languages", "interests", "references", "projects", "sections")


def import_rendercv(path: Path) -> Imported:
    """The profile in the RenderCV input file at ``path``."""
    doc = read_document(path, ProfileError)
    data = doc.data
    cv = data.get("cv") if isinstance(data, dict) else None
    if not isinstance(cv, dict):
        line, column = doc.positions.of_value(())
        raise ProfileError([Problem(str(path), line, column, "cv", "this is not a RenderCV input file: it has "
                                    "no 'cv:' mapping (with name, sections...) at its top")])
    imported = Imported(path, {})
    converter = _Converter(doc, imported)
    converter.basics(cv)
    sections = cv.get("sections")
    if isinstance(sections, dict):
        converter.sections(sections)
    elif sections not in (None, "", []):
        converter.note(("cv", "sections"), "sections is not a mapping of titles to entries; not imported")
    converter.finish()
    for key in data:
        if key != "cv" and data[key] not in (None, "", {}, []):
            converter.note((key,), f"RenderCV's '{key}:' is not imported (a resumekit theme and config "
                                   "do its work: see docs/themes.md)")
    imported.data = {key: imported.data[key] for key in _ORDER if key in imported.data}
    return imported

