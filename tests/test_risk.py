"""Risk scoring: likelihood x impact, bands from the matrix, appetite, reviews, heat map."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import example
from hypothesis import given
from hypothesis import strategies as st

from xl_plans.model import Band, Risk
from xl_plans.policy import BAND_ORDER, MatrixPolicy, Policy, default_policy, load_policy
from xl_plans.reader import plan_from_tables, read_plan
from xl_plans.risk import (
    band_grid,
    band_of_score,
    heat_map,
    risk_band,
    risk_score,
    score_risks,
    scored_risk,
)

TODAY = dt.date(2022, 10, 15)
FOUR = default_policy().matrix("4x4")
FIVE = default_policy().matrix("5x5")


def risk(**typed: Any) -> Risk:
    row = {"Ref": "R1", "Risk": "A risk"}
    row.update({header.replace("_", " "): value for header, value in typed.items()})
    return plan_from_tables({"Risks": [row]}).risks[0]


# Every score each preset can give, and its band (DESIGN.md).
BANDS_4X4 = {1: Band.LOW, 2: Band.LOW, 3: Band.LOW, 4: Band.LOW, 6: Band.MEDIUM, 8: Band.HIGH,
             9: Band.HIGH, 12: Band.VERY_HIGH, 16: Band.VERY_HIGH}
BANDS_5X5 = {1: Band.LOW, 2: Band.LOW, 3: Band.LOW, 4: Band.LOW, 5: Band.LOW, 6: Band.LOW,
             8: Band.MEDIUM, 9: Band.MEDIUM, 10: Band.MEDIUM, 12: Band.MEDIUM, 15: Band.HIGH,
             16: Band.HIGH, 20: Band.HIGH, 25: Band.VERY_HIGH}


@pytest.mark.parametrize(("matrix", "bands"), [(FOUR, BANDS_4X4), (FIVE, BANDS_5X5)])
def test_preset_bands_for_every_possible_score(matrix: MatrixPolicy,
                                               bands: dict[int, Band]) -> None:
    products = {li * im for li in range(1, matrix.size + 1) for im in range(1, matrix.size + 1)}
    assert products == set(bands)
    assert {score: band_of_score(score, matrix) for score in products} == bands


def test_band_per_cell(tmp_path: Path) -> None:
    path = tmp_path / "council.toml"
    path.write_text('[risk.matrices."4x4"]\ncells = [\n'
                    '  ["Low", "Low", "Low", "Medium"],\n'
                    '  ["Low", "Low", "Medium", "High"],\n'
                    '  ["Low", "Medium", "High", "Very High"],\n'
                    '  ["Medium", "High", "Very High", "Very High"],\n]\n')
    matrix = load_policy(path).matrix("4x4")
    # likelihood 4 x impact 1 = 4 is Low by score, but this council puts that cell in Medium
    assert risk_band(4, 1, matrix) is Band.MEDIUM
    assert risk_band(1, 4, matrix) is Band.MEDIUM
    assert risk_band(2, 2, matrix) is Band.LOW
    scored = scored_risk(risk(Residual_Likelihood=4, Residual_Impact=1), matrix, TODAY)
    assert (scored.residual.score, scored.residual.band) == (4, Band.MEDIUM)


SCORES = [
    # (risk as typed, matrix, residual score, band, above appetite, problem)
    (dict(Residual_Likelihood=2, Residual_Impact=2), FOUR, 4, Band.LOW, False, None),
    (dict(Residual_Likelihood=3, Residual_Impact=3), FOUR, 9, Band.HIGH, True, None),
    (dict(Residual_Likelihood=2, Residual_Impact=3), FOUR, 6, Band.MEDIUM, False, None),
    (dict(Residual_Likelihood=5, Residual_Impact=5), FIVE, 25, Band.VERY_HIGH, True, None),
    (dict(Residual_Likelihood=3, Residual_Impact=4), FIVE, 12, Band.MEDIUM, False, None),
    (dict(Residual_Likelihood=5, Residual_Impact=1), FOUR, None, None, False,
     "residual likelihood 5 is outside the 4x4 matrix (1 to 4)"),
    (dict(Residual_Likelihood=0, Residual_Impact=1), FIVE, None, None, False,
     "residual likelihood 0 is outside the 5x5 matrix (1 to 5)"),
    (dict(Residual_Likelihood=2.5, Residual_Impact=1), FIVE, None, None, False,
     "residual likelihood 2.5 is not a whole number"),
    (dict(Residual_Likelihood="High", Residual_Impact=1), FIVE, None, None, False,
     "residual likelihood is 'High', not a number"),
    (dict(Residual_Likelihood=3), FIVE, None, None, False, "residual impact is blank"),
    (dict(), FIVE, None, None, False, None),
]


@pytest.mark.parametrize(("typed", "matrix", "score", "band", "above", "problem"), SCORES)
def test_residual_score_band_and_appetite(typed: dict[str, Any], matrix: MatrixPolicy,
                                          score: int | None, band: Band | None, above: bool,
                                          problem: str | None) -> None:
    scored = scored_risk(risk(**typed), matrix, TODAY)
    assert (scored.residual.score, scored.residual.band, scored.above_appetite,
            scored.residual.problem) == (score, band, above, problem)


def test_inherent_residual_and_target_are_all_scored() -> None:
    scored = scored_risk(risk(Inherent_Likelihood=4, Inherent_Impact=4, Residual_Likelihood=3,
                              Residual_Impact=2, Target_Likelihood=1, Target_Impact=2),
                         FOUR, TODAY)
    assert [(s.score, s.band) for s in (scored.inherent, scored.residual, scored.target)] == [
        (16, Band.VERY_HIGH), (6, Band.MEDIUM), (2, Band.LOW)]
    assert scored.reason == "residual 3 x 2 = 6: Medium on the 4x4 matrix; within appetite (6); " \
                            "no review date"


REVIEWS = [
    # (review date as typed, status, overdue)
    (dt.date(2022, 9, 30), None, True),
    (dt.date(2022, 10, 15), None, False),  # due today: not yet overdue
    ("2019", None, True),  # a year: overdue after 31 December
    ("2022", None, False),
    ("Summer 2021", "Open", True),
    ("March 2024 and ongoing", None, False),
    ("N/A", None, False),
    ("TBC", None, False),
    (None, None, False),
    (dt.date(2020, 1, 1), "Closed", False),  # a closed risk needs no review
]


@pytest.mark.parametrize(("review", "status", "overdue"), REVIEWS)
def test_review_overdue(review: object, status: str | None, overdue: bool) -> None:
    scored = scored_risk(risk(Residual_Likelihood=1, Residual_Impact=1, Review_Date=review,
                              Status=status), FIVE, TODAY)
    assert scored.review_overdue is overdue


@pytest.mark.parametrize(("review", "shown"), [
    (dt.date(2022, 9, 30), "30 Sep 2022"),  # a date cell: shown as contracts show one
    ("Summer 2021", "Summer 2021"),  # text: as typed
])
def test_a_passed_review_date_is_shown_as_a_person_reads_it(review: object,
                                                           shown: str) -> None:
    scored = scored_risk(risk(Residual_Likelihood=1, Residual_Impact=1, Review_Date=review),
                         FIVE, TODAY)
    assert scored.review_date == shown  # (was 2022-09-30)
    assert scored.reason.endswith(f"; review date {shown} has passed")


def test_closed_risks_are_not_above_appetite_or_on_the_map() -> None:
    closed = scored_risk(risk(Residual_Likelihood=5, Residual_Impact=5, Status="Closed"),
                         FIVE, TODAY)
    assert not closed.above_appetite
    assert heat_map([closed], FIVE).counts == [[0] * 5 for _ in range(5)]


def test_heat_map_counts_open_risks_per_cell() -> None:
    risks = [risk(Residual_Likelihood=li, Residual_Impact=im)
             for li, im in [(1, 1), (1, 1), (3, 2), (5, 5), (2, 4)]]
    risks.append(risk(Residual_Likelihood="TBC", Residual_Impact=2))
    scored = score_risks(risks, FIVE, TODAY)
    heat = heat_map(scored, FIVE)
    assert heat.counts[0][0] == 2
    assert heat.counts[2][1] == 1
    assert heat.counts[4][4] == 1
    assert heat.counts[1][3] == 1
    assert sum(map(sum, heat.counts)) == 5
    assert heat.unscored == 1
    assert heat.bands == band_grid(FIVE)


def test_golden_three_rivers_on_its_own_4x4_matrix() -> None:
    plan = read_plan(example("three_rivers_housing_2022_25"))
    matrix = default_policy().matrix(plan.details.risk_matrix)
    assert matrix.name == "4x4"
    scored = score_risks(plan.risks, matrix, TODAY)
    assert [r.residual.score for r in scored] == [4, 4, 4, 4, 4, 4, 2]
    assert {r.residual.band for r in scored} == {Band.LOW}
    assert not any(r.above_appetite for r in scored)
    heat = heat_map(scored, matrix)
    assert heat.counts == [[0, 0, 0, 0], [1, 6, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]
    assert scored[0].residual.cells == {"likelihood": "Risks!H2", "impact": "Risks!I2"}


def test_risk_score_rejects_what_is_not_a_scale_point() -> None:
    assert risk_score(3, 4) == 12
    for bad in (0, -1, 2.5, True):
        with pytest.raises(ValueError):
            risk_score(bad, 2)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        band_of_score(17, FOUR)
    with pytest.raises(ValueError):
        risk_band(5, 1, FOUR)


# --------------------------------------------------------------------------- properties

CELL_POLICY = Policy.model_validate({
    **default_policy().model_dump(mode="json"),
    "risk": {"default_matrix": "5x5", "matrices": {"5x5": {
        "size": 5, "appetite": 12,
        "bands": [{"band": "Low", "max": 6}, {"band": "Very High", "max": 25}],
        "cells": [["Low", "Low", "Low", "Medium", "Medium"],
                  ["Low", "Low", "Medium", "Medium", "High"],
                  ["Low", "Medium", "Medium", "High", "High"],
                  ["Medium", "Medium", "High", "High", "Very High"],
                  ["Medium", "High", "High", "Very High", "Very High"]]}}},
})
MATRICES = [FOUR, FIVE, CELL_POLICY.matrix("5x5")]


@given(st.sampled_from(MATRICES), st.data())
def test_score_and_band_rise_with_likelihood_and_impact(matrix: MatrixPolicy,
                                                        data: st.DataObject) -> None:
    points = st.integers(1, matrix.size)
    li, im = data.draw(points), data.draw(points)
    more_li, more_im = data.draw(st.integers(li, matrix.size)), data.draw(
        st.integers(im, matrix.size))
    assert risk_score(li, im) <= risk_score(more_li, im) <= risk_score(more_li, more_im)
    rank = [BAND_ORDER.index(risk_band(*cell, matrix))
            for cell in ((li, im), (more_li, im), (li, more_im), (more_li, more_im))]
    assert rank[0] <= rank[1] <= rank[3]
    assert rank[0] <= rank[2] <= rank[3]


@given(st.sampled_from([FOUR, FIVE]), st.data())
def test_band_rises_with_score(matrix: MatrixPolicy, data: st.DataObject) -> None:
    low = data.draw(st.integers(1, matrix.top_score))
    high = data.draw(st.integers(low, matrix.top_score))
    assert BAND_ORDER.index(band_of_score(low, matrix)) <= \
        BAND_ORDER.index(band_of_score(high, matrix))
