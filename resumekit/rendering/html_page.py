"""Resume and letter content -> one self-contained HTML page with the PDF's look.

The page is the HTML WeasyPrint lays out (:func:`.html.render_html`), made to stand
alone: the theme's stylesheet inlined; every font it names cut to the document's
characters and inlined as a ``data:`` URI (WOFF2); the photo inlined. CSS that only
WeasyPrint reads (the running footer, ``string-set``, ``@page`` margin boxes, bookmarks)
is left out; the theme's ``screen.css`` shows the page as a sheet on a grey desk, and the
``@page`` rules already there print it as the PDF is laid out.

Nothing on the page asks for a file: whatever a theme names that is not a local file of
the theme, the built-in themes or the project is left out (a link to the person's site
stays, as a link), scripts and frames are dropped, and a Content Security Policy tells
the browser to fetch nothing else.
"""

from __future__ import annotations

import base64
import html as markup
import io
import logging
import re
import string
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from ..documents import Letter, Resume
from ..documents.content import LINKABLE
from .breaks import BREAK
from .fonts import font_characters, needs_glyph, project_font_faces
from .hb_subset import harfbuzz_cut
from .html import render_html
from .pdf import _roots, quieted
from .theme import Theme

SCREEN_CSS = "screen.css"
"""The theme's file of screen styles for the HTML page (the built-in classic has one)."""
SHEETS = {"letter": ("8.5in", "11in"), "a4": ("210mm", "297mm")}
"""Each paper's width and height, for the sheet the page is shown on."""
POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
          "base-uri 'none'; form-action 'none'")
"""The page's Content Security Policy: its own inline styles and data: URIs, nothing else."""
HEAD = ('<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<link rel="icon" href="data:,">\n')
"""What the page's head begins with (the empty icon keeps a browser from asking for one)."""

DROPPED_ELEMENTS = frozenset({"script", "noscript", "iframe", "frame", "frameset", "object", "embed",
                              "applet", "base", "template", "video", "audio", "portal"})
"""Elements left out with what they hold: they run code or fetch what they name."""
FETCHING_ATTRIBUTES = frozenset({"srcset", "poster", "background", "ping", "action", "formaction",
                                 "manifest", "longdesc", "lowsrc", "dynsrc", "data", "codebase"})
"""Attributes that would make a browser fetch something, left out wherever they are."""
NAVIGATING = frozenset({"a", "area"})
"""Elements whose ``href`` is a link the reader may follow, not a request."""
SVG_NAMES = {"viewbox": "viewBox", "preserveaspectratio": "preserveAspectRatio"}
"""SVG's attribute names that are case-sensitive, for a tag that is written anew."""

PDF_ONLY_PROPERTIES = frozenset({"string-set", "bookmark-level", "bookmark-label", "bookmark-state",
                                 "footnote-display", "footnote-policy"})
"""CSS properties of paged media that only WeasyPrint reads."""
PDF_ONLY_FUNCTIONS = frozenset({"running", "element", "string", "leader", "target-counter",
                                "target-counters", "target-text"})
"""CSS functions of paged media that only WeasyPrint reads: a declaration using one is left out."""
FEATURE_PROPERTIES = re.compile(r"font-(variant|feature-settings)", re.IGNORECASE)
"""CSS that asks a font for features (small capitals) HarfBuzz's default cut leaves out."""
DECLARATION_AT_RULES = frozenset({"page", "font-face", "counter-style", "property", "font-palette-values"})
"""At-rules that hold declarations; the others (``@media``, ``@supports``) hold rules."""
IMAGE_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
                    (b"GIF8", "image/gif"), (b"<svg", "image/svg+xml"), (b"<?xml", "image/svg+xml"))


def render_html_page(doc: Resume | Letter, theme: Theme, project_dir: Path | None) -> bytes:
    """The self-contained HTML page of ``doc`` (UTF-8, byte-identical for identical inputs)."""
    page = _Page(theme, project_dir, doc)
    page.feed(render_html(doc, theme))
    page.close()
    return page.finish().encode("utf-8")


@dataclass
class _Sheet:
    """A stylesheet of the page, parsed; written out once the page's characters are known."""

    rules: list[Any]
    base: str


