"""Renderers: documents -> HTML (Jinja2), PDF (WeasyPrint) and DOCX (python-docx)."""
