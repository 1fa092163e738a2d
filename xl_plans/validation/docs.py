"""docs/issue-codes.md, generated from the catalogue (codes.py) so the two never disagree.

    python -m xl_plans.validation.docs          # rewrite docs/issue-codes.md
    python -m xl_plans.validation.docs --check  # exit 1 if it is out of date

A test fails when the file is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from xl_plans.validation.codes import CODES, Code, Severity

DOC = Path(__file__).resolve().parents[2] / "docs" / "issue-codes.md"

_INTRO = """\
# Issue codes

Every problem `xl-plans validate` finds has a stable code, a severity, and the file, sheet and
cell it is in. This page is generated from `xl_plans/validation/codes.py`
(`python -m xl_plans.validation.docs`); do not edit it by hand.

Severities:

- **error**: must be fixed before the plan goes to committee or to finance
  (`xl-plans validate` exits with 1);
- **warning**: should be fixed;
- **query**: must be explained in a comment.

A file that cannot be read at all gives one error with one of the file codes, and nothing else
is checked (`xl-plans validate` exits with 2).
"""


def render() -> str:
    groups: dict[str, list[Code]] = {}
    for code in CODES.values():
        groups.setdefault(code.group, []).append(code)
    lines = [_INTRO]
    lines.append("| code | severity | what it means |")
    lines.append("|---|---|---|")
    for code in CODES.values():
        lines.append(f"| [`{code.code}`](#{code.code}) | {code.severity.value} | {code.title} |")
    for group, codes in groups.items():
        lines.append("")
        lines.append(f"## {group}")
        for code in codes:
            lines.append("")
            lines.append(f"### {code.code}")
            lines.append("")
            lines.append(f"**{code.title}** ({_severity(code.severity)})")
            lines.append("")
            lines.append(code.when)
            lines.append("")
            lines.append(f"- Example: {code.example}")
            lines.append(f"- What to do: {code.hint}")
    return "\n".join(lines) + "\n"


def _severity(severity: Severity) -> str:
    return {Severity.ERROR: "error: must fix", Severity.WARNING: "warning: should fix",
            Severity.QUERY: "query: explain in a comment"}[severity]


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        if current != text:
            print(f"{DOC} is out of date: run python -m xl_plans.validation.docs")
            return 1
        return 0
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
