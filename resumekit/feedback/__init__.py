"""Pure operations on recorded feedback: apply improvements, find re-applications, report, request."""

from .apply import apply_feedback, provenance_of

__all__ = ["apply_feedback", "provenance_of"]
