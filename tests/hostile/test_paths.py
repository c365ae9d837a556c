"""Hostile paths (issue 8): every input a project names is a regular file inside the project.

Every path a project file names (the config's ``profile``, ``feedback``, ``targets``,
``theme``; a target's ``posting``; a profile's ``basics.image``) must resolve inside the
folder of ``resumekit.yaml`` after following symlinks. Anything else is an error located at
the line that names it (exit 1) that says how to allow it (``allowOutside: true`` in the
config, or ``--allow-outside`` on build/validate). Non-regular files (FIFOs, devices,
folders where a file is expected) are refused without being opened, so nothing hangs.
Outputs never land outside the output folder, and never follow a symlink out of it.

The expected outcome of every case was written from the contract before the tool was run.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from .harness import REPO, TIMEOUT, no_traceback, refused, run, scaffold

PASSWD_WORDS = ("root:x:0:0", "nologin")
"""Words of /etc/passwd that no resume or report could contain by chance."""

SECRET = "ZANZIBARQUOKKA"
"""The unique word of the outside files these tests plant."""

SECRET_POSTING = f"""\
Senior Logistics Supervisor at Harbor Supply Co.
Required: {SECRET} certification, dispatch and route planning, freight budget ownership.
"""

ALLOW = "allowOutside"
"""What every 'outside the project' message must name: the way to allow it."""

SIZE_WORDS = ("too large", "too big", "size", "limit", " mb", "bytes")
THEME = REPO / "templates" / "classic"
BUILT = re.compile(r"^\s*built \d+ files?\b(?!.*\bfailed\b).*$", re.MULTILINE)
"""A success report (``built 5 files, 0 up to date, in 1.6 s``), not ``... 1 target(s) failed``."""


# --------------------------------------------------------------------------- helpers

def project(tmp_path: Path, **config: object) -> Path:
    """The scaffold project at ``tmp_path/project`` (docx only, to keep builds quick)."""
    config.setdefault("formats", ["docx"])
    return scaffold(tmp_path / "project", **config)


def line_of(path: Path, pattern: str) -> int:
    """1-based number of the first line of ``path`` matching ``pattern`` (a regex, at line start)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.match(pattern, line):
            return number
    raise AssertionError(f"no line {pattern!r} in {path}")


def at(path: Path, pattern: str) -> str:
    """``name:line:`` of the line that names the path, as a located message must start."""
    return f"{path.name}:{line_of(path, pattern)}:"


def set_config(config: Path, **keys: object) -> None:
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings.update(keys)
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")


def target_file(config: Path) -> Path:
    return config.parent / "targets" / "example-job.yaml"


def add_to_target(config: Path, key: str, value: str) -> Path:
    """Append ``key: value`` (value as a YAML double-quoted string) to the example target."""
    path = target_file(config)
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{text}\n{key}: {yaml_string(value)}\n", encoding="utf-8")
    return path


def yaml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def set_image(config: Path, value: str) -> Path:
    """Give the profile a ``basics.image`` (on its own line, under ``name``)."""
    path = config.parent / "profile.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  name: Alex Rivera\n", f"  name: Alex Rivera\n  image: {yaml_string(value)}\n", 1)
    path.write_text(text, encoding="utf-8")
    return path


def up_to_root(folder: Path) -> str:
    """A relative prefix from ``folder`` to ``/`` (``../../..``), so ``up_to_root(f) + 'etc'`` is /etc."""
    return "/".join([".."] * len(folder.resolve().parts[1:]))


def outside(tmp_path: Path) -> Path:
    """A folder beside the project, holding files the project must not read."""
    folder = tmp_path / "outside"
    folder.mkdir(exist_ok=True)
    (folder / "secret.txt").write_text(SECRET_POSTING, encoding="utf-8")
    return folder