@dataclass
class _Styles:
    """What the page's stylesheets hold and need: their fonts, the page margins they set,
    which named page the body is on."""

    theme: Theme
    project_dir: Path | None
    allowed: frozenset[Path]
    chars: set[str] = field(default_factory=lambda: set(string.printable))
    all_features: bool = False
    margins: dict[str, str] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)
    fonts: dict[Path, str] = field(default_factory=dict)
    faces: set[tuple[str, ...]] = field(default_factory=set)
    fallbacks: list[str] = field(default_factory=list)
    _wanted: str | None = None

    def local_file(self, url: str, base: str) -> Path | None:
        """The local file ``url`` names (relative to ``base``), if the page may read it: one
        under the theme's, the built-in themes' or the project's folders, or the photo."""
        if Path(url) in self.allowed:
            return Path(url)
        parts = urlsplit(urljoin(base, url.strip()))
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(unquote(parts.path)).resolve()
        roots = [root.resolve() for root in _roots(self.theme, self.project_dir)]
        if path.is_file() and (path in self.allowed or any(path.is_relative_to(r) for r in roots)):
            return path
        return None

    def parse(self, css: str, base: str) -> _Sheet:
        """``css`` parsed, its strings' characters noted for the fonts and its page rules read."""
        import tinycss2

        if FEATURE_PROPERTIES.search(css):
            self.all_features = True
        rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
        self._note(rules)
        return _Sheet(rules, base)

    def _note(self, nodes: list[Any], page: str | None = None) -> None:
        """Note the characters of CSS strings (a bullet drawn by ``::marker``), the margins of
        ``@page`` rules and the named page of each rule that sets one."""
        import tinycss2

        for node in nodes:
            kind = node.type
            if kind == "string":
                self.chars.update(node.value)
            elif kind == "at-rule" and node.lower_at_keyword == "page" and node.content is not None:
                name = tinycss2.serialize(node.prelude).strip()
                self._note(tinycss2.parse_blocks_contents(node.content), name if ":" not in name else None)
            elif kind == "at-rule" and node.content is not None:
                self._note(node.prelude)
                self._note(_contents(node))
            elif kind == "qualified-rule":
                prelude = tinycss2.serialize(node.prelude).strip()
                for item in tinycss2.parse_blocks_contents(node.content):
                    if item.type == "declaration" and item.lower_name == "page":
                        self.pages[prelude] = tinycss2.serialize(item.value).strip()
                self._note(tinycss2.parse_blocks_contents(node.content))
            elif kind == "declaration":
                if page is not None and node.lower_name == "margin":
                    self.margins[page] = tinycss2.serialize(node.value).strip()
                self._note(node.value)
            elif kind in ("function", "() block", "[] block", "{} block"):
                self._note(getattr(node, "arguments", None) or getattr(node, "content", None) or [])

    def margins_of(self, body_classes: list[str], default: str) -> str:
        """The margins of the page the body is set on: its named page's, else the page's."""
        for selector in ["body", *(f"body.{c}" for c in body_classes), *(f".{c}" for c in body_classes)]:
            name = self.pages.get(selector)
            if name and name in self.margins:
                return self.margins[name]
        return self.margins.get("", default)

    # --- writing -----------------------------------------------------------------------

    def write(self, sheet: _Sheet) -> str:
        """The stylesheet as the page holds it: safe inside ``<style>``, every URL inlined."""
        return _no_tags(self._rules(sheet.rules, sheet.base))

    def declarations(self, css: str, base: str) -> str:
        """A ``style`` attribute's declarations, written as :meth:`write` writes a rule's."""
        import tinycss2

        return _no_tags(self._block(tinycss2.parse_blocks_contents(css, skip_comments=True,
                                                                   skip_whitespace=True), base))

    def _rules(self, rules: list[Any], base: str) -> str:
        return "\n".join(filter(None, (self._rule(rule, base) for rule in rules)))

    def _rule(self, rule: Any, base: str) -> str:
        import tinycss2

        if rule.type == "qualified-rule":
            body = self._block(tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                                              skip_whitespace=True), base)
            return f"{tinycss2.serialize(rule.prelude).strip()} {{ {body} }}" if body else ""
        if rule.type != "at-rule":
            return ""
        keyword = rule.lower_at_keyword
        prelude = tinycss2.serialize(rule.prelude).strip()
        if keyword == "import":
            return self._imported(rule, base)
        if keyword == "font-face":
            return self._font_face(rule, base)
        if rule.content is None:
            written = _value(rule.prelude, self, base)
            return f"@{keyword} {written.strip()};" if written is not None else ""
        contents = _contents(rule)
        if keyword == "page":  # its margin boxes (the footer) are WeasyPrint's alone
            body = self._block([c for c in contents if c.type == "declaration"], base)
        elif keyword in DECLARATION_AT_RULES:
            body = self._block(contents, base)
        else:
            body = self._rules(contents, base)
        return f"@{keyword} {prelude} {{ {body} }}".replace("  ", " ") if body else ""

    def _block(self, contents: list[Any], base: str) -> str:
        """Declarations (and nested rules) written out, leaving out what a browser would not
        read and any declaration with a URL the page cannot inline."""
        out = []
        for item in contents:
            if item.type == "declaration":
                name = item.lower_name
                if name in PDF_ONLY_PROPERTIES or name.startswith("-weasy-"):
                    continue
                value = _value(item.value, self, base)
                if value is None or not value.strip():
                    continue
                out.append(f"{item.name}: {value.strip()}{' !important' if item.important else ''};")
            elif item.type in ("qualified-rule", "at-rule"):
                out.append(self._rule(item, base))
        return " ".join(filter(None, out))

    def _imported(self, rule: Any, base: str) -> str:
        """An ``@import`` of a local stylesheet, as that stylesheet's rules."""
        target = next((t for t in rule.prelude if t.type in ("url", "string")
                       or (t.type == "function" and t.lower_name == "url")), None)
        url = _url_of(target) if target is not None else None
        path = self.local_file(url, base) if url else None
        if path is None or path.suffix.lower() != ".css":
            return ""
        return self.write(self.parse(path.read_text(encoding="utf-8", errors="replace"), path.as_uri()))

    def _font_face(self, rule: Any, base: str) -> str:
        """An ``@font-face`` rule with its font cut to the page's characters and inlined;
        nothing when no source of it is a local font file."""
        import tinycss2

        contents = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
        declarations = [c for c in contents if c.type == "declaration"]
        source = next((c for c in declarations if c.lower_name == "src"), None)
        path: Path | None = None
        for token in (source.value if source is not None else []):
            url = _url_of(token)
            path = self.local_file(url, base) if url else None
            if path is not None:
                break
        if path is None:
            return ""
        described = tuple(f"{c.lower_name}:{tinycss2.serialize(c.value).strip()}"
                          for c in declarations if c.lower_name != "src")
        if (str(path), *described) in self.faces:
            return ""  # the same face declared again (a design naming the theme's own font)
        self.faces.add((str(path), *described))
        if path not in self.fonts:
            self.fonts[path] = _font_uri(path, self.wanted(), self.all_features)
        rest = self._block([c for c in declarations if c.lower_name != "src"], base)
        return f'@font-face {{ src: url("{self.fonts[path]}"); {rest} }}'

    def wanted(self) -> str:
        """The characters a font is cut to: the page's, in both cases (a theme may set a heading
        in capitals or small capitals), and every printable ASCII character."""
        if self._wanted is None:
            self._wanted = "".join(sorted({c for char in self.chars for c in (char, *char.upper(), *char.lower())}))
        return self._wanted

    def fallback_faces(self, text: set[str]) -> str:
        """``@font-face`` rules for the fonts of the project's ``fonts/`` that draw characters
        of ``text`` the theme's fonts lack, and the font list that falls back to them."""
        covered: set[int] = set()
        for cut in self.fonts:
            covered |= font_characters(cut)
        lacking = {ord(c) for c in text if needs_glyph(c)} - covered
        if not lacking:
            return ""
        import tinycss2

        rules = []
        for rule in tinycss2.parse_stylesheet(project_font_faces(self.project_dir), skip_comments=True,
                                              skip_whitespace=True):
            contents = tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True)
            family = next((tinycss2.serialize(c.value).strip() for c in contents
                           if c.type == "declaration" and c.lower_name == "font-family"), "")
            path = next((self.local_file(u, "file:///") for c in contents if c.type == "declaration"
                         and c.lower_name == "src" for u in map(_url_of, c.value) if u), None)
            if path is not None and font_characters(path) & lacking:
                self.fallbacks.append(family)
                rules.append(self._font_face(rule, "file:///"))
        return "\n".join(rules)


