"""Benchmark: a plan's status, computed and written, for a plan with 300 rows on every sheet.

Times each step separately (median of 7 runs): reading the plan (for context), computing the
status (plan_status), writing the Status sheet to a new workbook, and adding it to the plan in
place (feature check, backup, openpyxl load and save, read-back check). The goal: computing and
writing the Status sheet well under a second.

    python benchmarks/bench_status.py [ROWS]
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

from synthetic import median_time, write_plan

from xl_plans.policy import default_policy
from xl_plans.reader import read_plan
from xl_plans.saving import Fingerprint
from xl_plans.status import plan_status
from xl_plans.status_sheet import write_status_file, write_status_in_place

TODAY = dt.date(2023, 10, 15)


def main(rows: int = 300) -> None:
    policy = default_policy()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = write_plan(folder / "plan.xlsx", rows)
        plan = read_plan(path)
        status = plan_status(plan, "Q2", policy, TODAY)

        read = median_time(lambda run: read_plan(path))
        compute = median_time(lambda run: plan_status(plan, "Q2", policy, TODAY))
        new_file = median_time(lambda run: write_status_file(status, path,
                                                       folder / f"status {run}.xlsx"))

        copies = [shutil.copyfile(path, folder / f"copy {run}.xlsx") for run in range(7)]

        def in_place(run: int) -> None:
            target = copies[run]
            write_status_in_place(status, target, Fingerprint.of(target))

        place = median_time(in_place)
    print(f"plan: {rows} rows per sheet: {len(plan.kpis)} KPIs, {len(plan.risks)} risks, "
          f"{len(plan.priorities)} priority outcomes, {len(plan.milestones)} milestones, "
          f"{len(plan.contracts)} contracts")
    print(f"read_plan (for context):              {read * 1000:7.1f} ms")
    print(f"plan_status (compute):                {compute * 1000:7.1f} ms")
    print(f"Status sheet to a new workbook:       {new_file * 1000:7.1f} ms")
    print(f"compute + write a new workbook:       {(compute + new_file) * 1000:7.1f} ms")
    print(f"Status sheet into the plan, in place: {place * 1000:7.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
