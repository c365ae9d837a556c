"""LinkedIn's data export ("Get a copy of your data") -> a profile.

The export is a ZIP of CSV files. The ones a resume needs, with the columns LinkedIn
writes (read from real exports; any may be missing, and so may any column):

| file | columns | becomes |
| --- | --- | --- |
| Profile.csv | First Name, Last Name, Headline, Summary, Geo Location, Websites, Twitter Handles | basics |
| Email Addresses.csv | Email Address, Primary | basics.email (the primary one) |
| PhoneNumbers.csv | Number, Extension | basics.phone |
| Positions.csv | Company Name, Title, Description, Location, Started On, Finished On | work |
| Education.csv | School Name, Degree Name, Field Of Study, Start Date, End Date | education |
| Skills.csv | Name | skills (one group) |
| Certifications.csv | Name, Authority, Url, Started On | certificates |
| Languages.csv | Name, Proficiency | languages |
| Projects.csv | Title, Description, Url, Started On, Finished On | projects |
| Volunteering.csv | Company Name, Role, Description, Started On, Finished On | volunteer |
| Honors.csv | Title, Description, Issued On | awards |
| Publications.csv | Name (or Title), Publisher, Published On, Url, Description | publications |

Dates come as ``Mar 2020``, ``2019`` or ``2021-06-01``; an empty end date means ongoing.
A description whose lines start with ``•`` or ``-`` gives highlights. Everything else with
a value (Notes, Activities, a licence number, an address) is listed as not imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import Problem, ProfileError
from .archive import Export, Table, read_export
from .values import clean_text, location, paragraph_and_bullets, partial_date, unfit_reason
from .writing import Imported

_PERSONAL = "a personal detail resumekit does not print unless you add it yourself"
_NO_PLACE = "JSON Resume has no place for it"

IGNORED: dict[str, dict[str, str]] = {
    "Profile.csv": {"Maiden Name": _PERSONAL, "Address": _PERSONAL, "Birth Date": _PERSONAL,
                    "Zip Code": _PERSONAL, "Industry": _NO_PLACE, "Instant Messengers": _PERSONAL},
    "Email Addresses.csv": {"Confirmed": "", "Primary": "", "Updated On": ""},
    "PhoneNumbers.csv": {"Type": ""},
    "Education.csv": {"Notes": _NO_PLACE + " in an education entry", "Activities": _NO_PLACE + " in an education entry"},
    "Certifications.csv": {"Finished On": "the date it expires; JSON Resume keeps only the date it was earned",
                           "License Number": _NO_PLACE},
    "Volunteering.csv": {"Cause": _NO_PLACE},
    "Publications.csv": {"Authors": _NO_PLACE},
}
"""Columns read on purpose into nothing, and why (an empty reason: not worth a mention)."""


class _Rows:
    """Reads the cells of one table, noting on the import what it could not take."""

    def __init__(self, table: Table, imported: Imported, used: tuple[str, ...]) -> None:
        self.table = table
        self.imported = imported
        ignored = IGNORED.get(table.kind, {})
        for column in table.header:
            if column and column not in used and column not in ignored:
                imported.note(table.name, f"column '{column}' is not one resumekit knows; not imported")
        for line in table.ragged:
            imported.note(f"{table.name}:{line}", "more cells than the table has columns; the extra ones are left out")

    def need(self, *columns: str) -> None:
        """Notes a table with rows but none of ``columns``, what names its entries (the
        employer, the first name): the entries still validate without it, so only this
        line says the export lacked it."""
        if self.table.rows and not any(column in self.table.header for column in columns):
            self.imported.note(f"{self.table.name}:1", f"no column '{columns[0]}'; every row is imported "
                                                       "without it: add it yourself")

    def rows(self) -> list[tuple[str, dict[str, str]]]:
        """(where, row) for each row; the ignored columns that hold a value are noted."""
        found = []
        ignored = IGNORED.get(self.table.kind, {})
        for line, row in self.table.rows:
            where = f"{self.table.name}:{line}"
            for column, why in ignored.items():
                value = clean_text(row.get(column))
                if value and why:
                    shown = value if len(value) <= 80 else value[:77] + "..."
                    self.imported.note(where, f"{column} {shown!r}: {why}")
            found.append((where, row))
        return found

    def text(self, where: str, row: dict[str, str], column: str) -> str | None:
        raw = row.get(column)
        value = clean_text(raw)
        if value is None and raw and raw.strip():
            self.imported.note(where, f"{column}: {unfit_reason(raw)}; not imported")
        return value

    def date(self, where: str, row: dict[str, str], column: str) -> str | None:
        raw = (row.get(column) or "").strip()
        value = partial_date(raw) if raw else None
        if raw and value is None:
            self.imported.note(where, f"{column} {raw[:40]!r} is not a date resumekit reads (Mar 2020, 2020, "
                                      "2020-03-15); left out")
        return value


def _put(entry: dict[str, Any], key: str, value: Any) -> None:
    if value not in (None, "", [], {}):
        entry[key] = value


def _websites(text: str) -> list[tuple[str, str]]:
    """``[PORTFOLIO:https://a.example,https://b.example]`` -> [(label, url)...]."""
    found = []
    for item in text.strip().strip("[]").split(","):
        label, _, url = item.strip().partition(":")
        if label.lower() in ("http", "https"):
            label, url = "", item.strip()
        elif not url:
            label, url = "", label
        if url.strip():
            found.append((label.strip().title(), url.strip()))
    return found


def _basics(export: Export, imported: Imported) -> dict[str, Any]:
    basics: dict[str, Any] = {}
    table = export.tables.get("Profile.csv")
    if table:
        rows = _Rows(table, imported, ("First Name", "Last Name", "Headline", "Summary", "Geo Location",
                                       "Websites", "Twitter Handles", "Profile URL"))
        rows.need("First Name")
        rows.need("Last Name")
        found = rows.rows()
        for where, row in found[:1]:
            name = " ".join(p for p in (rows.text(where, row, "First Name"), rows.text(where, row, "Last Name")) if p)
            _put(basics, "name", name)
            _put(basics, "label", rows.text(where, row, "Headline"))
            _put(basics, "summary", rows.text(where, row, "Summary"))
            place = rows.text(where, row, "Geo Location")
            _put(basics, "location", location(place) if place else None)
            _put(basics, "profiles", _profiles(rows, where, row, basics))
        for where, _row in found[1:]:
            imported.note(where, "a second row of the profile; only the first is read")
    _contacts(export, imported, basics)
    return basics


def _profiles(rows: _Rows, where: str, row: dict[str, str], basics: dict[str, Any]) -> list[dict[str, str]]:
    """The person's links: LinkedIn itself, then the websites (the first is ``basics.url``) and
    Twitter handles they listed."""
    profiles = []
    url = rows.text(where, row, "Profile URL")
    if url:
        profiles.append({"network": "LinkedIn", "username": url.rstrip("/").rsplit("/", 1)[-1], "url": url})
    for label, site in _websites(rows.text(where, row, "Websites") or ""):
        if "url" not in basics:
            basics["url"] = site
        else:
            profiles.append({"network": label or "Website", "url": site})
    for handle in (rows.text(where, row, "Twitter Handles") or "").strip("[]").split(","):
        if handle.strip():
            name = handle.strip().lstrip("@")
            profiles.append({"network": "X", "username": name, "url": f"https://x.com/{name}"})
    return profiles


def _contacts(export: Export, imported: Imported, basics: dict[str, Any]) -> None:
    """The primary email address (else the first) and the first phone number."""
    table = export.tables.get("Email Addresses.csv")
    if table:
        rows = _Rows(table, imported, ("Email Address",))
        found = [(w, r) for w, r in rows.rows() if rows.text(w, r, "Email Address")]
        primary = [p for p in found if (p[1].get("Primary") or "").strip().lower() == "yes"] or found
        if primary:
            basics["email"] = rows.text(*primary[0], "Email Address")
        for where, row in found:
            if row is not primary[0][1]:
                imported.note(where, f"another email address, {row['Email Address'].strip()!r}; "
                                     "a resume shows one")
    table = export.tables.get("PhoneNumbers.csv")
    if table:
        rows = _Rows(table, imported, ("Number", "Extension"))
        numbers = [(w, r) for w, r in rows.rows() if rows.text(w, r, "Number")]
        for i, (where, row) in enumerate(numbers):
            number = rows.text(where, row, "Number")
            extension = rows.text(where, row, "Extension")
            phone = f"{number} ext. {extension}" if extension else number
            if i == 0:
                basics["phone"] = phone
            else:
                imported.note(where, f"another phone number, {phone!r}; a resume shows one")


Field = tuple[str, str, str]
"""(the profile's key, LinkedIn's column, how it reads: ``text``, ``date``, or ``prose``, a
description whose bullet lines become ``highlights``); the first column with a value wins."""

_SECTIONS: tuple[tuple[str, str, tuple[Field, ...]], ...] = (
    ("work", "Positions.csv", (("name", "Company Name", "text"), ("position", "Title", "text"),
                               ("location", "Location", "text"), ("startDate", "Started On", "date"),
                               ("endDate", "Finished On", "date"), ("summary", "Description", "prose"))),
    ("volunteer", "Volunteering.csv", (("organization", "Company Name", "text"), ("position", "Role", "text"),
                                       ("startDate", "Started On", "date"), ("endDate", "Finished On", "date"),
                                       ("summary", "Description", "prose"))),
    ("education", "Education.csv", (("institution", "School Name", "text"), ("area", "Field Of Study", "text"),
                                    ("studyType", "Degree Name", "text"), ("startDate", "Start Date", "date"),
                                    ("endDate", "End Date", "date"))),
    ("awards", "Honors.csv", (("title", "Title", "text"), ("date", "Issued On", "date"),
                              ("summary", "Description", "text"))),
    ("certificates", "Certifications.csv", (("name", "Name", "text"), ("issuer", "Authority", "text"),
                                            ("date", "Started On", "date"), ("url", "Url", "text"))),
    ("publications", "Publications.csv", (("name", "Name", "text"), ("name", "Title", "text"),
                                          ("publisher", "Publisher", "text"), ("releaseDate", "Published On", "date"),
                                          ("url", "Url", "text"), ("summary", "Description", "text"))),
    ("languages", "Languages.csv", (("language", "Name", "text"), ("fluency", "Proficiency", "text"))),
    ("projects", "Projects.csv", (("name", "Title", "text"), ("description", "Description", "prose"),
                                  ("startDate", "Started On", "date"), ("endDate", "Finished On", "date"),
                                  ("url", "Url", "text"))),
)
"""Each section of entries, in JSON Resume's order, the table it comes from and its fields."""


def _entry(rows: _Rows, where: str, row: dict[str, str], fields: tuple[Field, ...]) -> dict[str, Any]:
    """One row as an entry of its section."""
    entry: dict[str, Any] = {}
    for key, column, how in fields:
        if key in entry:
            continue
        if how == "date":
            _put(entry, key, rows.date(where, row, column))
            continue
        text = rows.text(where, row, column)
        if how == "prose" and text:
            prose, bullets = paragraph_and_bullets(text)
            _put(entry, key, prose)
            _put(entry, "highlights", bullets)
        else:
            _put(entry, key, text)
    return entry


def _entries(export: Export, imported: Imported, name: str, fields: tuple[Field, ...]) -> list[dict[str, Any]]:
    """One entry per row of table ``name``; a row with nothing to show is noted."""
    table = export.tables.get(name)
    if table is None:
        return []
    rows = _Rows(table, imported, tuple(column for _, column, _ in fields))
    rows.need(*(column for key, column, _ in fields if key == fields[0][0]))
    entries = []
    for where, row in rows.rows():
        entry = _entry(rows, where, row, fields)
        if entry:
            entries.append(entry)
        else:
            imported.note(where, "a row with nothing resumekit can show; left out")
    return entries


FILES = ("Profile.csv", "Email Addresses.csv", "PhoneNumbers.csv", "Skills.csv",
         *(name for _, name, _ in _SECTIONS))
"""The tables of the export that are read; LinkedIn's other files are not resume data."""


def _skills(export: Export, imported: Imported) -> list[dict[str, Any]]:
    """LinkedIn's skills are a flat list: one group of them, to sort into groups of your own."""
    table = export.tables.get("Skills.csv")
    if table is None:
        return []
    rows = _Rows(table, imported, ("Name",))
    rows.need("Name")
    names = list(dict.fromkeys(n for w, r in rows.rows() if (n := rows.text(w, r, "Name"))))
    return [{"name": "Skills", "keywords": names}] if names else []


def import_linkedin(path: Path) -> Imported:
    """The profile in LinkedIn's data export at ``path`` (its ZIP, or the folder it unzips to)."""
    export = read_export(path, FILES)
    imported = Imported(path, {})
    for skipped in export.skipped:
        imported.note(path.name, f"the member {skipped}; skipped")
    if not export.tables:
        raise ProfileError([Problem(str(path), None, None, "", "holds none of the tables of LinkedIn's data "
                                    f"export ({', '.join(FILES[:4])}...); is this the ZIP LinkedIn's email "
                                    "links to?")])
    _put(imported.data, "basics", _basics(export, imported))
    for section, name, fields in _SECTIONS:
        if section == "languages":  # JSON Resume's order
            _put(imported.data, "skills", _skills(export, imported))
        _put(imported.data, section, _entries(export, imported, name, fields))
    if export.others:
        files = "1 other file" if export.others == 1 else f"{export.others} other files"
        imported.note(path.name, f"{files} of the export (connections, messages...): not resume data; not read")
    return imported