def texts_under(folder: Path) -> str:
    """Everything a reader could see in ``folder``: text files, DOCX XML, PDF text."""
    if not folder.exists():
        return ""
    parts = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".docx":
            try:
                with zipfile.ZipFile(path) as archive:
                    parts += [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()]
            except zipfile.BadZipFile:
                parts.append(data.decode("utf-8", "replace"))
        elif path.suffix == ".pdf":
            parts.append(data.decode("latin-1"))
            try:
                import pypdf
                parts += [page.extract_text() or "" for page in pypdf.PdfReader(path).pages]
            except Exception:  # a broken PDF still had its bytes searched
                pass
        else:
            parts.append(data.decode("utf-8", "replace"))
    return "\n".join(parts)


def assert_nothing_leaked(config: Path, done: subprocess.CompletedProcess[str] | None,
                          words: tuple[str, ...]) -> None:
    """No word of the refused outside file in any output, report, or the command's output."""
    seen = texts_under(config.parent / "out")
    if done is not None:
        seen += done.stdout + done.stderr
    for word in words:
        assert word not in seen, f"{word!r} from a refused outside file reached the outputs or the terminal"


def limit_memory() -> None:
    """In the child: a new session (so a hang can be ended as a group) and 3 GB of address
    space, so a build that reads /dev/zero fails instead of eating the machine."""
    os.setsid()
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def run_bounded(*args: str, cwd: Path, timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Like ``harness.run``, for inputs that may block or never end (FIFOs, devices, /dev, /etc):
    the child runs in its own session with a memory cap, and a hang kills the whole group
    (workers too) and fails the case, rather than leaving a worker blocked forever."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    child = subprocess.Popen([sys.executable, "-m", "resumekit", *args], cwd=cwd, env=env,
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, errors="replace", preexec_fn=limit_memory)
    try:
        out, err = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        pytest.fail(f"resumekit {' '.join(args)} hung: still running after {timeout} s")
    finally:
        try:  # nothing of ours outlives the case
            os.killpg(child.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


def build(config: Path, *extra: str, bounded: bool = False) -> subprocess.CompletedProcess[str]:
    runner = run_bounded if bounded else run
    return runner("build", "-j", "1", *extra, cwd=config.parent)


# --------------------------------------------------------------------------- inputs outside the project

def posting_absolute(tmp_path):
    config = project(tmp_path)
    return config, at(add_to_target(config, "posting", "/etc/passwd"), "posting:"), PASSWD_WORDS


def posting_dotdot_to_etc(tmp_path):
    config = project(tmp_path)
    path = add_to_target(config, "posting", up_to_root(target_file(config).parent) + "/etc/passwd")
    return config, at(path, "posting:"), PASSWD_WORDS


def posting_dotdot_beside(tmp_path):
    config = project(tmp_path)
    outside(tmp_path)
    return config, at(add_to_target(config, "posting", "../../outside/secret.txt"), "posting:"), (SECRET,)


def posting_symlink_out(tmp_path):
    config = project(tmp_path)
    (target_file(config).parent / "job.txt").symlink_to(outside(tmp_path) / "secret.txt")
    return config, at(add_to_target(config, "posting", "job.txt"), "posting:"), (SECRET,)


def profile_absolute(tmp_path):
    config = project(tmp_path, profile="/etc/passwd")
    return config, at(config, "profile:"), PASSWD_WORDS


def profile_symlink_out(tmp_path):
    """A perfectly valid profile, only not in the project."""
    config = project(tmp_path)
    own = config.parent / "profile.yaml"
    moved = outside(tmp_path) / "profile.yaml"
    shutil.move(own, moved)
    moved.write_text(moved.read_text(encoding="utf-8").replace("Alex Rivera", f"Alex {SECRET}"), encoding="utf-8")
    own.symlink_to(moved)
    return config, at(config, "profile:"), (SECRET,)


def theme_dotdot_to_etc(tmp_path):
    config = project(tmp_path)
    set_config(config, theme=up_to_root(config.parent) + "/etc")
    return config, at(config, "theme:"), PASSWD_WORDS


def theme_dev(tmp_path):
    config = project(tmp_path, theme="/dev")
    return config, at(config, "theme:"), ()


def theme_beside(tmp_path):
    """A working theme folder, a copy of the built-in one, next to the project."""
    config = project(tmp_path)
    shutil.copytree(THEME, tmp_path / "mytheme")
    (tmp_path / "mytheme" / "style.css").write_text(
        (THEME / "style.css").read_text(encoding="utf-8") + f"\n/* {SECRET} */\n", encoding="utf-8")
    set_config(config, theme="../mytheme")
    return config, at(config, "theme:"), (SECRET,)


def feedback_etc(tmp_path):
    config = project(tmp_path, feedback="/etc")
    return config, at(config, "feedback:"), PASSWD_WORDS


def feedback_beside(tmp_path):
    config = project(tmp_path)
    moved = outside(tmp_path) / "feedback.yaml"
    shutil.move(config.parent / "feedback.yaml", moved)
    set_config(config, feedback="../outside/feedback.yaml")
    return config, at(config, "feedback:"), ()


def targets_glob_etc(tmp_path):
    config = project(tmp_path, targets="/etc/*.conf")
    return config, at(config, "targets:"), PASSWD_WORDS


def targets_folder_beside(tmp_path):
    config = project(tmp_path)
    jobs = tmp_path / "jobs"
    shutil.move(config.parent / "targets", jobs)
    set_config(config, targets="../jobs/")
    return config, at(config, "targets:"), ()


def target_symlink_in_folder(tmp_path):
    """targets/evil.yaml is a link to a job file outside; only the folder is named, so the
    message is located (the config's targets line or the link) and names the link."""
    config = project(tmp_path)
    job = outside(tmp_path) / "evil.yaml"
    job.write_text(target_file(config).read_text(encoding="utf-8").replace("Harbor Supply Co.", SECRET),
                   encoding="utf-8")
    (config.parent / "targets" / "evil.yaml").symlink_to(job)
    return config, "evil.yaml", (SECRET,)


def image_absolute(tmp_path):
    config = project(tmp_path)
    return config, at(set_image(config, "/etc/passwd"), "  image:"), PASSWD_WORDS


def image_dotdot_beside(tmp_path):
    config = project(tmp_path)
    (outside(tmp_path) / "photo.png").write_bytes(
        bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                      "0000000d4944415478da63f8cfc0f01f0005000201a5f1d3f70000000049454e44ae426082"))
    return config, at(set_image(config, "../outside/photo.png"), "  image:"), ()


