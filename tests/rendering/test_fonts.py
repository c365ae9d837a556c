"""Every script drawn with real glyphs, never an empty box: the fallback fonts, and a clear
refusal, located, when no font on the machine has a character."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import resumekit
from resumekit.rendering.fonts import describe, fix_for, needs_glyph, undrawable
from resumekit.rendering.theme import Theme

from ..helpers import extractions, make_project, needs_script_fonts, notdef_glyphs

NAME = "山田 花子"
MIXED = f"""\
basics:
  name: {NAME}
  label: Logistics Coordinator
work:
  - name: Harbor Freight Co.
    position: Operations Coordinator
    startDate: 2022-04
    highlights:
      - "🚀 Opened the route to Dubai (مرحبا بكم) and Tel Aviv (שלום עולם)"
      - Cut dock wait times by 30%
  - name: Greenline Distribution
    position: Warehouse Team Lead
    startDate: 2019-06
    endDate: 2022-03
    highlights: [Led a shift of 12]
education:
  - institution: 東京大学
    studyType: Bachelor
    area: Economics
"""
HEADINGS = ["Experience", "Education"]
POSITIONS = ["Operations Coordinator", "Warehouse Team Lead"]
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _no_system_fonts(tmp_path: Path) -> dict[str, str]:
    """An environment whose fontconfig knows no font at all: a machine without any installed."""
    (tmp_path / "none").mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    f'<dir>{tmp_path / "none"}</dir><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>')
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def _build(config: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "resumekit", "build", "-c", str(config)], capture_output=True,
                          text=True, env=env, timeout=300)


@needs_script_fonts
def test_japanese_emoji_arabic_and_hebrew_are_drawn_without_a_single_notdef_glyph(tmp_path):
    config = make_project(tmp_path, profile=MIXED, formats=["pdf"])
    resumekit.build(config)
    for pdf in sorted((tmp_path / "out" / "general").glob("*.pdf")):
        assert notdef_glyphs(pdf) == {}, pdf.name


@needs_script_fonts
def test_every_extractor_reads_the_japanese_name_every_heading_and_every_position(tmp_path):
    config = make_project(tmp_path, profile=MIXED, formats=["pdf"], documents=["resume"])
    resumekit.build(config)
    [pdf] = (tmp_path / "out" / "general").glob("*.pdf")
    for extractor, text in extractions(pdf).items():
        missing = [s for s in [NAME, *HEADINGS, *POSITIONS, "東京大学"] if s not in text]
        assert missing == [], extractor


def test_the_notdef_check_itself_sees_an_empty_box(tmp_path):
    """The check above cannot pass by accident: the same PDF with one glyph turned into
    glyph 0 is caught."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DecodedStreamObject

    config = make_project(tmp_path, formats=["pdf"], documents=["resume"])
    resumekit.build(config)
    [pdf] = (tmp_path / "out" / "general").glob("*.pdf")
    assert notdef_glyphs(pdf) == {}
    writer = PdfWriter(clone_from=PdfReader(pdf))
    page = writer.pages[0]
    data = page.get_contents().get_data()
    first = data.index(b"[<") + 2
    stream = DecodedStreamObject()
    stream.set_data(data[:first] + b"0000" + data[first + 4:])
    page.replace_contents(stream)
    with open(tmp_path / "boxed.pdf", "wb") as out:
        writer.write(out)
    assert sum(notdef_glyphs(tmp_path / "boxed.pdf").values()) == 1


def test_without_a_font_for_the_name_the_build_says_which_characters_and_how_to_get_them(tmp_path):
    config = make_project(tmp_path / "p", profile=MIXED, formats=["pdf", "docx"])
    done = _build(config, _no_system_fonts(tmp_path))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "profile.yaml:2:9: basics.name" in done.stderr  # where the first one was written
    assert "'山' (U+5C71 CJK UNIFIED IDEOGRAPH-5C71)" in done.stderr
    assert "fonts-noto-cjk" in done.stderr and "fonts/ folder" in done.stderr
    assert not list((tmp_path / "p" / "out" / "general").glob("*.pdf"))  # never an empty box


