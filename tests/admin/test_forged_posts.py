"""Posts carrying another clinic's ids are refused and change nothing."""

from django.core import mail

from patients.models import ArticleAssignment, Invitation, Plan, PlanItem


def plan_form(patient, **extra):
    return {
        "patient": str(patient.pk),
        "title": "Forged plan",
        "status": "active",
        "start_date": "2026-11-01",
        "review_date": "",
        "message": "",
        "items-TOTAL_FORMS": "0",
        "items-INITIAL_FORMS": "0",
        **extra,
    }


def test_a_plan_for_another_clinics_patient_is_refused(client, clinician_a, patient_b):
    client.force_login(clinician_a)
    response = client.post("/admin/patients/plan/add/", plan_form(patient_b))
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not Plan.objects.filter(title="Forged plan").exists()


def test_articles_are_given_only_from_a_patients_own_page(
    client, clinician_a, patient_a, patient_b, library
):
    from education.models import Article

    client.force_login(clinician_a)
    article = Article.objects.get(slug="warning-signs")
    # One way to give an article (the service behind "Assign articles"): no add form.
    response = client.post(
        "/admin/patients/articleassignment/add/",
        {"patient": str(patient_a.pk), "article": str(article.pk)},
    )
    assert response.status_code == 403
    # Another clinic's patient is not found from here either.
    response = client.post(
        f"/admin/patients/patient/{patient_b.pk}/assign-articles/", {"articles": [article.pk]}
    )
    assert response.status_code == 404
    assert not ArticleAssignment.objects.filter(article=article).exists()


def test_a_draft_article_cannot_be_given(client, clinician_a, patient_a, library):
    from education.models import Article

    draft = Article.objects.get(slug="warning-signs")
    draft.status = Article.Status.DRAFT
    draft.save()
    client.force_login(clinician_a)
    response = client.post(
        f"/admin/patients/patient/{patient_a.pk}/assign-articles/", {"articles": [draft.pk]}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not ArticleAssignment.objects.filter(patient=patient_a, article=draft).exists()


def test_a_clinician_of_another_clinic_cannot_be_made_primary(
    client, clinician_a, clinician_b, patient_a
):
    client.force_login(clinician_a)
    response = client.post(
        f"/admin/patients/patient/{patient_a.pk}/change/",
        {
            "first_name": "Ada",
            "last_name": "Patient",
            "email": patient_a.user.email,
            "language": "en",
            "clinician": str(clinician_b.pk),
            "affected_side": "right",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    patient_a.refresh_from_db()
    assert patient_a.clinician == clinician_a


def test_an_inline_row_of_another_clinics_plan_is_refused(client, clinician_a, plan_a, plan_b):
    client.force_login(clinician_a)
    foreign_item = plan_b.items.first()
    data = plan_form(
        plan_a.patient,
        title=plan_a.title,
        start_date=plan_a.start_date.isoformat(),
        opened_version=str(plan_a.version),
        **{
            "items-TOTAL_FORMS": "1",
            "items-INITIAL_FORMS": "1",
            "items-0-id": str(foreign_item.pk),
            "items-0-plan": str(plan_a.pk),
            "items-0-position": "1",
            "items-0-exercise": str(foreign_item.exercise_id),
            "items-0-sets": "9",
            "items-0-reps": "9",
            "items-0-hold_seconds": "0",
            "items-0-rest_seconds": "0",
            "items-0-times_per_day": "1",
            "items-0-days_per_week": "1",
            "items-0-side": "both",
        },
    )
    del data["patient"]
    before = list(plan_a.items.values_list("pk", "sets"))
    client.post(f"/admin/patients/plan/{plan_a.pk}/change/", data)
    # Django drops a row whose id is not among the plan's own items: nothing changes.
    assert list(plan_a.items.values_list("pk", "sets")) == before
    foreign_item.refresh_from_db()
    assert foreign_item.sets != 9
    assert PlanItem.objects.get(pk=foreign_item.pk).plan == plan_b


def test_a_bulk_action_ignores_another_clinics_ids(
    client, clinician_a, patient_a, patient_b, django_capture_on_commit_callbacks
):
    client.force_login(clinician_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/patients/patient/",
            {"action": "send_invitations", "_selected_action": [str(patient_b.pk)]},
        )
    assert not Invitation.objects.filter(patient=patient_b).exists()
    assert mail.outbox == []


def test_assigning_a_programme_to_another_clinics_patient_is_not_found(
    client, clinician_a, patient_b, library
):
    plans_before = set(patient_b.plans.all())
    client.force_login(clinician_a)
    response = client.post(
        f"/admin/patients/patient/{patient_b.pk}/assign-programme/",
        {"template": "1", "start_date": patient_b.clinic.today().isoformat()},
    )
    assert response.status_code == 404
    assert set(Plan.objects.filter(patient=patient_b)) == plans_before  # no plan added


def test_acknowledging_another_clinics_alert_is_not_found(client, clinician_a, records_b):
    client.force_login(clinician_a)
    alert = records_b["alert"]
    response = client.post(f"/admin/patients/alert/{alert.pk}/acknowledge/", {"note": "x"})
    assert response.status_code == 404
    alert.refresh_from_db()
    assert alert.acknowledged_at is None
