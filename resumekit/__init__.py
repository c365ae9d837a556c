"""resumekit: tailored resumes and cover letters from one YAML career profile.

The public API::

    profile = resumekit.load_profile("profile.yaml")
    resumekit.render(profile, "out/resume.pdf", document="resume")
    result = resumekit.build("resumekit.yaml")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .building import BuildOptions, BuildResult, BuildSession, build, build_many, render
    from .checking import DocumentCheck, check
    from .errors import (BuildError, ConfigError, FeedbackError, InternalError, ProfileError, ResumekitError,
                         TargetError, UsageError)
    from .feedback import apply_feedback
    from .loading import ResumekitWarning, load_profile, load_target
    from .loading.feedback import load_feedback
    from .models import Profile, Target
    from .models.feedback import Feedback
    from .tailoring import Tailored, tailor

# Each public name and the module it lives in. They are imported on first use, so that
# `resumekit --help` and an up-to-date `resumekit build` never import pydantic.
_HOMES = {
    "BuildOptions": "building", "BuildResult": "building", "BuildSession": "building",
    "build": "building", "build_many": "building", "render": "building",
    "BuildError": "errors", "ConfigError": "errors", "FeedbackError": "errors", "InternalError": "errors",
    "ProfileError": "errors", "ResumekitError": "errors", "TargetError": "errors", "UsageError": "errors",
    "apply_feedback": "feedback",
    "load_feedback": "loading.feedback",
    "load_profile": "loading", "load_target": "loading", "ResumekitWarning": "loading",
    "Profile": "models", "Target": "models",
    "Feedback": "models.feedback",
    "Tailored": "tailoring", "tailor": "tailoring",
    "DocumentCheck": "checking", "check": "checking",
}

__all__ = [
    "BuildError",
    "BuildOptions",
    "BuildResult",
    "BuildSession",
    "ConfigError",
    "DocumentCheck",
    "Feedback",
    "FeedbackError",
    "InternalError",
    "Profile",
    "ProfileError",
    "ResumekitError",
    "ResumekitWarning",
    "Tailored",
    "Target",
    "TargetError",
    "UsageError",
    "apply_feedback",
    "build",
    "build_many",
    "check",
    "load_feedback",
    "load_profile",
    "load_target",
    "render",
    "tailor",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'resumekit' has no attribute '{name}'")
    from importlib import import_module

    value = getattr(import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