OUTSIDE_INPUTS = [posting_absolute, posting_dotdot_to_etc, posting_dotdot_beside, posting_symlink_out,
                  profile_absolute, profile_symlink_out, theme_dotdot_to_etc, theme_dev, theme_beside,
                  feedback_etc, feedback_beside, targets_glob_etc, targets_folder_beside,
                  target_symlink_in_folder, image_absolute, image_dotdot_beside]


@pytest.mark.parametrize("case", OUTSIDE_INPUTS, ids=lambda case: case.__name__.replace("_", "-"))
def test_an_input_outside_the_project_is_a_located_error_that_says_how_to_allow_it(tmp_path, case):
    config, where, words = case(tmp_path)
    done = build(config, bounded=True)
    stderr = refused(done, code=1, located=True, mentions=(ALLOW,))
    assert where in stderr, f"the error should point at {where}:\n{stderr}"
    assert not BUILT.search(done.stdout), done.stdout
    assert_nothing_leaked(config, done, words)


@pytest.mark.parametrize("case", [posting_absolute, profile_absolute, posting_symlink_out],
                         ids=lambda case: case.__name__.replace("_", "-"))
def test_validate_refuses_an_input_outside_the_project_the_same_way(tmp_path, case):
    config, where, words = case(tmp_path)
    done = run_bounded("validate", cwd=config.parent)
    stderr = refused(done, code=1, located=True, mentions=(ALLOW,))
    assert where in stderr, stderr
    assert_nothing_leaked(config, done, words)


