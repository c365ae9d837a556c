"""A saved DOCX package, finished: the theme's fonts embedded, true application
properties, no stale preview picture, and a zip that is byte-identical for identical inputs.

Word and LibreOffice draw an embedded font when the machine lacks it, so a one-page
resume stays one page for a reader without Lato. Fonts are embedded as ECMA-376 Part 1,
§17.8.1 asks: obfuscated (the first 32 bytes XORed with the font key), as
``word/fonts/fontN.odttf``, referenced from ``word/fontTable.xml``. Each is cut to the
characters the document uses and those a small edit needs, which keeps a family's four
styles at about 140 kB in the DOCX instead of 1.3 MB (2.6 MB unpacked).
"""

from __future__ import annotations

import hashlib
import io
import re
import uuid
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from .fonts import _family

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""Every part's timestamp: the earliest a zip file can hold."""

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
APP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
FONT_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
THUMBNAIL_RELATIONSHIP = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
APP_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
APP_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
FONT_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont"

_BEFORE_EMBEDDING = ("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
                     "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
                     "printFractionalCharacterWidth", "printFormsData")
"""What the schema puts before w:embedTrueTypeFonts in word/settings.xml (then come
w:embedSystemFonts and w:saveSubsetFonts)."""

_RESTRICTED = 0x0002
"""OS/2 fsType: the font's licence forbids embedding it."""


@dataclass(frozen=True)
class FontFiles:
    """One family's font files, by style; a style the theme does not ship is ``None``."""

    regular: Path | None = None
    bold: Path | None = None
    italic: Path | None = None
    bold_italic: Path | None = None


_EMBED_TAGS = {"regular": "embedRegular", "bold": "embedBold", "italic": "embedItalic",
               "bold_italic": "embedBoldItalic"}
"""The fontTable element that names each style's file, in the schema's order."""


def embeddable_fonts(paths: Iterable[Path]) -> dict[str, FontFiles]:
    """The TrueType files among ``paths`` by family (their name table) and style (their OS/2
    table); where several fit one style, the weight nearest 400 (700 for bold) wins, then the
    first. Files fontTools cannot read, CFF fonts and fonts whose licence forbids embedding
    are left out."""
    from fontTools.ttLib import TTFont, TTLibError

    best: dict[tuple[str, str], tuple[int, Path]] = {}
    for path in paths:
        family = _family(str(path))
        try:
            with TTFont(path, lazy=True) as font:
                if "glyf" not in font or "OS/2" not in font:
                    continue  # CFF outlines: a DOCX embeds TrueType fonts only
                os2 = font["OS/2"]
                selection, weight, licence = os2.fsSelection, os2.usWeightClass, os2.fsType
        except (OSError, TTLibError, KeyError, AssertionError):
            continue
        if family is None or licence & _RESTRICTED:
            continue
        bold, italic = bool(selection & 0x20) or weight >= 600, bool(selection & 0x01)
        style = {(False, False): "regular", (True, False): "bold", (False, True): "italic",
                 (True, True): "bold_italic"}[bold, italic]
        distance = abs(weight - (700 if bold else 400))
        if (family, style) not in best or distance < best[family, style][0]:
            best[family, style] = (distance, path)
    grouped: dict[str, dict[str, Path]] = {}
    for (family, style), (_, path) in best.items():
        grouped.setdefault(family, {})[style] = path
    return {family: FontFiles(**styles) for family, styles in sorted(grouped.items())}


def finish_package(data: bytes, fonts: Mapping[str, FontFiles], words: int, version: str) -> bytes:
    """The DOCX ``data`` with those of ``fonts`` its styles or text name embedded, application
    properties that say resumekit ``version`` made it and it has ``words`` words, and no
    preview picture; zipped again with fixed timestamps, in the same order, new parts last."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    _drop_thumbnail(parts)
    _write_app_properties(parts, words, version)
    named = _named_families(parts)
    _embed_fonts(parts, {family: files for family, files in fonts.items() if family in named})
    return _zip(parts)


def _zip(parts: Mapping[str, bytes]) -> bytes:
    """A zip of ``parts`` in their order, each deflated, with a fixed timestamp and permissions."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            package.writestr(info, content)
    return out.getvalue()


def _xml(content: bytes) -> Any:
    return etree.fromstring(content, etree.XMLParser(resolve_entities=False))


def _xml_bytes(root: Any) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)  # type: ignore[no-any-return]


def _local(element: Any) -> str:
    """An element's name without its namespace; "" for a comment or processing instruction."""
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _rels_name(part: str) -> str:
    """Where ``part``'s relationships are: "word/fontTable.xml" -> "word/_rels/fontTable.xml.rels",
    "" (the package) -> "_rels/.rels"."""
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


