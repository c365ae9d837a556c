"""tests/ mirrors resumekit/ folder for folder, and stays so (after RenderCV's tests/test_tests.py).

Every module ``resumekit/<path>/<name>.py`` has ``tests/<path>/test_<name>.py``; every
folder of tests is a package of resumekit (or one of the few that hold data or another
kind of test); and a test file in a mirrored folder is named after a module of that
package: ``test_<module>.py``, or ``test_<module>_<aspect>.py`` where one file would be
too much.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import resumekit

from .helpers import REPO

PACKAGE = REPO / "resumekit"
TESTS = REPO / "tests"

NOT_MODULES = {"__init__.py", "__main__.py", "_version.py"}
"""Files of the package with nothing of their own to test (the public API is tested where it lives)."""
NOT_PACKAGES = {"scaffold"}
"""Folders of the package that hold data, not code."""
OTHER_FOLDERS = {"conformance", "evaluation", "hostile", "reference"}
"""Folders of tests/ that mirror no package: vendored JSON Resume data, the labelled sets
of tests/evaluate.py, hostile-input tests across the whole program, reference dumps of
the example's documents."""
PROJECT_WIDE = {"test_conformance.py", "test_docs.py", "test_layering.py", "test_layout.py", "test_packaging.py"}
"""Tests at the top of tests/ about the project as a whole, not one module."""
SUPPORT = {"__init__.py", "conftest.py"}
"""What a mirrored folder may hold besides test files."""


def _skipped(path: Path) -> bool:
    return "__pycache__" in path.parts or any(part.startswith(".") for part in path.parts)


def packages() -> list[Path]:
    """Every package folder of resumekit, relative to it (``.`` for the top)."""
    found = [Path(".")]
    for folder in sorted(p for p in PACKAGE.rglob("*") if p.is_dir()):
        relative = folder.relative_to(PACKAGE)
        if not _skipped(relative) and relative.parts[0] not in NOT_PACKAGES and (folder / "__init__.py").is_file():
            found.append(relative)
    return found


def modules(package: Path) -> list[str]:
    """The names of the modules of one package that need tests of their own."""
    return sorted(p.stem for p in (PACKAGE / package).glob("*.py") if p.name not in NOT_MODULES)


def mirrored_folders() -> list[Path]:
    """Every folder under tests/ that should mirror a package, relative to tests/ (``.`` for the top)."""
    found = [Path(".")]
    for folder in sorted(p for p in TESTS.rglob("*") if p.is_dir()):
        relative = folder.relative_to(TESTS)
        if not _skipped(relative) and relative.parts[0] not in OTHER_FOLDERS:
            found.append(relative)
    return found


def module_of(test_file: str, names: list[str]) -> str | None:
    """The module a test file is named after (``test_run_kill_safety.py`` -> ``run``), if any."""
    stem = test_file.removesuffix(".py").removeprefix("test_")
    matches = [name for name in names if stem == name or stem.startswith(f"{name}_")]
    return max(matches, key=len) if matches else None


def shown(folder: Path, top: str) -> str:
    """``tests/building`` for a folder, ``tests`` for the top (or the same under resumekit/)."""
    return top if folder == Path(".") else f"{top}/{folder}"


MODULES = [package / f"{name}.py" for package in packages() for name in modules(package)]


@pytest.mark.parametrize("module", MODULES, ids=str)
def test_every_module_has_a_mirrored_test_file(module):
    expected = TESTS / module.parent / f"test_{module.stem}.py"
    assert expected.is_file(), f"resumekit/{module} has no tests: write {expected.relative_to(REPO)}"


def test_every_test_folder_mirrors_a_package():
    known = set(packages())
    strays = [str(folder) for folder in mirrored_folders() if folder not in known]
    assert not strays, (f"tests/ folders with no package in resumekit/: {strays}; move their tests to the "
                        f"folder of the package they test, or add the folder to OTHER_FOLDERS if it is data")


@pytest.mark.parametrize("folder", [f for f in mirrored_folders() if f != Path(".")], ids=str)
def test_every_test_folder_is_a_package(folder):
    assert (TESTS / folder / "__init__.py").is_file(), f"tests/{folder} needs an __init__.py (tests import relatively)"


@pytest.mark.parametrize("folder", [f for f in mirrored_folders() if f in set(packages())],
                         ids=lambda f: shown(f, "tests"))
def test_every_test_file_is_named_after_a_module_of_its_package(folder):
    names = modules(folder)
    wrong = []
    for path in sorted((TESTS / folder).glob("*.py")):
        if path.name in SUPPORT or (folder == Path(".") and not path.name.startswith("test_")):
            continue  # the top of tests/ also holds helpers.py and the shared fixture modules
        if folder == Path(".") and path.name in PROJECT_WIDE:
            continue
        if not path.name.startswith("test_") or module_of(path.name, names) is None:
            wrong.append(path.name)
    assert not wrong, (f"{shown(folder, 'tests')}: {wrong} name no module of {shown(folder, 'resumekit')} "
                       f"({', '.join(names)}); "
                       "name a test file test_<module>.py or test_<module>_<aspect>.py")


@pytest.mark.parametrize("test_file, module", [
    ("test_run.py", "run"), ("test_run_kill_safety.py", "run"), ("test_commands_feedback.py", "commands"),
    ("test_running.py", None), ("test_helpers.py", None), ("test_.py", None)])
def test_a_test_file_is_matched_to_its_module_by_name(test_file, module):
    assert module_of(test_file, ["commands", "run", "watch"]) == module


def test_python_m_resumekit_prints_its_version():
    done = subprocess.run([sys.executable, "-m", "resumekit", "--version"], cwd=REPO, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"resumekit {resumekit.__version__}"
