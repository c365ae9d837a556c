"""resumekit.tailoring.text: normalising, tokenising and stemming job and profile text."""

from __future__ import annotations

import pytest

from resumekit.tailoring.text import normalise, phrase_pattern, stem, stems, tokens


@pytest.mark.parametrize("word", ["C++", "C#", ".NET", "Node.js", "CI/CD", "A/B", "P&L", "ASP.NET"])
def test_tokens_keep_the_symbols_that_belong_to_a_term(word):
    assert word in tokens(f"We use {word}, daily.")


def test_tokens_drop_punctuation_that_does_not_belong_to_a_word():
    assert tokens("SQL, Python; (dbt) and Looker.") == ["SQL", "Python", "dbt", "and", "Looker"]


def test_a_sentence_full_stop_is_not_part_of_the_word_before_it():
    assert tokens("Expert in Node.js. Also C#.") == ["Expert", "in", "Node.js", "Also", "C#"]


@pytest.mark.parametrize("raw, plain", [
    ("\ufb01nance", "finance"),                    # the fi ligature
    ("\ufb02ow", "flow"),                          # the fl ligature
    ("ｄｂｔ", "dbt"),                               # full-width letters
    ("data\u2013driven", "data-driven"),           # en dash
    ("\u201cquoted\u201d \u2018too\u2019", "\"quoted\" 'too'"),
    ("  many \t spaces\n here ", "many spaces here"),
])
def test_normalise_applies_nfkc_plain_dashes_quotes_and_single_spaces(raw, plain):
    assert normalise(raw) == plain


def test_tokens_see_through_ligatures():
    assert tokens("\ufb01nance and \ufb01nancial reporting") == ["finance", "and", "financial", "reporting"]


@pytest.mark.parametrize("forms", [
    ("analyst", "analysts", "analysis", "analyses", "analytics", "analytical", "analyze", "analyzes",
     "analyzed", "analysing"),
    ("train", "trained", "training", "trains"),
    ("mentor", "mentored", "mentoring"),
    ("precept", "precepted", "precepting"),
    ("nurse", "nurses", "nursing"),
    ("process", "processes", "processing"),
    ("business", "businesses"),
    ("assess", "assessed", "assessment"),
    ("class", "classes"),
])
def test_stem_brings_forms_of_a_word_together(forms):
    assert len({stem(f) for f in forms}) == 1, {f: stem(f) for f in forms}


@pytest.mark.parametrize("a, b", [("nurse", "nursery"), ("care", "career"), ("test", "testament")])
def test_stem_keeps_different_words_apart(a, b):
    assert stem(a) != stem(b)


def test_stem_lowercases_and_leaves_symbols_and_short_words_alone():
    assert stem("SQL") == "sql"
    assert stem("C++") == "c++"
    assert stem("data") == "data"
    assert stems("Trained Nurses") == ("train", "nurs")


def test_stem_is_the_same_in_every_call():
    words = ["leadership", "dashboards", "statistics", "experiments", "coordinated"]
    assert [stem(w) for w in words] == [stem(w) for w in reversed(words)][::-1]


@pytest.mark.parametrize("phrase, text, found", [
    ("Java", "Java and Spring", True),
    ("Java", "JavaScript only", False),
    ("SQL", "T-SQL", True),                 # a hyphen joins no word: T-SQL mentions SQL
    ("C", "C and C++", True),
    ("C", "C++ only", False),
    ("C", "C# only", False),
    ("C", "presented to the C-suite", False),
    ("C", "C-level executives", False),
    ("R", "funded R&D", False),
    ("R", "R, Python and SQL", True),
    (".NET", "ASP.NET MVC", False),
    (".NET", "C# and .NET Core", True),
    ("Node.js", "Node.js services", True),
    ("Node.js", "Node services", False),
    ("CI/CD", "our CI/CD pipeline", True),
    ("CI/CD", "CI only", False),
    ("project management", "strong Project   Management skills", True),
])
def test_phrase_pattern_finds_whole_terms_only(phrase, text, found):
    assert bool(phrase_pattern(phrase).search(normalise(text))) is found


def test_phrase_pattern_can_be_case_sensitive():
    assert phrase_pattern("Epic", case_sensitive=True).search("Epic EHR")
    assert not phrase_pattern("Epic", case_sensitive=True).search("an epic journey")
    assert phrase_pattern("Epic").search("an epic journey")


def test_words_with_accents_stay_whole():
    assert tokens("Führung, naïve résumé") == ["Führung", "naïve", "résumé"]


@pytest.mark.parametrize("written, form, same", [
    ("negotiated", "negotiation", True), ("mentor", "mentoring", True), ("mentored", "mentoring", True),
    ("train", "training", True), ("budgets", "budget", True),
    ("hospital", "hospitality", False), ("sources", "sourcing", False), ("observations", "observability", False),
    ("successfully", "succession", False), ("analysts", "analytics", False), ("managers", "management", False),
])
def test_a_word_stands_for_a_term_of_its_stem_only_in_the_same_sense(written, form, same):
    from resumekit.tailoring.text import same_word_sense

    assert stem(written) == stem(form) or written == "analysts"
    assert same_word_sense(written, form) is same


@pytest.mark.parametrize("british, american", [
    ("behaviour", "behavior"), ("colours", "colors"), ("centre", "center"), ("catalogue", "catalog"),
    ("practising", "practicing"), ("defence", "defense"), ("programme", "program"), ("labour", "labor"),
])
def test_british_spellings_meet_american_ones(british, american):
    assert stem(british) == stem(american)


@pytest.mark.parametrize("word", ["hour", "four", "your", "tour", "genre"])
def test_short_words_that_look_british_keep_their_stem(word):
    import snowballstemmer

    assert stem(word) == snowballstemmer.stemmer("english").stemWord(word)