def _contents(rule: Any) -> list[Any]:
    """An at-rule's block: declarations (``@page``, ``@font-face``) or rules (``@media``)."""
    import tinycss2

    if rule.lower_at_keyword in DECLARATION_AT_RULES:
        return list(tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True))
    return list(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))


def _url_of(token: Any) -> str | None:
    """The URL a ``url(...)`` token names (or a string, as in ``@import "x.css"``)."""
    if token.type in ("url", "string"):
        return str(token.value)
    if token.type == "function" and token.lower_name == "url":
        strings = [t for t in token.arguments if t.type == "string"]
        return str(strings[0].value) if strings else None
    return None


def _value(tokens: list[Any], styles: _Styles, base: str) -> str | None:
    """CSS ``tokens`` written out with every local file they name inlined as a ``data:``
    URI; ``None`` when one names anything else, or is a function only WeasyPrint knows."""
    import tinycss2

    out = []
    for token in tokens:
        url = _url_of(token) if token.type != "string" else None
        if url is not None:
            if url.startswith("data:"):
                out.append(tinycss2.serialize([token]))
                continue
            path = styles.local_file(url, base)
            inline = _file_uri(path) if path is not None else None
            if inline is None:
                return None
            out.append(f'url("{inline}")')
        elif token.type == "function":
            if token.lower_name in PDF_ONLY_FUNCTIONS or "image-set" in token.lower_name:
                return None
            inner = _value(token.arguments, styles, base)
            if inner is None:
                return None
            out.append(f"{token.name}({inner})")
        elif token.type in ("() block", "[] block", "{} block"):
            inner = _value(token.content, styles, base)
            if inner is None:
                return None
            out.append({"() block": f"({inner})", "[] block": f"[{inner}]", "{} block": f"{{{inner}}}"}[token.type])
        else:
            out.append(tinycss2.serialize([token]))
    return "".join(out)


