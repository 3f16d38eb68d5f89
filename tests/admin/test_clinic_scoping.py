"""Role × admin page × own-clinic or other-clinic object → the exact outcome."""

import pytest

# One of each patient-data row in both clinics, written once for the module.
pytestmark = pytest.mark.usefixtures("clinic_rows")

MODELS = ["patient", "plan", "articleassignment", "painentry", "sessionlog", "alert", "invitation"]

# What each role may do with each model, written out from the issue, not from the code:
# v = view, a = add, c = change, d = delete. Patient-recorded rows (pain, sessions) and
# invitations are read-only for everybody; alerts are acknowledged, never edited. Nobody
# deletes a patient here (deactivate, then the retention purge), and articles are given
# from the patient's page only, so an assignment is only seen or taken back.
CLINICIAN = {
    "patient": "vac",
    "plan": "vacd",
    "articleassignment": "vd",
    "painentry": "v",
    "sessionlog": "v",
    "alert": "v",
    "invitation": "v",
}
RIGHTS = {
    "clinician_a": CLINICIAN,
    "manager_a": CLINICIAN,
    "front_desk_a": {"patient": "vac", "plan": "v", "articleassignment": "v", "invitation": "v"},
    "clinician_b": CLINICIAN,  # a clinician, but of the other clinic
}


def expected(role, model, page, own):
    rights = RIGHTS[role].get(model, "")
    can_view = "v" in rights or "c" in rights
    if page == "changelist":
        return 200 if can_view else 403
    if page == "add":
        return 200 if "a" in rights else 403
    if page == "history":
        if not own:
            return 302  # Django's "does not exist" redirect: it confirms nothing
        return 200 if can_view else 403
    allowed = can_view if page == "change" else "d" in rights
    if not allowed:
        return 403
    return 200 if own else 302


def url(model, page, obj=None):
    base = f"/admin/patients/{model}/"
    return {
        "changelist": base,
        "add": f"{base}add/",
        "change": f"{base}{obj.pk if obj else ''}/change/",
        "delete": f"{base}{obj.pk if obj else ''}/delete/",
        "history": f"{base}{obj.pk if obj else ''}/history/",
    }[page]


@pytest.mark.parametrize("role", list(RIGHTS))
@pytest.mark.parametrize("model", MODELS)
def test_each_role_gets_exactly_its_outcome_on_every_patient_data_page(
    client, request, clinic_rows, role, model
):
    user = request.getfixturevalue(role)
    client.force_login(user)
    own = role.endswith("_a")
    obj = clinic_rows["a"][model]
    outcomes = {
        page: client.get(url(model, page, obj)).status_code
        for page in ("changelist", "add", "change", "delete", "history")
    }
    assert outcomes == {
        page: expected(role, model, page, own)
        for page in ("changelist", "add", "change", "delete", "history")
    }


@pytest.mark.parametrize("model", MODELS)
def test_the_changelist_lists_only_the_own_clinics_rows(client, clinician_a, clinic_rows, model):
    client.force_login(clinician_a)
    query = "?status=all" if model == "alert" else ""
    response = client.get(url(model, "changelist") + query)
    assert response.status_code == 200
    assert str(clinic_rows["a"][model].pk) in response.text
    assert str(clinic_rows["b"][model].pk) not in response.text


def test_a_superuser_sees_every_clinic(client, superuser, clinic_rows):
    client.force_login(superuser)
    response = client.get("/admin/patients/patient/")
    assert str(clinic_rows["a"]["patient"].pk) in response.text
    assert str(clinic_rows["b"]["patient"].pk) in response.text


def test_patient_autocomplete_offers_only_the_own_clinics_patients(
    client, clinician_a, patient_a, patient_a2, patient_b
):
    client.force_login(clinician_a)
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "patients", "model_name": "plan", "field_name": "patient", "term": "Patient"},
    )
    assert response.status_code == 200
    ids = {row["id"] for row in response.json()["results"]}
    assert ids == {str(patient_a.pk), str(patient_a2.pk)}


def test_search_never_reaches_another_clinic(client, clinician_a, patient_a, patient_b):
    client.force_login(clinician_a)
    response = client.get("/admin/patients/patient/", {"q": "cleo"})
    assert response.status_code == 200
    assert str(patient_b.pk) not in response.text
    assert "0 patients" in response.text
