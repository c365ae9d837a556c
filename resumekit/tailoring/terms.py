"""The terms a job asks for, each weighed by where the job says it, and the job's
requirement lines with the terms each names.

Required qualifications and listed skills weigh most, responsibilities next, then the
title and description; nice-to-haves weigh least. Terms come from the bundled term list
(by name, alias or stem) and, for words the list lacks, from the job's own text: tool and
product names (CamelCase, symbols, acronyms, rare capitalised words, names with a
version), long proper names, and rare word pairs the job repeats.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..models.target import Target
from .lexicon import Lexicon, bundled
from .posting import KIND_GENERAL, NICE, REQUIRED, RESPONSIBILITY, TITLE, job_lines
from .text import STOPWORDS, TOKEN, common, normalise, tokens

WEIGHTS = {REQUIRED: 3.0, RESPONSIBILITY: 2.0, TITLE: 1.5, KIND_GENERAL: 1.0, NICE: 1.0}
UNLISTED_FACTOR = 0.7  # a term the list lacks is less certain to be one
MAX_TERMS = 40
FEW_TERMS = 6
PUBLIC_KINDS = {REQUIRED: REQUIRED, RESPONSIBILITY: RESPONSIBILITY, TITLE: RESPONSIBILITY,
                KIND_GENERAL: RESPONSIBILITY, NICE: NICE}
"""How a kind is named to the outside (explain's JSON): what the job requires, what the
role does (its title and description say that too), and what is nice to have."""


@dataclass
class JobTerm:
    """A term the job asks for: its display form, weight, and where the job says it."""

    name: str
    weight: float
    kind: str  # the weightiest place it appears: required, responsibility, title, general, nice
    listed: bool  # in the bundled term list (else found from the job's own text)
    aliases: tuple[str, ...] = ()
    case_sensitive: bool = False
    count: int = 1
    sources: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # the forms the job wrote it in

    @property
    def public_kind(self) -> str:
        """required, responsibility or nice."""
        return PUBLIC_KINDS[self.kind]


@dataclass(frozen=True)
class Requirement:
    """One line of the job that asks for something, and the terms it names."""

    text: str
    kind: str
    terms: tuple[str, ...]

    @property
    def public_kind(self) -> str:
        return PUBLIC_KINDS[self.kind]


@dataclass(frozen=True)
class Job:
    """What a job asks for: its terms, weightiest first, and its requirement lines."""

    terms: tuple[JobTerm, ...]
    requirements: tuple[Requirement, ...]


NOT_TERMS = frozenset({"DOE", "EOE", "USA", "PTO", "FAQ", "ASAP", "FTE", "OTE", "TBD", "LLC", "INC", "EEO",
                       "APPLY", "NOW", "N/A", "NA", "AM", "PM", "EST", "PST", "CST", "MST", "US", "UK", "EU",
                       "HR", "ID", "OK", "YOU", "WE", "OUR", "NEW", "JOB", "REQ", "II", "III", "IV", "VP",
                       "CEO", "CFO", "COO", "CTO", "M-F", "MON", "FRI", "W2", "C2C", "DOT", "EEOC", "ADA",
                       "FMLA", "USD", "CAD", "GBP", "AAP", "EOE/AA", "AA/EOE"})
"""Capitals job ads use that are not skills: pay 'DOE', 'EOE', 'PTO', 'APPLY NOW'..."""

SOFT = frozenset({
    "leadership", "verbal communication", "written communication", "interpersonal communication",
    "decision making", "attention to detail", "prioritization", "time management", "multitasking", "adaptability",
    "training", "coaching", "mentoring", "relationship building", "problem solving", "critical thinking",
    "teamwork", "presentation skills", "professional development", "patient care", "customer service",
    "collaboration", "organizational skills", "work ethic", "communication", "emotional intelligence",
    "public speaking", "escalation management", "team building", "flexibility", "initiative", "accountability"})
"""Terms every job ad says and few recruiters screen for: they are terms only where the job
requires them, and then weigh half, so a job's own tools and methods come first."""
SOFT_FACTOR = 0.5

_DEGREE_FIELD = re.compile(
    r"\s+(?:degree\s+)?(?:in|of)\s+((?!a\b|an\b|the\b|related\b|relevant\b|similar\b|any\b)"
    r"[A-Za-z][\w&-]*(?:\s+(?!or\b|and\b|preferred\b|required\b|from\b|with\b|is\b)[A-Za-z][\w&-]*){0,3}?)"
    r"(?=\s*(?:,|;|\.|\(|/|\bor\b|\band\b|\bpreferred\b|\brequired\b|\bfrom\b|\bwith\b|\bis\b|$))")
"""The field a degree is in: "Bachelor's degree in Computer Science", "BA in Finance"."""

_NOT_NAMES = frozenset({"united states", "north america", "equal opportunity", "human resources",
                        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "january", "february", "march", "april", "june", "july", "august", "september",
                        "october", "november", "december"})
_ROLE = re.compile(r"(foreman|forewoman|supervisor|manager|director|coordinator|officer|superintendent|lead|"
                   r"assistant|administrator|president|chief|head|partner|principal|owner|founder)s?$", re.I)
"""The last word of a job's title ("General Foreman", "Nurse Manager"): a person one works
with or for, named in capitals, is no skill to screen for."""
_CAMEL = re.compile(r"^([A-Z]{1,3}[a-z]+[A-Z][A-Za-z]*|[a-z]+[A-Z][A-Za-z]*|[A-Z][a-z]+[A-Z]{2,}[a-z]*)$")
_VERSION = re.compile(r"^\s+(v?\d+(\.\d+)*(\.x)?\+?|\d{4})\b")
_ADDRESS = re.compile(r"(^|\.)(com|org|net|io|edu|gov|co)$|@", re.I)


def _stoplike(word: str) -> bool:
    return word.casefold() in STOPWORDS or word.isdigit() or len(word) < 2


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() and word.isalpha()


def _symbolic(word: str) -> bool:
    """A word with symbols that names a tool (Node.js, C#, ASP.NET, UI/UX), not shorthand
    (N/A, and/or, Hours/Shift, 126k/year, a web address)."""
    if not any(c in word for c in "+#./&") or not any(c.isalpha() for c in word) or _ADDRESS.search(word):
        return False
    if re.search(r"\d", word) and re.search(r"\d+k\b|/(year|yr|hr|hour)", word, re.I):
        return False
    if "/" in word or "&" in word:
        parts = re.split(r"[/&]", word)
        return all(part.isupper() and 1 <= len(part) <= 4 for part in parts) and max(map(len, parts)) > 1
    return bool(re.search(r"[A-Za-z]", word.rstrip(".")) and not word.endswith("."))


_ORGANISATION = re.compile(
    r"(?:\b(?:the\s+)?(?:[A-Z][\w&'.-]*\s+){0,5})(?:Board|Council|Commission|Department|Agency|Association|"
    r"Authority|Institute|Society|Ministry|Bureau|Foundation|Federation|Trust|Administration|Academy)\b"
    r"(?:\s+(?:of|for|on)(?:\s+the)?(?:\s+[A-Z][\w&'.-]*)+)?")
"""An organisation's name ("Arizona State Board of Dental Examiners", "Department of
Education"): the body that licenses or employs, not a skill; a credential named after it
("BLS", "NCC") is found on its own."""


_SPEAKING = re.compile(r"\b(fluen\w*|native|near-native|bilingual|speak\w*|spoken|languages?|proficien\w*|"
                       r"conversational|business-level|mother tongue|interpret\w*|translat\w*)\b", re.I)
"""What says a line asks for a language: "fluent Spanish", "a second language", "speaks Somali"."""
_MORE_LANGUAGES = ("Mandarin", "Cantonese", "American Sign Language", "British Sign Language", "Farsi", "Tagalog")


@lru_cache(maxsize=1)
def _language_names() -> re.Pattern[str]:
    """Every language's English name (CLDR's, through Babel), longest first, matched in
    its capitals: "Spanish", "Brazilian Portuguese", "Somali"."""
    from babel import Locale

    names = {name for name in Locale("en").languages.values() if len(name) >= 4 and name[0].isupper()}
    names.update(_MORE_LANGUAGES)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
                      + r")(?![\w-])")


