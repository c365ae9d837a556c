"""A profile and a target -> the content of a cover letter, and the growth paragraph of a
re-application.

The growth paragraph is built only from improvements, never from the feedback's words:
it does not quote the employer or name anyone, and it stays positive.
"""

from __future__ import annotations

import datetime as dt

from ..feedback.reapplication import answering
from ..models.areas import Taxonomy
from ..models.base import first_day
from ..models.feedback import Application, Feedback, Improvement
from ..models.profile import HIGHLIGHTED, Profile
from ..models.target import Target
from .content import Letter, Options
from .formatting import format_long_date, format_month_year, join
from .resume import contacts_of

LETTER_HIGHLIGHTS = 3
"""How many of the strongest matching highlights a tailored letter lists (none the growth paragraph tells)."""


def letter_date(target: Target | None, options: Options) -> dt.date:
    """The target's ``letterDate``, else the one the builder settled in ``options``, else
    today; never the posting's ``date``."""
    for value in (target.letterDate if target else None, options.date):
        if value:
            return first_day(value)
    return dt.date.today()


def fresh_highlights(chosen: tuple[str, ...], profile: Profile, growth: str | None) -> tuple[str, ...] | None:
    """The letter's highlights: of ``chosen``, those the resume shows and the growth
    paragraph does not already tell, at most :data:`LETTER_HIGHLIGHTS`; ``None`` if none."""
    shown = {h.text for section in HIGHLIGHTED for entry in getattr(profile, section) for h in entry.highlights}
    fresh = [h for h in chosen if h in shown and not told_in(h, growth)]
    return tuple(fresh[:LETTER_HIGHLIGHTS]) or None


def told_in(highlight: str, growth: str | None) -> bool:
    """Whether the growth paragraph already tells ``highlight``: it says "I built the churn
    model" for "Built the churn model", so the first letter and a final stop are left aside."""
    return highlight.rstrip(".").casefold()[1:] in (growth or "").casefold()


def _strongest_highlights(profile: Profile, count: int = 3) -> tuple[str, ...]:
    """The first highlights of the most recent roles: the ones the person put first."""
    picked: list[str] = []
    for work in profile.work:
        for highlight in work.highlights[:2]:
            if len(picked) < count:
                picked.append(highlight.text)
    return tuple(picked)


_LEAD_INS = (
    "You are looking for {asks}. Some of what I have done along those lines:",
    "Your posting asks for {asks}; a few things I have done that speak to it:",
    "Here is some of my recent work on {asks}:",
)
"""How the letter brings in its highlights when they answer what the job asks; one is
chosen by the role's name, so letters to different jobs do not all read alike."""
PLAIN_LEAD_IN = "A few highlights of my recent work:"
"""The lead-in when the highlights answer little of the job: it claims no relevance."""


def lead_in(answers: tuple[str, ...], role: str | None) -> str:
    """The sentence before the letter's highlights: naming what they answer, or claiming nothing."""
    if not answers:
        return PLAIN_LEAD_IN
    template = _LEAD_INS[sum(map(ord, role or "")) % len(_LEAD_INS)]
    return template.format(asks=_join(list(answers[:3])))


def build_letter(
    profile: Profile,
    target: Target | None = None,
    options: Options | None = None,
    growth: str | None = None,
    highlights: tuple[str, ...] | None = None,
    answers: tuple[str, ...] = (),
) -> Letter:
    """The cover letter: defaults from the profile's ``letter``, specifics from the target.

    ``highlights`` are the person's own bullets chosen for the job, and ``answers`` the
    job's requirements they answer (named in the lead-in); with no ``answers`` the letter
    claims no relevance for them.
    """
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
    chosen = tuple(h for h in chosen if not told_in(h, growth))  # said once, not twice
    lead = lead_in(answers if highlights is not None else (), role) if chosen else ""
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
    if lead:
        paragraphs.append(lead)
    subject = f"Application for {role}" if role else ""
    return Letter(
        name=profile.basics.name or "", contacts=contacts_of(profile.basics),
        date=format_long_date(letter_date(target, options), options.language),
        recipient=tuple(recipient), subject=subject, greeting=greeting,
        paragraphs=tuple(paragraphs), bullets=chosen, after_bullets=tuple(after),
        signoff=defaults.signoff, signature=defaults.signature or profile.basics.name or "",
        language=options.language, label=profile.basics.label or "")


