"""The look of a target's documents: the theme's, the config's design, then the target's;
fonts from every shipped theme or the project; the photo only when asked for."""

from __future__ import annotations

import shutil
import zlib
import struct

import pytest

from resumekit.building.look import available_fonts, look_for, photo_file
from resumekit.models.design import Design
from resumekit.rendering.theme import Theme, builtin_themes_dir

from ..helpers import JANE, make_project, run_cli


def png(path, size=40, height=None):
    """A small real PNG file (one colour) at ``path``, ``size`` wide and ``height`` (or ``size``) high."""
    height = height or size
    raw = b"".join(b"\x00" + bytes([90, 140, 200]) * size for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


def test_the_target_wins_over_the_config_which_wins_over_the_theme():
    look = look_for(Theme.named("classic"), None, Design(accent="#8b0000", fontSize=11), Design(fontSize=9))
    assert (look.accent, look.size, look.font, look.titles) == ("#8b0000", 9, "Lato", "rule")
    assert set(look.changed) == {"accent", "fontSize"} and not look.faces


def test_a_setting_equal_to_the_themes_own_changes_nothing():
    assert look_for(Theme.named("classic"), None, Design(font="Lato", sectionTitles="rule")).changed == ()


def test_a_font_of_another_built_in_theme_brings_its_files():
    look = look_for(Theme.named("classic"), None, Design(font="CMU Serif"))
    assert look.font == "CMU Serif" and {(f.weight >= 600, f.italic) for f in look.faces} == {
        (False, False), (False, True), (True, False), (True, True)}


def test_a_font_in_the_projects_fonts_folder_may_be_named(tmp_path):
    (tmp_path / "fonts").mkdir()
    shutil.copy(builtin_themes_dir() / "classic" / "fonts" / "Lato-Regular.ttf", tmp_path / "fonts" / "Mine.ttf")
    assert "Lato" in available_fonts(Theme.named("serif"), tmp_path)


def test_a_font_nobody_ships_is_a_located_error_with_the_ones_there_are(tmp_path):
    config = make_project(tmp_path, design={"font": "Latto"})
    done = run_cli("build", "-c", str(config))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "resumekit.yaml:5:9: design.font: no font named 'Latto'" in done.stderr
    assert "did you mean 'Lato'?" in done.stderr and "CMU Serif" in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_targets_unknown_font_refuses_that_target_only(tmp_path):
    config = make_project(tmp_path, targets={"a.yaml": "title: Analyst\ndesign: {font: Arial}\n",
                                             "b.yaml": "title: Analyst\n"})
    done = run_cli("build", "-c", str(config))
    assert "a.yaml:2:16: design.font: no font named 'Arial'" in done.stderr
    assert (tmp_path / "out" / "b").is_dir() and not (tmp_path / "out" / "a").exists()


def test_a_photo_is_a_local_png_or_jpeg_never_a_url(tmp_path):
    profile = tmp_path / "profile.yaml"
    png(tmp_path / "me.png")
    (tmp_path / "me.gif").write_bytes(b"GIF89a" + b"\0" * 20)
    assert photo_file(profile, "me.png") == (tmp_path / "me.png").resolve()
    assert photo_file(profile, "me.gif") is None
    assert photo_file(profile, "https://example.org/me.png") is None
    assert photo_file(profile, "missing.png") is None


@pytest.mark.parametrize("config, target, shown", [
    ({}, "", False),                          # the default is no photo
    ({"photo": True}, "", True),
    ({"photo": True}, "photo: false\n", False),
    ({}, "photo: true\n", True),
    ({"photo": True}, "redact: [photo]\n", False),
])
def test_the_photo_is_shown_only_when_asked_for(tmp_path, config, target, shown):
    import docx
    from pypdf import PdfReader

    png(tmp_path / "me.png")
    profile = JANE.replace("  name: Jane Doe\n", "  name: Jane Doe\n  image: me.png\n")
    path = make_project(tmp_path, profile=profile, targets={"job.yaml": "title: Analyst\n" + target},
                        documents=["resume"], **config)
    done = run_cli("build", "-c", str(path))
    assert done.returncode == 0, done.stderr
    pdf = PdfReader(tmp_path / "out" / "job" / "Jane-Doe-Resume.pdf")
    assert bool(pdf.pages[0].images) == shown
    document = docx.Document(str(tmp_path / "out" / "job" / "Jane-Doe-Resume.docx"))
    assert bool(document.part.package.image_parts) == shown  # the DOCX carries the picture, or none


@pytest.mark.parametrize("image, config, said", [
    ("me.png", {}, "is not shown: documents show a photo only where the config or a target says photo: true"),
    ("me.png", {"photo": True, "theme": "serif"}, "is not shown: the theme shows no photos"),
    ("me.gif", {"photo": True}, "me.gif is not a PNG or JPEG file in the project"),
    ("me.png", {"photo": True}, None),
])
def test_a_photo_that_will_not_be_shown_is_said_at_its_line(tmp_path, image, config, said):
    png(tmp_path / "me.png")
    (tmp_path / "me.gif").write_bytes(b"GIF89a" + b"\0" * 20)
    profile = JANE.replace("  name: Jane Doe\n", f"  name: Jane Doe\n  image: {image}\n")
    done = run_cli("validate", "-c", str(make_project(tmp_path, profile=profile, **config)))
    assert done.returncode == 0
    if said:
        assert f"profile.yaml:3:10: basics.image: warning: {said}" in done.stderr, done.stderr
    else:
        assert "basics.image" not in done.stderr


def test_a_damaged_photo_is_a_clear_error_and_the_last_good_documents_stay(tmp_path):
    png(tmp_path / "me.png")
    profile = JANE.replace("  name: Jane Doe\n", "  name: Jane Doe\n  image: me.png\n")
    config = make_project(tmp_path, profile=profile, photo=True, documents=["resume"])
    assert run_cli("build", "-c", str(config)).returncode == 0
    before = (tmp_path / "out" / "general" / "Jane-Doe-Resume.docx").read_bytes()
    (tmp_path / "me.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 16)  # the signature, then nothing
    done = run_cli("build", "-c", str(config))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "the photo (basics.image) cannot be read as a PNG or JPEG" in done.stderr
    assert (tmp_path / "out" / "general" / "Jane-Doe-Resume.docx").read_bytes() == before


def test_the_docx_photo_floats_at_the_top_right_beside_the_name_in_its_own_proportions(tmp_path):
    import docx
    from docx.oxml.ns import qn

    png(tmp_path / "me.png", 120, 150)  # a portrait
    profile = JANE.replace("  name: Jane Doe\n", "  name: Jane Doe\n  image: me.png\n")
    config = make_project(tmp_path, profile=profile, photo=True, documents=["resume"], formats=["docx"])
    assert run_cli("build", "-c", str(config)).returncode == 0
    document = docx.Document(str(tmp_path / "out" / "general" / "Jane-Doe-Resume.docx"))
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    assert title.style.name == "Title" and title.text == "Jane Doe"
    anchor = title._p.find(".//" + qn("wp:anchor"))
    assert anchor is not None and anchor.find(qn("wp:positionH")).find(qn("wp:align")).text == "right"
    extent = anchor.find(qn("wp:extent"))
    assert int(extent.get("cy")) / int(extent.get("cx")) == pytest.approx(150 / 120, rel=0.01)


def test_a_photo_in_a_theme_that_shows_none_is_no_market_concern(tmp_path):
    png(tmp_path / "me.png")
    profile = JANE.replace("  name: Jane Doe\n", "  name: Jane Doe\n  image: me.png\n")
    config = make_project(tmp_path, profile=profile, photo=True, theme="serif",
                          targets={"job.yaml": "title: Analyst\nlocation: {countryCode: US}\n"})
    done = run_cli("validate", "-c", str(config))
    assert "the theme shows no photos" in done.stderr and "shows a photo" not in done.stderr
