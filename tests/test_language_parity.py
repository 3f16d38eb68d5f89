"""Parity: a French-speaking patient never meets an English sentence, and an English-speaking
one never meets a French one, on any page they open, on their printed handout, in their
data download, or in the emails they receive.

The same patient is walked through in each language, with everything a page can show in
play: a plan whose doses changed since it was last seen, a message from the clinician,
easier and harder versions offered, a warning sign waiting for the clinic, every article.
The detector (tests/parity.py) knows words of each language the other never uses; the only
text marked as another language may be the language switch itself.
"""

import re
import uuid

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from education.models import Article, Exercise
from patients import invitations, services
from patients.models import PlanItem
from tests.conftest import PortalClient
from tests.parity import OTHER, foreign_words, read

SWITCH = {"en": "English", "fr": "Français"}  # the switch's button, in its own language
MESSAGE = {"en": "Go gently this week.", "fr": "Allez-y doucement cette semaine."}
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
URL = re.compile(r"https?://\S+")

pytestmark = pytest.mark.usefixtures("frozen_clock")


@pytest.fixture(params=["fr", "en"])
def reader(request, plan_a, clinician_a):
    """Patient A reading in one language, with every kind of content in play."""
    language = request.param
    patient = plan_a.patient
    user = patient.user
    user.language = language
    user.save(update_fields=["language"])
    # The clinician writes to the patient in the patient's language.
    setattr(plan_a, f"message_{language}", MESSAGE[language])
    plan_a.save()
    services.record_revision(plan=plan_a, by=clinician_a)
    plan_a.refresh_from_db()
    services.mark_plan_seen(plan_a)
    # Then a dose changes and easier and harder versions are offered: "what changed".
    for item in PlanItem.objects.filter(plan=plan_a):
        item.show_variants = True
        item.sets += 1
        item.save()
    services.record_revision(plan=plan_a, by=clinician_a)
    entry, _created = services.record_pain(
        patient=patient,
        submission_id=uuid.uuid4(),
        score=8,
        recorded_at=timezone.now(),
        context="after",
        location="kneecap",
        knee="right",
        swelling=True,
    )
    return {"language": language, "patient": patient, "plan": plan_a, "entry": entry}


def patient_pages(reader):
    plan, patient = reader["plan"], reader["patient"]
    pages = [
        reverse("home"),
        reverse("patients:plans"),
        reverse("patients:plan", args=[plan.pk]),
        reverse("patients:articles"),
        reverse("patients:pain_diary"),
        reverse("patients:pain_saved", args=[reader["entry"].pk]),
        reverse("patients:my_data"),
        reverse("patients:plan_handout", args=[plan.pk]),
        reverse("password_change"),
        reverse("accessibility"),
    ]
    pages += [
        reverse("patients:plan_exercise", args=[plan.pk, item.pk])
        for item in plan.items.order_by("position")
    ]
    pages += [
        reverse("patients:article", args=[assignment.pk])
        for assignment in patient.article_assignments.all()
    ]
    # The library pages a patient can open (the easier and harder versions link to them).
    pages += [exercise.get_absolute_url() for exercise in Exercise.objects.published()]
    pages += [article.get_absolute_url() for article in Article.objects.published()]
    return pages


def assert_in_language(text, language, where):
    text = URL.sub(" ", UUID.sub(" ", text))
    foreign = foreign_words(text, language)
    assert not foreign, f"{where}: {sorted(foreign)} in a {language} reader's text"


def test_every_patient_page_is_in_the_readers_language(client, reader):
    language = reader["language"]
    client.force_login(reader["patient"].user)
    for path in patient_pages(reader):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert f'<html lang="{language}">' in html, path
        text, marked = read(html, language)
        assert_in_language(text, language, path)
        # Nothing stands in for the reader's language: the only text in the other one is
        # the button that switches to it.
        assert marked == [(OTHER[language], SWITCH[OTHER[language]])], path


def test_the_data_download_is_in_the_readers_language(client, reader):
    language = reader["language"]
    client.force_login(reader["patient"].user)
    response = client.get(reverse("patients:my_data_csv"))
    csv_text = b"".join(response.streaming_content).decode()
    assert_in_language(csv_text, language, "my-data.csv")


def test_both_emails_are_in_the_readers_language(reader, clinician_a):
    language = reader["language"]
    patient = reader["patient"]
    mail.outbox.clear()
    invitations.send_invitation(patient=patient, sent_by=clinician_a)
    # Asked for from a browser in the other language: the email is the account's.
    PortalClient(HTTP_ACCEPT_LANGUAGE=OTHER[language]).post(
        reverse("password_reset"), {"email": patient.user.email}
    )
    assert [message.to for message in mail.outbox] == [[patient.user.email]] * 2
    for message in mail.outbox:
        assert_in_language(f"{message.subject}\n{message.body}", language, message.subject)
