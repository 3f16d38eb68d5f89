"""Inactivity: one gentle nudge per lapse, the patient list's "inactive" filter and its
sortable adherence column, and the clinicians' weekly digest."""

import datetime as dt
import zoneinfo

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from clinic.models import Clinic, StaffMembership
from patients import jobs, notifications, outbox, reminders, services
from patients.models import WEEKDAYS, OutgoingMessage, Patient
from tests.conftest import make_patient, make_plan

pytestmark = pytest.mark.usefixtures("frozen_clock")

TORONTO = zoneinfo.ZoneInfo("America/Toronto")
MONDAY = dt.date(2027, 1, 11)
Kind = OutgoingMessage.Kind


def at(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=TORONTO)


def nudges_for(patient):
    return list(
        OutgoingMessage.objects.filter(kind=Kind.NUDGE, patient=patient)
        .order_by("on_date")
        .values_list("on_date", flat=True)
    )


def run_nudges():
    return notifications.queue_inactivity_nudges(now=timezone.now())


@pytest.fixture
def active_until_saturday(plan_a, frozen_clock):
    """Patient A did a session on the Saturday before MONDAY, and none since."""
    frozen_clock.move_to(at(MONDAY, 12))
    services.log_session(patient=plan_a.patient, plan=plan_a, date=MONDAY - dt.timedelta(days=2))
    return plan_a.patient


def test_one_nudge_after_the_clinics_number_of_days_not_one_a_day(
    active_until_saturday, plan_a, frozen_clock
):
    patient = active_until_saturday
    saturday = MONDAY - dt.timedelta(days=2)
    run_nudges()
    assert nudges_for(patient) == []
    frozen_clock.move_to(at(saturday + dt.timedelta(days=6), 12))
    run_nudges()
    assert nudges_for(patient) == []
    frozen_clock.move_to(at(saturday + dt.timedelta(days=7), 12))
    run_nudges()
    assert nudges_for(patient) == [saturday]
    for days in (8, 9, 20):
        frozen_clock.move_to(at(saturday + dt.timedelta(days=days), 12))
        run_nudges()
    assert nudges_for(patient) == [saturday]
    # Back at it, then away again: a new lapse, a new nudge.
    services.log_session(patient=patient, plan=plan_a, date=saturday + dt.timedelta(days=20))
    frozen_clock.move_to(at(saturday + dt.timedelta(days=27), 12))
    run_nudges()
    assert nudges_for(patient) == [saturday, saturday + dt.timedelta(days=20)]


def test_the_nudge_waits_for_the_day(active_until_saturday, frozen_clock):
    saturday = MONDAY - dt.timedelta(days=2)
    frozen_clock.move_to(at(saturday + dt.timedelta(days=7), 3))
    run_nudges()
    assert nudges_for(active_until_saturday) == []
    frozen_clock.move_to(at(saturday + dt.timedelta(days=7), 9))
    run_nudges()
    assert nudges_for(active_until_saturday) == [saturday]


def test_each_clinic_sets_its_number_of_days(active_until_saturday, clinic_a, frozen_clock):
    Clinic.objects.filter(pk=clinic_a.pk).update(inactivity_days=3)
    frozen_clock.move_to(at(MONDAY + dt.timedelta(days=1), 12))
    run_nudges()
    assert nudges_for(active_until_saturday) == [MONDAY - dt.timedelta(days=2)]


def test_no_nudge_once_turned_off_or_without_an_active_plan(
    active_until_saturday, plan_a, frozen_clock
):
    every_day = [day for day, _label in WEEKDAYS]
    reminders.save_preference(
        patient=active_until_saturday,
        enabled=False,
        time=dt.time(18),
        days=every_day,
        nudges=False,
    )
    frozen_clock.move_to(at(MONDAY + dt.timedelta(days=10), 12))
    run_nudges()
    assert nudges_for(active_until_saturday) == []
    reminders.save_preference(
        patient=active_until_saturday, enabled=False, time=dt.time(18), days=every_day, nudges=True
    )
    services.set_plan_status(plan=plan_a, status="paused", by=None)
    run_nudges()
    assert nudges_for(active_until_saturday) == []


def test_the_nudge_is_gentle_in_the_patients_language_with_its_own_unsubscribe(
    active_until_saturday, frozen_clock
):
    frozen_clock.move_to(at(MONDAY + dt.timedelta(days=5), 12))
    run_nudges()
    outbox.deliver(OutgoingMessage.objects.get(kind=Kind.NUDGE, patient=active_until_saturday).pk)
    (email,) = mail.outbox
    assert email.to == ["ada@patients.example"]
    assert "a short session today still counts" in email.body
    assert "This is the only email we send about it." in email.body
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


