"""Where a cold build of the general resume's PDF spends its CPU, step by step, in one process.

    python tests/phases.py [CONFIG] [--fonttools [--plain-subsetter]]

CONFIG defaults to the example project, profiles/resumekit.yaml. ``--fonttools`` cuts the
fonts as WeasyPrint does on a machine without HarfBuzz's subsetter (with fontTools), and
``--plain-subsetter`` with fontTools' own subsetter, as before resumekit gave WeasyPrint
one that drops the tables it would drop before reading them.

Not a test module. Each step is timed with ``time.process_time()`` as it first runs in a
fresh interpreter (start it fresh for each reading), then the layout and the writing once
more, warm, as ``watch`` pays them. Starting the interpreter itself (about 0.05 s) is
not counted.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

STEPS: list[tuple[str, float]] = [("start", time.process_time())]


def step(name: str) -> None:
    STEPS.append((name, time.process_time()))


def main() -> int:
    given = [a for a in sys.argv[1:] if not a.startswith("--")]
    config = Path(given[0]) if given else Path(__file__).parents[1] / "profiles" / "resumekit.yaml"
    import argparse  # noqa: F401
    import yaml  # noqa: F401
    step("argparse and PyYAML")
    import pydantic  # noqa: F401
    step("pydantic")
    import resumekit.building.run  # noqa: F401
    import resumekit.loading  # noqa: F401
    step("resumekit's modules (pydantic builds the models' validators)")
    from resumekit.rendering.weasy import weasyprint

    weasyprint()
    step("WeasyPrint (cffi reads Pango's, HarfBuzz's and fontconfig's declarations)")
    if "--fonttools" in sys.argv:
        from weasyprint.pdf import fonts

        fonts.harfbuzz_subset = None  # as on a machine without the subsetter
        if "--plain-subsetter" in sys.argv:
            from fontTools import subset

            fonts.subset = subset
    from resumekit.building.plan import options_for, plan_target
    from resumekit.building.project import load_project
    from resumekit.documents import build_resume
    from resumekit.rendering import pdf

    project = load_project(config, False, keep_going=True)
    step("load and validate the config and the profile")
    resume = build_resume(plan_target(project, None).profile, options_for(project, None))
    step("the general resume's content")
    html, _ = pdf._html_and_key(resume, project.theme, project.root)
    step("its HTML (Jinja2 compiles the templates)")
    pdf._font_config()
    step("WeasyPrint's font configuration")
    laid_out = pdf._lay_out(html, project.theme, project.root)
    step("lay it out, the first time in the process (cffi types, fonts)")
    pdf._written(laid_out)
    step("write the PDF: paint, tag (PDF/UA), subset the fonts, compress")
    first = STEPS[-1][1] - STEPS[0][1]
    laid_out = pdf._lay_out(html, project.theme, project.root)
    step("lay it out again (warm)")
    pdf._written(laid_out)
    step("write it again (warm)")
    for (_, before), (name, after) in zip(STEPS, STEPS[1:]):
        print(f"{name:<75} {after - before:6.3f}")
    print(f"{'to the first PDF, CPU seconds':<75} {first:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
