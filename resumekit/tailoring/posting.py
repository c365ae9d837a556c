"""A job posting read the way a recruiter reads it: its sections, its requirement lines, and
what is not a requirement at all.

A pasted posting is a list of lines under headings. The heading says what the lines under
it are: required qualifications, responsibilities, nice-to-haves, or text that asks for
nothing (the company's story, pay, benefits, the equal-opportunity statement, how to
apply). Lines that ask for nothing are dropped wherever they stand (a salary line in the
middle of the requirements is still a salary line), and so are clauses that name someone
else's job ("reports to the Charge Nurse").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models.target import Target
from .text import normalise

REQUIRED, RESPONSIBILITY, TITLE, KIND_GENERAL, NICE = "required", "responsibility", "title", "general", "nice"
SKIP = "skip"
"""The kind of a section that asks for nothing: benefits, pay, location, legal text."""

_WORDS = r"[\w'&/,\- ]*"
_AND = r"( (and|&) [\w' ]+)?"
"""A second thing a heading may name: "Perks & benefits", "Pay and benefits"."""
_HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(pattern, re.I)) for kind, pattern in (
    (NICE, r"(nice[- ]to[- ]haves?|(additional |other )?preferred\b" + _WORDS + r"|bonus( points)?|pluses|"
           r"(a )?plus(es)?|desired\b" + _WORDS + r"|desirable\b" + _WORDS + r"|good to have|it'?s a plus|"
           r"would be (great|nice)|extra credit|even better if" + _WORDS + r"|ideally" + _WORDS + r")"),
    (SKIP, r"(about (us|the (company|organi[sz]ation|team|employer|hospital|district|school))|who we are|"
           r"our (company|mission|values|story|culture|team|benefits|commitment" + _WORDS + r")|"
           r"(the )?benefits?( package| overview| summary)?" + _AND + r"|perks" + _AND +
           r"|compensation( range)?" + _AND + r"|salary( range)?" + _AND + r"|pay( range| rate| scale)?" + _AND +
           r"|(what|why) we offer|we offer|what'?s in it for you|"
           r"why (join|work)" + _WORDS + r"|how to apply|to apply|application (process|instructions)|"
           r"(work |job )?location|schedule|shift|hours|job type|employment type|work (environment|"
           r"conditions|schedule)|physical (requirements|demands)" + _WORDS + r"|working conditions|"
           r"(equal (employment )?opportunity|eeo?)" + _WORDS + r"|diversity" + _WORDS + r"|accommodations?|"
           r"disclaimer|legal|additional information|the fine print|e-verify|travel)"),
    (REQUIRED, r"((basic|minimum|required|key|essential|core|job|position|mandatory|must[- ]have)"
               r"(\s*[/&]\s*|\s+and\s+|\s+))*"
               r"(requirements?|required|qualifications?|skills" + _WORDS + r"|knowledge" + _WORDS + r"|"
               r"must[- ]haves?|minimum|competenc(y|ies)|certifications?" + _WORDS + r"|licen[cs](e|es|ure)"
               + _WORDS + r"|education" + _WORDS + r"|experience (and|&) education|"
               r"what you('ll| will)? (need|bring|have)|you (have|bring|are|will have)|who you are|about you|"
               r"your (profile|background|skills|experience|qualifications)|the ideal candidate" + _WORDS + r"|"
               r"(who|what) we('re| are) looking for|you should have|you'll have|ksas?|must have)"),
    (RESPONSIBILITY, r"((primary|essential|key|main|core|your|major|principal|general|specific)\s+)?(job\s+)?"
                     r"(responsibilit(y|ies)" + _WORDS + r"|duties" + _WORDS + r"|(job )?functions|"
                     r"what you('ll| will)? (be )?(do|doing|work on|own)|the work|in this role" + _WORDS + r"|"
                     r"your (impact|role|day|mission)|day[- ]to[- ]day" + _WORDS + r"|what the role involves|"
                     r"role responsibilities|accountabilities|tasks)"),
    (KIND_GENERAL, r"(about (the |this )?(role|job|position|opportunity)|(job |position |role )?(summary|"
                   r"overview|description|purpose)|the (role|opportunity|position)|overview|introduction)"),
))

_NOT_REQUIREMENT = re.compile("|".join((
    r"\$\s?\d", r"\b\d+(\.\d+)?\s?k\s*(/|per|a)\s*(year|yr|annum)\b", r"\b\d+(\.\d+)?k\s*-\s*\$?\d",
    r"^.{0,60}\b(salary|compensation|pay range|pay rate|base pay|hourly rate|wages?|bonus eligible|"
    r"sign-on bonus)\b.{0,40}$",
    r"\b401\s?\(?k\)?", r"\b(dental|vision|medical|health|life) (insurance|coverage|benefits?)\b"
    r"(?! (claims?|billing|verification|eligibility|plans? (administration|enrollment)|carriers?))",
    r"\bpaid (time off|holidays|leave|parental)\b", r"\bPTO\b", r"\btuition (reimbursement|assistance)\b",
    r"\b(parental|maternity|paternity) leave\b", r"\bemployee (discount|assistance|stock)\b",
    r"\bequal (employment )?opportunit", r"\bregardless of\b", r"\bwithout regard to\b",
    r"\b(participates? in|is an?|uses) E-?Verify\b", r"\bE-?Verify (employer|participant)\b",
    r"\breasonable accommodations?\b", r"\baffirmative action\b", r"\bprotected (veteran|class|status)\b",
    r"\b(sexual orientation|national origin|gender identity|genetic information)\b",
    r"\b(background check|drug (screen|test)|pre-employment)\b",
    r"\b(apply (now|today|online|here)|to apply|click (here|apply)|submit (your|a) (resume|application|cv)|"
    r"send (your|a) (resume|cv)|be considered for|applications? (will be|are) (reviewed|accepted))\b",
    r"^(location|address|hours|shift|schedule|job type|employment type|work type|pay|salary|benefits|"
    r"start date|department|req(uisition)?( id| #| number)?|job (id|code|number)|posted|posting date|"
    r"closing date|travel|status|fte|reports to|work setting|position type|category)\s*(/\s*\w+\s*)?[:\-]",
    r"^(full|part)[- ]time\b", r"^(remote|hybrid|on-?site)\b.{0,40}$",
    # a place ("Irving, TX 75039") and a street address, in their capitals: the list is
    # read without case, and "Driving licence, or working towards one" is no place
    r"(?-i:^[A-Z][\w .'-]+, [A-Z]{2}( \d{5})?\b).{0,30}$",
    r"(?-i:\b\d+ ([A-Z][\w.]* ){1,3}(Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Parkway|"
    r"Pkwy|Court|Ct|Place|Pl|Suite|Highway|Hwy)\b)",
)), re.I)
"""A line that asks for nothing: pay, benefits, legal text, applying, place and hours."""

_REPORTING = re.compile(
    r"\b(reports? (directly )?to|reporting (directly )?to|under the (direct |general )?(supervision|direction) of|"
    r"supervised by|directed by)\b[^,;.]*", re.I)
"""A clause that names someone else's job: "reports to the Charge Nurse"."""

