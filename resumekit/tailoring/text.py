"""Text normalisation, tokenising and stemming that keep terms like C++, C#, .NET and CI/CD."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import snowballstemmer

from ..models.markup import plain

# A token: letters/digits, optionally joined by . / & - or ending in + or # (C++, C#,
# Node.js, CI/CD, P&L, A/B); a leading dot is kept when a word starts with it (.NET).
TOKEN = re.compile(r"(?<![\w.])\.?[^\W_]+(?:[+#]+(?![^\W_]))?(?:[./&][^\W_]+[+#]*)*")

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")
_QUOTES = {ord("\u2018"): "'", ord("\u2019"): "'", ord("\u201c"): '"', ord("\u201d"): '"'}

STOPWORDS = frozenset("""
a about above across after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each either
etc every few for from further had has have having he her here hers him his how i if in into
is it its itself just least less let like made make many may me more most must my no nor not
now of off on once one only or other our ours out over own per plus same she should so some
such than that the their theirs them then there these they this those through to too under
until up upon us use used using very via was we were what when where which while who whom
why will with within without would yet you your yours able ability across ideally new
including strong excellent good great proven solid preferred required requirements etc
role roles team teams work working experience years year skills skill knowledge familiarity
understanding responsibilities qualifications candidate candidates job position company
join help ensure support day days well based related relevant equivalent minimum least
e.g i.e and/or vs u.s a.m p.m
""".split())


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """The text a reader sees (no inline Markdown), NFKC (which also splits ligatures such
    as 'ﬁ'), plain dashes and quotes, single spaces."""
    text = unicodedata.normalize("NFKC", plain(text)).translate(_DASHES).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def tokens(text: str) -> list[str]:
    """The words of ``text``, symbols that belong to them kept (C++, .NET, CI/CD)."""
    return TOKEN.findall(normalise(text))


_ENGLISH = snowballstemmer.stemmer("english")

_SPECIAL = {"led": "lead", "leader": "lead", "leaders": "lead", "taught": "teach", "teacher": "teach",
            "teachers": "teach", "built": "build", "ran": "run", "wrote": "write", "written": "write",
            "spoke": "speak", "sold": "sell", "sales": "sell", "selling": "sell", "brought": "bring",
            "children": "child", "people": "person", "data": "data"}
"""Irregular forms Snowball leaves apart ("led" is the past of "lead"), and words it would
overreach on ("data" is no plural of "datum" in a job ad)."""

_BRITISH = ((re.compile(r"(?<=[a-z]{3})our(s|ed|ing|al|ally|ite|ites|able|er|ers)?$"), r"or\1"),
            (re.compile(r"(?<=[a-z]{2})tre(s|d)?$"), r"ter\1"),
            (re.compile(r"(?<=[a-z]{3})ogue(s|d)?$"), r"og\1"),
            (re.compile(r"^practis(e|es|ed|ing)$"), r"practic\1"),
            (re.compile(r"^(def|off)enc(e|es)$"), r"\1ens\2"),
            (re.compile(r"^programme(s|d)?$"), r"program\1"),
            (re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"))
"""British spellings, read as American ones, on both sides alike, in this order:
behaviour, centre, catalogue, practise (the verb), defence, programme, and -ise as -ize
("organised" meets "organized")."""


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of ``word``, lowercased, with a few special cases.

    Both sides of every comparison (the job's text and the profile's) are stemmed by
    this one function, so "negotiate" meets "negotiation" and "educated patients" meets
    "patient education". Words with digits or symbols (C++, S3, CI/CD) stay as written.
    """
    word = word.lower()
    if not word.isalpha() or len(word) <= 2:
        return word
    special = _SPECIAL.get(word)
    if special:
        return special
    if word.startswith("analy"):
        return "analy"  # analyst, analytics, analysis, analyse: one skill, and Snowball gives four stems
    if word.startswith("licen"):
        word = "licens" + word[6:]  # licence, license
    for pattern, american in _BRITISH:
        word = pattern.sub(american, word)
    return _ENGLISH.stemWord(word)


def stems(text: str) -> tuple[str, ...]:
    """The stems of ``text``'s tokens."""
    return tuple(stem(t) for t in tokens(text))


