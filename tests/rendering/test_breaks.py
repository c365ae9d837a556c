"""Room to break every line: runs longer than any word get invisible break opportunities,
very long text is set in spans, and nothing the person wrote is lost or altered."""

from __future__ import annotations

import re

from resumekit.rendering.breaks import BOX, BOX_AT, BREAK, HYPHENATED, LONG_RUN, PIECE, breakable

HEAD = '<html><head><title>{t}</title><style>{t}</style></head><body class="resume">'
TAIL = "</body></html>"


def page(text: str, head: str = "") -> str:
    return HEAD.format(t=head) + f"<p>{text}</p>" + TAIL


def text_of(html: str) -> str:
    return re.sub(r"<[^>]*>", "", html).replace(BREAK, "")


def test_text_of_real_words_is_left_as_it_is():
    html = page("Built the churn model (falls prevention, maya.okafor@example.com) " + "x" * LONG_RUN)
    assert breakable(html) == html


def test_a_hyphenated_word_never_ends_a_line_at_its_hyphen():
    """ "30- day" in six extractors, "30day" in pdftotext: a line broken at a keyword's hyphen
    loses the keyword; so each hyphenated word is kept whole, neighbours in one span (a
    space between two spans is not drawn, and pdfplumber would read "40-bedmedical-surgical")."""
    out = breakable(page("Built a 30-day readmission model on a 40-bed medical-surgical unit, re-run weekly"))
    spans = re.findall(rf'<span class="{HYPHENATED}">([^<]*)</span>', out)
    assert spans == ["30-day", "40-bed medical-surgical", "re-run"]
    assert text_of(out) == text_of(page("Built a 30-day readmission model on a 40-bed medical-surgical unit, "
                                        "re-run weekly"))


def test_hyphens_that_join_no_words_are_left_alone():
    for text in ("2019 - 2022", "-5%", "well- and ill-formed", "snake_case-name", "--flag", "a-" + "b" * LONG_RUN):
        out = breakable(page(text))
        assert HYPHENATED not in out or text == "well- and ill-formed", text
    assert re.findall(rf'<span class="{HYPHENATED}">([^<]*)</span>', breakable(page("well- and ill-formed"))) == \
        ["ill-formed"]


def test_a_run_longer_than_any_word_may_break_every_few_characters():
    word = "Wolfeschlegel" * 10
    out = breakable(page(word))
    pieces = re.search(r"<p>(.*)</p>", out).group(1).split(BREAK)  # type: ignore[union-attr]
    assert "".join(pieces) == word
    assert max(len(p) for p in pieces) <= PIECE + 2 and len(pieces) > 1


def test_attributes_head_and_raw_text_are_never_touched():
    long = "y" * (LONG_RUN * 3)
    html = (HEAD.format(t=long) + f'<a href="https://example.com/{long}">{long}</a>'
            f"<svg><title>{long}</title></svg><script>{long}</script>" + TAIL)
    out = breakable(html)
    assert f'href="https://example.com/{long}"' in out and f"<title>{long}</title>" in out
    assert f"<style>{long}</style>" in out and f"<script>{long}</script>" in out
    assert f">{long}</a>" not in out  # the link's text is the one that may break


def test_entities_and_combined_characters_are_never_split():
    text = "&amp;" * 30 + "e\u0301" * 30 + "\U0001F44D\U0001F3FD" * 20 + "a\u200db" * 20
    out = breakable(page(text))
    assert text_of(out) == text_of(page(text))
    for piece in re.search(r"<p>(.*)</p>", out).group(1).split(BREAK):  # type: ignore[union-attr]
        assert not re.search(r"&[a-z]*$", piece) and not piece.startswith(";")
        assert not piece.startswith(("\u0301", "\U0001F3FD", "\u200d")) and not piece.endswith("\u200d")


def test_very_long_text_is_set_in_spans_and_kept_whole():
    text = ("word " * (BOX_AT // 4)) + "Wolfeschlegel" * (BOX_AT // 13)
    out = breakable(page(text))
    spans = re.findall(r"<span>(.*?)</span>", out)
    assert len(spans) > 2 and all(len(s) <= BOX + PIECE for s in spans)
    assert text_of(out) == text_of(page(text))


def test_a_megabyte_word_is_prepared_quickly():
    import time

    start = time.perf_counter()
    out = breakable(page("W" * 1_000_000))
    assert time.perf_counter() - start < 5
    assert text_of(out).count("W") == 1_000_000


def test_on_the_page_no_word_runs_past_the_paper_and_the_footer_keeps_one_line(tmp_path):
    """A name and a highlight far wider than the page, rendered: every word's box lies on the
    paper, all the text is there, and the footer repeats the name cut short."""
    import copy
    import shutil
    import subprocess

    import pytest

    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler's pdftotext")
    import resumekit

    profile = {"basics": {"name": "Wolfeschlegel" * 20},
               "work": [{"name": "Valley Freight Co.", "highlights": ["Steinhausen" * 200]}]}
    written = resumekit.render(resumekit.load_profile(copy.deepcopy(profile)), tmp_path / "resume.pdf")
    boxes = subprocess.run(["pdftotext", "-bbox", str(written), "-"], capture_output=True, text=True,
                           check=True).stdout
    size = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', boxes)
    assert size is not None
    width, height = float(size.group(1)), float(size.group(2))
    words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', boxes)
    assert words and all(float(x1) >= 0 and float(x2) <= width and float(y2) <= height
                         for x1, _, x2, y2, _ in words), "a word runs off the page"
    text = "".join(word for *_, word in words)
    assert text.count("Steinhausen") == 200 and text.count("Wolfeschlegel") >= 20
    footer = subprocess.run(["pdftotext", str(written), "-"], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Wolfeschlegel\S*\u2026 \u2013 Page 1 of 1", footer), footer[-300:]
