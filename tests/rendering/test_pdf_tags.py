"""PDF/UA-1 (ISO 14289-1), clause by clause, over every kind of PDF resumekit writes: the
example profile's resume and letter in all three themes, a `resumekit init` project, an
Arabic document with a photo and an English one with Japanese, Arabic and Hebrew in it.

Each test reads the file back with pikepdf (structure tree, annotations, content streams)
and is named after the clause it checks. Where page-validation (a PDF/UA-1 validator on
PyPI) is installed, it checks every file as well.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pytest

import resumekit
from resumekit.building import GENERAL_BUILD
from resumekit.cli import main as cli_main
from resumekit.documents.locale import base_language
from resumekit.rendering.scripts import run_language, runs

from ..building.test_look import png
from ..helpers import JANE, PROFILES, copy_project, has_fonts_for, make_project

MIXED = """\
basics:
  name: 辻\U000e0100 花子
  label: Logistics Coordinator
  email: hanako@example.com
  profiles:
    - {network: GitHub, username: hanako, url: "https://github.com/hanako"}
work:
  - name: Harbor Freight Co.
    position: Operations Coordinator
    startDate: 2022-04
    highlights:
      - "Opened the route to Dubai (مرحبا بكم) and Tel Aviv (שלום עולם)"
      - Cut dock wait times by 30% at the 東京 terminal
education:
  - institution: 東京大学
    studyType: Bachelor
    area: Economics
"""
"""An English resume with a Japanese name (its first kanji with a variation selector),
Arabic and Hebrew passages and a Japanese institution."""

ARABIC = """\
basics:
  name: ليلى حداد
  label: محللة بيانات
  image: me.png
  email: layla@example.com
  phone: +971 4 555 0100
  url: https://layla.example.com
  location: {city: دبي}
  profiles:
    - {network: LinkedIn, username: layla-haddad, url: "https://www.linkedin.com/in/layla-haddad"}
  summary: محللة بيانات تحول البيانات التشغيلية إلى قرارات.
work:
  - name: شركة الميناء
    position: محللة بيانات أولى
    startDate: 2021-03
    highlights:
      - بنيت نموذج التنبؤ بالطلب باستخدام Python و SQL
      - قدمت النتائج الفصلية للإدارة
education:
  - institution: جامعة الإمارات
    studyType: بكالوريوس
    area: الإحصاء
    startDate: 2015
    endDate: 2019
skills:
  - name: التحليل
    keywords: [SQL, Python, dbt]
"""
"""A right-to-left document (language ar) with a photo and every kind of contact."""


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every PDF of the corpus, by a name that says what it is."""
    base = tmp_path_factory.mktemp("pdf-ua")
    for theme in ("classic", "compact", "serif"):
        root = copy_project(PROFILES, base / f"example-{theme}")
        config = root / "resumekit.yaml"
        text = config.read_text(encoding="utf-8").replace("theme: classic", f"theme: {theme}")
        config.write_text(text.replace("formats: [pdf, docx]", "formats: [pdf]") + "date: 2026-01-15\n",
                          encoding="utf-8")
        resumekit.build(config, targets=[GENERAL_BUILD])
    assert cli_main(["init", str(base / "init")]) == 0
    resumekit.build(base / "init" / "resumekit.yaml")
    (base / "arabic").mkdir()
    png(base / "arabic" / "me.png")
    resumekit.build(make_project(base / "arabic", profile=ARABIC, language="ar", photo=True, formats=["pdf"]))
    resumekit.build(make_project(base / "mixed", profile=MIXED, formats=["pdf"]))
    (base / "photo").mkdir()
    png(base / "photo" / "me.png")
    jane = JANE.replace("  name: Jane Doe\n", "  name: Jane Doe\n  image: me.png\n  profiles:\n"
                        "    - {network: LinkedIn, username: jane-doe}\n")
    resumekit.build(make_project(base / "photo", profile=jane, photo=True, formats=["pdf"]))
    found = {f"{path.relative_to(base).parts[0]}/{path.stem.rsplit('-', 1)[-1].lower()}": path
             for path in base.rglob("*.pdf")}
    assert len(found) == 14, sorted(found)
    return found


