"""Tailoring: term extraction, scoring and selection. Pure, offline, deterministic."""

from .explanation import Explanation, explain, explanation_markdown
from .selection import Tailored, tailor
from .terms import JobTerm, extract_terms

__all__ = ["Explanation", "JobTerm", "Tailored", "explain", "explanation_markdown", "extract_terms", "tailor"]
