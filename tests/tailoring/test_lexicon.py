"""The bundled term list (terms.yaml) and the lexicon read from it: its shape, no clashes, every form found."""

from __future__ import annotations

import pytest
import yaml

from resumekit.tailoring.lexicon import bundled

from ..tailoring_fixtures import TERMS_FILE


@pytest.fixture(scope="module")
def term_list() -> dict:
    return yaml.safe_load(TERMS_FILE.read_text(encoding="utf-8"))


def _items(term_list):
    for domain, items in term_list["domains"].items():
        for item in items:
            yield domain, item


def _forms(item) -> list[str]:
    if isinstance(item, str):
        return [item]
    return [item["term"], *(item.get("aliases") or [])]


def test_term_list_has_its_structure(term_list):
    assert set(term_list) == {"version", "domains"}
    assert term_list["version"] == 1
    assert isinstance(term_list["domains"], dict)
    for domain, item in _items(term_list):
        if isinstance(item, str):
            assert item.strip() == item and item, (domain, item)
            continue
        assert isinstance(item, dict), (domain, item)
        assert set(item) <= {"term", "aliases", "case_sensitive"} and "term" in item, (domain, item)
        assert isinstance(item["term"], str) and item["term"].strip() == item["term"] and item["term"]
        assert isinstance(item.get("aliases", []), list), (domain, item)
        assert all(isinstance(a, str) and a.strip() == a and a for a in item.get("aliases", [])), (domain, item)
        assert isinstance(item.get("case_sensitive", False), bool), (domain, item)


def test_no_term_or_alias_appears_twice(term_list):
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for domain, item in _items(term_list):
        for form in _forms(item):
            key = form.casefold()
            if key in seen:
                clashes.append((form, seen[key], (domain, _forms(item)[0])))
            seen[key] = (domain, _forms(item)[0])
    assert not clashes


@pytest.mark.parametrize("domain", ["software", "data", "healthcare", "sales", "education", "finance",
                                    "operations", "marketing", "hr", "customer_service", "general"])
def test_each_domain_has_terms(term_list, domain):
    assert len(term_list["domains"][domain]) >= 20


def test_every_term_and_alias_is_found_as_itself():
    lexicon = bundled()
    wrong = []
    for term in lexicon.terms:
        for form in (term.name, *term.aliases):
            # a one-letter language (C, R) is named so only where the text speaks of programming
            hits = lexicon.find(f"We want {form} programming here." if len(form) == 1 else f"We want {form} here.")
            if not any(hit[0] is term for hit in hits):
                wrong.append((term.name, form, [h[0].name for h in hits]))
    assert not wrong


def test_the_lexicon_loads_every_item(term_list):
    assert len(bundled().terms) == sum(1 for _ in _items(term_list))


def test_an_alias_names_its_canonical_term():
    lexicon = bundled()
    assert lexicon.canonical("ECMAScript").name == "JavaScript"
    assert lexicon.canonical("ecmascript").name == "JavaScript"
    assert lexicon.canonical("Excel").name == "Microsoft Excel"
    assert lexicon.canonical("no such term anywhere") is None


def test_a_longer_term_is_found_whole_not_as_the_shorter_term_inside_it():
    found = [(term.name, written, span) for term, written, span in bundled().find("We run SQL Server.")]
    assert found == [("Microsoft SQL Server", "SQL Server", (7, 17))]


def test_the_shipped_stems_are_those_of_the_term_list(request):
    """terms.stems.json saves the stemming of the term list at start-up; it must say what
    stem() says, for this terms.yaml (``--update-reference`` writes it anew)."""
    import json

    from resumekit.tailoring.lexicon import STEMS_FILE, TERMS_FILE, stems_of

    expected = stems_of(TERMS_FILE.read_text(encoding="utf-8"))
    if request.config.getoption("--update-reference"):
        STEMS_FILE.write_text(json.dumps(expected, indent=0, sort_keys=True, ensure_ascii=False) + "\n",
                              encoding="utf-8")
    assert json.loads(STEMS_FILE.read_text(encoding="utf-8")) == expected, \
        "terms.yaml changed: run pytest tests/tailoring/test_lexicon.py --update-reference and commit"


def test_stems_worked_out_ahead_give_the_same_lexicon_and_a_stale_file_is_not_used(monkeypatch, tmp_path):
    from resumekit.tailoring import lexicon

    text = lexicon.TERMS_FILE.read_text(encoding="utf-8")
    ahead = lexicon.Lexicon(lexicon._terms(text), lexicon._known_stems(text))
    afresh = lexicon.Lexicon(lexicon._terms(text))
    assert ahead._by_stems == afresh._by_stems and ahead._by_pair == afresh._by_pair
    assert lexicon._known_stems(text + "\n# edited\n") is None
    monkeypatch.setattr(lexicon, "STEMS_FILE", tmp_path / "missing.json")
    assert lexicon._known_stems(text) is None
