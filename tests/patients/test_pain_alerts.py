"""Alerts from pain entries: the rules, one alert per entry, and the clinician's email."""

import datetime as dt
import uuid

import pytest
from django.core import mail
from django.utils import timezone

from clinic.models import User
from patients import outbox, rules, services
from patients.models import Alert, OutgoingMessage, PainEntry, Patient
from tests.conftest import make_pain_entry

W, H, R = "warning_sign", "high_score", "rising"


@pytest.mark.parametrize(
    ("sign", "score", "threshold", "previous", "expected"),
    [
        pytest.param(True, 2, 7, [], {W}, id="warning-sign"),
        pytest.param(True, None, 7, [3, 3, 3], {W}, id="warning-sign-without-a-score"),
        pytest.param(False, 2, 7, [], set(), id="nothing-to-report"),
        pytest.param(False, 7, 7, [], {H}, id="at-the-threshold"),
        pytest.param(False, 6, 7, [], set(), id="just-below-the-threshold"),
        pytest.param(False, 10, 7, [], {H}, id="worst-pain"),
        pytest.param(False, 5, 5, [], {H}, id="clinic-lowered-its-threshold"),
        pytest.param(False, 7, 8, [], set(), id="clinic-raised-its-threshold"),
        pytest.param(False, 5, 7, [3, 3, 3], {R}, id="rise-of-2-over-baseline"),
        pytest.param(False, 5, 7, [2, 3, 4], {R}, id="baseline-is-the-median"),
        pytest.param(False, 5, 7, [3, None, 3, 3], {R}, id="entries-without-a-score-skipped"),
        pytest.param(False, 4, 7, [3, 3, 3], set(), id="rise-of-1-only"),
        pytest.param(False, 6, 7, [3, 3], set(), id="too-few-entries-for-a-baseline"),
        pytest.param(True, 9, 7, [3, 3, 3], {W, H, R}, id="all"),
    ],
)
def test_alert_rules(sign, score, threshold, previous, expected):
    reasons = rules.alert_reasons(
        score=score, has_warning_sign=sign, threshold=threshold, previous_scores=previous
    )
    assert {name for name in (W, H, R) if getattr(reasons, name)} == expected
    assert bool(reasons) == bool(expected)
    assert reasons.contact_today == bool(expected & {W, H})


def record(patient, *, score, **fields):
    entry, _created = services.record_pain(
        patient=patient,
        submission_id=uuid.uuid4(),
        score=score,
        recorded_at=timezone.now(),
        **fields,
    )
    return entry


@pytest.mark.parametrize(("days_ago", "rising"), [(2, True), (15, False)])
def test_the_baseline_counts_only_the_previous_14_days(patient_a, days_ago, rising):
    for _ in range(3):
        make_pain_entry(patient_a, score=1, at=timezone.now() - dt.timedelta(days=days_ago))
    entry = record(patient_a, score=4)
    assert (entry.alert_or_none is not None) == rising


def test_every_reason_of_an_entry_is_on_its_one_alert(patient_a):
    for _ in range(3):
        make_pain_entry(patient_a, score=2, at=timezone.now() - dt.timedelta(days=1))
    entry = record(patient_a, score=8, fever_or_redness=True)
    alert = Alert.objects.get()
    assert alert.pain_entry == entry
    assert (alert.warning_sign, alert.high_score, alert.rising) == (True, True, True)
    assert alert.advice == Alert.Advice.CONTACT_TODAY


def post_entry(client, patient, **overrides):
    data = {
        "score": "3",
        "recorded_at": patient.clinic.now().strftime("%Y-%m-%dT%H:%M"),
        "context": "after",
        "location": "kneecap",
        "knee": "right",
        "note": "",
        "submission_id": str(uuid.uuid4()),
        **overrides,
    }
    return client.post("/pain/", data), data


def test_the_clinics_current_threshold_applies(client, patient_a):
    clinic = patient_a.clinic
    clinic.alert_threshold = 4
    clinic.save()
    client.force_login(patient_a.user)
    post_entry(client, patient_a, score="4")
    assert Alert.objects.get().high_score


def test_the_clinician_is_emailed_once_after_the_commit(
    client, django_capture_on_commit_callbacks, patient_a
):
    client.force_login(patient_a.user)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response, data = post_entry(
            client, patient_a, score="8", swelling="on", note="Knee puffed up on the stairs."
        )
        client.post("/pain/", data)  # the same form again: no second entry, no second email
    assert response.status_code == 302
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["clinician@a.example"]
    assert email.subject == "Clinic A: a patient needs your attention"
    alert = Alert.objects.get()
    assert f"/admin/patients/alert/{alert.pk}/change/" in email.body