@pytest.mark.skipif(not DEJAVU.is_file(), reason="needs DejaVu Sans (fonts-dejavu-core) to copy")
def test_a_font_in_the_projects_fonts_folder_draws_what_the_theme_lacks(tmp_path):
    hebrew = "basics:\n  name: Dana Levi\nwork:\n  - name: Acme\n    position: Analyst\n" \
             "    highlights: [\"Ran the שלום project\"]\n"
    config = make_project(tmp_path / "p", profile=hebrew, formats=["pdf"], documents=["resume"])
    (tmp_path / "p" / "fonts").mkdir()
    shutil.copy(DEJAVU, tmp_path / "p" / "fonts")
    done = _build(config, _no_system_fonts(tmp_path))
    assert done.returncode == 0, done.stderr
    [pdf] = (tmp_path / "p" / "out" / "general").glob("*.pdf")
    assert notdef_glyphs(pdf) == {}
    assert any("DejaVu" in name for name in _font_names(pdf))


def _font_names(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    return [str(f.get_object()["/BaseFont"]) for page in PdfReader(pdf).pages
            for f in page["/Resources"]["/Font"].values()]


def test_latin_greek_cyrillic_and_vietnamese_come_from_the_themes_own_fonts():
    assert undrawable(["Łódź Ωμέγα Жизнь Tiếng Việt ơư"], Theme.named()) == []


def test_spaces_joiners_and_variation_selectors_need_no_glyph():
    assert [c for c in "a \u200d\ufe0f\u200f\u00a0" if needs_glyph(c)] == ["a"]
    # format characters that are drawn (the Arabic number sign, the pound mark above) need a glyph
    assert [c for c in "\u0600\u0890\u0891\u06dd\u200b\u00ad" if needs_glyph(c)] == ["\u0600", "\u0890", "\u0891",
                                                                                   "\u06dd"]


def test_the_message_names_the_first_characters_and_the_packages_that_have_them():
    assert describe(list("abcdefg")).endswith("and 2 more")
    assert "fonts-noto-cjk fonts-noto-color-emoji" in fix_for(["山", "🚀"])


@needs_script_fonts
def test_a_passage_in_another_script_carries_its_language_in_the_pdf(tmp_path):
    from pypdf import PdfReader

    config = make_project(tmp_path, profile=MIXED, formats=["pdf"], documents=["resume"])
    resumekit.build(config)
    [pdf] = (tmp_path / "out" / "general").glob("*.pdf")
    found = set()

    def walk(node: object) -> None:
        node = node.get_object()  # type: ignore[attr-defined]
        if isinstance(node, dict):
            if "/Lang" in node:
                found.add(str(node["/Lang"]))
            kids = node.get("/K")
            for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
                walk(kid)

    root = PdfReader(pdf).trailer["/Root"]
    walk(root["/StructTreeRoot"])
    assert str(root["/Lang"]) == "en" and {"und-Hani", "ar", "he"} <= found


def test_docx_runs_in_another_script_carry_their_language(tmp_path):
    import docx
    from docx.oxml.ns import qn

    config = make_project(tmp_path, profile=MIXED, formats=["docx"], documents=["resume"])
    resumekit.build(config)
    [path] = (tmp_path / "out" / "general").glob("*.docx")
    langs = {}
    for paragraph in docx.Document(str(path)).paragraphs:
        for run in paragraph.runs:
            lang = run._r.rPr.find(qn("w:lang")) if run._r.rPr is not None else None
            if lang is not None:
                langs[run.text] = (lang.get(qn("w:eastAsia")), lang.get(qn("w:bidi")),
                                   run._r.rPr.find(qn("w:rtl")) is not None)
    assert langs[NAME] == ("und-Hani", None, False)
    assert langs["مرحبا بكم"] == (None, "ar", True) and langs["שלום עולם"] == (None, "he", True)
    assert not [k for k in langs if "Dubai" in k or "Tel Aviv" in k]  # the English around them is a run of its own
