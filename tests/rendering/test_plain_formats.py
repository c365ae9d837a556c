"""txt and md from hostile content: tabs, control characters, words longer than a line,
right-to-left and CJK text, pasted Unicode bullets, and text that would read as Markdown;
and the letter in both formats. The Markdown is read back with markdown-it-py, the
CommonMark parser the package already uses."""

from __future__ import annotations

from markdown_it import MarkdownIt

from resumekit.documents import Entry, Letter, Link, Resume, Section
from resumekit.rendering.plain import WIDTH, render_plain

LONG_URL = "https://example.com/" + "a" * 90
HOSTILE = Resume(
    name="Jane\t*Doe*\x07", label="Data\u2028Analyst",
    contacts=(Link("Columbus, OH", kind="location"),
              Link("+1 614-555-0142", "tel:+16145550142", "phone"),
              Link("example.com", "https://www.example.com/", "website"),
              Link("My portfolio", "https://jane.example.org/work", "website"),
              Link("GitHub: janedoe", kind="github")),
    sections=(
        Section("summary", "Summary", "text", text="Turns\tdata\x00 into **decisions**.\r\nEvery week."),
        Section("work", "Experience", "entries", (
            Entry(title="Acme\tHealth", subtitle="Data Analyst", where="Columbus, OH", when="2021 \u2013 present",
                  url="https://acme.example.com",
                  bullets=("\u2022 Built the churn model, see " + LONG_URL,
                           "# Owned the 1. release, 2. release and 3. release of the forecasting pipeline used by "
                           "eleven teams across the company", "Python \u25aa SQL \u25aa dbt")),
            Entry(title="\u05de\u05db\u05d1\u05d9 \u05d1\u05e2\"\u05de", subtitle="\u05d0\u05e0\u05dc\u05d9\u05e1\u05d8\u05d9\u05ea",
                  when="2019 \u2013 2021", bullets=("\u05d1\u05e0\u05d9\u05ea\u05d9 \u05d3\u05e9\u05d1\u05d5\u05e8\u05d3 "
                                                   "\u05dc\u05e6\u05d5\u05d5\u05ea \u05d4\u05de\u05db\u05d9\u05e8\u05d5\u05ea",)),
        )),
        Section("skills", "\u30b9\u30ad\u30eb", "lines", (Entry(label="Analytics", description="SQL, C#, F*, dbt"),)),
        Section("talks", "Talks", "bullets", (Entry(bullets=("PyData 2024", "- [Keynote](https://talk.example/k)")),)),
    ),
)


def _text() -> str:
    return render_plain(HOSTILE, "txt").decode("utf-8")


def test_text_has_no_tab_control_character_or_unicode_bullet():
    text = _text()
    assert not [c for c in text if (ord(c) < 32 and c != "\n") or c in "\x7f\u2028\u2029\u2022\u25aa"]
    lines = text.splitlines()
    assert lines[:2] == ["Jane *Doe*", "Data Analyst"]  # a name is not Markdown: its stars stay
    assert "Turns data into decisions. Every week." in text  # the person's Markdown read as plain text
    assert "- Python - SQL - dbt" in lines and "- Built the churn model, see" in lines


def test_text_is_wrapped_under_the_bullet_and_a_long_url_is_never_broken():
    lines = _text().splitlines()
    assert "  " + LONG_URL in lines  # on a line of its own, whole, though longer than WIDTH
    assert all(len(line) <= WIDTH for line in lines if LONG_URL not in line)
    first = lines.index(next(line for line in lines if line.startswith("- # Owned the 1. release")))
    assert lines[first + 1].startswith("  ") and not lines[first + 1].startswith("   ")


def test_text_writes_each_link_in_full_and_entries_as_portals_read_them():
    lines = _text().splitlines()
    assert "https://www.example.com/" in lines and "My portfolio: https://jane.example.org/work" in lines
    assert "+1 614-555-0142" in lines and "GitHub: janedoe" in lines
    head = lines.index("Acme Health \u2014 Data Analyst")
    assert lines[head + 1:head + 3] == ["Columbus, OH | 2021 \u2013 present", "https://acme.example.com"]
    assert lines[lines.index("EXPERIENCE") + 1] == "-" * len("EXPERIENCE")


