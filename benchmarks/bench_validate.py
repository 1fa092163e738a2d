"""Benchmark: validating one plan with 500 rows on every sheet (aim: under half a second).

The synthetic plan is messy on purpose (text targets, "-" actuals, passed review dates), so the
report has hundreds of issues and every check does real work. Prints the time for the whole
validate(path) (reading included) and for the checks alone (validate of a PlanRead).

    python benchmarks/bench_validate.py [ROWS]
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

from synthetic import median_time, write_plan

from xl_plans.reader import read_workbook
from xl_plans.validation import validate

AIM_SECONDS = 0.5


def main(rows: int = 500) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_plan(Path(folder) / "plan.xlsx", rows)
        read = read_workbook(path)
        report = validate(path)
        whole = median_time(lambda _: validate(path))
        checks = median_time(lambda _: validate(read))
    print(f"plan: {rows} rows per sheet; {len(report.issues)} issues "
          f"({report.summary()})")
    print("most common: " + ", ".join(f"{code} {n}" for code, n in
                                      Counter(report.codes()).most_common(5)))
    print(f"validate(path), reading included: {whole * 1000:7.1f} ms (median of 7)")
    print(f"checks alone (validate(PlanRead)): {checks * 1000:7.1f} ms (median of 7)")
    verdict = "within" if whole < AIM_SECONDS else "OVER"
    print(f"aim {AIM_SECONDS * 1000:.0f} ms: {verdict}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