def _relationships(parts: Mapping[str, bytes], part: str) -> Any:
    name = _rels_name(part)
    if name in parts:
        return _xml(parts[name])
    return etree.Element(f"{{{RELS}}}Relationships", nsmap={None: RELS})


def _relate(rels: Any, kind: str, target: str) -> str:
    """A new relationship in ``rels`` to ``target``; returns its id."""
    taken = {rel.get("Id") for rel in rels}
    number = 1
    while f"rId{number}" in taken:
        number += 1
    etree.SubElement(rels, f"{{{RELS}}}Relationship", Id=f"rId{number}", Type=kind, Target=target)
    return f"rId{number}"


def _extension(name: str) -> str:
    return name.rpartition(".")[2].lower()


def _drop_thumbnail(parts: dict[str, bytes]) -> None:
    """No preview picture: the reference file's shows its own empty page, not this document."""
    rels = _relationships(parts, "")
    dropped = [rel for rel in rels.findall(f"{{{RELS}}}Relationship") if rel.get("Type") == THUMBNAIL_RELATIONSHIP]
    gone = {name for name in parts if re.fullmatch(r"docProps/thumbnail\.\w+", name)}
    gone |= {(rel.get("Target") or "").lstrip("/") for rel in dropped}
    if not gone:
        return
    for rel in dropped:
        rels.remove(rel)
    parts["_rels/.rels"] = _xml_bytes(rels)
    for name in gone:
        parts.pop(name, None)
    types = _xml(parts["[Content_Types].xml"])
    unused = {_extension(name) for name in gone} - {_extension(name) for name in parts}
    for entry in list(types):
        if (entry.get("PartName") or "").lstrip("/") in gone or (entry.get("Extension") or "").lower() in unused:
            types.remove(entry)
    parts["[Content_Types].xml"] = _xml_bytes(types)


def _app_version(version: str) -> str:
    """``version`` in the XX.YYYY form app.xml asks for: 0.1.0 -> 00.0100, 1.12.3 -> 01.1203."""
    numbers = [min(int(n), 99) for n in re.findall(r"\d+", version)[:3]] + [0, 0, 0]
    return f"{numbers[0]:02d}.{numbers[1]:02d}{numbers[2]:02d}"


def _write_app_properties(parts: dict[str, bytes], words: int, version: str) -> None:
    """docProps/app.xml says only what is true of this document: the reference file's
    application, template, editing time and page count are not, and are left out."""
    root = etree.Element(f"{{{APP}}}Properties", nsmap={None: APP})
    for tag, text in (("Words", str(words)), ("Application", "resumekit"), ("AppVersion", _app_version(version))):
        etree.SubElement(root, f"{{{APP}}}{tag}").text = text
    name = "docProps/app.xml"
    if name not in parts:
        rels = _relationships(parts, "")
        _relate(rels, APP_RELATIONSHIP, name)
        parts["_rels/.rels"] = _xml_bytes(rels)
        types = _xml(parts["[Content_Types].xml"])
        etree.SubElement(types, f"{TYPES}Override", PartName=f"/{name}", ContentType=APP_CONTENT_TYPE)
        parts["[Content_Types].xml"] = _xml_bytes(types)
    parts[name] = _xml_bytes(root)


def _named_families(parts: Mapping[str, bytes]) -> set[str]:
    """The font families the styles and the text name (w:rFonts)."""
    names: set[str] = set()
    for part in ("word/styles.xml", "word/document.xml"):
        if part in parts:
            for fonts in _xml(parts[part]).iter(f"{W}rFonts"):
                names.update(fonts.get(f"{W}{key}") or "" for key in ("ascii", "hAnsi", "cs", "eastAsia"))
    return names - {""}


EDITING_CHARACTERS = frozenset(map(chr, [*range(0x20, 0x7F), *range(0xA0, 0x100), *range(0x2010, 0x2028), 0x20AC]))
"""Characters every embedded font keeps, used or not: what a reader fixing a line in Word
most likely types (ASCII, Latin-1, dashes, quotes, the euro). Most documents use nothing
else, so most share one subset, cut once per process."""


def _used_characters(parts: Mapping[str, bytes]) -> str:
    """The characters of the document's text and list labels and :data:`EDITING_CHARACTERS`, sorted."""
    chars = set(EDITING_CHARACTERS)
    for part in ("word/document.xml", "word/numbering.xml"):
        if part in parts:
            root = _xml(parts[part])
            for text in root.iter(f"{W}t"):
                chars.update(text.text or "")
            for label in root.iter(f"{W}lvlText"):
                chars.update(label.get(f"{W}val") or "")
    return "".join(sorted(chars))


def _subset(path: Path, text: str) -> bytes:
    """The font at ``path`` cut to the glyphs ``text`` needs, with all its names, its
    kerning and hinting; the same bytes every time, since its timestamp stays the file's own."""
    try:
        stat = path.stat()
    except OSError:
        stamp = (0, 0)
    else:
        stamp = (stat.st_size, stat.st_mtime_ns)
    return _cut(str(path), stamp, text)