def test_the_contents_of_etc_passwd_are_never_printed_when_it_is_named_as_the_profile(tmp_path):
    config = project(tmp_path, profile="/etc/passwd")
    for command in (["build"], ["validate"], ["validate", "/etc/passwd"], ["explain", "example-job"]):
        done = run_bounded(*command, cwd=config.parent)
        no_traceback(done)
        assert done.returncode != 0, (command, done.stdout)
        for word in PASSWD_WORDS:
            assert word not in done.stdout + done.stderr, (command, done.stderr)


@pytest.mark.parametrize("case", [posting_absolute, profile_absolute, posting_symlink_out],
                         ids=lambda case: case.__name__.replace("_", "-"))
def test_the_python_api_refuses_an_input_outside_the_project(tmp_path, case):
    """``resumekit.build`` raises a ``ResumekitError`` (or returns the failure) that says how to
    allow it, and carries nothing of the outside file."""
    import resumekit

    config, where, words = case(tmp_path)
    try:
        result = resumekit.build(config, formats=["docx"])
    except resumekit.ResumekitError as error:
        message = str(error)
    else:
        assert not result.ok, "resumekit.build accepted an input outside the project"
        message = "\n".join(str(failure) for failure in result.failures)
    assert ALLOW in message, message
    assert where in message, message
    for word in words:
        assert word not in message, f"{word!r} from the refused file is in the error"
    assert_nothing_leaked(config, None, words)


# --------------------------------------------------------------------------- the allowance

def test_allow_outside_in_the_config_makes_an_outside_posting_work(tmp_path):
    config = project(tmp_path)
    outside(tmp_path)
    add_to_target(config, "posting", "../../outside/secret.txt")
    set_config(config, allowOutside=True)
    done = build(config)
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    folder = config.parent / "out" / "example-job"
    assert (folder / "Alex-Rivera-Resume.docx").is_file() and (folder / "Alex-Rivera-Cover-Letter.docx").is_file()


@pytest.mark.parametrize("command", ["build", "validate"])
def test_the_allow_outside_flag_makes_an_outside_posting_work(tmp_path, command):
    config = project(tmp_path)
    outside(tmp_path)
    add_to_target(config, "posting", "../../outside/secret.txt")
    done = run(command, "--allow-outside", cwd=config.parent)
    no_traceback(done)
    assert done.returncode == 0, done.stderr


# --------------------------------------------------------------------------- not a regular file

def fifo_profile(tmp_path):
    config = project(tmp_path, profile="profile.fifo")
    os.mkfifo(config.parent / "profile.fifo")
    return config, at(config, "profile:"), "profile.fifo"


def fifo_posting(tmp_path):
    config = project(tmp_path)
    os.mkfifo(target_file(config).parent / "job.fifo")
    return config, at(add_to_target(config, "posting", "job.fifo"), "posting:"), "job.fifo"


def fifo_in_feedback_folder(tmp_path):
    config = project(tmp_path, feedback="feedback/")
    folder = config.parent / "feedback"
    folder.mkdir()
    shutil.move(config.parent / "feedback.yaml", folder / "summit.yaml")
    os.mkfifo(folder / "more.yaml")
    return config, None, "more.yaml"


def fifo_in_targets_folder(tmp_path):
    config = project(tmp_path)
    os.mkfifo(config.parent / "targets" / "another-job.yaml")
    return config, None, "another-job.yaml"


def fifo_in_theme_folder(tmp_path):
    config = project(tmp_path, theme="mytheme")
    shutil.copytree(THEME, config.parent / "mytheme")
    os.mkfifo(config.parent / "mytheme" / "extra.css")
    return config, None, "extra.css"