def languages_asked(line: str) -> list[str]:
    """The languages ``line`` asks the person to speak or write: where it speaks of
    speaking ("Fluent English and Spanish"), or the line is little but the language
    ("Spanish is a plus"); not "Alabama clinics" or "Java and Go" in passing."""
    found = list(dict.fromkeys(m.group(1) for m in _language_names().finditer(line)))
    if not found or _SPEAKING.search(line):
        return found
    rest = _language_names().sub(" ", line)
    return found if len(tokens(rest)) <= 6 else []  # a line that is the language: "Spanish is a plus"


_CODE = re.compile(r"(?<![\w-])(?-i:[A-Z]{1,3}-\d{1,4}[A-Z0-9]{0,3})(?![\w-])")
"""A code of letters, a hyphen and a number: a form, a visa or a standard (H-1B, I-140, K-12)."""


class _Unlisted:
    """Terms the list lacks, found in one line of the job's text (what the list found taken out).

    A tool or product: a CamelCase word (PagerDuty), a word with symbols (Node.js), an
    acronym of three letters or more (HIPAA, FHIR), a rare capitalised word (Tableau,
    Kronos), a run of capitalised words inside a sentence (Minnesota Learning Standards),
    and a rare word followed by a version (Terraform 1.x). A sentence's first word is
    capitalised as any is ("Proficiency in", "Oversee"), so it counts only as an item of a
    list ("Excel, SQL and Tableau").
    """

    def __init__(self, exclude: set[str]) -> None:
        self.exclude = exclude

    def find(self, line: str, listed_in_line: int) -> list[str]:
        found: list[str] = []
        if line.isupper():
            return found  # a heading or a shout, not a list of tools
        line = re.sub(r"\"[^\"]*\"|\([^()]*\?\)", " | ", line)  # an example in quotes names no tool
        line = _ORGANISATION.sub(" | ", line)  # who licenses or employs is no skill
        for code in _CODE.findall(line):
            if not code.upper().startswith("COVID"):
                found.append(code)  # "H-1B", "I-140", "EB-1": a form, a visa, a standard
        line = _CODE.sub(" | ", line)
        for sentence in re.split(r"(?<=[.!?;:])\s+|\s+[-\u2013\u2014]\s+|\s*\|\s*", line):
            found += self._in_sentence(sentence, listed_in_line)
        return list(dict.fromkeys(found))

    def _usable(self, word: str) -> bool:
        return not (_stoplike(word) or word.casefold() in self.exclude or word.upper() in NOT_TERMS
                    or word in NOT_TERMS)

    def _in_sentence(self, sentence: str, listed_in_line: int) -> list[str]:
        matches = list(TOKEN.finditer(sentence))
        words = [m.group(0) for m in matches]
        found: list[str] = []
        listy = sentence.count(",") >= 2 or listed_in_line >= 2 or bool(re.search(r"\(.*,.*\)", sentence))
        run: list[str] = []

        def close_run() -> None:
            if run and _ROLE.fullmatch(run[-1]):
                run.clear()  # "the General Foreman", "our Clinical Director": someone's title
                return
            if len(run) >= 2:
                name = " ".join(run)
                if name.casefold() not in _NOT_NAMES and (len(run) >= 3 or not all(common(w) for w in run)):
                    found.append(name)
            elif len(run) == 1 and not common(run[0]) and self._usable(run[0]):
                found.append(run[0])
            run.clear()

        for i, (word, match) in enumerate(zip(words, matches)):
            first = i == 0 or sentence[:match.start()].rstrip().endswith(("(", ":"))
            after = sentence[match.end():]
            if not self._usable(word):
                close_run()
                continue
            if _CAMEL.match(word) or _symbolic(word):
                close_run()
                found.append(word)
                continue
            acronym = (word.isupper() and 2 <= len(word) <= 6 and word[0].isalpha() and word.isalnum()
                       and sum(c.isdigit() for c in word) <= 1 and not (len(word) >= 4 and common(word)))
            if acronym and len(word) >= 3:
                close_run()
                found.append(word)
                continue
            if _capitalised(word) and word.casefold() not in self.exclude:
                if first and not run and not (listy and re.match(r"\s*[,/)]", after)):
                    continue  # "Proficiency in", "Oversee": a sentence's first word, capitalised as any is
                gap = sentence[matches[i - 1].end():match.start()] if run and i > 0 else " "
                if run and gap.strip():
                    close_run()
                run.append(word)
                if _VERSION.match(after) and not common(word):
                    close_run()
                continue
            close_run()
        close_run()
        return found


