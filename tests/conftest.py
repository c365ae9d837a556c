"""Shared fixtures: sample projects copied to temporary folders, and builds shared by tests.

Rendering is the slow part (a PDF takes about half a second), so the example project is
built once per session and every test that only reads its outputs shares that build.
Only fixtures live here; what tests import is in helpers.py.
"""

from __future__ import annotations

import http.server
import threading

import pytest

import resumekit
from resumekit.building import GENERAL_BUILD as GENERAL

from .helpers import PROFILES, Built, copy_project, make_project


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
