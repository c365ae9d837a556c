"""Regenerate ``reference.docx``, the classic theme's Word styles.

Run from this folder: ``python make_reference_docx.py``. The renderer takes every style
from the file this writes; the code only picks style names. The look follows style.css:
Lato 10 pt, accent #004F90, letter-size page with the same margins.
"""

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ACCENT = RGBColor(0x00, 0x4F, 0x90)
TEXT = RGBColor(0x1A, 0x1A, 0x1A)
FONT = "Lato"


def _font(style, size, bold=False, italic=False, color=TEXT):
    style.font.name = FONT
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = color


def _bottom_rule(style):
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "004F90")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def main() -> None:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)
    section.top_margin, section.bottom_margin = Cm(1.6), Cm(1.7)
    section.left_margin = section.right_margin = Cm(1.9)
    text_width = section.page_width - section.left_margin - section.right_margin

    styles = doc.styles
    normal = styles["Normal"]
    _font(normal, 10)
    normal.paragraph_format.space_after = Pt(2)
    normal.paragraph_format.line_spacing = 1.12
    normal.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)

    title = styles["Title"]
    _font(title, 25, bold=True, color=ACCENT)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(2)
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)

    subtitle = styles["Subtitle"]
    _font(subtitle, 11, color=RGBColor(0x33, 0x33, 0x33))
    subtitle.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.paragraph_format.space_after = Pt(2)

    heading = styles["Heading 1"]
    _font(heading, 13, bold=True, color=ACCENT)
    heading.paragraph_format.space_before = Pt(9)
    heading.paragraph_format.space_after = Pt(3)
    heading.paragraph_format.keep_with_next = True
    _bottom_rule(heading)

    heading2 = styles["Heading 2"]
    _font(heading2, 10, bold=True)
    heading2.paragraph_format.space_before = Pt(4)
    heading2.paragraph_format.space_after = Pt(0)
    heading2.paragraph_format.keep_with_next = True
    heading2.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)

    bullet = styles["List Bullet"]
    _font(bullet, 10)
    bullet.paragraph_format.space_after = Pt(1)

    contact = styles.add_style("Contact", WD_STYLE_TYPE.PARAGRAPH)
    contact.base_style = normal
    _font(contact, 9, color=ACCENT)
    contact.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    contact.paragraph_format.space_after = Pt(8)

    doc.core_properties.title = "resumekit classic theme"
    doc.core_properties.author = "resumekit"
    doc.save("reference.docx")


if __name__ == "__main__":
    main()
