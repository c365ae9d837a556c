"""resumekit: tailored resumes and cover letters from one YAML career profile.

The public API::

    profile = resumekit.load_profile("profile.yaml")
    resumekit.render(profile, "out/resume.pdf", document="resume")
    result = resumekit.build("resumekit.yaml")
"""

from __future__ import annotations

__version__ = "0.1.0"

from .building import BuildResult, build, build_many, render
from .errors import ConfigError, FeedbackError, ProfileError, ResumekitError, TargetError
from .feedback import apply_feedback
from .feedback_loading import load_feedback
from .loading import load_profile, load_target
from .tailoring import Tailored, tailor
from .models import Profile, Target
from .models.feedback import Feedback

__all__ = [
    "BuildResult",
    "ConfigError",
    "Feedback",
    "FeedbackError",
    "Profile",
    "ProfileError",
    "ResumekitError",
    "Tailored",
    "Target",
    "TargetError",
    "apply_feedback",
    "build",
    "build_many",
    "load_feedback",
    "load_profile",
    "load_target",
    "render",
    "tailor",
]
