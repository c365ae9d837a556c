"""Regenerate docs/images/html-resume.png and docs/images/pdf-resume.png: the example resume
as its HTML page shows in a browser, beside page 1 of its PDF.

Run from anywhere: ``python docs/make_format_pictures.py``. It copies the example project
(profiles/) into a temporary folder and makes its general resume there, as a PDF and as an
HTML page, from the same content. The PDF's first page is drawn at 70 dpi with pdftoppm
(poppler-utils); the page is opened in Debian's headless Chromium (``chromium``, driven by
Playwright from the test extras), zoomed so that its sheet is as wide as the PDF's page,
and its sheet's first page-height is taken. The same tree gives the same pictures.
"""

from __future__ import annotations

import math
import shutil
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IMAGES = REPO / "docs" / "images"
RESOLUTION = 70  # dpi: a US Letter page is 595 x 770 pixels
CSS_DPI = 96  # a browser's CSS pixels per inch
CHROMIUM = "/usr/bin/chromium"


def make_resume(folder: Path) -> tuple[Path, Path]:
    """The example's general resume made under ``folder`` as a PDF and an HTML page."""
    from resumekit.building.plan import content_for, options_for, plan_target
    from resumekit.building.project import load_project
    from resumekit.rendering.html_page import render_html_page
    from resumekit.rendering.pdf import render_pdf

    project_dir = folder / "example"
    shutil.copytree(REPO / "profiles", project_dir, ignore=shutil.ignore_patterns("out"))
    project = load_project(project_dir / "resumekit.yaml")
    doc = content_for(plan_target(project, None), "resume", options_for(project, None))
    pdf, html = folder / "resume.pdf", folder / "resume.html"
    pdf.write_bytes(render_pdf(doc, project.theme, project.root)[0])
    html.write_bytes(render_html_page(doc, project.theme, project.root))
    return pdf, html


def draw_first_page(pdf: Path, png: Path) -> None:
    """Page 1 of ``pdf`` as the PNG ``png``."""
    stem = png.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(RESOLUTION), "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(stem)], check=True)


def draw_sheet(html: Path, png: Path) -> None:
    """The first page-height (its sheet's min-height, the paper's) of ``html``'s sheet, in a browser, as the PNG ``png``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or CHROMIUM,
                                             args=["--no-sandbox"])
        scale = RESOLUTION / CSS_DPI
        page = browser.new_page(viewport={"width": 912, "height": 1200}, device_scale_factor=scale)
        page.goto(html.as_uri(), wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        box = page.evaluate("""() => { const box = document.body.getBoundingClientRect();
            return {x: box.x, y: box.y, width: box.width,
                    height: Math.min(box.height, parseFloat(getComputedStyle(document.body).minHeight))}; }""")
        # whole device pixels inside the sheet: an edge between two would blend in the grey desk
        sheet = {"x": math.ceil(box["x"] * scale) / scale, "y": math.ceil(box["y"] * scale) / scale,
                 "width": math.floor(box["width"] * scale) / scale, "height": math.floor(box["height"] * scale) / scale}
        page.screenshot(path=str(png), clip=sheet)
        browser.close()


def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        pdf, html = make_resume(Path(temporary))
        draw_first_page(pdf, IMAGES / "pdf-resume.png")
        draw_sheet(html, IMAGES / "html-resume.png")
    for name in ("html-resume.png", "pdf-resume.png"):
        print((IMAGES / name).relative_to(REPO))


if __name__ == "__main__":
    main()
