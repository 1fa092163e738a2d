"""`xl-plans addin build`: the Excel add-in (the "Service Plans" ribbon) from macros/."""

from __future__ import annotations

from pathlib import Path

import click

from xl_plans.addin import DEFAULT_OUTPUT, AddinBuildError, build_addin
from xl_plans.cli.app import friendly_errors, main, say


@main.group()
def addin() -> None:
    """Build the Excel add-in that puts the "Service Plans" tab on the ribbon."""


@addin.command()
@click.option("-o", "--output", "output", type=click.Path(path_type=Path, dir_okay=False),
              help="The add-in to write (.xlam); an older build there is replaced. "
                   "Default: workbooks/XlPlans.xlam in the source checkout.")
@friendly_errors
def build(output: Path | None) -> None:
    """Build XlPlans.xlam from macros/ with LibreOffice (headless).

    The VBA project holds macros/*.bas and the installed xlwings' custom add-in module; the
    ribbon is macros/customUI.xml.
    """
    output = output or DEFAULT_OUTPUT
    if output.suffix.lower() != ".xlam":
        raise click.BadParameter("the add-in must be an .xlam file", param_hint="--output")
    try:
        built = build_addin(output)
    except AddinBuildError as exc:
        raise click.ClickException(str(exc)) from None
    say(f"Built {built.path}: VBA modules {', '.join(built.modules)} "
               f"(xlwings {built.xlwings_version}) and the ribbon from macros/customUI.xml.")
