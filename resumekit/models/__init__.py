"""The file models: profile, feedback, target, config."""

from .config import Config
from .profile import Profile
from .target import Target

__all__ = ["Config", "Profile", "Target"]
