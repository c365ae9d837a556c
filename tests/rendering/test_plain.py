"""The txt and md formats: text to paste into a portal's form, and Markdown."""

from __future__ import annotations

from markdown_it import MarkdownIt

from resumekit.documents import Entry, Link, Resume, Section
from resumekit.rendering.plain import WIDTH, render_plain

RESUME = Resume(
    name="Jane *Doe*", label="Data Analyst",
    contacts=(Link("jane@example.com", "mailto:jane@example.com", "email"),
              Link("linkedin.com/in/jane", "https://www.linkedin.com/in/jane", "linkedin")),
    sections=(
        Section("work", "Experience", "entries", (Entry(
            title="Acme\tHealth", subtitle="Data Analyst", where="Columbus, OH", when="Mar 2021 \u2013 present",
            bullets=("Built the **churn** model that the retention team uses every single week to call the "
                     "customers most likely to leave", "# not a heading"),
        ),)),
        Section("skills", "Skills", "lines", (Entry(label="Analytics", description="SQL, dbt"),)),
    ),
)


def test_text_for_a_portal_has_no_tabs_no_unicode_bullets_and_short_lines():
    text = render_plain(RESUME, "txt").decode()
    assert "\t" not in text and "\u2022" not in text and "**" not in text
    assert max(len(line) for line in text.splitlines()) <= WIDTH
    lines = text.splitlines()
    assert "Acme Health \u2014 Data Analyst" in lines and "Columbus, OH | Mar 2021 \u2013 present" in lines
    bullet = lines.index(next(line for line in lines if line.startswith("- Built the churn model")))
    assert lines[bullet + 1].startswith("  ") and not lines[bullet + 1].startswith("   ")
    assert "EXPERIENCE" in lines and "Analytics: SQL, dbt" in lines


def test_markdown_escapes_the_persons_text_and_keeps_their_markup():
    md = render_plain(RESUME, "md").decode()
    html = MarkdownIt().render(md)
    assert "<h1>Jane *Doe*</h1>" in html  # a name is text, not emphasis
    assert "<strong>churn</strong>" in html  # the person's own Markdown is kept
    assert "<h1>not a heading" not in html and "# not a heading" in html
    assert '<a href="https://www.linkedin.com/in/jane">linkedin.com/in/jane</a>' in html
    assert "<h2>Experience</h2>" in html and "<li>" in html


def test_both_are_reproducible():
    for fmt in ("txt", "md"):
        assert render_plain(RESUME, fmt) == render_plain(RESUME, fmt)
