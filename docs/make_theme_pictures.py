"""Regenerate docs/images/theme-NAME.png: page 1 of the example resume in each built-in theme.

Run from anywhere: ``python docs/make_theme_pictures.py [NAME ...]`` (no name: every
built-in theme). It copies the example project (profiles/) into a temporary folder, builds
its general resume in each theme there, and draws the PDF's first page at 70 dpi with
pdftoppm (poppler-utils). The same tree gives the same pictures: the PDF is reproducible,
and so is pdftoppm's drawing of it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
IMAGES = REPO / "docs" / "images"
RESOLUTION = 70  # dpi: a US Letter page is 595 x 770 pixels


def build_resume(theme: str, folder: Path) -> Path:
    """The example's general resume built in ``theme`` under ``folder``; returns the PDF."""
    import resumekit
    from resumekit.building import GENERAL_BUILD

    project = folder / theme
    shutil.copytree(REPO / "profiles", project, ignore=shutil.ignore_patterns("out"))
    config = project / "resumekit.yaml"
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings.update(theme=theme, output="out")
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    result = resumekit.build(config, targets=[GENERAL_BUILD], formats=["pdf"], jobs=1)
    if result.failures:
        raise SystemExit(f"{theme}: {result.failures}")
    return next((project / "out" / GENERAL_BUILD).glob("*-Resume.pdf"))


def draw_first_page(pdf: Path, png: Path) -> None:
    """Page 1 of ``pdf`` as the PNG ``png``."""
    stem = png.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(RESOLUTION), "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(stem)], check=True)


def main(names: list[str]) -> None:
    from resumekit.rendering import builtin_themes_dir

    themes = names or sorted(p.parent.name for p in builtin_themes_dir().glob("*/theme.yaml"))
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        for theme in themes:
            png = IMAGES / f"theme-{theme}.png"
            draw_first_page(build_resume(theme, Path(temporary)), png)
            print(png.relative_to(REPO))


if __name__ == "__main__":
    main(sys.argv[1:])