def zero_as_posting(tmp_path):
    config = project(tmp_path, allowOutside=True)
    (target_file(config).parent / "job.txt").symlink_to("/dev/zero")
    return config, at(add_to_target(config, "posting", "job.txt"), "posting:"), "job.txt"


def zero_as_profile(tmp_path):
    config = project(tmp_path, allowOutside=True)
    (config.parent / "profile.yaml").unlink()
    (config.parent / "profile.yaml").symlink_to("/dev/zero")
    return config, at(config, "profile:"), "profile.yaml"


def zero_as_posting_not_allowed(tmp_path):
    config = project(tmp_path)
    (target_file(config).parent / "job.txt").symlink_to("/dev/zero")
    return config, at(add_to_target(config, "posting", "job.txt"), "posting:"), "job.txt"


def folder_as_profile(tmp_path):
    config = project(tmp_path, profile="profiles")
    (config.parent / "profiles").mkdir()
    shutil.copy(config.parent / "profile.yaml", config.parent / "profiles" / "profile.yaml")
    return config, at(config, "profile:"), "profiles"


def folder_as_posting(tmp_path):
    config = project(tmp_path)
    (target_file(config).parent / "postings").mkdir()
    return config, at(add_to_target(config, "posting", "postings"), "posting:"), "postings"


NOT_REGULAR = [fifo_profile, fifo_posting, fifo_in_feedback_folder, fifo_in_targets_folder, fifo_in_theme_folder,
               zero_as_posting, zero_as_profile, zero_as_posting_not_allowed, folder_as_profile, folder_as_posting]


@pytest.mark.parametrize("case", NOT_REGULAR, ids=lambda case: case.__name__.replace("_", "-"))
def test_a_fifo_device_or_folder_where_a_file_is_expected_is_refused_without_hanging(tmp_path, case):
    """Allowed or not, only a regular file is read: within the time limit, exit 1, a message
    naming the file (located at the line that names it, when one does)."""
    config, where, name = case(tmp_path)
    done = build(config, bounded=True)
    stderr = refused(done, code=1, located=where is not None, mentions=(name,))
    if where is not None:
        assert where in stderr, f"the error should point at {where}:\n{stderr}"
    assert not BUILT.search(done.stdout), done.stdout


def test_validate_of_a_fifo_profile_does_not_hang(tmp_path):
    config, where, name = fifo_profile(tmp_path)
    done = run_bounded("validate", cwd=config.parent)
    stderr = refused(done, code=1, located=True, mentions=(name,))
    assert where in stderr, stderr


