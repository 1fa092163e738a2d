"""Finding the plans of a batch, whatever the paths and folders hold: a FIFO, a link to nothing
or round in a loop, a name too long, a folder that cannot be read, a name that is not UTF-8.
Each is named with a stable code and a plain reason, the batch carries on, and nothing hangs.

Commands run in a child process under a timeout, so that a regression (a FIFO opened and
waited on for ever) fails the test instead of hanging the suite. Permission cases need a
process that permissions bind: as root, one started without the capabilities that override
them (setpriv); a test that cannot have one is skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from xl_plans.cli import main
from xl_plans.consolidate import FileState, consolidate
from xl_plans.files import excel_lock, find_plans
from xl_plans.template import save_workbook, tables_workbook
from xl_plans.validation import validate

TABLES: dict[str, Any] = {
    "Plan": {"Service": "Housing", "Plan Year": "2024/25", "Reporting Quarter": "Q1"},
    "KPIs": [{"Ref": "K1", "Indicator": "Homes built", "Polarity": "Higher is better",
              "Measure": "Snapshot", "Annual Target": 10, "Q1": 12, "Comment": "Ahead"}],
    "Budget": [{"Year": "2024/25", "Gross Budget": 1000, "Net Budget": 800, "FTE": 4}],
}
AS_OF = "2024-06-30"


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small plan with no issues."""
    path = tmp_path_factory.mktemp("base") / "plan.xlsx"
    save_workbook(tables_workbook(TABLES), path)
    assert validate(path, as_of=dt.date(2024, 6, 30)).issues == ()
    return path


def without_override() -> list[str]:
    """The command prefix for a child process that file permissions bind."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be made to bind")
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}"]


def child(code: str, *args: object, prefix: list[str] | None = None,
          timeout: int = 60) -> subprocess.CompletedProcess[str]:
    """Run Python `code` (arguments in sys.argv[1:]) in a child process. A child still running
    after `timeout` seconds fails the test (subprocess.TimeoutExpired)."""
    return subprocess.run([*(prefix or []), sys.executable, "-c", code, *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, check=False)


CLI = "import sys\nfrom xl_plans.cli import main\nsys.argv[0] = 'xl-plans'\nmain()\n"
CONSOLIDATE = (
    "import json, sys\n"
    "from xl_plans.consolidate import consolidate\n"
    "result = consolidate(sys.argv[2:], 'Q1', workers=int(sys.argv[1]))\n"
    "print(json.dumps([[r.file, r.state.value, r.code, r.reason] for r in result.results]))\n"
)


def cli(*args: object, prefix: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    result = child(CLI, *args, prefix=prefix)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def consolidated(*paths: Path, workers: int = 1,
                 prefix: list[str] | None = None) -> dict[str, tuple[str, str, str]]:
    """consolidate(paths) in a child process: file name -> (state, code, reason)."""
    result = child(CONSOLIDATE, workers, *paths, prefix=prefix)
    assert result.returncode == 0, result.stderr[-3000:]
    return {Path(file).name: (state, code, reason)
            for file, state, code, reason in json.loads(result.stdout)}


def validated(*paths: Path, prefix: list[str] | None = None) -> tuple[int, list[Any], str]:
    """`xl-plans validate --json` in a child process: exit code, reports, stderr."""
    result = cli("validate", "--json", "--as-of", AS_OF, *paths, prefix=prefix)
    return result.returncode, json.loads(result.stdout or "[]"), result.stderr


def issues(reports: list[Any]) -> dict[str, list[tuple[str, str]]]:
    """File name -> its issues' (code, message)."""
    return {Path(report["file"]).name: [(i["code"], i["message"]) for i in report["issues"]]
            for report in reports}


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A folder no one may list or enter, holding a plan; opened up again afterwards so that
    the test's folder can be removed."""
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "hidden_plan.xlsx").write_bytes(b"not reached")
    folder.chmod(0)
    yield folder
    folder.chmod(0o755)


# --------------------------------------------------------------------------- FIFOs