_SOFTENED = re.compile(r"\b(preferred|a plus|is a plus|nice to have|bonus|ideally|desirable|advantageous|"
                       r"highly desired|desired|an asset|helpful|not required)\b", re.I)
_BULLET = re.compile(r"^[\-*\u2022\u00b7\u25aa\u25cf\u2023\u2043\u25e6>o]\s+|^\(?\d{1,2}[.)]\s+|^[a-z][.)]\s+")


@dataclass(frozen=True)
class Line:
    """One line of a job's text, and the kind of thing it asks for."""

    text: str
    kind: str


def _heading(line: str, bulleted: bool = False) -> tuple[str | None, str | None, str]:
    """(the kind the line heads or ``None``, the kind of what it says, what it says).

    "Requirements" heads a section and says nothing; "Preferred: Tableau" says "Tableau"
    as a nice-to-have, and "Location: Austin, TX" says nothing, each without changing the
    section it stands in; "Minimum 3 years of SQL" and "Bonus points for Snowflake" say
    something of their kind; a bullet, or a sentence that merely starts with "Skills",
    heads nothing.
    """
    stripped = line.strip().rstrip(":").strip()
    head, colon, rest = stripped.partition(":")
    if colon and rest.strip() and len(head.split()) <= 6:
        kind = _heading_kind(head)
        if kind:
            return None, kind, rest.strip()
    words = stripped.split()
    if not words:
        return None, None, line
    if not bulleted and len(words) <= 8 and not stripped.endswith((".", "!")) and (
            line.strip().endswith(":") or len(words) <= 5 or stripped.isupper() or stripped.istitle()):
        kind = _heading_kind(stripped)
        if kind:
            return kind, kind, ""
    own = next((kind for kind, pattern in _LEADS if pattern.match(stripped)), None)
    return None, own, line


