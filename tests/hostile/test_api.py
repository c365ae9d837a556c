"""Hostile values handed to the Python API (issue 8): every error a caller can cause is a
``resumekit.ResumekitError`` (a ``ProfileError``, ``TargetError``, ... where the value is
the file's content), never a bare TypeError, ValueError, KeyError or AttributeError; and
text too long for any page is wrapped, never clipped, in a valid PDF and DOCX.

Each case's expected outcome was written from the contract before the API was run on it.
"""

from __future__ import annotations

import contextlib
import copy
import re
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

TIMEOUT = 10
"""No call may take longer than this, as for the command line."""

PROFILE = {
    "basics": {"name": "Alex Rivera", "label": "Operations Coordinator", "email": "alex.rivera@example.com",
               "summary": "Operations coordinator who keeps freight moving on time."},
    "work": [{"name": "Valley Freight Co.", "position": "Operations Coordinator", "startDate": "2022-04",
              "highlights": ["Scheduled daily deliveries across 18 drivers"]}],
    "skills": [{"name": "Operations", "keywords": ["dispatch", "route planning"]}],
}
TARGET = {"title": "Logistics Supervisor", "company": "Harbor Supply Co.",
          "responsibilities": ["Plan daily routes and dispatch"], "skills": [{"name": "Logistics",
                                                                              "keywords": ["dispatch"]}]}
FEEDBACK = {
    "applications": [{"id": "summit-2025", "employer": "Summit Outdoor Supply", "position": "Supervisor",
                      "rejected": "2025-09-29",
                      "feedback": [{"text": "Limited experience leading teams.", "areas": ["leadership"]}]}],
}


class Hang(Exception):
    """A call ran past the deadline."""


