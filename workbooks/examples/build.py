"""Build the example plan workbooks from their transcriptions in source/.

Each module in source/ transcribes one real council service plan (../shared/seeds/) as the
values an officer would type, sheet by sheet and header by header. This script writes each one
into the xl_plans template as workbooks/examples/<module name>.xlsx:

    python workbooks/examples/build.py

The transcriptions are the reviewable text; the workbooks are regenerated from them.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from xl_plans.reader import plan_from_tables
from xl_plans.template import save_workbook, tables_workbook

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"


def sources() -> list[ModuleType]:
    """The transcription modules, in name order."""
    modules = []
    for path in sorted(SOURCE.glob("*.py")):
        if path.name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location(f"xl_plans_examples.{path.stem}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules.append(module)
    return modules


def build(out_dir: Path = HERE) -> list[Path]:
    written = []
    for module in sources():
        name = module.__name__.rsplit(".", 1)[-1]
        plan_from_tables(module.PLAN)  # raises on a sheet or header the template does not have
        target = out_dir / f"{name}.xlsx"
        save_workbook(tables_workbook(module.PLAN), target, overwrite=True)
        written.append(target)
    return written


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for path in build(out):
        print(path)
