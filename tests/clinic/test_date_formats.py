"""Dates, times and numbers in the reader's Canadian format (clinic/formats/), and a sentence
that ends with an English time ("3:08 p.m.") ends with one full stop, not two."""

import datetime as dt
import uuid
import zoneinfo

import pytest
import time_machine
from django.template import Context, Template
from django.utils import formats, translation

from patients import services

TORONTO = zoneinfo.ZoneInfo("America/Toronto")
AFTERNOON = dt.datetime(2026, 12, 1, 15, 8, tzinfo=TORONTO)


@pytest.mark.parametrize(
    ("language", "format_name", "shown"),
    [
        ("fr", "DATETIME_FORMAT", "1 déc. 2026, 15 h 08"),
        ("en", "DATETIME_FORMAT", "Dec. 1, 2026, 3:08 p.m."),
        ("fr", "DATE_FORMAT", "1 décembre 2026"),
        ("en", "DATE_FORMAT", "Dec. 1, 2026"),
        ("fr", "TIME_FORMAT", "15 h 08"),
        ("en", "TIME_FORMAT", "3:08 p.m."),
        ("fr", "SHORT_DATETIME_FORMAT", "2026-12-01 15 h 08"),
        ("en", "SHORT_DATETIME_FORMAT", "2026-12-01 3:08 p.m."),
    ],
)
def test_each_language_has_its_canadian_format(language, format_name, shown):
    with translation.override(language):
        assert formats.date_format(AFTERNOON, format_name) == shown


@pytest.mark.parametrize(("language", "shown"), [("fr", "1 234,5"), ("en", "1,234.5")])
def test_numbers_follow_the_language(language, shown):
    with translation.override(language):
        text = formats.number_format(1234.5, decimal_pos=1, force_grouping=True)
    assert text.replace("\xa0", " ").replace("\u202f", " ") == shown


@pytest.mark.parametrize(
    ("sentence", "ended"),
    [
        ("No pain score, Dec. 1, 2026, 3:08 p.m..", "No pain score, Dec. 1, 2026, 3:08 p.m."),
        ("Aucun niveau de douleur, 1 déc. 2026, 15 h 08.", None),
        ("Sans heure.", None),
    ],
)
def test_a_sentence_ends_with_one_full_stop(sentence, ended):
    rendered = Template("{% load portal_i18n %}{{ s|full_stop }}").render(Context({"s": sentence}))
    assert rendered == (ended or sentence)


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Pain score <strong>3</strong> out of 10, Dec. 1, 2026, 3:08 p.m.</p>"),
        ("fr", "Niveau de douleur\xa0: <strong>3</strong> sur 10, le 1 déc. 2026, 15 h 08.</p>"),
    ],
)
def test_the_saved_entry_says_when_in_the_patients_format(client, patient_a, language, line):
    patient_a.user.language = language
    patient_a.user.save(update_fields=["language"])
    with time_machine.travel(AFTERNOON + dt.timedelta(minutes=1), tick=False):
        entry, _created = services.record_pain(
            patient=patient_a,
            submission_id=uuid.uuid4(),
            score=3,
            recorded_at=AFTERNOON,
            context="after",
            location="kneecap",
            knee="right",
        )
        client.force_login(patient_a.user)
        html = client.get(f"/pain/{entry.pk}/saved/").content.decode()
    assert line in html
    assert "p.m.." not in html