def _no_tags(css: str) -> str:
    """``css`` with no ``<`` that could end the ``<style>`` element holding it (a CSS escape)."""
    return css.replace("<", "\\3c ")


def _file_uri(path: Path) -> str | None:
    """A local image as a ``data:`` URI; ``None`` for a file of any other kind."""
    data = path.read_bytes()
    mime = next((kind for signature, kind in IMAGE_SIGNATURES if data.lstrip()[:len(signature)] == signature), None)
    if mime is None:
        return None
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _font_uri(path: Path, text: str, all_features: bool) -> str:
    """The font at ``path`` cut to the glyphs of ``text`` as a WOFF2 ``data:`` URI.

    HarfBuzz cuts it in milliseconds, keeping the features text is set with by default
    (kerning, ligatures); where the CSS asks for others (small capitals), or HarfBuzz is not
    installed, fontTools cuts it with all of its features.
    """
    from fontTools.ttLib import TTFont

    data = path.read_bytes()
    cut = None if all_features else harfbuzz_cut(data, text)
    with quieted("fontTools", logging.ERROR):
        font = TTFont(io.BytesIO(cut or data), recalcTimestamp=False)
        if cut is None:
            from fontTools import subset

            options = subset.Options(layout_features=["*"], name_IDs=["*"], name_languages=["*"],
                                     notdef_outline=True, recalc_timestamp=False)
            subsetter = subset.Subsetter(options)
            subsetter.populate(text=text)
            subsetter.subset(font)
        mime = "font/woff2"
        try:
            import brotli  # noqa: F401  (WOFF2's compression)

            font.flavor = "woff2"
        except ImportError:
            font.flavor, mime = None, "font/otf" if "CFF " in font else "font/ttf"
        out = io.BytesIO()
        font.save(out)
    return f"data:{mime};base64,{base64.b64encode(out.getvalue()).decode('ascii')}"


def _attributes(attrs: list[tuple[str, str | None]]) -> str:
    return "".join(f" {SVG_NAMES.get(name, name)}" if value is None
                   else f' {SVG_NAMES.get(name, name)}="{markup.escape(value, quote=True)}"'
                   for name, value in attrs)


