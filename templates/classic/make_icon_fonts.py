"""Regenerate the contact icons' fonts, ``templates/classic/fonts/icons/*.otf``.

Run ``python templates/classic/make_icon_fonts.py`` (from any folder): it writes one font
per icon and per direction, the same bytes at every run. Each font maps one character,
the middle dot ``·`` (U+00B7), to its icon, drawn after a blank of :data:`LEAD` units (before
it, for the ``-rtl`` fonts) that parts one contact from the one before.

Why a font and not a picture: an extractor reads a line of text as columns wherever it
finds a gap wider than about 0.7 em with no character in it (poppler's pdftotext,
pdfminer.six). A drawn icon and the space around it are such a gap, so two centred rows
of contacts were read column by column ("Columbus, OH linkedin.com/… maya@…"). Drawn as
a character, the icon and its blank are text: every extractor reads the row as one line,
"· Columbus, OH · maya@example.com · +1 614 555 0142", and a tagged PDF marks the dot as
an artifact, so a screen reader skips it.

The icons are drawn on a 16-unit grid, as SVG paths (y down): resumekit's own drawings,
no icon font, no network.
"""

from __future__ import annotations

import sys
from pathlib import Path

ICONS: dict[str, tuple[str, str]] = {
    # kind: (fill rule, SVG path on the 16-unit grid)
    "location": ("evenodd", "M8 .6C4.9.6 2.6 2.9 2.6 5.9 2.6 9.8 8 15.4 8 15.4s5.4-5.6 5.4-9.5C13.4 2.9 11.1.6 8 .6zm0 "
                            "3.1a2.1 2.1 0 1 0 0 4.2 2.1 2.1 0 1 0 0-4.2z"),
    "email": ("evenodd", "M1 4.2C1 3.5 1.5 3 2.2 3h11.6c.7 0 1.2.5 1.2 1.2v.4L8 9.1 1 4.6zm0 2 7 4.5 7-4.5v5.6c0 .7-.5 "
                         "1.2-1.2 1.2H2.2C1.5 13 1 12.5 1 11.8z"),
    "phone": ("evenodd", "M3.6.9 5.6.7c.4 0 .7.2.8.6l.9 3.1c.1.4 0 .8-.3 1L5.6 6.5c.8 1.7 2.2 3.1 3.9 3.9L10.6 9c.2-.3"
                         ".6-.4 1-.3l3.1.9c.4.1.6.4.6.8l-.2 2C15 13.8 13.9 15 12.4 15 6.1 15 1 9.9 1 3.6 1 2.1 2.2 1 "
                         "3.6.9z"),
    "linkedin": ("evenodd", "M2.6 1h10.8c.9 0 1.6.7 1.6 1.6v10.8c0 .9-.7 1.6-1.6 1.6H2.6C1.7 15 1 14.3 1 13.4V2.6C1 1.7 "
                            "1.7 1 2.6 1zm1 5.4v6.2h2V6.4zm1-3.2a1.15 1.15 0 1 0 0 2.3 1.15 1.15 0 1 0 0-2.3zm2.5 "
                            "3.2v6.2h2V9.3c0-.9.4-1.4 1.1-1.4.7 0 1 .5 1 1.4v3.3h2V8.9c0-1.8-.9-2.7-2.3-2.7-.9 0-1.5.4"
                            "-1.8 1v-.8z"),
    "github": ("evenodd", "M8 .5a7.5 7.5 0 0 0-2.4 14.6c.4.1.5-.2.5-.4v-1.4c-2.1.5-2.5-.9-2.5-.9-.4-.9-.9-1.1-.9-1.1"
                          "-.7-.5.1-.5.1-.5.7.1 1.1.8 1.1.8.7 1.1 1.7.8 2.2.6.1-.5.3-.8.5-1-1.7-.2-3.4-.8-3.4-3.7 0-.8"
                          ".3-1.5.8-2-.1-.2-.3-1 .1-2 0 0 .6-.2 2 .7.6-.2 1.3-.2 1.9-.2s1.3 0 1.9.2c1.4-.9 2-.7 2-.7.4"
                          " 1 .2 1.8.1 2 .5.5.8 1.2.8 2 0 2.9-1.7 3.5-3.4 3.7.3.2.5.7.5 1.4v2.1c0 .2.1.5.5.4A7.5 7.5 0 "
                          "0 0 8 .5z"),
    # any other link (a website, a profile elsewhere): a globe. Rings are drawn outer one
    # way, inner the other, and the bars the outer way, so they join under nonzero fill.
    "web": ("nonzero", "M8 .7A7.3 7.3 0 1 1 8 15.3 7.3 7.3 0 1 1 8 .7zM8 1.95A6.05 6.05 0 1 0 8 14.05 6.05 6.05 0 1 0 "
                       "8 1.95zM8 .7A3.35 7.3 0 1 1 8 15.3 3.35 7.3 0 1 1 8 .7zM8 1.95A2.1 6.05 0 1 0 8 14.05 2.1 "
                       "6.05 0 1 0 8 1.95zM1 7.4H15V8.6H1zM2.3 4.05H13.7V5.15H2.3zM2.3 10.85H13.7V11.95H2.3z"),
}
"""Each icon's drawing. ``evenodd`` paths are turned to nonzero ones (a font's fill rule)
by giving every contour inside an odd number of others the other direction."""

