"""What people type prints as they typed it: escaped in the page, literal in the PDF."""

import pytest

from tests.handouts.conftest import pdf_text

SCRIPT = "<script>alert('x')</script>"
BOLD = "<b>Bold</b> & Co"


@pytest.fixture
def hostile_plan(plan_a):
    user = plan_a.patient.user
    user.first_name, user.last_name = SCRIPT, BOLD
    user.save()
    plan_a.title = f"Knees {BOLD}"
    plan_a.message = f"Note: {SCRIPT} {BOLD}"
    plan_a.save()
    item = plan_a.items.order_by("position").first()
    item.note = f"Careful {BOLD} {SCRIPT}"
    item.save()
    clinic = plan_a.patient.clinic
    clinic.name, clinic.address = f"Knee {BOLD}", f"1 {SCRIPT} Street"
    clinic.save()
    return plan_a


URLS = [
    lambda plan: f"/admin/patients/plan/{plan.pk}/handout/",
    lambda plan: f"/admin/patients/patient/{plan.patient.pk}/handout/",
]
PDF_URLS = [
    lambda plan: f"/admin/patients/plan/{plan.pk}/handout.pdf",
    lambda plan: f"/admin/patients/patient/{plan.patient.pk}/handout.pdf",
]


@pytest.mark.parametrize("url", URLS)
def test_the_print_page_escapes_names_and_notes(client, clinician_a, hostile_plan, url):
    client.force_login(clinician_a)
    text = client.get(url(hostile_plan)).text
    assert "<script" not in text
    assert "<b>" not in text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in text
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Co" in text


@pytest.mark.parametrize("url", PDF_URLS)
def test_the_pdf_prints_names_and_notes_literally(client, clinician_a, hostile_plan, url):
    client.force_login(clinician_a)
    text = pdf_text(client.get(url(hostile_plan)))
    assert f"{SCRIPT} {BOLD}" in text  # the patient's name
    assert f"Note: {SCRIPT} {BOLD}" in text
    assert f"Careful {BOLD} {SCRIPT}" in text
    assert f"Knees {BOLD}" in text
    assert f"1 {SCRIPT} Street" in text
    assert "&amp;" not in text
    assert "&lt;" not in text


def test_the_patients_own_pdf_prints_literally_too(client, hostile_plan):
    client.force_login(hostile_plan.patient.user)
    text = pdf_text(client.get(f"/plans/{hostile_plan.pk}/handout.pdf"))
    assert f"Careful {BOLD} {SCRIPT}" in text


def test_a_batch_prints_literally_too(client, clinician_a, hostile_plan):
    client.force_login(clinician_a)
    response = client.post(
        "/admin/patients/plan/",
        {"action": "print_handouts", "_selected_action": [str(hostile_plan.pk)]},
    )
    assert f"{SCRIPT} {BOLD}" in pdf_text(response)
