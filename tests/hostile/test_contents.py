"""Hostile file contents (issue 8): however a user's file is broken, ``validate`` and
``build`` report every problem of every file at once, each as
``file:line:column: field: message``, with exit code 1 and no traceback.

Each case's expected outcome was written from the contract before the tool was run on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .harness import fingerprint, no_traceback, refused, run, scaffold

P = "profile.yaml"
F = "feedback.yaml"
T = "targets/example-job.yaml"
C = "resumekit.yaml"

CONFIG = """\
profile: profile.yaml
feedback: feedback.yaml
targets: targets/
output: out/
formats: [pdf, docx]
documents: [resume, letter]
theme: classic
date: 2026-01-15
"""

PROFILE = """\
basics:
  name: Alex Rivera
  label: Operations Coordinator
  email: alex.rivera@example.com
  summary: Operations coordinator who keeps freight moving on time.
  location:
    city: Sacramento
    countryCode: US
work:
  - name: Valley Freight Co.
    position: Operations Coordinator
    startDate: 2022-04
    tags: [operations]
    highlights:
      - Scheduled daily deliveries across 18 drivers
      - text: Led the morning dispatch huddle
        tags: [leadership]
volunteer:
  - organization: Food Bank
    position: Volunteer
    startDate: 2021-01
    highlights:
      - Sorted donations every Saturday
education:
  - institution: Riverbend Community College
    area: Supply Chain Management
    studyType: Associate
    startDate: 2017-08
    endDate: 2019-05
certificates:
  - name: OSHA 10-Hour
    date: 2023-02
    issuer: OSHA Training Institute
skills:
  - name: Operations
    keywords: [dispatch, route planning, inventory]
letter:
  closing: Thank you for your time.
  signature: Alex Rivera
"""

FEEDBACK = """\
applications:
  - id: summit-2025
    employer: Summit Outdoor Supply
    position: Logistics Supervisor
    applied: 2025-09-08
    rejected: 2025-09-29
    feedback:
      - text: We chose a candidate with more experience managing budgets.
        areas: [experience]
improvements:
  - id: budget-course
    addresses: [experience]
    prompted_by: [summit-2025]
    date: 2025-10
    extend:
      - section: work
        match: Valley Freight Co.
        highlights:
          - Took over the annual freight budget
"""

TARGET = """\
title: Logistics Supervisor
company: Harbor Supply Co.
type: Full-time
date: 2025-11-20
description: Harbor Supply runs daily dispatch across Northern California.
location:
  city: West Sacramento
  countryCode: US
responsibilities:
  - Plan daily routes and dispatch for a fleet of trucks
  - Lead and train a team of coordinators
qualifications:
  - 3+ years in logistics or dispatch
skills:
  - name: Logistics
    keywords: [dispatch, route planning]
letter:
  why: I want to bring my dispatch experience to a larger fleet.
