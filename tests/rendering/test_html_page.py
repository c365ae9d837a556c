"""The HTML page (formats: [html]): it stands alone (no request of any kind, its fonts and
photo inline), reads as a document (lang, title, one h1, a h2 per section, real lists),
holds every string of the content, is byte-identical run after run, and escapes what a
hostile profile writes. The last tests open it in a real headless Chromium (Debian's
``chromium``, driven by Playwright): no console message, no request leaves the file, the
page is drawn, fits a phone's width, and prints on the PDF's paper."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from resumekit.building.plan import content_for, options_for, plan_target
from resumekit.building.project import Project, load_project
from resumekit.documents import Letter, Resume
from resumekit.documents.content import all_text
from resumekit.models.markup import pieces
from resumekit.rendering.fonts import font_characters, needs_glyph
from resumekit.rendering.html_page import render_html_page

from ..helpers import JANE, PROFILES, REPO, copy_project, exit_code, make_project, missing_in_order

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
PAGE_LIMIT = 300 * 1024
"""A page is well under 1 MB: its four fonts cut to the text it shows are about 20 KB each."""


# --- reading a page ---------------------------------------------------------------------


@dataclass
class Read:
    """What a page holds, as a browser's parser sees it."""

    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    css: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    title: str = ""
    headings: dict[str, list[str]] = field(default_factory=dict)
    list_items: int = 0
    list_items_in_lists: int = 0


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.read = Read()
        self.open: list[str] = []
        self.heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.read.tags.append((tag, dict(attrs)))
        if tag == "li":
            self.read.list_items += 1
            self.read.list_items_in_lists += bool(self.open) and self.open[-1] in ("ul", "ol")
        if tag in ("h1", "h2", "h3"):
            self.heading = []
        if tag not in ("br", "wbr", "meta", "link", "img", "path", "circle", "ellipse", "hr", "input"):
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.read.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3") and self.heading is not None:
            self.read.headings.setdefault(tag, []).append("".join(self.heading).strip())
            self.heading = None
        while self.open:
            if self.open.pop() == tag:
                break

    def handle_data(self, data: str) -> None:
        where = self.open[-1] if self.open else ""
        if where == "style":
            self.read.css.append(data)
        elif where == "title" and "svg" not in self.open:
            self.read.title += data
        elif where != "title" and "head" not in self.open:
            self.read.text.append(data)
            if self.heading is not None:
                self.heading.append(data)


def read(page: bytes) -> Read:
    reader = _Reader()
    reader.feed(page.decode("utf-8"))
    reader.close()
    return reader.read


def resource_urls(found: Read) -> list[str]:
    """Every URL the page would load: src, a <link>'s href, SVG hrefs, CSS url() and @import."""
    urls = []
    for tag, attrs in found.tags:
        for name, value in attrs.items():
            if value is None:
                continue
            if name in ("src", "srcset", "poster", "data", "background") or (
                    name in ("href", "xlink:href") and tag not in ("a", "area")):
                urls.append(value)
            if name == "style":
                urls += re.findall(r"url\(\s*[\"']?([^\"')]*)", value)
    for css in found.css:
        urls += re.findall(r"url\(\s*[\"']?([^\"')]*)", css)
        urls += re.findall(r"@import\s+[\"']([^\"']*)", css)
    return urls


def font_sources(found: Read, icons: bool = False) -> list[bytes]:
    """The fonts of the page's ``@font-face`` rules, decoded from their data: URIs: the
    text's, or with ``icons`` the contact icons' own (which draw no text)."""
    css = "\n".join(found.css)
    faces = re.findall(r"@font-face\s*\{[^}]*\}", css)
    out = []
    for face in faces:
        if ("resumekit icon" in face) != icons:
            continue
        match = re.search(r'src:\s*url\("data:font/woff2;base64,([A-Za-z0-9+/=]+)"\)', face)
        assert match, f"a font not inline as WOFF2: {face[:200]}"
        out.append(base64.b64decode(match.group(1)))
    return out


