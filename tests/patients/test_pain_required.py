"""A warning sign or a high score is never lost: what a pain entry needs, and what happens to
everything else the patient did or did not fill in."""

import datetime as dt
import html
import re
import uuid

import pytest
from django.core import mail
from django.utils import timezone

from patients.models import WARNING_SIGN_FIELDS, Alert, PainEntry
from tests.conftest import make_pain_entry


@pytest.fixture
def signed_in(client, patient_a):
    client.force_login(patient_a.user)
    return client


def post_only(client, django_capture_on_commit_callbacks, **fields):
    """A form with nothing but `fields` and its token, as a patient in a hurry sends it."""
    data = {"submission_id": str(uuid.uuid4()), **fields}
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/pain/", data)


def today_text(client):
    return html.unescape(client.get("/").content.decode())


@pytest.mark.parametrize("sign", WARNING_SIGN_FIELDS)
def test_a_warning_sign_alone_is_saved_alerts_and_stays_on_today(
    signed_in, django_capture_on_commit_callbacks, sign
):
    response = post_only(signed_in, django_capture_on_commit_callbacks, **{sign: "on"})
    entry = PainEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/pain/{entry.pk}/saved/"
    assert getattr(entry, sign)
    assert (entry.score, entry.context, entry.location, entry.knee) == (None, "", "", "")
    assert entry.alert.warning_sign
    assert entry.alert.advice == Alert.Advice.CONTACT_TODAY
    assert [email.to for email in mail.outbox] == [["clinician@a.example"]]
    saved = html.unescape(signed_in.get(response["Location"]).content.decode())
    assert "Contact the clinic today" in saved
    today = today_text(signed_in)
    assert "Contact the clinic today" in today
    assert 'href="tel:613-555-0100"' in today


@pytest.mark.parametrize("score", [7, 10])
def test_a_high_score_alone_is_saved_alerts_and_stays_on_today(
    signed_in, django_capture_on_commit_callbacks, score
):
    response = post_only(signed_in, django_capture_on_commit_callbacks, score=str(score))
    entry = PainEntry.objects.get()
    assert response.status_code == 302
    assert entry.score == score
    assert entry.alert.high_score
    assert len(mail.outbox) == 1
    assert "Contact the clinic today" in today_text(signed_in)


def test_a_rise_alone_is_saved_and_the_patient_is_told_to_ease_off(
    signed_in, django_capture_on_commit_callbacks, patient_a
):
    for _ in range(3):
        make_pain_entry(patient_a, score=2, at=timezone.now() - dt.timedelta(days=1))
    response = post_only(signed_in, django_capture_on_commit_callbacks, score="5")
    entry = PainEntry.objects.get(score=5)
    assert entry.alert.rising
    assert entry.alert.advice == Alert.Advice.EASE_OFF
    saved = html.unescape(signed_in.get(response["Location"]).content.decode())
    assert "Ease off for a day or two" in saved
    assert len(mail.outbox) == 1
    assert "Ease off for a day or two" in mail.outbox[0].body
    # A rise is not a "contact the clinic today": Today keeps no standing notice for it.
    assert "Contact the clinic today" not in today_text(signed_in)


@pytest.mark.parametrize(
    ("when", "reported"),
    [
        ("next tuesday", "When: Enter a date and time, for example 2026-03-14 18:30."),
        ("2999-01-01T10:00", "When: This time is in the future."),
        ("2001-01-01T10:00", "When: You can record pain from the last 14 days only."),
    ],
)
def test_a_warning_sign_with_a_bad_date_is_saved_now_and_the_date_reported(
    signed_in, django_capture_on_commit_callbacks, when, reported
):
    before = timezone.now()
    response = post_only(
        signed_in,
        django_capture_on_commit_callbacks,
        swelling="on",
        score="4",
        recorded_at=when,
        note="Puffy since lunch.",
    )
    entry = PainEntry.objects.get()
    assert (entry.swelling, entry.score, entry.note) == (True, 4, "Puffy since lunch.")
    assert entry.recorded_at >= before
    assert entry.alert.warning_sign
    page = html.unescape(signed_in.get(response["Location"]).content.decode())
    assert f"Not saved: {reported}" in page
    assert "Contact the clinic today" in page


def test_a_high_score_with_a_forged_choice_saves_what_is_valid(
    signed_in, django_capture_on_commit_callbacks
):
    post_only(
        signed_in,
        django_capture_on_commit_callbacks,
        score="9",
        context="on-the-moon",
        note="x" * 1001,
    )
    entry = PainEntry.objects.get()
    assert (entry.score, entry.context, entry.note) == (9, "", "")
    assert entry.alert.high_score


def test_an_ordinary_entry_with_an_error_saves_nothing_and_keeps_what_was_typed(
    signed_in, django_capture_on_commit_callbacks
):
    response = post_only(
        signed_in,
        django_capture_on_commit_callbacks,
        score="3",
        recorded_at="2999-01-01T10:00",
        context="during",
        note="Stiff after the walk.",
    )
    assert response.status_code == 200
    assert not PainEntry.objects.exists()
    text = html.unescape(response.content.decode())
    assert re.search(r'value="3"\s+id="id_score_3" checked', text)
    assert re.search(r'value="during"\s+id="id_context_1" checked', text)
    assert "Stiff after the walk.</textarea>" in text


def test_errors_come_first_in_a_focused_summary_linking_to_each_field(
    signed_in, django_capture_on_commit_callbacks
):
    response = post_only(
        signed_in, django_capture_on_commit_callbacks, recorded_at="2999-01-01T10:00"
    )
    text = html.unescape(response.content.decode())
    summary = re.search(r'<div class="error-summary.*?</div>', text, re.S)[0]
    assert 'role="alert"' in summary
    assert 'tabindex="-1" autofocus' in summary
    assert "There is a problem" in summary
    assert (
        '<a href="#id_score_0">Choose a number from 0 to 10, or tick a warning sign below.</a>'
        in summary
    )
    assert '<a href="#id_recorded_at">This time is in the future.' in summary
    # The summary opens the form: nothing of the form comes before it.
    form = text[re.search(r'<form\s+action="/pain/"', text).start() :]
    assert form.index("error-summary") < form.index('name="score"')
    # The same messages stand next to their fields.
    assert 'id="error_1_id_recorded_at"' in text
    assert 'id="id_score_0"' in text


def test_the_summary_links_reach_real_fields(signed_in, django_capture_on_commit_callbacks):
    response = post_only(signed_in, django_capture_on_commit_callbacks, recorded_at="junk")
    text = response.content.decode()
    for target in re.findall(r'<li><a href="#([^"]+)"', text):
        assert f'id="{target}"' in text
