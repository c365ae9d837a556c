"""Page breaks in the PDF: an entry is never split across pages (unless longer than one),
and a section title never ends a page; shown over resumes of every length around a break."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

import resumekit
from resumekit.documents import build_resume
from resumekit.rendering.pdf import render_pdf
from resumekit.rendering.theme import Theme

TITLES = ("Summary", "Experience", "Education", "Skills", "Projects")


def _profile(lines: int) -> dict:
    """A profile whose summary is ``lines`` lines long, so that what follows moves down."""
    jobs = [{"name": f"Employer {i}", "position": "Analyst", "location": "Columbus, OH", "startDate": f"{2020 - i}-01",
             "endDate": f"{2021 - i}-01",
             "highlights": [f"Result {i}.{j}: built the {j}th report that the team used every week"
                            for j in range(1, 6)]} for i in range(1, 9)]
    summary = " ".join(["Analyst who turns messy data into decisions for the teams who need them."] * 2 * lines)
    return {"basics": {"name": "Jane Doe", "summary": summary}, "work": jobs,
            "education": [{"institution": "State University", "area": "Statistics", "studyType": "BSc"}],
            "skills": [{"name": "Analytics", "keywords": ["SQL", "Python"]}],
            "projects": [{"name": f"Project {k}", "description": "A dashboard for the clinic's managers."}
                         for k in range(4)]}


@pytest.mark.parametrize("theme", ["classic", "compact", "serif"])
@pytest.mark.parametrize("lines", [1, 3, 5, 7])
def test_entries_stay_whole_and_titles_never_end_a_page(theme, lines):
    resume = build_resume(resumekit.load_profile(_profile(lines)))
    data, pages, _ = render_pdf(resume, Theme.named(theme))
    assert pages >= 2
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
    for number, text in enumerate(texts, 1):
        body = [line.strip() for line in text.splitlines() if line.strip() and "Page" not in line]
        assert body[-1].title() not in TITLES, f"page {number} ends with the title {body[-1]!r}"
        for i in range(1, 9):
            if f"Employer {i}" in text:
                assert f"Result {i}.5" in text, f"Employer {i}'s entry is split after page {number}"
