"""Import discipline: the renderers load lazily, so --help, validate and schema stay fast."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from .conftest import REPO

HEAVY = ("weasyprint", "docx", "jinja2")


def test_importing_the_api_and_the_cli_loads_no_renderer():
    code = ("import sys, resumekit, resumekit.cli, resumekit.building; "
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr


MODULES = sorted(p for p in (REPO / "resumekit").rglob("*.py") if p.parent.name != "rendering")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(REPO)))
def test_only_the_renderers_import_rendering_libraries_at_the_top(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            top += [alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            top.append(node.module.split(".")[0])
    assert [name for name in top if name in HEAVY] == []
