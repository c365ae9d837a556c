"""A ``design:`` block: the look of a theme changed without copying it (config or target)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from .base import Model

COLOUR = r"^#(?:[0-9A-Fa-f]{3}){1,2}$"
HexColour = Annotated[str, Field(pattern=COLOUR,
                                 description="A colour as #RRGGBB or #RGB, e.g. #004f90.")]
LENGTH = r"\d+(?:\.\d+)?(?:cm|mm|in|pt)"
MARGINS = rf"^\s*{LENGTH}(?:\s+{LENGTH}){{0,3}}\s*$"
Margins = Annotated[str, Field(pattern=MARGINS,
                               description="The resume's page margins as in CSS: one to four lengths "
                                           "(top, right, bottom, left) in cm, mm, in or pt, e.g. '1.5cm 1.8cm'.")]
TitleStyle = Literal["rule", "underline", "plain"]

PATTERN_WORDS = {
    COLOUR: "must be a colour as #RRGGBB or #RGB (e.g. #004f90), in quotes",
    MARGINS: "must be one to four lengths with their unit (cm, mm, in or pt), e.g. '1.5cm 1.8cm'",
}
"""What a value of each pattern must look like, in words, for error messages."""

DESIGN_FIELDS = ("accent", "font", "fontSize", "lineSpacing", "margins", "sectionTitles", "icons")
"""Every setting of a design, in the order docs/themes.md lists them."""


class Design(Model):
    """Settings over the theme's own (its ``theme.yaml``); each one left out keeps the theme's."""

    accent: HexColour | None = Field(None, description="The accent colour: name, headings, links.")
    font: str | None = Field(None, min_length=1, description="A font family shipped with resumekit's themes "
                                                             "or in the project's fonts/ folder.")
    fontSize: float | None = Field(None, ge=6, le=16, description="The body text's size in points; "
                                                                  "headings scale with it.")
    lineSpacing: float | None = Field(None, ge=0.9, le=2.5, description="The body text's line height, "
                                                                        "in lines (1.36 = 136%).")
    margins: Margins | None = None
    sectionTitles: TitleStyle | None = Field(None, description="rule (a rule runs from the title to the "
                                                               "margin), underline (a rule under the whole "
                                                               "line) or plain.")
    icons: bool | None = Field(None, description="Whether the contact line shows icons (PDF).")

    def given(self) -> dict[str, Any]:
        """The settings this block sets, by name."""
        return {name: value for name in DESIGN_FIELDS if (value := getattr(self, name)) is not None}