@contextlib.contextmanager
def deadline(seconds: int = TIMEOUT) -> Iterator[None]:
    def on_alarm(signum: int, frame: Any) -> None:
        raise Hang(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def rk() -> Any:
    import resumekit

    return resumekit


@pytest.fixture
def good(tmp_path: Path) -> SimpleNamespace:
    """A valid profile, target and feedback, and a scratch folder."""
    r = rk()
    with deadline():
        return SimpleNamespace(
            rk=r, tmp=tmp_path,
            profile=r.load_profile(copy.deepcopy(PROFILE)),
            target=r.load_target(copy.deepcopy(TARGET)),
            feedback=r.load_feedback(copy.deepcopy(FEEDBACK)),
        )


def clean_error(call: Callable[[], Any], kind: str = "ResumekitError") -> Exception:
    """``call()`` raises ``resumekit.<kind>``; anything else (or nothing) fails the test."""
    expected = getattr(rk(), kind)
    try:
        with deadline():
            call()
    except expected as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - the point of the test
        pytest.fail(f"{type(exc).__name__} instead of resumekit.{kind}: {exc!r}"[:3000])
    pytest.fail(f"no error raised; expected resumekit.{kind}")


def problem_with(exc: Exception, field: str | None = None, line: int | None = None) -> None:
    """``exc`` carries a problem whose field path mentions ``field`` (and is on ``line``)."""
    problems = list(getattr(exc, "problems", []))
    assert problems, f"{type(exc).__name__} carries no problems: {exc}"
    for p in problems:
        if field is not None and not re.search(field, str(getattr(p, "field", "")), re.I):
            continue
        if line is not None and getattr(p, "line", None) != line:
            continue
        return
    pytest.fail(f"no problem with field ~ {field!r} on line {line}: {[str(p) for p in problems]}")


def _deep(levels: int) -> dict[str, Any]:
    node: dict[str, Any] = {"x": 1}
    for _ in range(levels):
        node = {"x": node}
    return node


def _cyclic() -> dict[str, Any]:
    node: dict[str, Any] = {"x": 1}
    node["self"] = node
    return node


def _p(**basics: Any) -> dict[str, Any]:
    profile = copy.deepcopy(PROFILE)
    profile["basics"].update(basics)
    return profile


@dataclass
class Case:
    id: str
    call: Callable[[SimpleNamespace], Any]
    kind: str = "ResumekitError"
    field: str | None = None          # a problem's field path must match this


CASES = [
    # load_profile: values that are not a profile at all
    Case("load_profile-int", lambda g: g.rk.load_profile(42)),
    Case("load_profile-None", lambda g: g.rk.load_profile(None)),
    Case("load_profile-bytes", lambda g: g.rk.load_profile(b"bytes")),
    Case("load_profile-float", lambda g: g.rk.load_profile(3.5)),
    Case("load_profile-bool", lambda g: g.rk.load_profile(True)),
    Case("load_profile-object", lambda g: g.rk.load_profile(object())),
    Case("load_profile-empty-list", lambda g: g.rk.load_profile([])),
    Case("load_profile-list-of-mapping", lambda g: g.rk.load_profile([copy.deepcopy(PROFILE)])),
    Case("load_profile-path-with-nul", lambda g: g.rk.load_profile("pro\x00file.yaml")),
    Case("load_profile-missing-file", lambda g: g.rk.load_profile("/nonexistent/profile.yaml")),
    Case("load_profile-directory", lambda g: g.rk.load_profile(g.tmp)),
    # load_profile: mappings with bad content
    Case("load_profile-int-key", lambda g: g.rk.load_profile({1: "x"}), "ProfileError"),
    Case("load_profile-nested-int-key", lambda g: g.rk.load_profile({**PROFILE, "meta": {1: "x"}}), "ProfileError"),
    Case("load_profile-nul-in-name", lambda g: g.rk.load_profile({"basics": {"name": "a\x00b"}}),
         "ProfileError", "name"),
    Case("load_profile-bel-in-name", lambda g: g.rk.load_profile(_p(name="a\x07b")), "ProfileError", "name"),
    Case("load_profile-ansi-escape-in-name", lambda g: g.rk.load_profile(_p(name="a\x1b[31mb")),
         "ProfileError", "name"),
    Case("load_profile-bytes-name", lambda g: g.rk.load_profile(_p(name=b"Alex")), "ProfileError", "name"),
    Case("load_profile-nan-name", lambda g: g.rk.load_profile(_p(name=float("nan"))), "ProfileError", "name"),
    Case("load_profile-object-value", lambda g: g.rk.load_profile(_p(label=object())), "ProfileError", "label"),
    Case("load_profile-basics-is-list", lambda g: g.rk.load_profile({"basics": ["Alex"]}), "ProfileError",
         "basics"),
    Case("load_profile-impossible-date", lambda g: g.rk.load_profile({"work": [{"name": "X",
                                                                                "startDate": "2020-02-30"}]}),
         "ProfileError", "startDate"),
    Case("load_profile-month-13", lambda g: g.rk.load_profile({"work": [{"name": "X", "startDate": "2021-13"}]}),
         "ProfileError", "startDate"),
    Case("load_profile-deep-mapping", lambda g: g.rk.load_profile({**PROFILE, "meta": _deep(5000)}),
         "ProfileError"),
    Case("load_profile-cyclic-mapping", lambda g: g.rk.load_profile({**PROFILE, "meta": _cyclic()}),
         "ProfileError"),
    # load_target
    Case("load_target-float", lambda g: g.rk.load_target(3.5)),
    Case("load_target-None", lambda g: g.rk.load_target(None)),
    Case("load_target-list", lambda g: g.rk.load_target([])),
    Case("load_target-missing-file", lambda g: g.rk.load_target("/nonexistent/job.yaml")),
    Case("load_target-int-key", lambda g: g.rk.load_target({1: 2}), "TargetError"),
    Case("load_target-impossible-date", lambda g: g.rk.load_target({**TARGET, "date": "2025-02-30"}),
         "TargetError", "date"),
    Case("load_target-unknown-area", lambda g: g.rk.load_target({**TARGET, "emphasize": ["leadershp"]}),
         "TargetError", "emphasize"),
    Case("load_target-nul-in-title", lambda g: g.rk.load_target({**TARGET, "title": "a\x00b"}),
         "TargetError", "title"),
    # load_feedback
    Case("load_feedback-list", lambda g: g.rk.load_feedback([])),
    Case("load_feedback-int", lambda g: g.rk.load_feedback(42)),
    Case("load_feedback-None", lambda g: g.rk.load_feedback(None)),
    Case("load_feedback-missing-file", lambda g: g.rk.load_feedback("/nonexistent/feedback.yaml")),
    Case("load_feedback-int-key", lambda g: g.rk.load_feedback({1: "x"}), "FeedbackError"),
    Case("load_feedback-applications-string", lambda g: g.rk.load_feedback({"applications": "x"}),
         "FeedbackError", "applications"),
    Case("load_feedback-impossible-date", lambda g: g.rk.load_feedback(
        {"applications": [{"id": "a", "employer": "Acme", "rejected": "2025-02-30"}]}), "FeedbackError", "rejected"),
    # apply_feedback
    Case("apply_feedback-str-feedback", lambda g: g.rk.apply_feedback(g.profile, "x")),
    Case("apply_feedback-int-feedback", lambda g: g.rk.apply_feedback(g.profile, 42)),
    Case("apply_feedback-str-profile", lambda g: g.rk.apply_feedback("x", g.feedback)),
    Case("apply_feedback-profile-as-feedback", lambda g: g.rk.apply_feedback(g.profile, g.profile)),
    # tailor
    Case("tailor-strings", lambda g: g.rk.tailor("x", "y")),
    Case("tailor-str-target", lambda g: g.rk.tailor(g.profile, "y")),
    Case("tailor-None-profile", lambda g: g.rk.tailor(None, g.target)),
    Case("tailor-feedback-as-target", lambda g: g.rk.tailor(g.profile, g.feedback)),
    # render
    Case("render-int-path", lambda g: g.rk.render(g.profile, 123)),
    Case("render-None-path", lambda g: g.rk.render(g.profile, None)),
    Case("render-unknown-suffix", lambda g: g.rk.render(g.profile, g.tmp / "out.xyz")),
    Case("render-no-suffix", lambda g: g.rk.render(g.profile, g.tmp / "resume")),
    Case("render-poster-pdf", lambda g: g.rk.render(g.profile, g.tmp / "out.pdf", document="poster")),
    Case("render-poster-docx", lambda g: g.rk.render(g.profile, g.tmp / "out.docx", document="poster")),
    Case("render-int-document", lambda g: g.rk.render(g.profile, g.tmp / "out.pdf", document=42)),
    Case("render-str-profile", lambda g: g.rk.render("x", g.tmp / "out.pdf")),
    Case("render-target-as-profile", lambda g: g.rk.render(g.target, g.tmp / "out.docx")),
    Case("render-parent-is-a-file", lambda g: (g.tmp / "file.txt").write_text("x")
         and g.rk.render(g.profile, g.tmp / "file.txt" / "out.docx")),
    # build
    Case("build-int", lambda g: g.rk.build(42)),
    Case("build-list", lambda g: g.rk.build(["resumekit.yaml"])),
    Case("build-missing-config", lambda g: g.rk.build("/nonexistent/resumekit.yaml")),
    Case("build-path-with-nul", lambda g: g.rk.build("resu\x00mekit.yaml")),
    Case("build-empty-directory", lambda g: g.rk.build(g.tmp)),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_value_raises_a_resumekit_error(case: Case, good: SimpleNamespace) -> None:
    exc = clean_error(lambda: case.call(good), case.kind)
    assert str(exc).strip(), "the error has no message"
    if case.field is not None:
        problem_with(exc, case.field)


# --- errors in files, through the API: located ----------------------------------------------


def test_load_profile_file_impossible_date_is_located(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text("basics:\n  name: Alex Rivera\nwork:\n  - name: Valley\n    startDate: 2020-02-30\n",
                    encoding="utf-8")
    problem_with(clean_error(lambda: rk().load_profile(path), "ProfileError"), "startDate", line=5)


def test_load_profile_file_impossible_tag_is_located(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text("basics:\n  name: Alex Rivera\n  label: !!bool maybe\n", encoding="utf-8")
    problem_with(clean_error(lambda: rk().load_profile(path), "ProfileError"), line=3)


def test_load_target_file_latin1_is_located(tmp_path: Path) -> None:
    path = tmp_path / "job.yaml"
    path.write_bytes(b"title: Logistics Supervisor\ncompany: Caf\xe9 Supply\n")
    exc = clean_error(lambda: rk().load_target(path), "TargetError")
    problem_with(exc, line=2)
    assert any(getattr(p, "column", None) == 13 for p in exc.problems), [str(p) for p in exc.problems]


def test_load_feedback_file_duplicate_key_is_located(tmp_path: Path) -> None:
    path = tmp_path / "feedback.yaml"
    path.write_text("applications:\n  - id: a\n    employer: Acme\n    employer: Globex\n", encoding="utf-8")
    exc = clean_error(lambda: rk().load_feedback(path), "FeedbackError")
    problem_with(exc, line=4)
    assert re.search(r"duplicate|twice|more than once", str(exc), re.I), str(exc)


def test_build_config_impossible_tag_is_located(tmp_path: Path) -> None:
    config = tmp_path / "resumekit.yaml"
    config.write_text("profile: profile.yaml\noutput: !!bool maybe\n", encoding="utf-8")
    (tmp_path / "profile.yaml").write_text("basics:\n  name: Alex Rivera\n", encoding="utf-8")
    problem_with(clean_error(lambda: rk().build(config), "ConfigError"), line=2)


# --- the error classes -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["BuildError", "UsageError"])
def test_error_class_is_public(name: str) -> None:
    r = rk()
    cls = getattr(r, name, None)
    assert cls is not None, f"resumekit.{name} is not importable"
    assert issubclass(cls, r.ResumekitError)
    assert name in getattr(r, "__all__", ()), f"{name} is not in resumekit.__all__"


# --- text too long for any page: wrapped, never clipped -------------------------------------

UNIT = "Wolfeschlegel"


def _long(chars: int) -> str:
    return (UNIT * (chars // len(UNIT) + 1))[:chars]


def _units(text: str) -> int:
    return re.sub(r"[\s\-\u00ad\u200b]", "", text).count(UNIT)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(path)
    assert len(reader.pages) >= 1
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _render(profile: dict[str, Any], path: Path) -> Path:
    r = rk()
    with deadline():
        loaded = r.load_profile(profile)
        written = r.render(loaded, path, document="resume")
    written = Path(written)
    assert written.is_file(), written
    return written


@pytest.mark.parametrize("chars", [241, 5000])
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_long_name_is_wrapped_not_clipped(chars: int, fmt: str, tmp_path: Path) -> None:
    name = _long(chars)
    written = _render(_p(name=name), tmp_path / f"resume.{fmt}")
    text = _pdf_text(written) if fmt == "pdf" else _docx_text(written)
    expected = chars // len(UNIT)
    assert _units(text) >= 0.9 * expected, (_units(text), expected)


def test_megabyte_word_is_refused_as_a_profile_error() -> None:
    profile = copy.deepcopy(PROFILE)
    profile["work"][0]["highlights"] = [_long(1_000_000)]
    with deadline(), pytest.raises(rk().ProfileError, match="1,000,000 characters"):
        rk().load_profile(profile)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_long_word_is_wrapped_not_clipped(fmt: str, tmp_path: Path) -> None:
    word = _long(9_000)
    profile = copy.deepcopy(PROFILE)
    profile["work"][0]["highlights"] = [word]
    written = _render(profile, tmp_path / f"resume.{fmt}")
    text = _pdf_text(written) if fmt == "pdf" else _docx_text(written)
    expected = len(word) // len(UNIT)
    assert _units(text) >= 0.9 * expected, (_units(text), expected)
