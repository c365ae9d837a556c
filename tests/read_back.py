"""Read every built document back with every extractor and print how much of its strings
each recovers verbatim and in order (issue 12): a figure, not a test.

    python tests/read_back.py                 # the example project and an init project
    python tests/read_back.py --theme compact --show pdfminer

Each row is one document and one extractor: the share of the document's strings found in
order, and the first strings missing or out of order.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.reading import DOCX_READERS, PDF_READERS, available, built_documents, read, recovery  # noqa: E402


def build_with_theme(config: Path, theme: str | None) -> list[tuple[Path, list[str]]]:
    """Build the project of ``config`` (in ``theme`` if given) and return its documents."""
    from resumekit.building.run import build

    if theme:
        text = config.read_text(encoding="utf-8")
        config.write_text("\n".join(line for line in text.splitlines() if not line.startswith("theme:"))
                          + f"\ntheme: {theme}\n", encoding="utf-8")
    build(config)
    return built_documents(config)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--theme", help="build with this theme instead of the project's")
    parser.add_argument("--show", metavar="READER", help="print the text this extractor reads")
    parser.add_argument("--only", metavar="NAME", help="only documents whose path holds NAME")
    parser.add_argument("--readers", metavar="R,R", help="only these extractors (pdfminer,pypdf,...)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        shutil.copytree(ROOT / "profiles", home / "example", ignore=shutil.ignore_patterns("out"))
        subprocess.run([sys.executable, "-m", "resumekit.cli", "init", str(home / "init")], check=True,
                       capture_output=True)
        worst: dict[str, float] = {}
        for config in (home / "example" / "resumekit.yaml", home / "init" / "resumekit.yaml"):
            for path, strings in build_with_theme(config, args.theme):
                if args.only and args.only not in str(path):
                    continue
                readers = PDF_READERS if path.suffix == ".pdf" else DOCX_READERS
                print(f"\n{path.relative_to(home)} ({len(strings)} strings)")
                for name in readers:
                    if args.readers and name not in args.readers.split(","):
                        continue
                    if not available(name):
                        print(f"  {name:17} not installed")
                        continue
                    text = read(name, path)
                    got = recovery(text, strings)
                    worst[name] = min(worst.get(name, 1.0), got.in_order_share)
                    lost = [f"missing {s[:40]!r}" for s in got.missing[:2]]
                    lost += [f"late {s[:40]!r}" for s in got.out_of_order[:2]]
                    print(f"  {name:17} {got.in_order_share:7.1%}  {'; '.join(lost)}")
                    if args.show == name:
                        print(text)
        print("\nworst share per extractor:")
        for name, share in worst.items():
            print(f"  {name:17} {share:7.1%}")


if __name__ == "__main__":
    main()
