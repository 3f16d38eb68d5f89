"""Every admin, found in the registry: under the portal's input rules, and, for rows a
clinic holds, under the clinic scoping, with no way around it."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from clinic.access import clinic_lookup, is_clinic_scoped
from clinic.admin import ClinicScopedMixin, PortalAdminMixin
from clinic.models import Clinic, User
from education.models import ArticleAnswerChoice, ArticleQuestion, PhaseCriterion
from tests.conftest import CAST_PKS, rows_for_the_module
from tests.education.conftest import make_article, make_condition, make_exercise, make_programme

ADMINS = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)
SCOPED = [(model, model_admin) for model, model_admin in ADMINS if is_clinic_scoped(model)]

# Rows of every kind in clinic A (and the cast's records in both clinics), written once.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clinic_a_rows")]


def test_every_admin_follows_the_portals_input_rules():
    outside = [model._meta.label for model, ma in ADMINS if not isinstance(ma, PortalAdminMixin)]
    assert outside == []


def test_every_admin_of_rows_a_clinic_holds_is_clinic_scoped():
    outside = [model._meta.label for model, ma in SCOPED if not isinstance(ma, ClinicScopedMixin)]
    assert outside == []
    # The staff accounts and the alerts, which used to go around it, are among them.
    assert {"clinic.User", "patients.Alert", "education.Exercise"} <= {
        model._meta.label for model, _ in SCOPED
    }


@pytest.fixture(scope="module")
def clinic_a_rows(clinic_rows_of_the_module, django_db_blocker):
    """Clinic A's rows of every kind, library included, written once for the module."""
    from patients.models import Patient, Plan

    with rows_for_the_module(django_db_blocker):
        clinic = Clinic.objects.get(pk=CAST_PKS["clinic_a"])
        exercise = make_exercise("a-only", clinic=clinic)
        make_condition("a-only", clinic=clinic)
        article = make_article("a-only", clinic=clinic)
        programme = make_programme("a-only", [exercise], clinic=clinic)
        question = ArticleQuestion.objects.create(
            article=article, position=1, prompt="Q?", explanation="Why.", passage="Read this."
        )
        ArticleAnswerChoice.objects.create(question=question, position=1, text="A", is_correct=True)
        PhaseCriterion.objects.create(template=programme, kind="min_days", target=14)
        outcome_rows(
            Patient.objects.select_related("clinic").get(pk=CAST_PKS["patient_a"]),
            Plan.objects.get(pk=CAST_PKS["plan_a"]),
            User.objects.get(pk=CAST_PKS["manager_a"]),
        )
        yield


def outcome_rows(patient, plan, manager):
    """A questionnaire of the clinic's own, a plan asking for it, and an answer."""
    from outcomes import selectors, services
    from outcomes.models import Questionnaire

    own = Questionnaire.objects.get(code="groc")
    own.pk, own.code, own.clinic = None, "a-only", patient.clinic
    own.save()
    services.attach_measure(questionnaire=own, by=manager, plan=plan)
    (due,) = selectors.due_for([patient], patient.clinic.today())
    services.submit_response(patient=patient, due=due, answers={"change": "3"}, language="en")


@pytest.mark.parametrize(("model", "model_admin"), SCOPED, ids=[m._meta.label for m, _ in SCOPED])
def test_no_admin_gives_another_clinics_staff_its_rows(
    clinic_a_rows, clinic_a, clinician_b, model, model_admin
):
    request = RequestFactory().get("/")
    request.user = clinician_b
    rows = model_admin.get_queryset(request)
    assert model.objects.filter(**{clinic_lookup(model): clinic_a.pk}).exists()
    assert not rows.filter(**{clinic_lookup(model): clinic_a.pk}).exists()


def test_the_primary_clinician_and_its_filter_offer_clinicians_and_managers_only(
    client, clinician_a, manager_a, front_desk_a, clinician_b, patient_a
):
    client.force_login(manager_a)
    page = client.get(f"/admin/patients/patient/{patient_a.pk}/change/")
    offered = set(page.context["adminform"].form.fields["clinician"].queryset)
    assert offered == {clinician_a, manager_a}
    listed = client.get("/admin/patients/patient/")
    (clinician_filter,) = [
        spec
        for spec in listed.context["cl"].filter_specs
        if getattr(spec, "parameter_name", None) == "clinician"
    ]
    assert {pk for pk, _ in clinician_filter.lookup_choices} == {
        str(clinician_a.pk),
        str(manager_a.pk),
    }
    response = client.post(
        f"/admin/patients/patient/{patient_a.pk}/change/",
        {
            "email": patient_a.user.email,
            "first_name": "Ada",
            "last_name": "Patient",
            "language": "en",
            "clinician": front_desk_a.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "clinician" in response.context["adminform"].form.errors
    patient_a.refresh_from_db()
    assert patient_a.clinician == clinician_a