def test_text_keeps_right_to_left_and_cjk_text_as_written():
    text = _text()
    assert "\u05de\u05db\u05d1\u05d9 \u05d1\u05e2\"\u05de \u2014 \u05d0\u05e0\u05dc\u05d9\u05e1\u05d8\u05d9\u05ea" in text
    lines = text.splitlines()
    title = lines.index("\u30b9\u30ad\u30eb")
    assert lines[title + 1] == "------"  # as wide as the title's three wide characters


def _html(md: str) -> str:
    return MarkdownIt().render(md)


def test_markdown_shows_the_persons_plain_text_as_written():
    html = _html(render_plain(HOSTILE, "md").decode("utf-8"))
    assert "<h1>Jane *Doe*</h1>" in html
    assert "<li># Owned the 1. release" in html and "<h1>Owned" not in html  # a bullet's '#' is text
    assert "<li>- <a href=\"https://talk.example/k\">Keynote</a></li>" in html  # no list in a list
    assert "SQL, C#, F*, dbt" in html and "<em>" not in html.split("Analytics")[1].split("</li>")[0]
    assert "<strong>decisions</strong>" in html  # the person's own Markdown is kept


def test_markdown_links_contacts_and_entries():
    html = _html(render_plain(HOSTILE, "md").decode("utf-8"))
    assert '<a href="tel:+16145550142">+1 614-555-0142</a>' in html
    assert '<h3><a href="https://acme.example.com">Acme Health</a> \u2014 Data Analyst</h3>' in html
    assert "<h2>Experience</h2>" in html and "<h2>\u30b9\u30ad\u30eb</h2>" in html


def test_markdown_of_text_that_would_read_as_a_list_or_an_entity():
    doc = Resume(name="A", label="", contacts=(), sections=(
        Section("x", "X", "entries", (Entry(title="T", where="1999. Paris", description="&amp; - `code` `",
                                            bullets=("**bold [link](https://x.example)** after",
                                                     "+ plus", "2) two", "![image](a.png)")),)),))
    html = _html(render_plain(doc, "md").decode("utf-8"))
    assert "<p>1999. Paris</p>" in html and "<ol" not in html
    assert "&amp;amp; - <code>code</code> `" in html
    assert '<strong>bold</strong> <a href="https://x.example"><strong>link</strong></a> after' in html
    assert "<li>+ plus</li>" in html and "<li>2) two</li>" in html and "<img" not in html


LETTER = Letter(
    name="Jane *Doe*", label="- Analyst", contacts=(Link("jane@example.com", "mailto:jane@example.com", "email"),),
    date="January 15, 2026", recipient=("Ms.\tRivera", "Acme Health", "1. Main Street"), subject="Lead Analyst",
    greeting="Dear Ms. Rivera,",
    paragraphs=("I am writing to apply for the **Lead Analyst** role, which combines the two things I do best: "
                "turning messy data into decisions and teaching others to do the same.",),
    bullets=("\u2022 Built the churn model",), after_bullets=("Thank you.",), signoff="Sincerely,",
    signature="Jane Doe",
)


def test_the_letter_as_text():
    text = render_plain(LETTER, "txt").decode("utf-8")
    lines = text.splitlines()
    assert "\t" not in text and "**" not in text and max(len(line) for line in lines) <= WIDTH
    assert lines[:3] == ["Jane *Doe*", "- Analyst", "jane@example.com"]
    assert ["Ms. Rivera", "Acme Health", "1. Main Street"] == lines[6:9]
    assert "- Built the churn model" in lines and lines[-3:] == ["Sincerely,", "", "Jane Doe"]


def test_the_letter_as_markdown():
    html = _html(render_plain(LETTER, "md").decode("utf-8"))
    assert "<h1>Jane *Doe*</h1>\n<p>- Analyst</p>" in html
    assert "<p>Ms. Rivera<br />\nAcme Health<br />\n1. Main Street</p>" in html  # lines kept, no list
    assert "<strong>Lead Analyst</strong> role" in html and "<li>Built the churn model</li>" in html
    assert "<p>Jane Doe</p>" in html


def test_both_formats_of_both_documents_are_utf8_reproducible_and_end_in_one_newline():
    for doc in (HOSTILE, LETTER):
        for fmt in ("txt", "md"):
            data = render_plain(doc, fmt)
            assert data == render_plain(doc, fmt) and data.endswith(b"\n") and not data.endswith(b"\n\n")
            assert "\n\n\n\n" not in data.decode("utf-8")