# --- The patient list -----------------------------------------------------------------------


@pytest.fixture
def lapsed_and_keen(plan_a, plan_a2, frozen_clock):
    """Patient A's last session was 8 days ago; patient A2 did one each of the last 7 days."""
    frozen_clock.move_to(at(MONDAY, 12))
    services.log_session(patient=plan_a.patient, plan=plan_a, date=MONDAY - dt.timedelta(days=8))
    for days in range(7):
        services.log_session(
            patient=plan_a2.patient, plan=plan_a2, date=MONDAY - dt.timedelta(days=days)
        )
    return plan_a.patient, plan_a2.patient


def listed(client, query):
    response = client.get(f"/admin/patients/patient/?{query}")
    assert response.status_code == 200
    return [patient.pk for patient in response.context["cl"].result_list]


def test_the_inactive_filter_lists_patients_inactive_for_the_clinics_days(
    client, clinician_a, lapsed_and_keen
):
    lapsed, keen = lapsed_and_keen
    client.force_login(clinician_a)
    page = client.get("/admin/patients/patient/").content.decode()
    assert "Inactive 7+ days" in page
    assert listed(client, "inactive=yes") == [lapsed.pk]


def test_the_list_sorts_by_adherence_lowest_first_and_no_plan_after_them(
    client, clinician_a, lapsed_and_keen, clinic_a
):
    lapsed, keen = lapsed_and_keen
    no_plan = make_patient("noplan@patients.example", clinic_a, clinician_a)
    client.force_login(clinician_a)
    columns = client.get("/admin/patients/patient/").context["cl"].list_display
    order = columns.index("adherence_7d")
    assert listed(client, f"o={order}") == [lapsed.pk, keen.pk, no_plan.pk]
    assert listed(client, f"o=-{order}") == [no_plan.pk, keen.pk, lapsed.pk]
    keen.refresh_from_db()
    assert keen.adherence_percent == 100


def test_the_sorted_and_filtered_list_costs_the_same_queries_for_many_patients(
    client, clinician_a, lapsed_and_keen, clinic_a
):
    client.force_login(clinician_a)
    order = client.get("/admin/patients/patient/").context["cl"].list_display.index("adherence_7d")
    urls = [f"/admin/patients/patient/?o=-{order}", "/admin/patients/patient/?inactive=yes"]

    def counts():
        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            result.append(len(queries))
        return result

    few = counts()
    for i in range(15):
        make_plan(make_patient(f"many{i}@patients.example", clinic_a, clinician_a))
    assert counts() == few


def test_the_nightly_count_moves_adherence_on_with_the_days(lapsed_and_keen, frozen_clock):
    lapsed, keen = lapsed_and_keen
    frozen_clock.move_to(at(MONDAY + dt.timedelta(days=3), 0, 30))
    jobs.count_adherence(now=timezone.now())
    keen.refresh_from_db()
    assert keen.adherence_on == MONDAY + dt.timedelta(days=3)
    assert keen.adherence_percent < 100  # three days without a session since


# --- The weekly digest ----------------------------------------------------------------------


def test_the_digest_counts_a_clinicians_patients_on_monday_morning_once_a_week(
    clinician_a, lapsed_and_keen, frozen_clock
):
    StaffMembership.objects.filter(user=clinician_a).update(weekly_digest=True)
    frozen_clock.move_to(at(MONDAY, 7, 59))
    assert notifications.queue_weekly_digests(now=timezone.now()) == 0
    frozen_clock.move_to(at(MONDAY, 8))
    assert notifications.queue_weekly_digests(now=timezone.now()) == 1
    frozen_clock.move_to(at(MONDAY + dt.timedelta(days=3), 8))
    assert notifications.queue_weekly_digests(now=timezone.now()) == 0
    outbox.deliver(OutgoingMessage.objects.get(kind=Kind.DIGEST).pk)
    (email,) = mail.outbox
    assert email.to == ["clinician@a.example"]
    assert "- 1 patient has logged no session for 7 days or more:" in email.body
    assert f"?clinician={clinician_a.pk}&inactive=yes" in email.body
    for name in Patient.objects.values_list("user__first_name", flat=True):
        assert name not in email.body
