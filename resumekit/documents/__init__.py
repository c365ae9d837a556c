"""Models -> the formatted content of resumes and cover letters (no renderer imports)."""

from .content import Entry, Letter, Link, Options, Resume, Section, link_target
from .formatting import format_date, format_long_date, format_month_year, format_range, is_remote, join, sentences
from .letter import build_letter, fresh_highlights, growth_paragraph, improvement_phrase, letter_date
from .resume import build_resume, contacts_of, summary_text

__all__ = ["Entry", "Letter", "Link", "Options", "Resume", "Section", "build_letter", "build_resume",
           "contacts_of", "format_date", "format_long_date", "format_month_year", "format_range",
           "fresh_highlights", "growth_paragraph", "improvement_phrase", "is_remote", "join", "letter_date",
           "link_target", "sentences", "summary_text"]
