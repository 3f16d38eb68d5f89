"""Script typed into any free-text field comes back as text, wherever it is shown."""

import pytest
from django.core import mail

from patients.invitations import send_invitation
from patients.services import log_session
from tests.conftest import warning_sign_entry

PAYLOAD = '<script>alert("pwn")</script><img src=x onerror=alert(1)>'
RAW = ("<script>alert", "<img src=x")


@pytest.fixture
def poisoned(library, plan_a, patient_a, clinician_a, django_capture_on_commit_callbacks):
    """Every free-text field on patient A's side, filled with a script payload."""
    user = patient_a.user
    user.first_name = PAYLOAD
    user.last_name = PAYLOAD
    user.save()
    clinic = patient_a.clinic
    clinic.name = f"Clinic {PAYLOAD}"
    clinic.address = PAYLOAD
    clinic.phone = "<b>613</b>"  # the column holds 40 characters
    clinic.save()
    patient_a.staff_notes = PAYLOAD
    patient_a.save()
    plan_a.title = PAYLOAD
    plan_a.message = PAYLOAD
    plan_a.save()
    plan_a.items.update(note=PAYLOAD)
    exercise = plan_a.items.first().exercise
    exercise.name = PAYLOAD
    exercise.purpose = PAYLOAD
    exercise.steps = PAYLOAD
    exercise.cues = PAYLOAD
    exercise.mistakes = PAYLOAD
    exercise.equipment = PAYLOAD
    exercise.save()
    with django_capture_on_commit_callbacks(execute=True):
        entry = warning_sign_entry(patient_a, note=PAYLOAD)
        send_invitation(patient=patient_a, sent_by=clinician_a)
    log_session(patient=patient_a, plan=plan_a, date=plan_a.start_date, note=PAYLOAD)
    alert = entry.alert
    alert.note = PAYLOAD
    alert.save()
    return {"plan": plan_a, "entry": entry, "alert": alert, "patient": patient_a}


def assert_escaped(body: str, where: str):
    for raw in RAW:
        assert raw not in body, f"unescaped payload on {where}"
    assert "&lt;script&gt;" in body, f"payload missing from {where} (test is not testing)"


def patient_pages(data):
    plan = data["plan"]
    item = plan.items.first()
    return [
        "/",
        "/plans/",
        f"/plans/{plan.pk}/",
        f"/plans/{plan.pk}/exercises/{item.pk}/",
        "/pain/",
        f"/pain/{data['entry'].pk}/saved/",
    ]


def test_patient_pages_escape_every_field(client, poisoned):
    client.force_login(poisoned["patient"].user)
    for url in patient_pages(poisoned):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_escaped(response.text, url)


def test_admin_pages_escape_every_field(client, clinician_a, poisoned):
    client.force_login(clinician_a)
    patient = poisoned["patient"]
    for url in [
        "/admin/patients/patient/",
        f"/admin/patients/patient/{patient.pk}/change/",
        "/admin/patients/plan/",
        f"/admin/patients/plan/{poisoned['plan'].pk}/change/",
        "/admin/patients/alert/",
        f"/admin/patients/alert/{poisoned['alert'].pk}/change/",
        f"/admin/patients/painentry/{poisoned['entry'].pk}/change/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_escaped(response.text, url)


def test_emails_carry_names_as_plain_text(poisoned):
    # Plain-text emails: nothing is interpreted, and no HTML alternative exists to inject.
    assert mail.outbox
    for message in mail.outbox:
        assert not getattr(message, "alternatives", None)
        assert message.content_subtype == "plain"


def test_my_data_downloads_keep_the_text_as_data(client, poisoned):
    client.force_login(poisoned["patient"].user)
    response = client.get("/my-data.json")
    assert response["Content-Type"] == "application/json"
    body = b"".join(response.streaming_content).decode()
    assert PAYLOAD.replace('"', '\\"') in body  # JSON-escaped, never HTML
