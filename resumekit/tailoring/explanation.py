"""Why a tailored resume looks the way it does: coverage, matched, left-out and missing
terms, each requirement's best evidence, and what was dropped; as Markdown (report.md) and
as JSON (``explain --format json``), whose shape is documented in docs/tailoring.md."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .evidence import Evidence
from .selection import Tailored
from .terms import FEW_TERMS, JobTerm

JSON_VERSION = 1
"""The version of explain's JSON shape; it changes only when a field changes meaning or goes."""
MATCHED, LEFT_OUT, MISSING = "matched", "left out", "missing"


@dataclass(frozen=True)
class Found:
    """Where a term was found in the profile, and how."""

    where: str
    text: str
    how: str  # exact, alias, stem, phrase, fuzzy, tag
    form: str  # the words that matched
    shown: bool  # whether the tailored resume shows this piece
    reason: str = ""  # why it was left out, when it was


@dataclass(frozen=True)
class TermReport:
    """One job term and what became of it."""

    term: JobTerm
    found: tuple[Found, ...]

    @property
    def places(self) -> tuple[str, ...]:
        """Where the resume shows the term (label, and how when not as written); for a term
        left out, where the profile has it and why each piece was left out."""
        shown = [f.where + ("" if f.how == "exact" else f" ({f.how}: {f.form})") for f in self.found if f.shown]
        if shown:
            return tuple(shown)
        return tuple(dict.fromkeys(f"{f.where} ({f.reason})" for f in self.found))


@dataclass(frozen=True)
class Explanation:
    """The whole explanation of one tailored build."""

    target: str
    coverage: float
    matched: tuple[TermReport, ...]
    left_out: tuple[TermReport, ...]
    missing: tuple[JobTerm, ...]
    dropped: tuple[str, ...]
    low_confidence: bool
    summary_choice: str
    evidence: tuple[Evidence, ...] = ()


def _opening(text: str, words: int = 8) -> str:
    """The first few words of a text, so a reader knows which one is meant."""
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def explain(tailored: Tailored) -> Explanation:
    """The explanation of ``tailored``, as data."""
    dropped_keys = {(d.label, d.text) for d in tailored.dropped}
    # A whole entry dropped for the page takes its highlights and details with it.
    gone_entries = {(d.place.section, d.place.entry) for d in tailored.dropped
                    if d.place is not None and d.place.highlight is None}
    found: dict[str, list[Found]] = {}
    for unit in tailored.units:
        if (unit.place.label, unit.text) in dropped_keys:
            continue
        gone = (unit.place.section, unit.place.entry) in gone_entries
        for hit in unit.hits:
            found.setdefault(hit.term, []).append(Found(unit.place.label, unit.text, hit.kind, hit.form, not gone,
                                                        "page budget" if gone else ""))
    for left in (*tailored.left_out, *tailored.dropped):
        for hit in left.hits:
            found.setdefault(hit.term, []).append(Found(left.label, left.text, hit.kind, hit.form, False, left.reason))
    matched, left_out, missing = [], [], []
    total = sum(t.weight for t in tailored.terms) or 1.0
    covered = 0.0
    for term in tailored.terms:
        report = TermReport(term, tuple(found.get(term.name, ())))
        if any(f.shown for f in report.found):
            matched.append(report)
            covered += term.weight
        elif report.found:
            left_out.append(report)
        else:
            missing.append(term)
    dropped = tuple(f"{d.label}: {d.text} ({d.reason})" for d in (*tailored.left_out, *tailored.dropped)
                    if d.reason != "other summary variant")
    summary = next((f"{u.place.label}, \"{_opening(u.text)}\"" for u in tailored.units
                    if u.place.section == "summary"), "")
    return Explanation(
        target=tailored.target.id or "", coverage=covered / total, matched=tuple(matched),
        left_out=tuple(left_out), missing=tuple(missing), dropped=dropped,
        low_confidence=len(tailored.terms) < FEW_TERMS, summary_choice=summary, evidence=tailored.evidence)


