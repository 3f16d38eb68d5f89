"""When a measure is due: date arithmetic on a plan and a schedule, no queries.

The occasions of a schedule are the plan's start, every N weeks after it, and its
discharge (its review date, or the day it was completed). Only the latest occasion that
has come counts: an occasion missed is replaced by the next. Nothing is due before the
day the measure was attached, so attaching one mid-plan asks for it from that day.
"""

import datetime as dt
from dataclasses import dataclass

OVERDUE_AFTER = dt.timedelta(days=7)


@dataclass(frozen=True)
class Occasion:
    day: dt.date  # the day it fell due
    kind: str  # "start", "repeat" or "discharge"

    def overdue(self, today: dt.date) -> bool:
        return today - self.day > OVERDUE_AFTER


def occasions(
    *,
    start: dt.date,
    today: dt.date,
    at_start: bool,
    every_weeks: int | None,
    at_discharge: bool,
    discharge: dt.date | None,
    attached_on: dt.date,
) -> list[Occasion]:
    """Every occasion up to `today`, in order, each moved to `attached_on` if earlier."""
    found = []
    if at_start:
        found.append(Occasion(start, "start"))
    if every_weeks:
        step = dt.timedelta(weeks=every_weeks)
        day = start + step
        while day <= today and (discharge is None or day < discharge):
            found.append(Occasion(day, "repeat"))
            day += step
    if at_discharge and discharge is not None:
        found.append(Occasion(discharge, "discharge"))
    moved = [
        Occasion(max(occasion.day, attached_on), occasion.kind)
        for occasion in found
        if occasion.day <= today
    ]
    # Occasions moved to the same day are one occasion.
    unique = {occasion.day: occasion for occasion in sorted(moved, key=lambda o: o.day)}
    return [unique[day] for day in sorted(unique)]


def current(**kwargs) -> Occasion | None:
    """The latest occasion that has come, or None before the first."""
    found = occasions(**kwargs)
    return found[-1] if found else None


def next_after(*, today: dt.date, **kwargs) -> dt.date | None:
    """The day the next occasion falls (for "next due" lines), within a year."""
    for days in range(1, 367):
        day = today + dt.timedelta(days=days)
        latest = current(today=day, **kwargs)
        if latest is not None and latest.day > today:
            return latest.day
    return None
