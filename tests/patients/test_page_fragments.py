"""Patient pages from cached fragments: fewer queries on a second visit, and never a
fragment older than the data behind it."""

import html
import uuid

import pytest

from clinic.models import User
from education.models import Exercise
from patients import services
from tests.conftest import make_pain_entry


@pytest.fixture
def signed_in(client, patient_a, plan_a):
    client.force_login(patient_a.user)
    return client


def text(client, path="/"):
    response = client.get(path)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.mark.parametrize(
    "path", ["/", "/plans/", "/articles/", "/pain/", "/measures/", "/reminders/"]
)
def test_a_second_visit_reads_the_fragment_and_skips_the_pages_queries(
    signed_in, django_assert_max_num_queries, path
):
    first = text(signed_in, path)
    # session, user with patient and clinic, the contact notice: the rest is cached.
    with django_assert_max_num_queries(3):
        second = text(signed_in, path)
    strip = lambda page: page.split('name="csrfmiddlewaretoken"')[0]  # noqa: E731
    assert strip(second) == strip(first)


def test_a_pain_entry_shows_at_once_on_today(signed_in, patient_a):
    assert "You have not recorded any pain yet." in text(signed_in)
    services.record_pain(patient=patient_a, submission_id=uuid.uuid4(), score=6)
    assert "Last entry: <strong>6</strong> out of 10" in text(signed_in)


def test_a_session_marked_done_shows_at_once(signed_in, patient_a, plan_a):
    assert "Mark today's session done" in text(signed_in)
    services.log_session(patient=patient_a, plan=plan_a, date=patient_a.clinic.today())
    assert "Today's session is done." in text(signed_in)


def test_a_change_to_the_library_shows_at_once(signed_in, plan_a):
    item = plan_a.items.order_by("position").first()
    page = f"/plans/{plan_a.pk}/exercises/{item.pk}/"
    assert item.exercise.name in text(signed_in, page)
    exercise = Exercise.objects.get(pk=item.exercise_id)
    exercise.name = "Quadriceps squeeze"
    exercise.save()
    assert "Quadriceps squeeze" in text(signed_in, page)
    assert "Quadriceps squeeze" in text(signed_in)


def test_a_change_of_language_shows_the_page_in_it(signed_in, patient_a):
    assert "Today's exercises" in text(signed_in)
    User.objects.filter(pk=patient_a.user_id).update(language="fr")
    assert "Exercices d'aujourd'hui" in text(signed_in)


def test_an_entry_saved_behind_the_services_back_waits_for_the_next_write(
    signed_in, patient_a, plan_a
):
    # The versions are the contract: rows written past the services (here, directly) show
    # once any service writes for the patient again.
    text(signed_in, "/pain/")
    make_pain_entry(patient_a, score=9, note="Written directly")
    assert "Written directly" not in text(signed_in, "/pain/")
    services.log_session(patient=patient_a, plan=plan_a, date=patient_a.clinic.today())
    assert "Written directly" in text(signed_in, "/pain/")


def test_another_patients_fragment_is_never_served(client, patient_a, patient_a2, plan_a, plan_a2):
    services.record_pain(patient=patient_a, submission_id=uuid.uuid4(), score=7, note="Ada's")
    client.force_login(patient_a.user)
    assert "Last entry: <strong>7</strong> out of 10" in text(client)
    client.force_login(patient_a2.user)
    assert "Last entry: <strong>7</strong> out of 10" not in text(client)


def test_a_clinics_new_picture_of_an_exercise_shows_at_once(signed_in, plan_a, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from education.models import ExercisePicture
    from patients.models import PlanItem
    from tests.education.conftest import make_exercise
    from tests.education.test_exercise_pictures import png

    settings.MEDIA_ROOT = tmp_path
    item = plan_a.items.order_by("position").first()
    # The clinic's own exercise: only those carry the clinic's pictures.
    PlanItem.objects.filter(pk=item.pk).update(
        exercise=make_exercise("side-plank", clinic=plan_a.patient.clinic)
    )
    item.refresh_from_db()
    page = f"/plans/{plan_a.pk}/exercises/{item.pk}/"
    assert "Knee pressed flat" not in text(signed_in, page)
    ExercisePicture.objects.create(
        exercise=item.exercise,
        image=SimpleUploadedFile("flat.png", png().read(), content_type="image/png"),
        description_en="Knee pressed flat",
        description_fr="Genou bien à plat",
    )
    assert "Knee pressed flat" in text(signed_in, page)


def test_a_questionnaires_new_title_shows_at_once(signed_in, plan_a, clinician_a):
    from outcomes import services as outcomes_services
    from outcomes.models import Questionnaire

    psfs = Questionnaire.objects.get(code="psfs", version=1)
    outcomes_services.attach_measure(questionnaire=psfs, by=clinician_a, plan=plan_a)
    assert psfs.title in text(signed_in, "/measures/")
    psfs.title_en = "What you find hard to do"
    psfs.save()
    assert "What you find hard to do" in text(signed_in, "/measures/")
    assert "What you find hard to do" in text(signed_in)


def test_reminder_choices_show_at_once_however_they_were_changed(signed_in, patient_a):
    import datetime as dt
    import re

    from patients import reminders

    def reminders_on(page):
        return re.search(r'<input[^>]*name="enabled"[^>]*\bchecked\b', page) is not None

    assert 'value="18:00"' in text(signed_in, "/reminders/")
    reminders.save_preference(
        patient=patient_a, enabled=True, time=dt.time(7, 30), days=["monday"], nudges=True
    )
    page = text(signed_in, "/reminders/")
    assert 'value="07:30"' in page and reminders_on(page)
    preference = reminders.preference_of(patient_a)
    reminders.unsubscribe(reminders.unsubscribe_token(preference, reminders.REMINDER))
    assert not reminders_on(text(signed_in, "/reminders/"))