def alert_email(patient, clinician_language, **entry):
    User.objects.filter(pk=patient.clinician_id).update(language=clinician_language)
    patient.clinician.refresh_from_db()
    mail.outbox.clear()
    entry.setdefault("score", None)
    # Delivered as the worker does, by the alert's queued message (patients.outbox).
    alert = record(patient, **entry).alert
    outbox.deliver(alert.messages.get(kind=OutgoingMessage.Kind.ALERT).pk)
    (email,) = mail.outbox
    return email


@pytest.mark.parametrize(
    ("entry", "language", "reasons", "told"),
    [
        pytest.param(
            {"cannot_bear_weight": True},
            "en",
            ["- I can't put weight on my leg"],
            "Please contact the clinic today.",
            id="warning-sign-en",
        ),
        pytest.param(
            {"cannot_bear_weight": True},
            "fr",
            ["- Je suis incapable de mettre du poids sur ma jambe"],
            "Veuillez communiquer avec la clinique aujourd'hui.",
            id="warning-sign-fr",
        ),
        pytest.param(
            {"score": 9},
            "en",
            ["- High pain score"],
            "Please contact the clinic today.",
            id="high-score-en",
        ),
        pytest.param(
            {"score": 9},
            "fr",
            ["- Douleur élevée"],
            "Veuillez communiquer avec la clinique aujourd'hui.",
            id="high-score-fr",
        ),
        pytest.param(
            {"score": 5, "rising": True},
            "en",
            ["- Pain rising above baseline"],
            "Ease off for a day or two",
            id="rise-en",
        ),
        pytest.param(
            {"score": 5, "rising": True},
            "fr",
            ["- Douleur en hausse par rapport à d'habitude"],
            "Allez-y plus doucement pendant un jour ou deux",
            id="rise-fr",
        ),
    ],
)
def test_the_email_names_each_reason_and_what_the_patient_was_told(
    patient_a, entry, language, reasons, told
):
    if entry.pop("rising", False):
        for _ in range(3):
            make_pain_entry(patient_a, score=2, at=timezone.now() - dt.timedelta(days=1))
    email = alert_email(patient_a, language, **entry)
    for reason in reasons:
        assert reason in email.body
    assert told in email.body
    # Plain text: no HTML escaping of apostrophes or quotes, in either language.
    assert "&#x27;" not in email.body + email.subject
    assert "&quot;" not in email.body + email.subject
    assert "&amp;" not in email.body + email.subject


def test_the_email_says_exactly_what_the_patient_saw(client, patient_a):
    for _ in range(3):
        make_pain_entry(patient_a, score=2, at=timezone.now() - dt.timedelta(days=1))
    email = alert_email(patient_a, "en", score=5)
    client.force_login(patient_a.user)
    entry = PainEntry.objects.latest("created_at")
    page = client.get(f"/pain/{entry.pk}/saved/").content.decode()
    told = entry.alert.advice_text
    assert f"“{told}”" in email.body
    assert told.replace("'", "&#x27;") in page


def test_a_clinic_name_with_an_apostrophe_reaches_the_email_as_typed(patient_a):
    patient_a.clinic.name = "Physio de l'Île & fils"
    patient_a.clinic.save()
    email = alert_email(patient_a, "fr", swelling=True)
    assert email.subject.startswith("Physio de l'Île & fils :")


def test_the_email_holds_no_other_health_details(
    client, django_capture_on_commit_callbacks, patient_a
):
    Patient.objects.filter(pk=patient_a.pk).update(phone="+16135550142")
    client.force_login(patient_a.user)
    with django_capture_on_commit_callbacks(execute=True):
        post_entry(
            client, patient_a, score="9", swelling="on", note="Knee puffed up on the stairs."
        )
    email = mail.outbox[0]
    content = email.subject + email.body
    for detail in (
        "Knee puffed up",
        "9/10",
        "Ada",
        "ada@patients.example",
        "555-0142",
        "555 0142",
        str(PainEntry.objects.get().pk),
    ):
        assert detail not in content
    assert "holds no other health details" in email.body


def test_nothing_is_sent_before_the_entry_is_committed(
    client, django_capture_on_commit_callbacks, patient_a
):
    client.force_login(patient_a.user)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post_entry(client, patient_a, score="9")
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_no_email_without_an_alert(client, django_capture_on_commit_callbacks, patient_a):
    client.force_login(patient_a.user)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        post_entry(client, patient_a, score="2")
    assert callbacks == []
    assert mail.outbox == []


def test_a_patient_without_a_clinician_still_gets_the_alert_and_the_managers_are_told(
    client, django_capture_on_commit_callbacks, patient_a
):
    Patient.objects.filter(pk=patient_a.pk).update(clinician=None)
    client.force_login(patient_a.user)
    with django_capture_on_commit_callbacks(execute=True):
        post_entry(client, patient_a, score="3", fever_or_redness="on")
    assert Alert.objects.get().warning_sign
    (email,) = mail.outbox
    assert email.to == ["manager@a.example"]
    assert email.subject == "Clinic A: an alert with no clinician to tell"
