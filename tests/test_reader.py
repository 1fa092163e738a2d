"""The reader: example plans read back faithfully; messy layouts give the same plan."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import build  # workbooks/examples/build.py, put on sys.path by conftest
import openpyxl
import pytest
from conftest import example
from pydantic import BaseModel

from xl_plans import schema
from xl_plans.cells import ErrorValue, Uncalculated
from xl_plans.model import Kpi, NumKind, Status, WhenKind, trusted
from xl_plans.reader import plan_from_tables, read_plan, read_workbook
from xl_plans.template import save_workbook, tables_workbook
from xl_plans.validation import validate
from xl_plans.values import normalise_key

SOURCES = {module.__name__.rsplit(".", 1)[-1]: module for module in build.sources()}


def counts(plan: Any) -> dict[str, int]:
    return {
        "priorities": len(plan.priority_refs),
        "outcomes": len(plan.priorities),
        "kpis": len(plan.kpis),
        "kpi_years": len(plan.kpi_years),
        "risks": len(plan.risks),
        "projects": len(plan.project_names),
        "milestones": len(plan.milestones),
        "contracts": len(plan.contracts),
        "budget_years": len(plan.budget),
        "versions": len(plan.versions),
    }


def test_there_is_one_example_per_seed() -> None:
    seeds = sorted(p.name for p in (build.HERE.parents[2] / "shared" / "seeds").glob("*.txt"))
    assert seeds, "the seed documents (../shared/seeds) are beside the checkout"
    assert sorted(module.SEED for module in SOURCES.values()) == seeds
    for name in SOURCES:
        assert example(name).exists(), f"{name}.xlsx not built: run workbooks/examples/build.py"


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_example_counts_match_the_seed_document(name: str) -> None:
    """COUNTS were counted from the seed document independently of the transcription."""
    assert counts(read_plan(example(name))) == SOURCES[name].COUNTS


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_example_workbook_holds_its_transcription(name: str) -> None:
    read = read_plan(example(name)).content()
    typed = plan_from_tables(SOURCES[name].PLAN).content()
    assert read["details"]["template_version"] == schema.TEMPLATE_VERSION
    read["details"]["template_version"] = typed["details"]["template_version"]
    assert read == typed


def test_seed_facts_survive_the_workbook() -> None:
    """Spot checks against the seed documents, through the workbook."""
    hart = read_plan(example("hart_community_services_2023_24"))
    assert (len(hart.priority_refs), len(hart.kpis)) == (31, 13)
    first = hart.priorities[0]
    assert (first.ref, first.theme, first.target_date.text) == ("1", "People", "September 2023")
    ongoing = hart.priorities[1].target_date
    assert (ongoing.text, ongoing.end, ongoing.ongoing) == ("March 2024 and ongoing",
                                                            ongoing.end, True)
    assert hart.kpis[0].annual_target.kind is NumKind.INFO_ONLY
    assert hart.kpis[2].annual_target.text == "zero" and hart.kpis[2].annual_target.value == 0

    corporate = read_plan(example("hart_corporate_services_2022_23"))
    cp6 = next(k for k in corporate.kpis if k.ref == "CP6")
    assert (cp6.q1.value, cp6.annual_target.value) == (0.293, 0.98)
    assert cp6.source is not None and cp6.source.cell("q1") == "KPIs!N7"

    rivers = read_plan(example("three_rivers_housing_2022_25"))
    scores = [r.residual_likelihood.value * r.residual_impact.value for r in rivers.risks]
    assert scores == [4, 4, 4, 4, 4, 4, 2]
    contract = rivers.contracts[1]
    assert (contract.value.text, contract.value.value) == ("£3,500 per annum", 3500.0)
    assert contract.start_date.kind is WhenKind.DATE


# --------------------------------------------------------------------------- messy layouts


def messy_copy(source: Path, target: Path, seed: int) -> None:
    """Rewrite every data sheet the way officers do: a title above the header, columns in
    another order, headers renamed to synonyms in odd case and punctuation, blank rows
    scattered through the data, an extra column of their own, the sheet renamed to a synonym."""
    rng = random.Random(seed)
    book = openpyxl.load_workbook(source)
    for spec in schema.SHEETS:
        sheet = book[spec.name]
        values = [list(row) for row in sheet.iter_rows(values_only=True)]
        header, data = values[0], [r for r in values[1:] if any(v is not None for v in r)]
        order = list(range(len(header)))
        rng.shuffle(order)
        by_header = {c.header: c for c in spec.columns}

        def rename(text: str, by_header: dict[str, schema.Column] = by_header) -> str:
            column = by_header[text]
            name = rng.choice([column.header, *column.synonyms])
            return rng.choice([name.upper(), name.lower(), f" {name}.", name.replace(" ", "_")])

        new_header = [rename(header[i]) for i in order] + ["Officer notes"]
        rows: list[list[Any]] = [[f"{spec.name} (messy)"], [], new_header]
        for n, row in enumerate(data):
            rows.append([row[i] for i in order] + [f"note {n}"])
            rows.extend([] for _ in range(rng.randint(0, 2)))
        book.remove(sheet)
        new = book.create_sheet(rng.choice([spec.name, *spec.synonyms]).upper()
                                if spec.synonyms else spec.name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                new.cell(r, c).value = value
                if isinstance(value, str):
                    new.cell(r, c).data_type = "s"
    book.save(target)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("name", sorted(SOURCES))
def test_messy_layout_reads_as_the_same_plan(tmp_path: Path, name: str, seed: int) -> None:
    messy = tmp_path / "messy.xlsx"
    messy_copy(example(name), messy, seed)
    tidy = read_plan(example(name))
    plan = read_plan(messy)
    for section in ("priorities", "kpis", "kpi_years", "risks", "milestones", "contracts",
                    "budget", "versions"):
        rows = getattr(plan, section)
        assert [row.extra for row in rows] == [{"Officer notes": f"note {n}"}
                                               for n in range(len(rows))]
    strip = {s: {"__all__": {"extra"}} for s in ("priorities", "kpis", "kpi_years", "risks",
                                                 "milestones", "contracts", "budget", "versions")}
    assert plan.model_dump(exclude=strip) == tidy.model_dump(exclude=strip)  # type: ignore[arg-type]


def test_header_matching_ignores_case_space_and_punctuation() -> None:
    assert normalise_key(" % complete ") == normalise_key("%Complete") == "pctcomplete"
    assert normalise_key("Target_Completion-Date") == normalise_key("target completion date")


# --------------------------------------------------------------------------- cells


def test_merged_key_cells_apply_to_every_row_they_span(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Priorities"
    sheet.append(["Ref", "Priority", "Outcome", "Target Date", "Update"])
    sheet.append(["P1", "Deliver the plan", "Approval at Cabinet", "September 2023", "Wide note"])
    sheet.append([None, None, "Publish the plan", "March 2024", None])
    sheet.append([None, None, "Review", "March 2025", None])
    sheet.merge_cells("A2:A4")
    sheet.merge_cells("B2:B4")
    sheet.merge_cells("E2:F2")  # a horizontal merge is read once, at its first cell
    book.save(tmp_path / "merged.xlsx")
    plan = read_plan(tmp_path / "merged.xlsx")
    assert [(p.ref, p.priority, p.outcome) for p in plan.priorities] == [
        ("P1", "Deliver the plan", "Approval at Cabinet"),
        ("P1", "Deliver the plan", "Publish the plan"),
        ("P1", "Deliver the plan", "Review"),
    ]
    assert [p.update for p in plan.priorities] == ["Wide note", None, None]
    assert plan.priority_refs == ["P1"]


def test_a_priority_s_title_typed_on_its_first_row_only_applies_to_its_other_rows(
        tmp_path: Path) -> None:
    """Seed 000 types priority 16's title on its first outcome only: the other rows were
    "Priority is blank for priority 16" and showed untitled on the Status sheet. A row left
    blank shares the first values typed for its Ref; one typed is its own."""
    path = tmp_path / "plan.xlsx"
    save_workbook(tables_workbook({
        "Plan": {"Service": "Housing", "Plan Year": "2023/24"},
        "Priorities": [
            {"Ref": "16", "Priority": "Tackle homelessness", "Corporate Theme": "People",
             "Outcome": "Review the strategy", "Target Date": "March 2024"},
            {"Ref": "16", "Outcome": "Open the hub", "Target Date": "June 2024"},
            {"Ref": "17", "Outcome": "An outcome with no priority anywhere"},
            {"Ref": "16", "Priority": "A title of its own", "Outcome": "Report"}],
        "Projects": [
            {"Ref": "PR1", "Project": "Depot", "Manager": "J Bloggs", "Milestone": "Design",
             "Due": "Q2 2023/24"},
            {"Ref": "PR1", "Milestone": "Build", "Due": "Q4 2023/24"}]}), path)
    plan = read_plan(path)
    assert [(p.ref, p.priority, p.theme) for p in plan.priorities] == [
        ("16", "Tackle homelessness", "People"), ("16", "Tackle homelessness", "People"),
        ("17", None, None), ("16", "A title of its own", "People")]
    assert [(m.project, m.manager) for m in plan.milestones] == [("Depot", "J Bloggs")] * 2
    missing = [(i.location, i.message) for i in validate(path).issues
               if i.code == "value-missing"]
    assert missing == [("Priorities!B4", "Priority is blank for priority 17.")]


def test_error_and_uncalculated_cells_are_never_blank(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "KPIs"
    sheet.append(["Ref", "Indicator", "Annual Target", "Q1", "Q2"])
    sheet.append(["K1", "Calls answered", 100, "=SUM(1,2)", "#DIV/0!"])  # openpyxl: formula, error
    sheet.append(["K2", "Visits", "=A1", 5, None])
    book.save(tmp_path / "cells.xlsx")
    read = read_workbook(tmp_path / "cells.xlsx")
    k1, k2 = read.plan.kpis
    assert k1.source is not None and k2.source is not None
    assert k1.source.raw["q1"] == Uncalculated("SUM(1,2)")
    assert k1.source.raw["q2"] == ErrorValue("#DIV/0!")
    assert (k1.q1.kind, k1.q1.text) == (NumKind.TEXT, "=SUM(1,2)")
    assert (k1.q2.kind, k1.q2.text) == (NumKind.TEXT, "#DIV/0!")
    assert k2.annual_target.kind is NumKind.TEXT and k2.q2.kind is NumKind.BLANK


def test_sheets_found_by_synonym_hidden_and_output_sheets(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    plan_sheet = book.active
    assert plan_sheet is not None
    plan_sheet.title = "Plan Details"
    plan_sheet.append(["Service", "Housing"])
    plan_sheet.append(["Financial Year", "2024/25"])
    plan_sheet.append(["Quarter", "Quarter 2"])
    plan_sheet.append(["Favourite colour", "Green"])
    risks = book.create_sheet("Risk Register")
    risks.append(["Risk Description", "Residual Likelihood Score", "Residual Impact Score", "Ref"])
    risks.append(["Insufficient staff", 2, 2, "R1"])
    risks.sheet_state = "hidden"
    checks = book.create_sheet(schema.CHECKS_SHEET)
    checks.append(["Ref", "Indicator"])
    checks.append(["X", "never read"])
    book.save(tmp_path / "synonyms.xlsx")
    read = read_workbook(tmp_path / "synonyms.xlsx")
    details = read.plan.details
    assert (details.service, details.plan_year, details.reporting_quarter) == (
        "Housing", "2024/25", "Q2")
    assert details.extra == {"Favourite colour": "Green"}
    assert read.plan_sheet == "Plan Details"
    assert read.found["Risks"].name == "Risk Register" and read.found["Risks"].hidden
    assert [(r.ref, r.risk, r.residual_likelihood.value) for r in read.plan.risks] == [
        ("R1", "Insufficient staff", 2.0)]
    assert read.plan.kpis == () and read.found["KPIs"].name is None


def test_duplicate_and_unknown_headers_are_recorded(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Priorities"
    sheet.append(["Ref", "Priority", "Ref", "Budget code", None, "Outcome"])
    sheet.append(["P1", "Do it", "P9", "X12", "stray", "Done"])
    book.save(tmp_path / "dups.xlsx")
    read = read_workbook(tmp_path / "dups.xlsx")
    found = read.found["Priorities"]
    assert found.duplicates == {"ref": [2]}
    assert found.extra == {3: "Budget code"}
    assert found.unnamed == [4]
    (row,) = read.plan.priorities
    assert (row.ref, row.outcome, row.extra) == ("P1", "Done", {"Budget code": "X12"})


def test_choice_values_read_through_synonyms(make_plan: Any) -> None:
    path = make_plan({"Plan": {"Plan Year": "2024/25"},
                      "Priorities": [{"Ref": "1", "Status": "Completed"},
                                     {"Ref": "2", "Status": "Not a status"}]})
    done, unknown = read_workbook(path).plan.priorities
    assert done.status is Status.COMPLETE
    assert unknown.status is None
    assert unknown.source is not None and unknown.source.raw["status"] == "Not a status"


def test_a_bare_serial_in_a_1904_workbook_counts_from_1904(tmp_path: Path) -> None:
    """A date column holding an unformatted number: read as a date serial in the workbook's own
    date system (old Mac workbooks count from 1904, four years and a day apart)."""
    import datetime as dt

    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    due = dt.date(2024, 3, 31)
    for epoch, start in ((None, dt.date(1899, 12, 30)), (CALENDAR_MAC_1904, dt.date(1904, 1, 1))):
        book = openpyxl.Workbook()
        if epoch is not None:
            book.epoch = epoch
        sheet = book.active
        assert sheet is not None
        sheet.title = "Priorities"
        sheet.append(["Ref", "Priority", "Target Date"])
        sheet.append(["P1", "Deliver", (due - start).days])  # a plain number, no date format
        book.save(tmp_path / "serial.xlsx")
        (row,) = read_plan(tmp_path / "serial.xlsx").priorities
        assert row.target_date.end == due


def test_column_letters_are_excels_inside_and_past_the_lookup_table() -> None:
    from openpyxl.utils import get_column_letter

    from xl_plans.model import column_letter

    assert [column_letter(i) for i in range(16_384)] == [get_column_letter(i + 1)
                                                         for i in range(16_384)]


EXAMPLE_NAMES = sorted(p.stem for p in example("x").parent.glob("*.xlsx"))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_rows_built_without_validation_are_what_validation_builds(name: str) -> None:
    """The reader builds rows with model.trusted (no validation: its converters already make
    the field types). Each row must be exactly the one pydantic would validate from the same
    values: equal, with the same fields in the same order and the same dump."""
    plan = read_plan(example(name))
    rows = [row for spec in schema.SHEETS for row in getattr(plan, spec.section)]
    assert len(rows) > 20
    for row in rows:
        validated = type(row)(**{name: getattr(row, name) for name in type(row).model_fields})
        assert validated == row
        assert list(validated.__dict__) == list(row.__dict__)
        assert validated.model_dump() == row.model_dump()
        assert repr(validated) == repr(row)
        assert validated.model_fields_set == row.model_fields_set


def test_trusted_fills_defaults_and_refuses_models_it_cannot_build() -> None:
    kpi = trusted(Kpi, {"ref": "K1"})
    assert kpi == Kpi(ref="K1")
    assert kpi.extra == {} and kpi.extra is not trusted(Kpi, {}).extra  # a dict of its own

    class Needs(BaseModel):
        name: str

    with pytest.raises(TypeError, match="Needs cannot be built"):
        trusted(Needs, {"name": "x"})
    with pytest.raises(TypeError, match=r"Kpi has no field \['reference'\]"):
        trusted(Kpi, {"ref": "K1", "reference": "K1"})  # a typo is not a silent extra
