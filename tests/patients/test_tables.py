"""The long tables' rows (patients.tables) read exactly as the template filters would."""

import datetime as dt
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from patients.tables import short_datetime

ZONE = zoneinfo.ZoneInfo("America/Toronto")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_dates_read_as_the_date_filter_writes_them(language):
    start = dt.datetime(2026, 3, 1, 0, 0, tzinfo=dt.UTC)
    # Every half hour for three weeks (midnight, noon, a.m. and p.m., a DST change), and
    # some odd minutes and seconds.
    values = [start + dt.timedelta(minutes=30 * n) for n in range(3 * 7 * 48)]
    values += [start + dt.timedelta(minutes=7 * n, seconds=n) for n in range(500)]
    template = Template('{{ value|date:"SHORT_DATETIME_FORMAT" }}')
    with translation.override(language), timezone.override(ZONE):
        when = short_datetime(ZONE)
        for value in values:
            assert when(value) == template.render(Context({"value": value}))