_LEADS = ((NICE, re.compile(r"(nice[- ]to[- ]have|bonus( points)?|preferred|a plus|pluses|ideally|desired)\b", re.I)),
          (REQUIRED, re.compile(r"(minimum|required|requirements?|must[- ]have|you have|you bring|you will have|"
                                r"you'll have|must)\b", re.I)))
"""How a line that is no heading may still say what it is: "Bonus points for Snowflake"."""


def _heading_kind(text: str) -> str | None:
    text = re.sub(r"\s+", " ", text.strip().strip("#*_=- ").rstrip(":?")).strip()
    return next((kind for kind, pattern in _HEADINGS if pattern.fullmatch(text)), None)


_META = re.compile(r"\b((full|part)[- ]time|hybrid|remote|on-?site|in[- ]office|per diem|req(uisition)?\.?\s*"
                   r"(id|#|no\.?|number)|job (id|code)|fte|shifts?|days/week|contract|temporary|permanent)\b", re.I)
"""What a short line says about the job's terms of work ("Hybrid | Full-time | Req #DA-2291")."""


def asks_nothing(line: str) -> bool:
    """Whether ``line`` is pay, benefits, legal text, applying, or where and when the job is."""
    return bool(_NOT_REQUIREMENT.search(line)) or (len(line.split()) <= 16 and bool(_META.search(line))
                                                    and ("|" in line or line.count(",") >= 1 or "(" in line))


def without_reporting(line: str) -> str:
    """``line`` without its reporting clause: "reports to the Charge Nurse" names no skill."""
    return re.sub(r"\s+([,;.])", r"\1", _REPORTING.sub("", line)).strip(" ,;")


def softened(kind: str, text: str) -> str:
    """A requirement that says it is only preferred ("Bachelor's degree preferred") is a nice-to-have."""
    if kind != REQUIRED or not _SOFTENED.search(text):
        return kind
    # "BSN required; master's degree preferred" still requires what it says is required
    return REQUIRED if re.search(r"(?<!not )(?<!\w)(required|must|mandatory)\b", text, re.I) else NICE


def clean_lines(text: str) -> list[str]:
    """The non-empty lines of ``text``, normalised, bullets stripped."""
    return [line for line, _ in _bulleted_lines(text)]


def _bulleted_lines(text: str) -> list[tuple[str, bool]]:
    lines = []
    for raw in text.splitlines():
        line = normalise(raw)
        bare = _BULLET.sub("", line).strip()
        if bare:
            lines.append((bare, bare != line))
    return lines


_SENTENCES = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9\"'(])")


def _asking(text: str) -> str:
    """``text`` without the sentences in it that ask for nothing (a posting pasted as one
    line is still read sentence by sentence), and without its reporting clauses."""
    kept = [sentence for sentence in _SENTENCES.split(text) if not asks_nothing(sentence)]
    return without_reporting(" ".join(kept))


def posting_lines(text: str, first_is_title: bool = False) -> list[Line]:
    """The lines of a pasted posting that ask for something, each with its section's kind."""
    lines: list[Line] = []
    kind = KIND_GENERAL
    for number, (raw, bulleted) in enumerate(_bulleted_lines(text)):
        if number == 0 and first_is_title:
            continue  # the posting's own title line: the title is the target's
        section, own, content = _heading(raw, bulleted)
        if section:
            kind = section
        if not content or kind == SKIP or own == SKIP:
            continue
        content = _asking(content)
        if content:
            lines.append(Line(content, softened(own or kind, content)))
    return lines


def job_lines(target: Target) -> list[Line]:
    """Every line of the job that asks for something, each with its kind."""
    lines: list[Line] = []
    if target.title:
        lines.append(Line(normalise(target.title), TITLE))
    lines += [Line(q, softened(REQUIRED, q)) for q in map(normalise, target.qualifications)]
    for skill in target.skills:
        lines += [Line(normalise(k), REQUIRED) for k in skill.keywords]
        if skill.name:
            lines.append(Line(normalise(skill.name), RESPONSIBILITY))
    lines += [Line(r, RESPONSIBILITY) for r in map(normalise, target.responsibilities)]
    if target.description:
        lines += [Line(_asking(line), KIND_GENERAL) for line in clean_lines(target.description)]
    if target.experience:
        lines.append(Line(normalise(target.experience), KIND_GENERAL))
    if target.posting_text:
        first = next(iter(clean_lines(target.posting_text)), "")
        title = normalise(target.title or "").casefold()
        lines += posting_lines(target.posting_text, first_is_title=bool(title) and title in first.casefold())
    return [line for line in lines if line.text]
