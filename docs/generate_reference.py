"""Write the file-format reference (docs/reference/*.md) from resumekit's models.

Run from anywhere: ``python docs/generate_reference.py``. The pages are generated from
``resumekit.models.schema.json_schema``, so they say exactly what ``resumekit schema`` says;
defaults come from the models themselves. tests/test_docs.py fails when the committed
pages differ from what this writes, so re-run it after changing a model.
"""

from __future__ import annotations

import re
import sys
import typing
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # document this checkout's models, not an installed copy

from pydantic import BaseModel  # noqa: E402
from pydantic_core import PydanticUndefined  # noqa: E402

from resumekit.models.schema import json_schema  # noqa: E402

KINDS = ("profile", "feedback", "target", "config")
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"

INTROS = {
    "profile": (
        "The career profile, usually `profile.yaml`. Every JSON Resume 1.0.0 document is a "
        "valid profile; resumekit adds `tags`, tagged highlights, summary variants and "
        "`letter` (see [the profile format](../profile-format.md))."
    ),
    "feedback": (
        "Applications, what employers said after a rejection, and the improvements made in "
        "answer: a file of its own (or a folder of them), or the `feedback:` key of the profile."
    ),
    "target": (
        "One job to tailor for, one file per job (for example `targets/acme-lead.yaml`). "
        "Every JSON Resume job document is a valid target; the fields after `meta` are "
        "resumekit's extensions."
    ),
    "config": (
        "The project config, `resumekit.yaml`. Every path in it is relative to the config "
        "file itself. Every key is optional."
    ),
}


def _model_for(kind: str) -> type[BaseModel] | None:
    """The root model of ``kind``; ``None`` when that model is not part of resumekit yet."""
    if kind == "feedback":
        try:
            from resumekit.models.feedback import Feedback
        except ImportError:
            return None
        return Feedback
    import resumekit.models as models

    return {"profile": models.Profile, "target": models.Target, "config": models.Config}[kind]


