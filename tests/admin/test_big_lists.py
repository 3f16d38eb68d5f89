"""The lists of the tables that grow without end: recent rows first, a capped count."""

import datetime as dt

from django.utils import timezone

from clinic.admin import CappedPaginator
from patients.models import PainEntry
from tests.conftest import make_pain_entry


def test_pain_entries_open_on_the_last_30_days(client, clinician_a, patient_a):
    recent = make_pain_entry(patient_a, score=4, at=timezone.now() - dt.timedelta(days=2))
    old = make_pain_entry(patient_a, score=6, at=timezone.now() - dt.timedelta(days=45))
    client.force_login(clinician_a)
    shown = list(client.get("/admin/patients/painentry/").context["cl"].result_list)
    assert shown == [recent]
    everything = client.get("/admin/patients/painentry/", {"recent": "all"})
    assert list(everything.context["cl"].result_list) == [recent, old]
    assert "Last 30 days" in everything.text


def test_a_list_past_the_cap_says_more_than_and_does_not_count_on(
    client, clinician_a, patient_a, monkeypatch
):
    monkeypatch.setattr(CappedPaginator, "CAP", 3)
    for hours in range(5):
        make_pain_entry(patient_a, at=timezone.now() - dt.timedelta(hours=hours))
    client.force_login(clinician_a)
    response = client.get("/admin/patients/painentry/")
    assert response.context["cl"].result_count == 4  # counted to one past the cap
    assert "More than 3: the filters and the search narrow the list." in response.text
    assert PainEntry.objects.count() == 5


def test_a_short_list_is_counted_exactly(client, clinician_a, patient_a):
    make_pain_entry(patient_a)
    client.force_login(clinician_a)
    response = client.get("/admin/patients/painentry/")
    assert response.context["cl"].result_count == 1
    assert "More than" not in response.text
