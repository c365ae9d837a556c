"""Regenerate a built-in theme's ``reference.docx``, its Word styles.

Run ``python templates/classic/make_reference_docx.py [THEME ...]`` (from any folder): it
writes ``templates/THEME/reference.docx`` for each theme named (``classic`` when none is,
every theme of :data:`LOOKS` for ``--all``), the same bytes at every run. The renderer
takes every style from that file; the code picks style names and sets, at render time,
what a user's ``design:`` block changes (font, accent, sizes).

A theme's look at its defaults follows its style.css: the design values (accent, font,
font size, line spacing, margins) come from its ``theme.yaml``, the rest from
:data:`LOOKS`, each number naming the CSS rule it copies; sizes there are in rem, as in the
style sheets, so a title of 2.8rem is 28 pt at a font size of 10. Word's "single" line is
the font's Windows ascent plus descent (1.2 em for Lato), so CSS line-height 1.36 is
1.36 / 1.2 = 1.13 lines here. Heading 1 has no border: the renderer draws the section
title's rule in the style the design names.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import yaml
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from fontTools.ttLib import TTFont
from lxml import etree

THEMES = Path(__file__).resolve().parent.parent
INDENT = 6.0  # pt; .entry, .text, .line { margin-left: 6pt } in every built-in theme
CENTER, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT
ACCENT = "accent"  # a colour in LOOKS that is the design's accent

LOOKS = {
    "classic": {
        "regular": "fonts/Lato-Regular.ttf", "family": "swiss",
        "text": "1A1A1A", "muted": "555555",              # :root { --text; --muted }
        # header h1: 2.8rem bold accent, centred, line-height 1.15
        "title": {"size": 2.8, "color": ACCENT, "align": CENTER, "line": 1.15},
        # header .label: 1.1rem muted
        "subtitle": {"size": 1.1, "color": "muted", "before": 3, "align": CENTER},
        # header .contacts: 0.9rem accent, line-height 1.55, margin-top 6pt
        "contact": {"size": 0.9, "color": ACCENT, "before": 6, "after": 4, "line": 1.55, "align": CENTER},
        # section > h2: 1.3rem bold accent, margin-top 9pt (section), 3pt under
        "heading": {"size": 1.3, "bold": True, "color": ACCENT, "before": 9, "after": 3, "line": 1.2},
        "entry_before": 6,                                # .entry { margin-bottom: 6pt }
        "normal_after": 2,                                # .line { margin-bottom: 2pt }
        "bullet_after": 1.2,                              # ul.bullets li { margin-bottom: 1.2pt }
        "bullet_hang": 1.08,                              # ul.bullets li { padding-left: 1.08em }
        "bullet_color": ACCENT,                           # li::marker { color: var(--accent) }
    },
    "compact": {
        "regular": "fonts/IBMPlexSansCondensed-Regular.ttf", "family": "swiss",
        "text": "1B1F23", "muted": "4F5A62",
        "title": {"size": 2.2, "color": "text", "align": LEFT, "line": 1.2},
        "subtitle": {"size": 1.1, "color": ACCENT, "before": 2, "align": LEFT, "line": 1.25},
        "contact": {"size": 0.95, "color": "muted", "before": 3, "after": 2, "line": 1.45, "align": LEFT},
        # section > h2: 1.05rem bold accent, uppercase, letter-spacing 0.05em
        "heading": {"size": 1.05, "bold": True, "color": ACCENT, "before": 7, "after": 2.5, "line": 1.2,
                    "caps": "all", "tracking": 0.05},
        "entry_before": 4,
        "normal_after": 1.5,
        "bullet_after": 0.6,
        "bullet_hang": 0.8,
        "bullet_color": ACCENT,
    },
    "serif": {
        "regular": "fonts/cmunrm.ttf", "family": "roman",
        "text": "111111", "muted": "444444",
        # header h1: 2.5rem bold small capitals, centred
        "title": {"size": 2.5, "color": ACCENT, "align": CENTER, "line": 1.2, "caps": "small"},
        # header .label: 1.05rem italic
        "subtitle": {"size": 1.05, "color": "text", "italic": True, "before": 4, "align": CENTER},
        "contact": {"size": 0.95, "color": "text", "before": 4, "after": 3, "line": 1.45, "align": CENTER},
        # section > h2: 1.25rem small capitals, not bold
        "heading": {"size": 1.25, "bold": False, "color": ACCENT, "before": 9, "after": 4, "line": 1.2,
                    "caps": "small"},
        "entry_before": 5,
        "normal_after": 2,
        "bullet_after": 1,
        "bullet_hang": 1.0,
        "bullet_color": ACCENT,
    },
}
"""What each theme's style.css sets that a design does not."""


