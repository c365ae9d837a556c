"""What machines read (issue 12, item 1): every extractor a parser might run recovers a
resume's strings verbatim and in the order a person reads them, in every theme.

The figures behind these thresholds, per document and extractor: ``python tests/read_back.py``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from resumekit.building.run import build

from ..build_fixtures import cli_env
from ..helpers import PROFILES, copy_project
from ..reading import DOCX_READERS, PDF_READERS, available, built_documents, read, recovery

PDF_SHARE = 0.99
"""Each PDF extractor recovers at least this share of a resume's strings in order."""


def _project(tmp: Path, kind: str, theme: str) -> Path:
    if kind == "init":
        subprocess.run([sys.executable, "-m", "resumekit.cli", "init", str(tmp)], check=True, env=cli_env(),
                       capture_output=True)
        config = tmp / "resumekit.yaml"
    else:
        config = copy_project(PROFILES, tmp / "project") / "resumekit.yaml"
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    config.write_text(yaml.safe_dump({**settings, "theme": theme, "formats": ["pdf", "docx"]}), encoding="utf-8")
    build(config)
    return config


@pytest.fixture(scope="module", params=[("example", "classic"), ("init", "classic"), ("example", "compact"),
                                        ("init", "serif")], ids=lambda p: f"{p[0]}-{p[1]}")
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, list[str]]]:
    kind, theme = request.param
    return built_documents(_project(tmp_path_factory.mktemp(f"{kind}-{theme}"), kind, theme))


@pytest.mark.parametrize("reader", PDF_READERS)
def test_every_pdf_extractor_reads_each_document_in_order(built, reader):
    """Resumes and letters: the header's rows of contacts too, which an icon drawn as a
    picture left gaps in that pdftotext and pdfminer read as columns."""
    if not available(reader):
        pytest.skip(f"{reader} is not installed")
    documents = [(path, strings) for path, strings in built if path.suffix == ".pdf"]
    assert any("Resume" in path.name for path, _ in documents) and any("Letter" in path.name for path, _ in documents)
    for path, strings in documents:
        got = recovery(read(reader, path), strings)
        assert got.in_order_share >= PDF_SHARE, (f"{reader} reads {got.in_order_share:.1%} of {path.parent.name}/{path.name} in order; "
                                        f"missing {got.missing[:3]}, out of order {got.out_of_order[:3]}")


@pytest.mark.parametrize("reader", [r for r in DOCX_READERS if r != "libreoffice"])
def test_every_docx_extractor_reads_all_of_each_document_in_order(built, reader):
    if not available(reader):
        pytest.skip(f"{reader} is not installed")
    for path, strings in (d for d in built if d[0].suffix == ".docx"):
        got = recovery(read(reader, path), strings)
        assert got.in_order_share == 1.0, (f"{reader} reads {got.in_order_share:.1%} of {path.parent.name}/{path.name} in order; "
                                  f"missing {got.missing[:3]}, out of order {got.out_of_order[:3]}")


def test_libreoffice_reads_all_of_each_resume_in_order(built):
    """One resume a project: LibreOffice's text export takes seconds a document."""
    if not available("libreoffice"):
        pytest.skip("LibreOffice (soffice) is not installed")
    path, strings = next(d for d in built if d[0].suffix == ".docx" and "Resume" in d[0].name)
    got = recovery(read("libreoffice", path), strings)
    assert got.in_order_share == 1.0, (got.missing, got.out_of_order)


def test_the_name_is_in_pandocs_body_text(built):
    """Pandoc takes the Title and Subtitle that open a DOCX for metadata: the name must stay text."""
    if not available("pandoc"):
        pytest.skip("pandoc is not installed")
    for path, strings in (d for d in built if d[0].suffix == ".docx"):
        body = read("pandoc", path)
        assert body.split(strings[0])[0].strip() == "", f"{path.name}: the name does not open pandoc's text"


def test_the_order_measure_counts_what_a_reader_would_miss():
    """The measure itself: a string moved after the next one is out of order, a string
    broken at a hyphen ("30- day") is missing, and a city said twice does not mislead it."""
    strings = ["Acme", "Data Analyst", "Columbus, OH", "Mar 2023 – present", "Built a 30-day model"]
    whole = recovery("Acme Data Analyst Columbus, OH Mar 2023 – present Built a 30-day model", strings)
    assert whole.in_order_share == 1.0
    right_column = recovery("Acme Data Analyst Built a 30-day model Columbus, OH Mar 2023 – present", strings)
    assert right_column.in_order == 4 and right_column.out_of_order == ("Built a 30-day model",)
    broken = recovery("Acme Data Analyst Columbus, OH Mar 2023 – present Built a 30- day model", strings)
    assert broken.missing == ("Built a 30-day model",)
    city = recovery("Columbus, OH Acme Data Analyst Columbus, OH Mar 2023 – present Built a 30-day model",
                   strings)
    assert city.in_order_share == 1.0
