"""Text normalisation, tokenising and stemming that keep terms like C++, C#, .NET and CI/CD."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
    """NFKC (which also splits ligatures such as 'ﬁ'), plain dashes and quotes, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def tokens(text: str) -> list[str]:
    """The words of ``text``, symbols that belong to them kept (C++, .NET, CI/CD)."""
    return TOKEN.findall(normalise(text))


_SUFFIXES = ("ational", "ization", "ations", "ation", "ments", "ment", "ings", "ing", "ies",
             "ied", "ers", "er", "ed", "es", "s")
_ROOTS = (("ytical", "y"), ("ytics", "y"), ("yzing", "y"), ("ysing", "y"), ("yzed", "y"),
          ("ysed", "y"), ("ysis", "y"), ("ysts", "y"), ("yzes", "y"), ("yses", "y"), ("yst", "y"),
          ("yze", "y"), ("yse", "y"))


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A light, deterministic stem: lowercase, common English suffixes off."""
    word = word.lower()
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix, root in _ROOTS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + root
    if word.endswith("ss"):
        return word  # process, business, assess: the s is no plural
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            return base + "y" if suffix in {"ies", "ied"} else base.rstrip("e")
    return word.rstrip("e") if len(word) > 4 else word


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
