"""KPI scoring: expected value to date, RAG and its reason, direction of travel, forecast."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from conftest import example
from hypothesis import given
from hypothesis import strategies as st

from xl_plans.kpi import (
    RAG_RANK,
    Direction,
    direction,
    expected_to_date,
    format_value,
    kpi_status,
    rate,
    rate_band,
)
from xl_plans.model import Kpi, Measure, Polarity, Rag, Unit
from xl_plans.policy import default_policy
from xl_plans.reader import plan_from_tables, read_plan

HIGHER, LOWER, BAND = "Higher is better", "Lower is better", "Target band"


def kpi(**typed: Any) -> Kpi:
    """A KPI from values as an officer types them, keyed by header ("Annual_Target" for
    "Annual Target")."""
    row = {"Ref": "K1", "Indicator": "Test indicator"}
    row.update({header.replace("_", " "): value for header, value in typed.items()})
    return plan_from_tables({"KPIs": [row]}).kpis[0]


# (KPI as typed, quarter, RAG, reason) — the reason in full: it is what members read.
CASES: list[tuple[dict[str, Any], int, Rag, str]] = [
    # Money: pounds and pence, and a further place only where an edge needs it (not £250.250)
    (dict(Polarity=HIGHER, Measure="Cumulative", Unit="£", Annual_Target=1001, Q1=200), 1,
     Rag.RED, "£200 vs £250.25 expected by Q1 (£1,001 annual, cumulative): Red (more than 10% "
              "below expected: under £225.225)"),
    (dict(Polarity=HIGHER, Measure="Cumulative", Unit="£", Annual_Target=99, Q1=200), 1,
     Rag.GREEN, "£200 vs £24.75 expected by Q1 (£99 annual, cumulative): Green"),
    # Cumulative: the annual target pro rata, or the quarter's profile target.
    (dict(Polarity=HIGHER, Measure="Cumulative", Unit="%", Annual_Target=0.98, Q1=0.293), 1,
     Rag.GREEN, "29.3% vs 24.5% expected by Q1 (98% annual, cumulative): Green; year-end "
                "forecast capped at 100% (117.2% at this pace)"),
    # Amber and Red name the edge: the tolerance is 10% of the expected value (45 of 50).
    (dict(Polarity=HIGHER, Measure="Cumulative", Annual_Target=100, Q2=45), 2, Rag.AMBER,
     "45 vs 50 expected by Q2 (100 annual, cumulative): Amber (below, within 10% of expected: "
     "45 or more)"),
    (dict(Polarity=HIGHER, Measure="Cumulative", Annual_Target=100, Q2=44.9), 2, Rag.RED,
     "44.9 vs 50 expected by Q2 (100 annual, cumulative): Red (more than 10% below expected: "
     "under 45)"),
    (dict(Polarity=HIGHER, Measure="Cumulative", Annual_Target=100, Q3=75), 3, Rag.GREEN,
     "75 vs 75 expected by Q3 (100 annual, cumulative): Green"),
    (dict(Polarity=HIGHER, Measure="Cumulative", Annual_Target=100, Q4=100), 4, Rag.GREEN,
     "100 vs 100 annual target (cumulative): Green"),
    (dict(Polarity=HIGHER, Measure="Cumulative", Annual_Target=100, Q2_Target=60, Q2=58), 2,
     Rag.AMBER, "58 vs 60 Q2 profile target (cumulative): Amber (below, within 10% of expected: "
                "54 or more)"),
    (dict(Polarity=LOWER, Measure="Cumulative", Annual_Target=40, Q2=25), 2, Rag.RED,
     "25 vs 20 expected by Q2 (40 annual, cumulative, lower is better): Red (more than 10% "
     "above expected: over 22)"),
    # Snapshot: the quarter's target, else the annual target.
    (dict(Polarity=HIGHER, Measure="Snapshot", Unit="%", Annual_Target=0.9, Q1=0.98), 1,
     Rag.GREEN, "98% vs 90% target (snapshot): Green"),
    (dict(Polarity=HIGHER, Measure="Snapshot", Unit="%", Annual_Target=0.9, Q3_Target=0.95,
          Q3=0.9), 3, Rag.AMBER,
     "90% vs 95% Q3 profile target (snapshot): Amber (below, within 10% of expected: 85.5% or "
     "more)"),
    # On a % indicator the tolerance is 10% of the expected value, not 10 points: 44% is 5
    # points below 49%, but more than 4.9 (what-if CP7, review 3, B3).
    (dict(Polarity=HIGHER, Measure="Cumulative", Unit="%", Annual_Target=0.98, Q2=0.44), 2,
     Rag.RED, "44% vs 49% expected by Q2 (98% annual, cumulative): Red (more than 10% below "
              "expected: under 44.1%)"),
    (dict(Polarity=HIGHER, Measure="Cumulative", Unit="%", Annual_Target=0.98, Q2=0.45), 2,
     Rag.AMBER, "45% vs 49% expected by Q2 (98% annual, cumulative): Amber (below, within 10% "
                "of expected: 44.1% or more)"),
    (dict(Polarity=LOWER, Measure="Snapshot", Unit="%", Annual_Target=0.2, Q1=0.23), 1,
     Rag.RED, "23% vs 20% target (snapshot, lower is better): Red (more than 10% above "
              "expected: over 22%)"),
    # Lower is better.
    (dict(Polarity=LOWER, Measure="Snapshot", Annual_Target=40, Q1=38), 1, Rag.GREEN,
     "38 vs 40 target (snapshot, lower is better): Green"),
    (dict(Polarity=LOWER, Measure="Snapshot", Annual_Target=40, Q1=44), 1, Rag.AMBER,
     "44 vs 40 target (snapshot, lower is better): Amber (above, within 10% of expected: 44 or "
     "less)"),
    (dict(Polarity=LOWER, Measure="Snapshot", Annual_Target=40, Q1=45), 1, Rag.RED,
     "45 vs 40 target (snapshot, lower is better): Red (more than 10% above expected: over 44)"),
    # A Tolerance % typed as a plain whole number is points: 1 is 1%, never 100%.
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target=100, Q1=98, **{"Tolerance %": 1}),
     1, Rag.RED, "98 vs 100 target (snapshot): Red (more than 1% below expected: under 99; its "
                 "own tolerance)"),
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target=100, Q1=96, **{"Tolerance %": 5}),
     1, Rag.AMBER, "96 vs 100 target (snapshot): Amber (below, within 5% of expected: 95 or "
                   "more; its own tolerance)"),
    # A zero target on a % indicator: the absolute tolerance is in percentage points.
    (dict(Polarity=LOWER, Measure="Snapshot", Unit="%", Annual_Target="0%", Q1=0.4), 1, Rag.RED,
     "40% vs 0% target (snapshot, lower is better): Red (more than 1% above a zero target)"),
    (dict(Polarity=LOWER, Measure="Snapshot", Unit="%", Annual_Target="0%", Q1=0.005), 1,
     Rag.AMBER,
     "0.5% vs 0% target (snapshot, lower is better): Amber (above a zero target, within 1%)"),
    # A zero target: the tolerance is absolute (policy: 1).
    (dict(Polarity=LOWER, Measure="Snapshot", Annual_Target="zero", Q1=0), 1, Rag.GREEN,
     "0 vs 0 target (snapshot, lower is better): Green"),
    (dict(Polarity=LOWER, Measure="Snapshot", Annual_Target="zero", Q1=1), 1, Rag.AMBER,
     "1 vs 0 target (snapshot, lower is better): Amber (above a zero target, within 1)"),
    (dict(Polarity=LOWER, Measure="Snapshot", Annual_Target=0, Q1=2), 1, Rag.RED,
     "2 vs 0 target (snapshot, lower is better): Red (more than 1 above a zero target)"),
    (dict(Polarity=LOWER, Measure="Cumulative", Annual_Target="zero", Q2=0), 2, Rag.GREEN,
     "0 vs 0 expected by Q2 (0 annual, cumulative, lower is better): Green"),
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target=0, Q1=-1), 1, Rag.AMBER,
     "-1 vs 0 target (snapshot): Amber (below a zero target, within 1)"),
    # A KPI's own tolerance; typed as 5 it is 5%.
    ({"Polarity": HIGHER, "Measure": "Snapshot", "Annual Target": 100, "Tolerance %": "5%",
      "Q1": 96}, 1,
     Rag.AMBER, "96 vs 100 target (snapshot): Amber (below, within 5% of expected: 95 or more; "
                "its own tolerance)"),
    ({"Polarity": HIGHER, "Measure": "Snapshot", "Annual Target": 100, "Tolerance %": 5,
      "Q1": 94}, 1,
     Rag.RED, "94 vs 100 target (snapshot): Red (more than 5% below expected: under 95; its own "
              "tolerance)"),
    # Target band: one value widened by the tolerance, or a range typed as text.
    (dict(Polarity=BAND, Measure="Snapshot", Annual_Target=50, Q1=52), 1, Rag.GREEN,
     "52 vs 50 target (snapshot, target band): Green (inside 45 to 55)"),
    (dict(Polarity=BAND, Measure="Snapshot", Annual_Target=50, Q1=41), 1, Rag.AMBER,
     "41 vs 50 target (snapshot, target band): Amber (outside 45 to 55, inside 40 to 60 with "
     "the 10% tolerance)"),
    (dict(Polarity=BAND, Measure="Snapshot", Annual_Target=50, Q1=61), 1, Rag.RED,
     "61 vs 50 target (snapshot, target band): Red (outside 40 to 60: 45 to 55 widened by the "
     "10% tolerance)"),
    (dict(Polarity=BAND, Measure="Snapshot", Unit="%", Annual_Target="95% to 105%",
          Q1="110%"), 1, Rag.AMBER,
     "110% vs 95% to 105% target (snapshot, target band): Amber (outside 95% to 105%, "
     "inside 85.5% to 115.5% with the 10% tolerance)"),
    (dict(Polarity=BAND, Measure="Snapshot", Unit="%", Annual_Target="95-105%", Q1=0.99), 1,
     Rag.GREEN, "99% vs 95% to 105% target (snapshot, target band): Green (inside 95% to "
                "105%)"),
    (dict(Polarity=BAND, Measure="Snapshot", Annual_Target="between 5 and 10", Q1=2), 1,
     Rag.RED, "2 vs 5 to 10 target (snapshot, target band): Red (outside 4.5 to 11: 5 to 10 "
              "widened by the 10% tolerance)"),
    # Band edges shown exactly, and the figure to as many places: the band 0.675 to 0.825
    # showed as "0.68 to 0.82" (review 3, B4: what-if hart_community_partnerships KPI 6, Q1).
    (dict(Polarity=BAND, Measure="Cumulative", Annual_Target=3, Q1=0.75), 1, Rag.GREEN,
     "0.75 vs 0.75 expected by Q1 (3 annual, cumulative, target band): Green (inside 0.675 to "
     "0.825)"),
    (dict(Polarity=BAND, Measure="Cumulative", Annual_Target=3, Q1=0.8249), 1, Rag.GREEN,
     "0.8249 vs 0.75 expected by Q1 (3 annual, cumulative, target band): Green (inside 0.675 "
     "to 0.825)"),
    (dict(Polarity=BAND, Measure="Cumulative", Annual_Target=3, Q1=0.826), 1, Rag.AMBER,
     "0.826 vs 0.75 expected by Q1 (3 annual, cumulative, target band): Amber (outside 0.675 "
     "to 0.825, inside 0.6 to 0.9 with the 10% tolerance)"),
    (dict(Polarity=BAND, Measure="Cumulative", Unit="%", Annual_Target="95-105%", Q1=0.2), 1,
     Rag.RED, "20% vs 23.75% to 26.25% expected by Q1 (95-105% annual, cumulative, target "
              "band): Red (outside 21.375% to 28.875%: 23.75% to 26.25% widened by the 10% "
              "tolerance)"),
    # Figures shown with the decimals that make the miss visible ("85% vs 85%: Red" hid
    # 84.995%, and "100 vs 100: Red" 99.996).
    (dict(Polarity=HIGHER, Measure="Snapshot", Unit="%", Annual_Target="85%", **{"Tolerance %": 0},
          Q1=0.84995), 1, Rag.RED,
     "84.995% vs 85% target (snapshot): Red (more than 0% below expected: under 85%; its own "
     "tolerance)"),
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target=100, **{"Tolerance %": 0},
          Q1=99.996), 1,
     Rag.RED, "99.996 vs 100 target (snapshot): Red (more than 0% below expected: under 100; "
              "its own tolerance)"),
    # ... and on either side of where Amber ends (90 is exactly 10% below 100)
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target=100, Q1=89.996), 1, Rag.RED,
     "89.996 vs 100 target (snapshot): Red (more than 10% below expected: under 90)"),
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target=100, Q1=90.004), 1, Rag.AMBER,
     "90.004 vs 100 target (snapshot): Amber (below, within 10% of expected: 90 or more)"),
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target=100, Q1=90), 1, Rag.AMBER,
     "90 vs 100 target (snapshot): Amber (below, within 10% of expected: 90 or more)"),
    (dict(Polarity=LOWER, Measure="Snapshot", Annual_Target=2.5, Q1=2.504), 1, Rag.AMBER,
     "2.504 vs 2.5 target (snapshot, lower is better): Amber (above, within 10% of expected: "
     "2.75 or less)"),
    (dict(Polarity=BAND, Measure="Snapshot", Annual_Target=100, Q1=120.5), 1, Rag.RED,
     "120.5 vs 100 target (snapshot, target band): Red (outside 80 to 120: 90 to 110 widened "
     "by the 10% tolerance)"),
    # Yes/No: met or not.
    (dict(Polarity=HIGHER, Measure="Snapshot", Unit="Yes/No", Annual_Target="Yes", Q1="No"), 1,
     Rag.RED, "No vs Yes target (Yes/No): Red (target not met)"),
    (dict(Polarity=HIGHER, Measure="Cumulative", Unit="Yes/No", Annual_Target="Yes",
          Q2="Yes"), 2, Rag.GREEN, "Yes vs Yes target (Yes/No): Green"),
    # Annual measures: Not due before Q4, rated at Q4.
    (dict(Polarity=LOWER, Measure="Annual", Unit="£", Annual_Target=25, Q1="-"), 1,
     Rag.NOT_DUE, "Annual measure, reported in Q4: not due at Q1"),
    (dict(Polarity=LOWER, Measure="Annual", Unit="£", Annual_Target=25, Q3=20), 3,
     Rag.NOT_DUE, "Annual measure, reported in Q4: not due at Q3"),
    (dict(Polarity=LOWER, Measure="Annual", Unit="£", Annual_Target=25, Q4=26.5), 4, Rag.AMBER,
     "£26.50 vs £25 annual target (annual measure, lower is better): Amber (above, within 10% "
     "of expected: £27.50 or less)"),
    (dict(Polarity=LOWER, Measure="Annual", Unit="£", Annual_Target=25), 4, Rag.NO_DATA,
     "No Q4 figure (the cell is blank)"),
    # Info only: no RAG, whatever the figures.
    (dict(Polarity=HIGHER, Measure="Info only", Annual_Target=10, Q1=1), 1, Rag.INFO_ONLY,
     "Q1 1; Info only: reported for information, no target"),
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target="INFO ONLY"), 1, Rag.INFO_ONLY,
     "Info only: reported for information, no target"),
    # Missing figures are No data, never Red.
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target=40), 1, Rag.NO_DATA,
     "No Q1 figure (the cell is blank)"),
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target=40, Q2=50), 1, Rag.NO_DATA,
     "No Q1 figure (the cell is blank)"),
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target=40, Q1="-"), 1, Rag.NO_DATA,
     "No Q1 figure (Q1 is '-')"),
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target=40, Q1="TBC"), 1, Rag.NO_DATA,
     "No Q1 figure (Q1 is 'TBC')"),
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target=40, Q1="awaiting Serco data"), 1,
     Rag.NO_DATA, "No Q1 figure: Q1 is text ('awaiting Serco data'), not a number"),
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target=40, Q1="#DIV/0!"), 1,
     Rag.NO_DATA, "No Q1 figure: Q1 shows the error #DIV/0!"),
    # A figure with no usable target: No target, and why.
    (dict(Polarity=HIGHER, Measure="Snapshot", Q1=12), 1, Rag.NO_TARGET,
     "Q1 12; no target set: no RAG"),
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target="TBC", Q1=12), 1, Rag.NO_TARGET,
     "Q1 12; target is 'TBC': no RAG"),
    (dict(Polarity=HIGHER, Measure="Snapshot", Unit="%",
          Annual_Target="50% of all formal presentations", Q1=0.4), 1, Rag.NO_TARGET,
     "Q1 40%; target is text ('50% of all formal presentations'): no RAG"),
    # A percentage number typed into a % column, said so in the reason.
    (dict(Polarity=HIGHER, Measure="Cumulative", Unit="%", Annual_Target=0.98, Q1=29.3), 1,
     Rag.GREEN, "29.3% vs 24.5% expected by Q1 (98% annual, cumulative): Green; Q1 29.3 read "
                "as 29.3%; year-end forecast capped at 100% (117.2% at this pace)"),
    (dict(Polarity=HIGHER, Measure="Cumulative", Unit="%", Annual_Target=98, Q1=29.3), 1,
     Rag.GREEN, "29.3% vs 24.5% expected by Q1 (98% annual, cumulative): Green; Q1 29.3 read "
                "as 29.3%; target 98 read as 98%; year-end forecast capped at 100% (117.2% at "
                "this pace)"),
    # A No data reason does not carry a note about last quarter's figure (read for the
    # direction of travel), only about what decided the RAG.
    (dict(Polarity=HIGHER, Measure="Snapshot", Unit="%", Annual_Target=90, Q1=85), 2,
     Rag.NO_DATA, "No Q2 figure (the cell is blank)"),
    # A quarter's own target, and a band typed as plain numbers, rescaled and said so.
    (dict(Polarity=HIGHER, Measure="Snapshot", Unit="%", Annual_Target=0.9, Q2_Target=80,
          Q2=0.85), 2, Rag.GREEN, "85% vs 80% Q2 profile target (snapshot): Green; Q2 target 80 "
                                   "read as 80%"),
    (dict(Polarity="Target band", Measure="Snapshot", Unit="%", Annual_Target="95 to 105",
          Q1=0.97), 1, Rag.GREEN, "97% vs 95% to 105% target (snapshot, target band): Green "
                                  "(inside 95% to 105%); target '95 to 105' read as 95% to 105%"),
    # No unit, but the target was typed with a % sign: a % KPI.
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target="90%", Q1=85), 1, Rag.AMBER,
     "85% vs 90% target (snapshot): Amber (below, within 10% of expected: 81% or more); Q1 85 "
     "read as 85%"),
    # Missing polarity or measure: an assumption, said so.
    (dict(Measure="Snapshot", Annual_Target=10, Q1=8), 1, Rag.RED,
     "8 vs 10 target (snapshot): Red (more than 10% below expected: under 9); polarity not set: "
     "higher is better assumed"),
    (dict(Polarity=HIGHER, Annual_Target=10, Q1=10), 1, Rag.GREEN,
     "10 vs 10 target (snapshot): Green; measure not set: read as a snapshot"),
]


@pytest.mark.parametrize(("typed", "quarter", "rag", "reason"), CASES,
                         ids=[f"{i}-{c[2].value}" for i, c in enumerate(CASES)])
def test_kpi_rag_and_reason(typed: dict[str, Any], quarter: int, rag: Rag, reason: str) -> None:
    status = kpi_status(kpi(**typed), quarter, default_policy())
    assert (status.rag, status.reason) == (rag, reason)


def test_quarter_may_be_given_as_text_or_enum() -> None:
    one = kpi(Polarity=HIGHER, Measure="Snapshot", Annual_Target=10, Q2=10)
    assert kpi_status(one, "Q2").rag is kpi_status(one, 2).rag is Rag.GREEN
    with pytest.raises(ValueError, match="quarter"):
        kpi_status(one, 5)


def test_a_missing_figure_is_never_red_whatever_the_rest() -> None:
    for polarity in (HIGHER, LOWER, BAND):
        for measure in ("Cumulative", "Snapshot"):
            for target in (0, 10, "zero", "TBC", None):
                status = kpi_status(kpi(Polarity=polarity, Measure=measure,
                                        Annual_Target=target, Q1=None), 1)
                assert status.rag is Rag.NO_DATA


EXPECTED = [
    # (measure, quarter, annual, profile, expected)
    (Measure.CUMULATIVE, 1, 100.0, None, 25.0),
    (Measure.CUMULATIVE, 3, 0.98, None, 0.735),
    (Measure.CUMULATIVE, 2, 100.0, 60.0, 60.0),
    (Measure.SNAPSHOT, 2, 75.0, None, 75.0),
    (Measure.SNAPSHOT, 2, 75.0, 70.0, 70.0),
    (Measure.ANNUAL, 4, 25.0, None, 25.0),
    (Measure.CUMULATIVE, 1, None, None, None),
]


@pytest.mark.parametrize(("measure", "quarter", "annual", "profile", "expected"), EXPECTED)
def test_expected_to_date(measure: Measure, quarter: int, annual: float | None,
                          profile: float | None, expected: float | None) -> None:
    found = expected_to_date(measure, quarter, annual, profile)
    assert found == pytest.approx(expected) if expected is not None else found is None


# --------------------------------------------------------------------------- direction

TRAVEL = [
    # (KPI as typed, quarter, vs previous quarter, vs same quarter last year)
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target=1, Q1=0.7, Q2=0.8), 2,
     Direction.IMPROVING, Direction.NOT_AVAILABLE),
    (dict(Polarity=LOWER, Measure="Snapshot", Annual_Target=40, Q1=30, Q2=35,
          Last_Year_Q2=50), 2, Direction.WORSENING, Direction.IMPROVING),
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target=40, Q1=30, Q2=30,
          Last_Year_Q2=30), 2, Direction.NO_CHANGE, Direction.NO_CHANGE),
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target=40, Q2=30, Last_Year_Q2=20), 2,
     Direction.NOT_AVAILABLE, Direction.IMPROVING),  # a missing quarter: nothing to compare
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target=40, Q1=30, Last_Year_Q4=35), 1,
     Direction.WORSENING, Direction.NOT_AVAILABLE),  # Q1 is compared with last year's Q4
    (dict(Polarity=HIGHER, Measure="Cumulative", Unit="%", Annual_Target=0.98, Q1=0.293,
          Last_Year_Q1=0.2), 1, Direction.NOT_AVAILABLE, Direction.IMPROVING),
    # cumulative: its share of the expected value, 120% of it at Q1, 100% at Q2
    (dict(Polarity=HIGHER, Measure="Cumulative", Annual_Target=100, Q1=30, Q2=50), 2,
     Direction.WORSENING, Direction.NOT_AVAILABLE),
    (dict(Polarity=LOWER, Measure="Cumulative", Annual_Target=100, Q1=30, Q2=50), 2,
     Direction.IMPROVING, Direction.NOT_AVAILABLE),
    (dict(Polarity=BAND, Measure="Snapshot", Annual_Target=50, Q1=70, Q2=40,
          Last_Year_Q2=50), 2, Direction.IMPROVING, Direction.WORSENING),
    # a cumulative Target band: better is nearer the band expected by each quarter, not a
    # larger share of it (review 3, A1: what-if hart_community_partnerships KPIs 6 and 5.2,
    # inside the band at Q1 and above it at Q2, were "Improving")
    (dict(Polarity=BAND, Measure="Cumulative", Annual_Target=3, Q2_Target="2 to 4", Q1=0.75,
          Q2=4.3), 2, Direction.WORSENING, Direction.NOT_AVAILABLE),
    (dict(Polarity=BAND, Measure="Cumulative", Annual_Target="18 to 22", Q1=5, Q2=12), 2,
     Direction.WORSENING, Direction.NOT_AVAILABLE),
    (dict(Polarity=BAND, Measure="Cumulative", Annual_Target="18 to 22", Q1=7, Q2=10), 2,
     Direction.IMPROVING, Direction.NOT_AVAILABLE),  # 30% above at Q1, inside at Q2
    (dict(Polarity=BAND, Measure="Cumulative", Annual_Target="18 to 22", Q1=3, Q2=8), 2,
     Direction.IMPROVING, Direction.NOT_AVAILABLE),  # 1.5 below 4.5 (30%), 1 below 9 (10%)
    (dict(Polarity=BAND, Measure="Cumulative", Annual_Target="18 to 22", Q1=5.2, Q2=9.5), 2,
     Direction.NO_CHANGE, Direction.NOT_AVAILABLE),  # inside both times
    (dict(Polarity=BAND, Measure="Cumulative", Annual_Target="18 to 22", Q1=5, Q2=8), 2,
     Direction.WORSENING, Direction.NOT_AVAILABLE),  # below, where higher read 89% as worse
    (dict(Polarity=LOWER, Measure="Annual", Annual_Target=25, Q4=20, Last_Year_Q4=22), 4,
     Direction.NOT_AVAILABLE, Direction.IMPROVING),
    (dict(Polarity=HIGHER, Measure="Snapshot", Unit="Yes/No", Annual_Target="Yes", Q1="No",
          Q2="Yes"), 2, Direction.IMPROVING, Direction.NOT_AVAILABLE),
]


@pytest.mark.parametrize(("typed", "quarter", "previous", "last_year"), TRAVEL)
def test_direction_of_travel(typed: dict[str, Any], quarter: int, previous: Direction,
                             last_year: Direction) -> None:
    status = kpi_status(kpi(**typed), quarter)
    assert (status.vs_previous.direction, status.vs_last_year.direction) == (previous,
                                                                             last_year)


# (KPI as typed, quarter, what the text against the previous quarter says)
TRAVEL_TEXT = [
    (dict(Polarity=BAND, Measure="Cumulative", Annual_Target=3, Q2_Target="2 to 4", Q1=0.75,
          Q2=4.3), 2, "worsening: above the band by 10% of expected to date, inside it at Q1"),
    (dict(Polarity=BAND, Measure="Cumulative", Annual_Target="18 to 22", Q1=7, Q2=10), 2,
     "improving: inside the band to date, above it by 30% of expected at Q1"),
    (dict(Polarity=HIGHER, Measure="Cumulative", Annual_Target=100, Q1=30, Q2=50), 2,
     "worsening: 100% of expected to date, 120% at Q1"),
    # Say what is missing (review 3, B1: "no Q1 figure or expected value" was said of
    # hart_corporate_services CP1, CP6 and CP7 at Q2, whose Q1 is filled in and Q2 blank).
    (dict(Polarity=HIGHER, Measure="Cumulative", Unit="%", Annual_Target=0.98, Q1=0.293), 2,
     "no Q2 figure to compare"),
    (dict(Polarity=HIGHER, Measure="Cumulative", Annual_Target=100, Q2=50), 2,
     "no Q1 figure to compare"),
    (dict(Polarity=HIGHER, Measure="Cumulative", Annual_Target=100, Q1="-", Q2=50), 2,
     "no Q1 figure to compare"),
    (dict(Polarity=HIGHER, Measure="Cumulative", Annual_Target="TBC", Q1=20, Q2=50), 2,
     "no expected value for Q2 to compare"),
    (dict(Polarity=HIGHER, Measure="Cumulative", Q1=20, Q2_Target=60, Q2=50), 2,
     "no expected value for Q1 to compare"),
]


@pytest.mark.parametrize(("typed", "quarter", "text"), TRAVEL_TEXT)
def test_direction_of_travel_text(typed: dict[str, Any], quarter: int, text: str) -> None:
    assert kpi_status(kpi(**typed), quarter).vs_previous.text == text


def test_direction_is_separate_from_rag() -> None:
    """Red but improving: both are reported."""
    status = kpi_status(kpi(Polarity=HIGHER, Measure="Snapshot", Annual_Target=100, Q1=50,
                            Q2=70), 2)
    assert status.rag is Rag.RED
    assert status.vs_previous.direction is Direction.IMPROVING
    assert status.vs_previous.text == "improving on Q1 (50)"


# --------------------------------------------------------------------------- forecast

FORECASTS = [
    # (KPI as typed, quarter, forecast, its RAG)
    (dict(Polarity=HIGHER, Measure="Cumulative", Annual_Target=100, Q1=30), 1, 120.0,
     Rag.GREEN),
    (dict(Polarity=HIGHER, Measure="Cumulative", Annual_Target=100, Q2_Target=40, Q2=30), 2,
     75.0, Rag.RED),  # 75% of profile carried to the year end
    (dict(Polarity=LOWER, Measure="Cumulative", Annual_Target=160, Q3=126), 3, 168.0,
     Rag.AMBER),
    (dict(Polarity=HIGHER, Measure="Cumulative", Q1=30), 1, 120.0, None),
    (dict(Polarity=HIGHER, Measure="Snapshot", Annual_Target=100, Q1=30), 1, None, None),
    (dict(Polarity=HIGHER, Measure="Cumulative", Annual_Target=100), 1, None, None),
    # a profile expecting nothing yet, and nothing done: no pace to carry on (not 0 and Red
    # beside a Green); something done is carried on in a straight line
    (dict(Polarity=HIGHER, Measure="Cumulative", Annual_Target=4, Q1_Target=0, Q1=0), 1, None,
     None),
    (dict(Polarity=HIGHER, Measure="Cumulative", Annual_Target=4, Q1_Target=0, Q1=2), 1, 8.0,
     Rag.GREEN),
    (dict(Polarity=LOWER, Measure="Cumulative", Annual_Target="zero", Q1_Target=0, Q1=3), 1,
     12.0, Rag.RED),
    # A rate cannot pass 100%: a % indicator's forecast stops there (review 3, C1:
    # hart_corporate_services CP6 29.3% and CP7 29.5% at Q1 were forecast 117.2% and 118%) ...
    (dict(Polarity=HIGHER, Measure="Cumulative", Unit="%", Annual_Target=0.98, Q1=0.293), 1,
     1.0, Rag.GREEN),
    (dict(Polarity=HIGHER, Measure="Cumulative", Unit="%", Annual_Target=0.98, Q2_Target=0.4,
          Q2=0.5), 2, 1.0, Rag.GREEN),  # against profile: 125% of 98%
    (dict(Polarity=HIGHER, Measure="Cumulative", Unit="%", Q1=0.3), 1, 1.0, None),
    # ... and is rated capped: 104% is Red against 92% lower is better, 100% Amber
    (dict(Polarity=LOWER, Measure="Cumulative", Unit="%", Annual_Target=0.92, Q1=0.26), 1,
     1.0, Rag.AMBER),
    # ... unless the target or the figure is above 100%: then more means something
    (dict(Polarity=HIGHER, Measure="Cumulative", Unit="%", Annual_Target=1.2, Q1=0.4), 1,
     1.6, Rag.GREEN),
    (dict(Polarity=HIGHER, Measure="Cumulative", Unit="%", Annual_Target=0.98, Q2=1.1), 2,
     2.2, Rag.GREEN),
    (dict(Polarity=HIGHER, Measure="Cumulative", Annual_Target=98, Q1=29.3), 1, 117.2,
     Rag.GREEN),  # not a %: a count
    (dict(Polarity=HIGHER, Measure="Cumulative", Unit="%", Annual_Target=0.98, Q2=0.49), 2,
     0.98, Rag.GREEN),  # 100% or under: as it was
]


@pytest.mark.parametrize(("typed", "quarter", "forecast", "rag"), FORECASTS)
def test_year_end_forecast(typed: dict[str, Any], quarter: int, forecast: float | None,
                           rag: Rag | None) -> None:
    status = kpi_status(kpi(**typed), quarter)
    assert status.forecast is None if forecast is None \
        else status.forecast == pytest.approx(forecast)
    assert status.forecast_rag is rag


def test_a_capped_forecast_is_said_in_the_reason() -> None:
    capped = kpi_status(kpi(Polarity=LOWER, Measure="Cumulative", Unit="%", Annual_Target=0.92,
                            Q1=0.26), 1)
    assert capped.reason == ("26% vs 23% expected by Q1 (92% annual, cumulative, lower is "
                             "better): Red (more than 10% above expected: over 25.3%); year-end "
                             "forecast capped at 100% (104% at this pace)")
    plain = kpi_status(kpi(Polarity=HIGHER, Measure="Cumulative", Unit="%", Annual_Target=1.2,
                           Q1=0.4), 1)
    assert "capped" not in plain.reason


# --------------------------------------------------------------------------- formatting

FORMATS = [
    (0.293, Unit.PERCENT, "29.3%"), (0.98, Unit.PERCENT, "98%"), (0.9999, Unit.PERCENT, "99.99%"),
    (3500, Unit.MONEY, "£3,500"), (26.5, Unit.MONEY, "£26.50"), (-12, Unit.MONEY, "-£12"),
    (1234.5, Unit.NUMBER, "1,234.5"), (40, None, "40"), (1, Unit.YES_NO, "Yes"),
    (0, Unit.YES_NO, "No"), (None, Unit.NUMBER, "blank"),
]


@pytest.mark.parametrize(("value", "unit", "text"), FORMATS)
def test_format_value(value: float | None, unit: Unit | None, text: str) -> None:
    assert format_value(value, unit) == text


# --------------------------------------------------------------------------- golden

HART_Q1 = {
    "CP1": Rag.RED,  # 10% vs 25% expected by Q1
    "CP2": Rag.GREEN, "CP3": Rag.GREEN,
    "CP4": Rag.RED,  # Yes/No: No against Yes
    "CP5": Rag.GREEN, "CP6": Rag.GREEN, "CP7": Rag.GREEN, "CP8": Rag.GREEN, "CP9": Rag.GREEN,
    "CP10": Rag.NO_DATA, "CP11": Rag.NO_DATA,  # blank: the Serco data dispute
    "CP12": Rag.NOT_DUE,  # annual, Q1 "-"
    "CP13": Rag.NO_DATA,
}


def test_golden_hart_corporate_services_q1() -> None:
    plan = read_plan(example("hart_corporate_services_2022_23"))
    assert plan.details.reporting_quarter is not None
    statuses = {k.ref: kpi_status(k, plan.details.reporting_quarter) for k in plan.kpis}
    assert {ref: s.rag for ref, s in statuses.items()} == HART_Q1
    cp6 = statuses["CP6"]
    assert cp6.reason == ("29.3% vs 24.5% expected by Q1 (98% annual, cumulative): Green; "
                          "year-end forecast capped at 100% (117.2% at this pace)")
    assert (cp6.actual, cp6.expected) == (pytest.approx(0.293), pytest.approx(0.245))
    # collection rates: 29.3% and 29.5% by Q1 carried on pass 100%, which they cannot
    assert [(statuses[ref].forecast, statuses[ref].forecast_rag) for ref in ("CP6", "CP7")] \
        == [(1.0, Rag.GREEN), (1.0, Rag.GREEN)]
    assert statuses["CP1"].reason == ("10% vs 25% expected by Q1 (100% annual, cumulative): "
                                      "Red (more than 10% below expected: under 22.5%)")
    assert cp6.vs_last_year.direction is Direction.IMPROVING  # 20% at Q1 last year
    assert cp6.cells == {"actual": "KPIs!N7", "target": "KPIs!H7", "last_year": "KPIs!R7"}
    assert statuses["CP12"].reason == "Annual measure, reported in Q4: not due at Q1"
    assert statuses["CP10"].reason == "No Q1 figure (the cell is blank)"


# --------------------------------------------------------------------------- properties

figures = st.floats(-1e6, 1e6, allow_nan=False)
tolerances = st.floats(0, 1, allow_nan=False)


@given(figures, figures, figures, tolerances)
def test_rag_rises_with_the_actual_when_higher_is_better(a: float, b: float, expected: float,
                                                         tolerance: float) -> None:
    low, high = sorted((a, b))
    assert RAG_RANK[rate(low, expected, Polarity.HIGHER, tolerance, 1)] <= \
        RAG_RANK[rate(high, expected, Polarity.HIGHER, tolerance, 1)]


@given(figures, figures, figures, tolerances)
def test_rag_falls_with_the_actual_when_lower_is_better(a: float, b: float, expected: float,
                                                        tolerance: float) -> None:
    low, high = sorted((a, b))
    assert RAG_RANK[rate(low, expected, Polarity.LOWER, tolerance, 1)] >= \
        RAG_RANK[rate(high, expected, Polarity.LOWER, tolerance, 1)]


@given(figures, figures, figures, st.floats(0, 1e5, allow_nan=False), tolerances)
def test_target_band_rag_rises_to_the_band_then_falls(a: float, b: float, low: float,
                                                      width: float, tolerance: float) -> None:
    first, second = sorted((a, b))
    high = low + width
    rank = [RAG_RANK[rate_band(x, low, high, tolerance, 1)] for x in (first, second)]
    if second <= low:
        assert rank[0] <= rank[1]
    if first >= high:
        assert rank[0] >= rank[1]


@given(st.sampled_from([HIGHER, LOWER]), st.sampled_from(["Cumulative", "Snapshot"]),
       st.integers(1, 4), st.floats(0, 1000), st.floats(0, 2000), st.floats(0, 2000))
def test_kpi_status_rag_is_monotone_in_the_actual(polarity: str, measure: str, quarter: int,
                                                  target: float, a: float, b: float) -> None:
    low, high = sorted((a, b))
    ranks = [RAG_RANK[kpi_status(kpi(Polarity=polarity, Measure=measure, Annual_Target=target,
                                     **{f"Q{quarter}": x}), quarter).rag] for x in (low, high)]
    assert ranks[0] <= ranks[1] if polarity == HIGHER else ranks[0] >= ranks[1]


@given(figures, figures)
def test_direction_reverses_with_polarity(a: float, b: float) -> None:
    higher = direction(a, b, Polarity.HIGHER)
    lower = direction(a, b, Polarity.LOWER)
    flipped = {Direction.IMPROVING: Direction.WORSENING,
               Direction.WORSENING: Direction.IMPROVING,
               Direction.NO_CHANGE: Direction.NO_CHANGE}
    assert lower is flipped[higher]


def _shown(text: str) -> Decimal:
    return Decimal(text.replace(",", "").removesuffix("%"))


thousandths = st.integers(0, 200_000).map(lambda n: n / 1000)


@given(thousandths, thousandths, thousandths, st.integers(1, 4), st.booleans())
def test_a_figure_is_shown_on_the_side_of_the_band_edges_its_rag_says(
        low: float, width: float, actual: float, quarter: int, percent: bool) -> None:
    """Whatever the rounding, a figure rated inside a band (or its tolerance) is shown inside
    the edges the reason names, and one rated outside is shown outside them."""
    high = round(low + width, 3)
    typed = dict(Polarity=BAND, Measure="Cumulative", Annual_Target=f"{low} to {high}",
                 **{f"Q{quarter}": actual})
    if percent:
        typed.update(Unit="%", Annual_Target=f"{low}% to {high}%", **{f"Q{quarter}": f"{actual}%"})
    status = kpi_status(kpi(**typed), quarter)
    figure, verdict = status.reason.split(" vs ", 1)[0], status.reason.split("target band): ")[1]
    x = _shown(figure)
    edges = [_shown(n) for n in re.findall(r"-?[\d,]*\.?\d+%?", verdict)[:4]]
    if status.rag is Rag.GREEN:
        assert edges[0] <= x <= edges[1], status.reason
    elif status.rag is Rag.AMBER:
        assert not edges[0] <= x <= edges[1] and edges[2] <= x <= edges[3], status.reason
    else:
        assert not edges[0] <= x <= edges[1], status.reason


@given(st.sampled_from([HIGHER, LOWER]), thousandths, thousandths, st.integers(1, 4),
       st.sampled_from([None, 3, 7.5, 12.5]))
def test_a_figure_is_shown_on_the_side_of_the_edge_its_rag_says(
        polarity: str, target: float, actual: float, quarter: int,
        tolerance: float | None) -> None:
    """"Red (more than 10% below expected: under 44.1%)": the figure shown is under it; and
    "Amber (... 44.1% or more)" at or over it."""
    status = kpi_status(kpi(Polarity=polarity, Measure="Cumulative", Annual_Target=target,
                            **{"Tolerance %": tolerance, f"Q{quarter}": actual}), quarter)
    match = re.search(r"expected: (under|over) (\S+?)[;)]|: (\S+?) or (more|less)[;)]",
                      status.reason)
    if status.rag not in (Rag.AMBER, Rag.RED) or "zero target" in status.reason:
        return
    assert match is not None, status.reason
    x = _shown(status.reason.split(" vs ", 1)[0])
    if status.rag is Rag.RED:
        edge = _shown(match[2])
        assert x < edge if match[1] == "under" else x > edge, status.reason
    else:
        edge = _shown(match[3])
        assert x >= edge if match[4] == "more" else x <= edge, status.reason


def test_a_zero_profile_is_why_a_cumulative_kpi_has_no_direction() -> None:
    """There is a Q1 figure (0): it is the zero expected by Q1 that leaves nothing to compare
    (the text used to say there was no Q1 figure)."""
    status = kpi_status(kpi(Polarity=HIGHER, Measure="Cumulative", Annual_Target=20,
                            Q1_Target=0, Q2_Target=10, Q3_Target=15, Q4_Target=20, Q1=0, Q2=5),
                        2)
    assert status.vs_previous.direction is Direction.NOT_AVAILABLE
    assert status.vs_previous.text == "nothing was expected by Q1: no share of it to compare"



@pytest.mark.parametrize("target", ["INFO ONLY", "TBC"])
def test_a_kpi_not_rated_says_nothing_of_a_capped_forecast(target: str) -> None:
    """"Info only: reported for information, no target; year-end forecast capped at 100%
    (200% at this pace)": a forecast talked about on a KPI that is not rated."""
    scored = kpi_status(kpi(Polarity=HIGHER, Measure="Cumulative", Unit="%",
                            Annual_Target=target, Q1=0.5), 1)
    assert "forecast" not in scored.reason
