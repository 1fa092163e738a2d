"""Property: any plan written into the template and read back is the same plan."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xl_plans import model as m
from xl_plans import schema
from xl_plans.reader import read_plan
from xl_plans.template import plan_workbook, save_workbook
from xl_plans.values import clean_text, parse_num, parse_when

# Text as officers type it, including text that openpyxl would turn into a formula or an error
# if it were not written as text.
TRICKY = ["=HYPERLINK(\"http://x\",\"click\")", "+44 1252 622122", "@SUM(A1)", "#N/A", "-",
          "Ref: 1", "£3,500 per annum", "Résumé of the Café plan", "Line one\nLine two", "0042"]
texts = st.one_of(
    st.sampled_from(TRICKY),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp", "Zs")),
            min_size=1, max_size=30),
).filter(lambda t: clean_text(t) == t)
optional_text = st.none() | texts

TYPED_NUMBERS = ["29.3%", "98%", "1,234", "£1,234.50", "(123)", "zero", "INFO ONLY", "N/A",
                 "TBC", "-", "50% of all formal presentations", "2% reduction", "Yes", "No"]
nums = st.one_of(
    st.just(m.Num()),
    # Excel keeps 15 significant digits, so a plan can only hold numbers written with 15.
    st.floats(-1e9, 1e9, allow_nan=False).map(lambda x: parse_num(float(f"{x:.15g}"))),
    st.integers(-10**6, 10**6).map(parse_num),
    st.sampled_from(TYPED_NUMBERS).map(parse_num),
    texts.map(parse_num),
)
TYPED_DATES = ["September 2023", "March 2024 and ongoing", "Sep 2024 to March 2026",
               "31 st March 2023", "01/04/2024", "Q3 2023/24", "2023/24", "Summer 2021",
               "Ongoing", "TBC", "N/A", "When funding allows"]
whens = st.one_of(
    st.just(m.When()),
    st.dates(dt.date(1960, 1, 1), dt.date(2099, 12, 31)).map(parse_when),
    st.sampled_from(TYPED_DATES).map(parse_when),
)


def field_strategy(column: schema.Column) -> st.SearchStrategy[Any]:
    if column.kind in (schema.Kind.NUMBER, schema.Kind.PERCENT, schema.Kind.MONEY):
        return nums
    if column.kind is schema.Kind.WHEN:
        return whens
    if column.kind is schema.Kind.CHOICE:
        assert column.choices is not None
        return st.none() | st.sampled_from(list(column.choices))
    return optional_text


def row_strategy(spec: schema.Sheet) -> st.SearchStrategy[Any]:
    # The first column is always filled: a wholly blank row is (rightly) skipped by the reader.
    first, *rest = spec.columns
    fields = {first.field: texts, **{c.field: field_strategy(c) for c in rest}}
    return st.fixed_dictionaries(fields).map(lambda values: spec.model(**values))


details = st.fixed_dictionaries(
    {c.field: field_strategy(c) for c in schema.PLAN_FIELDS if c.field != "template_version"}
).map(lambda values: m.PlanDetails(**values, template_version=schema.TEMPLATE_VERSION))

def rows_of(spec: schema.Sheet) -> st.SearchStrategy[Any]:
    """A sheet's rows. Where rows sharing a Ref share the titles left blank (key_fields: the
    reader gives a later row of Ref 16 its first row's Priority), the Refs differ: that reading
    is tested in test_reader; here, each row comes back as it went in."""
    if spec.key_fields:
        return st.lists(row_strategy(spec), max_size=4,
                        unique_by=lambda row: row.ref).map(tuple)  # type: ignore[attr-defined]
    return st.lists(row_strategy(spec), max_size=4).map(tuple)


plans = st.builds(
    lambda details, sections: m.Plan(details=details, **sections),
    details,
    st.fixed_dictionaries({spec.section: rows_of(spec) for spec in schema.SHEETS}),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans)
def test_plan_survives_template_and_reader(plan: m.Plan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.xlsx"
        save_workbook(plan_workbook(plan), path)
        assert read_plan(path).content() == plan.content()
