"""Every command has help and is documented in the README; the README's commands exist."""

from __future__ import annotations

import re
from itertools import takewhile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from xl_plans.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += commands(command, f"{prefix}{name} ")
        else:
            found.append((f"{prefix}{name}", command))
    return found


@pytest.mark.parametrize(("name", "command"), commands(main), ids=lambda v: str(v))
def test_every_command_has_help_and_is_in_the_readme(name: str, command: click.Command) -> None:
    assert command.help and len(command.help) > 20, f"{name} has no help text"
    assert f"xl-plans {name}" in README, f"README does not show `xl-plans {name}`"
    result = CliRunner().invoke(main, [*name.split(), "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help, f"{name} {param.opts[0]} has no help"


def test_readme_commands_exist() -> None:
    shown = set(re.findall(r"^xl-plans (\w+(?: show| build)?)", README, re.MULTILINE))
    assert shown <= {name for name, _ in commands(main)}


def test_readme_make_targets_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in re.findall(r"^make (\w+)", README, re.MULTILINE):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci  # CI runs the README's test command


def synopsis(name: str) -> str:
    """The README's command-line synopsis of `xl-plans NAME`, with its continuation lines."""
    block = README.split("## The command line", 1)[1].split("```")[1]
    lines = block.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"xl-plans {name} "))
    follow = takewhile(lambda line: line.startswith(" "), lines[start + 1:])
    return " ".join([lines[start], *follow]).split("#")[0]


@pytest.mark.parametrize(("name", "command"), commands(main), ids=lambda v: str(v))
def test_the_readme_synopsis_lists_every_option(name: str, command: click.Command) -> None:
    shown = synopsis(name)
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden and param.name != "help":
            assert any(re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", shown)
                       for opt in param.opts), f"README's `xl-plans {name}` lacks {param.opts}"
