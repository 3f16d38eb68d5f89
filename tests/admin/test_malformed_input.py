"""Malformed input in the admin: a clear refusal (400) that changes nothing, never a 500.

tests/security/test_hostile_input.py walks every page with hostile values; these tests say
what the person sees for each kind of bad input.
"""

import uuid

import pytest

from education.models import ProgrammeTemplate
from patients.models import Plan
from tests.conftest import make_pain_entry

WRONG_FILTER = "a filter in its address has a value the portal does not understand"
HUGE = "1180591620717411303424"


@pytest.mark.parametrize(
    "value", ["abc", HUGE, "9" * 5000, "%C2%B2", "-1", "another-clinic", "%FF%FE"]
)
def test_a_clinician_filter_value_that_is_not_one_of_the_clinics_is_a_wrong_filter(
    client, clinician_a, clinician_b, patient_a, value
):
    client.force_login(clinician_a)
    value = str(clinician_b.pk) if value == "another-clinic" else value
    response = client.get(f"/admin/patients/patient/?clinician={value}")
    assert response.status_code == 400
    assert WRONG_FILTER in response.text
    assert 'href="/admin/patients/patient/"' in response.text  # the way back to the list


def test_the_clinicians_own_id_still_filters(client, clinician_a, patient_a, patient_a2):
    client.force_login(clinician_a)
    response = client.get(f"/admin/patients/patient/?clinician={clinician_a.pk}")
    assert response.status_code == 200
    assert set(response.context["cl"].result_list) == {patient_a, patient_a2}


@pytest.mark.parametrize("value", ["abc", "0", "-7", HUGE, "%C2%B2", "30%00"])
def test_a_period_the_big_lists_do_not_offer_is_a_wrong_filter(
    client, clinician_a, patient_a, value
):
    make_pain_entry(patient_a)
    client.force_login(clinician_a)
    response = client.get(f"/admin/patients/painentry/?recent={value}")
    assert response.status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        "recorded_at__year=99999999999",
        "recorded_at__year=9999&recorded_at__month=12&recorded_at__day=31",
        "recorded_at__year=2026&recorded_at__month=13",
        "recorded_at__year=abc",
    ],
)
def test_a_date_hierarchy_the_list_no_longer_has_is_refused(client, clinician_a, patient_a, query):
    # The big lists lost their date hierarchy (each scanned the whole table): an address
    # that still asks for one is refused, whatever its value, never a server error.
    make_pain_entry(patient_a)
    client.force_login(clinician_a)
    response = client.get(f"/admin/patients/painentry/?{query}")
    assert response.status_code == 400
    assert "The portal could not read this request" in response.text


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("/admin/patients/alert/", "patient=abc"),
        ("/admin/patients/alert/", f"patient={uuid.uuid4()}"),
        ("/admin/auditlog/logentry/", "recent=abc"),
        ("/admin/clinic/accessrecord/", "recent=forever"),
        ("/admin/education/exercise/", "is_published__exact=maybe"),
        ("/admin/education/article/", "reviewed_on__gte=2026-02-30"),
    ],
)
def test_any_list_answers_a_malformed_filter_with_the_wrong_filter_page(
    client, manager_a, records_a, url, query
):
    client.force_login(manager_a)
    response = client.get(f"{url}?{query}")
    assert response.status_code == 400
    assert WRONG_FILTER in response.text


def test_the_alert_list_filters_by_the_patient_of_the_alert_count(
    client, clinician_a, records_a, patient_a2, patient_b
):
    from patients.services import record_pain

    other, _ = record_pain(patient=patient_a2, submission_id=uuid.uuid4(), score=9, context="rest")
    client.force_login(clinician_a)
    response = client.get(f"/admin/patients/alert/?patient={patient_a2.pk}")
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [other.alert]
    # Another clinic's patient is not one to filter by.
    response = client.get(f"/admin/patients/alert/?patient={patient_b.pk}")
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("/admin/education/exercise/", f"conditions__id__exact={HUGE}"),
        ("/admin/education/article/", f"conditions__id__exact={HUGE}"),
    ],
)
def test_an_id_too_large_for_any_row_lists_nothing(client, manager_a, records_a, url, query):
    client.force_login(manager_a)
    response = client.get(f"{url}?{query}")
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == []


@pytest.mark.parametrize(
    "lookup", ["staff_notes__icontains=knee", "pk__in=1,2", "user__email__startswith=a", "id__gt=0"]
)
def test_a_list_filters_only_by_what_its_filters_offer(client, front_desk_a, patient_a, lookup):
    # The front desk never sees staff notes: a typed address cannot search them either.
    patient_a.staff_notes = "Left knee, post-op"
    patient_a.save()
    client.force_login(front_desk_a)
    response = client.get(f"/admin/patients/patient/?{lookup}")
    assert response.status_code == 400
    assert "The portal could not read this request" in response.text
    assert "Ada" not in response.text


