"""The alert queue: one alert per entry with every reason, the call-back page, acknowledging
with an outcome, one at a time or several at once."""

import datetime as dt
import uuid

import pytest
from django.utils import timezone

from patients.models import Alert, PainEntry, Patient
from patients.services import record_pain
from tests.conftest import make_pain_entry


def record(patient, **fields):
    entry, _ = record_pain(patient=patient, submission_id=uuid.uuid4(), **fields)
    return entry


def test_open_alerts_are_listed_warning_signs_first(client, clinician_a, patient_a, records_a):
    high = record(patient_a, score=8)
    client.force_login(clinician_a)
    response = client.get("/admin/patients/alert/")
    assert response.status_code == 200
    rows = list(response.context["cl"].result_list)
    assert rows == [records_a["alert"], high.alert]
    assert rows[0].warning_sign
    assert "My knee is visibly swollen or has changed shape; High pain score" in response.text


def test_one_entry_raises_one_alert_listing_every_reason(patient_a):
    for _ in range(3):
        make_pain_entry(patient_a, score=2, at=timezone.now() - dt.timedelta(days=1))
    entry = record(patient_a, score=9, swelling=True, locking_or_giving_way=True)
    alert = Alert.objects.get()
    assert alert.pain_entry == entry
    assert (alert.warning_sign, alert.high_score, alert.rising) == (True, True, True)
    assert alert.reasons == [
        "My knee is visibly swollen or has changed shape",
        "My knee locks, catches or gives way",
        "High pain score",
        "Pain rising above baseline",
    ]


def test_the_alert_page_has_what_a_call_back_needs(client, clinician_a, patient_a, records_a):
    Patient.objects.filter(pk=patient_a.pk).update(
        phone="+16135550142", phone_other="+15145550199", contact_time="evening"
    )
    make_pain_entry(patient_a, score=4, at=timezone.now() - dt.timedelta(days=3), note="Older one")
    make_pain_entry(patient_a, score=5, at=timezone.now() - dt.timedelta(days=20), note="Too old")
    client.force_login(clinician_a)
    text = client.get(f"/admin/patients/alert/{records_a['alert'].pk}/change/").text
    assert '<a href="tel:+16135550142">(613) 555-0142</a>' in text
    assert '<a href="tel:+15145550199">(514) 555-0199</a>' in text
    assert "Evenings" in text
    assert "What the patient was told" in text
    assert "Please contact the clinic today." in text
    assert "My knee is visibly swollen or has changed shape" in text
    # The last 14 days of entries, for the call: not older ones.
    assert "4</td>" in text
    assert "Too old" not in text


def test_a_patient_without_a_phone_says_so(client, clinician_a, records_a):
    client.force_login(clinician_a)
    text = client.get(f"/admin/patients/alert/{records_a['alert'].pk}/change/").text
    assert "No phone on the record." in text


def test_acknowledging_records_who_when_and_what_was_done(client, clinician_a, records_a):
    client.force_login(clinician_a)
    alert = records_a["alert"]
    page = client.get(f"/admin/patients/alert/{alert.pk}/change/")
    assert page.status_code == 200
    assert "What did you do?" in page.text
    response = client.post(
        f"/admin/patients/alert/{alert.pk}/acknowledge/",
        {"outcome": "booked", "note": "Called, seen tomorrow."},
    )
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.acknowledged_by == clinician_a
    assert alert.acknowledged_at is not None
    assert (alert.outcome, alert.note) == ("booked", "Called, seen tomorrow.")
    listing = client.get("/admin/patients/alert/")
    assert alert not in list(listing.context["cl"].result_list)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"note": "Called."}, "Choose what you did (the outcome)."),
        ({"outcome": "shrugged"}, "Select a valid choice."),
        ({"outcome": "called", "note": "x" * 2001}, "The note is too long"),
    ],
)
def test_an_acknowledgement_without_a_valid_outcome_changes_nothing(
    client, clinician_a, records_a, data, message
):
    client.force_login(clinician_a)
    alert = records_a["alert"]
    response = client.post(f"/admin/patients/alert/{alert.pk}/acknowledge/", data, follow=True)
    assert message in response.text
    alert.refresh_from_db()
    assert alert.acknowledged_at is None


