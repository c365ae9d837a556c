"""The content types the renderers receive: what a link may point at, and what a document is titled."""

from __future__ import annotations

import pytest

from resumekit import load_profile
from resumekit.documents import Entry, Link, Options, build_letter, build_resume, link_target


def test_document_titles_name_the_person():
    profile = load_profile({"basics": {"name": "Jane Doe"}})
    assert build_resume(profile).title == "Jane Doe \u2013 Resume"
    assert build_letter(profile, None, Options(date="2026-01-15")).title == "Jane Doe \u2013 Cover Letter"


def test_only_web_mail_and_phone_links_reach_a_document():
    from resumekit.documents import Entry

    assert Link("me", "javascript:alert(1)").url is None
    assert Entry(title="X", url="file:///etc/passwd").url is None
    assert Link("me", "https://example.com/me").url == "https://example.com/me"
    assert Link("me", "mailto:me@example.com").url == "mailto:me@example.com"


@pytest.mark.parametrize("url", ["tel:+15550100", "HTTPS://EXAMPLE.COM", " https://example.com/me"])
def test_phone_links_and_any_case_of_scheme_are_kept(url):
    assert link_target(url) == url


@pytest.mark.parametrize("url", ["data:text/html,<script>", "ftp://example.com/cv.pdf", "example.com/me", "", None])
def test_anything_else_is_shown_as_plain_text(url):
    assert link_target(url) is None
    assert Link("me", url).url is None


def test_a_document_without_a_name_is_titled_by_its_kind():
    profile = load_profile({})
    assert build_resume(profile).title == "Resume"
    assert build_letter(profile, None, Options(date="2026-01-15")).title == "Cover Letter"


def test_content_cannot_be_changed_once_made():
    link = Link("me", "https://example.com/me")
    with pytest.raises(AttributeError):
        link.url = "javascript:alert(1)"  # type: ignore[misc]