def test_a_fifo_is_never_opened_and_is_not_a_file(tmp_path: Path, plan: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(plan, folder / "housing.xlsx")
    os.mkfifo(folder / "pipe.xlsx")
    os.mkfifo(folder / "~$pipe.xlsx")  # a lock file's name: its owner is never read

    code, reports, stderr = validated(folder / "pipe.xlsx")
    assert code == 2 and issues(reports)["pipe.xlsx"][0][0] == "not-a-file"
    alone = cli("validate", folder / "~$pipe.xlsx")
    assert alone.returncode == 2 and "[not-a-file]" in alone.stderr

    code, reports, stderr = validated(folder)  # in a folder: listed, and the batch goes on
    assert code == 0 and issues(reports) == {"housing.xlsx": []}
    for name in ("pipe.xlsx", "~$pipe.xlsx"):
        assert f"Skipped {folder / name}: [not-a-file] {name}: this is a folder or a device" \
            in stderr

    summary = cli("summary", folder)
    assert summary.returncode == 0 and "1 plan(s) read, 0 unreadable or not plans, 2 skipped." in \
        summary.stdout
    results = consolidated(folder)
    assert {name: state[:2] for name, state in results.items()} == {
        "housing.xlsx": ("Consolidated", ""), "pipe.xlsx": ("Skipped", "not-a-file"),
        "~$pipe.xlsx": ("Skipped", "not-a-file")}
    assert results["pipe.xlsx"][2].startswith("pipe.xlsx: this is a folder or a device")


# --------------------------------------------------------------------------- named paths


def test_one_bad_path_on_the_command_line_does_not_stop_the_batch(tmp_path: Path,
                                                                  plan: Path) -> None:
    good = Path(shutil.copy(plan, tmp_path / "housing.xlsx"))
    loop = tmp_path / "loop.xlsx"
    os.symlink(tmp_path / "round.xlsx", loop)
    os.symlink(loop, tmp_path / "round.xlsx")
    long_name = tmp_path / ("x" * 300 + ".xlsx")
    dangling = tmp_path / "moved.xlsx"
    os.symlink(tmp_path / "elsewhere.xlsx", dangling)
    paths = [good, loop, long_name, dangling]

    found = find_plans(paths)
    assert found.files == paths and found.skipped == []  # each tried; reading says why

    code, reports, _ = validated(*paths)
    assert code == 2  # a named file that cannot be read
    found_issues = issues(reports)
    assert found_issues["housing.xlsx"] == []
    assert found_issues["loop.xlsx"] == [("file-unreadable", (
        "The file could not be opened for reading (it is a link that leads round in a loop)."))]
    (too_long,) = found_issues[long_name.name]
    assert too_long[0] == "file-unreadable" and "name is too long" in too_long[1]
    (moved,) = found_issues["moved.xlsx"]
    assert moved[0] == "file-not-found" and f"a link to {tmp_path / 'elsewhere.xlsx'}" in \
        moved[1]

    results = consolidated(*paths)
    assert results["housing.xlsx"][:2] == ("Consolidated", "")
    assert results["loop.xlsx"][:2] == ("Unreadable", "file-unreadable")
    assert results[long_name.name][:2] == ("Unreadable", "file-unreadable")
    assert results["moved.xlsx"][:2] == ("Unreadable", "file-not-found")


def test_a_named_file_in_a_folder_that_cannot_be_entered(tmp_path: Path, plan: Path,
                                                        locked: Path) -> None:
    prefix = without_override()
    good = Path(shutil.copy(plan, tmp_path / "housing.xlsx"))
    inside = locked / "hidden_plan.xlsx"
    code, reports, _ = validated(good, inside, prefix=prefix)
    assert code == 2
    assert issues(reports)["hidden_plan.xlsx"] == [("file-unreadable", (
        "The file could not be opened for reading (permission denied)."))]
    results = consolidated(good, inside, prefix=prefix)
    assert results["housing.xlsx"][:2] == ("Consolidated", "")
    assert results["hidden_plan.xlsx"][:2] == ("Unreadable", "file-unreadable")


# --------------------------------------------------------------------------- folders


def test_a_folder_that_cannot_be_read_is_reported_not_dropped(tmp_path: Path, plan: Path,
                                                             locked: Path) -> None:
    prefix = without_override()
    shutil.copy(plan, tmp_path / "housing.xlsx")
    reason = (f"cannot read the folder {locked} (permission denied): any plans in it were "
              "left out. Check you have permission to open it.")

    code, reports, stderr = validated(tmp_path, prefix=prefix)
    assert code == 0 and issues(reports) == {"housing.xlsx": []}  # skipped, as lock files are
    assert f"Skipped {locked}: [file-unreadable] {reason}" in stderr

    assert consolidated(tmp_path, prefix=prefix)["locked"] == ("Skipped", "file-unreadable",
                                                                reason)
    out = tmp_path.parent / f"{tmp_path.name}-council.xlsx"
    made = cli("consolidate", tmp_path, "--quarter", "Q1", "-o", out, "--as-of", AS_OF,
               prefix=prefix)
    assert made.returncode == 1, made.stderr  # written, with a problem to see
    quality = [row for row in openpyxl.load_workbook(out)["Data Quality"].iter_rows(
        min_row=5, values_only=True) if row[0] and "locked" in str(row[0])]
    assert len(quality) == 1 and quality[0][1] == "Skipped" and quality[0][7] == \
        "file-unreadable"
    out.unlink()


def test_links_to_nothing_loops_and_fifos_in_a_folder_are_listed(tmp_path: Path,
                                                                  plan: Path) -> None:
    shutil.copy(plan, tmp_path / "housing.xlsx")
    os.symlink(tmp_path / "housing.xlsx", tmp_path / "same_plan.xlsx")  # read once
    os.symlink(tmp_path / "gone.xlsx", tmp_path / "broken.xlsx")
    os.symlink(tmp_path / "loop_b.xlsx", tmp_path / "loop_a.xlsx")
    os.symlink(tmp_path / "loop_a.xlsx", tmp_path / "loop_b.xlsx")
    os.symlink(tmp_path / "gone", tmp_path / "broken_notes")  # no spreadsheet suffix: passed
    os.mkfifo(tmp_path / "pipe.csv")

    found = find_plans([tmp_path])
    assert found.files == [tmp_path / "housing.xlsx"]
    assert [(s.path.name, s.code) for s in found.skipped] == [
        ("broken.xlsx", "file-not-found"), ("loop_a.xlsx", "file-unreadable"),
        ("loop_b.xlsx", "file-unreadable"), ("pipe.csv", "not-a-file")]
    assert found.skipped[0].reason == (
        f"broken.xlsx: the file does not exist (it is a link to {tmp_path / 'gone.xlsx'}, which "
        "does not exist). Check the name and folder.")
    assert "link that leads round in a loop" in found.skipped[1].reason
    assert find_plans([tmp_path]) == found  # the same order every time


def test_folders_are_searched_in_a_stable_order_without_hidden_files(tmp_path: Path,
                                                                     plan: Path) -> None:
    for name in ("b/z.xlsx", "b/a/y.xlsm", "a.xlsx", "c/.hidden/x.xlsx", ".x.xlsx",
                 "c/notes.txt", "c/~$a.xlsx"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(plan, tmp_path / name)
    found = find_plans([tmp_path, tmp_path / "a.xlsx"])  # a file twice: read once
    assert found.files == [tmp_path / "a.xlsx", tmp_path / "b/a/y.xlsm", tmp_path / "b/z.xlsx"]
    assert [(s.path, s.code) for s in found.skipped] == [(tmp_path / "c/~$a.xlsx",
                                                           "lock-file")]


# --------------------------------------------------------------------------- odd names


def test_a_plan_whose_name_is_not_utf8_is_read(tmp_path: Path, plan: Path) -> None:
    name = os.fsdecode(b"Plan \xe9t\xe9.xlsx")  # Latin-1 bytes: held as surrogates
    try:
        path = Path(shutil.copy(plan, tmp_path / name))
    except (OSError, UnicodeError):
        pytest.skip("this file system does not take names that are not UTF-8")
    before = path.read_bytes()
    report = validate(path, as_of=dt.date(2024, 6, 30))
    assert report.usable and report.issues == ()
    (result,) = consolidate([tmp_path], "Q1", workers=1).results
    assert result.state is FileState.CONSOLIDATED, result.reason
    assert path.read_bytes() == before and os.listdir(tmp_path) == [name]


def test_a_link_to_nothing_named_on_the_command_line_is_a_bad_file_not_a_typing_slip(
        tmp_path: Path, plan: Path) -> None:
    """consolidate refuses a path that does not exist (exit 2), but a link that leads nowhere
    exists: it is listed on Data Quality and the batch carries on."""
    good = Path(shutil.copy(plan, tmp_path / "housing.xlsx"))
    dangling = tmp_path / "moved.xlsx"
    os.symlink(tmp_path / "elsewhere.xlsx", dangling)
    out = tmp_path / "council.xlsx"
    result = CliRunner().invoke(main, ["consolidate", str(good), str(dangling), "--quarter",
                                       "Q1", "-o", str(out), "--as-of", AS_OF])
    assert result.exit_code == 1, result.output
    assert "Unreadable: moved.xlsx" in result.output and out.exists()


# --------------------------------------------------------------------------- Excel's lock files


def test_excel_lock_names_who_holds_a_plan(tmp_path: Path) -> None:
    plan = tmp_path / "Housing and homelessness.xlsx"
    assert excel_lock(plan) is None
    lock = tmp_path / "~$Housing and homelessness.xlsx"
    lock.write_bytes(b"\x05Alice" + b"\0" * 40)
    assert excel_lock(plan) == (lock, "held by Alice")
    lock.unlink()
    short = tmp_path / "~$using and homelessness.xlsx"  # Excel's form for a long name
    short.write_bytes(b"\x00")
    assert excel_lock(plan) == (short, "")  # a lock file that does not say whose it is
    short.unlink()
    (tmp_path / "~$Housing and homelessness.xlsx").mkdir()  # not Excel's
    assert excel_lock(plan) is None
    assert excel_lock(tmp_path / "~$Housing and homelessness.xlsx") is None