def test_several_alerts_are_acknowledged_at_once_from_the_list(
    client, clinician_a, patient_a, patient_a2, records_a
):
    others = [record(patient_a, score=9).alert, record(patient_a2, swelling=True).alert]
    client.force_login(clinician_a)
    response = client.post(
        "/admin/patients/alert/",
        {
            "action": "acknowledge_alerts",
            "_selected_action": [str(alert.pk) for alert in others],
            "outcome": "called",
            "note": "Rang both.",
        },
        follow=True,
    )
    assert "2 alerts acknowledged." in response.text
    for alert in others:
        alert.refresh_from_db()
        assert (alert.outcome, alert.acknowledged_by) == ("called", clinician_a)
    records_a["alert"].refresh_from_db()
    assert records_a["alert"].acknowledged_at is None


def test_acknowledging_several_without_an_outcome_changes_nothing(client, clinician_a, records_a):
    client.force_login(clinician_a)
    alert = records_a["alert"]
    response = client.post(
        "/admin/patients/alert/",
        {"action": "acknowledge_alerts", "_selected_action": [str(alert.pk)], "outcome": ""},
        follow=True,
    )
    assert "Choose what you did (the outcome) to acknowledge alerts." in response.text
    alert.refresh_from_db()
    assert alert.acknowledged_at is None


def test_an_alert_already_acknowledged_keeps_its_first_acknowledgement(
    client, clinician_a, manager_a, records_a
):
    alert = records_a["alert"]
    client.force_login(manager_a)
    client.post(f"/admin/patients/alert/{alert.pk}/acknowledge/", {"outcome": "called"})
    client.force_login(clinician_a)
    response = client.post(
        f"/admin/patients/alert/{alert.pk}/acknowledge/", {"outcome": "booked"}, follow=True
    )
    assert "This alert was already acknowledged." in response.text
    alert.refresh_from_db()
    assert (alert.outcome, alert.acknowledged_by) == ("called", manager_a)


def test_times_show_on_the_clinics_clock(client, settings, clinician_a, records_a):
    settings.TIME_ZONE = "UTC"
    clinic = clinician_a.staff_membership.clinic
    clinic.time_zone = "America/Vancouver"
    clinic.save()
    # A fixed time (the page drops ":00" minutes, so "now" would make a flaky test).
    PainEntry.objects.filter(pk=records_a["painentry"].pk).update(
        recorded_at=dt.datetime(2026, 1, 15, 18, 42, tzinfo=dt.UTC)
    )
    client.force_login(clinician_a)
    text = client.get(f"/admin/patients/alert/{records_a['alert'].pk}/change/").text
    assert "<dd>Jan. 15, 2026, 10:42 a.m.</dd>" in text  # Vancouver's clock, not the server's


def test_acknowledge_is_a_post(client, clinician_a, records_a):
    client.force_login(clinician_a)
    alert = records_a["alert"]
    assert client.get(f"/admin/patients/alert/{alert.pk}/acknowledge/").status_code == 405


def test_front_desk_cannot_see_or_acknowledge_alerts(client, front_desk_a, records_a):
    client.force_login(front_desk_a)
    alert = records_a["alert"]
    assert client.get("/admin/patients/alert/").status_code == 403
    assert (
        client.post(
            f"/admin/patients/alert/{alert.pk}/acknowledge/", {"outcome": "called"}
        ).status_code
        == 403
    )
    alert.refresh_from_db()
    assert alert.acknowledged_at is None
    assert "open alert" not in client.get("/admin/").text


def test_the_admin_index_counts_my_clinics_open_alerts(client, clinician_a, records_a, records_b):
    client.force_login(clinician_a)
    response = client.get("/admin/")
    assert response.context["open_alert_count"] == records_a["patient"].alerts.count() == 1