_SKILL_HEAD = re.compile(
    r"^(?!(?:strong|excellent|good|great|proven|solid|demonstrated|effective|relevant|related|previous|prior|"
    r"general|basic|working|some|any|other|new|daily|weekly|monthly|ongoing|key|high|best|all|each|our|your|"
    r"team|customer|business|company|client)\s)\w+ (assessments?|testing|tests|screening|planning|analysis|"
    r"analytics|research|synthesis|studies|ethics|operations|installation|"
    r"reconciliations?|forecasting|modell?ing|engineering|therapy|care|"
    r"management|administration|inspections?|audits?|auditing|compliance|reporting|documentation|design|"
    r"development|maintenance|monitoring|scheduling|procurement|sourcing|budgeting|accounting|"
    r"controls?|prevention|response|evaluation|interviewing|facilitation|mapping|prototyping|"
    r"wireframing|onboarding|triage|surveillance|hunting|forensics|mitigation|remediation|"
    r"systems?|protocols?|techniques?|methods|methodolog(?:y|ies))$")
"""The last word of a pair that names a practice or a skill ("threat assessment",
"research synthesis", "cable termination"): such a pair is a term even said once."""


def _pairs(text: str) -> list[str]:
    pairs = []
    for piece in text.split("|"):  # never across a term taken out ("care | gap" is no pair)
        for phrase in re.split(r"[,;:.()]", piece):
            words = [w.lower() for w in tokens(phrase)]
            pairs += [f"{a} {b}" for a, b in zip(words, words[1:])
                      if not _stoplike(a) and not _stoplike(b) and a.isalpha() and b.isalpha()
                      and not (common(a) and common(b))]
    return pairs


