"""An outcome measure's scores over time as an inline SVG, like the pain chart
(patients.charts): scores in, coordinates out. The band marks the change that does not
yet matter (the baseline, plus or minus the minimal important difference)."""

from dataclasses import dataclass, field
from decimal import Decimal

WIDTH, HEIGHT = 480, 180
LEFT, RIGHT, TOP, BOTTOM = 28, 472, 8, 172


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    score: Decimal
    when: object


@dataclass(frozen=True)
class Band:
    y: float
    height: float
    low: Decimal
    high: Decimal


@dataclass(frozen=True)
class OutcomeChart:
    points: list[Point]
    band: Band | None
    baseline_y: float | None
    gridlines: list[tuple[int, str]] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


def outcome_chart(responses, *, low: float, high: float, baseline, mcid) -> OutcomeChart:
    """`responses`: (when, score) oldest first; `baseline` the score changes are measured
    from (0 for a rating of change), `mcid` the change that matters."""
    rows = [(when, score) for when, score in responses if score is not None]
    span = high - low or 1

    def y(value) -> float:
        value = min(max(float(value), low), high)
        return round(TOP + (high - value) * (BOTTOM - TOP) / span, 1)

    def x(index) -> float:
        if len(rows) == 1:
            return (LEFT + RIGHT) / 2
        return round(LEFT + index * (RIGHT - LEFT) / (len(rows) - 1), 1)

    points = [Point(x(i), y(score), score, when) for i, (when, score) in enumerate(rows)]
    band = None
    if baseline is not None:
        band_low = max(Decimal(str(low)), baseline - mcid)
        band_high = min(Decimal(str(high)), baseline + mcid)
        band = Band(
            y=y(band_high),
            height=round(y(band_low) - y(band_high), 1),
            low=band_low,
            high=band_high,
        )
    middle = low + span / 2
    gridlines = [(round(y(value)), f"{value:g}") for value in (low, middle, high)]
    return OutcomeChart(
        points=points,
        band=band,
        baseline_y=None if baseline is None else y(baseline),
        gridlines=gridlines,
    )
