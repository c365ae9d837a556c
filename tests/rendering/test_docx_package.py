"""The DOCX as a reader's Word or LibreOffice opens it: the theme's fonts travel inside it,
so a reader without Lato sees Lato and a one-page resume stays one page; its application
properties are true; it has no stale preview picture; it is the same bytes every time."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest
from fontTools.ttLib import TTFont
from lxml import etree
from pypdf import PdfReader

from ..helpers import REPO
from ..tailoring_fixtures import cli_env

ONE_PAGE = "riverside-nurse-educator"
"""The example's target whose resume is fitted to one page."""

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
STYLES = {"embedRegular": "Regular", "embedBold": "Bold", "embedItalic": "Italic", "embedBoldItalic": "Bold Italic"}


@pytest.fixture(scope="module")
def resume_path(example_build) -> Path:
    return example_build.out / ONE_PAGE / "Maya-Okafor-Resume.docx"


@pytest.fixture(scope="module")
def parts(resume_path) -> dict[str, bytes]:
    with zipfile.ZipFile(resume_path) as package:
        return {name: package.read(name) for name in package.namelist()}


def _deobfuscated(data: bytes, key: str) -> bytes:
    """The font of an .odttf part, as ECMA-376 Part 1 §17.8.1 tells a reader to recover it:
    the first 32 bytes XORed with the key's 16 bytes, taken from its last."""
    guid = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    return bytes(b ^ guid[i % 16] for i, b in enumerate(data[:32])) + data[32:]


def _embedded(parts: dict[str, bytes]) -> dict[str, tuple[str, bytes]]:
    """Each embedded style of Lato (embedRegular, ...): its part's name and the recovered font."""
    table = etree.fromstring(parts["word/fontTable.xml"])
    targets = {rel.get("Id"): rel.get("Target") for rel in etree.fromstring(parts["word/_rels/fontTable.xml.rels"])}
    lato = next(font for font in table.iter(f"{W}font") if font.get(f"{W}name") == "Lato")
    found = {}
    for embed in lato:
        tag = etree.QName(embed).localname
        if tag in STYLES:
            name = f"word/{targets[embed.get(f'{R}id')]}"
            found[tag] = (name, _deobfuscated(parts[name], embed.get(f"{W}fontKey")))
    return found


def test_the_four_styles_of_lato_are_embedded_font_parts(parts):
    embedded = _embedded(parts)
    assert set(embedded) == set(STYLES)
    for name, _ in embedded.values():
        assert re.fullmatch(r"word/fonts/font\d+\.odttf", name)
    types = parts["[Content_Types].xml"].decode()
    assert 'Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"' in types
    assert b"<w:embedTrueTypeFonts/>" in parts["word/settings.xml"]


def test_each_embedded_font_is_obfuscated_and_recovers_to_its_style_of_lato(parts):
    for tag, (name, font) in _embedded(parts).items():
        assert parts[name][:4] != font[:4], f"{name} is stored as a plain font"
        with TTFont(io.BytesIO(font)) as opened:
            assert (opened["name"].getDebugName(1), opened["name"].getDebugName(2)) == ("Lato", STYLES[tag])


def test_the_embedded_fonts_draw_every_character_of_the_resume(parts, resume_path):
    text = {c for p in docx.Document(str(resume_path)).paragraphs for c in p.text if not c.isspace()}
    with TTFont(REPO / "templates" / "classic" / "fonts" / "Lato-Regular.ttf") as full:
        drawable = {c for c in text if ord(c) in full.getBestCmap()}
    for name, font in _embedded(parts).values():
        with TTFont(io.BytesIO(font)) as opened:
            assert not {c for c in drawable if ord(c) not in opened.getBestCmap()}, name


def test_the_fonts_are_cut_to_what_the_document_needs(parts):
    assert sum(len(parts[name]) for name, _ in _embedded(parts).values()) < 400_000  # Lato's files: 2.6 MB


def test_the_application_properties_name_resumekit_and_count_the_words(parts, resume_path):
    app = parts["docProps/app.xml"].decode()
    words = sum(any(c.isalnum() for c in word) for p in docx.Document(str(resume_path)).paragraphs
                for word in p.text.split())
    assert words > 200
    assert re.search(r"<Application>resumekit</Application>", app)
    assert re.search(r"<AppVersion>\d\d\.\d{4}</AppVersion>", app)
    assert f"<Words>{words}</Words>" in app
    for stale in ("Microsoft", "<Template>", "<TotalTime>", "<Pages>", "<Company", "<Characters>"):
        assert stale not in app


def test_there_is_no_preview_picture(parts):
    assert not [name for name in parts if name.startswith("docProps/thumbnail")]
    assert b"metadata/thumbnail" not in parts["_rels/.rels"]
    assert b'Extension="jpeg"' not in parts["[Content_Types].xml"]


