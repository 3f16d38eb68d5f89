"""The patient's Reminders page: turn reminders on or off, pick the days and the time."""

import datetime as dt

import pytest
from auditlog.models import LogEntry

from patients.models import ReminderPreference


@pytest.fixture
def signed_in(client, patient_a):
    client.force_login(patient_a.user)
    return client


def test_the_page_is_in_the_patient_navigation_with_the_defaults(signed_in):
    response = signed_in.get("/reminders/")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="/reminders/" aria-current="page"' in page
    form = response.context["form"]
    assert form["enabled"].value() is False  # off until the patient asks
    assert form["nudges"].value() is True
    assert "America/Toronto" in page


def test_saving_turns_reminders_on_for_the_chosen_days_and_time(signed_in, patient_a):
    response = signed_in.post(
        "/reminders/",
        {"enabled": "on", "days": ["monday", "thursday"], "time": "07:45", "nudges": "on"},
    )
    assert response.status_code == 302
    preference = ReminderPreference.objects.get(patient=patient_a)
    assert preference.enabled
    assert preference.days == ["monday", "thursday"]
    assert preference.time == dt.time(7, 45)
    assert LogEntry.objects.filter(object_pk=str(patient_a.pk), action=LogEntry.Action.CREATE)
    page = signed_in.get("/reminders/").content.decode()
    assert "Your reminder settings are saved." in page


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"enabled": "on", "time": "18:00"}, "days", "Choose at least one day"),
        ({"enabled": "on", "days": ["monday"], "time": "25:99"}, "time", "Enter a time such as"),
        ({"enabled": "on", "days": ["someday"], "time": "18:00"}, "days", "Select a valid choice"),
    ],
)
def test_a_mistake_is_shown_at_the_top_and_nothing_is_saved(
    signed_in, patient_a, data, field, message
):
    response = signed_in.post("/reminders/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error-summary' in page
    assert message in page
    assert f'href="#id_{field}' in page
    assert not ReminderPreference.objects.filter(patient=patient_a).exists()


def test_turning_reminders_off_keeps_the_days_and_time(signed_in, patient_a):
    signed_in.post("/reminders/", {"enabled": "on", "days": ["friday"], "time": "08:00"})
    signed_in.post("/reminders/", {"days": ["friday"], "time": "08:00"})
    preference = ReminderPreference.objects.get(patient=patient_a)
    assert (preference.enabled, preference.nudges, preference.days) == (False, False, ["friday"])