NAMES = [f"{project}/{document}" for project in ("example-classic", "example-compact", "example-serif", "init",
                                                 "arabic", "mixed", "photo") for document in ("resume", "letter")]


@pytest.fixture(params=NAMES)
def pdf(request: pytest.FixtureRequest, pdfs: dict[str, Path]) -> pikepdf.Pdf:
    if request.param.startswith(("arabic", "mixed")) and not has_fonts_for("ja", "ar", "he"):
        pytest.skip("needs the Noto fonts for Arabic, Hebrew and Japanese (see tests/helpers.py)")
    opened = pikepdf.open(pdfs[request.param])
    yield opened
    opened.close()


# --- reading the file back ---------------------------------------------------------------


def _kids(node: pikepdf.Object) -> list[pikepdf.Object]:
    kids = node.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _is_element(node: object) -> bool:
    return isinstance(node, pikepdf.Dictionary) and "/S" in node


@dataclass
class Tree:
    """The structure tree: its elements (with each one's language), and what they hold."""

    elements: list[tuple[pikepdf.Dictionary, str]] = field(default_factory=list)
    mcids: dict[tuple[tuple[int, int], int], tuple[pikepdf.Dictionary, str]] = field(default_factory=dict)
    annotations: dict[tuple[int, int], pikepdf.Dictionary] = field(default_factory=dict)


def _tree(pdf: pikepdf.Pdf) -> Tree:
    tree = Tree()
    root_lang = str(pdf.Root.get("/Lang", ""))

    def walk(element: pikepdf.Dictionary, lang: str) -> None:
        lang = str(element.get("/Lang", lang))
        tree.elements.append((element, lang))
        page = element.get("/Pg")
        for kid in _kids(element):
            if isinstance(kid, int):
                tree.mcids[(page.objgen, int(kid))] = (element, lang)
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                tree.mcids[(kid.get("/Pg", page).objgen, int(kid.MCID))] = (element, lang)
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                tree.annotations[kid.Obj.objgen] = element
            elif _is_element(kid):
                walk(kid, lang)

    for top in _kids(pdf.Root.StructTreeRoot):
        walk(top, root_lang)
    return tree


class _Fonts:
    """Each font of a page: its ToUnicode map and its number of glyphs."""

    def __init__(self, page: pikepdf.Page) -> None:
        from fontTools.ttLib import TTFont
        from pdfminer.cmapdb import CMapParser, FileUnicodeMap

        self.unicode: dict[str, FileUnicodeMap] = {}
        self.glyphs: dict[str, int] = {}
        for name, font in page.Resources.get("/Font", {}).items():
            cmap = FileUnicodeMap()
            CMapParser(cmap, io.BytesIO(font.ToUnicode.read_bytes())).run()
            self.unicode[name] = cmap
            descriptor = font.DescendantFonts[0].FontDescriptor
            program = descriptor.get("/FontFile2") or descriptor.get("/FontFile3")
            self.glyphs[name] = TTFont(io.BytesIO(program.read_bytes()))["maxp"].numGlyphs

    def text(self, font: str, gid: int) -> str:
        try:
            return str(self.unicode[font].get_unichr(gid))
        except KeyError:
            return ""


@dataclass
class Shown:
    """One glyph a text-showing operator draws, and the marked content around it."""

    font: str
    gid: int
    text: str
    marks: tuple[tuple[str, pikepdf.Object | None], ...]
    page: tuple[int, int]


@dataclass
class Marked:
    tag: str
    properties: pikepdf.Object | None
    page: tuple[int, int]


def _content(pdf: pikepdf.Pdf) -> Iterator[Shown | Marked]:
    """Every marked-content sequence (as it opens) and every glyph shown, page by page."""
    for page in pdf.pages:
        fonts = _Fonts(page)
        marks: list[tuple[str, pikepdf.Object | None]] = []
        font = ""
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                properties = operands[1] if op == "BDC" else None
                marks.append((str(operands[0]), properties))
                yield Marked(str(operands[0]), properties, page.objgen)
            elif op == "EMC":
                marks.pop()
            elif op == "Tf":
                font = str(operands[0])
            elif op in ("Tj", "TJ", "'", '"'):
                strings = operands[0] if op == "TJ" else [operands[-1]]
                for string in strings:
                    if isinstance(string, pikepdf.String):
                        raw = bytes(string)
                        for i in range(0, len(raw) - 1, 2):
                            gid = raw[i] << 8 | raw[i + 1]
                            yield Shown(font, gid, fonts.text(font, gid), tuple(marks), page.objgen)
                        if len(raw) % 2:
                            yield Shown(font, -1, "", tuple(marks), page.objgen)
                    if not strings:
                        yield Shown(font, -1, "", tuple(marks), page.objgen)


