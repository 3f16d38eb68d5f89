"""Staff print a plan's handout from the admin: the print page and the PDF."""

import pytest

from tests.handouts.conftest import dose_line, pdf_of, pdf_text, print_records, quick_pdf_html


def page_url(plan):
    return f"/admin/patients/plan/{plan.pk}/handout/"


def pdf_url(plan):
    return f"/admin/patients/plan/{plan.pk}/handout.pdf"


def test_the_pdf_holds_the_patient_every_exercise_and_its_dose(plan_a_pdf, plan_a):
    response = plan_a_pdf  # as the front desk prints it
    pdf = pdf_of(response)
    assert len(pdf.pages) >= 2  # the exercises, then the sheet with the 14-day grid
    assert "Your next 14 days" in pdf.pages[-1].extract_text()
    assert response["Content-Disposition"].startswith('attachment; filename="handout-')
    assert "no-store" in response["Cache-Control"]

    text = pdf_text(response)
    assert "Ada Patient" in text
    assert "Clinic A" in text
    assert "613-555-0100" in text
    items = list(plan_a.items.select_related("exercise").order_by("position"))
    assert items
    # Each exercise, in order, followed by its own dose.
    position = 0
    for item, following in zip(items, [*items[1:], None], strict=True):
        start = text.index(item.exercise.name, position)
        end = text.index(following.exercise.name, start) if following else len(text)
        assert dose_line(item) in text[start:end], item.exercise.name
        position = end


def test_the_pdf_shows_a_tailored_dose_not_the_exercise_default(client, clinician_a, plan_a):
    item = plan_a.items.order_by("position").first()
    item.reps, item.sets, item.hold_seconds = 17, 4, 9
    item.save()
    client.force_login(clinician_a)
    text = pdf_text(client.get(pdf_url(plan_a)))
    assert "4 17 9 seconds" in text


def test_the_print_page_is_the_same_handout_with_a_print_stylesheet(client, clinician_a, plan_a):
    client.force_login(clinician_a)
    response = client.get(page_url(plan_a))
    assert response.status_code == 200
    text = response.text
    assert "/static/css/print.css" in text
    assert "Ada Patient" in text
    for item in plan_a.items.select_related("exercise"):
        assert item.exercise.name in text
    assert f'href="{pdf_url(plan_a)}"' in text
    assert "Contact the clinic if…" in text
    assert text.count('class="tick-box"') == 14 * plan_a.items.count()
    assert text.count('class="pain-box"') == 14
    assert "<script" not in text
    assert " style=" not in text
    assert "no-store" in response["Cache-Control"]


def test_the_warning_box_lists_the_five_warning_signs_and_the_clinic_phone(plan_a_pdf, db):
    from patients.models import WARNING_SIGN_FIELDS, PainEntry

    text = pdf_text(plan_a_pdf)
    for field in WARNING_SIGN_FIELDS:
        assert str(PainEntry._meta.get_field(field).verbose_name) in text
    assert "Call Clinic A at 613-555-0100." in text
    assert "call 911 or go to the nearest" in text


@pytest.mark.parametrize("role", ["clinician_a", "front_desk_a", "manager_a", "superuser"])
@pytest.mark.parametrize("url", [page_url, pdf_url])
def test_staff_of_the_patients_clinic_can_print(client, request, plan_a, role, url, quick_pdf):
    client.force_login(request.getfixturevalue(role))
    response = client.get(url(plan_a))
    assert response.status_code == 200
    handout = quick_pdf_html(response) if url is pdf_url else response.text
    assert "Ada Patient" in handout


@pytest.mark.parametrize("url", [page_url, pdf_url])
def test_a_clinician_of_another_clinic_gets_not_found_and_nothing_is_recorded(
    client, clinician_b, plan_a, url
):
    client.force_login(clinician_b)
    assert client.get(url(plan_a)).status_code == 404
    assert print_records() == []


@pytest.mark.parametrize("url", [page_url, pdf_url])
def test_a_patient_is_refused_the_staff_print_pages(client, plan_a, url):
    client.force_login(plan_a.patient.user)
    assert client.get(url(plan_a)).status_code == 403
    assert print_records() == []


@pytest.mark.parametrize("url", [page_url, pdf_url])
def test_staff_without_the_print_permission_are_refused(client, front_desk_a, plan_a, url):
    front_desk_a.groups.clear()
    client.force_login(front_desk_a)
    assert client.get(url(plan_a)).status_code == 403


def test_an_unknown_plan_is_not_found(client, clinician_a, db):
    client.force_login(clinician_a)
    assert client.get("/admin/patients/plan/not-a-uuid/handout.pdf").status_code == 404


@pytest.mark.parametrize("url", [page_url, pdf_url])
def test_post_is_not_allowed(client, clinician_a, plan_a, url):
    client.force_login(clinician_a)
    assert client.post(url(plan_a)).status_code == 405


def test_each_print_and_download_is_recorded(client, front_desk_a, plan_a, quick_pdf):
    client.force_login(front_desk_a)
    client.get(page_url(plan_a))
    client.get(pdf_url(plan_a))
    patient = str(plan_a.patient.pk)
    assert print_records() == [("print", patient, front_desk_a), ("pdf", patient, front_desk_a)]


def test_the_plan_page_offers_print_and_download(client, front_desk_a, plan_a):
    client.force_login(front_desk_a)
    text = client.get(f"/admin/patients/plan/{plan_a.pk}/change/").text
    assert f'href="{page_url(plan_a)}"' in text
    assert f'href="{pdf_url(plan_a)}"' in text
