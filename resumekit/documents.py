"""A profile (and a target) -> the content of a resume or a cover letter, fully formatted.

Everything a template shows is decided here, as text: date ranges, joined lists, the
order of sections. Templates only place and loop.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .models.base import TaggedText, first_day
from .models.profile import Basics, Profile
from .models.target import Target

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
DASH = "\u2013"
_USER_EPOCH = os.environ.get("SOURCE_DATE_EPOCH")
"""SOURCE_DATE_EPOCH as the user set it, read once: the PDF renderer sets its own while it works."""


LINKABLE = {"http", "https", "mailto", "tel"}


def link_target(url: str | None) -> str | None:
    """``url`` if a document may link to it (web, mail, phone); ``None`` for anything else,
    such as a ``javascript:`` or ``file:`` URL, which a resume has no business carrying."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in LINKABLE else None


@dataclass(frozen=True)
class Link:
    """A piece of text that may point somewhere; ``kind`` names an icon (email, phone, ...)."""

    text: str
    url: str | None = None
    kind: str = "text"

    def __post_init__(self) -> None:
        object.__setattr__(self, "url", link_target(self.url))


@dataclass(frozen=True)
class Entry:
    """One entry of a section: a job, a degree, a certificate, a skill group..."""

    title: str = ""
    subtitle: str = ""
    when: str = ""
    where: str = ""
    url: str | None = None
    description: str = ""
    bullets: tuple[str, ...] = ()
    label: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "url", link_target(self.url))


@dataclass(frozen=True)
class Section:
    """A titled section; ``kind`` is ``entries``, ``lines`` (label: text) or ``text``."""

    key: str
    title: str
    kind: str
    entries: tuple[Entry, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class Resume:
    """Everything a resume shows, in order."""

    name: str
    label: str
    contacts: tuple[Link, ...]
    sections: tuple[Section, ...]
    language: str = "en"

    @property
    def title(self) -> str:
        return f"{self.name} \u2013 Resume" if self.name else "Resume"


@dataclass(frozen=True)
class Letter:
    """Everything a cover letter shows, in order."""

    name: str
    contacts: tuple[Link, ...]
    date: str
    recipient: tuple[str, ...]
    subject: str
    greeting: str
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...]
    after_bullets: tuple[str, ...]
    signoff: str
    signature: str
    language: str = "en"
    label: str = ""

    @property
    def title(self) -> str:
        return f"{self.name} \u2013 Cover Letter" if self.name else "Cover Letter"


@dataclass(frozen=True)
class Options:
    """How documents are written: language, and the date that dates letters."""

    language: str = "en"
    date: str | None = None
    warnings: list[str] = field(default_factory=list, compare=False)


# --- formatting -------------------------------------------------------------------------


def format_date(value: str | None, language: str = "en") -> str:
    """``2022-03`` -> ``Mar 2022``; ``2021`` stays; ``present`` -> ``present``."""
    if not value:
        return ""
    if value == "present":
        return "present"
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"


def format_range(start: str | None, end: str | None, language: str = "en") -> str:
    """A date range as people write it: ``Mar 2022 – present``, ``2019 – 2021``."""
    first = format_date(start, language)
    if not first:
        return format_date(end, language) if end and end != "present" else ""
    last = format_date(end, language) if end else "present"
    if last == first:
        return first
    return f"{first} {DASH} {last}"


def format_month_year(value: str | None) -> str:
    """``2026-09`` -> ``September 2026``; a bare year stays as it is."""
    if not value:
        return ""
    parts = value.split("-")
    return f"{_FULL_MONTHS[int(parts[1]) - 1]} {parts[0]}" if len(parts) > 1 else parts[0]


def format_long_date(day: dt.date, language: str = "en") -> str:
    """A letter's date: ``November 26, 2026`` (US English) or ``26 November 2026``."""
    month = _FULL_MONTHS[day.month - 1]
    if language.lower() in {"en", "en-us"}:
        return f"{month} {day.day}, {day.year}"
    return f"{day.day} {month} {day.year}"


def sentences(*parts: str | None) -> str:
    """Non-empty parts as sentences: each ends with a full stop, joined by a space."""
    done = []
    for part in parts:
        text = (part or "").strip()
        if text:
            done.append(text if text[-1] in ".!?" else text + ".")
    return " ".join(done)


def join(*parts: str | None, sep: str = ", ") -> str:
    """The non-empty parts joined by ``sep``."""
    return sep.join(p.strip() for p in parts if p and p.strip())


def is_remote(url: str | None) -> bool:
    """Whether ``url`` points at the network."""
    return bool(url) and urlsplit(url or "").scheme.lower() in {"http", "https", "ftp"}


def _display_url(url: str) -> str:
    parts = urlsplit(url)
    text = (parts.netloc + parts.path).rstrip("/")
    return text.removeprefix("www.") or url


def _text(item: TaggedText | str) -> str:
    return item.text if isinstance(item, TaggedText) else item


# --- the resume -------------------------------------------------------------------------