def test_every_relationship_of_the_package_and_its_fonts_leads_to_a_part(parts):
    for rels_name in ("_rels/.rels", "word/_rels/fontTable.xml.rels"):
        folder = rels_name.split("_rels/")[0]
        for rel in etree.fromstring(parts[rels_name]).iter(f"{RELS}Relationship"):
            target = rel.get("Target")
            assert target.lstrip("/") in parts or f"{folder}{target}" in parts, (rels_name, target)


RENDER_JANE = """
import datetime as dt, sys, yaml
from resumekit import load_profile
from resumekit.documents import build_resume
from resumekit.rendering.docx import render_docx
from resumekit.rendering.theme import Theme
from tests.helpers import JANE
stamp = dt.datetime(2026, 1, 15, tzinfo=dt.timezone.utc)
sys.stdout.buffer.write(render_docx(build_resume(load_profile(yaml.safe_load(JANE))), Theme.named("classic"), stamp))
"""


def test_the_same_resume_rendered_in_another_process_is_the_same_bytes():
    here = subprocess.run([sys.executable, "-c", RENDER_JANE], env=cli_env(), capture_output=True, timeout=120,
                          check=True).stdout
    there = subprocess.run([sys.executable, "-c", RENDER_JANE], env=cli_env(PYTHONHASHSEED="7"),
                           capture_output=True, timeout=120, check=True).stdout
    assert here[:2] == b"PK" and b"word/fonts/font1.odttf" in here
    assert here == there


def _without_lato(folder: Path, font: str = "Lato") -> dict[str, str]:
    """The environment for a process whose fontconfig knows no ``font`` (Lato): the system's
    own if it has none, else the system's configuration with the files of it rejected."""
    env = cli_env()
    listed = subprocess.run(["fc-list", "--format", "%{family}\t%{file}\n"], capture_output=True, text=True,
                            timeout=60).stdout.splitlines()
    lato = sorted(file for family, _, file in (line.partition("\t") for line in listed)
                  if font.lower() in family.lower())
    if lato:
        system = env.get("FONTCONFIG_FILE", "/etc/fonts/fonts.conf")
        config = folder / "fonts.conf"
        config.write_text(f"<?xml version='1.0'?>\n<fontconfig>\n  <include>{escape(system)}</include>\n"
                          "  <selectfont><rejectfont>\n"
                          + "".join(f"    <glob>{escape(file)}</glob>\n" for file in lato)
                          + "  </rejectfont></selectfont>\n</fontconfig>\n")
        env["FONTCONFIG_FILE"] = str(config)
        still = subprocess.run(["fc-list", f":family={font}"], env=env, capture_output=True, text=True, timeout=60)
        assert not still.stdout.strip(), f"{font} is still visible to fontconfig: {still.stdout}"
    return env


def _converted(docx_path: Path, folder: Path, font: str) -> Path:
    """``docx_path`` as LibreOffice converts it to PDF on a machine without ``font``."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; on Debian: apt-get install libreoffice-writer-nogui")
    folder.mkdir(parents=True, exist_ok=True)
    env = _without_lato(folder, font)
    subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(docx_path)],
                   env=env, capture_output=True, timeout=180, check=True)
    return folder / docx_path.with_suffix(".pdf").name


@pytest.fixture(scope="module")
def converted(resume_path, tmp_path_factory) -> Path:
    """The one-page resume as LibreOffice converts it to PDF on a machine without Lato."""
    return _converted(resume_path, tmp_path_factory.mktemp("soffice"), "Lato")


def _font_names(pdf: Path) -> set[str]:
    names = set()
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


def test_libreoffice_without_lato_sets_the_resume_in_the_embedded_lato(converted):
    names = _font_names(converted)
    assert names and all(name.startswith("Lato") for name in names), names


def test_libreoffice_without_lato_keeps_the_one_page_resume_on_one_page(converted, resume_path):
    assert len(PdfReader(resume_path.with_suffix(".pdf")).pages) == 1  # as the build made it
    assert len(PdfReader(converted).pages) == 1


@pytest.mark.parametrize("theme, font, named", [("compact", "IBM Plex Sans", "IBMPlexSansCond"),
                                                ("serif", "CMU Serif", "CMUSerif")])
def test_a_one_page_resume_in_each_theme_stays_one_page_in_libreoffice_without_its_font(
        tmp_path, theme, font, named):
    import yaml

    from ..helpers import PROFILES, copy_project

    project = copy_project(PROFILES, tmp_path / "project")
    config = project / "resumekit.yaml"
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    config.write_text(yaml.safe_dump({**settings, "theme": theme, "formats": ["pdf", "docx"],
                                      "documents": ["resume"]}), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "resumekit", "build", "-c", str(config), "--target", ONE_PAGE],
                          env=cli_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    built = project / "out" / ONE_PAGE / "Maya-Okafor-Resume.docx"
    assert len(PdfReader(built.with_suffix(".pdf")).pages) == 1
    converted = _converted(built, tmp_path / "soffice", font)
    names = _font_names(converted)
    assert names and all(name.replace("-", "").startswith(named) for name in names), names
    assert len(PdfReader(converted).pages) == 1