CHARACTER = 0xB7
"""The character each icon font draws: the middle dot, what an extractor reads in its place."""
UNITS = 1000
SIZE = 950
"""The icon's width and height, in font units (0.95 em)."""
LEAD = 600
"""The blank before the icon (after it, right to left): with the icon's CSS margin, the
room between two contacts (``ICON_BLANK`` in rendering/design.py gives it back at a row's end)."""
BASELINE = 820
"""Where the grid's top sits, in font units above the baseline: the icon hangs 0.13 em below it."""
FOLDER = Path(__file__).resolve().parent / "fonts" / "icons"


def _contours(path: str, rule: str, transform: tuple[float, ...]) -> list[object]:
    """``path``'s contours as recordings in font units, turned to nonzero fill."""
    from fontTools.pens.areaPen import AreaPen
    from fontTools.pens.pointInsidePen import PointInsidePen
    from fontTools.pens.recordingPen import RecordingPen
    from fontTools.pens.reverseContourPen import ReverseContourPen
    from fontTools.pens.transformPen import TransformPen
    from fontTools.svgLib.path import parse_path

    whole = RecordingPen()
    parse_path(path, TransformPen(whole, transform))
    contours: list[RecordingPen] = []
    for operator, operands in whole.value:
        if operator == "moveTo":
            contours.append(RecordingPen())
        contours[-1].value.append((operator, operands))
    if rule != "evenodd":
        return list(contours)

    def area(contour: RecordingPen) -> float:
        pen = AreaPen()
        contour.replay(pen)
        return pen.value

    def inside(point: tuple[float, float], contour: RecordingPen) -> bool:
        pen = PointInsidePen(None, point, evenOdd=True)
        contour.replay(pen)
        return pen.getResult()

    turned: list[object] = []
    for contour in contours:
        start = contour.value[0][1][0]
        depth = sum(inside(start, other) for other in contours if other is not contour)
        if (area(contour) > 0) != (depth % 2 == 0):  # outer contours counter-clockwise, as CFF has them
            reversed_ = RecordingPen()
            contour.replay(ReverseContourPen(reversed_))
            contour = reversed_
        turned.append(contour)
    return turned


def icon_font(kind: str, direction: str) -> bytes:
    """The font of ``kind``'s icon for text running ``direction``, as bytes."""
    import io

    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen

    rule, path = ICONS[kind]
    left = LEAD if direction == "ltr" else 0
    advance = LEAD + SIZE
    scale = SIZE / 16
    pen = T2CharStringPen(advance, None)
    for contour in _contours(path, rule, (scale, 0, 0, -scale, left, BASELINE)):
        contour.replay(pen)  # type: ignore[attr-defined]
    name = f"ResumekitIcon-{kind}-{direction}"  # CSS names it (rendering/design.py), not this
    builder = FontBuilder(UNITS, isTTF=False)
    builder.updateHead(created=0, modified=0)
    builder.font.recalcTimestamp = False
    builder.setupGlyphOrder([".notdef", "icon"])
    builder.setupCharacterMap({CHARACTER: "icon"})
    blank = T2CharStringPen(SIZE, None).getCharString()
    builder.setupCFF(name, {"FullName": name}, {".notdef": blank, "icon": pen.getCharString()}, {})
    builder.setupHorizontalMetrics({".notdef": (SIZE, 0), "icon": (advance, left)})
    builder.setupHorizontalHeader(ascent=900, descent=-250)
    builder.setupNameTable({"familyName": name, "styleName": "Regular",
                            "copyright": "resumekit's contact icons"})
    builder.setupOS2(sTypoAscender=900, sTypoDescender=-250, sTypoLineGap=0, usWinAscent=900, usWinDescent=250,
                     fsType=0)
    builder.setupPost()
    out = io.BytesIO()
    builder.save(out)
    return out.getvalue()


def font_path(kind: str, direction: str) -> Path:
    """Where ``kind``'s icon font for ``direction`` is kept."""
    return FOLDER / f"{kind}-{direction}.otf"


def main(argv: list[str]) -> int:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for kind in ICONS:
        for direction in ("ltr", "rtl"):
            font_path(kind, direction).write_bytes(icon_font(kind, direction))
            print(font_path(kind, direction))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