def explanation_markdown(explanation: Explanation, tailored: Tailored) -> str:
    """The explanation as the ``report.md`` written beside a target's documents."""
    target = tailored.target
    title = " at ".join(p for p in (target.title, target.company) if p) or explanation.target
    lines = [f"# How this resume was tailored: {title}", ""]
    lines.append(f"**Coverage: {explanation.coverage:.0%}** of the job's weighted terms appear in the resume "
                 f"({len(explanation.matched)} of {len(tailored.terms)} terms).")
    if explanation.low_confidence:
        advice = ("Is the posting file the whole ad? Qualifications or skills in the target help too."
                  if target.posting else
                  "Add the posting's text (`posting:`), qualifications or skills to the target for a better match.")
        lines += ["", f"> Low confidence: the job yielded only {len(tailored.terms)} terms. {advice}"]
    if explanation.summary_choice:
        lines += ["", f"Summary used: {explanation.summary_choice}."]
    lines += ["", "## Terms matched, and where", "", "| term | weight | asked as | shown in |", "|---|---|---|---|"]
    for report in explanation.matched:
        lines.append(f"| {report.term.name} | {report.term.weight:g} | {report.term.public_kind} | "
                     f"{'; '.join(report.places[:4])}{' ...' if len(report.places) > 4 else ''} |")
    lines += ["", "## What the job asks, and your best evidence", ""]
    lines += [_evidence_line(e) for e in explanation.evidence] or ["- the job names no requirement"]
    lines += ["", "## Terms in your profile but left out", ""]
    lines += [f"- **{r.term.name}** ({r.term.public_kind}): {'; '.join(r.places[:3])}" for r in explanation.left_out] \
        or ["- none"]
    lines += ["", "## Terms missing from your profile", "",
              "The job asks for these and your profile does not mention them. If you have the skill, "
              "add it where it is true; if not, these are the next things to work on (record them as "
              "improvements in your feedback file once done).", ""]
    lines += [f"- **{t.name}** ({t.public_kind}, weight {t.weight:g})" for t in explanation.missing] or ["- none"]
    lines += ["", "## Left out of this resume", ""]
    lines += [f"- {d}" for d in explanation.dropped] or ["- nothing"]
    return "\n".join(lines) + "\n"


def _evidence_line(item: Evidence) -> str:
    asked = f"- **{_opening(item.requirement.text, 30)}** ({item.requirement.public_kind})"
    if item.unit is None:
        return f"{asked}: nothing in your profile shows it yet"
    how = ", ".join(f"{h.term} ({h.kind})" for h in item.hits)
    return f"{asked}: {item.unit.place.label}, \"{_opening(item.unit.text)}\" ({how})"


def _found_json(found: Found) -> dict[str, Any]:
    item: dict[str, Any] = {"where": found.where, "text": found.text, "how": found.how, "form": found.form,
                            "shown": found.shown}
    if found.reason:
        item["reason"] = found.reason
    return item


def explanation_json(explanation: Explanation, tailored: Tailored) -> dict[str, Any]:
    """The explanation as plain data for ``explain --format json`` (see docs/tailoring.md)."""
    reports = {r.term.name: (MATCHED, r) for r in explanation.matched}
    reports.update({r.term.name: (LEFT_OUT, r) for r in explanation.left_out})
    terms = []
    for term in tailored.terms:
        status, report = reports.get(term.name, (MISSING, None))
        terms.append({
            "name": term.name, "weight": term.weight, "kind": term.public_kind, "status": status,
            "listed": term.listed, "asWritten": list(term.written),
            "evidence": [_found_json(f) for f in report.found] if report else [],
        })
    requirements = []
    for item in explanation.evidence:
        best = None
        if item.unit is not None:
            best = {"where": item.unit.place.label, "text": item.unit.text,
                    "matches": [{"term": h.term, "how": h.kind, "form": h.form} for h in item.hits]}
        requirements.append({"text": item.requirement.text, "kind": item.requirement.public_kind,
                             "terms": list(item.requirement.terms), "evidence": best})
    dropped = [{"where": d.label, "text": d.text, "reason": d.reason}
               for d in (*tailored.left_out, *tailored.dropped) if d.reason != "other summary variant"]
    target = tailored.target
    return {
        "version": JSON_VERSION, "target": explanation.target, "title": target.title, "company": target.company,
        "coverage": round(explanation.coverage, 4), "lowConfidence": explanation.low_confidence,
        "summary": explanation.summary_choice or None, "terms": terms, "requirements": requirements,
        "dropped": dropped, "notes": list(tailored.notes),
    }