def test_a_posting_over_the_read_cap_is_an_error_not_a_silent_truncation(tmp_path):
    config = project(tmp_path)
    line = "Lead dispatch for a fleet of trucks and manage the freight budget with care.\n"
    (target_file(config).parent / "huge.txt").write_text(line * (3 * 1024 * 1024 // len(line) + 1), encoding="utf-8")
    path = add_to_target(config, "posting", "huge.txt")
    done = build(config, bounded=True)
    stderr = refused(done, code=1, located=True, mentions=("huge.txt",))
    assert at(path, "posting:") in stderr, stderr
    assert any(word in stderr.casefold() for word in SIZE_WORDS), f"the error should say the file is too large:\n{stderr}"


# --------------------------------------------------------------------------- the output folder

def test_output_naming_an_existing_file_is_a_located_error_and_the_file_is_kept(tmp_path):
    config = project(tmp_path)
    (config.parent / "out.txt").write_text("my notes\n", encoding="utf-8")
    set_config(config, output="out.txt")
    done = build(config)
    stderr = refused(done, code=1, located=True, mentions=("out.txt",))
    assert at(config, "output:") in stderr, stderr
    assert (config.parent / "out.txt").read_text(encoding="utf-8") == "my notes\n"


def test_output_at_the_root_of_the_file_system_is_refused(tmp_path):
    config = project(tmp_path, output="/")
    planted = [Path("/example-job"), Path("/.resumekit-manifest.json")]
    already = {p for p in planted if p.exists() or p.is_symlink()}
    try:
        done = build(config)
        stderr = refused(done, code=1, located=True)
        assert at(config, "output:") in stderr, stderr
        for path in planted:
            assert path in already or not path.exists(), f"the build wrote {path}"
    finally:
        for path in planted:
            if path not in already and path.is_dir():
                shutil.rmtree(path)
            elif path not in already and path.exists():
                path.unlink()


def test_output_in_the_project_folder_itself_is_refused(tmp_path):
    """``output: .`` would mix documents with the user's inputs (and a clean would remove them)."""
    config = project(tmp_path, output=".")
    before = sorted(p.name for p in config.parent.iterdir())
    done = build(config)
    stderr = refused(done, code=1, located=True)
    assert at(config, "output:") in stderr, stderr
    assert sorted(p.name for p in config.parent.iterdir()) == before


def test_output_in_the_parent_folder_is_refused(tmp_path):
    config = project(tmp_path, output="..")
    done = build(config)
    stderr = refused(done, code=1, located=True)
    assert at(config, "output:") in stderr, stderr
    assert not (tmp_path / "example-job").exists() and not (tmp_path / ".resumekit-manifest.json").exists()


def test_output_outside_the_project_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    config = project(tmp_path, output=str(elsewhere))
    done = build(config)
    stderr = refused(done, code=1, located=True)
    assert at(config, "output:") in stderr, stderr
    assert not elsewhere.exists() or not any(elsewhere.iterdir()), list(elsewhere.rglob("*"))


def test_an_output_folder_that_is_a_symlink_out_of_the_project_is_refused(tmp_path):
    config = project(tmp_path)
    away = tmp_path / "away"
    away.mkdir()
    (config.parent / "out").symlink_to(away, target_is_directory=True)
    done = build(config)
    stderr = refused(done, code=1, located=True)
    assert at(config, "output:") in stderr, stderr
    assert not any(away.iterdir()), list(away.rglob("*"))


def test_a_target_folder_symlinked_out_of_the_output_folder_is_never_written_through(tmp_path):
    """Pre-created ``out/example-job`` -> a folder outside: the build must not write there
    (it may refuse, exit 1, naming the folder; or replace the link with a real folder)."""
    config = project(tmp_path)
    away = tmp_path / "away"
    away.mkdir()
    (config.parent / "out").mkdir()
    (config.parent / "out" / "example-job").symlink_to(away, target_is_directory=True)
    done = build(config, "--force")
    no_traceback(done)
    assert not any(away.iterdir()), f"the build wrote through the link: {sorted(away.rglob('*'))}"
    assert done.returncode in (0, 1), done.stderr
    if done.returncode == 1:  # the message says which link: by its name or where it points
        assert "example-job" in done.stderr or str(away) in done.stderr, done.stderr


def test_a_document_symlinked_out_of_the_output_folder_is_never_written_through(tmp_path):
    config = project(tmp_path)
    victim = tmp_path / "victim.docx"
    victim.write_bytes(b"the user's own file\n")
    folder = config.parent / "out" / "example-job"
    folder.mkdir(parents=True)
    (folder / "Alex-Rivera-Resume.docx").symlink_to(victim)
    done = build(config, "--force")
    no_traceback(done)
    assert victim.read_bytes() == b"the user's own file\n", "the build wrote through a symlinked document"
    assert done.returncode in (0, 1), done.stderr


@pytest.mark.parametrize("value", ["../../escape", "/tmp/escape-abs", "a/../../../escape"])
def test_a_target_id_that_is_a_path_is_refused_and_writes_nothing_outside(tmp_path, value):
    config = project(tmp_path)
    path = add_to_target(config, "id", value)
    escaped = [tmp_path / "escape", Path("/tmp/escape-abs"), config.parent / "escape"]
    before = {p for p in escaped if p.exists()}
    try:
        done = build(config)
        stderr = refused(done, code=1, located=True)
        assert at(path, "id:") in stderr, stderr
        for place in escaped:
            assert place in before or not place.exists(), f"the build wrote {place}"
    finally:
        for place in escaped:
            if place not in before and place.exists():
                shutil.rmtree(place, ignore_errors=True)


# --------------------------------------------------------------------------- terminal escapes

def no_raw_escapes(done: subprocess.CompletedProcess[str]) -> None:
    for stream, text in (("stderr", done.stderr), ("stdout", done.stdout)):
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text, \
            f"raw control characters on {stream}: {text!r}"


def with_escape_key(config: Path) -> Path:
    path = config.parent / "profile.yaml"
    path.write_text(path.read_text(encoding="utf-8") + '"\\x1b[31mred": 1\n', encoding="utf-8")
    return path


def test_an_escape_code_in_an_unknown_key_is_printed_escaped_by_validate(tmp_path):
    config = project(tmp_path)
    with_escape_key(config)
    done = run("validate", cwd=config.parent)
    no_traceback(done)
    assert done.returncode == 0, done.stderr  # an unknown key is a warning
    no_raw_escapes(done)
    assert "[31mred" in done.stderr, f"the key should be shown, escaped: {done.stderr!r}"


def test_an_escape_code_in_an_unknown_key_is_printed_escaped_by_a_strict_build(tmp_path):
    config = project(tmp_path)
    path = with_escape_key(config)
    done = build(config, "--strict")
    stderr = refused(done, code=1, located=True)
    no_raw_escapes(done)
    assert at(path, '"') in stderr, stderr
    assert "[31mred" in stderr, repr(stderr)


def test_an_escape_code_in_a_bad_value_is_printed_escaped(tmp_path):
    config = project(tmp_path)
    config.write_text(config.read_text(encoding="utf-8").replace("- docx", '- "\\e]0;pwned\\a\\e[2Jdocx"'),
                      encoding="utf-8")
    done = run("build", cwd=config.parent)
    stderr = refused(done, code=1, located=True)
    no_raw_escapes(done)
    assert at(config, "- ") in stderr, stderr


def test_an_escape_code_in_a_target_id_is_printed_escaped(tmp_path):
    config = project(tmp_path)
    path = target_file(config)
    path.write_text(path.read_text(encoding="utf-8") + 'id: "\\e[2J\\e]0;pwned\\ajob"\n', encoding="utf-8")
    done = build(config)
    refused(done, code=1, located=True)
    no_raw_escapes(done)


def test_a_raw_escape_byte_in_a_yaml_file_is_a_located_error_printed_escaped(tmp_path):
    config = project(tmp_path)
    path = config.parent / "profile.yaml"
    path.write_bytes(path.read_bytes().replace(b"label: Operations Coordinator", b"label: Ops\x1b[31m Coordinator"))
    done = build(config)
    stderr = refused(done, code=1, located=True, mentions=("profile.yaml",))
    no_raw_escapes(done)
    assert f"profile.yaml:{line_of(path, '  label:')}:" in stderr, stderr


# --------------------------------------------------------------------------- init

def test_init_into_an_existing_file_is_a_clean_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("keep me\n", encoding="utf-8")
    done = run("init", str(path), cwd=tmp_path)
    refused(done, code=1, located=False, mentions=("notes.txt",))
    assert path.read_text(encoding="utf-8") == "keep me\n"


def test_init_into_a_folder_with_clashing_files_names_them_and_overwrites_nothing(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "profile.yaml").write_text("basics: {name: Me}\n", encoding="utf-8")
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")
    done = run("init", str(folder), cwd=tmp_path)
    refused(done, code=1, located=False, mentions=("profile.yaml",))
    assert (folder / "profile.yaml").read_text(encoding="utf-8") == "basics: {name: Me}\n"
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine\n"
