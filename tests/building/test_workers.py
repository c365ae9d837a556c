"""Targets in parallel (a process pool, any executor, Dask), one bad target failing alone, many projects."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import resumekit
import resumekit.building.workers as workers

from ..build_fixtures import ACME, GLOBEX, SUMMARY, built_targets, cli_env, docx_text, edit, small_project
from ..helpers import PROFILES, copy_project, run_cli, snapshot

INITECH = "title: Analyst\ncompany: Initech\n"
BROKEN = "title: Analyst\ncompany: Hooli\npages: zero\n"


def three_targets(root: Path, **config) -> Path:
    """The small project with a third target."""
    return small_project(root, targets={"acme.yaml": ACME, "globex.yaml": GLOBEX, "initech.yaml": INITECH},
                         **config)


class RecordingPool(ProcessPoolExecutor):
    """A process pool that remembers what it was asked to run."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.submitted: list[tuple] = []

    def submit(self, fn, /, *args, **kwargs):
        self.submitted.append((fn.__name__, *args))
        return super().submit(fn, *args, **kwargs)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The three-target project built in this process (``jobs=1``): the files to match."""
    config = three_targets(tmp_path_factory.mktemp("batch") / "reference")
    result = resumekit.build(config, jobs=1)
    assert result.ok and built_targets(result) == {"acme", "globex", "initech"}
    return snapshot(config.parent / "out")


def test_two_jobs_give_the_same_files_as_one(reference, tmp_path, monkeypatch):
    pools = []
    real = workers.process_pool

    def spy(workers, *args, **kwargs):
        pools.append(workers)
        return real(workers, *args, **kwargs)

    monkeypatch.setattr(workers, "process_pool", spy)
    seen = []
    config = three_targets(tmp_path / "project")
    result = resumekit.build(config, jobs=2, progress=lambda done, total, tid: seen.append((done, total, tid)))
    assert result.ok
    assert pools == [2], "the targets were built on a pool of two processes"
    assert [done for done, _, _ in seen] == [1, 2, 3] and {total for _, total, _ in seen} == {3}
    assert sorted(tid for _, _, tid in seen) == ["acme", "globex", "initech"]
    assert snapshot(config.parent / "out") == reference
    assert resumekit.build(config, jobs=2).built == []


def test_an_explicit_process_pool_gives_the_same_files(reference, tmp_path):
    config = three_targets(tmp_path / "project")
    with RecordingPool(2) as pool:
        result = resumekit.build(config, executor=pool)
    assert result.ok
    assert sorted(args[3] for args in pool.submitted) == ["acme", "globex", "initech"]
    assert {args[0] for args in pool.submitted} == {"build_one"}
    assert snapshot(config.parent / "out") == reference


def test_a_pool_kept_across_builds_sees_the_edits(tmp_path):
    """A careers office keeps one pool for the day; its workers must not build from stale files."""
    config = three_targets(tmp_path / "project", formats=["docx"])
    with ProcessPoolExecutor(2) as pool:
        resumekit.build(config, executor=pool)
        edit(config.parent / "profile.yaml", SUMMARY, "Analyst who ships decisions, not dashboards.")
        result = resumekit.build(config, executor=pool)
        assert built_targets(result) == {"acme", "globex", "initech"}
        for target in ("acme", "globex", "initech"):
            text = docx_text(config.parent / "out" / target / "Jane-Doe-Resume.docx")
            assert "Analyst who ships decisions, not dashboards." in text, target
        # ... and a target file edited between builds, with the config untouched.
        edit(config.parent / "targets" / "initech.yaml", "title: Analyst", "title: Principal Analyst")
        result = resumekit.build(config, executor=pool)
        assert built_targets(result) == {"initech"}
        assert "Principal Analyst" in docx_text(config.parent / "out" / "initech" / "Jane-Doe-Cover-Letter.docx")


def test_the_example_builds_in_parallel_to_the_same_files(example_build, tmp_path):
    root = copy_project(PROFILES, tmp_path / "example")
    result = resumekit.build(root / "resumekit.yaml", jobs=2)
    assert result.ok and result.warnings == []
    for target in sorted(p.stem for p in (root / "targets").glob("*.yaml")):
        assert snapshot(root / "out" / target) == snapshot(example_build.out / target), target


# --- one bad target -----------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_bad_target_fails_alone_with_its_place(tmp_path, jobs):
    config = three_targets(tmp_path / "project", formats=["docx"])
    (config.parent / "targets" / "hooli.yaml").write_text(BROKEN)
    result = resumekit.build(config, jobs=jobs)
    assert not result.ok
    assert [f.target for f in result.failures] == ["hooli"]
    problem = result.failures[0].error.problems[0]
    assert (Path(problem.file).name, problem.line) == ("hooli.yaml", 3)
    assert problem.column is not None and problem.field == "pages"
    assert built_targets(result) == {"acme", "globex", "initech"}
    assert not (config.parent / "out" / "hooli").exists()


def test_the_command_line_prints_the_bad_target_and_exits_1(tmp_path):
    config = three_targets(tmp_path / "project", formats=["docx"])
    (config.parent / "targets" / "hooli.yaml").write_text(BROKEN)
    run = run_cli("build", "-c", str(config), "-j", "2")
    assert run.returncode == 1
    assert "target 'hooli' was not built" in run.stderr
    assert "hooli.yaml:3:" in run.stderr and "pages" in run.stderr
    assert "Traceback" not in run.stderr
    assert "built 9 files" in run.stdout and "1 target(s) failed" in run.stdout
    for target in ("acme", "globex", "initech"):
        assert (config.parent / "out" / target / "Jane-Doe-Resume.docx").is_file()


# --- many projects ------------------------------------------------------------------------------


@pytest.fixture
def three_projects(tmp_path: Path) -> list[Path]:
    """Two good projects (one with targets, one without) and one with a broken profile."""
    good = small_project(tmp_path / "jane", formats=["docx"])
    general = small_project(tmp_path / "solo", formats=["docx"], targets={}, feedback=False)
    broken = small_project(tmp_path / "broken", formats=["docx"], feedback=False, targets={})
    edit(broken.parent / "profile.yaml", "startDate: 2022-03", "startDate: March 2022")
    return [good, general, broken]


def _check_three(results: dict[str, resumekit.BuildResult], configs: list[Path]) -> None:
    assert list(results) == [str(c.resolve()) for c in configs]
    good, general, broken = (results[str(c.resolve())] for c in configs)
    assert good.ok and built_targets(good) == {"acme", "globex"}
    assert general.ok and built_targets(general) == {"general"}
    assert not broken.ok and broken.outputs == []
    problem = broken.failures[0].error.problems[0]
    assert Path(problem.file).name == "profile.yaml" and problem.line is not None
    assert "startDate" in problem.field


def test_build_many_returns_each_projects_result(three_projects):
    _check_three(resumekit.build_many(three_projects, jobs=2), three_projects)
    assert all(r.built == [] for r in resumekit.build_many(three_projects[:2], jobs=2).values())


def test_build_many_on_an_explicit_executor(three_projects):
    with RecordingPool(2) as pool:
        results = resumekit.build_many(three_projects, executor=pool)
    _check_three(results, three_projects)
    assert len(pool.submitted) == 3


def test_build_many_reports_a_missing_config(tmp_path, three_projects):
    missing = tmp_path / "nowhere" / "resumekit.yaml"
    results = resumekit.build_many([three_projects[0], missing], jobs=1)
    assert results[str(missing.resolve())].failures
    assert results[str(three_projects[0].resolve())].ok


# --- Dask -----------------------------------------------------------------------------------------

DASK_SCRIPT = """\
import json, sys
from distributed import Client, LocalCluster
import resumekit

