"""The clinic's list of what the portal emailed: read-only, its own clinic's, for clinical
staff, every opening recorded, and nothing in it but who, what kind, when and how it went."""

import uuid

import pytest

from clinic.models import AccessRecord
from patients import outbox, services
from patients.models import OutgoingMessage

LIST = "/admin/patients/outgoingmessage/"


@pytest.fixture
def sent_alert(patient_a):
    entry, _ = services.record_pain(
        patient=patient_a, submission_id=uuid.uuid4(), score=9, swelling=True, note="Stairs."
    )
    message = entry.alert.messages.get()
    outbox.deliver(message.pk)
    message.refresh_from_db()
    return message


@pytest.fixture
def b_message(patient_b):
    entry, _ = services.record_pain(patient=patient_b, submission_id=uuid.uuid4(), score=9)
    return entry.alert.messages.get()


@pytest.mark.parametrize(
    ("who", "status"), [("clinician_a", 200), ("manager_a", 200), ("front_desk_a", 403)]
)
def test_clinical_staff_see_the_list_the_front_desk_does_not(
    client, request, sent_alert, who, status
):
    client.force_login(request.getfixturevalue(who))
    assert client.get(LIST).status_code == status


def test_the_list_shows_kind_recipient_state_and_failures_of_the_clinics_messages_only(
    client, clinician_a, sent_alert, b_message
):
    client.force_login(clinician_a)
    response = client.get(LIST)
    page = response.content.decode()
    assert list(response.context["cl"].result_list) == [sent_alert]
    assert "Alert, to the clinician" in page
    assert "clinician@a.example" in page
    assert "Sent" in page
    assert "Stairs." not in page and "9/10" not in page
    assert client.get(f"{LIST}{b_message.pk}/change/").status_code == 302  # not found


def test_a_message_opens_read_only_and_the_opening_is_recorded(client, clinician_a, sent_alert):
    client.force_login(clinician_a)
    response = client.get(f"{LIST}{sent_alert.pk}/change/")
    assert response.status_code == 200
    assert b'name="_save"' not in response.content
    assert AccessRecord.objects.filter(object_pk=str(sent_alert.pk), action="view").exists()
    assert client.post(f"{LIST}{sent_alert.pk}/delete/").status_code == 403
    assert client.get(f"{LIST}add/").status_code == 403


def test_no_field_holds_what_the_email_said():
    names = {field.name for field in OutgoingMessage._meta.get_fields()}
    assert not names & {"subject", "body", "content", "reasons", "note", "score"}


def test_the_alert_page_shows_how_its_email_went(client, clinician_a, sent_alert):
    client.force_login(clinician_a)
    page = client.get(f"/admin/patients/alert/{sent_alert.alert_id}/change/").content.decode()
    assert "Alert, to the clinician: to <bdi>clinician@a.example</bdi> – Sent" in page
