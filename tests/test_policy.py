"""The scoring policy: shipped defaults, a council's file laid over them, clear errors."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

from xl_plans.cli import main
from xl_plans.model import Band, Num, NumKind
from xl_plans.policy import (
    PolicyError,
    as_fraction,
    default_policy,
    default_text,
    load_policy,
    policy_toml,
)
from xl_plans.values import parse_num


def write(tmp_path: Path, text: str, name: str = "council.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_are_the_design_conventions() -> None:
    policy = default_policy()
    assert policy.version == 1
    assert policy.year.fy_start_month == 4
    assert policy.kpi.tolerance == 0.10
    assert policy.kpi.annual_due_quarter == 4
    assert policy.contracts.expiring_months == (6, 12)
    assert policy.risk.default_matrix == "5x5"
    four, five = policy.matrix("4x4"), policy.matrix("5x5")
    assert [(b.band, b.max) for b in four.bands] == [
        (Band.LOW, 4), (Band.MEDIUM, 6), (Band.HIGH, 9), (Band.VERY_HIGH, 16)]
    assert [(b.band, b.max) for b in five.bands] == [
        (Band.LOW, 6), (Band.MEDIUM, 12), (Band.HIGH, 20), (Band.VERY_HIGH, 25)]
    assert policy.matrix(None) is five


def test_no_file_means_the_defaults() -> None:
    assert load_policy(None) is default_policy()


def test_a_council_file_changes_only_what_it_names(tmp_path: Path) -> None:
    path = write(tmp_path, 'name = "Hart DC"\n[kpi]\ntolerance = 0.05\n'
                           '[risk.matrices."4x4"]\nappetite = 4\n'
                           '[contracts]\nexpiring_months = [3, 6, 12]\n')
    policy = load_policy(path)
    assert policy.name == "Hart DC"
    assert policy.kpi.tolerance == 0.05
    assert policy.kpi.zero_target_tolerance == default_policy().kpi.zero_target_tolerance
    assert policy.matrix("4x4").appetite == 4
    assert policy.matrix("4x4").bands == default_policy().matrix("4x4").bands
    assert policy.contracts.expiring_months == (3, 6, 12)  # a list replaces, never merges


@pytest.mark.parametrize(("text", "name"), [
    ("[kpi]\ntolerance = 0.15\n", "council.toml (over the xl_plans defaults)"),
    # `policy show > council.toml`, a rule changed, the name left as it was
    ('name = "xl_plans defaults"\n[kpi]\ntolerance = 0.15\n',
     "council.toml (over the xl_plans defaults)"),
    ('name = "xl_plans defaults"\n[kpi]\ntolerance = 0.1\n', "xl_plans defaults"),  # no change
    ('name = "Hart DC"\n', "Hart DC"),
])
def test_a_council_file_is_never_called_the_defaults(tmp_path: Path, text: str,
                                                     name: str) -> None:
    """The Status sheet names the policy its ratings came from: a file that changed a rule
    used to be shown as "xl_plans defaults" beside reasons quoting its 15% tolerance."""
    path = tmp_path / "council.toml"
    path.write_text(text, encoding="utf-8")
    assert load_policy(path).name == name


def test_a_council_may_band_cell_by_cell(tmp_path: Path) -> None:
    path = write(tmp_path, '[risk.matrices."4x4"]\ncells = [\n'
                           '  ["Low", "Low", "Low", "Medium"],\n'
                           '  ["Low", "Low", "Medium", "High"],\n'
                           '  ["Low", "Medium", "High", "Very High"],\n'
                           '  ["Medium", "High", "Very High", "Very High"],\n]\n')
    matrix = load_policy(path).matrix("4x4")
    assert matrix.cells is not None
    assert matrix.cells[3][0] is Band.MEDIUM


def test_a_council_may_add_a_matrix(tmp_path: Path) -> None:
    path = write(tmp_path, '[risk]\ndefault_matrix = "3x3"\n[risk.matrices."3x3"]\nsize = 3\n'
                           'appetite = 4\nbands = [{band = "Low", max = 3}, '
                           '{band = "High", max = 9}]\n')
    policy = load_policy(path)
    assert policy.matrix().name == "3x3"


BAD = [
    # (file text, code, the setting named, words in the message)
    ("[kpi]\ntolerance = 10\n", "policy-invalid", "kpi.tolerance", "less than or equal to 1"),
    ("[kpi]\ntolerence = 0.1\n", "policy-invalid", "kpi.tolerence", "not a policy setting"),
    ("[kpi]\ntolerance = \"ten\"\n", "policy-invalid", "kpi.tolerance", "'ten'"),
    ("[year]\nfy_start_month = 13\n", "policy-invalid", "year.fy_start_month", "12"),
    ("[progress]\namber_behind = 0.3\nred_behind = 0.2\n", "policy-invalid", "progress",
     "red_behind must be at least amber_behind"),
    ("[contracts]\nexpiring_months = [12, 6]\n", "policy-invalid", "contracts.expiring_months",
     "each larger than the one before"),
    ('[risk]\ndefault_matrix = "6x6"\n', "policy-invalid", "risk", "not one of the matrices"),
    ('[risk.matrices."4x4"]\nbands = [{band = "Low", max = 4}, {band = "High", max = 9}]\n',
     "policy-invalid", "risk.matrices.4x4", "must reach the highest score on a 4x4 matrix"),
    ('[risk.matrices."4x4"]\nbands = [{band = "High", max = 4}, {band = "Low", max = 16}]\n',
     "policy-invalid", "risk.matrices.4x4.bands", "lowest first"),
    ('[risk.matrices."4x4"]\nbands = [{band = "Low", max = 8}, {band = "High", max = 8}]\n',
     "policy-invalid", "risk.matrices.4x4.bands", "above the one before"),
    ('[risk.matrices."4x4"]\nbands = [{band = "Lowish", max = 16}]\n', "policy-invalid",
     "risk.matrices.4x4.bands.1.band", "'Lowish'"),
    ('[risk.matrices."4x4"]\nappetite = 17\n', "policy-invalid", "risk.matrices.4x4",
     "appetite 17 is above the highest score"),
    ('[risk.matrices."4x4"]\ncells = [["Low", "Low"], ["Low", "Low"]]\n', "policy-invalid",
     "risk.matrices.4x4", "cells must have 4 rows"),
    ('[risk.matrices."4x4"]\ncells = [["Low", "High", "Low", "Low"], ["Low", "High", "High", '
     '"High"], ["High", "High", "High", "High"], ["High", "High", "High", "High"]]\n',
     "policy-invalid", "risk.matrices.4x4", "impact 3 is in a lower band than impact 2"),
    ('[risk.matrices."5x5"]\nsize = 4\n', "policy-invalid", "risk", "name it '4x4'"),
    ("version = 2\n", "policy-version", "version", "policy format 2"),
    ("[kpi\ntolerance = 0.1\n", "policy-not-toml", None, "not valid TOML"),
    # true and false are not numbers (Python would count them as 1 and 0)
    ("[year]\nfy_start_month = true\n", "policy-invalid", "year.fy_start_month",
     "must be a whole number, such as 4, not true"),
    ("[kpi]\ntolerance = true\n", "policy-invalid", "kpi.tolerance",
     "must be a number, such as 0.1, not true"),
    ("[kpi]\ntolerance = false\n", "policy-invalid", "kpi.tolerance", "not false"),
    ("[kpi]\nannual_due_quarter = true\n", "policy-invalid", "kpi.annual_due_quarter",
     "not true"),
    ("[kpi]\nzero_target_tolerance = true\n", "policy-invalid", "kpi.zero_target_tolerance",
     "not true"),
    ("[percentages]\nplain_number_above = true\n", "policy-invalid",
     "percentages.plain_number_above", "not true"),
    ("[progress]\namber_behind = false\n", "policy-invalid", "progress.amber_behind",
     "not false"),
    ("[contracts]\nexpiring_months = [true, 12]\n", "policy-invalid",
     "contracts.expiring_months.1", "not true"),
    ('[risk.matrices."4x4"]\nappetite = true\n', "policy-invalid",
     "risk.matrices.4x4.appetite", "not true"),
    ('[risk.matrices."4x4"]\nbands = [{band = "Very High", max = true}]\n', "policy-invalid",
     "risk.matrices.4x4.bands.1.max", "not true"),
    ("version = true\n", "policy-invalid", "version", "not true"),
]


@pytest.mark.parametrize(("text", "value"), [
    ("[kpi]\ntolerance = 0\n", ("kpi", "tolerance", 0.0)),
    ("[kpi]\ntolerance = 1\n", ("kpi", "tolerance", 1.0)),
    ("[kpi]\nzero_target_tolerance = 2\n", ("kpi", "zero_target_tolerance", 2.0)),
    ("[progress]\namber_behind = 1\nred_behind = 1\n", ("progress", "amber_behind", 1.0)),
    ("[percentages]\nplain_number_above = 2\n", ("percentages", "plain_number_above", 2.0)),
    ("[year]\nfy_start_month = 4.0\n", ("year", "fy_start_month", 4)),
])
def test_whole_numbers_are_numbers(tmp_path: Path, text: str,
                                   value: tuple[str, str, float]) -> None:
    """A TOML integer is a number wherever a fraction is allowed (and 4.0 a whole number)."""
    section, key, expected = value
    got = getattr(getattr(load_policy(write(tmp_path, text)), section), key)
    assert got == expected and not isinstance(got, bool)


def test_cli_a_true_setting_is_a_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path, "version = 1\n[kpi]\ntolerance = true\n")
    result = CliRunner().invoke(main, ["policy", "show", "--policy", str(path)])
    assert result.exit_code == 2
    assert "council.toml: setting kpi.tolerance: must be a number, such as 0.1, not true." \
        in result.output


@pytest.mark.parametrize(("text", "code", "key", "words"), BAD)
def test_a_bad_policy_file_names_the_setting(tmp_path: Path, text: str, code: str,
                                             key: str | None, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(PolicyError) as caught:
        load_policy(path)
    assert caught.value.code == code
    assert caught.value.key == key
    assert words in caught.value.message
    assert caught.value.message.startswith("council.toml: ")


def test_a_missing_policy_file(tmp_path: Path) -> None:
    with pytest.raises(PolicyError) as caught:
        load_policy(tmp_path / "nowhere.toml")
    assert caught.value.code == "policy-not-found"
    assert "does not exist" in caught.value.message


def test_a_policy_that_is_a_folder_or_a_pipe_is_refused_unopened(tmp_path: Path) -> None:
    (tmp_path / "folder.toml").mkdir()
    os.mkfifo(tmp_path / "pipe.toml")  # opening it to read would wait for a writer forever
    for name in ("folder.toml", "pipe.toml"):
        with pytest.raises(PolicyError) as caught:
            load_policy(tmp_path / name)
        assert caught.value.code == "policy-not-found"
        assert "not a file" in caught.value.message


def test_the_shown_policy_reads_back_as_the_same_policy(tmp_path: Path) -> None:
    council = load_policy(write(tmp_path, "[kpi]\ntolerance = 0.05\n"))
    again = load_policy(write(tmp_path, policy_toml(council), "shown.toml"))
    assert again == council
    assert load_policy(write(tmp_path, default_text(), "default.toml")) == default_policy()


def test_cli_policy_show_prints_the_defaults_with_their_comments() -> None:
    result = CliRunner().invoke(main, ["policy", "show"])
    assert result.exit_code == 0
    assert result.output == default_text()
    assert "# Three Rivers: 1-4 Low, 6 Medium, 8-9 High, 12-16 Very High." in result.output


def test_cli_policy_show_with_a_council_file(tmp_path: Path) -> None:
    path = write(tmp_path, "[kpi]\ntolerance = 0.05\n")
    result = CliRunner().invoke(main, ["policy", "show", "--policy", str(path)])
    assert result.exit_code == 0
    assert tomllib.loads(result.output)["kpi"]["tolerance"] == 0.05


@pytest.mark.parametrize("where", ["variable", "home"])
def test_the_command_line_scores_with_the_policy_the_ribbon_uses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    """Without --policy, the council file the ribbon finds (XL_PLANS_POLICY, then
    ~/.xl_plans/policy.toml) is used and said: the two used to rate one KPI Red and Amber."""
    if where == "variable":
        path = write(tmp_path, "[kpi]\ntolerance = 0.15\n")
        monkeypatch.setenv("XL_PLANS_POLICY", str(path))
    else:
        (Path.home() / ".xl_plans").mkdir(parents=True)
        path = Path.home() / ".xl_plans" / "policy.toml"
        path.write_text("[kpi]\ntolerance = 0.15\n", encoding="utf-8")
    plan = ROOT / "workbooks" / "examples" / "hart_corporate_services_2022_23.xlsx"
    result = CliRunner().invoke(main, ["status", str(plan), "--quarter", "Q1", "--json"])
    assert result.exit_code == 0, result.output
    assert f"Scoring policy: {path} (" in result.stderr
    shown = json.loads(result.stdout)
    assert shown["policy"]["name"] == f"{path.name} (over the xl_plans defaults)"
    assert "Red (more than 15% below expected: under" in json.dumps(shown["kpis"])
    listed = CliRunner().invoke(main, ["policy", "show"])
    assert listed.stdout.startswith(f"# The policy in force: {path} laid over")
    assert tomllib.loads(listed.stdout)["kpi"]["tolerance"] == 0.15


def test_cli_bad_policy_is_a_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path, "[kpi]\ntolerance = 10\n")
    result = CliRunner().invoke(main, ["policy", "show", "--policy", str(path)])
    assert result.exit_code == 2
    assert "[policy-invalid] council.toml: setting kpi.tolerance" in result.output
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------- percentages

FRACTIONS = [
    # (cell value, fraction, rescaled)
    (0.293, 0.293, False),  # a % cell holds the fraction
    ("29.3%", 0.293, False),  # text with a % sign
    (29.3, 0.293, True),  # a percentage number typed into a % column
    ("29.3", 0.293, True),
    (1.5, 1.5, False),  # 150% is still a fraction
    (1.51, 0.0151, True),
    ("150%", 1.5, False),  # a % sign is never second-guessed
    (1, 1.0, False),
    (0, 0.0, False),
    (-5, -0.05, True),
    (None, None, False),
    ("TBC", None, False),
]


@pytest.mark.parametrize(("cell", "fraction", "rescaled"), FRACTIONS)
def test_percent_rule(cell: object, fraction: float | None, rescaled: bool) -> None:
    value, was = as_fraction(parse_num(cell), default_policy())
    assert was is rescaled
    assert value == pytest.approx(fraction) if fraction is not None else value is None


@given(st.floats(0, 1.5, allow_nan=False))
def test_fractions_are_never_changed(value: float) -> None:
    assert as_fraction(Num(kind=NumKind.NUMBER, value=value), default_policy()) == (value, False)
