"""Reading handouts back: a PDF's pages and text, and the audit rows printing leaves."""

import io

import pytest
from pypdf import PdfReader

from clinic.models import AccessRecord
from patients import handouts


def read_pdf(document: bytes) -> PdfReader:
    assert document.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(document))


def pdf_of(response) -> PdfReader:
    """The PDF in a response, checked to be one (read once per response)."""
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    if not hasattr(response, "pdf_reader"):
        response.pdf_reader = read_pdf(response.content)
    return response.pdf_reader


def pdf_text(response) -> str:
    """The PDF's text, with every run of white space (line ends too) as one space."""
    if not hasattr(response, "pdf_text"):
        pages = pdf_of(response).pages
        response.pdf_text = " ".join(" ".join(page.extract_text() for page in pages).split())
    return response.pdf_text


def print_records():
    """(what, patient id, actor) for every print or download recorded, oldest first."""
    records = AccessRecord.objects.filter(action__in=["print", "pdf", "batch_pdf"]).order_by("pk")
    return [(r.action, str(r.patient_id), r.actor) for r in records]


def dose_line(item) -> str:
    """An item's dose as the handout's dose row reads in the PDF's text: its side as the
    patient's own knee."""

    def seconds(value, none):
        if not value:
            return none
        return f"{value} second" if value == 1 else f"{value} seconds"

    dose = item.dose.for_patient(item.plan.patient.affected_side)
    return " ".join(
        [
            str(dose.sets),
            str(dose.reps),
            seconds(dose.hold_seconds, "No hold"),
            seconds(dose.rest_seconds, "No rest needed"),
            str(dose.times_per_day),
            str(dose.days_per_week),
            str(dose.get_side_display()),
        ]
    )


QUICK_PDF = b"%PDF-1.7 (not laid out)\n"


@pytest.fixture
def quick_pdf(monkeypatch):
    """The page is rendered (every query made, every check passed), but not laid out as a
    PDF: the response holds the HTML the PDF would be made of, after QUICK_PDF. For tests
    of who may print and what is recorded; the tests of what a PDF holds lay it out."""
    monkeypatch.setattr(handouts, "render_pdf", lambda html, base_url: QUICK_PDF + html.encode())


def quick_pdf_html(response) -> str:
    """The handout HTML in a `quick_pdf` response, checked to be a PDF response."""
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(QUICK_PDF)
    return response.content.removeprefix(QUICK_PDF).decode()


@pytest.fixture(scope="session")
def plan_a_pdf(django_db_setup, django_db_blocker):
    """The cast's plan_a handout as the front desk prints it from the admin (US Letter,
    regular print), laid out once for the tests that read it; made in a transaction that
    is rolled back, so it leaves no audit row or session behind."""
    from django.db import transaction

    from clinic.models import User
    from tests.conftest import CAST_PKS, PortalClient

    with django_db_blocker.unblock(), transaction.atomic():
        client = PortalClient()
        client.force_login(User.objects.get(pk=CAST_PKS["front_desk_a"]))
        response = client.get(f"/admin/patients/plan/{CAST_PKS['plan_a']}/handout.pdf")
        transaction.set_rollback(True)
    assert response.status_code == 200
    return response
