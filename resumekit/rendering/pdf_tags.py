"""What WeasyPrint's PDF/UA-1 tagging leaves out, added where WeasyPrint does its work.

WeasyPrint 70 tags a document well, but not wholly as PDF/UA-1 (ISO 14289-1) asks:

- a list item holds its label and its text side by side (``LI > Lbl + Span``): the text
  is put in a list body (``LI > Lbl + LBody``, ISO 32000-1 14.8.4.3.3);
- every box inside a link gets a link annotation of its own (an icon, a span around a
  word), and each is filed under that box's element: a link keeps one annotation, its
  outer box's, under its ``Link`` element (PDF/UA 7.18.5), flagged to print as shown;
- the running footer ("Name – Page 1 of 2", CSS margin boxes) is drawn as tagged content
  that no structure element holds: it is drawn as a pagination artifact (7.8, 7.1);
- an image or a character the HTML says is decoration (``aria-hidden="true"``,
  ``role="presentation"``, ``<img alt="">``; the contact icons, drawn as characters of
  icon fonts) is a ``Figure`` or plain content: it is drawn as an artifact (7.3);
- an element whose HTML element has a ``lang`` of its own (a passage in another
  language, see :mod:`.scripts`) does not say so: it gets ``/Lang`` (7.2).

Each fix wraps one of WeasyPrint's functions, once per process. If WeasyPrint changes
that function's name or form, that fix is left out and the document is as WeasyPrint
makes it, never broken.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

_MARK = "resumekit_pdf_ua"
_LOCK = threading.Lock()
_INSTALLED = False


def install() -> None:
    """Wrap WeasyPrint's link gathering, page drawing and tag tree builder (once)."""
    global _INSTALLED
    with _LOCK:
        if _INSTALLED:
            return
        _INSTALLED = True
        try:
            import pydyf  # noqa: F401 (WeasyPrint's own PDF writer: checked here, used below)
            from weasyprint import document
            from weasyprint.pdf import tags
        except ImportError:
            return
        _wrap(document, "gather_anchors", _one_annotation_per_link)
        _wrap(document, "draw_page", _footer_as_artifact)
        _wrap(tags, "_build_box_tree", _structure_fixes)


def _wrap(module: Any, name: str, make: Callable[[Callable[..., Any]], Callable[..., Any]]) -> None:
    original = getattr(module, name, None)
    if original is None or getattr(original, _MARK, False):
        return
    wrapped = make(original)
    setattr(wrapped, _MARK, True)
    setattr(module, name, wrapped)


# --- one annotation per link -------------------------------------------------------------


def _one_annotation_per_link(gather: Callable[..., Any]) -> Callable[..., Any]:
    """WeasyPrint gathers a link for every box inside an ``<a>``; only the outermost box
    of each link keeps it (its clickable area holds its children's)."""

    def gather_anchors(box: Any, anchors: Any, links: list[Any], *rest: Any, **named: Any) -> Any:
        done = gather(box, anchors, links, *rest, **named)
        inside: set[int] = set()
        kept = []
        for link in links:
            linked = link[-1]
            if id(linked) in inside:
                continue
            kept.append(link)
            descendants = getattr(linked, "descendants", None)
            if descendants is not None:
                inside.update(id(d) for d in descendants() if d is not linked)
        links[:] = kept
        return done

    return gather_anchors


# --- page furniture and decoration as artifacts ------------------------------------------


def decorative(element: Any) -> bool:
    """Whether the HTML says ``element`` (an image, an icon's character) is decoration, for no one to read."""
    if element is None:
        return False
    role = (element.get("role") or "").strip().lower()
    return (element.get("aria-hidden") or "").strip().lower() == "true" or role in ("presentation", "none") \
        or (element.tag == "img" and element.get("alt") == "")


def _decoration() -> tuple[type, ...]:
    """The boxes that can be decoration: images, and inline text (an icon's character)."""
    from weasyprint.formatting_structure import boxes

    return boxes.ReplacedBox, boxes.InlineBox, boxes.TextBox


def _artifacts(page_box: Any) -> dict[int, dict[str, str]]:
    """The boxes of a page to draw as artifacts (by id), each with its artifact's
    properties: what its margin boxes hold (page furniture), and decorative images."""
    from weasyprint.formatting_structure import boxes

    found: dict[int, dict[str, str]] = {}
    decoration = _decoration()
    for child in getattr(page_box, "children", ()):
        if isinstance(child, boxes.MarginBox):
            where = "/Header" if child.at_keyword.startswith("@top") else "/Footer"
            for box in child.descendants():
                found[id(box)] = {"Type": "/Pagination", "Subtype": where}
        elif isinstance(child, boxes.ParentBox):
            for box in child.descendants():
                if isinstance(box, decoration) and decorative(getattr(box, "element", None)):
                    found[id(box)] = {}
    return found


