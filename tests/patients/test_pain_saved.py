"""The page after saving a pain entry, and its "contact the clinic today" box."""

import datetime as dt
import html
import uuid

import pytest
from django.utils import timezone

from patients import services
from patients.models import Alert
from tests.conftest import make_pain_entry


@pytest.fixture
def signed_in(client, patient_a):
    client.force_login(patient_a.user)
    return client


def record(patient, *, score=3, **fields):
    entry, _created = services.record_pain(
        patient=patient,
        submission_id=uuid.uuid4(),
        score=score,
        recorded_at=timezone.now(),
        context="rest",
        location="kneecap",
        knee="right",
        **fields,
    )
    return entry


def saved_page(client, entry):
    response = client.get(f"/pain/{entry.pk}/saved/")
    assert response.status_code == 200
    return html.unescape(response.text)


@pytest.mark.parametrize(
    "sign",
    [
        "cannot_bear_weight",
        "swelling",
        "locking_or_giving_way",
        "fever_or_redness",
        "worsening_pain",
    ],
)
def test_any_warning_sign_tells_the_patient_to_contact_the_clinic_today(signed_in, patient_a, sign):
    text = saved_page(signed_in, record(patient_a, **{sign: True}))
    assert "Your entry is saved" in text
    assert '<section class="contact-clinic" role="alert"' in text
    assert "Contact the clinic today" in text
    assert "Please contact the clinic today." in text
    assert "hold off on your exercises" in text
    assert '<a class="btn btn-danger btn-lg contact-call" href="tel:613-555-0100">' in text
    assert "Call Clinic A: 613-555-0100" in text
    assert "call 911 or go to the nearest emergency department" in text
    assert "Health811" in text
    assert "Info-Santé 811" in text


def test_a_high_score_also_tells_the_patient_to_contact_the_clinic(signed_in, patient_a):
    entry = record(patient_a, score=8)
    assert (entry.alert.high_score, entry.alert.advice) == (True, Alert.Advice.CONTACT_TODAY)
    assert "Contact the clinic today" in saved_page(signed_in, entry)


def test_a_rise_over_baseline_alone_tells_the_patient_to_ease_off(signed_in, patient_a):
    for _ in range(3):
        make_pain_entry(patient_a, score=2, at=timezone.now() - dt.timedelta(days=2))
    entry = record(patient_a, score=5)
    assert (entry.alert.rising, entry.alert.advice) == (True, Alert.Advice.EASE_OFF)
    text = saved_page(signed_in, entry)
    assert "Contact the clinic today" not in text
    assert "Thank you." not in text
    assert "Ease off for a day or two" in text
    assert "If the pain keeps rising, call the clinic." in text
    assert 'href="tel:613-555-0100"' in text


def test_an_ordinary_entry_is_confirmed_without_the_box(signed_in, patient_a):
    text = saved_page(signed_in, record(patient_a, score=2))
    assert "Your entry is saved" in text
    assert "Pain score <strong>2</strong> out of 10" in text
    assert "contact-clinic" not in text


def test_the_box_names_the_patients_own_clinic(client, patient_b):
    client.force_login(patient_b.user)
    text = saved_page(client, record(patient_b, swelling=True))
    assert "Call Clinic B: 514-555-0199" in text
    assert 'href="tel:514-555-0199"' in text
