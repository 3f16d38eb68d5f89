"""Session check-off: POST /plans/<plan>/done/."""

import datetime as dt

import pytest
import time_machine
from django.contrib.messages import get_messages

from patients.models import Plan, SessionLog

# The session is dated the day the test expects, even at midnight.
pytestmark = pytest.mark.usefixtures("frozen_clock")


@pytest.fixture
def signed_in(client, patient_a):
    client.force_login(patient_a.user)
    return client


def done_url(plan):
    return f"/plans/{plan.pk}/done/"


def test_marking_the_session_done_logs_todays_session_with_every_exercise(
    signed_in, plan_a, patient_a
):
    response = signed_in.post(done_url(plan_a), {"done": "1"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    session = SessionLog.objects.get()
    assert (session.patient, session.plan, session.date) == (
        patient_a,
        plan_a,
        patient_a.clinic.today(),
    )
    assert set(session.items.all()) == set(plan_a.items.all())
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages == ["Well done! Today's session is saved."]


def test_the_exercises_done_effort_and_note_are_kept(signed_in, plan_a):
    first, second = plan_a.items.order_by("position")[:2]
    signed_in.post(
        done_url(plan_a),
        {"items": [first.pk, second.pk], "effort": "hard", "note": "Stairs were tough."},
    )
    session = SessionLog.objects.get()
    assert set(session.items.all()) == {first, second}
    assert (session.effort, session.note) == ("hard", "Stairs were tough.")


def test_marking_it_twice_keeps_one_session(signed_in, plan_a):
    signed_in.post(done_url(plan_a), {"effort": "easy"})
    response = signed_in.post(done_url(plan_a), {"effort": "hard"})
    assert response.status_code == 302
    assert SessionLog.objects.get().effort == "easy"
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages[-1] == "Today's session was already marked as done."


@time_machine.travel(dt.datetime(2026, 1, 15, 6, 0, tzinfo=dt.UTC), tick=False)
def test_the_date_is_the_clinics_today(signed_in, settings, plan_a, patient_a):
    settings.TIME_ZONE = "UTC"
    clinic = patient_a.clinic
    clinic.time_zone = "America/Vancouver"  # still 14 January there
    clinic.save()
    signed_in.post(done_url(plan_a))
    assert SessionLog.objects.get().date == dt.date(2026, 1, 14)


def test_an_exercise_from_another_patients_plan_is_not_found(signed_in, plan_a, plan_a2):
    response = signed_in.post(done_url(plan_a), {"items": [plan_a2.items.first().pk]})
    assert response.status_code == 404
    assert not SessionLog.objects.exists()


def test_a_malformed_exercise_id_is_not_found(signed_in, plan_a):
    response = signed_in.post(done_url(plan_a), {"items": ["not-an-id"]})
    assert response.status_code == 404
    assert not SessionLog.objects.exists()


def test_a_note_over_1000_characters_is_refused_with_a_message(signed_in, plan_a):
    response = signed_in.post(done_url(plan_a), {"note": "x" * 1001})
    assert response.status_code == 302
    assert not SessionLog.objects.exists()
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages == ["Ensure this value has at most 1000 characters (it has 1001)."]


def test_a_paused_plan_cannot_be_checked_off(signed_in, plan_a):
    Plan.objects.filter(pk=plan_a.pk).update(status=Plan.Status.PAUSED)
    assert signed_in.post(done_url(plan_a)).status_code == 404
    assert not SessionLog.objects.exists()


def test_get_is_not_allowed_and_saves_nothing(signed_in, plan_a):
    assert signed_in.get(done_url(plan_a)).status_code == 405
    assert not SessionLog.objects.exists()


def test_the_form_needs_the_csrf_token(plan_a, patient_a):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(patient_a.user)
    assert client.post(done_url(plan_a)).status_code == 403
    assert not SessionLog.objects.exists()
