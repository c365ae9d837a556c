"""WeasyPrint loaded and set up for speed: the same PDF, byte for byte, as its plain path.

Each side of the comparison is a fresh process that renders the example's resume with
HarfBuzz's subsetter and then with fontTools' (WeasyPrint's fallback): the plain side
imports WeasyPrint itself (cffi's library search, fontTools' own subsetter, cffi's own
arrays) and keeps the garbage collector on; the fast side is resumekit as it runs.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from fontTools import subset
from fontTools.ttLib import TTFont

from resumekit.rendering import pdf
from resumekit.rendering.theme import builtin_themes_dir
from resumekit.rendering.weasy import SUBSETTER_MISSING, dropped_unread, subsetter_missing, weasyprint

from ..helpers import PROFILES

RENDER = textwrap.dedent("""
    import contextlib, hashlib, json, sys
    calls = []
    sys.addaudithook(lambda event, args: event == "subprocess.Popen" and calls.append(args[1]))
    plain = sys.argv[1] == "plain"
    if plain:
        import weasyprint  # cffi's own library search
        from resumekit.rendering import weasy
        weasy._cut_fonts_frugally = lambda: None  # fontTools' own subsetter
        weasy._arrays_parsed_once = lambda: None  # cffi's own arrays
    from resumekit.building.plan import options_for, plan_target
    from resumekit.building.project import load_project
    from resumekit.documents import build_resume
    from resumekit.rendering import pdf
    if plain:
        pdf._without_cyclic_gc = contextlib.nullcontext
    project = load_project(sys.argv[2], False, keep_going=True)
    resume = build_resume(plan_target(project, None).profile, options_for(project, None))
    digests = [hashlib.sha256(pdf.render_pdf(resume, project.theme, project.root)[0]).hexdigest()]
    from weasyprint.pdf import fonts
    fonts.harfbuzz_subset = None  # as on a machine without HarfBuzz's subsetter
    digests.append(hashlib.sha256(pdf.render_pdf(resume, project.theme, project.root)[0]).hexdigest())
    libraries = sorted({line.split()[-1] for line in open("/proc/self/maps") if ".so" in line
                        and any(n in line for n in ("pango", "harfbuzz", "fontconfig", "gobject"))})
    from weasyprint.text.ffi import ffi
    print(json.dumps({"digests": digests, "spawned": len(calls), "libraries": libraries,
                      "parsed": len(ffi._parsed_types)}))
""")


def _render(side: str) -> dict:
    done = subprocess.run([sys.executable, "-c", RENDER, side, str(PROFILES / "resumekit.yaml")],
                          capture_output=True, text=True, timeout=300, check=True)
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the library search is spared on Linux")
def test_the_fast_paths_write_the_same_pdf_as_weasyprints_plain_path_and_spawn_nothing():
    plain, fast = _render("plain"), _render("fast")
    assert fast["digests"] == plain["digests"]
    if not subsetter_missing():
        assert fast["digests"][0] != fast["digests"][1]  # HarfBuzz's subsetter, then fontTools'
    assert fast["libraries"] == plain["libraries"] and fast["libraries"]
    assert plain["spawned"] > 0  # ldconfig, gcc, ld: what the fast import spares
    assert fast["spawned"] == 0
    assert fast["parsed"] < plain["parsed"]  # the C declarations cffi parsed


def _lato() -> TTFont:
    return TTFont(builtin_themes_dir() / "classic" / "fonts" / "Lato-Regular.ttf")


def test_the_layout_tables_weasyprint_drops_are_dropped_before_they_are_read():
    options = subset.Options()
    options.drop_tables += ["GSUB", "GPOS", "SVG"]  # as WeasyPrint asks
    assert dropped_unread(_lato(), options) == ["GSUB", "GPOS", "kern"]
    options.legacy_kern = True  # then fontTools keeps kern beside GPOS: so must we
    assert dropped_unread(_lato(), options) == ["GSUB", "GPOS"]
    assert dropped_unread(_lato(), subset.Options()) == []  # kept tables stay


def test_the_frugal_subsetter_never_decompiles_gpos(monkeypatch):
    weasyprint()
    from fontTools.ttLib.tables import G_P_O_S_
    from weasyprint.pdf import fonts

    read: list[str] = []
    decompile = G_P_O_S_.table_G_P_O_S_.decompile
    monkeypatch.setattr(G_P_O_S_.table_G_P_O_S_, "decompile",
                        lambda self, data, font: (read.append("GPOS"), decompile(self, data, font))[1])
    options = fonts.subset.Options(retain_gids=True, passthrough_tables=True, ignore_missing_glyphs=True)
    options.drop_tables += ["GSUB", "GPOS", "SVG"]
    cutter = fonts.subset.Subsetter(options)
    cutter.populate(unicodes=[ord(c) for c in "Maya"])
    cutter.subset(_lato())
    assert read == []
    plain = subset.Subsetter(options)
    plain.populate(unicodes=[ord(c) for c in "Maya"])
    plain.subset(_lato())
    assert read == ["GPOS"]  # the spy works: fontTools' own subsetter reads it


def test_a_missing_subsetter_is_said_once_per_process(monkeypatch):
    from weasyprint.pdf import fonts

    from resumekit.building.plan import options_for, plan_target
    from resumekit.building.project import load_project
    from resumekit.documents import build_resume

    project = load_project(PROFILES / "resumekit.yaml", False, keep_going=True)
    resume = build_resume(plan_target(project, None).profile, options_for(project, None))
    monkeypatch.setattr(pdf, "_warned", set())
    monkeypatch.setattr(fonts, "harfbuzz_subset", None)
    assert SUBSETTER_MISSING in pdf.render_pdf(resume, project.theme, project.root)[2]
    assert SUBSETTER_MISSING not in pdf.render_pdf(resume, project.theme, project.root)[2]
