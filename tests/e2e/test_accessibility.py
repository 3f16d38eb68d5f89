"""axe-core on every page a patient, a visitor or a clinician works with: no serious or
critical violation. Moderate and minor findings are listed at the end of the run.

Each page is opened twice: in a CSP-watched profile (no violation allowed) and in the
profile axe runs in, where the page's CSP is bypassed for axe's own sake.
"""

import datetime as dt

import pytest
from django.test import Client

from education.models import ProgrammeTemplate
from patients import reminders, services
from patients.invitations import invitation_url, send_invitation
from tests.e2e.conftest import DESKTOP, PHONE, axe_violations, sign_in_as

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def sweep(new_context):
    def run(pages, *, user=None, viewport=DESKTOP, second_factor=True, **options):
        """Open each (name, path) as `user`: 200, no CSP violation, nothing serious for axe."""
        watched = new_context(viewport, **options).new_page()
        checked = new_context(viewport, for_axe=True, **options).new_page()
        if user is not None:
            for page in (watched, checked):
                sign_in_as(page, user, second_factor=second_factor)
        problems = []
        for name, path in pages:
            response = watched.goto(path)
            assert response.status == 200, f"{name}: {path} answered {response.status}"
            checked.goto(path)
            problems += axe_violations(checked, name)
        assert problems == [], "\n".join(problems)

    return run


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_patient_pages(sweep, ada_follow_up, viewport):
    ada = ada_follow_up
    plan, item, assignment = ada.plan, ada.item, ada.assignment
    # The pages as named: Today with both cards, the article with why the answer was wrong.
    client = Client()
    client.force_login(ada.patient.user)
    today = client.get("/").text
    assert "Questionnaires to fill in" in today
    assert "Warning signs: when to contact the clinic" in today
    assert "teach-back-why" in client.get(f"/articles/{ada.check.pk}/").text
    assert "Entered in error (not counted)" in client.get("/measures/").text
    sweep(
        [
            ("Today, with a measure due and a teach-back check", "/"),
            ("My plan", "/plans/"),
            ("Plan", f"/plans/{plan.pk}/"),
            ("Plan exercise", f"/plans/{plan.pk}/exercises/{item.pk}/"),
            ("My articles", "/articles/"),
            ("Article", f"/articles/{assignment.pk}/"),
            ("Article, teach-back answered wrongly once", f"/articles/{ada.check.pk}/"),
            ("Questionnaire", f"/measures/{plan.pk}/{ada.schedule.pk}/"),
            ("My progress", "/measures/"),
            ("Library exercise, drawn", "/library/exercises/glute-bridge/"),
            ("Pain diary", "/pain/"),
            ("Pain saved, warning sign", f"/pain/{ada.warning.pk}/saved/"),
            ("My data", "/my-data/"),
            ("Reminders", "/reminders/"),
            ("Plan handout print page", f"/plans/{plan.pk}/handout/"),
            ("Accessibility statement, signed in", "/accessibility/"),
        ],
        user=ada.patient.user,
        viewport=viewport,
    )


def test_pages_before_signing_in(sweep, clinic_a, clinician_a):
    patient = services.create_patient(
        clinic=clinic_a,
        email="nora.lee@patients.example",
        first_name="Nora",
        last_name="Lee",
        clinician=clinician_a,
    )
    invitation = send_invitation(patient=patient, sent_by=clinician_a)
    preference = reminders.save_preference(
        patient=patient, enabled=True, time=dt.time(18), days=["monday"], nudges=True
    )
    unsubscribe = f"/reminders/unsubscribe/{reminders.unsubscribe_token(preference, 'reminder')}/"
    sweep(
        [
            ("Sign in", "/accounts/login/"),
            ("Unsubscribe from reminders", unsubscribe),
            ("Forgotten password", "/accounts/password/reset/"),
            ("Invitation", invitation_url(invitation)),
            ("Accessibility statement", "/accessibility/"),
        ]
    )


def test_staff_code_page(sweep, clinician_a):
    # Signed in with the password only: the page asks for the authenticator code.
    sweep([("Staff code", "/accounts/two-factor/")], user=clinician_a, second_factor=False)


# The admin follows the computer's light or dark setting.
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_admin_pages_clinicians_use(sweep, clinician_a, ada, scheme):
    patient = ada.patient
    template = ProgrammeTemplate.objects.get(slug="knee-settle-phase-1")
    admin = "/admin/patients"
    named = [
        ("Admin index", "/admin/"),
        ("Admin patient list", f"{admin}/patient/"),
        ("Admin patient", f"{admin}/patient/{patient.pk}/change/"),
        ("Admin add patient", f"{admin}/patient/add/"),
        (
            "Admin assign programme",
            f"{admin}/patient/{patient.pk}/assign-programme/?template={template.pk}",
        ),
        ("Admin assign articles", f"{admin}/patient/{patient.pk}/assign-articles/"),
        ("Admin alert list", f"{admin}/alert/"),
        ("Admin alert", f"{admin}/alert/{ada.alert.pk}/change/"),
        ("Admin patient handout print page", f"{admin}/patient/{patient.pk}/handout/"),
    ]
    suffix = "" if scheme == "light" else ", dark"
    sweep(
        [(name + suffix, path) for name, path in named],
        user=clinician_a,
        color_scheme=scheme,
    )