@lru_cache(maxsize=16)
def _cut(path: str, stamp: tuple[int, int], text: str) -> bytes:
    """:func:`_subset`, once per file, version of it and text: by HarfBuzz where it is
    installed, else by fontTools, which takes most of a second to read Lato's kerning."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from .hb_subset import harfbuzz_cut

    with open(path, "rb") as handle:
        fast = harfbuzz_cut(handle.read(), text)
    if fast is not None:
        return fast
    options = subset.Options()
    options.name_IDs = ["*"]  # the typographic family (16, 17) too, which a reader may match by
    options.notdef_outline = True
    options.recalc_timestamp = False
    with TTFont(path, recalcTimestamp=False) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        out = io.BytesIO()
        font.save(out)
    return out.getvalue()


def _font_key(font: bytes) -> str:
    """A GUID for the font from its bytes, so the same font always has the same key."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(font).digest()[:16])).upper() + "}"


def _obfuscate(font: bytes, key: str) -> bytes:
    """``font`` with its first 32 bytes XORed with the 16 bytes of ``key`` taken from the
    last (ECMA-376 Part 1, §17.8.1); the same again gives the font back."""
    guid = bytes.fromhex(re.sub(r"[{}-]", "", key))[::-1]
    return bytes(b ^ guid[i % 16] for i, b in enumerate(font[:32])) + font[32:]


def _embed_fonts(parts: dict[str, bytes], fonts: Mapping[str, FontFiles]) -> None:
    """Each style of ``fonts`` subset, obfuscated, added as a part and named in word/fontTable.xml."""
    styles = [(family, style.name, path) for family, files in fonts.items()
              for style in fields(files) if (path := getattr(files, style.name)) is not None]
    if not styles or "word/fontTable.xml" not in parts:
        return
    text = _used_characters(parts)
    table = _xml(parts["word/fontTable.xml"])
    rels = _relationships(parts, "word/fontTable.xml")
    entries = {entry.get(f"{W}name"): entry for entry in table.iter(f"{W}font")}
    number = 0
    for family, style, path in styles:
        number += 1
        while f"word/fonts/font{number}.odttf" in parts:
            number += 1
        font = _subset(path, text)
        key = _font_key(font)
        parts[f"word/fonts/font{number}.odttf"] = _obfuscate(font, key)
        entry = entries.get(family)
        if entry is None:
            entry = entries[family] = etree.SubElement(table, f"{W}font", {f"{W}name": family})
        for old in entry.findall(f"{W}{_EMBED_TAGS[style]}"):
            entry.remove(old)
        embed = etree.SubElement(entry, f"{W}{_EMBED_TAGS[style]}")
        embed.set(f"{R}id", _relate(rels, FONT_RELATIONSHIP, f"fonts/font{number}.odttf"))
        embed.set(f"{W}fontKey", key)
    order = list(_EMBED_TAGS.values())
    for entry in entries.values():  # the embeds come last, in the schema's order
        for embed in sorted((e for e in entry if _local(e) in order), key=lambda e: order.index(_local(e))):
            entry.append(embed)
    parts["word/fontTable.xml"] = _xml_bytes(table)
    parts[_rels_name("word/fontTable.xml")] = _xml_bytes(rels)
    _declare_font_type(parts)
    _keep_fonts_embedded(parts)


def _declare_font_type(parts: dict[str, bytes]) -> None:
    types = _xml(parts["[Content_Types].xml"])
    if any((entry.get("Extension") or "").lower() == "odttf" for entry in types):
        return
    made = etree.Element(f"{TYPES}Default", Extension="odttf", ContentType=FONT_CONTENT_TYPE)
    defaults = [entry for entry in types if _local(entry) == "Default"]
    if defaults:
        defaults[-1].addnext(made)
    else:
        types.insert(0, made)
    parts["[Content_Types].xml"] = _xml_bytes(types)


def _keep_fonts_embedded(parts: dict[str, bytes]) -> None:
    """w:embedTrueTypeFonts and w:saveSubsetFonts in word/settings.xml, where the schema puts
    them: Word keeps the fonts when the reader saves, and knows they are subsets."""
    if "word/settings.xml" not in parts:
        return
    settings = _xml(parts["word/settings.xml"])
    before: tuple[str, ...] = _BEFORE_EMBEDDING
    for tag in ("embedTrueTypeFonts", "saveSubsetFonts"):
        if settings.find(f"{W}{tag}") is None:
            earlier = [child for child in settings if _local(child) in before]
            made = etree.Element(f"{W}{tag}")
            if earlier:
                earlier[-1].addnext(made)
            else:
                settings.insert(0, made)
        before = (*before, tag, "embedSystemFonts")
    parts["word/settings.xml"] = _xml_bytes(settings)