def shown_strings(doc: Resume | Letter) -> list[str]:
    """Every string the document shows, in the order a person reads it (an entry's employer,
    position, place, dates, then its text), as plain text (its Markdown read): the content's
    :func:`all_text`, less what it holds for the renderers (look, paper, URLs)."""
    if isinstance(doc, Resume):
        entries = [[(e.label, e.title, e.subtitle, e.where, e.when, e.description, e.bullets) for e in s.entries]
                   for s in doc.sections]
        parts: object = [doc.name, doc.label, [c.text for c in doc.contacts],
                         [(s.title, s.text, shown) for s, shown in zip(doc.sections, entries)], doc.consent]
    else:
        parts = [doc.name, doc.label, [c.text for c in doc.contacts], doc.date, doc.recipient, doc.subject,
                 doc.greeting, doc.paragraphs, doc.bullets, doc.after_bullets, doc.signoff, doc.signature]
    return ["".join(p.text for p in pieces(text)) for text in all_text(parts) if text.strip()]


def page_text(found: Read) -> str:
    return "".join(found.text).replace("\u200b", "")


# --- the pages ----------------------------------------------------------------------------


@dataclass
class Page:
    name: str
    doc: Resume | Letter
    data: bytes
    project: Project
    path: Path

    @property
    def read(self) -> Read:
        return read(self.data)


def pages_of(config: Path, out: Path, targets: list[str | None]) -> dict[str, Page]:
    """The resume and letter pages of ``targets`` (``None``: the general version), written under ``out``."""
    project = load_project(config)
    found = {}
    out.mkdir(parents=True, exist_ok=True)
    for tid in targets:
        target = project.target(tid) if tid else None
        plan, options = plan_target(project, target), options_for(project, target)
        for document in project.config.documents:
            doc = content_for(plan, document, options)
            data = render_html_page(doc, project.theme, project.root)
            name = f"{config.parent.name}-{tid or 'general'}-{document}"
            path = out / f"{name}.html"
            path.write_bytes(data)
            found[name] = Page(name, doc, data, project, path)
    return found


@pytest.fixture(scope="module")
def example_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Page]:
    """The example project's general resume and letter, and those of its Acme target."""
    base = tmp_path_factory.mktemp("html-example")
    root = copy_project(PROFILES, base / "example")
    return pages_of(root / "resumekit.yaml", base / "pages", [None, "acme-lead"])


@pytest.fixture(scope="module")
def init_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Page]:
    """The pages of the project ``resumekit init`` writes, for each of its targets."""
    base = tmp_path_factory.mktemp("html-init")
    assert exit_code(["init", str(base / "my-cv")]) == 0
    project = load_project(base / "my-cv" / "resumekit.yaml")
    return pages_of(base / "my-cv" / "resumekit.yaml", base / "pages", [t.id for t in project.targets] or [None])


@pytest.fixture(scope="module")
def all_pages(example_pages: dict[str, Page], init_pages: dict[str, Page]) -> list[Page]:
    return [*example_pages.values(), *init_pages.values()]


# --- standing alone -----------------------------------------------------------------------


def test_no_resource_names_anything_but_the_page_itself(all_pages):
    for page in all_pages:
        urls = resource_urls(page.read)
        assert urls, page.name  # the fonts at least
        assert [u for u in urls if not u.startswith("data:")] == [], page.name
        assert b"@import" not in page.data
        links = [attrs for tag, attrs in page.read.tags if tag == "link"]
        assert links == [{"rel": "icon", "href": "data:,"}], page.name


def test_only_links_to_the_persons_sites_are_urls(example_pages):
    page = example_pages["example-general-resume"]
    hrefs = [attrs["href"] for tag, attrs in page.read.tags if tag == "a"]
    assert "https://www.linkedin.com/in/maya-okafor-example" in hrefs
    assert all(h.split(":")[0] in ("https", "http", "mailto", "tel") for h in hrefs), hrefs
    rest = re.sub(rb'<a href="[^"]*"', b"", page.data)
    assert re.findall(rb"(?:https?|file):", rest) == []


