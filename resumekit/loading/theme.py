"""A theme's ``theme.yaml``: what the theme is for, and the design it is drawn with."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from ..errors import ConfigError
from ..models.base import Model
from ..models.design import Design
from .problems import Loaded, validate_document
from .yaml import read_document


class ThemeSettings(Model):
    """The settings of a theme folder (``theme.yaml``)."""

    description: str | None = Field(None, description="What the theme is for, in a line.")
    photo: bool = Field(False, description="Whether the theme shows basics.image when asked to.")
    design: Design = Field(default_factory=Design)


def read_theme_settings(path: str | Path) -> Loaded[ThemeSettings]:
    """``theme.yaml`` validated; a bad value is a located :class:`ConfigError`."""
    return validate_document(read_document(path, ConfigError), ThemeSettings, ConfigError)