@lru_cache(maxsize=8192)
def phrase_pattern(phrase: str, case_sensitive: bool = False) -> re.Pattern[str]:
    """A regex finding ``phrase`` as whole words (symbols included) in normalised text."""
    body = r"\s+".join(re.escape(part) for part in normalise(phrase).split(" "))
    flags = 0 if case_sensitive else re.IGNORECASE
    if len(normalise(phrase)) == 1:
        # A one-letter language (C, R) is not the letter of C-suite, C-level or R&D.
        return re.compile(r"(?<![^\W_]|[+#&'-])" + body + r"(?![^\W_]|[+#&'-]|\.[^\W_])", flags)
    return re.compile(r"(?<![^\W_]|[+#])" + body + r"(?![^\W_]|[+#]|\.[^\W_])", flags)


BROAD_STEMS = frozenset({"account", "market", "bill", "bank", "engin", "staff", "program", "network",
                         "hous", "fund", "build", "sell", "serv", "cater", "secur", "lead", "manag", "develop",
                         "accredit"})
"""Stems that a one-word term must not be found by: "accounts" is no "Accounting",
"engine" no "Engineering", "securities" no "Security"; such terms match as written."""


def stem_key(form: str, case_sensitive: bool = False,
             known: Mapping[str, str] | None = None) -> tuple[str, ...] | None:
    """The stems a term's form is found by in another form, or ``None`` when it must match
    as written: a case-sensitive word (Go, Excel), a word with symbols (C++), or a
    one-word term with too broad a stem. ``known`` holds stems worked out ahead, by
    lowercased word (:func:`stem`'s own answers, saved)."""
    if case_sensitive:
        return None
    words = tokens(form)
    if not words or not all(w.isalpha() for w in words):
        return None
    key = tuple((known or {}).get(w.lower()) or stem(w) for w in words)
    if len(key) == 1 and (key[0] in BROAD_STEMS or len(key[0]) < 3 or words[0].casefold() in STOPWORDS):
        return None
    return key


COMMON_FILE = Path(__file__).with_name("common_words.txt")


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    lines = COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def common(word: str) -> bool:
    """Whether ``word`` is ordinary English (one of the ~13,000 most frequent words)."""
    return word.casefold() in _common()


_PERSON = re.compile(r"(?<=[a-z]{3})(er|ers|or|ors|ist|ists|ian|ians|ee|ees)$")
_FAMILIES = (("ing", re.compile(r"ings?$")), ("ion", re.compile(r"(ions?|ates?|ated|ating|izes?|ized|izing)$")),
             ("ity", re.compile(r"(ity|ities)$")), ("ment", re.compile(r"ments?$")),
             ("ance", re.compile(r"(ances?|ences?)$")))


def _family(word: str) -> str:
    word = word.casefold()
    found = next((name for name, pattern in _FAMILIES if pattern.search(word)), "base")
    return "ed" if found == "base" and word.endswith("ed") else found


_AKIN = {frozenset(pair) for pair in (("ing", "ion"), ("ing", "ed"), ("ion", "ed"), ("base", "ed"), ("base", "ing"))}
"""Kinds of word that say the same act: "negotiating" and "negotiation", "mentored" and
"mentoring", "planned" and "plan", "mentor" and "mentoring"; a noun in -ity or -ment is none
of these, and a plural is a thing, not an act ("sources" is no Sourcing)."""


def same_sense(written: str, form: str) -> bool:
    """Whether a word written in a text stands for a term's word of the same stem.

    A person is not their work ("product managers" is not Product Management, "case
    managers" no Case Management).
    """
    written, form = written.casefold(), form.casefold()
    if written == form:
        return True
    if _PERSON.search(written) and not _PERSON.search(form) and stem(written) != written:
        return False
    return True


def same_word_sense(written: str, form: str) -> bool:
    """:func:`same_sense`, and the same kind of word: "negotiated" is Negotiation,
    "mentored" Mentoring and "budgets" Budget, but "hospital" is no Hospitality, "sources"
    no Sourcing, "observations" no Observability, "successfully" no Succession."""
    if not same_sense(written, form):
        return False
    if written.casefold().startswith("analyst") and not form.casefold().startswith("analyst"):
        return False  # "analysts" alone did no Analytics; a "data analyst" did Data Analysis
    a, b = _family(written), _family(form)
    if {a, b} == {"base", "ing"} and (written.endswith("s") and not written.endswith("ss")):
        return False
    return a == b or frozenset((a, b)) in _AKIN


def senses_agree(written: list[str], form: list[str]) -> bool:
    """Whether words written in a text stand for a term's words, aligned by stem."""
    by_stem = {stem(w): w for w in form}
    check = same_word_sense if len(form) == 1 else same_sense
    return all(check(w, by_stem.get(stem(w), w)) for w in written)