def contacts_of(basics: Basics) -> tuple[Link, ...]:
    """The contact line: location, email, phone, website, then social profiles."""
    links: list[Link] = []
    loc = basics.location
    if loc and (loc.city or loc.region or loc.countryCode):
        links.append(Link(join(loc.city, loc.region or loc.countryCode), kind="location"))
    if basics.email:
        links.append(Link(basics.email, f"mailto:{basics.email}", "email"))
    if basics.phone:
        tel = "".join(c for c in basics.phone if c.isdigit() or c == "+")
        links.append(Link(basics.phone, f"tel:{tel}" if tel else None, "phone"))
    if basics.url:
        links.append(Link(_display_url(basics.url), basics.url, "website"))
    for profile in basics.profiles:
        text = profile.username or (profile.url and _display_url(profile.url)) or profile.network
        if text:
            links.append(Link(text, profile.url, (profile.network or "website").lower()))
    return tuple(links)


def summary_text(basics: Basics) -> str:
    """The summary: the text itself, or the first variant when variants are given."""
    if isinstance(basics.summary, list):
        return basics.summary[0].text if basics.summary else ""
    return basics.summary or ""


def _work_section(profile: Profile) -> Section:
    entries = tuple(
        Entry(title=w.name or "", subtitle=w.position or "", where=w.location or "",
              when=format_range(w.startDate, w.endDate), url=w.url,
              description=sentences(w.description, w.summary), bullets=tuple(_text(h) for h in w.highlights))
        for w in profile.work)
    return Section("work", "Experience", "entries", entries)


def _education_section(profile: Profile) -> Section:
    entries = []
    for e in profile.education:
        degree = join(e.studyType, e.area, sep=" in ") if e.studyType else (e.area or "")
        details = []
        if e.score:
            details.append(f"Grade: {e.score}")
        if e.courses:
            details.append("Courses: " + ", ".join(e.courses))
        entries.append(Entry(title=e.institution or "", subtitle=degree, url=e.url,
                             when=format_range(e.startDate, e.endDate), bullets=tuple(details)))
    return Section("education", "Education", "entries", tuple(entries))


def _volunteer_section(profile: Profile) -> Section:
    entries = tuple(
        Entry(title=v.organization or "", subtitle=v.position or "", url=v.url,
              when=format_range(v.startDate, v.endDate), description=v.summary or "",
              bullets=tuple(_text(h) for h in v.highlights))
        for v in profile.volunteer)
    return Section("volunteer", "Volunteering", "entries", entries)


def _projects_section(profile: Profile) -> Section:
    entries = []
    for p in profile.projects:
        subtitle = join(", ".join(p.roles), p.entity)
        tools = "Tools: " + ", ".join(p.keywords) if p.keywords else None
        description = sentences(p.description, tools)
        entries.append(Entry(title=p.name or "", subtitle=subtitle, url=p.url,
                             when=format_range(p.startDate, p.endDate), description=description,
                             bullets=tuple(_text(h) for h in p.highlights)))
    return Section("projects", "Projects", "entries", tuple(entries))


def _skills_section(profile: Profile) -> Section:
    entries = tuple(
        Entry(label=s.name or "", description=join(", ".join(s.keywords) or None,
                                                   f"({s.level})" if s.level and s.keywords else s.level,
                                                   sep=" "))
        for s in profile.skills)
    return Section("skills", "Skills", "lines", entries)


def _certificates_section(profile: Profile) -> Section:
    entries = tuple(Entry(title=c.name or "", subtitle=c.issuer or "", url=c.url,
                          when=format_date(c.date)) for c in profile.certificates)
    return Section("certificates", "Certificates", "entries", entries)


def _awards_section(profile: Profile) -> Section:
    entries = tuple(Entry(title=a.title or "", subtitle=a.awarder or "", when=format_date(a.date),
                          description=a.summary or "") for a in profile.awards)
    return Section("awards", "Awards", "entries", entries)


def _publications_section(profile: Profile) -> Section:
    entries = tuple(Entry(title=p.name or "", subtitle=p.publisher or "", url=p.url,
                          when=format_date(p.releaseDate), description=p.summary or "")
                    for p in profile.publications)
    return Section("publications", "Publications", "entries", entries)


def _languages_section(profile: Profile) -> Section:
    def spoken(language: str, fluency: str | None) -> str:
        if not fluency:
            return language
        return f"{language}: {fluency}" if "(" in fluency else f"{language} ({fluency})"

    text = "; ".join(spoken(lang.language, lang.fluency) for lang in profile.languages if lang.language)
    entries = (Entry(label="Languages", description=text),) if text else ()
    return Section("languages", "Languages", "lines", entries)


def _interests_section(profile: Profile) -> Section:
    entries = tuple(Entry(label=i.name or "", description=", ".join(i.keywords))
                    for i in profile.interests)
    return Section("interests", "Interests", "lines", entries)