class _Page(HTMLParser):
    """The theme's HTML, read once and written again as a page that stands alone."""

    def __init__(self, theme: Theme, project_dir: Path | None, doc: Resume | Letter) -> None:
        super().__init__(convert_charrefs=False)
        self.doc = doc
        photo = getattr(doc, "photo", None)
        self.styles = _Styles(theme, project_dir, frozenset({Path(photo)} if photo else ()))
        self.base = (theme.base.resolve().as_uri()) + "/"
        self.theme = theme
        self.out: list[str | _Sheet | _Screen] = []
        self.text: set[str] = set()
        self.dropping: list[str] = []
        self.raw: str | None = None
        self.css: list[str] = []
        self.head_done = False
        self.body_classes: list[str] = []

    # --- reading -----------------------------------------------------------------------

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag == "style" and self.raw == "style":
            self.out.append(self.styles.parse("".join(self.css), self.base))
            self.css, self.raw = [], None
        elif tag == "title":
            self.raw = None
        elif tag == "head":
            self._end_head()
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        if self.raw == "style":
            self.css.append(data)
            return
        if self.raw is None:
            self.text.update(markup.unescape(data))
            data = data.replace(BREAK, "<wbr>")  # a line may break there, and copying keeps no stray character
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")

    def unknown_decl(self, data: str) -> None:
        if not self.dropping:
            self.out.append(f"<![{data}]>")

    # comments and processing instructions are left out: a page holds only what it shows

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        if self.dropping:
            if not closed and tag == self.dropping[-1]:
                self.dropping.append(tag)
            return
        if tag in DROPPED_ELEMENTS:
            if not closed and tag not in ("base", "embed"):
                self.dropping.append(tag)
            return
        if tag == "body" and not self.head_done:
            self.out.append(f"<head>\n{HEAD}")
            self._end_head()
            self.out.append("</head>\n")
        if tag == "meta" and any(n in ("charset", "http-equiv") for n, _ in attrs):
            return  # the page says its own, first
        if tag == "link":
            self._link(dict(attrs))
            return
        kept, changed = self._attributes(tag, attrs)
        raw = self.get_starttag_text() or ""
        self.out.append(f"<{tag}{_attributes(kept)}{'/' if closed else ''}>" if changed else raw)
        if tag == "head":
            self.out.append(f"\n{HEAD}")
        elif tag == "body":
            self.body_classes = (dict(attrs).get("class") or "").split()
        if tag in ("style", "title") and not closed:
            self.raw = tag

    def _attributes(self, tag: str, attrs: list[tuple[str, str | None]]) -> tuple[list[tuple[str, str | None]], bool]:
        """The attributes of a tag that keep the page to itself, and whether any changed."""
        kept: list[tuple[str, str | None]] = []
        changed = False
        for name, value in attrs:
            if name.startswith("on") or name in FETCHING_ATTRIBUTES:
                changed = True
                continue
            new = value
            if value is not None and name == "style":
                new = self.styles.declarations(value, self.base)
            elif value is not None and name in ("href", "xlink:href"):
                new = value if self._followable(tag, value) else self._inlined(value)
            elif value is not None and name == "src":
                new = self._inlined(value)
            changed = changed or new != value
            if new is not None or value is None:
                kept.append((name, new))
        return kept, changed

    def _followable(self, tag: str, url: str) -> bool:
        """Whether ``url`` is a link a reader may follow (web, mail, phone, this page), not a request."""
        if url.startswith("#"):
            return True
        return tag in NAVIGATING and urlsplit(url.strip()).scheme.lower() in LINKABLE

    def _inlined(self, url: str) -> str | None:
        if url.startswith("data:") or url.startswith("#"):
            return url
        path = self.styles.local_file(url, self.base)
        return _file_uri(path) if path is not None else None

    def _link(self, attrs: dict[str, str | None]) -> None:
        """A ``<link>``: a local stylesheet becomes a ``<style>``; any other is left out."""
        rel = (attrs.get("rel") or "").lower().split()
        path = self.styles.local_file(attrs.get("href") or "", self.base) if attrs.get("href") else None
        if "stylesheet" in rel and path is not None:
            css = path.read_text(encoding="utf-8", errors="replace")
            self.out += ["<style>", self.styles.parse(css, path.as_uri()), "</style>"]

    def _end_head(self) -> None:
        """Where the head ends: the theme's screen styles go last, after its own."""
        self.head_done = True
        self.out.append(_Screen())

    # --- writing -----------------------------------------------------------------------

    def finish(self) -> str:
        """The page, now that every character it shows is known (fonts are cut to them)."""
        self.styles.chars |= self.text
        written = []
        for piece in self.out:
            if isinstance(piece, _Sheet):
                written.append(self.styles.write(piece))
            elif isinstance(piece, _Screen):
                written.append(self._screen())
            else:
                written.append(piece)
        return "".join(written)

    def _screen(self) -> str:
        """The ``<style>`` that ends the head: fallback fonts and the theme's screen styles."""
        doc = self.doc
        width, height = SHEETS[doc.paper]
        default = doc.look.margins if isinstance(doc, Resume) else self.styles.margins.get("", doc.look.margins)
        margins = self.styles.margins_of(self.body_classes, default)
        parts = [f":root {{ --sheet-width: {width}; --sheet-height: {height}; --sheet-margins: {margins}; }}"]
        path = self.theme.find(SCREEN_CSS)
        if path is not None:
            parts.append(self.styles.write(self.styles.parse(path.read_text(encoding="utf-8"), path.as_uri())))
        faces = self.styles.fallback_faces(self.text)
        if faces:
            families = ", ".join([_css_family(doc.look.font), *self.styles.fallbacks])
            parts[:0] = [faces, _no_tags(f"html {{ font-family: {families}; }}")]
        return "<style>\n" + "\n".join(parts) + "\n</style>\n"


class _Screen:
    """Where, in the head, the screen styles are written when the page is finished."""


def _css_family(name: str) -> str:
    """``name`` as a CSS string that nothing in it can end."""
    return '"' + "".join(c for c in name if c not in '"\\<>{};') + '"'
