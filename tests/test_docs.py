"""The docs are tested: every example in them runs, and the generated reference is current.

How a page's examples run (README.md and docs/**/*.md):

- Each page gets a fresh temporary folder holding a copy of the example project
  ``profiles/``; its code blocks then run in order, as a reader would follow them, so
  ``cd my-cv`` in one block holds for the next.
- ```` ```bash ```` blocks are scripts: every line that is not blank or a comment is a
  command. ```` ```console ```` blocks are transcripts: lines starting with ``$ `` are
  commands, the other lines are what they print. Printed lines that start with
  ``error:`` or ``ok:``, or that carry ``: warning:``, must appear in the real output.
- ```` ```python ```` blocks run as scripts in the current folder.
- ```` ```yaml ```` and ```` ```json ```` blocks must parse. A block of any language
  preceded by ``<!-- file: PATH -->`` is written to PATH, so that later blocks can use it.
- A block preceded by ``<!-- output -->`` must be exactly what the previous command or
  Python block printed on stdout, up to whitespace (so long lines may be wrapped).
- Commands must exit 0, or N when the block is preceded by ``<!-- exit: N -->``.
- ``resumekit`` runs as ``sys.executable -m resumekit.cli``; ``python`` is ``sys.executable``.
- ``<!-- norun -->`` right before a block skips it. Use it sparingly (``pip install``).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted([ROOT / "README.md", *DOCS.rglob("*.md")])
RUNNABLE = {"bash", "console", "python", "yaml", "json"}
REFUSED = {"sh", "shell", "shell-session", "zsh", "py", "pycon", "yml"}
TIMEOUT = 300

README_INSTALL = "pip install . && resumekit build -c profiles/resumekit.yaml"
README_TEST = "pip install '.[test]' && python -m pytest -q"


# --- reading the pages ----------------------------------------------------------------------


@dataclass
class Block:
    """A fenced code block and the directives written just before it."""

    page: Path
    line: int
    lang: str
    text: str
    directives: dict[str, str] = field(default_factory=dict)

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


_FENCE = re.compile(r"^```\s*([\w+-]*)\s*$")
_DIRECTIVE = re.compile(r"^<!--\s*(norun|exit|file|output)\s*:?\s*(.*?)\s*-->$")


def blocks_of(page: Path) -> list[Block]:
    """Every fenced block of ``page``, with the ``<!-- ... -->`` directives right above it."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        directives: dict[str, str] = {}
        j = i - 1
        while j >= 0 and (not lines[j].strip() or _DIRECTIVE.match(lines[j].strip())):
            directive = _DIRECTIVE.match(lines[j].strip())
            if directive:
                directives[directive.group(1)] = directive.group(2)
            j -= 1
        end = i + 1
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        found.append(Block(page, i + 1, match.group(1).lower(), "\n".join(lines[i + 1:end]) + "\n",
                           directives))
        i = end + 1
    return found


def _joined(lines: list[str]) -> list[str]:
    """Lines with trailing-backslash continuations joined."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].endswith("\\"):
            out[-1] = out[-1][:-1] + " " + line.strip()
        else:
            out.append(line)
    return out


def commands_of(block: Block) -> tuple[list[str], list[str]]:
    """The commands of a shell block, and (for console blocks) the lines shown as output."""
    lines = block.text.splitlines()
    if block.lang == "bash":
        commands = [ln for ln in _joined(lines) if ln.strip() and not ln.lstrip().startswith("#")]
        return commands, []
    commands, output = [], []
    for line in _joined(lines):
        if line.startswith("$ "):
            commands.append(line[2:])
        elif line.strip():
            output.append(line.strip())
    return commands, output


# --- running them ---------------------------------------------------------------------------


def _package_parent() -> Path:
    """The folder the tested ``resumekit`` package is imported from."""
    import resumekit

    return Path(resumekit.__file__).resolve().parent.parent


PRELUDE = """\
resumekit() { "$RK_PY" -m resumekit.cli "$@"; }
python() { "$RK_PY" "$@"; }
python3() { "$RK_PY" "$@"; }
cd "$RK_CWD" || exit 99
"""


class Reader:
    """Follows one page's examples in a folder of its own, keeping the current folder."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.cwd = home
        self.state = home.parent / "rk-state"
        self.env = dict(os.environ)
        parent = str(_package_parent())
        self.env["PYTHONPATH"] = os.pathsep.join(
            p for p in (parent, self.env.get("PYTHONPATH", "")) if p)
        self.env.update(RK_PY=sys.executable, PYTHONDONTWRITEBYTECODE="1")
        self.last_output = ""

    def shell(self, command: str) -> subprocess.CompletedProcess[str]:
        script = PRELUDE + command + '\n__rk_rc=$?\npwd > "$RK_STATE"\nexit $__rk_rc\n'
        env = dict(self.env, RK_CWD=str(self.cwd), RK_STATE=str(self.state))
        done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True,
                              timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        if self.state.exists():
            self.cwd = Path(self.state.read_text().strip())
            self.state.unlink()
        return done

    def python(self, code: str, name: str) -> subprocess.CompletedProcess[str]:
        script = self.home.parent / f"{name}.py"
        script.write_text(code, encoding="utf-8")
        return subprocess.run([sys.executable, str(script)], cwd=self.cwd, env=self.env,
                              capture_output=True, text=True, timeout=TIMEOUT,
                              stdin=subprocess.DEVNULL)


def _report(block: Block, what: str, done: subprocess.CompletedProcess[str], wanted: int) -> str:
    return (f"{block.where}: `{what}` exited {done.returncode}, the docs say {wanted}\n"
            f"--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}")


