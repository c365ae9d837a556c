"""Regenerate ``reference.docx``, the classic theme's Word styles.

Run from this folder: ``python make_reference_docx.py``. The renderer takes every style
from the file this writes; the code only picks style names. The look follows style.css
(Lato, accent #004F90, US Letter with the same margins); each number below names the CSS
rule it copies. Word's "single" line for Lato is 1.2 em, so CSS line-height 1.36 is
1.36 / 1.2 = 1.13 lines here.
"""

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

ACCENT = RGBColor(0x00, 0x4F, 0x90)
TEXT = RGBColor(0x1A, 0x1A, 0x1A)
MUTED = RGBColor(0x55, 0x55, 0x55)
FONT = "Lato"
INDENT = 6.0         # pt; .entry, .text, .line { margin-left: 6pt }
BULLET_HANG = 10.8   # pt; ul.bullets li { padding-left: 1.08em } at 10 pt


def _set_fonts(rpr):
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _drop(parent, *tags):
    for tag in tags:
        for child in parent.findall(qn(tag)):
            parent.remove(child)


def _font(style, size, bold=False, italic=False, color=TEXT):
    style.font.name = FONT
    rpr = style.element.get_or_add_rPr()
    _set_fonts(rpr)
    _drop(rpr, "w:spacing", "w:kern", "w:szCs", "w:iCs", "w:bCs")
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = color


def _paragraph(style, before=0.0, after=0.0, line=1.13, align=None, keep=False):
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(before), Pt(after), line
    if align is not None:
        fmt.alignment = align
    if keep:
        fmt.keep_with_next = fmt.keep_together = True
    ppr = style.element.get_or_add_pPr()
    _drop(ppr, "w:pBdr", "w:contextualSpacing", "w:numPr")


def _document_defaults(doc):
    """Lato 10 pt for any run without a style, and Lato in the font table, described as
    a sans serif so that Word substitutes a sans serif where Lato is not installed."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr)
    for tag, value in (("w:sz", "20"), ("w:szCs", "20")):
        rpr.find(qn(tag)).set(qn("w:val"), value)
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")

    fonts_part = next(rel.target_part for rel in doc.part.rels.values()
                      if rel.reltype.endswith("/fontTable"))
    root = etree.fromstring(fonts_part.blob)
    font = OxmlElement("w:font")
    font.set(qn("w:name"), FONT)
    for tag, value in (("w:panose1", "020F0502020204030203"), ("w:charset", "00"),
                       ("w:family", "swiss"), ("w:pitch", "variable")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        font.append(child)
    root.insert(0, font)
    fonts_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)


def _bullet_numbering(doc, style):
    """The List Bullet level: a Lato bullet in the accent colour, hanging like the PDF's."""
    numbering = doc.part.numbering_part.element
    num_id = style.element.pPr.numPr.numId.val
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == abstract_id)
    level = abstract.find(qn("w:lvl"))
    level.find(qn("w:lvlText")).set(qn("w:val"), "\u2022")
    left, hang = str(round((INDENT + BULLET_HANG) * 20)), str(round(BULLET_HANG * 20))
    ppr = level.find(qn("w:pPr"))
    ppr.find(qn("w:tabs")).find(qn("w:tab")).set(qn("w:pos"), left)
    ind = ppr.find(qn("w:ind"))
    ind.set(qn("w:left"), left)
    ind.set(qn("w:hanging"), hang)
    rpr = level.find(qn("w:rPr"))
    _drop(rpr, "w:rFonts")
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), FONT)
    fonts.set(qn("w:hint"), "default")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), str(ACCENT))
    rpr.append(fonts)
    rpr.append(color)


def main() -> None:
    doc = Document()
    section = doc.sections[0]
    # @page { size: letter; margin: 1.5cm 1.8cm 1.6cm 1.8cm }
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)
    section.top_margin, section.bottom_margin = Cm(1.5), Cm(1.6)
    section.left_margin = section.right_margin = Cm(1.8)
    text_width = section.page_width - section.left_margin - section.right_margin
    _document_defaults(doc)

    styles = doc.styles
    normal = styles["Normal"]                      # html { 10pt; line-height 1.36 }
    _font(normal, 10)
    _paragraph(normal, after=2)
    normal.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)

    title = styles["Title"]                        # header h1: 28pt bold accent, centred
    _font(title, 28, bold=True, color=ACCENT)
    _paragraph(title, line=1.0, align=WD_ALIGN_PARAGRAPH.CENTER)

    subtitle = styles["Subtitle"]                  # header .label: 11pt muted
    _font(subtitle, 11, color=MUTED)
    _paragraph(subtitle, before=3, line=1.13, align=WD_ALIGN_PARAGRAPH.CENTER)

    contact = styles.add_style("Contact", WD_STYLE_TYPE.PARAGRAPH)  # header .contacts
    contact.base_style = normal
    _font(contact, 9, color=ACCENT)
    _paragraph(contact, before=6, after=4, line=1.29, align=WD_ALIGN_PARAGRAPH.CENTER)

    # section > h2: 13pt bold accent, and a rule from the heading's end to the margin: the
    # renderer ends the heading with an underlined tab that reaches this tab stop
    heading = styles["Heading 1"]
    _font(heading, 13, bold=True, color=ACCENT)
    _paragraph(heading, before=9, after=3, line=1.0, keep=True)
    heading.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)

    heading2 = styles["Heading 2"]                 # .entry .row: bold title, side at right
    _font(heading2, 10, bold=True)
    _paragraph(heading2, before=6, keep=True)
    heading2.paragraph_format.left_indent = Pt(INDENT)
    heading2.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)

    bullet = styles["List Bullet"]                 # ul.bullets li
    _font(bullet, 10)
    _paragraph(bullet, after=1.2)
    bullet.paragraph_format.keep_together = True   # li { break-inside: avoid }
    bullet.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 1
    bullet.paragraph_format.left_indent = Pt(INDENT + BULLET_HANG)
    bullet.paragraph_format.first_line_indent = Pt(-BULLET_HANG)
    _bullet_numbering(doc, bullet)

    doc.core_properties.title = "resumekit classic theme"
    doc.core_properties.author = "resumekit"
    doc.save("reference.docx")


if __name__ == "__main__":
    main()
