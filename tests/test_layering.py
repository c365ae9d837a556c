"""Import discipline: every import, at any depth, runs one way through the layers, and only
the renderers import the rendering libraries, so --help, validate and schema stay fast."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "resumekit"

LAYERS = {
    "_version": 0, "errors": 0, "models": 0,
    "loading": 1, "feedback": 1, "tailoring": 1, "importing": 1,
    "documents": 2,
    "rendering": 3,
    "building": 4,
    "checking": 5,
    "cli": 6, "__main__": 6, "__init__": 6,
}
"""Each top-level module or package of resumekit and its layer: a module may import its
own layer and those below, never one above (the public API in ``__init__`` is the top)."""

HEAVY = ("weasyprint", "docx", "jinja2", "fontTools", "pydyf")
"""The rendering libraries: only ``rendering`` may import them."""
READERS = {"checking": ("docx",)}
"""Where a rendering library is also a reader: ``checking`` reads the built DOCX back with
python-docx, as parsers do (lazily, inside its functions)."""


def _unit(module: str) -> str:
    """``resumekit.loading.yaml`` -> ``loading``; ``resumekit`` -> ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """Every module ``source`` imports, at any depth, as absolute names, with its line."""
    found: list[tuple[int, str]] = []
    here = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.append((node.lineno, name))
            if node.module is None or node.level:  # `from . import x` may import the submodule x
                found += [(node.lineno, f"{name}.{alias.name}") for alias in node.names]
    return found


def violations(source: str, module: str, is_package: bool = False) -> list[str]:
    """What in ``source`` (the text of ``module``) breaks the layering, one line each."""
    own = _unit(module)
    problems = []
    for line, name in imports_of(source, module, is_package):
        top = name.split(".")[0]
        if top in HEAVY and own != "rendering" and top not in READERS.get(own, ()):
            problems.append(f"{module}:{line}: imports {name}; only resumekit.rendering may")
        if top == "resumekit" and name != "resumekit":
            other = _unit(name)
            if other in LAYERS and LAYERS[other] > LAYERS[own]:
                problems.append(f"{module}:{line}: imports {name}, a layer above {own}")
    return problems


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "scaffold" not in p.parts)


def test_every_top_level_module_has_a_layer():
    units = {_unit(module_name(p)) for p in MODULES}
    assert units - set(LAYERS) == set(), "add the new module to LAYERS"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(REPO)))
def test_imports_run_one_way_and_renderers_stay_in_rendering(path):
    source = path.read_text(encoding="utf-8")
    assert violations(source, module_name(path), path.name == "__init__.py") == []


@pytest.mark.parametrize("planted", [
    "def f():\n    from ..building.run import build\n",       # upward, and lazy
    "from resumekit.cli import main\n",                         # upward, absolute
    "def f():\n    import weasyprint\n",                        # a renderer outside rendering
    "import docx.shared\n",
])
def test_the_checker_catches_a_planted_upward_or_renderer_import(planted):
    assert violations(planted, "resumekit.tailoring.selection") != []


def test_the_checker_allows_imports_downward_and_sideways():
    source = "from ..models import Profile\nfrom ..feedback.apply import provenance_of\nfrom . import text\n"
    assert violations(source, "resumekit.tailoring.selection") == []


def test_importing_the_api_and_the_cli_loads_no_renderer():
    code = ("import sys, resumekit, resumekit.cli, resumekit.building, resumekit.rendering; "
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr


def test_the_quick_path_imports_neither_the_models_nor_the_renderers():
    code = ("import sys, resumekit.building.quick, resumekit.cli.parser; "
            "print([m for m in ('pydantic', 'resumekit.models', 'resumekit.documents', *"
            f"{HEAVY!r}) if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr
