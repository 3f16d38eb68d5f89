"""Alerts from pain entries: the rules, and the clinician's email after the commit."""

import datetime as dt
import uuid

import pytest
from django.core import mail
from django.utils import timezone

from patients import services
from patients.models import Alert, PainEntry, Patient
from tests.conftest import make_pain_entry

WARNING = Alert.Kind.WARNING_SIGN
HIGH = Alert.Kind.HIGH_SCORE
RISING = Alert.Kind.RISING


@pytest.mark.parametrize(
    ("signs", "score", "threshold", "previous", "expected"),
    [
        pytest.param({"cannot_bear_weight": True}, 2, 7, [], [WARNING], id="cannot-bear-weight"),
        pytest.param({"swelling": True}, 2, 7, [], [WARNING], id="swelling"),
        pytest.param({"locking_or_giving_way": True}, 2, 7, [], [WARNING], id="locking"),
        pytest.param({"fever_or_redness": True}, 2, 7, [], [WARNING], id="fever"),
        pytest.param({"worsening_pain": True}, 2, 7, [], [WARNING], id="worsening"),
        pytest.param({}, 2, 7, [], [], id="nothing-to-report"),
        pytest.param({}, 7, 7, [], [HIGH], id="at-the-threshold"),
        pytest.param({}, 6, 7, [], [], id="just-below-the-threshold"),
        pytest.param({}, 10, 7, [], [HIGH], id="worst-pain"),
        pytest.param({}, 5, 5, [], [HIGH], id="clinic-lowered-its-threshold"),
        pytest.param({}, 7, 8, [], [], id="clinic-raised-its-threshold"),
        pytest.param({}, 5, 7, [3, 3, 3], [RISING], id="rise-of-2-over-baseline"),
        pytest.param({}, 5, 7, [2, 3, 4], [RISING], id="baseline-is-the-median"),
        pytest.param({}, 4, 7, [3, 3, 3], [], id="rise-of-1-only"),
        pytest.param({}, 6, 7, [3, 3], [], id="too-few-entries-for-a-baseline"),
        pytest.param({"swelling": True}, 9, 7, [3, 3, 3], [WARNING, HIGH, RISING], id="all"),
    ],
)
def test_alert_rules(signs, score, threshold, previous, expected):
    entry = PainEntry(score=score, **signs)
    kinds = services.alert_kinds(entry=entry, threshold=threshold, previous_scores=previous)
    assert kinds == expected


def record(patient, *, score, **fields):
    entry, _created = services.record_pain(
        patient=patient,
        submission_id=uuid.uuid4(),
        score=score,
        recorded_at=timezone.now(),
        context="rest",
        location="kneecap",
        knee="right",
        **fields,
    )
    return entry


@pytest.mark.parametrize(("days_ago", "expected"), [(2, [RISING]), (15, [])])
def test_the_baseline_counts_only_the_previous_14_days(patient_a, days_ago, expected):
    for _ in range(3):
        make_pain_entry(patient_a, score=1, at=timezone.now() - dt.timedelta(days=days_ago))
    entry = record(patient_a, score=4)
    assert [alert.kind for alert in entry.alerts.all()] == expected


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
    assert [alert.kind for alert in Alert.objects.all()] == [HIGH]


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


def test_the_email_holds_no_health_details(client, django_capture_on_commit_callbacks, patient_a):
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
        "visibly swollen",
        "Ada",
        "ada@patients.example",
        str(PainEntry.objects.get().pk),
    ):
        assert detail not in content
    assert "holds no health details" in email.body


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


def test_a_patient_without_a_clinician_still_gets_the_alert(
    client, django_capture_on_commit_callbacks, patient_a
):
    Patient.objects.filter(pk=patient_a.pk).update(clinician=None)
    client.force_login(patient_a.user)
    with django_capture_on_commit_callbacks(execute=True):
        post_entry(client, patient_a, score="3", fever_or_redness="on")
    assert [alert.kind for alert in Alert.objects.all()] == [WARNING]
    assert mail.outbox == []
