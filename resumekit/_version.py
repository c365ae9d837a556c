"""resumekit's version: a leaf module, so that anything may import it without cycles."""

__version__ = "0.1.0"
