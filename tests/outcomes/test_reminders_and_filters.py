"""A questionnaire due is in the exercise reminder (named by no title) and in the patient
list's "questionnaire due / overdue" filter."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from clinic.models import User
from outcomes import services
from patients import notifications, outbox, reminders
from patients.models import WEEKDAYS, OutgoingMessage

pytestmark = pytest.mark.usefixtures("frozen_clock")


def remind(patient, frozen_clock):
    """The patient's reminder of today, as sent: asked for at 23:59, and it is 23:59."""
    days = [day for day, _label in WEEKDAYS]
    reminders.save_preference(
        patient=patient, enabled=True, time=dt.time(23, 59), days=days, nudges=True
    )
    local = timezone.localtime(timezone.now(), patient.clinic.zone)
    frozen_clock.move_to(local.replace(hour=23, minute=59, second=0, microsecond=0))
    notifications.queue_due_reminders(now=timezone.now())
    outbox.deliver(OutgoingMessage.objects.get(kind="reminder").pk)
    (email,) = mail.outbox
    return email.body


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "A short questionnaire is also waiting for you on Today."),
        ("fr", "Un court questionnaire vous attend aussi dans Aujourd'hui."),
    ],
)
def test_the_reminder_says_a_questionnaire_is_waiting(
    psfs_due, patient_a, frozen_clock, language, line
):
    User.objects.filter(pk=patient_a.user_id).update(language=language)
    body = remind(patient_a, frozen_clock)
    assert line in body
    assert "Activities" not in body and "Activités" not in body  # no health detail


def test_no_line_when_nothing_is_due(plan_a, patient_a, frozen_clock):
    assert "questionnaire" not in remind(patient_a, frozen_clock)


@pytest.fixture
def listed(client, clinician_a):
    client.force_login(clinician_a)

    def names(query):
        response = client.get(f"/admin/patients/patient/?{query}")
        assert response.status_code == 200
        return {patient.pk for patient in response.context["cl"].result_list}

    return names


def test_the_list_filters_patients_with_a_questionnaire_due(
    listed, psfs_due, patient_a, plan_a2, patient_a2
):
    assert listed("measure=due") == {patient_a.pk}
    assert listed("measure=overdue") == set()


def test_overdue_after_a_week(listed, plan_a, psfs, patient_a, frozen_clock, clinician_a, client):
    services.attach_measure(questionnaire=psfs, by=clinician_a, plan=plan_a)  # at the start
    frozen_clock.shift(dt.timedelta(days=8))
    client.force_login(clinician_a)
    assert listed("measure=overdue") == {patient_a.pk}


def test_the_front_desk_has_no_such_filter(client, front_desk_a, psfs_due):
    client.force_login(front_desk_a)
    response = client.get("/admin/patients/patient/?measure=due")
    # An unknown filter for this role: the admin's own "wrong filter" answer, not the list.
    assert response.status_code != 500
    assert not any(
        getattr(spec, "parameter_name", None) == "measure"
        for spec in (client.get("/admin/patients/patient/").context["cl"].filter_specs)
    )


def test_a_template_schedule_is_listed_too(listed, plan_a, patient_a, psfs, manager_a):
    services.attach_measure(questionnaire=psfs, by=manager_a, template=plan_a.template)
    assert patient_a.pk in listed("measure=due")
