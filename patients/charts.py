"""Inline SVG charts of pain scores: scores in, coordinates out. No JavaScript.

The templates draw the shapes (`includes/pain_chart.html`, the pain diary, the Today
sparkline); each chart there also carries a text alternative.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

MAX_SCORE = 10


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    score: int
    when: dt.date | dt.datetime


@dataclass(frozen=True)
class Gridline:
    y: int  # whole pixels: printed as is, with no decimal comma in French
    score: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    points: list[Point]
    gridlines: list[Gridline] = field(default_factory=list)
    # The plotting area, for axis labels.
    left: float = 0
    right: float = 0
    bottom: float = 0

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


def _y(score: int, *, top: float, height: float) -> float:
    return round(top + (MAX_SCORE - score) * height / MAX_SCORE, 1)


def pain_chart(
    entries,
    zone,
    *,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
) -> Chart:
    """Entries on a time axis, oldest on the left, times on the clinic's clock (`zone`).

    The axis runs from `start` to `end`, or from the first entry to the last.
    """
    width, height = 480, 180
    left, right, top, bottom = 20, 472, 8, 172
    # An entry of a warning sign alone has no score to draw.
    entries = sorted((e for e in entries if e.score is not None), key=lambda e: e.recorded_at)
    if entries:
        start = start or entries[0].recorded_at
        end = end or entries[-1].recorded_at
    span = (end - start).total_seconds() if entries else 0

    def x(when):
        if span <= 0:
            return (left + right) / 2
        return round(left + (when - start).total_seconds() / span * (right - left), 1)

    points = [
        Point(
            x=x(entry.recorded_at),
            y=_y(entry.score, top=top, height=bottom - top),
            score=entry.score,
            when=timezone.localtime(entry.recorded_at, zone),
        )
        for entry in entries
    ]
    gridlines = [
        Gridline(y=round(_y(score, top=top, height=bottom - top)), score=score)
        for score in (0, 5, 10)
    ]
    return Chart(
        width=width,
        height=height,
        points=points,
        gridlines=gridlines,
        left=left,
        right=right,
        bottom=bottom,
    )


def sparkline(rows, *, first_day: dt.date, days: int) -> Chart:
    """Each day's highest score: `rows` as from `patients.models.daily_highest()`."""
    width, height, pad = 140, 36, 4
    step = (width - 2 * pad) / max(1, days - 1)
    points = [
        Point(
            x=round(pad + (row["day"] - first_day).days * step, 1),
            y=_y(row["highest"], top=pad, height=height - 2 * pad),
            score=row["highest"],
            when=row["day"],
        )
        for row in rows
        if 0 <= (row["day"] - first_day).days < days
    ]
    return Chart(width=width, height=height, points=points)
