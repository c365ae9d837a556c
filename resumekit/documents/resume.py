"""A profile -> the content of its resume: the contact line and every section with something in it."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from ..models.base import TaggedText
from ..models.profile import Basics, Profile
from .content import Entry, Link, Options, Resume, Section
from .formatting import join, sentences
from .locale import Locale, builtin_locale


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
        # the text says where the link goes ("linkedin.com/in/maya-okafor"): a parser reads
        # the text, not the link behind it, and a bare user name says nothing of the network
        if profile.url:
            text = _display_url(profile.url)
        elif profile.username:
            text = f"{profile.network}: {profile.username}" if profile.network else profile.username
        else:
            text = profile.network or ""
        if text:
            links.append(Link(text, profile.url, (profile.network or "website").lower()))
    return tuple(links)


def summary_text(basics: Basics) -> str:
    """The summary: the text itself, or the first variant when variants are given."""
    if isinstance(basics.summary, list):
        return basics.summary[0].text if basics.summary else ""
    return basics.summary or ""


def _work_section(profile: Profile, loc: Locale) -> Section:
    """Each position; consecutive ones at one employer (a promotion) under one heading."""
    entries = []
    for i, w in enumerate(profile.work):
        before = profile.work[i - 1] if i else None
        continued = bool(before and w.name and before.name and w.name.strip() == before.name.strip()
                         and (w.location or "") in ("", before.location or ""))  # moved city: its own heading
        entries.append(Entry(title=w.name or "", subtitle=w.position or "", where=w.location or "",
                             when=loc.range(w.startDate, w.endDate), url=w.url,
                             description=sentences(None if continued else w.description, w.summary),
                             bullets=tuple(_text(h) for h in w.highlights), continued=continued))
    return Section("work", loc.text("sections.work"), "entries", tuple(entries))


_GPA = re.compile(r"(?i)^\s*(?:GPA:?\s*)?(\d(?:[.,]\d+)?(?:\s*/\s*\d(?:[.,]\d+)?)?)\s*(?:GPA)?\s*$")


def score_text(score: str, loc: Locale | None = None) -> str:
    """An education's score as people write it: ``3.6``, ``3.6 GPA`` -> ``GPA 3.6``; else ``Grade: ...``."""
    loc = loc or builtin_locale()
    gpa = _GPA.match(score)
    return loc.text("labels.gpa", score=gpa.group(1)) if gpa else loc.text("labels.grade", score=score.strip())


def _education_section(profile: Profile, loc: Locale) -> Section:
    entries = []
    for e in profile.education:
        degree = join(e.studyType, e.area, sep=" in ") if e.studyType else (e.area or "")
        details = []
        if e.score:
            details.append(score_text(e.score, loc))
        if e.courses:
            details.append(loc.text("labels.courses", courses=", ".join(e.courses)))
        entries.append(Entry(title=e.institution or "", subtitle=degree, url=e.url,
                             when=loc.range(e.startDate, e.endDate), bullets=tuple(details)))
    return Section("education", loc.text("sections.education"), "entries", tuple(entries))


def _volunteer_section(profile: Profile, loc: Locale) -> Section:
    entries = tuple(
        Entry(title=v.organization or "", subtitle=v.position or "", url=v.url,
              when=loc.range(v.startDate, v.endDate), description=v.summary or "",
              bullets=tuple(_text(h) for h in v.highlights))
        for v in profile.volunteer)
    return Section("volunteer", loc.text("sections.volunteer"), "entries", entries)


def _projects_section(profile: Profile, loc: Locale) -> Section:
    entries = []
    for p in profile.projects:
        subtitle = join(", ".join(p.roles), p.entity)
        tools = loc.text("labels.tools", tools=", ".join(p.keywords)) if p.keywords else None
        description = sentences(p.description, tools)
        entries.append(Entry(title=p.name or "", subtitle=subtitle, url=p.url,
                             when=loc.range(p.startDate, p.endDate), description=description,
                             bullets=tuple(_text(h) for h in p.highlights)))
    return Section("projects", loc.text("sections.projects"), "entries", tuple(entries))


def _skills_section(profile: Profile, loc: Locale) -> Section:
    entries = tuple(
        Entry(label=s.name or "", description=join(", ".join(s.keywords) or None,
                                                   f"({s.level})" if s.level and s.keywords else s.level,
                                                   sep=" "))
        for s in profile.skills)
    return Section("skills", loc.text("sections.skills"), "lines", entries)


def _certificates_section(profile: Profile, loc: Locale) -> Section:
    entries = tuple(Entry(title=c.name or "", subtitle=c.issuer or "", url=c.url,
                          when=loc.date(c.date)) for c in profile.certificates)
    return Section("certificates", loc.text("sections.certificates"), "entries", entries)


def _awards_section(profile: Profile, loc: Locale) -> Section:
    entries = tuple(Entry(title=a.title or "", subtitle=a.awarder or "", when=loc.date(a.date),
                          description=a.summary or "") for a in profile.awards)
    return Section("awards", loc.text("sections.awards"), "entries", entries)