def _references_section(profile: Profile) -> Section:
    entries = tuple(Entry(title=r.name or "", description=r.reference or "")
                    for r in profile.references)
    return Section("references", "References", "entries", entries)


_SECTION_BUILDERS = (
    _work_section, _education_section, _skills_section, _projects_section, _volunteer_section,
    _certificates_section, _awards_section, _publications_section, _languages_section,
    _interests_section, _references_section,
)


def _has_content(section: Section) -> bool:
    if section.kind == "text":
        return bool(section.text.strip())
    return any(e.title or e.subtitle or e.description or e.bullets or e.label for e in section.entries)


def _merge_languages(sections: list[Section]) -> list[Section]:
    """Languages read best as one line under Skills when both exist."""
    keys = {s.key: s for s in sections}
    if "skills" in keys and "languages" in keys:
        skills = keys["skills"]
        merged = Section("skills", skills.title, "lines", skills.entries + keys["languages"].entries)
        return [merged if s.key == "skills" else s for s in sections if s.key != "languages"]
    return sections


def build_resume(profile: Profile, options: Options | None = None) -> Resume:
    """The resume's content: every section that has something in it, in a sensible order."""
    options = options or Options()
    sections: list[Section] = []
    summary = summary_text(profile.basics)
    if summary.strip():
        sections.append(Section("summary", "Summary", "text", text=summary.strip()))
    sections += [s for s in (build(profile) for build in _SECTION_BUILDERS) if _has_content(s)]
    return Resume(name=profile.basics.name or "", label=profile.basics.label or "",
                  contacts=contacts_of(profile.basics), sections=tuple(_merge_languages(sections)),
                  language=options.language)


# --- the cover letter ---------------------------------------------------------------------


def letter_date(target: Target | None, options: Options) -> dt.date:
    """The target's date, else the config's, else SOURCE_DATE_EPOCH's, else today."""
    for value in (target.date if target else None, options.date):
        if value:
            return first_day(value)
    epoch = _USER_EPOCH
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def _strongest_highlights(profile: Profile, count: int = 3) -> tuple[str, ...]:
    """The first highlights of the most recent roles: the ones the person put first."""
    picked: list[str] = []
    for work in profile.work:
        for highlight in work.highlights[:2]:
            if len(picked) < count:
                picked.append(highlight.text)
    return tuple(picked)


def build_letter(
    profile: Profile,
    target: Target | None = None,
    options: Options | None = None,
    growth: str | None = None,
    highlights: tuple[str, ...] | None = None,
) -> Letter:
    """The cover letter: defaults from the profile's ``letter``, specifics from the target."""
    options = options or Options()
    defaults = profile.letter
    tletter = target.letter if target else None
    role = target.title if target and target.title else None
    company = target.company if target and target.company else None

    recipient: list[str] = []
    if tletter and tletter.recipient:
        recipient.append(tletter.recipient)
    if company:
        recipient.append(company)
    if tletter:
        recipient += tletter.address
    if target and target.location and not (tletter and tletter.address):
        city = join(target.location.city, target.location.region or target.location.countryCode)
        if city:
            recipient.append(city)

    if tletter and tletter.greeting:
        greeting = tletter.greeting
    elif tletter and tletter.recipient:
        greeting = f"Dear {tletter.recipient},"
    else:
        greeting = defaults.greeting or "Dear Hiring Manager,"

    if role and company:
        opening = f"I am writing to apply for the {role} position at {company.rstrip('.')}."
    elif role:
        opening = f"I am writing to apply for the {role} position."
    elif defaults.opening:
        opening = defaults.opening
    else:
        kind = f"a {profile.basics.label} role" if profile.basics.label else "a role on your team"
        opening = f"I am writing to express my interest in {kind}."
    if tletter and tletter.why:
        opening = f"{opening} {tletter.why.strip()}"

    paragraphs = [opening]
    chosen = highlights if highlights is not None else _strongest_highlights(profile)
    lead_in = "A few highlights of my recent work that bear on this role:" if chosen else ""
    after: list[str] = []
    if growth:
        after.append(growth)
    after += defaults.paragraphs
    if tletter:
        after += tletter.paragraphs
    closing = (tletter.closing if tletter and tletter.closing else None) or defaults.closing
    if not closing:
        closing = (f"Thank you for your time and consideration. I would welcome the chance to "
                   f"discuss how I could contribute to {company}." if company else
                   "Thank you for your time and consideration. I would welcome the chance to talk.")
    after.append(closing)
    if lead_in:
        paragraphs.append(lead_in)
    subject = f"Application for {role}" if role else ""
    return Letter(
        name=profile.basics.name or "", contacts=contacts_of(profile.basics),
        date=format_long_date(letter_date(target, options), options.language),
        recipient=tuple(recipient), subject=subject, greeting=greeting,
        paragraphs=tuple(paragraphs), bullets=chosen, after_bullets=tuple(after),
        signoff=defaults.signoff, signature=defaults.signature or profile.basics.name or "",
        language=options.language, label=profile.basics.label or "")