def test_a_content_security_policy_lets_the_page_fetch_nothing(all_pages):
    for page in all_pages:
        policies = [a["content"] for t, a in page.read.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
        assert policies and policies[0].startswith("default-src 'none'"), page.name


def test_every_font_is_inline_and_cut_to_the_text(all_pages):
    for page in all_pages:
        fonts = font_sources(page.read)
        assert len(fonts) == 4, page.name  # Lato's regular, italic, bold and bold italic
        icons = font_sources(page.read, icons=True)  # one per kind of contact, each a few hundred bytes
        assert 1 <= len(icons) <= 6 and all(len(icon) < 2000 for icon in icons), page.name
        shown = {ord(c) for c in page_text(page.read) if needs_glyph(c)}
        lato = font_characters(REPO / "templates" / "classic" / "fonts" / "Lato-Regular.ttf")
        for data in fonts:
            font = TTFont(io.BytesIO(data))
            assert font.flavor == "woff2"
            cmap = set(font.getBestCmap())
            assert shown & lato <= cmap, f"{page.name}: {sorted(map(chr, (shown & lato) - cmap))}"
            assert len(cmap) < len(lato) / 3, page.name  # cut, not the whole font
        assert len(page.data) < PAGE_LIMIT, f"{page.name}: {len(page.data)} bytes"


def test_no_css_only_weasyprint_reads_reaches_the_browser(all_pages):
    for page in all_pages:
        css = "\n".join(page.read.css)
        for weasyprint_only in ("string-set", "@bottom-", "@top-", "running(", "element(", "bookmark-",
                                "counter(pages)", "string(person)"):
            assert weasyprint_only not in css, f"{page.name}: {weasyprint_only}"
        assert "Page 1 of" not in page_text(page.read)


# --- reading as a document ----------------------------------------------------------------


def test_the_page_says_its_language_direction_and_title(all_pages):
    for page in all_pages:
        html = next(attrs for tag, attrs in page.read.tags if tag == "html")
        assert html["lang"] == page.doc.language and html["dir"] == page.doc.direction
        assert page.read.title == page.doc.title


def test_one_h1_the_name_and_a_h2_per_section(all_pages):
    for page in all_pages:
        assert page.read.headings["h1"] == [page.doc.name], page.name
        if isinstance(page.doc, Resume):
            assert page.read.headings["h2"] == [s.title for s in page.doc.sections], page.name


def test_bullets_are_list_items_in_lists(example_pages):
    page = example_pages["example-general-resume"]
    bullets = sum(len(e.bullets) for s in page.doc.sections for e in s.entries)
    assert bullets > 20
    assert page.read.list_items == page.read.list_items_in_lists >= bullets


def test_every_string_of_the_content_is_in_the_text_in_order(all_pages):
    for page in all_pages:
        strings = shown_strings(page.doc)
        assert len(strings) > 10
        assert missing_in_order(page_text(page.read), strings) == [], page.name


def test_the_page_is_the_same_byte_for_byte(example_pages):
    page = example_pages["example-acme-lead-resume"]
    again = render_html_page(page.doc, page.project.theme, page.project.root)
    assert again == page.data


PAGE_HASH = """\
import hashlib, sys
from resumekit.building.plan import content_for, options_for, plan_target
from resumekit.building.project import load_project
from resumekit.rendering.html_page import render_html_page
project = load_project(sys.argv[1])
plan = plan_target(project, None)
doc = content_for(plan, "resume", options_for(project, None))
print(hashlib.sha256(render_html_page(doc, project.theme, project.root)).hexdigest())
"""


def test_the_page_is_the_same_in_another_process(example_pages):
    page = example_pages["example-general-resume"]
    env = dict(os.environ, PYTHONHASHSEED="7", PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", PAGE_HASH, str(page.project.root / "resumekit.yaml")],
                          env=env, capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == hashlib.sha256(page.data).hexdigest()


def test_the_letter_sheet_has_the_letters_margins_and_the_resume_its_own(example_pages):
    resume = example_pages["example-general-resume"].read
    letter = example_pages["example-general-letter"].read
    assert "--sheet-margins: 1.5cm 1.8cm 1.6cm 1.8cm" in "".join(resume.css)
    assert "--sheet-margins: 1.7cm 2.2cm 1.8cm 2.2cm" in "".join(letter.css)
    assert "--sheet-width: 8.5in" in "".join(letter.css)


@pytest.fixture(scope="module")
def theme_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Page]:
    """The example's general resume in each other built-in theme, by theme."""
    found = {}
    for theme in ("compact", "serif"):
        config = make_project(tmp_path_factory.mktemp(f"html-{theme}") / "project", JANE, theme=theme,
                              documents=["resume"])
        found[theme] = next(iter(pages_of(config, config.parent / "pages", [None]).values()))
    return found


def test_every_built_in_theme_gives_a_page_in_its_own_fonts(theme_pages):
    for theme, page in theme_pages.items():
        fonts = [TTFont(io.BytesIO(data)) for data in font_sources(page.read)]
        assert [f["name"].getDebugName(1) for f in fonts] == [page.doc.look.font] * 4, theme
        assert len(page.data) < PAGE_LIMIT, theme
        assert missing_in_order(page_text(page.read), shown_strings(page.doc)) == [], theme


def test_serifs_small_capitals_are_the_fonts_own(theme_pages):
    """serif sets the name and headings in small capitals (font-variant-caps): its cut fonts
    keep the font's small-capital glyphs, which HarfBuzz's default cut would leave out."""
    for data in font_sources(theme_pages["serif"].read)[:1]:
        gsub = TTFont(io.BytesIO(data))["GSUB"].table
        assert "smcp" in {record.FeatureTag for record in gsub.FeatureList.FeatureRecord}


# --- what a profile or a theme must not do ------------------------------------------------

HOSTILE = JANE.replace("name: Jane Doe", "name: 'Jane</style><script>alert(1)</script> Doe'").replace(
    "  summary: Data analyst", "  url: javascript:alert(2)\n  summary: Data analyst <img src=x onerror=alert(3)>").replace(
    "      - Built the churn model used by the retention team",
    "      - Built the [churn model](javascript:alert(4)) used by the retention team").replace(
    "  - name: Globex\n", "  - name: Globex\n    url: \"javascript:alert(5)\"\n")


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Page]:
    root = tmp_path_factory.mktemp("html-hostile") / "project"
    config = make_project(root, HOSTILE, documents=["resume", "letter"])
    return pages_of(config, root / "pages", [None])


