"""Migration patients 0005: entries that raised an alert per kind keep one, with every reason."""

import datetime as dt
import uuid

import pytest
from django.utils import timezone

from tests.migrations import latest, migrate

BEFORE = [("patients", "0004_plan_print_handout")]
AFTER = [("patients", "0005_alert_per_entry_phone")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_old_alerts_of_one_entry_become_one_alert_with_every_reason():
    old = migrate(BEFORE)
    try:
        Clinic = old.get_model("clinic", "Clinic")
        User = old.get_model("clinic", "User")
        Patient = old.get_model("patients", "Patient")
        PainEntry = old.get_model("patients", "PainEntry")
        Alert = old.get_model("patients", "Alert")
        clinic = Clinic.objects.create(name="Old clinic", slug="old")
        staff = User.objects.create(email="staff@old.example", is_staff=True)
        patient = Patient.objects.create(
            user=User.objects.create(email="p@old.example"), clinic=clinic
        )
        now = timezone.now()

        def entry(**signs):
            return PainEntry.objects.create(
                patient=patient,
                score=9,
                recorded_at=now,
                context="rest",
                location="kneecap",
                knee="left",
                submission_id=uuid.uuid4(),
                **signs,
            )

        both_open = entry(swelling=True)
        for kind in ("warning_sign", "high_score"):
            Alert.objects.create(kind=kind, patient=patient, pain_entry=both_open)
        half_seen = entry(swelling=True)
        Alert.objects.create(
            kind="warning_sign", patient=patient, pain_entry=half_seen, note="Rang her."
        )
        Alert.objects.create(
            kind="high_score",
            patient=patient,
            pain_entry=half_seen,
            acknowledged_by=staff,
            acknowledged_at=now,
            note="Seen.",
        )
        all_seen = entry()
        for kind, minutes in (("high_score", 5), ("rising", 9)):
            Alert.objects.create(
                kind=kind,
                patient=patient,
                pain_entry=all_seen,
                acknowledged_by=staff,
                acknowledged_at=now + dt.timedelta(minutes=minutes),
            )
        rise = entry()
        Alert.objects.create(kind="rising", patient=patient, pain_entry=rise)

        new = migrate(AFTER)
        Alert = new.get_model("patients", "Alert")
        alerts = {alert.pain_entry_id: alert for alert in Alert.objects.all()}
        assert len(alerts) == Alert.objects.count() == 4

        merged = alerts[both_open.pk]
        assert (merged.warning_sign, merged.high_score, merged.rising) == (True, True, False)
        assert (merged.advice, merged.acknowledged_at) == ("contact", None)

        # One of two was still open: the merged alert is open, nothing a clinician has not
        # seen is closed, and both notes are kept.
        merged = alerts[half_seen.pk]
        assert merged.acknowledged_at is None
        assert merged.note == "Rang her.\nSeen."

        merged = alerts[all_seen.pk]
        assert (merged.high_score, merged.rising) == (True, True)
        assert merged.acknowledged_at == now + dt.timedelta(minutes=9)
        assert merged.acknowledged_by_id == staff.pk

        assert alerts[rise.pk].advice == "ease_off"
    finally:
        migrate(latest())