@pytest.mark.parametrize(
    "url",
    [
        "/admin/patients/patient/?q=%00",
        "/admin/patients/patient/?q=Ada%00",
        "/admin/patients/patient/?clinician=1%00",
        "/admin/autocomplete/?app_label=patients&model_name=plan&field_name=patient&term=%00",
        "/admin/patients/patient/%00/change/",
        "/library/?q=%00",
        "/accounts/login/?next=/%00",
    ],
)
def test_a_nul_character_anywhere_in_an_address_is_refused_with_a_clear_page(
    client, clinician_a, patient_a, url
):
    client.force_login(clinician_a)
    response = client.get(url)
    assert response.status_code == 400
    assert "a null character" in response.text
    assert "Nothing was saved" in response.text


def test_the_refusal_speaks_the_browsers_language(client, db):
    response = client.get("/accounts/login/?next=%00", HTTP_ACCEPT_LANGUAGE="fr-CA")
    assert response.status_code == 400
    assert "caractère nul" in response.text


def test_a_nul_character_in_a_form_is_refused_and_nothing_is_saved(client, clinician_a, plan_a):
    client.force_login(clinician_a)
    response = client.post(
        f"/admin/patients/plan/{plan_a.pk}/change/", {"title": "New\x00title", "status": "active"}
    )
    assert response.status_code == 400
    assert "a null character" in response.text
    plan_a.refresh_from_db()
    assert plan_a.title != "New\x00title"


@pytest.mark.parametrize("selected", ["abc", HUGE, "9" * 5000, "%C2%B2"])
def test_an_action_posted_with_an_id_that_is_not_one_does_nothing_and_says_so(
    client, clinician_a, plan_a, selected
):
    client.force_login(clinician_a)
    response = client.post(
        "/admin/patients/plan/",
        f"action=pause_plans&index=0&_selected_action={plan_a.pk}&_selected_action={selected}",
        content_type="application/x-www-form-urlencoded",
        follow=True,
    )
    assert response.status_code == 200
    assert "The selection could not be read, so nothing was done." in response.text
    plan_a.refresh_from_db()
    assert plan_a.status == Plan.Status.ACTIVE


@pytest.mark.parametrize("value", ["%C2%B2", "abc", HUGE, "9" * 5000, "-1", "another-clinic"])
def test_a_template_id_that_is_not_one_chooses_no_template(
    client, clinic_b, clinician_a, patient_a, library, value
):
    if value == "another-clinic":
        theirs = ProgrammeTemplate.objects.get(slug="knee-settle-phase-1")
        value = str(theirs.pk)
        theirs.clinic = clinic_b
        theirs.save()
    client.force_login(clinician_a)
    url = f"/admin/patients/patient/{patient_a.pk}/assign-programme/"
    response = client.get(f"{url}?template={value}")
    assert response.status_code == 200
    assert response.context["template_chosen"] is None
    plans_before = set(Plan.objects.filter(patient=patient_a))
    response = client.post(url, {"template": value, "start_date": "2026-12-01"})
    assert response.status_code == 200
    assert "template" in response.context["form"].errors
    assert set(Plan.objects.filter(patient=patient_a)) == plans_before


@pytest.mark.parametrize("charset", ["idna", "base64", "rot13"])
def test_a_form_in_an_encoding_that_cannot_be_read_is_refused(client, db, charset):
    response = client.generic(
        "POST",
        "/accounts/login/",
        data=b"username=\xff\xfe%FF@a.example&password=x",
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert response.status_code == 400
    assert "its text is not in an encoding the portal understands" in response.text


@pytest.mark.parametrize(
    "content_type",
    [
        "application/x-www-form-urlencoded; charset=\x00",
        "application/x-www-form-urlencoded; charset*=bogus''utf-8",
        "multipart/form-data; boundary*=bogus''x",
    ],
)
def test_a_content_type_django_cannot_parse_is_refused_before_django(db, content_type):
    from wsgiref.util import setup_testing_defaults

    from clinic.wsgi import application

    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/accounts/login/"}
    setup_testing_defaults(environ)
    environ["CONTENT_TYPE"] = content_type
    statuses = []
    body = b"".join(application(environ, lambda status, headers: statuses.append(status)))
    assert statuses == ["400 Bad Request"]
    assert b"Content-Type header is malformed" in body


def test_a_well_formed_request_goes_through_the_guard(db, settings):
    from wsgiref.util import setup_testing_defaults

    from clinic.wsgi import application

    settings.ALLOWED_HOSTS = ["testserver"]
    environ = {"PATH_INFO": "/accessibility/", "HTTP_HOST": "testserver"}
    setup_testing_defaults(environ)
    environ["CONTENT_TYPE"] = "text/plain; charset=utf-8"
    statuses = []
    application(environ, lambda status, headers: statuses.append(status))
    assert statuses == ["200 OK"]


@pytest.mark.parametrize(
    "body",
    [
        b"username=\xff\xfe&password=x",
        b"username=%FF%FE%ED%A0%80&password=%C0%AF",
        b"username=ada%40patients.example\xc3\x28&password=a-long-test-password",
    ],
)
def test_a_sign_in_form_in_invalid_utf8_is_answered_with_the_form(client, patient_a, body):
    response = client.generic(
        "POST", "/accounts/login/", data=body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert "Enter a valid email address." in response.text
    assert "_auth_user_id" not in client.session
