"""Shared fixtures: sample projects copied to temporary folders, and builds shared by tests.

Rendering is the slow part (a PDF takes about half a second), so the example project is
built once per session and every test that only reads its outputs shares that build.
Only fixtures live here; what tests import is in helpers.py.
"""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

import resumekit
from resumekit.building import GENERAL_BUILD as GENERAL
from resumekit.building.plan import Plan, plan_target
from resumekit.building.project import Project, load_project

from .helpers import LETTER_DATE, PROFILES, Built, copy_project, make_project
from .tailoring_fixtures import MISSING_JOB, PAT, TARGETS, cli_env, copy_profiles


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-reference", action="store_true",
                     help="rewrite the reference text dumps in tests/reference/ from this build")


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The example project (profiles/), copied and built: every target, then the general version."""
    root = copy_project(PROFILES, tmp_path_factory.mktemp("example") / "project")
    result = resumekit.build(root / "resumekit.yaml")
    general = resumekit.build(root / "resumekit.yaml", targets=[GENERAL])
    return Built(root, result, general)


@pytest.fixture(scope="session")
def jane_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The small Jane Doe project (no targets, so the general version) in British English."""
    root = tmp_path_factory.mktemp("jane") / "project"
    config = make_project(root, language="en-GB")
    return Built(root, resumekit.build(config))


@pytest.fixture(scope="session")
def seeded_example(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example project built by `resumekit build` in two processes, PYTHONHASHSEED=1 and =2:
    the project folder of each, by seed. Tailoring, fitting and letter tests read these files."""
    base = tmp_path_factory.mktemp("seeded")
    configs = {seed: copy_profiles(base / f"seed-{seed}") for seed in ("1", "2")}
    runs = {seed: subprocess.Popen([sys.executable, "-m", "resumekit.cli", "build", "-c", str(config), "--jobs", "1"],
                                   env=cli_env(PYTHONHASHSEED=seed), stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
            for seed, config in configs.items()}
    for seed, run in runs.items():
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
    return {seed: config.parent for seed, config in configs.items()}


@pytest.fixture(scope="session")
def seeded_out(seeded_example: dict[str, Path]) -> Path:
    """The output folder of the first seeded build."""
    return seeded_example["1"] / "out"


@pytest.fixture(scope="session")
def seeded_project(seeded_example: dict[str, Path]) -> Project:
    """The first seeded build's project, loaded."""
    return load_project(seeded_example["1"] / "resumekit.yaml")


@pytest.fixture(scope="session")
def seeded_plans(seeded_project: Project) -> dict[str, Plan]:
    """What each example target's documents are made from (tailored, fitted to its budget)."""
    return {tid: plan_target(seeded_project, seeded_project.target(tid)) for tid in TARGETS}


@pytest.fixture(scope="session")
def missing_terms_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project whose target asks for terms the profile lacks, built to real files: its output folder."""
    root = tmp_path_factory.mktemp("missing") / "project"
    (root / "targets").mkdir(parents=True)
    (root / "profile.yaml").write_text(PAT, encoding="utf-8")
    (root / "targets" / "platform.yaml").write_text(MISSING_JOB, encoding="utf-8")
    (root / "targets" / "barista.yaml").write_text("title: Barista\ncompany: Bean There\n", encoding="utf-8")
    (root / "resumekit.yaml").write_text(yaml.safe_dump({
        "profile": "profile.yaml", "targets": "targets/", "output": "out", "documents": ["resume"],
        "formats": ["pdf", "docx"], "date": LETTER_DATE}), encoding="utf-8")
    result = resumekit.build(root / "resumekit.yaml")
    assert result.ok, result.failures
    return root / "out"


class _Counting(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        self.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def web_server():
    """A local web server that records every request made to it."""
    _Counting.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Counting.hits
    server.shutdown()
    server.server_close()
