"""resumekit theme list / copy: the built-in themes, and a copy of one to edit."""

from __future__ import annotations

import resumekit

from ..helpers import make_project, run_cli


def test_theme_list_names_each_built_in_theme_with_what_it_is_for():
    done = run_cli("theme", "list")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["classic", "compact", "serif"]
    assert all(len(line.split()) > 3 for line in lines)


def test_a_copied_theme_is_complete_and_builds_what_the_built_in_one_builds(tmp_path):
    done = run_cli("theme", "copy", "serif", str(tmp_path / "mytheme"))
    assert done.returncode == 0, done.stderr
    copied = sorted(p.relative_to(tmp_path / "mytheme").as_posix() for p in (tmp_path / "mytheme").rglob("*")
                    if p.is_file())
    assert {"resume.html", "letter.html", "_header.html", "style.css", "theme.yaml", "reference.docx",
            "fonts/cmunrm.ttf"} <= set(copied)
    assert not [name for name in copied if "Lato" in name or name.endswith(".py")]
    css = tmp_path / "mytheme" / "style.css"
    css.write_text(css.read_text(encoding="utf-8") + "\nh1 { letter-spacing: 0.2em; }\n", encoding="utf-8")
    config = make_project(tmp_path, theme="mytheme", formats=["pdf"], documents=["resume"])
    result = resumekit.build(config)
    assert [o.path.name for o in result.outputs] == ["Jane-Doe-Resume.pdf"]


def test_theme_copy_never_writes_over_a_folder_with_files_in_it(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "style.css").write_text("/* mine */", encoding="utf-8")
    done = run_cli("theme", "copy", "classic", str(tmp_path / "mine"))
    assert done.returncode == 1 and "never overwrites" in done.stderr
    assert (tmp_path / "mine" / "style.css").read_text(encoding="utf-8") == "/* mine */"


def test_an_unknown_theme_name_is_a_usage_error_with_a_suggestion(tmp_path):
    done = run_cli("theme", "copy", "seriff", str(tmp_path / "x"))
    assert done.returncode == 2 and "did you mean 'serif'?" in done.stderr and not (tmp_path / "x").exists()
