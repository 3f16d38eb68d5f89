"""The numbers behind the inline SVG charts."""

import datetime as dt
import zoneinfo
from types import SimpleNamespace

from patients.charts import pain_chart, sparkline

DAY = dt.date(2026, 3, 1)
UTC = dt.UTC


def test_the_sparkline_places_each_day_and_leaves_gaps_for_days_without_entries():
    rows = [{"day": DAY, "highest": 10}, {"day": DAY + dt.timedelta(days=13), "highest": 0}]
    chart = sparkline(rows, first_day=DAY, days=14)
    assert [(p.x, p.y) for p in chart.points] == [(4, 4), (136, 32)]
    assert chart.polyline == "4.0,4.0 136.0,32.0"


def test_the_sparkline_ignores_days_outside_its_window():
    rows = [{"day": DAY - dt.timedelta(days=1), "highest": 5}, {"day": DAY, "highest": 5}]
    assert len(sparkline(rows, first_day=DAY, days=14).points) == 1


def entry(score, when):
    return SimpleNamespace(score=score, recorded_at=when)


def test_the_pain_chart_runs_oldest_to_newest_on_the_clinics_clock():
    start = dt.datetime(2026, 3, 1, tzinfo=UTC)
    end = start + dt.timedelta(days=2)
    newest, oldest = entry(2, start + dt.timedelta(days=1)), entry(8, start)
    chart = pain_chart([newest, oldest], zoneinfo.ZoneInfo("America/Toronto"), start=start, end=end)
    assert [p.score for p in chart.points] == [8, 2]
    assert chart.points[0].x == chart.left
    assert chart.points[1].x == (chart.left + chart.right) / 2
    assert chart.points[0].when.hour == 19  # 00:00 UTC is 19:00 the evening before in Toronto
    assert [line.score for line in chart.gridlines] == [0, 5, 10]


def test_a_single_entry_sits_in_the_middle():
    chart = pain_chart([entry(4, dt.datetime(2026, 3, 1, tzinfo=UTC))], UTC)
    assert chart.points[0].x == (chart.left + chart.right) / 2