def _lower_first(text: str) -> str:
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


AREA_PHRASES = {
    "leadership": "leadership", "communication": "communication skills", "teamwork": "teamwork",
    "technical": "technical skills", "domain": "knowledge of the field",
    "problem-solving": "problem-solving", "experience": "experience",
}
"""How the growth paragraph names an area; areas not listed (motivation, culture) go unnamed."""


def improvement_phrase(improvement: Improvement) -> str:
    """What the improvement did, as a phrase that follows 'I' (past tense)."""
    if improvement.summary:
        return _lower_first(improvement.summary)
    add = improvement.add
    for entry in add.volunteer + add.work:
        org = getattr(entry, "organization", None) or getattr(entry, "name", None)
        if entry.position and org:
            phrase = f"became {entry.position} at {org}"
            if entry.highlights:
                phrase += f", where I {_lower_first(entry.highlights[0].text)}"
            return phrase
    for cert in add.certificates:
        if cert.name:
            # "the Google Data Analytics Certificate", not "... Certificate certificate"
            what = cert.name if "certif" in cert.name.casefold() else f"{cert.name} certificate"
            return f"earned the {what}" + (f" from {cert.issuer}" if cert.issuer else "")
    for edu in add.education:
        what = " in ".join(p for p in (edu.studyType, edu.area) if p)
        what = f"a {what}" if what else "a course"
        return f"completed {what}" + (f" at {edu.institution}" if edu.institution else "")
    for project in add.projects:
        if project.name:
            return f"built {project.name}"
    for award in add.awards:
        if award.title:
            return f"received the {award.title}"
    for ext in improvement.extend:
        if ext.highlights:
            return _lower_first(ext.highlights[0].text)
    return ""


def _join(items: list[str]) -> str:
    """A list as prose: Oxford comma, or semicolons when the items have commas of their own."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    sep = "; " if any("," in item for item in items) else ", "
    return sep.join(items[:-1]) + f"{sep.rstrip()} and {items[-1]}"


def growth_paragraph(
    feedback: Feedback, application: Application, taxonomy: Taxonomy, company: str | None = None,
) -> str | None:
    """A short, positive paragraph on what has changed since the last application.

    It names the earlier role and when, what the person has worked on (in plain words,
    at most two areas), and what they did, as one list; never the feedback itself or
    anyone who gave it. "Since I applied for the Senior Data Analyst role in October 2026,
    I have worked on my leadership. I led a volunteer data project and earned the Google
    Data Analytics Certificate."
    """
    told = [(imp, phrase) for imp in answering(feedback, application, taxonomy)
            if (phrase := improvement_phrase(imp))][:3]
    if not told:
        return None
    phrases = [phrase for _, phrase in told]
    areas: list[str] = []
    for imp, _ in told:
        areas += [a for a in imp.addresses if a not in areas]
    since = format_month_year(application.applied or application.rejected)
    when = f" in {since}" if since else ""
    role = f"the {application.position} role" if application.position else \
        f"a role at {company or application.employer}"
    named = [AREA_PHRASES.get(a, a.replace("-", " ")) for a in areas
             if a in AREA_PHRASES or a not in taxonomy.names]
    opening = f"Since I applied for {role}{when}"
    if named and len(named) <= 2:
        return f"{opening}, I have worked on my {' and '.join(named)}. I {_join(phrases)}."
    return f"{opening}, I {_join(phrases)}."
