"""The built-in themes: each builds the example's resume and letter in PDF and DOCX, reads
in order, sets its own font, and keeps the theme.yaml contract; compact fits a dense
ten-year career on one page, where classic needs two."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont
from pypdf import PdfReader

import resumekit
from resumekit.building import GENERAL_BUILD as GENERAL
from resumekit.rendering import builtin_themes_dir

from ..helpers import ICON_FONT, PROFILES, copy_project, make_project, missing_in_order, squash

THEMES = ("classic", "compact", "serif")
DESIGN_KEYS = ("accent", "font", "fontSize", "lineSpacing", "margins", "sectionTitles", "icons")
"""Every setting of a design: a theme's theme.yaml gives them all."""
FONT_IN_PDF = {"classic": "Lato", "compact": "IBM-Plex-Sans-Condensed", "serif": "CMU-Serif"}
"""How each theme's font is named in a PDF (a subset prefix, then the name, spaces as hyphens)."""
STYLES = ("Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "Normal", "Contact")
DATES = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w* \d{4}")

DENSE = """\
basics:
  name: Priya Raman
  label: Senior Site Reliability Engineer
  email: priya.raman@example.com
  phone: +1 206-555-0188
  url: https://priya-raman.example.com
  summary: >-
    Site reliability engineer with ten years across payments, logistics and developer
    platforms, who makes large systems cheaper to run and calmer to be on call for.
  location: {city: Seattle, region: Washington, countryCode: US}
  profiles:
    - {network: LinkedIn, username: priya-raman-example, url: https://www.linkedin.com/in/priya-raman-example}
    - {network: GitHub, username: priya-raman-example, url: https://github.com/priya-raman-example}
work:
  - name: Larkspur Payments
    position: Senior Site Reliability Engineer
    location: Seattle, WA
    startDate: 2023-01
    highlights:
      - Led the move of 140 services from hand-run VMs to Kubernetes, cutting deploy time from 40 minutes to 6
      - Wrote the error-budget policy now used by 18 teams, halving pages outside working hours within a year
      - Built capacity forecasts in Python and BigQuery that shaped a $2.1M reserved-instance purchase
      - Ran 30 game days and blameless reviews, lifting the share of incidents caught by alerts from 55% to 90%
      - Mentored five engineers, two of whom now lead on-call rotations of their own
  - name: Northwind Logistics
    position: Site Reliability Engineer
    location: Portland, OR
    startDate: 2020-04
    endDate: 2022-12
    highlights:
      - Designed the multi-region failover for the routing API, keeping 99.95% availability through two region outages
      - Replaced a home-grown metrics stack with Prometheus and Grafana for 400 hosts, saving $180k a year
      - Automated certificate renewal for 2,300 endpoints, ending a class of outages that had cost 11 hours a year
      - Cut p99 latency of the dispatch service from 900 ms to 210 ms by profiling and reshaping its database queries
  - name: Brightwater Software
    position: DevOps Engineer
    location: Portland, OR
    startDate: 2018-06
    endDate: 2020-03
    highlights:
      - Built the CI pipelines in GitHub Actions and Terraform for 60 repositories, from a week of setup to an hour
      - Introduced infrastructure as code for all AWS accounts, passing the first SOC 2 audit without findings
      - Set up centralised logging with OpenSearch, so that support found a customer's failed job in minutes
      - Trained 25 developers in on-call practice and wrote the runbooks they still use
  - name: Cedar Analytics
    position: Systems Engineer
    location: Boise, ID
    startDate: 2016-07
    endDate: 2018-05
    highlights:
      - Migrated the nightly ETL from cron jobs to Airflow, with retries and alerts, raising on-time loads to 99%
      - Packaged the analytics platform as Docker images, cutting a new customer's setup from three days to one
      - Kept a 40-node Hadoop cluster patched and monitored with Ansible and Nagios for three years
  - name: Boise State University
    position: Research Computing Assistant
    location: Boise, ID
    startDate: 2015-09
    endDate: 2016-06
    highlights:
      - Supported 120 researchers on the campus HPC cluster, writing Slurm job templates and teaching two workshops
      - Scripted account provisioning in Bash and Python, turning a two-day wait into same-day access
      - Tuned storage quotas and scratch clean-up, freeing 30 TB on a full shared file system
      - Wrote the cluster's getting-started guide, which cut new-user tickets by a third
education:
  - institution: Boise State University
    area: Computer Science
    studyType: Bachelor of Science
    startDate: 2012-09
    endDate: 2016-05
    courses: [Operating Systems, Distributed Systems, Computer Networks, Databases]
  - institution: Linux Foundation
    area: Kubernetes Administration
    studyType: Certified Kubernetes Administrator
    endDate: 2021-03
skills:
  - {name: Platforms, keywords: [Kubernetes, Docker, AWS, GCP, Linux, Terraform, Ansible, Helm]}
  - {name: Observability, keywords: [Prometheus, Grafana, OpenTelemetry, OpenSearch, PagerDuty, SLOs]}
  - {name: Languages, keywords: [Python, Go, Bash, SQL]}
  - {name: Practice, keywords: [incident response, capacity planning, chaos engineering, mentoring]}
"""
"""A dense ten-year career: five positions, twenty highlights, education and four skill lines."""


def _themed(root: Path, theme: str) -> Path:
    """The config at ``root`` set to ``theme``."""
    config = root / "resumekit.yaml"
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["theme"] = theme
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return config


@pytest.fixture(scope="module", params=THEMES)
def built(request, tmp_path_factory) -> tuple[str, Path]:
    """The example's general resume and letter, PDF and DOCX, built in one theme: the
    theme and the folder of its documents."""
    theme = request.param
    root = copy_project(PROFILES, tmp_path_factory.mktemp(theme) / "project")
    result = resumekit.build(_themed(root, theme), targets=[GENERAL], formats=["pdf", "docx"])
    assert not result.failures, result.failures
    return theme, root / "out" / GENERAL


@pytest.fixture(scope="module")
def profile():
    return resumekit.load_profile(PROFILES / "profile.yaml")


def _fonts(pdf: Path) -> set[str]:
    """The base names of the fonts ``pdf`` draws with, without subset prefixes."""
    names = set()
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return {name for name in names if not name.startswith(ICON_FONT)}


def _text(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_each_theme_builds_the_resume_and_the_letter_in_pdf_and_docx(built):
    theme, out = built
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert names == ["Maya-Okafor-Cover-Letter.docx", "Maya-Okafor-Cover-Letter.pdf",
                     "Maya-Okafor-Resume.docx", "Maya-Okafor-Resume.pdf"], theme
    for name in names:
        if name.endswith(".docx"):
            assert any(p.text for p in docx.Document(str(out / name)).paragraphs), name


def test_the_resume_reads_name_then_label_then_each_entry_in_order(built, profile):
    theme, out = built
    text = _text(out / "Maya-Okafor-Resume.pdf")
    lines = text.splitlines()
    assert lines[0].strip() == profile.basics.name, f"{theme}: the name runs into the label: {lines[0]!r}"
    assert lines[1].strip() == profile.basics.label
    expected = []
    for work in profile.work:
        expected += [work.name, work.position, *(h.text for h in work.highlights)]
    assert missing_in_order(text, expected) == [], theme


def test_each_position_gives_employer_position_place_and_dates_before_its_bullets(built, profile):
    theme, out = built
    flat = squash(_text(out / "Maya-Okafor-Resume.pdf"))
    for work in profile.work:
        start = flat.find(squash(work.name))
        first = flat.find(squash(work.highlights[0].text), start)
        head = flat[start:first]
        assert start >= 0 and first > start, f"{theme}: {work.name}"
        assert squash(work.position) in head and squash(work.location) in head, f"{theme}: {work.name}"
        assert DATES.search(_text_of(head)), f"{theme}: {work.name} has no dates before its bullets"


def _text_of(flat: str) -> str:
    """Squashed text with a space put back between a month and its year, for :data:`DATES`."""
    return re.sub(r"([A-Za-z])(\d{4})", r"\1 \2", flat)


def test_the_letter_holds_its_paragraphs(built):
    theme, out = built
    text = _text(out / "Maya-Okafor-Cover-Letter.pdf")
    assert missing_in_order(text, ["Maya Okafor", "Dear Hiring Manager", "Sincerely"]) == [], theme


@pytest.mark.parametrize("document", ["Resume", "Cover-Letter"])
def test_the_pdf_embeds_the_themes_font(built, document):
    theme, out = built
    fonts = _fonts(out / f"Maya-Okafor-{document}.pdf")
    assert fonts and all(name.startswith(FONT_IN_PDF[theme]) for name in fonts), (theme, fonts)
    for page in PdfReader(out / f"Maya-Okafor-{document}.pdf").pages:
        for font in page["/Resources"]["/Font"].values():
            if ICON_FONT in font.get_object()["/BaseFont"]:
                continue  # an icon's own font (CFF, FontFile3): test_design_icons
            descriptor = font.get_object()["/FontDescriptor"] if "/FontDescriptor" in font.get_object() else \
                font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object(), (theme, font.get_object()["/BaseFont"])


def test_no_theme_sets_its_pdfs_in_another_themes_font(built):
    theme, out = built
    others = [family for other, family in FONT_IN_PDF.items() if other != theme]
    for document in ("Resume", "Cover-Letter"):
        fonts = _fonts(out / f"Maya-Okafor-{document}.pdf")
        assert not [f for f in fonts if f.startswith(tuple(others))], (theme, fonts)


def test_the_docx_uses_the_themes_font_and_styles(built):
    theme, out = built
    design = _design(theme)
    document = docx.Document(str(out / "Maya-Okafor-Resume.docx"))
    names = {style.name for style in document.styles}
    assert set(STYLES) <= names, theme
    assert document.styles["Normal"].font.name == design["font"], theme
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "List Bullet"} <= used, theme


def _design(theme: str) -> dict:
    return yaml.safe_load((builtin_themes_dir() / theme / "theme.yaml").read_text(encoding="utf-8"))["design"]


@pytest.mark.parametrize("theme", THEMES)
def test_theme_yaml_gives_every_design_setting_and_a_description(theme):
    settings = yaml.safe_load((builtin_themes_dir() / theme / "theme.yaml").read_text(encoding="utf-8"))
    assert settings["description"].strip()
    assert set(settings["design"]) == set(DESIGN_KEYS), theme
    assert re.fullmatch(r"#[0-9a-fA-F]{6}", settings["design"]["accent"])
    assert settings["design"]["sectionTitles"] in {"rule", "underline", "plain"}


@pytest.mark.parametrize("theme", THEMES)
def test_the_design_font_is_shipped_in_four_faces_with_its_licence(theme):
    folder = builtin_themes_dir() / theme / "fonts"
    faces = set()
    for path in folder.glob("*.ttf"):
        with TTFont(path, lazy=True) as font:
            assert "glyf" in font, f"{path.name} is not TrueType: Word embeds only TrueType"
            family = font["name"].getDebugName(16) or font["name"].getDebugName(1)
            if family == _design(theme)["font"]:
                faces.add((font["OS/2"].usWeightClass >= 600, bool(font["OS/2"].fsSelection & 1)))
    assert faces == {(False, False), (False, True), (True, False), (True, True)}, theme
    assert any(folder.glob("OFL*.txt")), f"{theme} ships no licence beside its fonts"


@pytest.mark.parametrize("theme", THEMES)
def test_style_css_leaves_the_design_values_to_theme_yaml(theme):
    css = (builtin_themes_dir() / theme / "style.css").read_text(encoding="utf-8")
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    assert _design(theme)["accent"].lower() not in rules.lower(), f"{theme}: a literal accent colour"
    html = re.search(r"(?m)^html\s*\{([^}]*)\}", rules)
    assert html is None or not re.search(r"font-family|font-size|line-height", html.group(1)), theme
    assert not re.search(r"font-size:\s*[\d.]+pt", rules), f"{theme}: a text size in pt does not scale"
    resume_page = re.search(r"@page\s*\{(.*?)\n\}", rules, flags=re.S)
    assert resume_page and not re.search(r"(?m)^\s*margin:", resume_page.group(1)), theme


@pytest.mark.parametrize("theme", THEMES)
def test_reference_docx_has_the_styles_and_no_border_on_heading_1(theme):
    reference = docx.Document(str(builtin_themes_dir() / theme / "reference.docx"))
    names = {style.name for style in reference.styles}
    assert set(STYLES) <= names
    heading = reference.styles["Heading 1"].element
    assert heading.find(qn("w:pPr")) is None or heading.find(qn("w:pPr")).find(qn("w:pBdr")) is None
    assert reference.styles["Normal"].font.name == _design(theme)["font"]


@pytest.fixture(scope="module")
def dense(tmp_path_factory) -> dict[str, int]:
    """The dense career's resume PDF built in compact and in classic: pages by theme."""
    pages = {}
    for theme in ("compact", "classic"):
        root = tmp_path_factory.mktemp(f"dense-{theme}")
        config = make_project(root, profile=DENSE, theme=theme, formats=["pdf"], documents=["resume"])
        result = resumekit.build(config)
        assert not result.failures, result.failures
        pdf = next((root / "out").rglob("*Resume.pdf"))
        pages[theme] = len(PdfReader(pdf).pages)
    return pages


def test_compact_fits_a_dense_ten_year_career_on_one_page(dense):
    assert dense["compact"] == 1


def test_classic_needs_more_than_one_page_for_the_same_career(dense):
    assert dense["classic"] > 1