if __name__ == "__main__":
    with LocalCluster(processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            result = resumekit.build(sys.argv[1], executor=client.get_executor())
            workers = len(client.scheduler_info()["workers"])
    print(json.dumps({"built": len(result.built), "failures": [f.target for f in result.failures],
                      "targets": sorted({o.target for o in result.built}), "workers": workers}))
"""


def test_a_dask_cluster_builds_the_example_to_the_same_files(example_build, tmp_path):
    """In a fresh interpreter: a Dask cluster's threads must not linger in the test process."""
    pytest.importorskip("distributed")
    root = copy_project(PROFILES, tmp_path / "example")
    script = tmp_path / "build_on_dask.py"
    script.write_text(DASK_SCRIPT)
    run = subprocess.run([sys.executable, str(script), str(root / "resumekit.yaml")], cwd=tmp_path,
                         env=cli_env(), capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    targets = sorted(p.stem for p in (root / "targets").glob("*.yaml"))
    assert report["workers"] == 2
    assert report["failures"] == [] and report["targets"] == targets
    for target in targets:
        assert snapshot(root / "out" / target) == snapshot(example_build.out / target), target


DASK_MANY_SCRIPT = """\
import json, sys
from pathlib import Path
from distributed import Client, LocalCluster
import resumekit

if __name__ == "__main__":
    with LocalCluster(processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            results = resumekit.build_many(sys.argv[1:], executor=client.get_executor())
    report = {}
    for config, result in results.items():
        problems = [p for f in result.failures for p in getattr(f.error, "problems", [])]
        report[config] = {"ok": result.ok, "targets": sorted({o.target for o in result.built}),
                          "problems": [[Path(p.file).name, p.line, p.field] for p in problems]}
    print(json.dumps(report))
"""


def test_build_many_on_a_dask_cluster_gives_each_projects_result_and_errors(three_projects, tmp_path):
    """The careers office's case: many people's projects on a cluster, a broken one failing alone."""
    pytest.importorskip("distributed")
    script = tmp_path / "build_many_on_dask.py"
    script.write_text(DASK_MANY_SCRIPT)
    run = subprocess.run([sys.executable, str(script), *map(str, three_projects)], cwd=tmp_path,
                         env=cli_env(), capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    good, general, broken = (report[str(c.resolve())] for c in three_projects)
    assert good == {"ok": True, "targets": ["acme", "globex"], "problems": []}
    assert general == {"ok": True, "targets": ["general"], "problems": []}
    assert not broken["ok"] and broken["targets"] == []
    (name, line, field), = broken["problems"]
    assert name == "profile.yaml" and line is not None and "startDate" in field
