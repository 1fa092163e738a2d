"""`xl-plans validate`: the table, --json equal to the library's report, exit codes, and the
Checks copy from the command line."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import example, files_in
from test_validate_codes import CASES, build, good

from xl_plans.cli import main
from xl_plans.cli.app import terminal_safe
from xl_plans.validation import validate

CORPORATE = example("hart_corporate_services_2022_23")  # warnings only


def run(*args: Any) -> Result:
    return CliRunner().invoke(main, ["validate", *map(str, args)])


def case(code: str) -> Any:
    return next(c for c in CASES if c.code == code)


def test_json_is_the_library_report(make_plan: Callable[..., Path]) -> None:
    bad = build(make_plan, case("not-a-number"), "bad.xlsx")
    result = run("--json", CORPORATE, bad)
    assert json.loads(result.stdout) == [validate(CORPORATE).to_dict(), validate(bad).to_dict()]
    assert result.exit_code == 1


@pytest.mark.parametrize(("inputs", "code"), [
    (["corporate"], 0),  # warnings are allowed
    (["good"], 0),
    (["errors"], 1),
    (["corporate", "errors"], 1),
    (["empty"], 2),  # not a readable workbook
    (["not-a-plan"], 2),
    (["errors", "empty"], 2),  # a batch carries on; unusable input wins
])
def test_exit_codes(make_plan: Callable[..., Path], tmp_path: Path, inputs: list[str],
                    code: int) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    paths = {"corporate": CORPORATE, "good": build(make_plan, None, "good.xlsx"),
             "errors": build(make_plan, case("duplicate-ref"), "errors.xlsx"),
             "not-a-plan": build(make_plan, case("not-a-plan"), "summary.xlsx"),
             "empty": empty}
    result = run(*(paths[name] for name in inputs))
    assert result.exit_code == code, result.output
    assert len(json.loads(run("--json", *(paths[n] for n in inputs)).stdout)) == len(inputs)


@pytest.mark.parametrize("args", [
    [],  # no plan named
    ["--as-of", "last tuesday", str(CORPORATE)],
    ["--policy", "/no/such/policy.toml", str(CORPORATE)],
    ["--checks-sheet", "out.xlsx", str(CORPORATE), str(CORPORATE.parent / "x.xlsx")],
])
def test_usage_errors_exit_2_with_a_message(args: list[str]) -> None:
    result = CliRunner().invoke(main, ["validate", *args])
    assert result.exit_code == 2
    assert "Error" in result.output and "Traceback" not in result.output


def test_the_table_names_file_cell_code_severity_and_message(
        make_plan: Callable[..., Path]) -> None:
    path = build(make_plan, case("choice-unknown"))
    result = run(path)
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["File", "Cell", "Severity", "Code", "Message"]
    assert lines[1].split()[:4] == ["plan.xlsx", "KPIs!E2", "error", "choice-unknown"]
    assert lines[1].endswith("Polarity 'Higer' is not an allowed value (Higher is better, "
                             "Lower is better, Target band).")
    # what to do, under the message (the README promised it; only --json had it)
    message_at = lines[0].index("Message")
    assert lines[2] == " " * message_at + ("What to do: Choose a value from the cell's "
                                          "dropdown: did you mean Higher is better?")
    assert lines[-1] == ("1 plan checked: 0 valid, 1 with errors, 0 unusable; 1 error, "
                         "0 warnings, 0 queries.")


def test_a_folder_is_searched_and_lock_files_are_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(CORPORATE, folder / "corporate.xlsx")
    (folder / "~$corporate.xlsx").write_bytes(b"\x05Alice" + b" " * 50)
    result = run(folder)
    assert result.exit_code == 0
    assert "Skipped" in result.stderr and "[lock-file]" in result.stderr
    assert result.stdout.splitlines()[-1].startswith("1 plan checked: 1 valid")


def test_checks_sheet_copy_from_the_command_line(make_plan: Callable[..., Path],
                                                 tmp_path: Path) -> None:
    plan = build(make_plan, case("error-cell"))
    before = files_in(tmp_path)
    out = tmp_path / "checked.xlsx"
    result = run(plan, "--checks-sheet", out)
    assert result.exit_code == 1, result.output
    assert f"Wrote {out}" in result.output
    after = files_in(tmp_path)
    assert after.pop("checked.xlsx")
    assert after == before  # the plan is unchanged and no temporary file is left
    again = run(plan, "--checks-sheet", out)  # never overwritten
    assert again.exit_code == 2 and "already exists" in again.output


def test_no_copy_of_an_unreadable_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    result = run(empty, "--checks-sheet", tmp_path / "copy.xlsx")
    assert result.exit_code == 2 and "No Checks copy written" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.xlsx"]


def test_json_stays_pure_when_a_copy_is_written(make_plan: Callable[..., Path],
                                                tmp_path: Path) -> None:
    plan = build(make_plan, None)
    result = run("--json", plan, "--checks-sheet", tmp_path / "copy.xlsx")
    assert json.loads(result.stdout) == [validate(plan).to_dict()]
    assert "Wrote" in result.stderr


def test_help_explains_exit_codes() -> None:
    result = CliRunner().invoke(main, ["validate", "--help"])
    assert result.exit_code == 0
    assert "Exit code 0" in result.output and "--checks-sheet" in result.output


def test_files_in_a_folder_tree_are_named_from_the_folder_searched(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    """One plan.xlsx per service folder: the table says which service's plan has the error."""
    folder = tmp_path / "plans"
    for service in ("Housing", "Waste"):
        (folder / service).mkdir(parents=True)
        shutil.move(build(make_plan, case("duplicate-ref")), folder / service)
    result = run(folder)
    files = {line.split()[0] for line in result.stdout.splitlines()[1:-1]
             if not line.startswith(" ")}  # (not the lines saying what to do)
    assert files == {str(Path("Housing", "plan.xlsx")), str(Path("Waste", "plan.xlsx"))}
    alone = run(folder / "Housing" / "plan.xlsx")
    assert alone.stdout.splitlines()[1].split()[0] == "plan.xlsx"


