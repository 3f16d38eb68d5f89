"""My data: everything the portal holds about me, as JSON and CSV, and nobody else's."""

import csv
import io
import json
import re

import pytest

from patients import services
from patients.models import Alert, Patient
from tests.conftest import make_pain_entry


@pytest.fixture
def my_history(plan_a, patient_a, clinician_a):
    """patient_a's data, with a recognisable value in every section."""
    Patient.objects.filter(pk=patient_a.pk).update(staff_notes="Prefers morning visits.")
    services.log_session(
        patient=patient_a, plan=plan_a, date=patient_a.clinic.today(), note="Felt strong."
    )
    entry = make_pain_entry(patient_a, score=8, note="=SUM(A1:A9)", swelling=True)
    Alert.objects.create(
        patient=patient_a,
        pain_entry=entry,
        warning_sign=True,
        high_score=True,
        advice=Alert.Advice.CONTACT_TODAY,
        note="Called her.",
    )
    return entry


@pytest.fixture
def their_history(plan_a2, patient_a2):
    make_pain_entry(patient_a2, score=5, note="Ben's own note")
    services.log_session(
        patient=patient_a2, plan=plan_a2, date=patient_a2.clinic.today(), note="Ben's session"
    )


def downloaded(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


@pytest.fixture
def signed_in(client, patient_a):
    client.force_login(patient_a.user)
    return client


def test_the_page_offers_both_downloads(signed_in):
    response = signed_in.get("/my-data/")
    assert response.status_code == 200
    assert 'href="/my-data.json" download' in response.text
    assert 'href="/my-data.csv" download' in response.text


@pytest.mark.parametrize(
    ("path", "content_type"),
    [("/my-data.json", "application/json"), ("/my-data.csv", "text/csv; charset=utf-8")],
)
def test_downloads_are_attachments_never_cached(signed_in, my_history, path, content_type):
    response = signed_in.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    extension = path.rsplit(".", 1)[1]
    assert re.fullmatch(
        rf'attachment; filename="my-data-\d{{4}}-\d{{2}}-\d{{2}}\.{extension}"',
        response["Content-Disposition"],
    )
    assert "no-store" in response["Cache-Control"]


def test_the_json_holds_every_section_of_my_data(
    signed_in, my_history, their_history, patient_a, plan_a
):
    data = json.loads(downloaded(signed_in, "/my-data.json"))
    assert data["profile"][0]["email"] == "ada@patients.example"
    assert data["profile"][0]["notes_for_staff"] == "Prefers morning visits."
    assert data["profile"][0]["clinic"] == "Clinic A"
    assert [plan["id"] for plan in data["plans"]] == [str(plan_a.pk)]
    assert len(data["plan_exercises"]) == 4
    assert [version["version"] for version in data["plan_versions"]] == [1]
    assert len(data["articles"]) == 2
    assert [session["note"] for session in data["sessions"]] == ["Felt strong."]
    assert [entry["id"] for entry in data["pain_entries"]] == [str(my_history.pk)]
    assert data["pain_entries"][0]["swelling"] is True
    assert [alert["note"] for alert in data["alerts"]] == ["Called her."]


def test_the_downloads_hold_nothing_about_another_patient(
    signed_in, my_history, their_history, patient_a2
):
    for path in ("/my-data.json", "/my-data.csv"):
        content = downloaded(signed_in, path)
        assert "Ben's" not in content
        assert "ben@patients.example" not in content
        assert str(patient_a2.pk) not in content


def test_the_csv_lists_every_field_by_section_and_defuses_formulas(signed_in, my_history):
    rows = list(csv.DictReader(io.StringIO(downloaded(signed_in, "/my-data.csv"))))
    sections = {row["Section"] for row in rows}
    assert sections == {
        "Profile",
        "Plans",
        "Plan exercises",
        "Plan versions",
        "Articles",
        "Sessions",
        "Pain entries",
        "Alerts",
        "Reminders",
    }
    note = next(row for row in rows if row["Section"] == "Pain entries" and row["Field"] == "Note")
    assert note["Record"] == str(my_history.pk)
    assert note["Value"] == "'=SUM(A1:A9)"


def test_the_export_makes_a_fixed_number_of_queries(
    signed_in, django_assert_num_queries, my_history, patient_a
):
    for _ in range(50):
        make_pain_entry(patient_a, score=3)
    # session, user, patient (with conditions), plans (items, revisions), articles,
    # sessions (with their exercises), pain entries, alerts, reminder choices, emails,
    # teach-back answers, proposals, and the audit row.
    with django_assert_num_queries(17):
        response = signed_in.get("/my-data.json")
        body = b"".join(response.streaming_content)
    assert response.status_code == 200
    assert len(json.loads(body)["pain_entries"]) == 51


@pytest.mark.parametrize("path", ["/my-data.json", "/my-data.csv"])
def test_downloads_stream_as_they_are_read(signed_in, my_history, path):
    response = signed_in.get(path)
    assert response.streaming
    assert "Content-Length" not in response


def test_the_downloads_name_things_in_the_patients_language(signed_in, my_history, patient_a):
    patient_a.user.language = "fr"
    patient_a.user.save(update_fields=["language"])
    data = json.loads(downloaded(signed_in, "/my-data.json"))
    # The JSON keeps its keys and codes for other software, and names them in French.
    assert data["labels"]["sections"]["pain_entries"] == "Entrées de douleur"
    assert data["pain_entries"][0]["context"] == "after"
    assert data["plan_exercises"][0]["exercise"] == "Contraction du quadriceps"
    rows = list(csv.DictReader(io.StringIO(downloaded(signed_in, "/my-data.csv"))))
    assert set(rows[0]) == {"Section", "Fiche", "Champ", "Valeur"}
    context = next(r for r in rows if r["Champ"] == "Moment de la douleur")
    assert (context["Section"], context["Valeur"]) == ("Entrées de douleur", "Après l'exercice")
    swelling = next(
        r for r in rows if r["Section"] == "Entrées de douleur" and r["Valeur"] == "oui"
    )
    assert swelling["Champ"].startswith("Mon genou")


def test_my_reminder_choices_and_the_emails_about_me_are_in_my_data(
    signed_in, patient_a, clinician_a
):
    import datetime as dt

    from patients.models import OutgoingMessage, ReminderPreference

    ReminderPreference.objects.create(
        patient=patient_a, enabled=True, time=dt.time(7, 30), saturday=False, sunday=False
    )
    OutgoingMessage.objects.create(
        clinic=patient_a.clinic,
        kind=OutgoingMessage.Kind.REMINDER,
        recipient=patient_a.user,
        to=patient_a.user.email,
        patient=patient_a,
        on_date=patient_a.clinic.today(),
    )
    OutgoingMessage.objects.create(
        clinic=patient_a.clinic,
        kind=OutgoingMessage.Kind.NUDGE,
        recipient=clinician_a,
        to=clinician_a.email,
        patient=patient_a,
        on_date=patient_a.clinic.today(),
    )

    data = json.loads(downloaded(signed_in, "/my-data.json"))

    [reminders] = data["reminders"]
    assert reminders["reminders_on"] is True
    assert reminders["reminder_time"] == "07:30"
    assert reminders["reminder_days"] == "Monday; Tuesday; Wednesday; Thursday; Friday"
    assert [(email["kind"], email["sent_to"]) for email in data["emails"]] == [
        ("reminder", "ada@patients.example"),
        ("nudge", str(clinician_a)),
    ]
    # Staff appear by name, never by address.
    assert clinician_a.email not in downloaded(signed_in, "/my-data.csv")


def test_a_patient_who_never_chose_sees_the_default_reminder_choices(signed_in):
    data = json.loads(downloaded(signed_in, "/my-data.json"))
    assert data["reminders"][0]["reminders_on"] is False
    assert data["reminders"][0]["nudges_on"] is True
    assert data["emails"] == []
