"""How well tailoring reads jobs and feedback, measured on the labelled sets in tests/evaluation/.

    python tests/evaluate.py            # every set: terms, areas, ranking
    python tests/evaluate.py --details  # and what each posting missed or found wrongly

The labels were written by hand, before the tool was run on them:

- ``postings/`` (the development set) and ``holdout/`` (never looked at while tuning): a
  job posting as pasted (``NAME.txt``) and a recruiter's screening list
  (``NAME.labels.yaml``: ``terms`` with ``name``, ``kind`` and ``also``, other ways it is
  written). Job terms are scored by precision (how many of the terms found are on the
  list) and recall (how many of the list's terms are found).
- ``feedback.yaml`` and ``feedback-holdout.yaml``: rejection feedback with the ``areas`` it
  raises as concerns and the ones it ``praised``. Areas are scored by micro-averaged
  precision, recall and F1 over (text, area) pairs; "praise read as a concern" counts
  texts given an area they only praise, "no concern given an area" texts labelled with no
  area that get one.
- ``ranking/``: a profile, a target, and a grade (0 to 3) for every highlight. The
  highlights, ranked by tailoring's score, are scored by NDCG@5.

A term found matches a listed one when their content words have the same stems (in any
order), or one's stems contain the other's ("BLS" matches "BLS certification").
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).parent / "evaluation"
sys.path.insert(0, str(Path(__file__).parent.parent))

from resumekit.loading import load_profile  # noqa: E402
from resumekit.models.areas import Taxonomy  # noqa: E402
from resumekit.models.target import Target  # noqa: E402
from resumekit.tailoring.selection import tailor  # noqa: E402
from resumekit.tailoring.terms import read_job  # noqa: E402
from resumekit.tailoring.text import STOPWORDS, stem, tokens  # noqa: E402

GENERIC = frozenset(stem(w) for w in ("degree", "certification", "certificate", "licence", "license", "experience",
                                      "skills", "knowledge", "management", "proficiency", "tools", "software",
                                      "systems", "bachelor", "s"))
"""Words too general to make a match on their own ("certification" is not "BLS certification")."""


def _key(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in tokens(str(text).replace("'s", "")) if w.casefold() not in STOPWORDS)


def same_term(found: list[str], listed: list[str]) -> bool:
    """Whether a found term (any of its forms) is the listed one (any of its forms)."""
    for a in map(_key, found):
        for b in map(_key, listed):
            if not a or not b:
                continue
            if a == b:
                return True
            small, large = (a, b) if len(a) <= len(b) else (b, a)
            if small <= large and small - GENERIC:
                return True
    return False


@dataclass
class Scores:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def posting_target(path: Path) -> Target:
    labels = yaml.safe_load(path.with_suffix(".labels.yaml").read_text(encoding="utf-8"))
    target = Target.model_validate({"title": labels.get("title"), "company": labels.get("company")})
    target.posting_text = path.read_text(encoding="utf-8")
    return target


def term_scores(folder: Path, details: bool = False) -> Scores:
    """Micro-averaged precision and recall of job terms over every posting in ``folder``."""
    found_right = found_all = listed_found = listed_all = 0
    for path in sorted(folder.glob("*.txt")):
        labels = yaml.safe_load(path.with_suffix(".labels.yaml").read_text(encoding="utf-8"))
        listed = [[t["name"], *(t.get("also") or [])] for t in labels["terms"]]
        found = [[t.name, *t.written] for t in read_job(posting_target(path)).terms]
        wrong = [f[0] for f in found if not any(same_term(f, item) for item in listed)]
        missed = [item[0] for item in listed if not any(same_term(f, item) for f in found)]
        found_right += len(found) - len(wrong)
        found_all += len(found)
        listed_found += len(listed) - len(missed)
        listed_all += len(listed)
        if details:
            print(f"  {path.stem}: found {len(found)}, listed {len(listed)}")
            print(f"    not on the list: {wrong}")
            print(f"    missed: {missed}")
    return Scores(found_right / found_all if found_all else 0.0, listed_found / listed_all if listed_all else 0.0)


@dataclass
class AreaScores(Scores):
    praise_as_concern: int
    none_given_area: int
    texts: int


def area_scores(path: Path, details: bool = False) -> AreaScores:
    """Micro-averaged precision and recall of inferred areas over the texts of ``path``."""
    taxonomy = Taxonomy()
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    right = given = labelled = praise = none = 0
    for item in items:
        truth = set(item.get("areas") or [])
        praised = set(item.get("praised") or [])
        found = {m.area for m in taxonomy.infer(item["text"])}
        right += len(found & truth)
        given += len(found)
        labelled += len(truth)
        if found & (praised - truth):
            praise += 1
        if not truth and found:
            none += 1
        if details and found != truth:
            print(f"  {sorted(found)} for {sorted(truth)}: {item['text'][:150]}")
    return AreaScores(right / given if given else 0.0, right / labelled if labelled else 0.0, praise, none,
                      len(items))


def _dcg(grades: list[int]) -> float:
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def ranking_score(folder: Path, k: int = 5) -> float:
    """NDCG@k of the profile's highlights ranked by tailoring's score for the target."""
    profile = load_profile(folder / "profile.yaml")
    target = Target.model_validate(yaml.safe_load((folder / "target.yaml").read_text(encoding="utf-8")))
    grades = {item["highlight"].strip(): int(item["grade"])
              for item in yaml.safe_load((folder / "relevance.yaml").read_text(encoding="utf-8"))}
    units = [u for u in tailor(profile, target).units
             if u.place.section in ("work", "volunteer", "projects") and u.place.highlight is not None
             and u.place.highlight >= 0]
    ranked = sorted(units, key=lambda u: (-u.score, u.place.entry, u.place.highlight))
    got = [grades.get(u.text.strip(), 0) for u in ranked[:k]]
    best = sorted(grades.values(), reverse=True)[:k]
    return _dcg(got) / _dcg(best) if _dcg(best) else 1.0


def area_line(a: AreaScores) -> str:
    return (f"precision {a.precision:.2f}, recall {a.recall:.2f}, micro-F1 {a.f1:.2f}; praise read as a concern "
            f"{a.praise_as_concern}, no concern given an area {a.none_given_area}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="what each posting or text got wrong")
    args = parser.parse_args()
    for name in ("postings", "holdout", "final", "unseen", "blind", "blind2", "blind3", "blind4", "blind5"):
        if (HERE / name).is_dir():
            s = term_scores(HERE / name, args.details)
            count = len(list((HERE / name).glob("*.txt")))
            print(f"job terms, {name} ({count} postings): precision {s.precision:.2f}, recall {s.recall:.2f}, "
                  f"F1 {s.f1:.2f}")
    for name in ("feedback.yaml", "feedback-holdout.yaml", "final/feedback.yaml", "unseen/feedback.yaml",
                 "blind/feedback.yaml", "blind2/feedback.yaml", "blind3/feedback.yaml", "blind4/feedback.yaml",
                 "blind5/feedback.yaml"):
        if (HERE / name).is_file():
            a = area_scores(HERE / name, args.details)
            print(f"feedback areas, {name} ({a.texts} texts): {area_line(a)}")
    pairs = sorted(p for p in (HERE / "ranking").glob("*") if (p / "relevance.yaml").is_file())
    if pairs:
        scores = {p.name: ranking_score(p) for p in pairs}
        listing = ", ".join(f"{name} {value:.2f}" for name, value in scores.items())
        print(f"highlight ranking, NDCG@5 ({len(pairs)} pairs): mean {sum(scores.values()) / len(scores):.2f} "
              f"({listing})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