@pytest.mark.parametrize(("name", "words"), [
    ("copy.xls", "name it copy.xlsx"),
    ("no_folder/copy.xlsx", "does not exist"),
    ("plan.xlsx", "the plan itself"),
])
def test_a_checks_copy_name_is_refused_before_anything_is_checked(
        make_plan: Callable[..., Path], tmp_path: Path, name: str, words: str) -> None:
    plan = build(make_plan, case("duplicate-ref"))
    before = files_in(tmp_path)
    result = run(plan, "--checks-sheet", tmp_path / name)
    assert result.exit_code == 2 and words in result.output, result.output
    assert "plan checked" not in result.output and "duplicate-ref" not in result.output
    assert files_in(tmp_path) == before


@pytest.mark.parametrize(("text", "shown"), [
    ("Housing.xlsx", "Housing.xlsx"),
    ("tab\there, line\nthere", "tab\there, line\nthere"),
    ("plan\x1b[2J.xlsx", "plan\\x1b[2J.xlsx"),  # clears the screen
    ("plan\x1b]0;Done\x07.xlsx", "plan\\x1b]0;Done\\x07.xlsx"),  # sets the window's title
    ("10%\rAll fine", "10%\\x0dAll fine"),  # writes over the line
    ("plan\x9b31m.xlsx", "plan\\x9b31m.xlsx"),  # a C1 control
    ("invoice\u202excod.xlsx", "invoice\\u202excod.xlsx"),  # shows as "invoicedocx.xlsx"
    ("Café £5 – ok", "Café £5 – ok"),
])
def test_what_a_terminal_would_obey_is_shown_escaped(text: str, shown: str) -> None:
    assert terminal_safe(text) == shown


def test_a_file_name_holding_terminal_commands_is_printed_escaped(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    """A name from a shared folder reached the terminal as it is: ESC [2J cleared the screen
    and a carriage return wrote over the line."""
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.move(build(make_plan, case("not-a-number"), "bad.xlsx"), folder / "a\x1b[2J\r.xlsx")
    (folder / "b\x1b[31m.xlsx").write_bytes(b"not a workbook")
    for args in (["validate", folder], ["summary", folder],
                 ["consolidate", folder, "--quarter", "Q2", "-o", tmp_path / "c.xlsx"]):
        result = CliRunner().invoke(main, list(map(str, args)))
        assert result.exit_code in (1, 2), result.output
        assert "\x1b" not in result.output and "\r" not in result.output
        assert "b\\x1b[31m.xlsx" in result.output, result.output
    result = run(folder / "b\x1b[31m.xlsx")  # refused with exit 2, by click's own handler
    assert result.exit_code == 2 and "b\\x1b[31m.xlsx" in result.output, result.output


def test_json_is_terminal_safe_and_reads_back_the_same(make_plan: Callable[..., Path]) -> None:
    """JSON escapes control characters below U+0020 itself, not C1 controls or direction
    marks: a cell holding them reached the terminal raw through --json."""
    tables = good()
    tables["KPIs"][0]["Polarity"] = "Hig\u202eer\x9b2J"  # (quoted by validate)
    tables["KPIs"][0]["Indicator"] = "Homes \u202ebuilt\x9b2J"  # (shown by status)
    path = make_plan(tables)
    result = run("--json", path)
    assert "\u202e" not in result.stdout and "\x9b" not in result.stdout
    assert "\\u202e" in result.stdout and "\\u009b" in result.stdout
    assert json.loads(result.stdout) == [validate(path).to_dict()]  # the same text, escaped
    status = CliRunner().invoke(main, ["status", str(path), "--quarter", "Q2", "--json"])
    assert status.exit_code == 0, status.output
    assert "\u202e" not in status.stdout and "\x9b" not in status.stdout
    assert "\\u202e" in status.stdout
    json.loads(status.stdout)