def _points(size: float) -> float:
    """``size`` in pt, to the half point Word keeps."""
    return round(size * 2) / 2


def _lengths(margins: str) -> list[Cm]:
    """A CSS margin shorthand (one to four lengths) as the top, right, bottom and left margins."""
    units = {"cm": 1.0, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72}
    given = [Cm(float(part[:-2]) * units[part[-2:]]) for part in margins.split()]
    top, right, bottom, left = {1: (0, 0, 0, 0), 2: (0, 1, 0, 1), 3: (0, 1, 2, 1), 4: (0, 1, 2, 3)}[len(given)]
    return [given[top], given[right], given[bottom], given[left]]


class Theme:
    """One built-in theme's design (theme.yaml) and look (LOOKS), as Word needs them."""

    def __init__(self, name: str) -> None:
        folder = THEMES / name
        design = yaml.safe_load((folder / "theme.yaml").read_text(encoding="utf-8"))["design"]
        self.name, self.folder, self.look = name, folder, LOOKS[name]
        self.font, self.size, self.css_line = design["font"], float(design["fontSize"]), design["lineSpacing"]
        self.margins = _lengths(design["margins"])
        self.colors = {ACCENT: design["accent"].lstrip("#").upper(), "text": self.look["text"],
                       "muted": self.look["muted"]}
        regular = TTFont(folder / self.look["regular"], lazy=True)
        os2 = regular["OS/2"]
        # Word's single line is the font's Windows height; LibreOffice on Linux and macOS
        # takes its hhea height (with the line gap). Where they differ (CMU Serif: 1.185 and
        # 1.385 em), lines are counted in the taller, so neither sets the DOCX longer than the PDF.
        hhea = regular["hhea"]
        self.single = max(os2.usWinAscent + os2.usWinDescent,
                          hhea.ascent - hhea.descent + hhea.lineGap) / regular["head"].unitsPerEm
        panose = os2.panose
        self.panose = "".join(f"{getattr(panose, f):02X}" for f in (
            "bFamilyType", "bSerifStyle", "bWeight", "bProportion", "bContrast", "bStrokeVariation",
            "bArmStyle", "bLetterForm", "bMidline", "bXHeight"))

    def color(self, name: str) -> RGBColor:
        return RGBColor.from_string(self.colors[name])

    def line(self, css: float, least: float = 0.0) -> float:
        """CSS line-height ``css`` in Word's lines of this font."""
        return max(least, round(css / self.single, 2))

    def pt(self, rem: float) -> float:
        return _points(rem * self.size)


def _set_fonts(rpr, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)


def _drop(parent, *tags: str) -> None:
    for tag in tags:
        for child in parent.findall(qn(tag)):
            parent.remove(child)


