"""Two trees of resumekit side by side: cold builds of one target, alternating, on one copy
of a project, so both build the same thing on the same machine in the same minutes.

    git worktree add /tmp/before a84e1fc
    python tests/compare.py /tmp/before [--target acme-lead] [--runs 7]

Not a test module. It copies the *before* tree's ``profiles/`` (so both trees build what
the older one knows), runs ``python -m resumekit.cli build --target T`` as a whole, fresh
process with ``PYTHONPATH`` set to each tree in turn (reversing the order every other
round), drops the first round (disk cache, bytecode), and prints the medians of wall-clock
and CPU seconds and the ratio after / before. The interpreter must have both trees'
dependencies installed.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def _once(tree: Path, config: Path, target: str) -> tuple[float, float]:
    shutil.rmtree(config.parent / "out", ignore_errors=True)
    env = dict(os.environ, PYTHONPATH=str(tree), SOURCE_DATE_EPOCH="1768435200")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "resumekit.cli", "build", "-c", str(config), "--target", target],
                   check=True, capture_output=True, cwd=tempfile.gettempdir(), env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path, help="the older tree (a git worktree)")
    parser.add_argument("--after", type=Path, default=HERE, help="the newer tree (default: this one)")
    parser.add_argument("--target", default="acme-lead")
    parser.add_argument("--runs", type=int, default=7, help="rounds, the first dropped (default: 7)")
    args = parser.parse_args()
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    with tempfile.TemporaryDirectory() as work:
        shutil.copytree(trees["before"] / "profiles", Path(work) / "p", ignore=shutil.ignore_patterns("out"))
        config = Path(work) / "p" / "resumekit.yaml"
        wall: dict[str, list[float]] = {k: [] for k in trees}
        cpu: dict[str, list[float]] = {k: [] for k in trees}
        for round_ in range(args.runs):
            order = list(trees.items()) if round_ % 2 == 0 else list(reversed(trees.items()))
            for name, tree in order:
                seconds, used = _once(tree, config, args.target)
                if round_:
                    wall[name].append(seconds)
                    cpu[name].append(used)
    for name in trees:
        print(f"{name} ({trees[name]}): wall median {statistics.median(wall[name]):.2f} s "
              f"(min {min(wall[name]):.2f}), CPU median {statistics.median(cpu[name]):.2f} s")
    print(f"after / before: wall {statistics.median(wall['after']) / statistics.median(wall['before']):.2f}, "
          f"CPU {statistics.median(cpu['after']) / statistics.median(cpu['before']):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
