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
from .formatting import join
from .locale import Locale, builtin_locale
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


def lead_in(answers: tuple[str, ...], role: str | None, loc: Locale | None = None) -> str:
    """The sentence before the letter's highlights: naming what they answer (one of the
    language's ``letter.leadIns``, chosen by the role's name, so letters to different jobs
    do not all read alike), or, with nothing answered, ``letter.plainLeadIn``, which claims
    no relevance."""
    loc = loc or builtin_locale()
    templates = loc.texts("letter.leadIns")
    if not answers or not templates:
        return loc.text("letter.plainLeadIn")
    template = templates[sum(map(ord, role or "")) % len(templates)]
    return template.format(asks=loc.join(list(answers[:3])))


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
    loc = options.phrases
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
        city = join(target.location.city, target.location.region or loc.country(target.location.countryCode))
        if city:
            recipient.append(city)

    if tletter and tletter.greeting:
        greeting = tletter.greeting
    elif tletter and tletter.recipient:
        greeting = loc.text("letter.greetingNamed", recipient=tletter.recipient)
    else:
        greeting = defaults.greeting or loc.text("letter.greeting")

    if role and company:
        opening = loc.text("letter.openingRoleCompany", role=role, company=company.rstrip("."))
    elif role:
        opening = loc.text("letter.openingRole", role=role)
    elif defaults.opening:
        opening = defaults.opening
    elif profile.basics.label:
        opening = loc.text("letter.openingLabel", label=profile.basics.label)
    else:
        opening = loc.text("letter.openingGeneral")
    if tletter and tletter.why:
        opening = f"{opening} {tletter.why.strip()}"

    paragraphs = [opening]
    chosen = highlights if highlights is not None else _strongest_highlights(profile)
    chosen = tuple(h for h in chosen if not told_in(h, growth))  # said once, not twice
    lead = lead_in(answers if highlights is not None else (), role, loc) if chosen else ""
    after: list[str] = []
    if growth:
        after.append(growth)
    after += defaults.paragraphs
    if tletter:
        after += tletter.paragraphs
    closing = (tletter.closing if tletter and tletter.closing else None) or defaults.closing
    if not closing:
        closing = (loc.text("letter.closingCompany", company=company) if company else loc.text("letter.closing"))
    after.append(closing)
    if lead:
        paragraphs.append(lead)
    subject = loc.text("letter.subject", role=role) if role else ""
    return Letter(
        name=profile.basics.name or "", contacts=contacts_of(profile.basics),
        date=loc.long_date(letter_date(target, options)),
        recipient=tuple(recipient), subject=subject, greeting=greeting,
        paragraphs=tuple(paragraphs), bullets=chosen, after_bullets=tuple(after),
        signoff=defaults.signoff or loc.text("letter.signoff"),
        signature=defaults.signature or profile.basics.name or "",
        language=options.language, label=profile.basics.label or "", paper=options.paper,
        direction="rtl" if loc.rtl else "ltr", kind=loc.text("coverLetter"), look=options.look)


def _lower_first(text: str) -> str:
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


AREAS_NAMED = ("leadership", "communication", "teamwork", "technical", "domain", "problem-solving", "experience")
"""The built-in areas the growth paragraph names (``growth.areas`` of the phrase file);
motivation and culture go unnamed."""

_CERTIFICATE_WORDS = ("certif", "zertifikat", "certyfikat", "sertifika", "資格", "证书", "شهادة", "תעודה")
"""A certificate's name that already says so: "the Google Data Analytics Certificate", not
"... Certificate certificate"."""


def improvement_phrase(improvement: Improvement, loc: Locale | None = None) -> str:
    """What the improvement did, as a phrase that follows 'I' (past tense)."""
    loc = loc or builtin_locale()
    if improvement.summary:
        return _lower_first(improvement.summary)
    add = improvement.add
    for entry in add.volunteer + add.work:
        org = getattr(entry, "organization", None) or getattr(entry, "name", None)
        if entry.position and org:
            if entry.highlights:
                return loc.text("growth.becameWhere", position=entry.position, organization=org,
                                highlight=_lower_first(entry.highlights[0].text))
            return loc.text("growth.became", position=entry.position, organization=org)
    for cert in add.certificates:
        if cert.name:
            said = any(word in cert.name.casefold() for word in _CERTIFICATE_WORDS)
            what = cert.name if said else loc.text("growth.certificate", name=cert.name)
            if cert.issuer:
                return loc.text("growth.earnedFrom", certificate=what, issuer=cert.issuer)
            return loc.text("growth.earned", certificate=what)
    for edu in add.education:
        if edu.studyType and edu.area:
            what = loc.text("growth.degreeIn", degree=edu.studyType, area=edu.area)
        elif edu.studyType or edu.area:
            what = loc.text("growth.degree", degree=edu.studyType or edu.area or "")
        else:
            what = loc.text("growth.course")
        if edu.institution:
            return loc.text("growth.completedAt", what=what, institution=edu.institution)
        return loc.text("growth.completed", what=what)
    for project in add.projects:
        if project.name:
            return loc.text("growth.built", project=project.name)
    for award in add.awards:
        if award.title:
            return loc.text("growth.received", award=award.title)
    for ext in improvement.extend:
        if ext.highlights:
            return _lower_first(ext.highlights[0].text)
    return ""


def growth_paragraph(
    feedback: Feedback, application: Application, taxonomy: Taxonomy, company: str | None = None,
    loc: Locale | None = None,
) -> str | None:
    """A short, positive paragraph on what has changed since the last application.

    It names the earlier role and when, what the person has worked on (in plain words,
    at most two areas), and what they did, as one list; never the feedback itself or
    anyone who gave it. "Since I applied for the Senior Data Analyst role in October 2026,
    I have worked on my leadership. I led a volunteer data project and earned the Google
    Data Analytics Certificate."
    """
    loc = loc or builtin_locale()
    told = [(imp, phrase) for imp in answering(feedback, application, taxonomy)
            if (phrase := improvement_phrase(imp, loc))][:3]
    if not told:
        return None
    phrases = [phrase for _, phrase in told]
    areas: list[str] = []
    for imp, _ in told:
        areas += [a for a in imp.addresses if a not in areas]
    applied = application.applied or application.rejected or ""
    role = loc.text("growth.role", position=application.position) if application.position else \
        loc.text("growth.roleAt", company=company or application.employer or "")
    named = [loc.text(f"growth.areas.{a}") if a in AREAS_NAMED else a.replace("-", " ") for a in areas
             if a in AREAS_NAMED or a not in taxonomy.names]
    if "-" in applied:
        opening = loc.text("growth.since", role=role, when=loc.month_year(applied))
    elif applied and loc.get("growth.sinceYear"):  # "in 2026" reads badly in most languages
        opening = loc.text("growth.sinceYear", role=role, when=applied)
    else:
        opening = loc.text("growth.sinceUndated", role=role)
    if named and len(named) <= 2:
        return loc.text("growth.workedOn", since=opening, areas=loc.join(named), actions=loc.join(phrases))
    return loc.text("growth.did", since=opening, actions=loc.join(phrases))