"""

BASE = {C: CONFIG, P: PROFILE, F: FEEDBACK, T: TARGET}


def project(tmp_path: Path) -> Path:
    """A small, valid project (the scaffold's layout, with these known files)."""
    root = tmp_path / "proj"
    scaffold(root)
    for name, text in BASE.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def _b(value: str | bytes) -> bytes:
    return value if isinstance(value, bytes) else value.encode("utf-8")


def edit(root: Path, name: str, old: str | bytes | None, new: str | bytes) -> bytes:
    """Replace ``old`` (which must be there) by ``new`` in ``name``; ``old=None`` writes
    ``new`` as the whole file. Returns the file's new bytes."""
    path = root / name
    if old is None:
        data = _b(new)
    else:
        data = path.read_bytes()
        assert _b(old) in data, f"test bug: {old!r} not in {name}"
        data = data.replace(_b(old), _b(new), 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def place(data: bytes, marker: str | bytes) -> tuple[int, int]:
    """1-based line and column where ``marker`` starts in ``data``."""
    at = data.find(_b(marker))
    assert at >= 0, f"test bug: marker {marker!r} not in the file"
    line = data.count(b"\n", 0, at) + 1
    start = data.rfind(b"\n", 0, at) + 1
    return line, at - start + 1


def located_at(text: str, name: str, line: int | None = None, column: int | None = None) -> None:
    """``text`` holds ``name:line:column:`` (any line/column when not given)."""
    base = re.escape(Path(name).name)
    ln = str(line) if line is not None else r"\d+"
    col = str(column) if column is not None else r"\d+"
    pattern = rf"(?:^|[\s/\\'\"(]){base}:{ln}:{col}:"
    assert re.search(pattern, text, re.M), (f"expected a problem at {name}:{line}:{column}", text)


def mentions(text: str, *words: str | tuple[str, ...]) -> None:
    """Each of ``words`` (a regex, or a tuple of alternative regexes) is in ``text``."""
    for word in words:
        alternatives = (word,) if isinstance(word, str) else word
        assert any(re.search(a, text, re.I) for a in alternatives), (alternatives, text)


@dataclass
class Case:
    id: str
    file: str                              # the project file that is edited
    old: str | bytes | None                # what is replaced (None: the whole file)
    new: str | bytes
    words: tuple = ()                      # regexes (or tuples of alternatives) the message must hold
    marker: str | bytes | None = None      # where the problem is (default: ``new``); "" = anywhere
    column: bool = False                   # also check the column of ``marker``
    argv: tuple[str, ...] = ("validate",)
    code: int = 1
    create: dict = field(default_factory=dict)   # extra files: path -> bytes
    config: dict = field(default_factory=dict)   # config lines replaced: old -> new


def check_case(case: Case, tmp_path: Path) -> None:
    root = project(tmp_path)
    for old, new in case.config.items():
        edit(root, C, old, new)
    for name, data in case.create.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    data = edit(root, case.file, case.old, case.new)
    marker = case.new if case.marker is None else case.marker
    line = column = None
    if marker != "":
        line, col = place(data, marker)
        column = col if case.column else None
    done = run(*case.argv, cwd=root)
    no_traceback(done)
    if case.code == 1:
        text = refused(done, code=1, located=True)
        located_at(text, case.file, line, column)
        mentions(text, *case.words)
    else:
        assert done.returncode == case.code, (done.returncode, done.stdout, done.stderr)
        text = done.stderr + done.stdout
        if case.words:
            located_at(text, case.file, line, column)
            mentions(text, *case.words)
        else:
            mentions(done.stdout, r"\bok\b")


# --- YAML tags with impossible values --------------------------------------------------

IMPOSSIBLE = {  # the message names the tag (or the type it asks for)
    "bool": ("!!bool maybe", (r"\bbool", r"\btag\b")),
    "timestamp": ("!!timestamp yesterday", ("timestamp", r"\btag\b")),
    "int": ("!!int ''", (r"\bint\b", "integer", r"\btag\b")),
    "float": ("!!float abc", (r"\bfloat\b", r"\btag\b")),
    "null": ("!!null x", (r"\bnull\b", r"\btag\b")),
}
TAG_PLACES = {
    P: ("  label: Operations Coordinator", "  label: {}"),
    T: ("type: Full-time", "type: {}"),
    F: ("    position: Logistics Supervisor", "    position: {}"),
    C: ("output: out/", "output: {}"),
}
TAG_CASES = [
    Case(f"tag-{tag}-{Path(name).stem}", name, old, new.format(value), (words,))
    for name, (old, new) in TAG_PLACES.items()
    for tag, (value, words) in IMPOSSIBLE.items()
    if name == P or (name == T and tag == "bool") or (name == F and tag in ("bool", "null"))
    or (name == C and tag in ("timestamp", "int"))
]

# --- other tags ---------------------------------------------------------------------------

OTHER_TAG_CASES = [
    Case("tag-python-profile", P, "  label: Operations Coordinator",
         "  label: !!python/object/apply:os.system [echo hacked]", (("python", r"\btag\b"),)),
    Case("tag-custom-profile", P, "  label: Operations Coordinator",
         "  label: !custom Operations", (("custom", r"\btag\b"),)),
    Case("tag-binary-profile", P, "  label: Operations Coordinator",
         "  label: !!binary T3BlcmF0aW9ucw==", (("binary", r"\btag\b"),)),
    Case("tag-set-profile", P, "    keywords: [dispatch, route planning, inventory]",
         "    keywords: !!set {dispatch, route planning}", ((r"\bset\b", r"\btag\b"),)),
    Case("tag-omap-profile", P, "  location:\n    city: Sacramento\n    countryCode: US",
         "  location: !!omap [city: Sacramento, countryCode: US]", (("omap", r"\btag\b"),)),
    Case("tag-python-target", T, "type: Full-time",
         "type: !!python/object/apply:os.system [echo hacked]", (("python", r"\btag\b"),)),
    Case("tag-python-feedback", F, "    position: Logistics Supervisor",
         "    position: !!python/object/new:os.system [echo hacked]", (("python", r"\btag\b"),)),
    Case("tag-custom-config", C, "theme: classic", "theme: !custom classic", (("custom", r"\btag\b"),)),
]

# --- impossible dates -------------------------------------------------------------------

DATE_CASES = [
    Case("date-profile-feb30", P, "    startDate: 2022-04", "    startDate: 2020-02-30", ("startDate",)),
    Case("date-profile-feb30-quoted", P, "    startDate: 2022-04", '    startDate: "2020-02-30"', ("startDate",)),
    Case("date-profile-month13", P, "    startDate: 2022-04", "    startDate: 2021-13", ("startDate",)),
    Case("date-profile-month00-end", P, "    startDate: 2022-04\n", "    startDate: 2022-04\n    endDate: 2023-00\n",
         ("endDate",), marker="    endDate: 2023-00"),
    Case("date-profile-time25", P, "    startDate: 2022-04", "    startDate: 2022-04-10T25:61:00", ("startDate",)),
    Case("date-education-feb29", P, "    endDate: 2019-05", "    endDate: 2019-02-29", ("endDate",)),
    Case("date-certificate-feb31", P, "    date: 2023-02", "    date: 2023-02-31", (r"\bdate\b",)),
    Case("date-feedback-rejected-feb30", F, "    rejected: 2025-09-29", "    rejected: 2025-02-30", ("rejected",)),
    Case("date-feedback-applied-sep31", F, "    applied: 2025-09-08", "    applied: 2025-09-31", ("applied",)),
    Case("date-improvement-month13", F, "    date: 2025-10", "    date: 2025-13", (r"\bdate\b",)),
    Case("date-target-feb30", T, "date: 2025-11-20", "date: 2025-02-30", (r"\bdate\b",)),
    Case("date-config-feb30", C, "date: 2026-01-15", "date: 2026-02-30", (r"\bdate\b",)),
    Case("date-config-feb30-build", C, "date: 2026-01-15", "date: 2026-02-30", (r"\bdate\b",),
         argv=("build", "--format", "docx")),
]

# --- nesting too deep ---------------------------------------------------------------------

DEEP = ("deep", "depth", "nest")


def _flow(levels: int, inner: str = "x") -> str:
    return "[" * levels + inner + "]" * levels


def _json_profile(levels: int) -> str:
    return ('{\n  "basics": {"name": "Alex Rivera"},\n  "meta": {"x": '
            + _flow(levels, "1") + '}\n}\n')


_BLOCK = "meta:\n" + "".join("  " * i + "a:\n" for i in range(1, 501)) + "  " * 501 + "b: x\n"

NESTING_CASES = [
    Case("deep-yaml-500-profile", P, "letter:\n", "meta:\n  x: " + _flow(500) + "\nletter:\n", (DEEP,),
         marker="  x: ["),
    Case("deep-yaml-5000-profile", P, "letter:\n", "meta:\n  x: " + _flow(5000) + "\nletter:\n", (DEEP,),
         marker="  x: ["),
    Case("deep-yaml-block-500-profile", P, "letter:\n", _BLOCK + "letter:\n", (DEEP,), marker=""),
    Case("deep-json-500-profile", "profile.json", None, _json_profile(500), (DEEP,), marker='  "meta"',
         argv=("validate", "profile.json")),
    Case("deep-yaml-500-target", T, "letter:\n", "meta:\n  x: " + _flow(500) + "\nletter:\n", (DEEP,),
         marker="  x: ["),
    Case("deep-yaml-500-config", C, "formats: [pdf, docx]", "formats: " + _flow(500, "pdf"), (DEEP,)),
]

# --- bytes that are not UTF-8 -------------------------------------------------------------

UTF8 = ("UTF-8", "UTF8", "encod")

ENCODING_CASES = [
    Case("latin1-profile", P, "  label: Operations Coordinator", b"  label: Op\xe9rations Coordinator", (UTF8,),
         marker=b"\xe9", column=True),
    Case("cp1252-quotes-profile", P, "  summary: Operations coordinator",
         b"  summary: \x93Operations\x94 coordinator", (UTF8,), marker=b"\x93", column=True),
    Case("truncated-utf8-at-end-profile", P, "  signature: Alex Rivera\n", b"  signature: Alex Rivera\xc3",
         (UTF8,), marker=b"\xc3", column=True),
    Case("latin1-target", T, "type: Full-time", b"type: Full-t\xe9me", (UTF8,), marker=b"\xe9", column=True),
    Case("latin1-feedback", F, "    employer: Summit Outdoor Supply", b"    employer: Summit Outdoor Suppl\xe9",
         (UTF8,), marker=b"\xe9", column=True),
    Case("latin1-config", C, "output: out/", b"output: out\xe9/", (UTF8,), marker=b"\xe9", column=True),
]

# --- tabs used for indentation ------------------------------------------------------------

TAB_CASES = [
    Case("tab-profile-key", P, "  label: Operations Coordinator", "\tlabel: Operations Coordinator", ("tab",)),
    Case("tab-target", T, "  - Lead and train a team of coordinators",
         "\t- Lead and train a team of coordinators", ("tab",)),
    Case("tab-feedback", F, "    employer: Summit Outdoor Supply", "\t\temployer: Summit Outdoor Supply", ("tab",)),
    Case("tab-config", C, "formats: [pdf, docx]", "formats:\n\t- pdf\n\t- docx", ("tab",), marker="\t- pdf"),
]

# --- duplicate keys -----------------------------------------------------------------------

DUP = ("duplicate", "twice", "more than once")

DUPLICATE_CASES = [
    Case("dup-basics-name", P, "  name: Alex Rivera\n", "  name: Alex Rivera\n  name: Alexandra Rivera\n",
         (DUP, "name"), marker="  name: Alexandra"),
    Case("dup-top-level-work", P, "letter:\n", "work:\n  - name: Other Co\nletter:\n", (DUP, "work"),
         marker="work:\n  - name: Other Co"),
    Case("dup-work-position", P, "    position: Operations Coordinator\n",
         "    position: Operations Coordinator\n    position: Dispatcher\n", (DUP, "position"),
         marker="    position: Dispatcher"),
    Case("dup-target-title", T, "type: Full-time\n", "type: Full-time\ntitle: Dispatcher\n", (DUP, "title"),
         marker="title: Dispatcher"),
    Case("dup-config-output", C, "output: out/\n", "output: out/\noutput: build/\n", (DUP, "output"),
         marker="output: build/"),
    Case("dup-json-profile", "profile.json", None,
         '{\n  "basics": {\n    "name": "Alex Rivera",\n    "name": "Alex R."\n  }\n}\n', (DUP, "name"),
         marker='    "name": "Alex R."', argv=("validate", "profile.json")),
    Case("dup-application-id", F, "improvements:\n",
         "  - id: summit-2025\n    employer: Other Outfitters\n    rejected: 2025-10-01\nimprovements:\n",
         (("duplicate", "unique", "already", "twice"), "summit-2025"),
         marker="  - id: summit-2025\n    employer: Other"),
]

# --- alias bombs --------------------------------------------------------------------------


def _bomb(indent: str = "  ") -> str:
    lines = [f"{indent}a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{indent}{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


ALIAS = ("alias",)

ALIAS_CASES = [
    Case("alias-bomb-profile", P, "letter:\n", "meta:\n" + _bomb() + "letter:\n", (ALIAS,), marker=""),
    Case("alias-bomb-config", C, "theme: classic\n", "theme: classic\nmeta:\n" + _bomb(), (ALIAS,), marker=""),
    Case("alias-recursive-profile", P, "  summary: Operations coordinator who keeps freight moving on time.",
         "  summary: &s [*s]", (("alias", "recurs", "itself", "cycl"),)),
    Case("alias-small-reuse-is-fine", P, "    keywords: [dispatch, route planning, inventory]\n",
         "    keywords: &kw [dispatch, route planning, inventory]\n  - name: Logistics\n    keywords: *kw\n",
         code=0),
]

# --- control characters and NUL -----------------------------------------------------------

CTRL = ("control", "character")
NUL = ("NUL", r"\bnull\b", "control", "character", "x00", "U\\+0000")

CONTROL_CASES = [
    Case("ctrl-raw-bel-profile", P, "  label: Operations Coordinator", "  label: Operations\x07Coordinator",
         (CTRL,), marker="\x07", column=True),
    Case("ctrl-raw-del-profile", P, "  label: Operations Coordinator", "  label: Operations\x7fCoordinator",
         (CTRL,), marker="\x7f", column=True),
    Case("ctrl-escaped-esc-name", P, "  name: Alex Rivera", '  name: "Alex\\x1b[31mRivera"', (CTRL,)),
    Case("ctrl-escaped-c1-summary", P, "  summary: Operations coordinator who keeps freight moving on time.",
         '  summary: "Operations \\x9b31m coordinator"', (CTRL,)),
    Case("nul-raw-profile", P, "  label: Operations Coordinator", b"  label: Operations\x00Coordinator",
         (NUL,), marker=b"\x00", column=True),
    Case("nul-escaped-profile", P, "  name: Alex Rivera", '  name: "Alex\\0Rivera"', (NUL,)),
    Case("nul-raw-target", T, "type: Full-time", b"type: Full\x00time", (NUL,), marker=b"\x00", column=True),
    Case("ctrl-escaped-bel-feedback", F, "      - text: We chose a candidate with more experience managing budgets.",
         '      - text: "We chose a candidate\\x07 with more experience."', (CTRL,)),
    Case("nul-raw-config", C, "output: out/", b"output: out\x00/", (NUL,), marker=b"\x00", column=True),
]

# --- long names (validate; the builds are below) ------------------------------------------

NAME_241 = ("Maria-Jose " * 30)[:240] + "Z"
NAME_5000 = ("Wolfeschlegelsteinhausenbergerdorff" * 200)[:5000]

LONG_CASES = [
    Case("name-5000-validates", P, "  name: Alex Rivera", f"  name: {NAME_5000}", code=0),
]

# --- keys of older JSON Resume versions: read as their new names, with a warning ----------

OLD = ("validate", "profile.yaml")

OLD_KEY_CASES = [
    Case("old-work-company", P, "  - name: Valley Freight Co.", "  - company: Valley Freight Co.",
         ("warning", r"read as\W+name\b"), argv=OLD, code=0),
    Case("old-basics-website", P, "  email: alex.rivera@example.com\n",
         "  email: alex.rivera@example.com\n  website: https://alex.example.com\n",
         ("warning", r"read as\W+url\b"), marker="  website:", argv=OLD, code=0),
    Case("old-basics-picture", P, "  email: alex.rivera@example.com\n",
         "  email: alex.rivera@example.com\n  picture: https://alex.example.com/me.jpg\n",
         ("warning", r"read as\W+image\b"), marker="  picture:", argv=OLD, code=0),
    Case("old-education-gpa", P, "    endDate: 2019-05\n", "    endDate: 2019-05\n    gpa: '3.8'\n",
         ("warning", r"read as\W+score\b"), marker="    gpa:", argv=OLD, code=0),
    Case("old-volunteer-website", P, "    position: Volunteer\n",
         "    position: Volunteer\n    website: https://foodbank.example.org\n",
         ("warning", r"read as\W+url\b"), marker="    website:", argv=OLD, code=0),
    Case("old-work-company-strict", P, "  - name: Valley Freight Co.", "  - company: Valley Freight Co.",
         (r"read as\W+name\b",), argv=("validate", "--strict", "profile.yaml")),
    Case("target-unknown-key", T, "type: Full-time\n", "type: Full-time\nsalery: 50000\n",
         ("warning", r"did you mean\W+salary\b"), marker="salery:", code=0),
]

# --- a flow list split by its commas: a hint to quote the text -----------------------------

QUOTE = ("quot",)

COMMA_CASES = [
    Case("comma-volunteer-highlight", P, "    highlights:\n      - Sorted donations every Saturday",
         "    highlights: [Taught 60,000+ students]", QUOTE, marker="    highlights: [Taught", argv=OLD, code=0),
    Case("comma-skill-keywords", P, "    keywords: [dispatch, route planning, inventory]",
         "    keywords: [dispatch, managed 10,000+ SKUs]", QUOTE, argv=OLD, code=0),
    Case("comma-feedback-extend", F, "        highlights:\n          - Took over the annual freight budget",
         "        highlights: [Took over the $250,000 freight budget]", QUOTE, marker="        highlights: [", code=0),
    Case("comma-target-qualifications", T, "qualifications:\n  - 3+ years in logistics or dispatch",
         "qualifications: [Managed budgets of $250,000 or more]", QUOTE, code=0),
]

# --- references: unknown areas, applications, entries ---------------------------------------

REFERENCE_CASES = [
    Case("emphasize-typo-project", T, "type: Full-time\n", "type: Full-time\nemphasize: [leadershp]\n",
         ("leadershp", r"did you mean\W+leadership"), marker="emphasize:"),
    Case("emphasize-typo-target-file", T, "type: Full-time\n", "type: Full-time\nemphasize: [leadershp]\n",
         ("leadershp", r"did you mean\W+leadership"), marker="emphasize:", argv=("validate", T)),
    Case("emphasize-typo-build", T, "type: Full-time\n", "type: Full-time\nemphasize: [leadershp]\n",
         ("leadershp",), marker="emphasize:", argv=("build", "--format", "docx")),
    Case("feedback-area-typo", F, "        areas: [experience]", "        areas: [comunication]",
         ("comunication", r"did you mean\W+communication")),
    Case("improvement-area-typo", F, "    addresses: [experience]", "    addresses: [techincal]",
         ("techincal", r"did you mean\W+technical")),
    Case("extend-match-unknown-file", F, "        match: Valley Freight Co.", "        match: Nonexistent Co.",
         ("Nonexistent",), argv=("validate", "feedback.yaml")),
    Case("extend-match-unknown-project", F, "        match: Valley Freight Co.", "        match: Nonexistent Co.",
         ("Nonexistent",)),
    Case("extend-match-unknown-build", F, "        match: Valley Freight Co.", "        match: Nonexistent Co.",
         ("Nonexistent",), argv=("build", "--format", "docx")),
    Case("extend-section-typo", F, "      - section: work", "      - section: wrok",
         ("wrok", (r"did you mean\W+work", r"'work'"))),
]

# --- the config's paths and theme ----------------------------------------------------------

BAD_FONT = {"mytheme/fonts/Bad.ttf": b"this is not a font\n" * 20}
TEXT_DOCX = {"mytheme/reference.docx": b"This is plain text, not a Word document.\n"}

CONFIG_CASES = [
    Case("theme-missing-validate", C, "theme: classic", "theme: nosuchtheme", ("nosuchtheme",)),
    Case("theme-bad-font-build", C, "theme: classic", "theme: mytheme", (r"Bad\.ttf",), create=BAD_FONT,
         argv=("build", "--format", "pdf")),
    Case("theme-bad-font-validate", C, "theme: classic", "theme: mytheme", (r"Bad\.ttf",), create=BAD_FONT),
    Case("theme-text-reference-docx-build", C, "theme: classic", "theme: mytheme", (r"reference\.docx",),
         create=TEXT_DOCX, argv=("build", "--format", "docx")),
    Case("theme-text-reference-docx-validate", C, "theme: classic", "theme: mytheme", (r"reference\.docx",),
         create=TEXT_DOCX),
    Case("targets-missing-validate", C, "targets: targets/", "targets: jobs/", (r"\bjobs\b",)),
    Case("profile-missing", C, "profile: profile.yaml", "profile: missing.yaml", (r"missing\.yaml",)),
    Case("feedback-missing", C, "feedback: feedback.yaml", "feedback: nofeedback/", ("nofeedback",)),
]

# --- dates in the future, !!str, and other shapes ------------------------------------------

MISC_CASES = [
    Case("rejected-in-future-project", F, "    rejected: 2025-09-29", "    rejected: 2099-05-01",
         ("warning", "future"), code=0),
    Case("rejected-in-future-file", F, "    rejected: 2025-09-29", "    rejected: 2099-05-01",
         ("warning", "future"), argv=("validate", "feedback.yaml"), code=0),
    Case("str-tag-on-key", P, "  name: Alex Rivera", "  !!str name: Alex Rivera", code=0),
    Case("str-tag-on-date", P, "    startDate: 2022-04", "    startDate: !!str 2022-04", code=0),
    Case("profile-top-level-list", P, None, "- basics: {name: Alex Rivera}\n", (("mapping", "object", "dict"),),
         marker="- basics"),
    Case("target-top-level-scalar", T, None, "Logistics Supervisor at Harbor Supply\n",
         (("mapping", "object", "dict"),), marker="Logistics"),
    Case("unclosed-quote-profile", P, "  label: Operations Coordinator", '  label: "Operations Coordinator',
         ("quot",), marker=""),
    Case("json-unclosed-profile", "profile.json", None, '{\n  "basics": {"name": "Alex Rivera"}\n',
         ((r"\}", "end", "expect", "clos"),), marker="", argv=("validate", "profile.json")),
]

ALL_CASES = (TAG_CASES + OTHER_TAG_CASES + DATE_CASES + NESTING_CASES + ENCODING_CASES + TAB_CASES
             + DUPLICATE_CASES + ALIAS_CASES + CONTROL_CASES + LONG_CASES + OLD_KEY_CASES + COMMA_CASES
             + REFERENCE_CASES + CONFIG_CASES + MISC_CASES)


@pytest.mark.parametrize("case", ALL_CASES, ids=[c.id for c in ALL_CASES])
def test_hostile_content(case: Case, tmp_path: Path) -> None:
    check_case(case, tmp_path)


# --- encodings of the whole file ------------------------------------------------------------


def test_utf8_bom_is_fine(tmp_path: Path) -> None:
    root = project(tmp_path)
    edit(root, P, None, b"\xef\xbb\xbf" + PROFILE.encode())
    done = run("validate", cwd=root)
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    mentions(done.stdout, r"\bok\b")


def test_utf16_with_bom(tmp_path: Path) -> None:
    """YAML allows UTF-16 with a BOM: either it is read, or it is refused with a located
    message that names the encoding. Never a traceback."""
    root = project(tmp_path)
    edit(root, P, None, PROFILE.encode("utf-16"))
    done = run("validate", cwd=root)
    no_traceback(done)
    if done.returncode == 0:
        mentions(done.stdout, r"\bok\b")
    else:
        text = refused(done, code=1)
        located_at(text, P, 1)
        mentions(text, ("UTF-16", "UTF-8", "encod"))


def test_utf16_without_bom(tmp_path: Path) -> None:
    root = project(tmp_path)
    edit(root, P, None, PROFILE.encode("utf-16-le"))
    text = refused(run("validate", cwd=root), code=1)
    located_at(text, P, 1)
    mentions(text, ("UTF-16", "UTF-8", "encod"))


# --- several problems, several files, one run ---------------------------------------------


def test_every_problem_of_one_file(tmp_path: Path) -> None:
    root = project(tmp_path)
    edit(root, P, "    startDate: 2022-04", "    startDate: 2020-02-30")
    edit(root, P, "  email: alex.rivera@example.com", "  email: [a, b]")
    data = edit(root, P, "    endDate: 2019-05", "    endDate: 2019-13")
    text = refused(run("validate", "profile.yaml", cwd=root), code=1)
    for marker in ("    startDate: 2020-02-30", "  email: [a, b]", "    endDate: 2019-13"):
        located_at(text, P, place(data, marker)[0])


def test_warning_and_error_reported_together(tmp_path: Path) -> None:
    root = project(tmp_path)
    edit(root, P, "    startDate: 2022-04", "    startDate: 2020-02-30")
    data = edit(root, P, "  - name: Valley Freight Co.", "  - company: Valley Freight Co.")
    text = refused(run("validate", "profile.yaml", cwd=root), code=1)
    located_at(text, P, place(data, "    startDate: 2020-02-30")[0])
    located_at(text, P, place(data, "  - company:")[0])
    mentions(text, r"read as\W+name\b")


def _break_three(root: Path) -> dict[str, int]:
    """An impossible date in each of profile, feedback and target: their lines."""
    lines = {}
    data = edit(root, P, "    startDate: 2022-04", "    startDate: 2020-02-30")
    lines[P] = place(data, "    startDate: 2020-02-30")[0]
    data = edit(root, F, "        areas: [experience]", "        areas: [comunication]")
    lines[F] = place(data, "        areas: [comunication]")[0]
    data = edit(root, T, "date: 2025-11-20", "date: 2025-13")
    lines[T] = place(data, "date: 2025-13")[0]
    return lines


@pytest.mark.parametrize("argv", [
    ("validate",),
    ("validate", P, F, T),
    ("build", "--format", "docx"),
], ids=["validate-project", "validate-files", "build"])
def test_several_broken_files_in_one_run(argv: tuple[str, ...], tmp_path: Path) -> None:
    root = project(tmp_path)
    lines = _break_three(root)
    text = refused(run(*argv, cwd=root), code=1)
    for name, line in lines.items():
        located_at(text, name, line)


def test_syntax_error_does_not_hide_other_files(tmp_path: Path) -> None:
    root = project(tmp_path)
    data = edit(root, P, "  label: Operations Coordinator", "\tlabel: Operations Coordinator")
    pline = place(data, "\tlabel")[0]
    data = edit(root, T, "date: 2025-11-20", "date: 2025-02-30")
    tline = place(data, "date: 2025-02-30")[0]
    text = refused(run("validate", cwd=root), code=1)
    located_at(text, P, pline)
    located_at(text, T, tline)


def test_two_broken_targets_both_reported(tmp_path: Path) -> None:
    root = project(tmp_path)
    data = edit(root, T, "date: 2025-11-20", "date: 2025-02-30")
    line = place(data, "date: 2025-02-30")[0]
    (root / "targets" / "second-job.yaml").write_text(TARGET.replace("date: 2025-11-20", "date: 2025-13"),
                                                      encoding="utf-8")
    text = refused(run("validate", cwd=root), code=1)
    located_at(text, T, line)
    located_at(text, "targets/second-job.yaml", 4)


def test_no_quote_hint_for_plain_lists(tmp_path: Path) -> None:
    root = project(tmp_path)
    edit(root, P, "    keywords: [dispatch, route planning, inventory]",
         "    keywords: [Excel 2019, SQL, 3D modeling, 24/7 dispatch]")
    done = run("validate", cwd=root)
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    assert "quot" not in (done.stderr + done.stdout).casefold(), done.stderr


# --- the config's date on the quick (up-to-date) path -------------------------------------


@pytest.mark.parametrize("bad", ["2026-02-30", "2026-13"])
def test_config_date_on_the_quick_path(bad: str, tmp_path: Path) -> None:
    root = project(tmp_path)
    first = run("build", "--format", "docx", cwd=root)
    no_traceback(first)
    assert first.returncode == 0, first.stderr
    before = fingerprint(root / "out")
    assert before
    data = edit(root, C, "date: 2026-01-15", f"date: {bad}")
    text = refused(run("build", "--format", "docx", cwd=root), code=1)
    located_at(text, C, place(data, f"date: {bad}")[0])
    mentions(text, r"\bdate\b")
    assert fingerprint(root / "out") == before  # the failed build left the documents alone


# --- long names and a 1 MB word build -----------------------------------------------------


def _outputs(root: Path, suffix: str) -> list[Path]:
    return sorted((root / "out").rglob(f"*{suffix}"))


def _valid_pdfs(root: Path) -> None:
    from pypdf import PdfReader

    pdfs = _outputs(root, ".pdf")
    assert pdfs, "no PDF was written"
    for pdf in pdfs:
        reader = PdfReader(pdf)
        assert len(reader.pages) >= 1
        assert reader.pages[0].extract_text().strip(), pdf


def _valid_docx(root: Path) -> None:
    import docx

    files = _outputs(root, ".docx")
    assert files, "no DOCX was written"
    for file in files:
        document = docx.Document(str(file))
        assert any(p.text.strip() for p in document.paragraphs), file


def test_241_character_name_builds(tmp_path: Path) -> None:
    root = project(tmp_path)
    edit(root, P, "  name: Alex Rivera", f"  name: {NAME_241}")
    done = run("build", "--format", "docx", cwd=root)
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    _valid_docx(root)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_5000_character_name_builds(fmt: str, tmp_path: Path) -> None:
    root = project(tmp_path)
    edit(root, P, "  name: Alex Rivera", f"  name: {NAME_5000}")
    done = run("build", "--format", fmt, cwd=root)
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    (_valid_pdfs if fmt == "pdf" else _valid_docx)(root)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_megabyte_word_in_a_highlight_is_refused_at_its_line(fmt: str, tmp_path: Path) -> None:
    # The contract lists "a 1 MB word" among the bad values: no page holds it, and laid
    # out it runs to ~200 pages and ~20 s. A word over 10,000 characters is refused.
    root = project(tmp_path)
    word = ("Dispatchplanning" * 70_000)[:1_000_000]
    data = edit(root, P, "      - Scheduled daily deliveries across 18 drivers", f"      - {word}")
    before = fingerprint(root)
    text = refused(run("build", "--format", fmt, cwd=root), code=1, mentions=("word", "1,000,000"))
    located_at(text, P, place(data, f"      - {word[:20]}")[0])
    assert fingerprint(root) == before, "a refused build writes nothing"


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_long_word_that_a_page_can_hold_builds(fmt: str, tmp_path: Path) -> None:
    root = project(tmp_path)
    word = ("Dispatchplanning" * 700)[:9_000]
    edit(root, P, "      - Scheduled daily deliveries across 18 drivers", f"      - {word}")
    done = run("build", "--format", fmt, cwd=root)
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    (_valid_pdfs if fmt == "pdf" else _valid_docx)(root)


def test_base_project_is_valid(tmp_path: Path) -> None:
    """The control: the unedited project validates, so every refusal above is the edit's."""
    done = run("validate", cwd=project(tmp_path))
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    mentions(done.stdout, r"\bok\b")
