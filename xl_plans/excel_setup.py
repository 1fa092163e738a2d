"""Where the ribbon finds its settings, and the "Check setup" report.

The ribbon has no command line to take a `--policy` option, so the policy file in force is
found in one fixed order (docs/excel-install.md tells councils where to put it):

1. the file named by the environment variable XL_PLANS_POLICY;
2. `policy.toml` in the `.xl_plans` folder of the user's home folder
   (`%USERPROFILE%\\.xl_plans\\policy.toml` on Windows, `~/.xl_plans/policy.toml` on a Mac);
3. otherwise xl_plans' built-in defaults.

"Check setup" lists what an officer's support desk needs to know: which Python and which
xl_plans Excel runs, the xlwings version against the one the add-in was built for, and the
policy in force with the file it came from, each with plain advice when something is wrong.
Everything here is plain Python (no xlwings): xl_plans.excel passes the xlwings version in.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import xl_plans
from xl_plans.policy import Policy, PolicyError, default_policy, load_policy

POLICY_VARIABLE = "XL_PLANS_POLICY"
USER_FOLDER = ".xl_plans"
USER_POLICY = "policy.toml"
MIN_PYTHON = (3, 11)


@dataclass(frozen=True)
class PolicySource:
    """Where the policy in force comes from: a file, or the defaults (path None)."""

    path: Path | None
    how: str  # "XL_PLANS_POLICY", "your .xl_plans folder" or "built in"

    def describe(self) -> str:
        if self.path is None:
            return "the xl_plans defaults (no council policy file)"
        return f"{self.path} ({self.how})"


def policy_source(environ: Mapping[str, str] | None = None,
                  home: Path | None = None) -> PolicySource:
    """Which policy file the ribbon uses (see the module docstring for the order)."""
    environ = os.environ if environ is None else environ
    named = environ.get(POLICY_VARIABLE, "").strip()
    if named:
        return PolicySource(Path(named).expanduser(), POLICY_VARIABLE)
    user = (home if home is not None else Path.home()) / USER_FOLDER / USER_POLICY
    if user.is_file():
        return PolicySource(user, f"your {USER_FOLDER} folder")
    return PolicySource(None, "built in")


def policy_in_force(environ: Mapping[str, str] | None = None,
                    home: Path | None = None) -> tuple[Policy, PolicySource]:
    """The policy the ribbon scores with, and where it came from. Raises PolicyError (a plain
    message naming the file) when the chosen file cannot be used."""
    source = policy_source(environ, home)
    policy = default_policy() if source.path is None else load_policy(source.path)
    return policy, source


# --------------------------------------------------------------------------- Check setup


@dataclass(frozen=True)
class Finding:
    """One line of the Check setup report."""

    what: str  # "Python"
    found: str  # "3.12.1 (C:\\Python312\\python.exe)"
    ok: bool
    advice: str = ""

    def __str__(self) -> str:
        line = f"{'OK' if self.ok else 'PROBLEM'}  {self.what}: {self.found}"
        return f"{line}\n      {self.advice}" if self.advice else line


def addin_xlwings_version() -> str | None:
    """The xlwings version the add-in was built with: xl_plans pins it (pyproject.toml says
    why), so it is the pin in the installed xl_plans' requirements; None when not pinned."""
    try:
        requires = importlib.metadata.requires("xl_plans") or []
    except importlib.metadata.PackageNotFoundError:
        return None
    for requirement in requires:
        match = re.fullmatch(r"xlwings\s*==\s*([\w.]+)", requirement.strip())
        if match:
            return match[1]
    return None


def setup_findings(xlwings_version: str | None, *, addin_xlwings: str | None,
                   environ: Mapping[str, str] | None = None, home: Path | None = None,
                   python: tuple[int, ...] = tuple(sys.version_info[:3]),
                   executable: str = sys.executable) -> list[Finding]:
    """What Check setup reports; every argument can be given, so each case can be tested."""
    return [
        _python(python, executable),
        Finding("xl_plans", f"{xl_plans.__version__} ({Path(xl_plans.__file__).parent})", True),
        _xlwings(xlwings_version, addin_xlwings),
        _policy(environ, home),
    ]


def _python(version: tuple[int, ...], executable: str) -> Finding:
    shown = ".".join(str(part) for part in version)
    if tuple(version[:2]) >= MIN_PYTHON:
        return Finding("Python", f"{shown} ({executable})", True)
    wanted = ".".join(str(part) for part in MIN_PYTHON)
    return Finding("Python", f"{shown} ({executable})", False,
                   f"xl_plans needs Python {wanted} or later. Install it, then point the "
                   "add-in's Interpreter setting at it (see the install guide).")


def _xlwings(installed: str | None, addin: str | None) -> Finding:
    if installed is None:
        return Finding("xlwings", "not installed", False,
                       "Install xl_plans again with pip: it brings the xlwings it needs.")
    if addin is None:
        return Finding("xlwings", f"{installed} (the add-in's version is not recorded in this "
                       "installation of xl_plans)", True)
    if installed != addin:
        return Finding("xlwings", f"{installed}, but the add-in was built for {addin}", False,
                       f"Run: pip install xlwings=={addin} (on a Mac, then also: xlwings "
                       "runpython install), or ask for an add-in built for this version.")
    return Finding("xlwings", f"{installed}, as the add-in expects", True)


def _policy(environ: Mapping[str, str] | None, home: Path | None) -> Finding:
    source = policy_source(environ, home)
    try:
        policy, _ = policy_in_force(environ, home)
    except PolicyError as exc:
        advice = (f"Correct the file, or clear the {POLICY_VARIABLE} setting to use the "
                  "defaults." if source.how == POLICY_VARIABLE else
                  "Correct the file, or remove it to use the defaults.")
        return Finding("Scoring policy", f"{source.describe()}: [{exc.code}] {exc.message}",
                       False, advice)
    found = f"'{policy.name}' (version {policy.version}) from {source.describe()}"
    if source.path is None:
        where = Path("~") / USER_FOLDER / USER_POLICY
        return Finding("Scoring policy", found, True,
                       f"To use your council's own rules, save its policy file as {where} or "
                       f"set {POLICY_VARIABLE} to its path.")
    return Finding("Scoring policy", found, True)


def setup_report(findings: list[Finding]) -> str:
    """The report as lines of text; the first line says whether all is well."""
    problems = sum(not finding.ok for finding in findings)
    head = ("Setup is fine." if not problems else
            f"{problems} problem{'s' if problems != 1 else ''} to fix.")
    return "\n".join([head, *(str(finding) for finding in findings)])
