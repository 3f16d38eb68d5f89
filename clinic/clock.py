"""Moments on a clinic's clock: a chosen time of day, a deadline counted in its hours.

A clock that changes for daylight saving skips an hour in spring and shows one twice in
autumn. A time it skips is taken as the first minute it shows after it; a time it shows
twice, as the first of the two.
"""

import datetime as dt
import zoneinfo

ONE_MINUTE = dt.timedelta(minutes=1)


def shows(naive: dt.datetime, zone: zoneinfo.ZoneInfo) -> bool:
    """Whether the clock in `zone` ever shows this wall time (not in a spring-forward gap)."""
    aware = naive.replace(tzinfo=zone)
    return aware.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None) == naive


def on_clock(naive: dt.datetime, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """The moment the clock in `zone` shows `naive` (a wall time), or, if it skips it, the
    first whole minute it shows after it."""
    if not shows(naive, zone):
        naive = naive.replace(second=0, microsecond=0) + ONE_MINUTE
        while not shows(naive, zone):  # a gap is at most a few hours long
            naive += ONE_MINUTE
    return naive.replace(tzinfo=zone, fold=0)


def at_time(day: dt.date, time: dt.time, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """`time` of `day` on the clock in `zone` (see `on_clock`)."""
    return on_clock(dt.datetime.combine(day, time), zone)


def hours_later(moment: dt.datetime, hours: int, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """`hours` after `moment` as counted on the clock in `zone`, and never later than that
    many hours of real time: on the night the clocks go back, the deadline is not an hour
    later for it."""
    wall = moment.astimezone(zone).replace(tzinfo=None)
    counted = on_clock(wall + dt.timedelta(hours=hours), zone)
    return min(counted, moment + dt.timedelta(hours=hours))
