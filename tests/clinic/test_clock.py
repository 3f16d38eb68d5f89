"""Times on a clinic's clock across daylight saving: skipped times, doubled times, deadlines."""

import datetime as dt
import zoneinfo

import pytest

from clinic import clock

TORONTO = zoneinfo.ZoneInfo("America/Toronto")
UTC = dt.UTC


@pytest.mark.parametrize(
    ("day", "time", "expected_utc"),
    [
        pytest.param(
            dt.date(2027, 1, 15), dt.time(18, 0), dt.datetime(2027, 1, 15, 23, 0), id="winter"
        ),
        pytest.param(
            dt.date(2027, 7, 15), dt.time(18, 0), dt.datetime(2027, 7, 15, 22, 0), id="summer"
        ),
        # 14 March 2027: the clock goes from 1:59 to 3:00; 2:30 is never shown.
        pytest.param(
            dt.date(2027, 3, 14),
            dt.time(2, 30),
            dt.datetime(2027, 3, 14, 7, 0),
            id="gap-next-valid-minute",
        ),
        pytest.param(
            dt.date(2027, 3, 14), dt.time(2, 0), dt.datetime(2027, 3, 14, 7, 0), id="gap-start"
        ),
        pytest.param(
            dt.date(2027, 3, 14), dt.time(3, 0), dt.datetime(2027, 3, 14, 7, 0), id="gap-end"
        ),
        # 7 November 2027: 1:00 to 1:59 is shown twice; the first one counts.
        pytest.param(
            dt.date(2027, 11, 7), dt.time(1, 30), dt.datetime(2027, 11, 7, 5, 30), id="fold-first"
        ),
    ],
)
def test_a_time_of_day_on_the_clinics_clock(day, time, expected_utc):
    assert clock.at_time(day, time, TORONTO).astimezone(UTC) == expected_utc.replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("raised_utc", "hours", "due_utc"),
    [
        pytest.param(
            dt.datetime(2027, 1, 15, 15, 0), 4, dt.datetime(2027, 1, 15, 19, 0), id="plain"
        ),
        # Raised at 0:30 EST the night clocks go forward: 4:30 on the clock is 3 hours later.
        pytest.param(
            dt.datetime(2027, 3, 14, 5, 30), 4, dt.datetime(2027, 3, 14, 8, 30), id="spring-forward"
        ),
        # Raised at 0:30 EDT the night clocks go back: never later than 4 real hours.
        pytest.param(
            dt.datetime(2027, 11, 7, 4, 30), 4, dt.datetime(2027, 11, 7, 8, 30), id="fall-back"
        ),
    ],
)
def test_a_deadline_counted_on_the_clinics_clock(raised_utc, hours, due_utc):
    raised = raised_utc.replace(tzinfo=UTC)
    assert clock.hours_later(raised, hours, TORONTO) == due_utc.replace(tzinfo=UTC)
