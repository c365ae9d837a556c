"""Tailoring: term extraction, scoring and selection. Pure, offline, deterministic."""

from .explanation import Explanation, explain, explanation_json, explanation_markdown
from .selection import Tailored, tailor
from .terms import Job, JobTerm, Requirement, extract_terms, read_job

__all__ = ["Explanation", "Job", "JobTerm", "Requirement", "Tailored", "explain", "explanation_json",
           "explanation_markdown", "extract_terms", "read_job", "tailor"]
