"""formats: [pdf, docx, txt, md, html, json]: each written for each document (json once a
target, the tailored profile), reproducible, up to date on the next build, and redacted."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

import resumekit
from resumekit.building.writing import TEMP_SUFFIX

from ..build_fixtures import ACME, SUMMARY, edit, example_copy, small_project, statuses
from ..helpers import JANE, make_project, run_cli
from ..rendering.test_jsonresume_export import validate_strictly

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


TEXT_FORMATS = ["txt", "md", "json"]


def test_editing_the_profile_rebuilds_each_new_format_with_the_edit(tmp_path):
    config = small_project(tmp_path, targets={"acme.yaml": ACME})
    _with_formats(config, TEXT_FORMATS)
    resumekit.build(config)
    edit(tmp_path / "profile.yaml", SUMMARY, "Analyst who finds the signal in operational data.")
    again = resumekit.build(config)
    out = tmp_path / "out"
    assert {path: status for path, status in statuses(again, out).items() if path.startswith("acme/")
            and not path.endswith("report.md")} == {f"acme/Jane-Doe-{d}.{f}": "built" for d in ("Resume", "Cover-Letter")
                                                    for f in TEXT_FORMATS if f != "json" or d == "Resume"}
    for name in ("Jane-Doe-Resume.txt", "Jane-Doe-Resume.md", "Jane-Doe-Resume.json"):
        assert "finds the signal" in (out / "acme" / name).read_text(encoding="utf-8"), name


def test_the_json_is_the_tailored_profile(tmp_path):
    picky = ACME + "exclude: [communication]\n"  # the highlight tagged so leaves the tailored profile
    config = small_project(tmp_path, targets={"acme.yaml": picky})
    _with_formats(config, ["json", "txt"])
    resumekit.build(config)
    out = tmp_path / "out"
    tailored = (out / "acme" / "Jane-Doe-Resume.json").read_text(encoding="utf-8")
    assert "Presented quarterly findings" not in tailored
    assert "Presented quarterly findings" not in (out / "acme" / "Jane-Doe-Resume.txt").read_text(encoding="utf-8")
    resumekit.build(config, targets=["general"])
    assert "Presented quarterly findings" in (out / "general" / "Jane-Doe-Resume.json").read_text(encoding="utf-8")


REDACTABLE = JANE.replace("  location:\n", "  url: https://jane.example.com\n  image: https://jane.example.com/me.jpg\n"
                                          "  profiles: [{network: GitHub, url: 'https://github.com/janedoe'}]\n"
                                          "  location:\n    address: 12 Elm Street\n    postalCode: '62701'\n"
                          ) + "references:\n  - name: Dana Lee\n    reference: Jane ran our best analytics team.\n"


def test_redaction_holds_in_every_new_format(tmp_path):
    blind = ACME + "redact: [name, contact, address, photo, references]\n"
    config = make_project(tmp_path, REDACTABLE, {"acme.yaml": blind}, formats=TEXT_FORMATS)
    resumekit.build(config)
    files = sorted((tmp_path / "out" / "acme").glob("*-*.*")) + sorted((tmp_path / "out" / "acme").glob("Resume.*"))
    assert {p.name for p in files} >= {"Resume.txt", "Resume.md", "Resume.json", "Cover-Letter.txt"}
    for path in files:
        text = path.read_text(encoding="utf-8")
        for secret in ("Jane Doe", "jane.doe@example.com", "555-0100", "jane.example.com", "janedoe",
                       "12 Elm Street", "62701", "Dana Lee"):
            assert secret not in text, (path.name, secret)
    assert "ran our best analytics team" in (tmp_path / "out" / "acme" / "Resume.json").read_text(encoding="utf-8")


def test_a_killed_builds_temporaries_of_the_new_formats_are_cleaned(tmp_path):
    config = small_project(tmp_path, targets={"acme.yaml": ACME})
    _with_formats(config, TEXT_FORMATS)
    folder = tmp_path / "out" / "acme"
    folder.mkdir(parents=True)
    left = [folder / f".Jane-Doe-Resume.{fmt}.x1y2_z{TEMP_SUFFIX}" for fmt in ALL]
    for path in left:
        path.write_bytes(b"half")
    resumekit.build(config)
    assert not [path.name for path in left if path.exists()]


def test_the_example_project_exports_valid_json_resume_for_every_target(tmp_path):
    config = example_copy(tmp_path / "example")
    _with_formats(config, ["json"])
    result = resumekit.build(config)
    documents = sorted(o.path for o in result.outputs if o.format == "json")
    assert len(documents) >= 4  # the general build and each target, the German one (a translation) too
    for path in documents:
        document = json.loads(path.read_text(encoding="utf-8"))
        validate_strictly(document)
        assert document["basics"]["name"] == "Maya Okafor" and document["work"]


def test_the_cli_builds_a_format_asked_for_and_then_finds_it_up_to_date(tmp_path):
    config = small_project(tmp_path, targets={"acme.yaml": ACME})
    first = run_cli("build", "-c", str(config), "--format", "txt", "--format", "json")
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "out" / "acme" / "Jane-Doe-Resume.txt").is_file()
    assert (tmp_path / "out" / "acme" / "Jane-Doe-Resume.json").is_file()
    assert not (tmp_path / "out" / "acme" / "Jane-Doe-Resume.pdf").exists()
    second = run_cli("build", "-c", str(config), "--format", "txt")
    assert second.returncode == 0 and "built 0 files" in second.stdout, second.stdout
    bad = run_cli("build", "-c", str(config), "--format", "rtf")
    assert bad.returncode == 2 and "txt" in bad.stderr


def test_render_refuses_a_letter_as_json(tmp_path):
    profile = resumekit.load_profile(yaml.safe_load(JANE))
    with pytest.raises(resumekit.ResumekitError, match="a letter has none"):
        resumekit.render(profile, tmp_path / "letter.json", document="letter")
    assert not (tmp_path / "letter.json").exists()
