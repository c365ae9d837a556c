"""What every hostile case checks: it ends in time, with the documented exit code, a
located message and no traceback, and it costs the user nothing."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
SCAFFOLD = REPO / "resumekit" / "scaffold"
TIMEOUT = 10.0
"""No hostile case may take longer than this (a hang is a failure, not a wait)."""

LOCATED = re.compile(r"[^\s:]+:\d+:\d+:")
"""``file:line:column:`` as every located problem starts."""


def run(*args: str, cwd: Path, timeout: float = TIMEOUT, env: dict[str, str] | None = None,
        stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``resumekit ARGS`` in a fresh process, in ``cwd``; a hang raises ``TimeoutExpired``."""
    full = dict(os.environ)
    full["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), full.get("PYTHONPATH")]))
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "resumekit", *args], cwd=cwd, env=full,
                          capture_output=True, text=True, timeout=timeout,
                          input=stdin, errors="replace")


def no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback (most recent call last)" not in done.stderr + done.stdout, done.stderr


def refused(done: subprocess.CompletedProcess[str], code: int = 1, located: bool = True,
            mentions: tuple[str, ...] = ()) -> str:
    """Assert a clean refusal: ``code``, no traceback, a ``file:line:column:`` message when
    ``located``, and each of ``mentions`` in the error text. Returns stderr."""
    no_traceback(done)
    assert done.returncode == code, (done.returncode, done.stdout, done.stderr)
    if located:
        assert LOCATED.search(done.stderr), done.stderr
    for word in mentions:
        assert word.casefold() in done.stderr.casefold(), (word, done.stderr)
    return done.stderr


def scaffold(root: Path, **config: object) -> Path:
    """A copy of ``resumekit init``'s project at ``root`` (config keys overridden by ``config``,
    a fixed letter date so builds are reproducible); returns the config path."""
    shutil.copytree(SCAFFOLD, root, ignore=shutil.ignore_patterns("__pycache__"))
    path = root / "resumekit.yaml"
    settings = yaml.safe_load(path.read_text(encoding="utf-8"))
    settings["date"] = "2026-01-15"
    settings.update(config)
    path.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return path


def fingerprint(folder: Path) -> dict[str, str]:
    """Every regular file under ``folder`` by relative path, with its SHA-256."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}