def _shown_lines(output: list[str]) -> list[str]:
    return [ln for ln in output if ln.startswith(("error:", "ok:")) or ": warning:" in ln]


_SECONDS = re.compile(r"\bin \d+(?:\.\d+)? s\b")


def _comparable(text: str) -> str:
    """Text with its spacing and its timings ("in 0.1 s", which a loaded machine changes) evened out."""
    return " ".join(_SECONDS.sub("in N s", text).split())


def run_block(reader: Reader, block: Block) -> None:
    """Run one block as the page's reader; fail with the block's place when it misbehaves."""
    wanted = int(block.directives.get("exit") or 0)
    if block.lang in ("yaml", "json"):
        try:
            json.loads(block.text) if block.lang == "json" else yaml.safe_load(block.text)
        except (ValueError, yaml.YAMLError) as exc:
            pytest.fail(f"{block.where}: the {block.lang.upper()} example does not parse: {exc}")
    if "file" in block.directives:
        path = reader.cwd / block.directives["file"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(block.text, encoding="utf-8")
        return
    if "output" in block.directives:
        if _comparable(block.text) != _comparable(reader.last_output):
            pytest.fail(f"{block.where}: the docs show\n{block.text}\nbut it printed\n{reader.last_output}")
        return
    if block.lang not in ("bash", "console", "python"):
        return
    if block.lang == "python":
        done = reader.python(block.text, f"block_{block.line}")
        assert done.returncode == wanted, _report(block, "python block", done, wanted)
        reader.last_output = done.stdout
        return
    commands, output = commands_of(block)
    assert commands, f"{block.where}: a {block.lang} block with no command (use ```text)"
    printed = ""
    for command in commands:
        assert not re.match(r"\s*(sudo|pip|python -m pip)\b", command), (
            f"{block.where}: `{command}` changes the machine; mark the block <!-- norun -->")
        done = reader.shell(command)
        assert done.returncode == wanted, _report(block, command, done, wanted)
        printed += done.stdout + done.stderr
        reader.last_output = done.stdout
    actual = {" ".join(line.split()) for line in printed.splitlines()}
    for line in _shown_lines(output):
        if " ".join(line.split()) not in actual:
            pytest.fail(f"{block.where}: the docs show `{line}`, but the command printed:\n{printed}")


def _ignore_outputs(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if n in {"out", "__pycache__", ".resumekit-cache"}]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_run(page: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    shutil.copytree(ROOT / "profiles", home / "profiles", ignore=_ignore_outputs)
    reader = Reader(home)
    for block in blocks_of(page):
        if block.lang in REFUSED:
            pytest.fail(f"{block.where}: use ```bash, ```console or ```python, not ```{block.lang}, "
                        "so that the example is run")
        if "norun" not in block.directives:
            run_block(reader, block)


# --- the pages agree with the code ----------------------------------------------------------


def _load_generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("generate_reference", DOCS / "generate_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reference_matches_the_models(tmp_path: Path) -> None:
    generator = _load_generator()
    written = {p.name: p.read_text(encoding="utf-8") for p in generator.generate(tmp_path)}
    committed = {p.name: p.read_text(encoding="utf-8") for p in (DOCS / "reference").glob("*.md")}
    stale = sorted(name for name in written.keys() | committed.keys()
                   if written.get(name) != committed.get(name))
    assert not stale, (f"docs/reference/{', '.join(stale)} out of date with the models: "
                       "run `python docs/generate_reference.py`")


def _commands_in_help() -> list[str]:
    done = subprocess.run([sys.executable, "-m", "resumekit.cli", "--help"], capture_output=True,
                          text=True, cwd=ROOT, check=True)
    listing = done.stdout.split("COMMAND", 2)[-1]
    return re.findall(r"^ {4}([a-z][\w-]*)\s", listing, flags=re.MULTILINE)


def test_cli_page_covers_every_command() -> None:
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    commands = _commands_in_help()
    assert commands, "no command found in `resumekit --help`"
    missing = [c for c in commands if not re.search(rf"^#+ `resumekit {c}\b", page, re.MULTILINE)]
    assert not missing, f"docs/cli.md has no section for: {', '.join(missing)}"


def _code_lines(page: Path) -> list[str]:
    return [b.text.strip() for b in blocks_of(page)]


def test_readme_gives_the_two_fresh_machine_commands() -> None:
    blocks = _code_lines(ROOT / "README.md")
    assert README_INSTALL in blocks
    assert README_TEST in blocks


def test_ci_runs_the_readme_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    pytest_part = README_TEST.split("&&")[-1].strip()
    assert re.search(rf"^{re.escape(pytest_part)}$", script, re.MULTILINE), (
        f".ci/run must run `{pytest_part}`, as the README says")
    assert os.access(ROOT / ".ci" / "run", os.X_OK), ".ci/run must be executable"


_LINK = re.compile(r"\]\(([^)\s]+)\)")


def _anchors(page: Path) -> set[str]:
    """The anchors GitHub gives the headings of ``page``."""
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    anchors = set()
    for heading in re.findall(r"^#+\s+(.*?)\s*$", text, flags=re.MULTILINE):
        anchors.add(re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-"))
    return anchors


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(page: Path) -> None:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    broken = []
    for target in _LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        linked = (page.parent / path) if path else page
        if not linked.exists() or (anchor and linked.suffix == ".md" and anchor not in _anchors(linked)):
            broken.append(target)
    assert not broken, f"{page.relative_to(ROOT)}: broken links: {', '.join(broken)}"
