"""Benchmark: reading one plan with 300 rows on every sheet.

Compares xl_plans.read_plan (typed, addressed, tolerant) with a baseline in the same run:
openpyxl read-only loading every cell value (what a naive reader does, with none of the work).

    python benchmarks/bench_read.py [ROWS]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import openpyxl
from synthetic import median_time, write_plan

from xl_plans.reader import read_plan


def naive(path: Path) -> int:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for sheet in book for row in sheet.iter_rows(values_only=True) for _ in row)
    book.close()
    return count


def main(rows: int = 300) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_plan(Path(folder) / "plan.xlsx", rows)
        plan = read_plan(path)
        ours = median_time(lambda _: read_plan(path))
        base = median_time(lambda _: naive(path))
    print(f"plan: {rows} rows per sheet, {len(plan.kpis)} KPIs, {len(plan.risks)} risks")
    print(f"read_plan (xl_plans):          {ours * 1000:7.1f} ms (median of 7)")
    print(f"openpyxl read-only, values:    {base * 1000:7.1f} ms (median of 7)")
    print(f"ratio baseline / ours:         {base / ours:7.2f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
