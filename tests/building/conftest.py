"""Fixtures of the building tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import resumekit

from ..build_fixtures import BOTH, built_targets, small_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The small project, built: every target's documents and the manifest are there."""
    config = small_project(tmp_path / "project")
    result = resumekit.build(config)
    assert result.ok and built_targets(result) == BOTH
    return config