_LEGAL_FORMS = re.compile(r"[,.]?\s+(inc|llc|ltd|co|corp|corporation|company|group|plc|gmbh)\.?$", re.I)


def _company_pattern(company: str | None) -> re.Pattern[str] | None:
    """The employer's name as a job's text writes it, with or without "Inc." or "Co."."""
    name = _LEGAL_FORMS.sub("", normalise(company or "")).strip()
    if len(name) < 3:
        return None
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?:[,.]?\s+(?:inc|llc|ltd|co|corp)\b\.?)?(?:'s)?(?!\w)", re.I)


def read_job(target: Target, lexicon: Lexicon | None = None) -> Job:
    """The job's terms, weightiest first (ties by name), at most ``MAX_TERMS``, and its
    requirement lines with the terms each names."""
    lexicon = lexicon or bundled()
    lines = job_lines(target)
    exclude = {w.casefold() for w in tokens(f"{target.company or ''} {target.title or ''}")}
    if target.location:
        exclude |= {w.casefold() for w in tokens(f"{target.location.city or ''} {target.location.region or ''}")}
    terms: dict[str, JobTerm] = {}

    def note(key: str, name: str, kind: str, listed: bool, written: str, aliases: tuple[str, ...] = (),
             case_sensitive: bool = False) -> None:
        weight = WEIGHTS[kind] * (1.0 if listed else UNLISTED_FACTOR) * (SOFT_FACTOR if key in SOFT else 1.0)
        current = terms.get(key)
        if current is None:
            terms[key] = JobTerm(name, weight, kind, listed, aliases, case_sensitive, 1, [kind], [written])
            return
        current.count += 1
        if kind not in current.sources:
            current.sources.append(kind)
        if written not in current.written:
            # the title's form goes last: "Dispatch" in "Dispatch Lead" is the role's name
            title_forms = current.sources[:1] == [TITLE] and len(current.written) == 1
            current.written.insert(0, written) if title_forms else current.written.append(written)
        if weight > current.weight:
            current.weight, current.kind = weight, kind

    pair_counts: Counter[str] = Counter()
    named: list[tuple[int, str, str]] = []  # (line, word, kind)
    line_terms: list[list[str]] = [[] for _ in lines]
    keywords = {normalise(k).casefold() for skill in target.skills for k in skill.keywords}
    finder = _Unlisted(exclude)
    company = _company_pattern(target.company)
    for number, line in enumerate(lines):
        kind = line.kind
        # The employer's name names no skill: "Valley Freight Logistics" asks for neither.
        text = company.sub(" | ", line.text) if company else line.text
        hits = lexicon.find(text)
        for term, span in {h[0]: h[2] for h in reversed(hits)}.items():  # "Kubernetes (k8s)" says it once
            name = term.name
            degree = _DEGREE_FIELD.match(text[span[1]:]) if "degree" in name.casefold() else None
            if degree:
                name = f"{name} in {degree.group(1)}"  # the field is what a recruiter screens for
            note(name.casefold(), name, kind, True, text[span[0]:span[1]], term.aliases, term.case_sensitive)
            line_terms[number].append(name.casefold())
        for language in languages_asked(text):
            note(language.casefold(), language, kind, True, language)
            line_terms[number].append(language.casefold())
        if not hits and text.casefold() in keywords and len(tokens(text)) <= 4 \
                and any(not _stoplike(w) for w in tokens(text)):
            # A skill keyword the employer listed is a term, whether or not the list has it.
            note(text.casefold(), text, kind, False, text)
            line_terms[number].append(text.casefold())
            continue
        if kind == TITLE:
            continue  # the title's words are the role, not skills beyond the list's
        rest = text
        for start, end in sorted((h[2] for h in hits), reverse=True):
            rest = rest[:start] + " | " + rest[end:]
        for word in finder.find(rest, len(hits)):
            if lexicon.canonical(word) is None:
                named.append((number, word, kind))
        pair_counts.update(set(_pairs(rest)))
    for number, word, kind in named:
        note(word.casefold(), word, kind, False, word, case_sensitive=word.isupper())
        line_terms[number].append(word.casefold())
    worded = [" ".join(tokens(line.text)).lower() for line in lines]  # once, not once per pair
    asked_once = {pair for pair, count in pair_counts.items() if count == 1 and _SKILL_HEAD.search(pair)}
    for pair, count in pair_counts.items():
        if (count >= 2 or pair in asked_once) and pair not in terms and not any(w in exclude for w in pair.split()):
            places = [n for n, words in enumerate(worded) if pair in words]
            best = max((lines[n].kind for n in places), key=lambda k: WEIGHTS[k], default=KIND_GENERAL)
            note(pair, pair, best, False, pair)
            terms[pair].count = count
            for n in places:
                line_terms[n].append(pair)
    for job_term in terms.values():
        job_term.weight = round(job_term.weight + 0.5 * math.log(job_term.count), 3)
    # A soft skill is a term only where the job requires it ("excellent written communication
    # required"); said in passing, as every ad says it, it tells no job apart.
    asked = [t for t in terms.values() if t.name.casefold() not in SOFT or t.kind == REQUIRED]
    # A term said only in the job's introduction ("About the role") is what the team does,
    # not what it asks of the person: it counts only when the job says little else.
    if sum(t.kind not in (KIND_GENERAL, TITLE) for t in asked) >= FEW_TERMS:
        asked = [t for t in asked if t.kind != KIND_GENERAL]
    ordered = sorted(asked, key=lambda t: (-t.weight, t.name.casefold()))[:MAX_TERMS]
    kept = {t.name.casefold(): t.name for t in ordered}
    asking = [(line, keys) for line, keys in zip(lines, line_terms)
              if line.kind != TITLE and any(k in kept for k in keys)]
    if any(line.kind != KIND_GENERAL for line, _ in asking):
        asking = [(line, keys) for line, keys in asking if line.kind != KIND_GENERAL]  # the blurb asks nothing
    requirements: dict[str, Requirement] = {}
    for line, keys in asking:  # a line the job says twice is one requirement
        requirements.setdefault(line.text.casefold(), Requirement(
            line.text, line.kind, tuple(dict.fromkeys(kept[k] for k in keys if k in kept))))
    return Job(tuple(ordered), tuple(requirements.values()))


def extract_terms(target: Target, lexicon: Lexicon | None = None) -> list[JobTerm]:
    """The job's terms, weightiest first (ties by name), at most ``MAX_TERMS``."""
    return list(read_job(target, lexicon).terms)