def _footer_as_artifact(draw_page: Callable[..., Any]) -> Callable[..., Any]:
    """Text in the page's margins (running footers, page numbers) is drawn as a
    pagination artifact, where WeasyPrint tags it as content and files it nowhere, and
    a decorative image as an artifact, where WeasyPrint tags it as a figure."""

    def draw(page_box: Any, stream: Any, *rest: Any, **named: Any) -> Any:
        furniture = _artifacts(page_box)
        marked = getattr(stream, "marked", None)
        if furniture and marked is not None and getattr(stream, "_tags", None) is not None:
            stream.marked = _marking(stream, marked, furniture)
        return draw_page(page_box, stream, *rest, **named)

    return draw


def _marking(stream: Any, marked: Callable[[Any, str], AbstractContextManager[None]],
             furniture: dict[int, dict[str, str]]) -> Callable[[Any, str], AbstractContextManager[None]]:
    from contextlib import contextmanager

    import pydyf

    @contextmanager
    def mark(box: Any, tag: str) -> Iterator[None]:
        properties = furniture.get(id(box))
        if properties is None:
            with marked(box, tag):
                yield
            return
        stream.begin_marked_content("Artifact", pydyf.Dictionary(properties) if properties else None)
        try:
            yield
        finally:
            stream.end_marked_content()

    return mark


# --- the structure tree: list bodies, languages, margin boxes ----------------------------


def _structure_fixes(build: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    import pydyf
    from weasyprint.formatting_structure import boxes

    decoration = _decoration()

    def build_box_tree(box: Any, parent: Any, pdf: Any, page_number: int, nums: dict[int, Any],
                       annotations: list[Any], tags: dict[Any, Any]) -> Iterator[Any]:
        if isinstance(box, boxes.MarginBox) and not any(d in tags for d in box.descendants()):
            return  # drawn as an artifact: nothing of it is in the tree
        if isinstance(box, decoration) and box not in tags and decorative(getattr(box, "element", None)):
            return  # a decorative image or character (a contact's icon), drawn as an artifact
        annotation = getattr(box, "link_annotation", None)
        if isinstance(annotation, pydyf.Dictionary) and "F" not in annotation:
            annotation["F"] = 4  # printed, as it is shown (ISO 32000-1 12.5.3)
        element = getattr(box, "element", None)
        lang = element.get("lang") if element is not None and element.tag != "html" else None
        for made in build(box, parent, pdf, page_number, nums, annotations, tags):
            if isinstance(made, pydyf.Dictionary):
                if lang and "Lang" not in made:
                    made["Lang"] = pydyf.String(lang)
                if made.get("S") == "/LI":
                    _add_list_body(made, pdf, nums, annotations)
            yield made

    return build_box_tree


def _add_list_body(item: Any, pdf: Any, nums: dict[int, Any], annotations: list[Any]) -> None:
    """``LI > Lbl + Span…`` made ``LI > Lbl + LBody > Span…``."""
    import pydyf

    kids = list(item["K"])
    labels = [kid for kid in kids if _role(pdf, kid) == "/Lbl"]
    if any(_role(pdf, kid) == "/LBody" for kid in kids) or len(labels) == len(kids):
        return
    body = pydyf.Dictionary({
        "Type": "/StructElem",
        "S": "/LBody",
        "K": pydyf.Array([kid for kid in kids if kid not in labels]),
        "P": item.reference,
    })
    if "Pg" in item:
        body["Pg"] = item["Pg"]
    pdf.add_object(body)
    for kid in body["K"]:
        if isinstance(kid, int):
            nums[kid] = body.reference
        else:
            child = _object(pdf, kid)
            if child is not None and "S" in child:
                child["P"] = body.reference
    annotations[:] = [(body.reference if ref == item.reference else ref, annotation)
                      for ref, annotation in annotations]
    item["K"] = pydyf.Array([*labels, body.reference])


def _object(pdf: Any, reference: Any) -> Any:
    """The object a pydyf reference (``b"12 0 R"``) names, or ``None``."""
    try:
        return pdf.objects[int(bytes(reference).split()[0])]
    except (TypeError, ValueError, IndexError):
        return None


def _role(pdf: Any, reference: Any) -> Any:
    found = None if isinstance(reference, int) else _object(pdf, reference)
    return found.get("S") if found is not None and hasattr(found, "get") else None
