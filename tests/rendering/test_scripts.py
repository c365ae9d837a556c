"""Passages in another script carry their language, in the HTML (and so the PDF's /Lang)."""

from __future__ import annotations

import pytest

from resumekit.rendering.scripts import mark_languages, run_language


@pytest.mark.parametrize("run, document, tag", [
    ("山田 花子", "en", "und-Hani"), ("山田 花子", "ja", None), ("やまだ", "en", "ja"), ("東京大学の学生", "en", "ja"),
    ("김민준", "en", "ko"), ("שלום עולם", "en", "he"), ("مرحبا بكم", "en", "ar"), ("مرحبا", "ar", None),
    ("Жизнь", "en", "und-Cyrl"), ("Жизнь", "ru", None), ("Ωμέγα", "de", "el"), ("สวัสดี", "en", "th"),
    ("中文", "zh-Hans", None),
])
def test_a_run_is_tagged_with_the_language_its_script_says(run, document, tag):
    assert run_language(run, document) == tag


def test_runs_in_text_are_wrapped_and_nothing_else_is_touched():
    html = ('<html lang="en"><head><title>山田</title><style>p::before { content: "→" }</style></head>'
            '<body><h1 data-x="山田">山田 花子</h1><p>Dubai (مرحبا بكم) &amp; Tel Aviv</p><p>Plain</p></body></html>')
    marked = mark_languages(html, "en")
    assert '<h1 data-x="山田"><span lang="und-Hani">山田 花子</span></h1>' in marked
    assert '<p>Dubai (<span lang="ar">مرحبا بكم</span>) &amp; Tel Aviv</p>' in marked
    assert "<title>山田</title>" in marked and "<p>Plain</p>" in marked
    assert mark_languages("<p>Jane Doe</p>", "en") == "<p>Jane Doe</p>"
