"""formats: [pdf, docx, txt, md, html, json]: each written for each document (json once a
target, the tailored profile), reproducible, up to date on the next build, and redacted."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import yaml

import resumekit

from ..build_fixtures import small_project, statuses
from ..helpers import JANE

ALL = ["pdf", "docx", "txt", "md", "html", "json"]
SCHEMA = json.loads((Path(__file__).parent.parent / "conformance" / "jsonresume" / "schema.json").read_text())


def _with_formats(config: Path, formats: list[str]) -> None:
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    config.write_text(yaml.safe_dump({**settings, "formats": formats}), encoding="utf-8")


def test_every_format_is_written_once_and_then_up_to_date(tmp_path):
    config = small_project(tmp_path)
    _with_formats(config, ALL)
    first = resumekit.build(config)
    out = tmp_path / "out"
    for folder in (p for p in out.iterdir() if p.is_dir()):
        names = sorted(p.name for p in folder.iterdir() if not p.name.startswith(".") and p.name != "report.md")
        assert names == sorted([f"Jane-Doe-Resume.{f}" for f in ALL] +
                               [f"Jane-Doe-Cover-Letter.{f}" for f in ALL if f != "json"]), names
        profile = json.loads((folder / "Jane-Doe-Resume.json").read_text(encoding="utf-8"))
        jsonschema.validate(profile, SCHEMA)
        text = (folder / "Jane-Doe-Resume.txt").read_text(encoding="utf-8")
        assert text.startswith("Jane Doe\n") and "\t" not in text
        assert (folder / "Jane-Doe-Resume.md").read_text(encoding="utf-8").startswith("# Jane Doe\n")
        page = (folder / "Jane-Doe-Resume.html").read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)=["']?(https?:|//|file:)""", page.replace('<a href="http', "<a x"))
    assert set(statuses(first, out).values()) == {"built"}
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    again = resumekit.build(config)
    assert set(statuses(again, out).values()) == {"up to date"}
    forced = resumekit.build(config, force=True)
    assert set(statuses(forced, out).values()) == {"built"}
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before  # byte for byte


def test_the_json_of_a_redacted_target_leaves_out_what_it_redacts(tmp_path):
    config = small_project(tmp_path)
    _with_formats(config, ["json"])
    target = next((tmp_path / "targets").glob("*.yaml"))
    target.write_text(target.read_text(encoding="utf-8") + "\nredact: [name, contact]\n", encoding="utf-8")
    resumekit.build(config)
    blind = json.loads(next((tmp_path / "out" / target.stem).glob("*.json")).read_text(encoding="utf-8"))
    assert "Jane" not in json.dumps(blind) and "email" not in blind.get("basics", {})


def test_render_takes_the_format_from_the_suffix(tmp_path):
    profile = resumekit.load_profile(yaml.safe_load(JANE))
    for suffix in ("txt", "md", "html", "json"):
        path = resumekit.render(profile, tmp_path / f"resume.{suffix}")
        assert path.stat().st_size > 100
    assert json.loads((tmp_path / "resume.json").read_text())["basics"]["name"] == "Jane Doe"
