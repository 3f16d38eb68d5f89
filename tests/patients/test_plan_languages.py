"""A plan in both languages: copied from its template in every language when assigned, the
clinician's own words kept in the patient's, and text still waiting for the reader's
language shown in the other one, marked as such."""

import datetime as dt

import pytest

from education.models import ProgrammeTemplate
from patients import rules, services
from patients.models import Patient
from tests.conftest import make_patient, make_plan
from tests.education.conftest import make_exercise


@pytest.fixture
def french_patient(clinic_a, clinician_a):
    patient = make_patient("rose@patients.example", clinic_a, clinician_a)
    patient.user.language = "fr"
    patient.user.save(update_fields=["language"])
    return patient


def test_assigning_copies_the_template_in_both_languages(library, french_patient):
    template = ProgrammeTemplate.objects.get(slug="knee-settle-phase-1")
    plan = make_plan(french_patient, message="Allez-y doucement.")
    assert (plan.title_en, plan.title_fr) == (template.name_en, template.name_fr)
    first = plan.items.order_by("position").first()
    template_first = template.items.order_by("position").first()
    assert (first.note_en, first.note_fr) == (template_first.note_en, template_first.note_fr)
    # The clinician's message is the patient's language's.
    assert (plan.message_en, plan.message_fr) == ("", "Allez-y doucement.")


def test_the_staff_list_shows_the_plan_as_the_patient_reads_it(library, french_patient):
    make_plan(french_patient)
    row = Patient.objects.get(pk=french_patient.pk)
    assert row.active_plan_title == "Douleur au genou après l'effort — calmer (phase 1)"


def test_a_message_not_in_the_readers_language_is_marked_and_explained(
    client, library, french_patient
):
    plan = make_plan(french_patient)
    plan.message_en = "Ice after each session."
    plan.save()
    client.force_login(french_patient.user)
    html = client.get(f"/plans/{plan.pk}/").content.decode()
    assert '<p class="mb-0" lang="en">Ice after each session.</p>' in html
    assert (
        "Ce texte n&#x27;est pas encore rédigé en français : il est affiché tel qu&#x27;il a "
        "été écrit." in html
    )


def test_a_clinics_exercise_written_in_english_only_is_marked_for_a_french_reader(
    client, library, clinic_a, french_patient, clinician_a
):
    exercise = make_exercise(
        "wall-sit", name="Wall sit", clinic=clinic_a, **{"name_fr": "", "purpose_fr": ""}
    )
    plan = services.create_plan(
        patient=french_patient,
        title={"en": "Extra", "fr": "En plus"},
        created_by=clinician_a,
        start_date=french_patient.clinic.today(),
        items=[{"exercise": exercise, **exercise.dose.values()}],
    )
    item = plan.items.get()
    client.force_login(french_patient.user)
    html = client.get(f"/plans/{plan.pk}/exercises/{item.pk}/").content.decode()
    assert (
        '<h1 id="exercise-title"><span lang="en">Wall sit</span> '
        '<span class="translation-note">(en anglais)</span></h1>' in html
    )
    assert '<p class="lead" lang="en">Makes the hips stronger.</p>' in html
    # The rest is in French as written: no marking there.
    assert '<ol class="exercise-steps">' in html


def test_what_changed_is_told_in_the_readers_language(library, french_patient, clinician_a):
    from django.utils import translation

    plan = make_plan(french_patient, start_date=dt.date(2026, 11, 1))
    before = plan.revisions.get().snapshot
    item = plan.items.order_by("position").first()
    item.sets += 1
    item.save()
    plan.review_date = dt.date(2026, 12, 1)
    plan.save()
    services.record_revision(plan=plan, by=clinician_a)
    after = plan.revisions.order_by("-number").first().snapshot
    with translation.override("fr"):
        changes = rules.plan_changes(before, after)
    assert [change.replace("\xa0", " ") for change in changes] == [
        "Votre réévaluation est maintenant prévue le 1 décembre 2026.",
        "Contraction du quadriceps : séries — avant 2, maintenant 3.",
    ]


def test_snapshots_from_before_languages_still_compare(library, french_patient):
    from django.utils import translation

    plan = make_plan(french_patient)
    new = plan.revisions.get().snapshot
    old = {
        **new,
        "title": new["title"]["en"],
        "message": "",
        "items": [
            {**item, "exercise": item["exercise"]["en"], "note": item["note"]["en"]}
            for item in new["items"]
        ],
    }
    with translation.override("en"):
        assert rules.plan_changes(old, new) == []
