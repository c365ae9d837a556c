"""A theme: the user's folder searched first, then the built-in classic, through one lookup."""

from __future__ import annotations

from pathlib import Path

import pytest

from resumekit.errors import BuildError
from resumekit.rendering.theme import Theme, builtin_themes_dir

CLASSIC = builtin_themes_dir() / "classic"


def user_theme(root: Path, name: str = "mytheme", **files: str) -> Path:
    """A theme folder of the user's under ``root`` holding ``files`` (name -> text)."""
    folder = root / name
    folder.mkdir(parents=True)
    for file, text in files.items():
        (folder / file).write_text(text, encoding="utf-8")
    return folder


def test_the_classic_theme_is_built_in_and_has_every_template():
    theme = Theme.named("classic")
    assert theme.dirs == (CLASSIC,)
    for name in ("resume.html", "letter.html", "style.css", "reference.docx", "feedback-request.txt"):
        assert theme.require(name) == CLASSIC / name


def test_a_users_folder_is_searched_before_classic(tmp_path):
    folder = user_theme(tmp_path, **{"style.css": "h1 { color: teal; }\n"})
    theme = Theme.named("mytheme", tmp_path)
    assert theme.dirs == (folder.resolve(), CLASSIC)
    assert theme.find("style.css") == folder.resolve() / "style.css"
    assert theme.find("resume.html") == CLASSIC / "resume.html"  # the user's folder holds only what it changes


def test_a_users_folder_named_like_a_built_in_theme_wins(tmp_path):
    folder = user_theme(tmp_path, "classic", **{"letter.html": "<p>{{ doc.name }}</p>\n"})
    theme = Theme.named("classic", tmp_path)
    assert theme.find("letter.html") == folder.resolve() / "letter.html"
    assert theme.find("resume.html") == CLASSIC / "resume.html"


def test_a_theme_that_is_neither_built_in_nor_a_folder_is_refused_naming_the_built_in_ones(tmp_path):
    with pytest.raises(BuildError, match=r"theme .nope. is neither a built-in theme \(classic, compact, serif\) nor a folder"):
        Theme.named("nope", tmp_path)


def test_find_gives_nothing_and_require_names_the_missing_file():
    theme = Theme.named("classic")
    assert theme.find("no-such-template.html") is None
    with pytest.raises(BuildError, match="no no-such-template.html in the theme"):
        theme.require("no-such-template.html")


def test_a_themes_files_are_every_folders_without_hidden_files_or_caches(tmp_path):
    folder = user_theme(tmp_path, **{"style.css": "h1 {}\n", ".DS_Store": "x"})
    (folder / "__pycache__").mkdir()
    (folder / "__pycache__" / "make.cpython-311.pyc").write_bytes(b"\0")
    files = Theme.named("mytheme", tmp_path).files()
    assert folder.resolve() / "style.css" in files and CLASSIC / "resume.html" in files
    assert not [f for f in files if f.name.startswith(".") or "__pycache__" in f.parts]


def test_the_classic_theme_ships_its_fonts():
    fonts = Theme.named("classic").fonts()
    assert fonts and all(f.suffix in (".ttf", ".otf") for f in fonts)
    assert any(f.name.startswith("Lato") for f in fonts)


def test_a_text_template_is_filled_from_the_users_folder_first(tmp_path):
    user_theme(tmp_path, **{"feedback-request.txt": "Subject: Hello {{ name }}\n\nDear {{ name }},\n"})
    assert Theme.named("mytheme", tmp_path).fill("feedback-request.txt", {"name": "Dana"}) == (
        "Subject: Hello Dana\n\nDear Dana,\n")


def test_a_broken_text_template_is_an_error_naming_its_file(tmp_path):
    folder = user_theme(tmp_path, **{"feedback-request.txt": "Dear {{ name \n"})
    with pytest.raises(BuildError, match="feedback-request.txt template is broken") as caught:
        Theme.named("mytheme", tmp_path).fill("feedback-request.txt", {"name": "Dana"})
    assert str(folder.resolve()) in str(caught.value)


def test_a_fifo_in_a_theme_is_left_out_of_its_files_and_named_as_a_problem(tmp_path):
    import os

    folder = user_theme(tmp_path, **{"style.css": "p {}"})
    os.mkfifo(folder / "extra.css")
    theme = Theme.named(str(folder))
    assert folder / "extra.css" not in theme.files()  # hashing it would hang
    assert theme.problems() == ["extra.css in the theme: this is a named pipe (FIFO), not a file"]


def test_only_a_users_theme_is_checked_and_the_classic_one_is_sound():
    assert Theme.named("classic").user_dirs == ()
    assert Theme.named("classic").problems() == []


def test_a_theme_file_that_links_out_of_the_project_is_a_problem(tmp_path):
    (tmp_path / "secret.css").write_text("p {}", encoding="utf-8")
    folder = user_theme(tmp_path / "project")
    (folder / "style.css").symlink_to(tmp_path / "secret.css")
    [problem] = Theme.named(str(folder)).problems(inside=tmp_path / "project")
    assert problem.startswith("style.css in the theme links to") and "allowOutside" in problem
    assert Theme.named(str(folder)).problems() == []
