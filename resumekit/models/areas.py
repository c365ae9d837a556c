"""Feedback areas: a built-in taxonomy, and transparent inference of areas from free text.

Each area has a description and the words and phrases that point to it. Inference is a
plain, case-insensitive phrase match on word boundaries, so ``feedback report`` can show
exactly which words led to which area. Projects add areas, or words to an area, in
their config (``areas: {name: [phrases]}``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import did_you_mean


@dataclass(frozen=True)
class Area:
    """A kind of gap an employer may name, and the phrases that reveal it."""

    name: str
    description: str
    phrases: tuple[str, ...]


BUILTIN_AREAS: tuple[Area, ...] = (
    Area("leadership", "Leading people or projects: managing, mentoring, owning outcomes.", (
        "leadership", "lead", "leading", "led", "leader", "manage", "managed", "managing",
        "management experience", "managed anyone", "never managed", "people management",
        "line management", "mentor", "mentoring", "supervise", "supervising", "supervisory",
        "ownership", "take ownership", "strategic", "vision", "delegate",
        "delegation", "run a team", "ran a team", "team lead", "led a team", "leading projects",
        "leading teams", "project lead",
    )),
    Area("communication", "Explaining clearly, in writing, in meetings and in interviews.", (
        "communication", "communicate", "communicating", "communicator", "hard to follow",
        "difficult to follow", "clear", "clearly", "clarity", "unclear", "concise", "rambling",
        "rambled", "articulate", "presentation", "presenting", "public speaking",
        "explain", "explaining", "explanation", "written", "writing", "storytelling",
        "structure your answers", "structured answers", "answers", "listening", "verbose",
        "jargon", "too technical", "stakeholder communication",
    )),
    Area("teamwork", "Working with others: collaboration, cross-functional work, conflict.", (
        "teamwork", "team player", "collaboration", "collaborate", "collaborative",
        "cross-functional", "work with others", "working with others", "team fit",
        "interpersonal", "conflict", "cooperation", "partnering", "stakeholders",
        "relationship", "relationships",
    )),
    Area("technical", "Tools, methods and hands-on technical depth the role requires.", (
        "technical", "technical skills", "technical depth", "coding", "programming", "sql",
        "python", "tools", "tooling", "system design", "architecture", "technical interview",
        "take-home", "take home", "algorithm", "algorithms", "statistics", "modelling",
        "modeling", "hands-on", "proficiency", "certification", "certified",
    )),
    Area("domain", "Knowledge of the employer's industry, products or customers.", (
        "domain", "domain knowledge", "industry", "industry knowledge", "sector", "market",
        "our customers", "customer base", "product knowledge", "regulation", "regulatory",
        "compliance", "business acumen", "business context", "clinical knowledge",
    )),
    Area("problem-solving", "Structuring problems, reasoning under ambiguity, judgement.", (
        "problem solving", "problem-solving", "analytical", "analytical thinking", "reasoning",
        "structured thinking", "approach", "ambiguity", "ambiguous", "critical thinking",
        "judgement", "judgment", "case study", "case interview", "root cause", "troubleshoot",
        "troubleshooting", "logic",
    )),
    Area("experience", "Years, seniority or scale of experience compared with the role.", (
        "experience", "experienced", "years of experience", "not enough experience",
        "more experience", "seniority", "senior", "junior", "level", "scale", "track record",
        "exposure", "background", "other candidates", "stronger candidates", "more qualified",
    )),
    Area("motivation", "Why this role and this employer: interest, preparation, enthusiasm.", (
        "motivation", "motivated", "enthusiasm", "enthusiastic", "passion", "interest",
        "interested", "why this role", "why us", "why you want", "commitment", "preparation",
        "prepared", "research", "energy", "engaged",
    )),
    Area("culture", "Fit with the team's ways of working and values.", (
        "culture", "cultural fit", "culture fit", "values", "fit", "ways of working",
        "work style", "working style", "environment", "pace", "fast-paced", "startup",
        "autonomy",
    )),
)


@dataclass(frozen=True)
class Match:
    """One area inferred from a text, and the phrases that led to it."""

    area: str
    phrases: tuple[str, ...]


class Taxonomy:
    """The areas in force: the built-in ones plus a project's additions."""

    def __init__(self, extra: Mapping[str, list[str]] | None = None) -> None:
        areas = {a.name: a for a in BUILTIN_AREAS}
        builtin = set(areas)
        for name, phrases in (extra or {}).items():
            key = normalise_area(name)
            base = areas.get(key)
            if base:
                areas[key] = Area(key, base.description, base.phrases + tuple(phrases))
            else:
                areas[key] = Area(key, "Defined in the project config.", tuple(phrases) or (key,))
        self.areas = areas
        # A project's own phrases (and each area of its own, by name) are found as written,
        # plural too: "presentation" finds "presentations".
        self._extra = {
            normalise_area(name): [phrase_pattern(p) for p in sorted(set(phrases) | ({normalise_area(name)}
                                   if normalise_area(name) not in builtin else set()), key=lambda s: (-len(s), s))]
            for name, phrases in (extra or {}).items()
        }

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and normalise_area(name) in self.areas

    @property
    def names(self) -> list[str]:
        return list(self.areas)

    def unknown(self, area: str, how_to_add: bool = True) -> str:
        """The message for ``area`` when it is not one of these: the closest, and the known ones."""
        add = "; add your own under 'areas:' in resumekit.yaml" if how_to_add else ""
        return (f"unknown feedback area '{area}'{did_you_mean(area, self.names)} "
                f"(known: {', '.join(self.names)}{add})")

    def infer(self, text: str) -> list[Match]:
        """The areas ``text`` raises as concerns, each with the words that led to it, in
        taxonomy order (see :mod:`resumekit.models.concerns`).

        Praise names no area ("your experience was impressive"), nor does feedback that
        raises no concern (pay, place, an internal hire, a role on hold, boilerplate).
        """
        from .concerns import concerns  # its rules take 27 ms to compile: only where feedback is read

        return [Match(area, phrases) for area, phrases in concerns(text, self._extra, self.names)]


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A project's own phrase for an area, matched whole, and its plural."""
    return re.compile(r"(?<![\w-])" + re.escape(phrase.lower()) + r"(?:s|es)?(?![\w-])", re.I)


def normalise_area(name: str) -> str:
    """``Problem Solving`` -> ``problem-solving``."""
    return re.sub(r"[\s_]+", "-", name.strip().lower())