def test_a_hostile_profile_is_escaped_and_never_linked(hostile_pages):
    for page in hostile_pages.values():
        found = page.read
        assert b"<script" not in page.data.lower()
        assert [(t, a) for t, a in found.tags for v in a.values() if v and "javascript:" in v.lower()] == []
        assert not any(t == "img" or any(n.startswith("on") for n in a) for t, a in found.tags)
        assert found.headings["h1"] == ["Jane</style><script>alert(1)</script> Doe"]
        assert "Jane</style><script>alert(1)</script> Doe" in found.title
        if isinstance(page.doc, Resume):  # the person's words are shown as they wrote them, links and all
            text = page_text(found)
            assert "Data analyst <img src=x onerror=alert(3)>" in text
            assert "Built the [churn model](javascript:alert(4)) used" in text


@pytest.fixture(scope="module")
def networked_theme_page(tmp_path_factory: pytest.TempPathFactory) -> Page:
    """A page of a project whose own theme names the network everywhere CSS can."""
    root = tmp_path_factory.mktemp("html-theme") / "project"
    theme = root / "mine"
    theme.mkdir(parents=True)
    classic = REPO / "templates" / "classic"
    (theme / "style.css").write_text(
        '@import url("http://127.0.0.1:9/imported.css");\n@import "https://127.0.0.1:9/other.css";\n'
        + (classic / "style.css").read_text(encoding="utf-8")
        + '\n@font-face { font-family: "Far"; src: url("https://127.0.0.1:9/far.woff2"); }\n'
          'body { background-image: url("http://127.0.0.1:9/paper.png"); }\n'
          'h2 { list-style-image: url(//127.0.0.1:9/dot.png); font-family: "Far", inherit; }\n'
          '@media print { header { background: url("file:///etc/hostname"); } }\n',
        encoding="utf-8")
    shutil.copytree(classic / "fonts", theme / "fonts")
    header = (classic / "_header.html").read_text(encoding="utf-8").replace(
        "<header", '<script src="http://127.0.0.1:9/x.js"></script>'
                   '<img src="http://127.0.0.1:9/pixel.png" alt="">'
                   '<link rel="preload" href="http://127.0.0.1:9/font.woff2">'
                   '<iframe src="https://127.0.0.1:9/"></iframe><header style="background: url(http://127.0.0.1:9/h.png)"'
                   ' onclick="fetch(\'http://127.0.0.1:9/\')"', 1)
    (theme / "_header.html").write_text(header, encoding="utf-8")
    config = make_project(root, JANE, theme="mine", documents=["resume"])
    return next(iter(pages_of(config, root / "pages", [None]).values()))