def _font(style, theme: Theme, size: float, bold: bool = False, italic: bool = False,
          color: str = "text", caps: str | None = None, tracking: float = 0.0) -> None:
    style.font.name = theme.font
    rpr = style.element.get_or_add_rPr()
    _set_fonts(rpr, theme.font)
    _drop(rpr, "w:spacing", "w:kern", "w:szCs", "w:iCs", "w:bCs")
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = theme.color(color)
    if caps == "small":
        style.font.small_caps = True
    elif caps == "all":
        style.font.all_caps = True
    if tracking:  # CSS letter-spacing, in twentieths of a point
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(round(tracking * size * 20)))
        rpr.insert_element_before(spacing, "w:w", "w:kern", "w:position", "w:sz", "w:szCs",
                                  "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText",
                                  "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                                  "w:specVanish", "w:oMath")


def _paragraph(style, before: float = 0.0, after: float = 0.0, line: float = 1.13, align=None,
               keep: bool = False) -> None:
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(before), Pt(after), line
    if align is not None:
        fmt.alignment = align
    if keep:
        fmt.keep_with_next = fmt.keep_together = True
    ppr = style.element.get_or_add_pPr()
    _drop(ppr, "w:pBdr", "w:contextualSpacing", "w:numPr")


def _document_defaults(doc, theme: Theme) -> None:
    """The theme's font and size for any run without a style, and the font in the font
    table, described (family, PANOSE) so that Word substitutes a like font where it is
    not installed."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, theme.font)
    half_points = str(round(theme.size * 2))
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), half_points)
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")

    fonts_part = next(rel.target_part for rel in doc.part.rels.values()
                      if rel.reltype.endswith("/fontTable"))
    root = etree.fromstring(fonts_part.blob)
    font = OxmlElement("w:font")
    font.set(qn("w:name"), theme.font)
    for tag, value in (("w:panose1", theme.panose), ("w:charset", "00"),
                       ("w:family", theme.look["family"]), ("w:pitch", "variable")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        font.append(child)
    root.insert(0, font)
    fonts_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)


def _bullet_numbering(doc, style, theme: Theme, hang: float) -> None:
    """The List Bullet level: a bullet in the theme's font and colour, hanging like the PDF's."""
    numbering = doc.part.numbering_part.element
    num_id = style.element.pPr.numPr.numId.val
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == abstract_id)
    level = abstract.find(qn("w:lvl"))
    level.find(qn("w:lvlText")).set(qn("w:val"), "\u2022")
    left, hanging = str(round((INDENT + hang) * 20)), str(round(hang * 20))
    ppr = level.find(qn("w:pPr"))
    ppr.find(qn("w:tabs")).find(qn("w:tab")).set(qn("w:pos"), left)
    ind = ppr.find(qn("w:ind"))
    ind.set(qn("w:left"), left)
    ind.set(qn("w:hanging"), hanging)
    rpr = level.find(qn("w:rPr"))
    _drop(rpr, "w:rFonts")
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), theme.font)
    fonts.set(qn("w:hint"), "default")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), str(theme.color(theme.look["bullet_color"])))
    rpr.append(fonts)
    rpr.append(color)


def make_reference(name: str) -> Path:
    """Write ``templates/NAME/reference.docx`` from the theme's design and look; returns its path."""
    theme = Theme(name)
    look = theme.look
    doc = Document()
    section = doc.sections[0]
    # @page { size: letter; margin: (the design's) }
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)
    section.top_margin, section.right_margin, section.bottom_margin, section.left_margin = theme.margins
    text_width = section.page_width - section.left_margin - section.right_margin
    _document_defaults(doc, theme)
    body_line = theme.line(theme.css_line)

    styles = doc.styles
    normal = styles["Normal"]                      # html { font-size; line-height }
    _font(normal, theme, theme.size)
    _paragraph(normal, after=look["normal_after"], line=body_line)
    normal.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)

    part = look["title"]                           # header h1
    title = styles["Title"]
    _font(title, theme, theme.pt(part["size"]), bold=True, color=part["color"], caps=part.get("caps"))
    _paragraph(title, line=theme.line(part["line"], least=1.0), align=part["align"])

    part = look["subtitle"]                        # header .label
    subtitle = styles["Subtitle"]
    _font(subtitle, theme, theme.pt(part["size"]), italic=part.get("italic", False), color=part["color"])
    _paragraph(subtitle, before=part["before"], line=theme.line(part.get("line", theme.css_line)),
               align=part["align"])

    part = look["contact"]                         # header .contacts
    contact = styles.add_style("Contact", WD_STYLE_TYPE.PARAGRAPH)
    contact.base_style = normal
    _font(contact, theme, theme.pt(part["size"]), color=part["color"])
    _paragraph(contact, before=part["before"], after=part["after"], line=theme.line(part["line"]),
               align=part["align"])

    # section > h2; the renderer draws its rule (to the margin, or under the whole line)
    # with a tab to this tab stop or a border, as the design's sectionTitles says
    part = look["heading"]
    heading = styles["Heading 1"]
    _font(heading, theme, theme.pt(part["size"]), bold=part["bold"], color=part["color"],
          caps=part.get("caps"), tracking=part.get("tracking", 0.0))
    _paragraph(heading, before=part["before"], after=part["after"], line=theme.line(part["line"], least=1.0),
               keep=True)
    heading.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)

    heading2 = styles["Heading 2"]                 # .entry .row: bold title, side at right
    _font(heading2, theme, theme.size, bold=True)
    _paragraph(heading2, before=look["entry_before"], line=body_line, keep=True)
    heading2.paragraph_format.left_indent = Pt(INDENT)
    heading2.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)

    hang = round(look["bullet_hang"] * theme.size, 2)
    bullet = styles["List Bullet"]                 # ul.bullets li
    _font(bullet, theme, theme.size)
    _paragraph(bullet, after=look["bullet_after"], line=body_line)
    bullet.paragraph_format.keep_together = True   # li { break-inside: avoid }
    bullet.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 1
    bullet.paragraph_format.left_indent = Pt(INDENT + hang)
    bullet.paragraph_format.first_line_indent = Pt(-hang)
    _bullet_numbering(doc, bullet, theme, hang)

    doc.core_properties.title = f"resumekit {name} theme"
    doc.core_properties.author = "resumekit"
    path = theme.folder / "reference.docx"
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(_reproducible(buffer.getvalue()))
    return path


def _reproducible(data: bytes) -> bytes:
    """The package with fixed timestamps, so that a re-run writes the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()


def main(argv: list[str]) -> None:
    names = sorted(LOOKS) if argv == ["--all"] else (argv or ["classic"])
    for name in names:
        print(make_reference(name))


if __name__ == "__main__":
    main(sys.argv[1:])
