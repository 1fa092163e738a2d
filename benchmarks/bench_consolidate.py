"""Benchmark: consolidating N synthetic plans (about 100 rows per sheet) against a naive loop.

In the same run it times:
- xl_plans: what `xl-plans consolidate FOLDER --quarter Q2 -o council.xlsx` does, in a child
  process: reading, validating and scoring every plan (timed as "plans"), then writing the
  summary workbook ("workbook"), with peak memory (the parent's and the largest worker's);
- the naive loop: one process loading each plan with openpyxl and touching every value, which
  is what a script written in an afternoon does, before any validation or scoring;
and reports both, the ratio, and the cost per plan at N/4, N/2 and N (is it linear?).

It also times a floor, the least any consolidation of these files can cost with this stack:
python-calamine (the fast reader) reading every cell of every plan into Python values, on all
cores, with nothing checked, scored or written. What is left of a time goal after the floor and
the workbook is what validating and scoring may cost, so the goal can be judged against it.

    python benchmarks/bench_consolidate.py [N]           # default N = 1000
    python benchmarks/bench_consolidate.py 1000 --naive-sample 200

Plans are generated once per N into a cache folder (synthetic.py, 10 distinct plans copied
with their service renamed, so no two are duplicates). `--naive-sample K` times the naive loop
on K plans and scales it up, saying so, when the full naive loop would take too long.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import openpyxl
import python_calamine
from synthetic import write_plan

HERE = Path(__file__).resolve().parent
CACHE = Path(tempfile.gettempdir()) / "xl_plans_bench"
ROWS = 100
DISTINCT = 10


def plans_folder(n: int) -> Path:
    folder = CACHE / f"plans_{n}"
    if folder.exists() and len(list(folder.glob("*.xlsx"))) == n:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    bases = [write_plan(CACHE / f"base_{i}.xlsx", ROWS, seed=i, service=f"SERVICE-{i:02d}")
             for i in range(DISTINCT)]
    for n_plan in range(n):
        base = bases[n_plan % DISTINCT]
        renamed(base, folder / f"plan_{n_plan:05d}.xlsx",
                f"SERVICE-{n_plan % DISTINCT:02d}", f"Service {n_plan:05d}")
    return folder


def renamed(source: Path, target: Path, old: str, new: str) -> None:
    """A copy of a plan with its service renamed in the Plan sheet's XML."""
    with zipfile.ZipFile(source) as inp, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in inp.infolist():
            data = inp.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(old.encode(), new.encode())
            out.writestr(info, data)


def naive(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        book = openpyxl.load_workbook(path)
        for sheet in book:
            for row in sheet.iter_rows(values_only=True):
                for _value in row:
                    pass
    return time.perf_counter() - start


def _read_cells(path: Path) -> int:
    with path.open("rb") as handle:
        book = python_calamine.CalamineWorkbook.from_filelike(handle)
    cells = 0
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).to_python(skip_empty_area=False):
            cells += len(row)
    book.close()
    return cells


def floor(files: list[Path]) -> float:
    """Seconds for calamine alone to read every cell of `files`, one process per core."""
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
        sum(pool.map(_read_cells, files, chunksize=16))
    return time.perf_counter() - start


def ours(folder: Path, out: Path) -> dict[str, float]:
    """Run the consolidation in a child process that reports its own time and memory: the
    library calls behind `xl-plans consolidate FOLDER --quarter Q2 -o council.xlsx`, timed
    separately (reading, validating and scoring every plan; then writing the workbook)."""
    code = (
        "import datetime as dt, json, resource, sys, time\n"
        "from pathlib import Path\n"
        "from xl_plans.consolidate import consolidate\n"
        "from xl_plans.council_summary import write_summary\n"
        "start = time.perf_counter()\n"
        "result = consolidate([sys.argv[1]], 'Q2', today=dt.date(2023, 10, 15))\n"
        "read = time.perf_counter() - start\n"
        "write_summary(result, Path(sys.argv[2]))\n"
        "seconds = time.perf_counter() - start\n"
        "me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps({'seconds': seconds, 'plans_s': read, 'write_s': seconds - read,"
        " 'parent_mb': me, 'worker_mb': kids, 'used': len(result.used)}))\n"
    )
    out.unlink(missing_ok=True)
    done = subprocess.run([sys.executable, "-c", code, str(folder), str(out)],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if not out.exists() or result["used"] != len(list(folder.glob("*.xlsx"))):
        raise SystemExit(f"consolidation failed:\n{done.stdout}")
    return result  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=1000)
    parser.add_argument("--naive-sample", type=int, default=0,
                        help="time the naive loop on this many plans and scale up")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; plans of {ROWS} rows per sheet")
    folder = plans_folder(args.n)
    files = sorted(folder.glob("*.xlsx"))
    with tempfile.TemporaryDirectory() as tmp:
        scale = []
        for part in sorted({max(1, args.n // 4), max(1, args.n // 2), args.n}):
            sub = folder if part == args.n else plans_folder(part)
            result = ours(sub, Path(tmp) / f"council_{part}.xlsx")
            scale.append((part, result))
            print(f"xl_plans  N={part:5d}: {result['seconds']:7.2f} s "
                  f"({1000 * result['seconds'] / part:5.1f} ms/plan: plans "
                  f"{result['plans_s']:.2f} s, workbook {result['write_s']:.2f} s), "
                  f"peak memory parent {result['parent_mb']:.0f} MB, "
                  f"largest worker {result['worker_mb']:.0f} MB")
        sample = files[: args.naive_sample] if args.naive_sample else files
        naive_seconds = naive(sample) * len(files) / len(sample)
        how = "" if len(sample) == len(files) else f" (timed on {len(sample)}, scaled)"
        print(f"naive     N={args.n:5d}: {naive_seconds:7.2f} s{how} "
              f"({1000 * naive_seconds / args.n:5.1f} ms/plan)")
        full = scale[-1][1]
        print(f"ratio naive / xl_plans: {naive_seconds / full['seconds']:.1f}x")
        least = floor(files)
        cores = os.cpu_count() or 1
        beyond = cores * (full["plans_s"] - least)  # core-seconds spent beyond reading cells
        print(f"floor     N={args.n:5d}: {least:7.2f} s: calamine alone reading every cell on "
              f"{cores} cores; beyond it, validating and scoring take about "
              f"{1000 * beyond / args.n:.1f} core-ms a plan")
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(benchmark process itself: {me:.0f} MB)")


if __name__ == "__main__":
    main()
