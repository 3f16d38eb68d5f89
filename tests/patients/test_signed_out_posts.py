"""Nothing a patient typed is lost to a sign-out: a pain entry or a session check-off sent
after the session ended is finished when the same patient signs in again."""

import datetime as dt
import html
import re
import uuid
from datetime import timedelta

import pytest
import time_machine
from django.utils import formats, timezone

from patients.models import PainEntry, SessionLog
from tests.conftest import make_patient
from tests.security.conftest import LOGIN, sign_in


def at(start, **delta):
    return time_machine.travel(start + timedelta(**delta), tick=False)


def form_owner(client, path="/pain/"):
    return re.search(r'name="resume_owner" value="([^"]+)"', client.get(path).text)[1]


@pytest.fixture
def signed_in(client, patient_a):
    client.force_login(patient_a.user)
    return client


def pain_form(owner, **fields):
    return {"submission_id": str(uuid.uuid4()), "resume_owner": owner, **fields}


def test_a_warning_sign_sent_after_the_idle_sign_out_is_saved_on_signing_in(signed_in, patient_a):
    start = timezone.localtime()
    owner = form_owner(signed_in)
    with at(start, minutes=31):
        response = signed_in.post("/pain/", pain_form(owner, score="8", swelling="on"))
        assert response.status_code == 302
        assert response["Location"] == LOGIN  # no health data in the address
        assert not PainEntry.objects.exists()
        page = signed_in.get(LOGIN).text
        assert "What you just sent is kept" in html.unescape(page)
        response = sign_in(signed_in, patient_a.user.email)
    entry = PainEntry.objects.get()
    assert (entry.score, entry.swelling, entry.patient) == (8, True, patient_a)
    assert entry.alert.warning_sign
    assert response["Location"] == f"/pain/{entry.pk}/saved/"
    page = html.unescape(signed_in.get(response["Location"]).text)
    assert "You were signed out before your entry was sent. It is saved now." in page
    assert "Contact the clinic today" in page


def test_an_unfinished_entry_comes_back_filled_in_after_signing_in(signed_in, patient_a):
    start = timezone.localtime()
    owner = form_owner(signed_in)
    with at(start, minutes=31):
        signed_in.post("/pain/", pain_form(owner, context="during", note="Halfway up the hill."))
        response = sign_in(signed_in, patient_a.user.email)
        assert response["Location"] == "/pain/"
        page = html.unescape(signed_in.get("/pain/").text)
    assert not PainEntry.objects.exists()
    assert "Check it and press “Save entry”." in page
    assert "Halfway up the hill.</textarea>" in page
    assert re.search(r'value="during"\s+id="id_context_1" checked', page)
    assert "Choose a number from 0 to 10, or tick a warning sign below." in page
    # Once shown, it is not shown again.
    with at(start, minutes=32):
        assert "Halfway up the hill." not in signed_in.get("/pain/").text


def test_an_entry_sent_after_the_session_vanished_is_kept_for_its_owner(client, patient_a):
    client.force_login(patient_a.user)
    owner = form_owner(client)
    client.logout()  # signed out in another tab, say
    response = client.post("/pain/", pain_form(owner, score="3"))
    assert response["Location"] == LOGIN
    response = sign_in(client, patient_a.user.email)
    entry = PainEntry.objects.get()
    assert entry.score == 3
    assert response["Location"] == f"/pain/{entry.pk}/saved/"


def test_another_person_signing_in_gets_nothing_of_it(client, patient_a, clinic_a, clinician_a):
    other = make_patient("other@patients.example", clinic_a, clinician_a)
    client.force_login(patient_a.user)
    owner = form_owner(client)
    client.logout()
    client.post("/pain/", pain_form(owner, score="6", note="Ada's private note"))
    response = sign_in(client, other.user.email)
    assert response["Location"] == "/"
    assert not PainEntry.objects.exists()
    assert "Ada's private note" not in html.unescape(client.get("/pain/").text)
    # Dropped, not kept for later: the patient's own next sign-in finds nothing either.
    client.logout()
    sign_in(client, patient_a.user.email)
    assert not PainEntry.objects.exists()


@pytest.mark.parametrize("owner", ["", "forged-token", "1"])
def test_a_post_without_a_valid_owner_token_is_not_kept(client, patient_a, owner):
    response = client.post("/pain/", pain_form(owner, score="3"))
    assert response["Location"] == f"{LOGIN}?next=/pain/"
    sign_in(client, patient_a.user.email)
    assert not PainEntry.objects.exists()


def test_a_kept_post_is_never_finished_for_the_wrong_account(client, patient_a, patient_a2):
    client.force_login(patient_a2.user)
    someone_else = form_owner(client)
    client.logout()
    client.post("/pain/", pain_form(someone_else, score="3"))
    sign_in(client, patient_a.user.email)
    assert not PainEntry.objects.exists()


def test_a_session_check_off_after_the_sign_out_counts_for_the_day_it_was_sent(
    signed_in, patient_a, plan_a
):
    zone = patient_a.clinic.zone
    evening = dt.datetime.combine(patient_a.clinic.today(), dt.time(23, 0), zone)
    with at(evening):
        signed_in.force_login(patient_a.user)
        owner = form_owner(signed_in, "/")
    with at(evening, minutes=45):  # idle for 45 minutes: signed out, the post kept
        response = signed_in.post(f"/plans/{plan_a.pk}/done/", {"resume_owner": owner})
        assert response["Location"] == LOGIN
    with at(evening, minutes=90):  # signs in again after midnight
        response = sign_in(signed_in, patient_a.user.email)
        assert response["Location"] == "/"
        page = html.unescape(signed_in.get("/").text)
    assert list(SessionLog.objects.values_list("date", flat=True)) == [evening.date()]
    day = formats.date_format(evening.date(), "DATE_FORMAT")
    assert f"You were signed out before this was sent. Your session of {day} is saved" in page
