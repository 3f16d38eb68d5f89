"""The criteria to move on, the signs of a step back and the teach-back's outcome, each on
its edge: pure functions (patients.rules), no database."""

import datetime as dt
from types import SimpleNamespace

import pytest

from patients import rules

TODAY = dt.date(2026, 12, 7)


def criterion(kind, target=None, days=None):
    return SimpleNamespace(kind=kind, target=target, days=days)


def facts(*, pain=None, sessions=(), per_week=7, open_alerts=0, started_days_ago=21):
    plan = SimpleNamespace(start_date=TODAY - dt.timedelta(days=started_days_ago))
    return rules.PhaseFacts(
        today=TODAY,
        plan=plan,
        per_week=per_week,
        daily_highest={
            TODAY - dt.timedelta(days=ago): score for ago, score in (pain or {}).items()
        },
        session_dates=tuple(TODAY - dt.timedelta(days=ago) for ago in sessions),
        open_alerts=open_alerts,
        extra={},
    )


@pytest.mark.parametrize(
    ("pain", "met", "value"),
    [
        ({0: 3, 3: 2, 6: 3}, True, 3),  # at the target, on the window's first day: met
        ({0: 3, 6: 4}, False, 4),  # one point over, on the window's first day
        ({0: 2, 7: 9}, True, 2),  # a day before the window does not count
        ({}, False, None),  # no entry: no evidence
        ({8: 1}, False, None),  # only older entries: no evidence
    ],
)
def test_highest_pain_on_every_entry_of_the_window(pain, met, value):
    result = rules.max_pain_met(criterion("max_pain", 3, 7), facts(pain=pain))
    assert (result.met, result.value, result.target, result.days) == (met, value, 3, 7)


@pytest.mark.parametrize(
    ("sessions", "met", "percent"),
    [
        (range(0, 14), True, 100),
        (range(1, 13), True, 86),  # 12 of 14
        ([*range(2, 13)], False, 79),  # 11 of 14: under 80
        ([], False, 0),
    ],
)
def test_adherence_over_the_window(sessions, met, percent):
    result = rules.adherence_met(criterion("adherence", 80, 14), facts(sessions=sessions))
    assert (result.met, result.value) == (met, percent)


def test_adherence_at_exactly_the_target_is_met():
    # 4 a week over 14 days: 8 prescribed, 6 done is 75%.
    six = rules.adherence_met(criterion("adherence", 75, 14), facts(sessions=range(6), per_week=4))
    assert (six.met, six.value) == (True, 75)


def test_adherence_with_nothing_prescribed_is_not_met():
    result = rules.adherence_met(criterion("adherence", 80, 14), facts(per_week=0))
    assert (result.met, result.value) == (False, None)


@pytest.mark.parametrize(("started", "met"), [(14, True), (13, False), (30, True), (0, False)])
def test_days_in_the_phase(started, met):
    result = rules.min_days_met(criterion("min_days", 14), facts(started_days_ago=started))
    assert (result.met, result.value) == (met, started)


@pytest.mark.parametrize(("alerts", "met"), [(0, True), (1, False), (3, False)])
def test_no_open_alert(alerts, met):
    result = rules.no_open_alert_met(criterion("no_open_alert"), facts(open_alerts=alerts))
    assert (result.met, result.value) == (met, alerts)


def test_every_criterion_must_be_met_and_an_unknown_kind_never_is():
    good = facts(pain={0: 1}, sessions=range(14))
    met = [criterion("max_pain", 3, 7), criterion("adherence", 80, 14), criterion("min_days", 14)]
    assert rules.all_met(rules.evaluate_criteria(met, good))
    unknown = rules.evaluate_criteria([*met, criterion("outcome_mcid", 5)], good)
    assert unknown[-1].met is False
    assert not rules.all_met(unknown)
    assert not rules.all_met([])  # a template without criteria proposes nothing


@pytest.mark.parametrize(
    ("scores", "rises", "regressed"),
    [
        ([6, 6, 6], 0, True),  # three entries at 6
        ([6, 5, 5, 9], 0, False),  # two at 6 or more: one short
        ([7, 6, None, 8], 0, True),
        ([5, 5, 5, 5], 1, False),
        ([2], 2, True),  # a rise acknowledged twice
    ],
)
def test_a_sustained_rise(scores, rises, regressed):
    assert bool(rules.regression(scores=scores, acknowledged_rises=rises)) is regressed


def answer(attempts, right_on=None):
    return SimpleNamespace(attempts=attempts, right_on=right_on)


@pytest.mark.parametrize(
    ("answers", "outcome"),
    [
        ([], ""),  # read, not answered
        ([answer(1, 1)], ""),  # one of two answered right
        ([answer(1, 1), answer(1, 1)], rules.UNDERSTOOD),
        ([answer(1, 1), answer(2, 2)], rules.UNDERSTOOD),  # wrong once, then right
        ([answer(1, 1), answer(1)], ""),  # wrong once: one more try
        ([answer(1, 1), answer(2)], rules.NEEDS_REVIEW),  # wrong after two tries
        ([answer(1, 1), answer(3, 3)], rules.NEEDS_REVIEW),  # right only on the third
    ],
)
def test_teach_back_outcome(answers, outcome):
    assert rules.understanding(question_count=2, answers=answers) == outcome
