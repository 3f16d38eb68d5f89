"""`manage.py demo`: alex's plan has a PSFS due today, which he fills in, in English or in
French, and his clinician sees it with its change against the band that matters."""

import datetime as dt
import html
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from clinic.models import User
from outcomes.models import Response
from patients.models import Patient


@pytest.fixture
def demo(db):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        call_command("demo", stdout=StringIO())
        call_command("demo", stdout=StringIO())  # safe to run again
        yield clock


def test_alex_fills_in_his_psfs_and_his_clinician_sees_it(client, demo):
    alex = Patient.objects.get(user__email="alex@patients.example")
    client.force_login(alex.user)
    today = html.unescape(client.get("/").text)
    assert "Questionnaires to fill in" in today
    assert "Activities that are hard for you" in today
    client.post(_due_url(alex), {"activity_1": "Going down stairs", "rating_1": "4"})
    assert Response.objects.filter(patient=alex).count() == 1

    # Two weeks later, in French this time: the same activity, rated again.
    demo.shift(dt.timedelta(weeks=2))
    User.objects.filter(pk=alex.user_id).update(language="fr")
    client.force_login(User.objects.get(pk=alex.user_id))
    form = html.unescape(client.get(_due_url(alex)).text)
    assert "Les activités difficiles pour vous" in form
    assert 'value="Going down stairs"' in form
    client.post(_due_url(alex), {"rating_1": "7"})
    progress = html.unescape(client.get(reverse("outcomes:progress")).text)
    assert "Votre score s'est amélioré de 3 points depuis le début" in progress

    jordan = User.objects.get(email="physio@riverside.example")
    client.force_login(jordan)
    summary = client.get(reverse("admin:patients_patient_change", args=[alex.pk])).text
    assert 'class="mcid-band"' in summary
    assert "At least the change that matters." in summary
    bundle = client.get(reverse("admin:outcomes_fhir_export", args=[alex.pk]))
    assert bundle.status_code == 200
    assert bundle.json()["resourceType"] == "Bundle"


def _due_url(patient):
    from outcomes import selectors

    (due,) = [
        d
        for d in selectors.due_for([patient], patient.clinic.today())
        if d.questionnaire.code == "psfs"
    ]
    return reverse("outcomes:answer", args=[due.plan.pk, due.schedule.pk])