def _glyph_counts(pdf: pikepdf.Pdf) -> dict[tuple[tuple[int, int], str], int]:
    return {(page.objgen, name): count for page in pdf.pages for name, count in _Fonts(page).glyphs.items()}


def _mcid(properties: pikepdf.Object | None) -> int | None:
    if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
        return int(properties.MCID)
    return None


# --- the clauses ---------------------------------------------------------------------------


def test_7_1_marked_content_is_in_the_structure_tree_or_an_artifact(pdf):
    """7.1: content is tagged or an artifact; Matterhorn 01-004/01-005. Every sequence
    with an MCID is held by a structure element; every other one is an artifact."""
    tree = _tree(pdf)
    orphans, untagged = [], []
    for item in _content(pdf):
        if isinstance(item, Marked):
            mcid = _mcid(item.properties)
            if mcid is not None and (item.page, mcid) not in tree.mcids:
                orphans.append((item.tag, mcid))
            elif mcid is None and item.tag != "/Artifact":
                untagged.append(item.tag)
    assert orphans == [] and untagged == []


def test_7_1_no_text_is_shown_outside_marked_content(pdf):
    """7.1, Matterhorn 01-005: every glyph is inside a tagged sequence or an artifact."""
    outside = [shown.text for shown in _content(pdf) if isinstance(shown, Shown) and not shown.marks]
    assert outside == []


def test_7_8_the_running_footer_is_a_pagination_artifact(pdf, request):
    """7.8 (page headers and footers), Matterhorn 18-001: "Name – Page 1 of 3" is drawn
    as an artifact of type Pagination, nowhere in the structure tree."""
    footer: dict[tuple[int, int], str] = {}
    for shown in _content(pdf):
        if isinstance(shown, Shown):
            tag, properties = shown.marks[-1]
            if tag == "/Artifact" and isinstance(properties, pikepdf.Dictionary) \
                    and properties.get("/Type") == "/Pagination" and properties.get("/Subtype") == "/Footer":
                footer[shown.page] = footer.get(shown.page, "") + shown.text
    if request.node.callspec.params["pdf"].endswith("letter"):
        assert footer == {}  # a letter has no footer
    else:
        assert len(footer) == len(pdf.pages)
        assert all(f"{i} " in text and str(len(pdf.pages)) in text for i, text in enumerate(footer.values(), 1))


def test_7_3_decorative_icons_are_artifacts_and_every_figure_has_alt_text(pdf, request):
    """7.3, Matterhorn 13-004: a Figure has alternate text; the contact icons (decoration:
    the contact's own text says what it is) are artifacts, not Figures. Only a photo is."""
    figures = [element for element, _ in _tree(pdf).elements if element.S == "/Figure"]
    assert all(str(figure.get("/Alt", "")).strip() for figure in figures)
    name = request.node.callspec.params["pdf"]
    assert len(figures) == (1 if name in ("arabic/resume", "photo/resume") else 0)
    icons = [shown for shown in _content(pdf) if isinstance(shown, Shown) and shown.text == "\u00b7"
             and "resumekit-icon" in _base_font(pdf, shown)]
    assert all(shown.marks[-1][0] == "/Artifact" for shown in icons)
    assert bool(icons) == ("serif" not in name)  # serif draws no icons


def _base_font(pdf: pikepdf.Pdf, shown: Shown) -> str:
    page = next(page for page in pdf.pages if page.objgen == shown.page)
    return str(page.Resources.Font[shown.font].get("/BaseFont", ""))