def test_a_theme_that_names_the_network_gets_nothing_from_it(networked_theme_page):
    page = networked_theme_page
    assert [u for u in resource_urls(page.read) if not u.startswith("data:")] == []
    assert b"127.0.0.1" not in page.data and b"/etc/hostname" not in page.data
    assert b"<script" not in page.data and b"<iframe" not in page.data and b"onclick" not in page.data
    assert len(font_sources(page.read)) == 4  # the theme's own Lato, still inline
    assert missing_in_order(page_text(page.read), shown_strings(page.doc)) == []


@pytest.fixture(scope="module")
def photo_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Page, bytes]:
    from PIL import Image

    root = tmp_path_factory.mktemp("html-photo") / "project"
    root.mkdir(parents=True)
    picture = io.BytesIO()
    Image.new("RGB", (60, 80), (40, 90, 140)).save(picture, "PNG")
    (root / "me.png").write_bytes(picture.getvalue())
    profile = JANE.replace("  name: Jane Doe\n", "  name: Jane Doe\n  image: me.png\n")
    config = make_project(root, profile, photo=True, documents=["resume"])
    return next(iter(pages_of(config, root / "pages", [None]).values())), picture.getvalue()


def test_the_photo_is_inline_with_the_name_as_its_alternative_text(photo_page):
    page, picture = photo_page
    images = [attrs for tag, attrs in page.read.tags if tag == "img"]
    assert len(images) == 1 and images[0]["alt"] == "Jane Doe"
    assert images[0]["src"] == "data:image/png;base64," + base64.b64encode(picture).decode()


@pytest.fixture(scope="module")
def fallback_page(tmp_path_factory: pytest.TempPathFactory) -> Page:
    """A resume with a character Lato lacks (a note, U+266A), drawn by a font in the project's fonts/."""
    root = tmp_path_factory.mktemp("html-fallback") / "project"
    (root / "fonts").mkdir(parents=True)
    shutil.copy(REPO / "templates" / "serif" / "fonts" / "cmunrm.ttf", root / "fonts")
    profile = JANE.replace("messy operational data", "messy operational data \u266a")
    config = make_project(root, profile, documents=["resume"])
    return next(iter(pages_of(config, root / "pages", [None]).values()))


