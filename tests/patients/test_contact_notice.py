"""The standing "contact the clinic today" notice on Today and the pain diary."""

import datetime as dt
import html
import re
import uuid
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from patients import services
from tests.conftest import make_pain_entry

PAGES = ["/", "/pain/"]


def at(start, **delta):
    return time_machine.travel(start + timedelta(**delta), tick=False)


@pytest.fixture
def signed_in(client, patient_a):
    client.force_login(patient_a.user)
    return client


def record(patient, **fields):
    entry, _ = services.record_pain(patient=patient, submission_id=uuid.uuid4(), **fields)
    return entry


def page(client, path):
    return html.unescape(client.get(path).content.decode())


def notice(text):
    found = re.search(r'<section class="contact-(clinic|seen)".*?</section>', text, re.S)
    return found[0] if found else None


@pytest.mark.parametrize("path", PAGES)
def test_no_notice_without_an_alert(signed_in, patient_a, path):
    record(patient_a, score=3)
    assert notice(page(signed_in, path)) is None


@pytest.mark.parametrize("path", PAGES)
def test_an_open_warning_sign_keeps_the_notice_first_on_the_page(signed_in, patient_a, path):
    record(patient_a, locking_or_giving_way=True)
    text = page(signed_in, path)
    box = notice(text)
    assert 'role="alert"' in box
    assert "Contact the clinic today" in box
    assert '<a class="btn btn-danger btn-lg contact-call" href="tel:613-555-0100">' in box
    assert "If it is urgent" in box
    assert "call 911" in box
    # Above everything else of the page: right under its title.
    main = text[text.index("<main") :]
    assert main.index("contact-clinic") < main.index("<h2")


def test_the_notice_stays_for_days_until_a_clinician_acknowledges(signed_in, patient_a):
    start = timezone.localtime()
    record(patient_a, score=9)
    for days in (1, 3, 10):
        with at(start, days=days):
            signed_in.force_login(patient_a.user)
            assert "Contact the clinic today" in page(signed_in, "/")


def test_after_acknowledgement_the_notice_says_who_and_when_then_goes(
    signed_in, patient_a, clinician_a
):
    start = timezone.localtime()
    entry = record(patient_a, swelling=True)
    with at(start, hours=2):
        services.acknowledge_alerts(alerts=[entry.alert], by=clinician_a, outcome="called")
    with at(start, hours=3):
        signed_in.force_login(patient_a.user)
        box = notice(page(signed_in, "/"))
        assert 'role="status"' in box
        assert "Your clinic has seen your report" in box
        assert "Contact the clinic today" not in box
        when = timezone.localtime(entry.alert.acknowledged_at, patient_a.clinic.zone)
        assert f"Clinician Clinic-A looked at it on {when:%b}" in box
        assert 'href="tel:613-555-0100"' in box
    with at(start, hours=2 + 23):
        signed_in.force_login(patient_a.user)
        assert "Your clinic has seen your report" in page(signed_in, "/pain/")
    with at(start, hours=2 + 25):
        signed_in.force_login(patient_a.user)
        assert notice(page(signed_in, "/")) is None
        assert notice(page(signed_in, "/pain/")) is None


def test_a_newer_open_alert_wins_over_an_acknowledged_one(signed_in, patient_a, clinician_a):
    first = record(patient_a, swelling=True)
    services.acknowledge_alerts(alerts=[first.alert], by=clinician_a, outcome="advised")
    record(patient_a, score=10)
    box = notice(page(signed_in, "/"))
    assert "Contact the clinic today" in box


def test_a_rise_alone_raises_no_standing_notice(signed_in, patient_a):
    for _ in range(3):
        make_pain_entry(patient_a, score=1, at=timezone.now() - dt.timedelta(days=1))
    entry = record(patient_a, score=4)
    assert entry.alert.rising
    assert notice(page(signed_in, "/")) is None


def test_another_patients_alert_is_not_my_notice(signed_in, patient_a2):
    record(patient_a2, swelling=True)
    assert notice(page(signed_in, "/")) is None


def test_a_patient_with_no_alert_costs_no_query_for_the_notice(
    signed_in, patient_a, django_assert_num_queries
):
    signed_in.get("/pain/")  # the diary's history is now a cached fragment
    # session, user with patient and clinic: nothing else, no notice to look for.
    with django_assert_num_queries(2):
        assert notice(page(signed_in, "/pain/")) is None
    record(patient_a, swelling=True)
    assert "Contact the clinic today" in notice(page(signed_in, "/pain/"))
