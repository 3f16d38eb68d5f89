import uuid

from patients.services import record_pain


def test_open_alerts_are_listed_warning_signs_first(client, clinician_a, patient_a, records_a):
    high, _ = record_pain(
        patient=patient_a,
        submission_id=uuid.uuid4(),
        score=8,
        context="rest",
        location="kneecap",
        knee="right",
    )
    client.force_login(clinician_a)
    response = client.get("/admin/patients/alert/")
    assert response.status_code == 200
    rows = list(response.context["cl"].result_list)
    assert rows[0].kind == "warning_sign"
    assert {row.kind for row in rows} >= {"warning_sign", "high_score"}


def test_acknowledging_records_who_and_when(client, clinician_a, records_a):
    client.force_login(clinician_a)
    alert = records_a["alert"]
    page = client.get(f"/admin/patients/alert/{alert.pk}/change/")
    assert page.status_code == 200
    assert "Acknowledge" in page.text
    response = client.post(
        f"/admin/patients/alert/{alert.pk}/acknowledge/", {"note": "Called, seen tomorrow."}
    )
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.acknowledged_by == clinician_a
    assert alert.acknowledged_at is not None
    assert alert.note == "Called, seen tomorrow."
    listing = client.get("/admin/patients/alert/")
    assert alert not in list(listing.context["cl"].result_list)


def test_acknowledge_is_a_post(client, clinician_a, records_a):
    client.force_login(clinician_a)
    alert = records_a["alert"]
    assert client.get(f"/admin/patients/alert/{alert.pk}/acknowledge/").status_code == 405


def test_front_desk_cannot_see_or_acknowledge_alerts(client, front_desk_a, records_a):
    client.force_login(front_desk_a)
    alert = records_a["alert"]
    assert client.get("/admin/patients/alert/").status_code == 403
    assert client.post(f"/admin/patients/alert/{alert.pk}/acknowledge/").status_code == 403
    alert.refresh_from_db()
    assert alert.acknowledged_at is None
    assert "open alert" not in client.get("/admin/").text


def test_the_admin_index_counts_my_clinics_open_alerts(client, clinician_a, records_a, records_b):
    client.force_login(clinician_a)
    response = client.get("/admin/")
    assert response.context["open_alert_count"] == records_a["patient"].alerts.count()