def test_a_character_the_theme_lacks_comes_from_the_projects_fonts_inline(fallback_page):
    found = fallback_page.read
    fonts = font_sources(found)
    assert len(fonts) == 5
    assert 0x266A in TTFont(io.BytesIO(fonts[-1])).getBestCmap()
    assert 'html { font-family: "Lato", "CMU Serif"; }' in "".join(found.css)


# --- in a real browser --------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium): no browser to open the page in")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@dataclass
class Opened:
    messages: list[str]
    requests: list[str]
    screenshot: bytes
    facts: dict


FACTS = """() => {
  const dark = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const contrasts = [];
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || el.closest('svg')) continue;
    const fg = luminance(dark(getComputedStyle(el).color));
    contrasts.push([(1.05) / (fg + 0.05), el.tagName + '.' + el.className]);
  }
  return {
    width: document.documentElement.scrollWidth,
    fonts: [...document.fonts].map(f => f.family + ' ' + f.weight + ' ' + f.style + ' ' + f.status),
    h1: getComputedStyle(document.querySelector('h1')).fontFamily,
    lowest: contrasts.sort((a, b) => a[0] - b[0])[0],
  };
}"""


def open_page(browser, path: Path, width: int = 900, font: str = "Lato") -> Opened:
    page = browser.new_page(viewport={"width": width, "height": 1000})
    messages: list[str] = []
    requests: list[str] = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: messages.append(f"failed: {request.url}"))
    page.goto(path.as_uri(), wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    facts = page.evaluate(FACTS)
    facts["theme_font"] = page.evaluate(f"document.fonts.check('700 20px \\'{font}\\'') && document.fonts.check('400 10px \\'{font}\\'')")
    shot = page.screenshot(full_page=True)
    page.close()
    return Opened(messages, requests, shot, facts)


def _blank(png: bytes) -> bool:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    dark = sum(image.histogram()[:100])
    return dark < image.width * image.height / 500  # text covers far more than 0.2% of the page


def test_the_browser_shows_the_page_without_a_message_or_a_request(browser, all_pages, networked_theme_page,
                                                                   hostile_pages, photo_page, fallback_page,
                                                                   theme_pages):
    for page in [*all_pages, networked_theme_page, *hostile_pages.values(), photo_page[0], fallback_page,
                 *theme_pages.values()]:
        opened = open_page(browser, page.path, font=page.doc.look.font)
        assert opened.messages == [], page.name
        outside = [u for u in opened.requests if u != page.path.as_uri() and not u.startswith("data:")]
        assert outside == [], page.name
        assert not _blank(opened.screenshot), page.name
        font = page.doc.look.font
        assert opened.facts["h1"].strip('"').startswith(font), opened.facts["h1"]
        assert opened.facts["theme_font"], (page.name, font)
        assert not [f for f in opened.facts["fonts"] if f.endswith("error")], opened.facts["fonts"]
        assert opened.facts["lowest"][0] >= 4.5, (page.name, opened.facts["lowest"])


def test_on_a_phone_the_page_is_as_wide_as_the_screen(browser, example_pages):
    opened = open_page(browser, example_pages["example-general-resume"].path, width=375)
    assert opened.facts["width"] <= 375
    assert opened.messages == []


def test_printed_from_the_browser_it_is_on_the_pdfs_paper(browser, example_pages, tmp_path):
    from pypdf import PdfReader

    from resumekit.rendering.pdf import render_pdf

    for name in ("example-general-resume", "example-general-letter"):
        page = example_pages[name]
        tab = browser.new_page()
        tab.goto(page.path.as_uri(), wait_until="load")
        printed = PdfReader(io.BytesIO(tab.pdf(prefer_css_page_size=True)))
        tab.close()
        _, pages, _ = render_pdf(page.doc, page.project.theme, page.project.root)
        box = printed.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (612, 792), name
        assert len(printed.pages) == pages, name
