"""The pain diary: the entry form, its rules, the one-time token, the history and chart."""

import datetime as dt
import html
import re
import uuid

import pytest
import time_machine
from django.utils import timezone

from patients.models import WARNING_SIGN_FIELDS, PainEntry
from tests.conftest import make_pain_entry

LOCAL = "%Y-%m-%dT%H:%M"


@pytest.fixture
def signed_in(client, patient_a):
    client.force_login(patient_a.user)
    return client


def entry_data(patient, **overrides):
    """A complete, valid form as the browser would post it."""
    data = {
        "score": "4",
        "recorded_at": patient.clinic.now().strftime(LOCAL),
        "context": "after",
        "location": "kneecap",
        "knee": "right",
        "note": "",
        "submission_id": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def errors_of(response):
    assert response.status_code == 200
    return html.unescape(response.text)


def test_the_score_is_a_labelled_radio_group_in_a_fieldset(signed_in):
    text = html.unescape(signed_in.get("/pain/").text)
    fieldset = re.search(r'<div id="div_id_score".*?</fieldset>', text, re.S)[0]
    assert re.search(r"<legend[^>]*>\s*How much does your knee hurt\?", fieldset)
    for score in range(11):
        assert f'type="radio" class="form-check-input"  name="score" value="{score}"' in fieldset
        assert f'<label for="id_score_{score}" class="form-check-label">' in fieldset
    assert "0 – no pain" in fieldset
    assert "10 – worst pain imaginable" in fieldset


def test_the_warning_sign_questions_use_the_models_wording(signed_in):
    text = html.unescape(signed_in.get("/pain/").text)
    assert "<legend>Warning signs: tick any that are true now</legend>" in text
    for field in WARNING_SIGN_FIELDS:
        label = str(PainEntry._meta.get_field(field).verbose_name)
        assert re.search(rf'<label for="id_{field}" class="form-check-label">\s*{label}', text)


def test_the_form_carries_a_fresh_one_time_token(signed_in):
    tokens = [
        re.search(r'name="submission_id" value="([^"]+)"', signed_in.get("/pain/").text)[1]
        for _ in range(2)
    ]
    assert all(uuid.UUID(token).version == 4 for token in tokens)
    assert tokens[0] != tokens[1]


@time_machine.travel(dt.datetime(2026, 1, 15, 6, 30, 40, tzinfo=dt.UTC), tick=False)
def test_when_defaults_to_now_on_the_clinics_clock(signed_in, settings, patient_a):
    settings.TIME_ZONE = "UTC"
    patient_a.clinic.time_zone = "America/Vancouver"
    patient_a.clinic.save()
    text = signed_in.get("/pain/").text
    assert 'type="datetime-local" name="recorded_at" value="2026-01-14T22:30"' in text


def test_the_page_always_shows_how_to_reach_the_clinic(signed_in):
    text = html.unescape(signed_in.get("/pain/").text)
    assert "Warning signs — contact the clinic" in text
    assert '<a href="tel:613-555-0100">613-555-0100</a>' in text


def test_a_valid_entry_is_saved_and_the_patient_sees_it_saved(signed_in, patient_a):
    data = entry_data(patient_a, score="5", note="Sore after the stairs.", knee="left")
    response = signed_in.post("/pain/", data)
    entry = PainEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/pain/{entry.pk}/saved/"
    assert (entry.patient, entry.score, entry.note, entry.knee) == (
        patient_a,
        5,
        "Sore after the stairs.",
        "left",
    )
    assert str(entry.submission_id) == data["submission_id"]


def test_a_double_submit_saves_one_entry(signed_in, patient_a):
    data = entry_data(patient_a)
    first = signed_in.post("/pain/", data)
    second = signed_in.post("/pain/", data)
    assert PainEntry.objects.count() == 1
    assert second.status_code == 302
    assert second["Location"] == first["Location"]


def test_a_time_in_the_future_is_refused_and_nothing_saved(signed_in, patient_a):
    later = (patient_a.clinic.now() + dt.timedelta(hours=1)).strftime(LOCAL)
    text = errors_of(signed_in.post("/pain/", entry_data(patient_a, recorded_at=later)))
    assert "This time is in the future. Enter when you felt the pain." in text
    assert not PainEntry.objects.exists()


def test_more_than_14_days_back_is_refused_and_nothing_saved(signed_in, patient_a):
    too_old = (patient_a.clinic.now() - dt.timedelta(days=14, hours=1)).strftime(LOCAL)
    text = errors_of(signed_in.post("/pain/", entry_data(patient_a, recorded_at=too_old)))
    assert "You can record pain from the last 14 days only." in text
    assert not PainEntry.objects.exists()


def test_13_days_back_is_accepted(signed_in, patient_a):
    earlier = (patient_a.clinic.now() - dt.timedelta(days=13)).strftime(LOCAL)
    response = signed_in.post("/pain/", entry_data(patient_a, recorded_at=earlier))
    assert response.status_code == 302
    assert PainEntry.objects.count() == 1


@pytest.mark.parametrize("score", ["11", "-1", "4.5", "four"])
def test_an_invalid_score_is_refused_and_nothing_saved(signed_in, patient_a, score):
    text = errors_of(signed_in.post("/pain/", entry_data(patient_a, score=score)))
    assert "Choose a number from 0 to 10." in text
    assert not PainEntry.objects.exists()


def test_a_note_over_1000_characters_is_refused(signed_in, patient_a):
    text = errors_of(signed_in.post("/pain/", entry_data(patient_a, note="x" * 1001)))
    assert "Ensure this value has at most 1000 characters (it has 1001)." in text
    assert not PainEntry.objects.exists()


def test_no_score_and_no_warning_sign_asks_for_one_of_them(signed_in, patient_a):
    text = errors_of(signed_in.post("/pain/", entry_data(patient_a, score="")))
    assert "Choose a number from 0 to 10, or tick a warning sign below." in text
    assert not PainEntry.objects.exists()


def test_unanswered_questions_are_saved_as_not_said(signed_in, patient_a):
    data = entry_data(patient_a, score="3", recorded_at="")
    for field in ("context", "location", "knee"):
        del data[field]
    before = timezone.now()
    assert signed_in.post("/pain/", data).status_code == 302
    entry = PainEntry.objects.get()
    assert (entry.score, entry.context, entry.location, entry.knee) == (3, "", "", "")
    assert entry.recorded_at >= before  # left empty: now


@time_machine.travel(dt.datetime(2026, 1, 15, 6, 30, tzinfo=dt.UTC), tick=False)
def test_the_time_typed_is_read_on_the_clinics_clock(signed_in, settings, patient_a):
    settings.TIME_ZONE = "UTC"
    patient_a.clinic.time_zone = "America/Vancouver"
    patient_a.clinic.save()
    signed_in.post("/pain/", entry_data(patient_a, recorded_at="2026-01-14T21:00"))
    assert PainEntry.objects.get().recorded_at == dt.datetime(2026, 1, 15, 5, 0, tzinfo=dt.UTC)


def test_a_form_without_its_token_saves_nothing_and_comes_back_with_a_new_one(signed_in, patient_a):
    data = entry_data(patient_a)
    del data["submission_id"]
    text = errors_of(signed_in.post("/pain/", data))
    assert "Please check your answers and press “Save entry” again." in text
    assert not PainEntry.objects.exists()
    token = re.search(r'name="submission_id" value="([^"]+)"', text)[1]
    assert uuid.UUID(token)


def test_another_patients_token_is_not_found(client, patient_a, patient_a2):
    theirs = make_pain_entry(patient_a, score=2)
    client.force_login(patient_a2.user)
    data = entry_data(patient_a2, submission_id=str(theirs.submission_id), score="9")
    assert client.post("/pain/", data).status_code == 404
    assert list(PainEntry.objects.all()) == [theirs]


def test_the_history_lists_the_last_28_days_newest_first(signed_in, patient_a):
    now = timezone.now()
    make_pain_entry(patient_a, score=7, at=now - dt.timedelta(days=30), note="Too old to list")
    make_pain_entry(patient_a, score=6, at=now - dt.timedelta(days=20), note="Twenty days")
    make_pain_entry(patient_a, score=2, at=now - dt.timedelta(hours=2), note="This morning")
    text = html.unescape(signed_in.get("/pain/").text)
    assert "Too old to list" not in text
    assert text.index("This morning") < text.index("Twenty days")
    # A scrolling box the keyboard can reach, named by the table's caption.
    assert (
        '<div class="table-responsive" role="region" aria-labelledby="pain-history-caption"'
        ' tabindex="0">' in text
    )
    assert "Chart of your pain scores over the last 28 days, 2 entries." in text
    assert text.count('<circle class="dot"') == 2


def test_a_patient_without_entries_sees_no_chart(signed_in):
    text = signed_in.get("/pain/").text
    assert "No entries in the last 28 days." in text
    assert "<svg" not in text


@pytest.mark.parametrize("entries", [1, 300])
def test_the_diary_makes_a_fixed_number_of_queries(
    signed_in, django_assert_num_queries, patient_a, entries
):
    now = timezone.now()
    for n in range(entries):
        make_pain_entry(patient_a, score=n % 11, at=now - dt.timedelta(minutes=131 * n))
    # session, user with patient and clinic, the entries (no alert: no notice to look for).
    with django_assert_num_queries(3):
        response = signed_in.get("/pain/")
    assert response.status_code == 200
