"""When a measure is due: the start, every N weeks, discharge; never before it was attached."""

import datetime as dt

from outcomes import schedule

START = dt.date(2026, 3, 2)


def current(today, **changes):
    values = {
        "start": START,
        "today": today,
        "at_start": True,
        "every_weeks": 2,
        "at_discharge": True,
        "discharge": START + dt.timedelta(weeks=6),
        "attached_on": START,
    }
    return schedule.current(**{**values, **changes})


def test_due_at_the_start():
    assert current(START) == schedule.Occasion(START, "start")


def test_nothing_due_before_the_start():
    assert current(START - dt.timedelta(days=1)) is None


def test_every_two_weeks_from_the_start():
    assert current(START + dt.timedelta(days=13)).day == START
    assert current(START + dt.timedelta(days=14)) == schedule.Occasion(
        START + dt.timedelta(weeks=2), "repeat"
    )
    assert current(START + dt.timedelta(days=30)).day == START + dt.timedelta(weeks=4)


def test_discharge_replaces_the_repeat_that_falls_on_it():
    discharge = START + dt.timedelta(weeks=6)
    assert current(discharge) == schedule.Occasion(discharge, "discharge")
    assert current(discharge + dt.timedelta(weeks=4)).kind == "discharge"


def test_attached_mid_plan_it_is_due_from_that_day():
    attached = START + dt.timedelta(days=20)
    assert current(attached, attached_on=attached) == schedule.Occasion(attached, "repeat")
    assert current(attached - dt.timedelta(days=1), attached_on=attached).day == attached


def test_overdue_after_a_week():
    occasion = schedule.Occasion(START, "start")
    assert not occasion.overdue(START + dt.timedelta(days=7))
    assert occasion.overdue(START + dt.timedelta(days=8))


def test_only_at_discharge():
    kwargs = {"at_start": False, "every_weeks": None}
    assert current(START + dt.timedelta(weeks=5), **kwargs) is None
    assert current(START + dt.timedelta(weeks=6), **kwargs).kind == "discharge"
