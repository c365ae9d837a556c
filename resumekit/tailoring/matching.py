"""Finding a job's terms in a piece of the profile: exact, then alias, then stem, then fuzzy."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .terms import JobTerm
from .text import normalise, phrase_pattern, same_sense, same_word_sense, stem_key, stems, tokens

EXACT, ALIAS, STEM, PHRASE, FUZZY, TAG = "exact", "alias", "stem", "phrase", "fuzzy", "tag"
KIND_FACTOR = {EXACT: 1.0, ALIAS: 1.0, STEM: 0.8, PHRASE: 0.7, FUZZY: 0.6, TAG: 0.8}
PHRASE_GAP = 2
"""How many other words may stand between a term's words in a phrase match ("educated
patients and families" shows Patient Education)."""
FUZZY_MIN_CHARS = 5
FUZZY_SCORE = 88.0


@dataclass(frozen=True)
class Hit:
    """A job term found in a text, how, and as which words."""

    term: str
    kind: str
    form: str


def _ratio(a: str, b: str) -> float:
    from rapidfuzz import fuzz  # imported when first needed: most terms match exactly

    return float(fuzz.ratio(a, b))


class _Compiled:
    def __init__(self, term: JobTerm) -> None:
        self.term = term
        exact = term.case_sensitive or (term.name.isupper() and len(term.name) <= 4)
        self.name = phrase_pattern(term.name, case_sensitive=exact)
        self.aliases = [(a, phrase_pattern(a, case_sensitive=a.isupper() and len(a) <= 4 or term.case_sensitive))
                        for a in term.aliases]
        # A case-sensitive term (Go, Epic, Excel, C) is also an English word or a letter in
        # lower case: its stem would find "go", "epic", "excel at" and "C-suite".
        self.stems = stem_key(term.name, term.case_sensitive) or ()
        self.words_of_name = [w.casefold() for w in tokens(term.name)]
        self.words = len(tokens(term.name))
        self.folded = normalise(term.name).casefold()
        self.fuzzy = (len(self.folded) >= FUZZY_MIN_CHARS and self.folded.replace(" ", "").isalpha()
                      and not exact)


def _positions(haystack: tuple[str, ...], needle: tuple[str, ...]) -> list[int]:
    n = len(needle)
    return [i for i in range(len(haystack) - n + 1) if n > 0 and haystack[i:i + n] == needle]


def _phrase(c: _Compiled, text: str, text_stems: tuple[str, ...], words: list[str]) -> str | None:
    """The words of ``text`` that hold every stem of a multi-word term, in any order, close
    together within one phrase (no comma or full stop between them)."""
    want = set(c.stems)
    if len(want) < 2:
        return None
    span = len(c.stems) + PHRASE_GAP
    for i, first in enumerate(text_stems):
        if first not in want:
            continue
        window = text_stems[i:i + span]
        if want <= set(window):
            end = i + max(window.index(s) for s in want)
            chosen = words[i:end + 1]
            if not re.search(r"[,;:.()]", " ".join(chosen)) and all(
                    same_sense(w, c.words_of_name[c.stems.index(stem)]) for w, stem in
                    zip(chosen, text_stems[i:end + 1]) if stem in want):
                return " ".join(chosen)
    return None


class Matcher:
    """Finds a job's terms in texts, reporting the first kind of match that works."""

    def __init__(self, terms: list[JobTerm]) -> None:
        self.compiled = [_Compiled(t) for t in terms]
        self._seen: dict[str, dict[str, Hit]] = {}  # a text's matches, asked again for its tags and scores

    def hits(self, text: str, tags: frozenset[str] = frozenset()) -> list[Hit]:
        """Every job term found in ``text`` (or named by one of its ``tags``), each once.

        A tag the person gave ("leadership") counts as showing the term of that name:
        it is their own word for what the text shows, so nothing is claimed that they
        did not write down.
        """
        text = normalise(text)
        folded_tags = {t.casefold(): t for t in tags}
        tagged = {c.term.name: Hit(c.term.name, TAG, folded_tags[c.folded]) for c in self.compiled
                  if c.folded in folded_tags}
        if not text:
            return list(tagged.values())
        found = self._seen.get(text)
        if found is None:
            text_stems = stems(text)
            words = [w.casefold() for w in tokens(text)]
            found = {}
            for c in self.compiled:
                hit = self._match(c, text, text_stems, words)
                if hit:
                    found[c.term.name] = hit
            self._seen[text] = found
        return [hit for c in self.compiled if (hit := found.get(c.term.name) or tagged.get(c.term.name))]

    @staticmethod
    def _match(c: _Compiled, text: str, text_stems: tuple[str, ...], words: list[str]) -> Hit | None:
        m = c.name.search(text)
        if m:
            return Hit(c.term.name, EXACT, m.group(0))
        for alias, pattern in c.aliases:
            m = pattern.search(text)
            if m:
                return Hit(c.term.name, ALIAS, m.group(0))
        check = same_word_sense if len(c.stems) == 1 else same_sense
        for i in _positions(text_stems, c.stems) if c.stems else ():
            written = words[i:i + len(c.stems)]
            if all(check(w, f) for w, f in zip(written, c.words_of_name)):
                return Hit(c.term.name, STEM, " ".join(written))
        if c.stems and len(c.stems) >= 2:
            phrase = _phrase(c, text, text_stems, words)
            if phrase:
                return Hit(c.term.name, PHRASE, phrase)
        if c.fuzzy:
            n = c.words
            for i in range(len(words) - n + 1):
                window = " ".join(words[i:i + n])
                # A typo keeps the first letter; "readership" is no misspelt "leadership".
                if abs(len(window) - len(c.folded)) <= 2 and window[:1] == c.folded[:1] \
                        and len(window) >= FUZZY_MIN_CHARS and _ratio(window, c.folded) >= FUZZY_SCORE:
                    return Hit(c.term.name, FUZZY, window)
        return None
