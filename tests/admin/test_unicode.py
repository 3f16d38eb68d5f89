"""Unicode in names, addresses and searches: names shown isolated, look-alike addresses and
invisible or direction characters refused, and a search finds a name however its accents
were typed."""

import unicodedata

import pytest

from clinic.models import Clinic, User
from patients.models import Patient
from tests.admin.test_patient_admin import patient_data
from tests.conftest import make_patient
from tests.education.conftest import make_exercise

ADD = "/admin/patients/patient/add/"
NOT_ONE_LINE = "Type this on one line of plain text"
NEW_EMAIL = "nora.lee@example.com"  # patient_data's


@pytest.mark.parametrize(
    "last_name",
    [
        "\u202eevil",  # right-to-left override
        "\u202bembedded",  # right-to-left embedding
        "\u2067isolate",  # right-to-left isolate, never closed
        "سارة",  # a name written right to left
    ],
)
def test_a_name_is_shown_isolated_on_the_lists_and_the_handout(
    client, clinician_a, patient_a, plan_a, last_name
):
    # Stored before names were checked (or a right-to-left name, which is fine).
    User.objects.filter(pk=patient_a.user_id).update(last_name=last_name)
    client.force_login(clinician_a)
    expected = f"<bdi>Ada {last_name}</bdi>"
    assert expected in client.get("/admin/patients/patient/").text
    assert f"<bdi>Ada {last_name}</bdi>" in client.get("/admin/patients/plan/").text
    handout = client.get(f"/admin/patients/plan/{plan_a.pk}/handout/")
    assert handout.status_code == 200
    assert f'<dd class="patient-name"><bdi>Ada {last_name}</bdi></dd>' in handout.text


@pytest.mark.parametrize(
    "typed",
    ["\u202eLee", "Lee\u202c", "Le\u200be", "Lee\nBen", "Lee\rBen", "Lee\tBen", "Lee\u2028Ben"],
)
def test_a_name_with_a_line_break_or_an_invisible_character_is_refused(client, clinician_a, typed):
    client.force_login(clinician_a)
    response = client.post(ADD, patient_data(clinician_a, last_name=typed))
    assert response.status_code == 200
    assert NOT_ONE_LINE in response.context["adminform"].form.errors["last_name"][0]
    assert not Patient.objects.filter(user__email=NEW_EMAIL).exists()


@pytest.mark.parametrize(
    "typed", ["Zoë", "O'Brien", "Jean-François", "سارة", "Nguyễn", "می\u200cخواهم", "Van der Berg"]
)
def test_names_in_any_script_are_kept_as_typed(client, clinician_a, typed):
    client.force_login(clinician_a)
    response = client.post(ADD, patient_data(clinician_a, last_name=typed))
    assert response.status_code == 302
    added = Patient.objects.get(user__email=NEW_EMAIL)
    assert added.user.last_name == unicodedata.normalize("NFC", typed)


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("alex@patients\u200b.example", "invisible character"),
        ("alex@patients.example\u200d", "invisible character"),
        ("alex@p\u0430tients.example", "mixes alphabets"),  # a Cyrillic "а"
        ("alex@patients.ex\u0430mple", "mixes alphabets"),
        ("\u0430lex@patients.example", "Enter a valid email address"),  # Django's own check
        ("ａlex@patients.example", "Enter a valid email address"),  # full-width "ａ"
        ("ALEX@patients.example", "Another account already uses this email address"),
        # "расе" all in Cyrillic: one alphabet, and the look of the account "pace".
        ("alex@расе.example", "looks the same as another account"),
    ],
)
def test_an_address_that_passes_for_another_is_refused_for_a_patient(
    client, clinic_a, clinician_a, typed, why
):
    make_patient("alex@patients.example", clinic_a, clinician_a)
    make_patient("alex@pace.example", clinic_a, clinician_a)
    before = Patient.objects.count()
    client.force_login(clinician_a)
    response = client.post(ADD, patient_data(clinician_a, email=typed))
    assert response.status_code == 200
    assert why in " ".join(response.context["adminform"].form.errors["email"])
    assert Patient.objects.count() == before


def test_an_address_that_passes_for_another_is_refused_for_a_staff_account(client, superuser):
    client.force_login(superuser)
    response = client.post(
        "/admin/clinic/user/add/",
        {"email": "root@p\u0430rtal.example", "usable_password": "false"},
    )
    assert response.status_code == 200
    assert "mixes alphabets" in " ".join(response.context["adminform"].form.errors["email"])
    assert not User.objects.filter(email__startswith="root@p\u0430").exists()


def test_an_address_in_an_accented_domain_is_accepted(client, clinician_a):
    client.force_login(clinician_a)
    response = client.post(ADD, patient_data(clinician_a, email="remy@québec.ca"))
    assert response.status_code == 302
    assert User.objects.filter(email="remy@québec.ca").exists()


DECOMPOSED = unicodedata.normalize("NFD", "Rémy")


@pytest.mark.parametrize(
    ("stored", "searched"),
    [
        ("Rémy", DECOMPOSED),
        ("Rémy", "Rémy"),
        (DECOMPOSED, "Rémy"),  # typed decomposed in the form: stored composed
        ("Zoë", unicodedata.normalize("NFD", "zoë")),
    ],
)
def test_a_search_finds_a_name_however_its_accents_were_typed(
    client, clinician_a, stored, searched
):
    client.force_login(clinician_a)
    assert client.post(ADD, patient_data(clinician_a, first_name=stored)).status_code == 302
    patient = Patient.objects.get(user__email=NEW_EMAIL)
    assert patient.user.first_name == unicodedata.normalize("NFC", stored)
    listed = client.get("/admin/patients/patient/", {"q": searched})
    assert list(listed.context["cl"].result_list) == [patient]
    found = client.get(
        "/admin/autocomplete/",
        {"app_label": "patients", "model_name": "plan", "field_name": "patient", "term": searched},
    )
    assert [row["id"] for row in found.json()["results"]] == [str(patient.pk)]


def test_the_library_search_finds_an_exercise_however_its_accents_were_typed(
    client, clinic_a, clinician_a
):
    make_exercise("pont", name="Pont élevé", clinic=clinic_a)
    client.force_login(clinician_a)
    response = client.get("/library/", {"q": unicodedata.normalize("NFD", "élevé")})
    assert response.status_code == 200
    assert [exercise.name for exercise in response.context["exercises"]] == ["Pont élevé"]


@pytest.mark.parametrize(
    "name", ["Clinic A\nBcc: all@x.example", "Clinic\r\nA", "Clinic\tA", "A\u2028B"]
)
def test_a_clinic_name_on_more_than_one_line_is_refused(client, clinic_a, manager_a, name):
    client.force_login(manager_a)
    response = client.post(
        f"/admin/clinic/clinic/{clinic_a.pk}/change/",
        {
            "name": name,
            "slug": clinic_a.slug,
            "phone": clinic_a.phone,
            "time_zone": clinic_a.time_zone,
            "alert_threshold": "7",
        },
    )
    assert response.status_code == 200
    assert NOT_ONE_LINE in response.context["adminform"].form.errors["name"][0]
    assert Clinic.objects.get(pk=clinic_a.pk).name == "Clinic A"
