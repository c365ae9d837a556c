"""Tailoring: term extraction, scoring and selection. Pure, offline, deterministic."""

from .explanation import Explanation, as_markdown, explain
from .selection import Tailored, tailor
from .terms import JobTerm, extract_terms

__all__ = ["Explanation", "JobTerm", "Tailored", "as_markdown", "explain", "extract_terms", "tailor"]