def _models_by_name(root: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Every model reachable from ``root``'s fields, by class name (as in ``$defs``)."""
    found: dict[str, type[BaseModel]] = {}

    def visit(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation.__name__ not in found:
                found[annotation.__name__] = annotation
                for info in annotation.model_fields.values():
                    visit(info.annotation)
            return
        for arg in typing.get_args(annotation):
            visit(arg)

    visit(root)
    return found


def _default_text(model: type[BaseModel] | None, key: str) -> str:
    """The default of field ``key`` (by alias or name), when it is worth showing."""
    if model is None:
        return ""
    for name, info in model.model_fields.items():
        if key not in (name, info.alias):
            continue
        if info.default_factory is not None:
            value = info.default_factory()  # type: ignore[call-arg]
        elif info.default is PydanticUndefined:
            return ""
        else:
            value = info.default
        if value is None or value == [] or value == {} or isinstance(value, BaseModel):
            return ""
        if isinstance(value, bool):
            return f"`{str(value).lower()}`"
        if isinstance(value, list):
            return "`[" + ", ".join(str(v) for v in value) + "]`"
        return f"`{value}`"
    return ""


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _anchor(name: str) -> str:
    return re.sub(r"[^a-z0-9 -]", "", name.lower()).replace(" ", "-")


def _is_date(schema: dict[str, Any]) -> bool:
    """A date: the date pattern, alone or beside a bare year (YAML reads ``2024`` as a number)."""
    if schema.get("pattern") == DATE_PATTERN:
        return True
    options = schema.get("anyOf", [])
    return any(o.get("pattern") == DATE_PATTERN for o in options) and all(
        o.get("pattern") == DATE_PATTERN or o.get("type") == "integer" for o in options)


def type_text(schema: dict[str, Any]) -> str:
    """A short, readable name for the type a JSON Schema node allows."""
    if _is_date(schema):
        return "date"
    if "$ref" in schema:
        name = _ref_name(schema["$ref"])
        return f"[{name}](#{_anchor(name)})"
    if "anyOf" in schema:
        return " or ".join(type_text(option) for option in schema["anyOf"])
    if "const" in schema:
        return f"`{schema['const']}`"
    if "enum" in schema:
        return "one of " + ", ".join(f"`{v}`" for v in schema["enum"])
    kind = schema.get("type")
    if kind == "array":
        items = type_text(schema.get("items", {}))
        prefix = "non-empty list of " if schema.get("minItems") else "list of "
        return prefix + (f"({items})" if " or " in items else items)
    if kind == "object":
        props = list(schema.get("properties", {}))
        return "mapping {" + ", ".join(props) + "}" if props else "mapping"
    if kind == "string":
        return "string"
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and high is not None:
            return f"integer {low}–{high}"
        return f"integer ≥ {low}" if low is not None else "integer"
    if kind in ("number", "boolean"):
        return str(kind)
    return "any"


def _cell(text: str) -> str:
    flat = " ".join(text.split())
    return flat.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def _description(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    text = prop.get("description", "")
    if text.startswith("A date: "):
        text = ""  # the type column says "date", and the page says what a date is
    if not text and "$ref" in prop:
        text = defs.get(_ref_name(prop["$ref"]), {}).get("description", "")
    if not text and prop.get("type") == "array" and "$ref" in prop.get("items", {}):
        text = defs.get(_ref_name(prop["items"]["$ref"]), {}).get("description", "")
    pattern = prop.get("pattern")
    if pattern and not _is_date(prop):
        text = f"{text} Must match `{pattern}`.".strip()
    return text


def _refs_in(node: Any) -> list[str]:
    """The ``$defs`` names ``node`` refers to, in the order they appear."""
    found: list[str] = []
    if isinstance(node, dict):
        if "$ref" in node:
            found.append(_ref_name(node["$ref"]))
        for value in node.values():
            found += _refs_in(value)
    elif isinstance(node, list):
        for value in node:
            found += _refs_in(value)
    return found


def _object_order(schema: dict[str, Any]) -> list[str]:
    """``$defs`` names in reading order: depth-first from the root's fields."""
    defs = schema.get("$defs", {})
    order: list[str] = []

    def visit(node: dict[str, Any]) -> None:
        for name in _refs_in(node.get("properties", {})):
            if name not in order and name in defs:
                order.append(name)
                visit(defs[name])

    visit(schema)
    order += sorted(name for name in defs if name not in order)
    return order


def _table(obj: dict[str, Any], defs: dict[str, Any], model: type[BaseModel] | None) -> list[str]:
    required = set(obj.get("required", []))
    lines = ["| field | type | default | description |", "| --- | --- | --- | --- |"]
    for key, prop in obj.get("properties", {}).items():
        default = "**required**" if key in required else _default_text(model, key)
        lines.append(f"| `{key}` | {_cell(type_text(prop))} | {_cell(default)} | "
                     f"{_cell(_description(prop, defs))} |")
    return lines


def render_page(kind: str) -> str | None:
    """The Markdown reference page of ``kind``; ``None`` if resumekit has no such model yet."""
    root = _model_for(kind)
    if root is None:
        return None
    schema = json_schema(kind)
    defs = schema.get("$defs", {})
    models = _models_by_name(root)
    title = kind.capitalize()
    lines = [
        f"# {title} reference",
        "",
        "<!-- Generated by docs/generate_reference.py from resumekit's models: do not edit. -->",
        "",
        INTROS[kind],
        "",
        f"The same information, as JSON Schema for your editor: `resumekit schema {kind}`. "
        "Keys not listed here are kept and reported as warnings (errors with `--strict`); "
        "no key may be set to null: leave it out instead. A *date* is `2024`, `2024-06` or "
        "`2024-06-30`.",
        "",
        f"## {title}",
        "",
    ]
    if schema.get("description"):
        lines += [_cell(schema["description"]), ""]
    lines += _table(schema, defs, root)
    for name in _object_order(schema):
        obj = defs[name]
        lines += ["", f"## {name}", ""]
        if obj.get("description"):
            lines += [_cell(obj["description"]), ""]
        lines += _table(obj, defs, models.get(name))
    return "\n".join(lines) + "\n"


def render_areas_page() -> str | None:
    """The built-in feedback areas and the words that infer each; ``None`` if not built yet."""
    try:
        from resumekit.models.areas import BUILTIN_AREAS
    except ImportError:
        return None
    lines = [
        "# Feedback areas reference",
        "",
        "<!-- Generated by docs/generate_reference.py from resumekit's models: do not edit. -->",
        "",
        "The built-in feedback areas. A feedback point's `areas` names them; when it has none,",
        "resumekit infers them from its text: an area counts when one of its words or phrases",
        "appears, whole and in any case (`resumekit feedback report` shows which words it",
        "found). Add areas of your own, or more words for a built-in one, under `areas:` in",
        "`resumekit.yaml`; see [the feedback loop](../feedback.md#feedback-areas).",
        "",
        "| area | what it covers | words and phrases that infer it |",
        "| --- | --- | --- |",
    ]
    for area in BUILTIN_AREAS:
        words = ", ".join(area.phrases)
        lines.append(f"| `{area.name}` | {_cell(area.description)} | {_cell(words)} |")
    return "\n".join(lines) + "\n"


def generate(out_dir: Path) -> list[Path]:
    """Write every reference page into ``out_dir``; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    areas = render_areas_page()
    if areas is None:
        print("skipped areas: resumekit has no feedback areas yet", file=sys.stderr)
    else:
        (out_dir / "areas.md").write_text(areas, encoding="utf-8", newline="\n")
        written.append(out_dir / "areas.md")
    for kind in KINDS:
        page = render_page(kind)
        if page is None:
            print(f"skipped {kind}: resumekit has no {kind} model yet", file=sys.stderr)
            continue
        path = out_dir / f"{kind}.md"
        path.write_text(page, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def main() -> int:
    for path in generate(DOCS / "reference"):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
