"""The wheel users install: it carries the theme, its fonts and the init scaffold, and works.

The wheel is built from the repository into a temporary folder (nothing is written into
the checkout), then unpacked and run from outside the source tree, as an installed copy.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from .helpers import ICON_FONT, REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A non-editable wheel of the checkout (offline when hatchling is at hand)."""
    outdir = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--quiet",
               "--disable-pip-version-check", "--wheel-dir", str(outdir)]
    if importlib.util.find_spec("hatchling"):
        command.append("--no-build-isolation")
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    [built] = outdir.glob("resumekit-*.whl")
    return built


@pytest.fixture(scope="module")
def names(wheel) -> set[str]:
    with zipfile.ZipFile(wheel) as package:
        return set(package.namelist())


def _shipped(folder: Path, prefix: str) -> list[str]:
    return sorted(f"{prefix}/{p.relative_to(folder).as_posix()}" for p in folder.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


@pytest.mark.parametrize("name", [
    "resumekit/templates/classic/style.css",
    "resumekit/templates/classic/reference.docx",
    "resumekit/templates/classic/resume.html",
    "resumekit/templates/classic/letter.html",
    "resumekit/templates/classic/fonts/Lato-Regular.ttf",
    "resumekit/templates/classic/fonts/Lato-Bold.ttf",
    "resumekit/templates/classic/fonts/Lato-Italic.ttf",
    "resumekit/templates/classic/fonts/Lato-BoldItalic.ttf",
    "resumekit/templates/classic/fonts/OFL-Lato.txt",
    "resumekit/scaffold/resumekit.yaml",
    "resumekit/scaffold/profile.yaml",
    "resumekit/scaffold/targets/example-job.yaml",
    "resumekit/py.typed",
])
def test_the_wheel_carries(names, name):
    assert name in names


def test_the_wheel_carries_every_theme_and_scaffold_file(names):
    expected = _shipped(REPO / "templates", "resumekit/templates") + _shipped(
        REPO / "resumekit" / "scaffold", "resumekit/scaffold")
    assert [n for n in expected if n not in names] == []


def test_the_wheel_carries_no_caches_or_outputs(names):
    assert [n for n in names if "__pycache__" in n or n.endswith(".pyc") or "/out/" in n] == []


def test_the_wheel_declares_the_resumekit_command(wheel, names):
    [entry_points] = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    with zipfile.ZipFile(wheel) as package:
        assert "resumekit = resumekit.cli:main" in package.read(entry_points).decode()


def test_the_installed_package_inits_and_builds_outside_the_checkout(wheel, tmp_path):
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as package:
        package.extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True,
                              text=True, timeout=300)

    where = run("-c", "import resumekit; print(resumekit.__file__)", cwd=tmp_path)
    assert Path(where.stdout.strip()).is_relative_to(site), where.stderr
    assert run("-m", "resumekit.cli", "init", "my-cv", cwd=tmp_path).returncode == 0
    done = run("-m", "resumekit.cli", "build", "--target", "general", cwd=tmp_path / "my-cv")
    assert done.returncode == 0, done.stderr
    out = tmp_path / "my-cv" / "out" / "general"
    assert sorted(p.name for p in out.iterdir()) == [
        "Alex-Rivera-Cover-Letter.docx", "Alex-Rivera-Cover-Letter.pdf",
        "Alex-Rivera-Resume.docx", "Alex-Rivera-Resume.pdf"]
    fonts = [f.get_object()["/BaseFont"] for page in PdfReader(out / "Alex-Rivera-Resume.pdf").pages
             for f in page["/Resources"]["/Font"].values()]
    assert fonts and all("Lato" in font or ICON_FONT in font for font in fonts)
    assert any(ICON_FONT in font for font in fonts)  # the icons' fonts are in the installed package