def test_7_6_list_items_hold_a_label_and_a_list_body(pdf):
    """7.6 (lists) via ISO 32000-1 14.8.4.3.3, Matterhorn 16-001/16-002: an LI holds
    Lbl and LBody, nothing else, and has an LBody; an L holds only LI (or Caption)."""
    items = 0
    for element, _ in _tree(pdf).elements:
        roles = [str(kid.S) for kid in _kids(element) if _is_element(kid)]
        if element.S == "/LI":
            items += 1
            assert "/LBody" in roles and set(roles) <= {"/Lbl", "/LBody"}, roles
        elif element.S == "/L":
            assert set(roles) <= {"/LI", "/Caption", "/L"}, roles
    assert items > 0


def test_7_18_5_every_link_has_one_annotation_in_a_link_element(pdf):
    """7.18.5 (links), 7.18.1, Matterhorn 28-011: each link annotation is referenced
    (OBJR) from a Link element and maps back to it through /StructParent; it has
    /Contents; a Link element holds one annotation: none is drawn twice (the icon's)."""
    tree = _tree(pdf)
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    links = 0
    for page in pdf.pages:
        for annotation in page.get("/Annots", []):
            if annotation.get("/Subtype") != "/Link":
                continue
            links += 1
            holder = tree.annotations.get(annotation.objgen)
            assert holder is not None and holder.S == "/Link"
            assert parents[int(annotation.StructParent)].objgen == holder.objgen
            assert str(annotation.get("/Contents", "")).strip()
    per_element = [sum(1 for kid in _kids(element) if isinstance(kid, pikepdf.Dictionary)
                       and kid.get("/Type") == "/OBJR")
                   for element, _ in tree.elements if element.S == "/Link"]
    assert links > 0 and per_element and set(per_element) == {1} and sum(per_element) == links


def test_7_2_text_in_another_script_carries_its_language(pdf, request):
    """7.2 (natural language), Matterhorn 11-001..11-006: text in a script of another
    language has that language, from its element or an ancestor (the name 辻󠄀 花子 and
    東京大学 und-Hani, the Arabic passage ar, the Hebrew he); the rest the document's."""
    document = str(pdf.Root.Lang)
    tree = _tree(pdf)
    texts: dict[tuple[tuple[int, int], int], str] = {}
    for shown in _content(pdf):
        if isinstance(shown, Shown):
            for tag, properties in shown.marks:
                if _mcid(properties) is not None:
                    key = (shown.page, _mcid(properties))
                    texts[key] = texts.get(key, "") + shown.text
    wrong = []
    for key, text in texts.items():
        _, lang = tree.mcids.get(key, (None, ""))  # content no element holds has no language
        for start, end in runs(text):
            expected = run_language(text[start:end], document) or document
            if base_language(lang) != base_language(expected) or (expected.startswith("und-") and lang != expected):
                wrong.append((text[start:end], lang, expected))
    assert wrong == []
    if request.node.callspec.params["pdf"] == "mixed/resume":
        assert {"und-Hani", "ar", "he"} <= {lang for _, lang in tree.elements}


def test_7_21_7_every_glyph_shown_maps_to_unicode(pdf):
    """7.21.7 (Unicode character maps): every glyph a text operator shows has text in its
    font's ToUnicode map, so nothing drawn is unreadable (a variation selector set apart
    from its letter was drawn as a dotted circle that maps to nothing)."""
    unmapped = {(shown.font, shown.gid) for shown in _content(pdf)
                if isinstance(shown, Shown) and shown.text == ""}
    assert unmapped == set()


def test_7_21_8_no_text_operator_shows_the_notdef_glyph(pdf):
    """7.21.8 (.notdef glyph): no glyph id 0, and none past the embedded font's glyphs
    (what WeasyPrint draws for a character no font has), in an Identity-H string."""
    counts = _glyph_counts(pdf)
    notdef = [(shown.font, shown.gid) for shown in _content(pdf) if isinstance(shown, Shown)
              and (shown.gid <= 0 or shown.gid >= counts[(shown.page, shown.font)])]
    assert notdef == []


def test_a_pdf_ua_1_validator_finds_nothing(pdf):
    """page-validation's PDF/UA-1 profile (a validator on PyPI, where veraPDF is not)."""
    page_validation = pytest.importorskip("page", reason="needs page-validation (pip install page-validation)")
    report = page_validation.validate_pdf_bytes(Path(pdf.filename).read_bytes(), profile="ua1")
    assert [(failure.rule_id, failure.message) for failure in report.failures] == []
    assert report.is_compliant
