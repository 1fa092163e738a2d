"""Where the ribbon finds the policy, and what Check setup says (excel_setup.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from xl_plans import __version__
from xl_plans.excel_setup import (
    POLICY_VARIABLE,
    Finding,
    policy_in_force,
    policy_source,
    setup_findings,
    setup_report,
)

COUNCIL_POLICY = 'name = "Hart"\n[kpi]\ntolerance = 0.2\n'


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("variable", "user_file", "chosen", "how"), [
    (None, False, None, "built in"),
    (None, True, "home/.xl_plans/policy.toml", "your .xl_plans folder"),
    ("named.toml", True, "named.toml", POLICY_VARIABLE),  # the setting wins
    ("named.toml", False, "named.toml", POLICY_VARIABLE),
    ("  ", True, "home/.xl_plans/policy.toml", "your .xl_plans folder"),  # blank: not set
])
def test_which_policy_file_is_used(variable: str | None, user_file: bool, chosen: str | None,
                                   how: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    if user_file:
        write(home / ".xl_plans" / "policy.toml", COUNCIL_POLICY)
    environ = {} if variable is None else {
        POLICY_VARIABLE: str(tmp_path / variable) if variable.strip() else variable}
    source = policy_source(environ, home)
    assert source.path == (None if chosen is None else tmp_path / chosen)
    assert source.how == how


def test_the_policy_in_force_is_loaded_from_the_chosen_file(tmp_path: Path) -> None:
    write(tmp_path / ".xl_plans" / "policy.toml", COUNCIL_POLICY)
    policy, source = policy_in_force({}, tmp_path)
    assert (policy.name, policy.kpi.tolerance) == ("Hart", 0.2)
    assert source.describe() == f"{tmp_path / '.xl_plans' / 'policy.toml'} (your .xl_plans folder)"
    defaults, source = policy_in_force({}, tmp_path / "nobody")
    assert (defaults.name, source.describe()) == (
        "xl_plans defaults", "the xl_plans defaults (no council policy file)")


def findings(tmp_path: Path, *, xlwings: str | None = "0.37.8", addin: str | None = "0.37.8",
             python: tuple[int, ...] = (3, 12, 1), environ: dict[str, str] | None = None,
             ) -> dict[str, Finding]:
    found = setup_findings(xlwings, addin_xlwings=addin, environ=environ or {},
                           home=tmp_path, python=python, executable="C:\\Python312\\python.exe")
    return {finding.what: finding for finding in found}


def test_a_good_setup(tmp_path: Path) -> None:
    found = findings(tmp_path)
    assert [f.what for f in found.values()] == ["Python", "xl_plans", "xlwings",
                                                "Scoring policy"]
    assert all(f.ok for f in found.values())
    assert found["Python"].found == "3.12.1 (C:\\Python312\\python.exe)"
    assert found["xlwings"].found == "0.37.8, as the add-in expects"
    assert "To use your council's own rules, save its policy file as" in found[
        "Scoring policy"].advice
    report = setup_report(list(found.values()))
    assert report.splitlines()[0] == "Setup is fine."


@pytest.mark.parametrize(("kwargs", "what", "found", "advice"), [
    ({"python": (3, 9, 7)}, "Python", "3.9.7 (C:\\Python312\\python.exe)",
     "xl_plans needs Python 3.11 or later"),
    ({"xlwings": "0.30.0"}, "xlwings", "0.30.0, but the add-in was built for 0.37.8",
     "Run: pip install xlwings==0.37.8"),
    ({"xlwings": None}, "xlwings", "not installed", "Install xl_plans again with pip"),
])
def test_what_is_wrong_and_what_to_do(kwargs: dict[str, object], what: str, found: str,
                                      advice: str, tmp_path: Path) -> None:
    finding = findings(tmp_path, **kwargs)[what]  # type: ignore[arg-type]
    assert not finding.ok and finding.found == found and finding.advice.startswith(advice)
    assert setup_report([finding]).startswith(f"1 problem to fix.\nPROBLEM  {what}: {found}")


def test_an_unknown_add_in_version_is_not_a_problem(tmp_path: Path) -> None:
    finding = findings(tmp_path, addin=None)["xlwings"]
    assert finding.ok and "the add-in's version is not recorded" in finding.found


@pytest.mark.parametrize(("text", "problem"), [
    (None, "[policy-not-found] named.toml: the policy file does not exist."),
    ("[kpi]\ntolerance = 'ten'\n", "[policy-invalid] named.toml: setting kpi.tolerance:"),
    ("tolerance = [", "[policy-not-toml] named.toml: is not valid TOML"),
])
def test_a_policy_file_that_cannot_be_used(text: str | None, problem: str,
                                           tmp_path: Path) -> None:
    named = tmp_path / "named.toml"
    if text is not None:
        write(named, text)
    finding = findings(tmp_path, environ={POLICY_VARIABLE: str(named)})["Scoring policy"]
    assert not finding.ok
    assert finding.found.startswith(f"{named} ({POLICY_VARIABLE}): {problem}")
    assert finding.advice == (f"Correct the file, or clear the {POLICY_VARIABLE} setting to "
                              "use the defaults.")


def test_a_council_policy_in_force_is_named(tmp_path: Path) -> None:
    write(tmp_path / ".xl_plans" / "policy.toml", COUNCIL_POLICY)
    finding = findings(tmp_path)["Scoring policy"]
    assert finding.ok and finding.advice == ""
    assert finding.found.startswith("'Hart' (version 1) from ")


# --------------------------------------------------------------------------- the install guide

GUIDE = Path(__file__).parents[1] / "docs" / "excel-install.md"
WHEEL = f"xl_plans-{__version__}-py3-none-any.whl"  # what `pip wheel` names it


@pytest.mark.parametrize(("why", "said"), [
    ("xl_plans is not on PyPI: the guide says how to build the wheel", "not on PyPI"),
    ("the wheel is built from the repository", "py -m pip wheel --no-deps -w dist ."),
    ("and installed by its file name", f"pip install \\\\server\\share\\xl_plans\\{WHEEL}"),
    ("Notepad saves xlplans.conf.txt unless told", "*Save as type* to **All files"),
    ("Explorer refuses a folder named .xlplans", 'mkdir "%USERPROFILE%\\.xlplans"'),
    ("a Mac's Excel does not see a shell's variables", "On a Mac use the file in 2 instead"),
])
def test_the_install_guide_says(why: str, said: str) -> None:
    assert said in " ".join(GUIDE.read_text(encoding="utf-8").split()), why


def test_the_install_guide_never_installs_xl_plans_by_name_from_an_index() -> None:
    """`py -m pip install xl_plans` finds nothing on PyPI, or someone else's package (the
    guide may say so, but never tell anyone to run it)."""
    text = GUIDE.read_text(encoding="utf-8")
    assert re.findall(r"-m pip install xl[_-]plans\b(?![-\w.])", text) == []