def _publications_section(profile: Profile, loc: Locale) -> Section:
    entries = tuple(Entry(title=p.name or "", subtitle=p.publisher or "", url=p.url,
                          when=loc.date(p.releaseDate), description=p.summary or "")
                    for p in profile.publications)
    return Section("publications", loc.text("sections.publications"), "entries", entries)


def _languages_section(profile: Profile, loc: Locale) -> Section:
    def spoken(language: str, fluency: str | None) -> str:
        if not fluency:
            return language
        return f"{language}: {fluency}" if "(" in fluency else f"{language} ({fluency})"

    text = "; ".join(spoken(lang.language, lang.fluency) for lang in profile.languages if lang.language)
    entries = (Entry(label=loc.text("labels.languages"), description=text),) if text else ()
    return Section("languages", loc.text("sections.languages"), "lines", entries)


def _interests_section(profile: Profile, loc: Locale) -> Section:
    # An interest without keywords is a line of its own, not a label with nothing after it.
    entries = tuple(Entry(label=i.name or "", description=", ".join(i.keywords)) if i.keywords
                    else Entry(description=i.name or "") for i in profile.interests)
    return Section("interests", loc.text("sections.interests"), "lines", entries)


def _references_section(profile: Profile, loc: Locale) -> Section:
    entries = tuple(Entry(title=r.name or "", description=r.reference or "")
                    for r in profile.references)
    return Section("references", loc.text("sections.references"), "entries", entries)


def custom_sections(profile: Profile, loc: Locale) -> list[Section]:
    """The profile's own ``sections:``, in the order written: entries, ``label: text``
    lines, or one bullet list each."""
    found = []
    for key, custom in profile.sections.items():
        if custom.lines:
            found.append(Section(key, custom.title, "lines",
                                 tuple(Entry(label=row.label or "", description=row.text or "")
                                       for row in custom.lines)))
        elif custom.bullets:
            found.append(Section(key, custom.title, "bullets",
                                 (Entry(bullets=tuple(_text(b) for b in custom.bullets)),)))
        else:
            found.append(Section(key, custom.title, "entries", tuple(
                Entry(title=e.name or "", subtitle=e.subtitle or "", where=e.location or "", url=e.url,
                      when=loc.date(e.date) if e.date else loc.range(e.startDate, e.endDate),
                      description=e.summary or "", bullets=tuple(_text(h) for h in e.highlights))
                for e in custom.entries)))
    return found


_SECTION_BUILDERS = (
    _work_section, _education_section, _skills_section, _projects_section, _volunteer_section,
    _certificates_section, _awards_section, _publications_section, _languages_section,
    _interests_section, _references_section,
)


def _has_content(section: Section) -> bool:
    if section.kind == "text":
        return bool(section.text.strip())
    return any(e.title or e.subtitle or e.description or e.bullets or e.label for e in section.entries)


def _merge_languages(sections: list[Section], loc: Locale) -> list[Section]:
    """Languages read best as one line under Skills when both exist."""
    keys = {s.key: s for s in sections}
    if "skills" in keys and "languages" in keys:
        skills = keys["skills"]
        spoken = keys["languages"].entries
        if any(e.label.casefold() == loc.text("labels.languages").casefold() for e in skills.entries):
            # a skill group of that name (programming languages, say) keeps it; the spoken ones say so
            spoken = tuple(replace(e, label=loc.text("labels.spoken")) for e in spoken)
        merged = Section("skills", skills.title, "lines", skills.entries + spoken)
        return [merged if s.key == "skills" else s for s in sections if s.key != "languages"]
    return sections


def build_resume(profile: Profile, options: Options | None = None) -> Resume:
    """The resume's content: every section that has something in it, in a sensible order."""
    options = options or Options()
    loc = options.phrases
    sections: list[Section] = []
    summary = summary_text(profile.basics)
    if summary.strip():
        sections.append(Section("summary", loc.text("sections.summary"), "text", text=summary.strip()))
    sections += [s for s in (build(profile, loc) for build in _SECTION_BUILDERS) if _has_content(s)]
    sections = _merge_languages(sections, loc)
    sections += [s for s in custom_sections(profile, loc) if _has_content(s)]
    if options.section_order:  # the sections named first, in that order; the others as usual
        rank = {key: i for i, key in enumerate(options.section_order)}
        sections = sorted(sections, key=lambda s: rank.get(s.key, len(rank)))
    if options.breaks_before:
        sections = [replace(s, break_before=s.key in options.breaks_before and i > 0)
                    for i, s in enumerate(sections)]
    return Resume(name=profile.basics.name or "", label=profile.basics.label or "",
                  contacts=contacts_of(profile.basics), sections=tuple(sections),
                  language=options.language, paper=options.paper, direction="rtl" if loc.rtl else "ltr",
                  page_label=loc.raw("page"), kind=loc.text("resume"), consent=(profile.consent or "").strip(),
                  look=options.look, photo=options.photo)
