"""The one-click unsubscribe link of reminders and nudges: it asks on GET, acts on POST (the
mail program's one click included), and a link changed, used again or outdated changes
nothing and says so."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.test import Client

from patients import reminders
from patients.models import WEEKDAYS, ReminderPreference

EVERY_DAY = [day for day, _label in WEEKDAYS]


@pytest.fixture
def subscribed(patient_a):
    return reminders.save_preference(
        patient=patient_a, enabled=True, time=dt.time(18), days=EVERY_DAY, nudges=True
    )


def link(preference, kind=reminders.REMINDER):
    return f"/reminders/unsubscribe/{reminders.unsubscribe_token(preference, kind)}/"


def enabled(patient):
    return ReminderPreference.objects.get(patient=patient).enabled


def test_opening_the_link_asks_and_changes_nothing(client, subscribed, patient_a):
    response = client.get(link(subscribed))
    assert response.status_code == 200
    assert b"Press the button to receive no more exercise reminders" in response.content
    assert enabled(patient_a)


def test_the_mail_programs_one_click_turns_reminders_off(subscribed, patient_a):
    # RFC 8058: a POST with this body, no cookie, no CSRF token.
    client = Client(enforce_csrf_checks=True)
    response = client.post(link(subscribed), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert b"no more of these emails" in response.content
    assert not enabled(patient_a)
    assert LogEntry.objects.filter(object_pk=str(patient_a.pk), action=LogEntry.Action.UPDATE)


def test_a_link_used_again_changes_nothing(client, subscribed, patient_a):
    url = link(subscribed)
    client.post(url)
    before = ReminderPreference.objects.get(patient=patient_a).updated_at
    response = client.post(url)
    assert b"These emails are already off" in response.content
    assert ReminderPreference.objects.get(patient=patient_a).updated_at == before


def test_an_old_link_cannot_undo_a_later_choice(client, subscribed, patient_a, frozen_clock):
    old = link(subscribed)
    client.post(old)
    frozen_clock.shift(dt.timedelta(days=1))
    reminders.save_preference(
        patient=patient_a, enabled=True, time=dt.time(18), days=EVERY_DAY, nudges=True
    )
    response = client.post(old)
    assert b"This link is from an older email" in response.content
    assert enabled(patient_a)


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_link_changed_by_hand_is_refused_plainly(client, subscribed, patient_a, method):
    token = reminders.unsubscribe_token(subscribed, reminders.REMINDER)
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    response = getattr(client, method)(f"/reminders/unsubscribe/{tampered}/")
    assert response.status_code == 400
    assert b"This link does not work" in response.content
    assert enabled(patient_a)


def test_a_link_to_another_kind_of_email_is_refused(client, subscribed, patient_a):
    from django.core import signing

    token = signing.dumps(
        {"patient": str(patient_a.pk), "kind": "enabled", "since": ""},
        salt=reminders.UNSUBSCRIBE_SALT,
    )
    assert client.post(f"/reminders/unsubscribe/{token}/").status_code == 400
    assert enabled(patient_a)


def test_the_nudge_link_turns_off_nudges_only(client, subscribed, patient_a):
    client.post(link(subscribed, reminders.NUDGE))
    preference = ReminderPreference.objects.get(patient=patient_a)
    assert (preference.enabled, preference.nudges) == (True, False)


def test_the_page_speaks_the_patients_language(client, subscribed, patient_a):
    patient_a.user.language = "fr"
    patient_a.user.save()
    response = client.post(link(subscribed))
    assert b'lang="fr"' in response.content
