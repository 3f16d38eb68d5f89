import datetime as dt

import pytest
from django.core import mail

from clinic.models import User
from education.models import ProgrammeTemplate
from patients import services
from patients.models import Invitation, Patient, Plan


def test_adding_a_patient_opens_an_account_without_a_password_in_the_staff_clinic(
    client, clinician_a, clinic_a
):
    client.force_login(clinician_a)
    response = client.post(
        "/admin/patients/patient/add/",
        {
            "first_name": "Nora",
            "last_name": "Lee",
            "email": "Nora.Lee@Example.com",
            "language": "fr",
            "clinician": str(clinician_a.pk),
            "affected_side": "left",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    patient = Patient.objects.get(user__email="nora.lee@example.com")
    assert patient.clinic == clinic_a
    assert patient.user.language == "fr"
    assert not patient.user.has_usable_password()
    assert not patient.user.is_staff


def patient_data(clinician, **extra):
    return {
        "first_name": "Nora",
        "last_name": "Lee",
        "email": "nora.lee@example.com",
        "language": "en",
        "clinician": str(clinician.pk),
        "is_active": "on",
        **extra,
    }


@pytest.mark.parametrize("typed", ["613 555 0142", "(613) 555-0142", "+1 613-555-0142"])
def test_the_front_desk_records_a_phone_as_typed_and_it_is_kept_normalised(
    client, front_desk_a, clinician_a, typed
):
    client.force_login(front_desk_a)
    response = client.post(
        "/admin/patients/patient/add/",
        patient_data(clinician_a, phone=typed, phone_other="", contact_time="morning"),
    )
    assert response.status_code == 302
    patient = Patient.objects.get(user__email="nora.lee@example.com")
    assert patient.phone.as_e164 == "+16135550142"
    assert patient.contact_time == "morning"


@pytest.mark.parametrize("typed", ["12345", "613-555-014", "call me"])
def test_a_phone_that_is_not_a_number_is_refused(client, clinician_a, typed):
    client.force_login(clinician_a)
    response = client.post("/admin/patients/patient/add/", patient_data(clinician_a, phone=typed))
    assert response.status_code == 200
    assert "Enter a valid phone number" in response.text
    assert not Patient.objects.filter(user__email="nora.lee@example.com").exists()


def test_an_email_already_in_use_is_refused(client, clinician_a, patient_a):
    client.force_login(clinician_a)
    response = client.post(
        "/admin/patients/patient/add/",
        {
            "first_name": "Dup",
            "last_name": "Licate",
            "email": patient_a.user.email,
            "language": "en",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "Another account already uses this email address" in response.text
    assert User.objects.filter(email=patient_a.user.email).count() == 1


def test_the_list_shows_plan_pain_adherence_and_alerts(client, clinician_a, records_a):
    client.force_login(clinician_a)
    response = client.get("/admin/patients/patient/")
    text = response.text
    assert "Knee pain after exercise — settle (phase 1)" in text
    assert "9/10" in text  # the last pain score
    assert 'class="alert-count"' in text


def test_adherence_with_two_active_plans_counts_each_plan_once(
    client, clinician_a, patient_a, plan_a
):
    from patients import services
    from tests.conftest import make_plan

    second = make_plan(patient_a, template_slug="knee-build-phase-2")
    today = patient_a.clinic.today()
    for days_ago in (0, 1, 2):
        services.log_session(patient=patient_a, plan=plan_a, date=today - dt.timedelta(days_ago))
    services.log_session(patient=patient_a, plan=second, date=today)
    # Both plans began a week ago: each asks for its most frequent exercise's days a week.
    asked = sum(plan.sessions_per_week() for plan in (plan_a, second))
    client.force_login(clinician_a)
    response = client.get("/admin/patients/patient/")
    [row] = [p for p in response.context["cl"].result_list if p.pk == patient_a.pk]
    assert (row.adherence_7d.done, row.adherence_7d.prescribed) == (4, asked)
    assert f"({4}/{asked})" in response.text


def test_front_desk_sees_names_but_no_pain_alerts_or_notes(client, front_desk_a, records_a):
    patient = records_a["patient"]
    patient.staff_notes = "Private clinical note"
    patient.save()
    client.force_login(front_desk_a)
    listing = client.get("/admin/patients/patient/").text
    assert patient.user.email in listing
    assert "9/10" not in listing
    assert "alert-count" not in listing
    page = client.get(f"/admin/patients/patient/{patient.pk}/change/").text
    assert "Private clinical note" not in page
    assert "Open alerts" not in page


def test_the_change_page_summarises_plans_reading_and_pain(client, clinician_a, records_a):
    client.force_login(clinician_a)
    patient = records_a["patient"]
    response = client.get(f"/admin/patients/patient/{patient.pk}/change/")
    assert response.status_code == 200
    assert "Open alerts" in response.text
    assert "<svg" in response.text
    assert "When to contact the clinic" in response.text or "not read yet" in response.text


def test_filters_for_open_alerts_and_review_due(client, clinician_a, records_a, patient_a2):
    client.force_login(clinician_a)
    with_alerts = client.get("/admin/patients/patient/", {"alerts": "open"}).text
    assert str(records_a["patient"].pk) in with_alerts
    assert str(patient_a2.pk) not in with_alerts
    plan = records_a["plan"]
    plan.review_date = plan.patient.clinic.today() + dt.timedelta(days=3)
    plan.save()
    services.record_revision(plan=plan, by=clinician_a)  # as the plan's admin page does
    due = client.get("/admin/patients/patient/", {"review": "week"}).text
    assert str(records_a["patient"].pk) in due


def test_the_changelist_makes_a_fixed_number_of_queries(
    client, clinician_a, clinic_a, library, django_assert_num_queries
):
    from tests.conftest import make_patient, make_plan

    client.force_login(clinician_a)

    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/admin/patients/patient/").status_code == 200
        return len(ctx)

    make_plan(make_patient("first@p.example", clinic_a, clinician_a))
    few = count_queries()
    for i in range(200):
        make_patient(f"p{i}@p.example", clinic_a, clinician_a)
    with django_assert_num_queries(few):
        client.get("/admin/patients/patient/?all=")


def test_assigning_a_programme_makes_an_independent_plan_with_a_tailored_dose(
    client, clinician_a, patient_a, library
):
    # A patient with no plan and nothing to read yet (the cast's plan and its reading go).
    patient_a.plans.all().delete()
    patient_a.article_assignments.all().delete()
    client.force_login(clinician_a)
    template = ProgrammeTemplate.objects.get(slug="knee-settle-phase-1")
    url = f"/admin/patients/patient/{patient_a.pk}/assign-programme/"
    page = client.get(url, {"template": template.pk})
    assert page.status_code == 200
    items = list(template.items.order_by("position"))
    data = {
        "template": str(template.pk),
        "start_date": "2026-11-20",
        "review_date": "2026-12-18",
        "message": "Easy does it.",
        "assign_articles": "on",
        "items-TOTAL_FORMS": str(len(items)),
        "items-INITIAL_FORMS": str(len(items)),
    }
    for i, item in enumerate(items):
        dose = item.dose
        data.update(
            {
                f"items-{i}-position": str(item.position),
                f"items-{i}-sets": str(dose.sets),
                f"items-{i}-reps": "15" if i == 0 else str(dose.reps),
                f"items-{i}-hold_seconds": str(dose.hold_seconds),
                f"items-{i}-rest_seconds": str(dose.rest_seconds),
                f"items-{i}-times_per_day": str(dose.times_per_day),
                f"items-{i}-days_per_week": str(dose.days_per_week),
                f"items-{i}-side": dose.side,
            }
        )
    response = client.post(url, data)
    assert response.status_code == 302
    plan = Plan.objects.get(patient=patient_a)
    assert plan.items.get(position=1).reps == 15
    assert plan.revisions.count() == 1
    assert plan.message == "Easy does it."
    assert patient_a.article_assignments.count() == template.articles.count()

    first = template.items.get(position=1)
    first.reps = 3
    first.save()
    assert plan.items.get(position=1).reps == 15


def test_a_review_date_before_the_start_is_refused(client, clinician_a, patient_a, library):
    plans_before = set(patient_a.plans.all())
    client.force_login(clinician_a)
    template = ProgrammeTemplate.objects.get(slug="knee-settle-phase-1")
    response = client.post(
        f"/admin/patients/patient/{patient_a.pk}/assign-programme/",
        {
            "template": str(template.pk),
            "start_date": "2026-11-20",
            "review_date": "2026-11-01",
            "items-TOTAL_FORMS": "0",
            "items-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "The review date cannot be before the start date" in response.text
    assert set(Plan.objects.filter(patient=patient_a)) == plans_before  # no plan added


def test_assigning_several_articles_at_once(client, clinician_a, patient_a, library):
    from education.models import Article

    patient_a.article_assignments.all().delete()  # nothing to read yet
    client.force_login(clinician_a)
    articles = list(Article.objects.order_by("pk")[:3])
    response = client.post(
        f"/admin/patients/patient/{patient_a.pk}/assign-articles/",
        {"articles": [str(a.pk) for a in articles]},
    )
    assert response.status_code == 302
    assert set(patient_a.article_assignments.values_list("article", flat=True)) == {
        a.pk for a in articles
    }


def test_send_invitation_button_emails_the_patient(
    client, front_desk_a, patient_a, django_capture_on_commit_callbacks
):
    client.force_login(front_desk_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/patients/patient/{patient_a.pk}/send-invitation/")
    assert response.status_code == 302
    assert mail.outbox[0].to == [patient_a.user.email]
    assert Invitation.objects.filter(patient=patient_a).count() == 1


def test_send_invitation_is_a_post(client, front_desk_a, patient_a):
    client.force_login(front_desk_a)
    response = client.get(f"/admin/patients/patient/{patient_a.pk}/send-invitation/")
    assert response.status_code == 405


def test_editing_a_plan_keeps_a_new_revision(client, clinician_a, plan_a):
    client.force_login(clinician_a)
    items = list(plan_a.items.order_by("position"))
    data = {
        "title_en": plan_a.title_en,
        "title_fr": plan_a.title_fr,
        "status": "active",
        "start_date": plan_a.start_date.isoformat(),
        "review_date": "",
        "message_en": "New message",
        "opened_version": str(plan_a.version),
        "items-TOTAL_FORMS": str(len(items)),
        "items-INITIAL_FORMS": str(len(items)),
    }
    for i, item in enumerate(items):
        data.update(
            {
                f"items-{i}-id": str(item.pk),
                f"items-{i}-plan": str(plan_a.pk),
                f"items-{i}-position": str(item.position),
                f"items-{i}-exercise": str(item.exercise_id),
                f"items-{i}-sets": str(item.sets + (1 if i == 0 else 0)),
                f"items-{i}-reps": str(item.reps),
                f"items-{i}-hold_seconds": str(item.hold_seconds),
                f"items-{i}-rest_seconds": str(item.rest_seconds),
                f"items-{i}-times_per_day": str(item.times_per_day),
                f"items-{i}-days_per_week": str(item.days_per_week),
                f"items-{i}-side": item.side,
                f"items-{i}-note_en": item.note_en,
                f"items-{i}-note_fr": item.note_fr,
            }
        )
    response = client.post(f"/admin/patients/plan/{plan_a.pk}/change/", data)
    assert response.status_code == 302, response.text[:3000]
    plan_a.refresh_from_db()
    assert plan_a.version == 2
    assert plan_a.revisions.count() == 2
    # Kept in every language: the patient is told what changed in theirs.
    assert plan_a.revisions.get(number=2).snapshot["message"] == {"en": "New message", "fr": ""}


def test_pausing_a_plan_from_the_list(client, clinician_a, plan_a):
    client.force_login(clinician_a)
    client.post(
        "/admin/patients/plan/",
        {"action": "pause_plans", "_selected_action": [str(plan_a.pk)]},
    )
    plan_a.refresh_from_db()
    assert plan_a.status == Plan.Status.PAUSED
    assert plan_a.revisions.count() == 2
