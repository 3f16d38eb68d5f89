"""Adherence = sessions done ÷ sessions prescribed over the last 7 and 28 days."""

import datetime as dt

import pytest

from patients.models import Plan
from patients.rules import Adherence, adherence

TODAY = dt.date(2026, 3, 31)


def days_ago(*numbers):
    return [TODAY - dt.timedelta(days=n) for n in numbers]


@pytest.mark.parametrize(
    ("started_days_ago", "per_week", "window", "sessions", "expected"),
    [
        pytest.param(60, 7, 7, days_ago(0, 1, 2, 3, 4), (5, 7, 71), id="daily-5-of-7"),
        pytest.param(60, 5, 7, days_ago(0, 1, 2, 3, 4), (5, 5, 100), id="five-a-week-all-done"),
        pytest.param(60, 5, 28, days_ago(*range(0, 28, 2)), (14, 20, 70), id="28-days"),
        pytest.param(60, 3, 7, days_ago(7, 8, 9), (0, 3, 0), id="sessions-before-window"),
        pytest.param(60, 3, 7, days_ago(0, 1, 2, 3, 4, 5), (6, 3, 100), id="capped-at-100"),
        pytest.param(2, 7, 7, days_ago(0, 1, 2), (3, 3, 100), id="started-mid-week"),
        pytest.param(2, 7, 28, days_ago(0, 2, 10), (2, 3, 67), id="before-start-ignored"),
        pytest.param(13, 5, 28, days_ago(0, 3, 6), (3, 10, 30), id="started-mid-month"),
        pytest.param(-3, 5, 7, [], (0, 0, None), id="not-started-yet"),
    ],
)
def test_adherence_arithmetic(started_days_ago, per_week, window, sessions, expected):
    plan = Plan(start_date=TODAY - dt.timedelta(days=started_days_ago))
    result = adherence(
        plan=plan, session_dates=sessions, today=TODAY, days=window, per_week=per_week
    )
    assert (result.done, result.prescribed, result.percent) == expected


def test_the_same_day_twice_counts_once():
    plan = Plan(start_date=TODAY - dt.timedelta(days=30))
    result = adherence(plan=plan, session_dates=days_ago(0, 0, 1), today=TODAY, days=7, per_week=7)
    assert result == Adherence(days=7, done=2, prescribed=7)
