"""resumekit: tailored resumes and cover letters from one YAML career profile.

The public API::

    profile = resumekit.load_profile("profile.yaml")
    resumekit.render(profile, "out/resume.pdf", document="resume")
    result = resumekit.build("resumekit.yaml")
"""

from __future__ import annotations

__version__ = "0.1.0"

from .building import build, render
from .errors import ConfigError, FeedbackError, ProfileError, ResumekitError, TargetError
from .feedback import apply_feedback
from .feedback_loading import load_feedback
from .loading import load_profile, load_target
from .models import Profile, Target
from .models.feedback import Feedback

__all__ = [
    "ConfigError",
    "Feedback",
    "FeedbackError",
    "Profile",
    "ProfileError",
    "ResumekitError",
    "Target",
    "TargetError",
    "apply_feedback",
    "build",
    "load_feedback",
    "load_profile",
    "load_target",
    "render",
]
