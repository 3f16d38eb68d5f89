import pytest
from auditlog.models import LogEntry
from django.db import DatabaseError, connection, transaction

from clinic.models import AccessRecord
from tests.conftest import clinic_records


def accesses(obj):
    return AccessRecord.objects.filter(object_pk=str(obj.pk))


@pytest.fixture
def records_a(plan_a, patient_a):
    return clinic_records(patient_a, plan_a)


@pytest.mark.parametrize("model", ["patient", "plan", "painentry", "alert"])
def test_opening_a_record_in_the_admin_is_recorded_with_actor_clinic_and_ip(
    client, clinician_a, records_a, model
):
    obj = records_a[model]
    client.force_login(clinician_a)
    client.get(f"/admin/patients/{model}/{obj.pk}/change/", REMOTE_ADDR="10.1.2.3")
    entry = accesses(obj).get()
    assert entry.actor == clinician_a
    assert entry.remote_addr == "10.1.2.3"
    assert (entry.action, entry.clinic_id, entry.patient_id) == (
        "view",
        records_a["patient"].clinic_id,
        records_a["patient"].pk,
    )


def test_changes_to_patient_data_are_recorded_with_who_and_clinic(client, clinician_a, plan_a):
    client.force_login(clinician_a)
    client.post(
        "/admin/patients/plan/",
        {"action": "pause_plans", "_selected_action": [str(plan_a.pk)]},
    )
    updates = LogEntry.objects.filter(object_pk=str(plan_a.pk), action=LogEntry.Action.UPDATE)
    entry = next(e for e in updates if "status" in e.changes_dict)
    assert entry.actor == clinician_a
    assert entry.changes_dict["status"] == ["active", "paused"]
    assert entry.additional_data["clinic"] == plan_a.patient.clinic_id


def test_nobody_can_change_or_delete_audit_rows_in_the_admin(client, superuser, records_a):
    client.force_login(superuser)
    entry = LogEntry.objects.first()
    assert client.get("/admin/auditlog/logentry/").status_code == 200
    page = client.get(f"/admin/auditlog/logentry/{entry.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.text
    assert client.get(f"/admin/auditlog/logentry/{entry.pk}/delete/").status_code == 403
    assert (
        client.post(f"/admin/auditlog/logentry/{entry.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert LogEntry.objects.filter(pk=entry.pk).exists()


def test_the_database_refuses_to_change_an_audit_row(records_a):
    entry = LogEntry.objects.first()
    with pytest.raises(DatabaseError), transaction.atomic():
        LogEntry.objects.filter(pk=entry.pk).update(object_repr="rewritten history")


def test_the_database_refuses_to_delete_an_audit_row_on_postgresql(records_a):
    entry = LogEntry.objects.first()
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError), transaction.atomic():
            LogEntry.objects.filter(pk=entry.pk).delete()
    else:
        # SQLite flushes test databases row by row, so only PostgreSQL has this rule.
        assert connection.vendor == "sqlite"
    assert LogEntry.objects.filter(pk=entry.pk).exists() or connection.vendor == "sqlite"


def test_deleting_a_user_keeps_their_audit_rows(client, clinic_a, records_a):
    from tests.conftest import make_staff

    temp = make_staff("temp@a.example", clinic_a, "clinician")
    client.force_login(temp)
    client.get(f"/admin/patients/patient/{records_a['patient'].pk}/change/")
    temp.staff_membership.delete()
    temp.delete()
    entry = accesses(records_a["patient"]).get()
    assert entry.actor is None
    assert entry.actor_email == "temp@a.example"


def test_a_manager_reviews_only_their_own_clinics_trail(
    client, manager_a, clinician_a, clinician_b, records_a, plan_b
):
    client.force_login(clinician_b)
    client.get(f"/admin/patients/plan/{plan_b.pk}/change/")
    client.force_login(clinician_a)
    client.get(f"/admin/patients/plan/{records_a['plan'].pk}/change/")

    client.force_login(manager_a)
    response = client.get("/admin/auditlog/logentry/")
    assert response.status_code == 200
    shown = list(response.context["cl"].result_list)
    assert shown
    assert {e.additional_data.get("clinic") for e in shown} == {records_a["patient"].clinic_id}
    response = client.get("/admin/clinic/accessrecord/")
    assert response.status_code == 200
    shown = list(response.context["cl"].result_list)
    assert {record.object_pk for record in shown} == {str(records_a["plan"].pk)}


def test_clinicians_and_front_desk_cannot_open_the_trail(client, clinician_a, front_desk_a):
    for user in (clinician_a, front_desk_a):
        client.force_login(user)
        assert client.get("/admin/auditlog/logentry/").status_code == 403
        assert client.get("/admin/clinic/accessrecord/").status_code == 403


def test_a_patient_sees_which_staff_viewed_their_record(client, clinician_a, records_a, patient_a2):
    patient = records_a["patient"]
    client.force_login(clinician_a)
    client.get(f"/admin/patients/patient/{patient.pk}/change/")
    client.get(f"/admin/patients/patient/{patient_a2.pk}/change/")

    client.force_login(patient.user)
    page = client.get("/my-data/").text
    assert "Who has looked at your record" in page
    assert str(clinician_a) in page
    assert page.count("<td>Opened") == 1  # only their own record's viewing


def test_downloading_my_data_is_recorded(client, patient_a):
    client.force_login(patient_a.user)
    client.get("/my-data.json")
    client.get("/my-data.csv")
    whats = set(accesses(patient_a).values_list("action", flat=True))
    assert whats == {"export_json", "export_csv"}


def test_a_forged_forwarded_for_header_does_not_change_the_recorded_address(
    client, clinician_a, records_a
):
    client.force_login(clinician_a)
    patient = records_a["patient"]
    client.get(
        f"/admin/patients/patient/{patient.pk}/change/",
        REMOTE_ADDR="10.9.8.7",
        HTTP_X_FORWARDED_FOR="1.2.3.4",
    )
    assert accesses(patient).get().remote_addr == "10.9.8.7"


def test_the_database_refuses_to_change_an_access_record(client, clinician_a, records_a):
    client.force_login(clinician_a)
    client.get(f"/admin/patients/patient/{records_a['patient'].pk}/change/")
    record = AccessRecord.objects.get()
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessRecord.objects.filter(pk=record.pk).update(actor_email="someone@else.example")
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError), transaction.atomic():
            AccessRecord.objects.filter(pk=record.pk).delete()
    assert AccessRecord.objects.get(pk=record.pk).actor_email == clinician_a.email
